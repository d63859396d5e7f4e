export interface IndependenceIssue {
  file: string;
  line: number;
  message: string;
}

const REASON = /\/\/.*\breason:\s*\S/i;

/** A test, by the reason comment rule of the suppressions step. */
export function hasReason(lines: string[], line: number): boolean {
  return REASON.test(lines[line - 1] ?? '') || REASON.test(lines[line - 2] ?? '');
}
