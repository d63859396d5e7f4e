import * as path from 'node:path';

/** One problem a checker found. `file` is relative to the project root checked (posix separators). */
export interface Finding {
  checker: string;
  file?: string;
  line?: number;
  col?: number;
  message: string;
  /** Warnings are printed but never fail the gate. Default: error. */
  severity?: 'error' | 'warning';
}

/** What a checker returns: its findings plus optional lines of information (tables, counts). */
export interface CheckResult {
  findings: Finding[];
  info?: string[];
}

export function isError(finding: Finding): boolean {
  return finding.severity !== 'warning';
}

/** `path:line:col [checker] message`, the one format every checker prints. */
export function formatFinding(finding: Finding): string {
  let where = finding.file ?? '(project)';
  if (finding.line !== undefined) {
    where += `:${finding.line}`;
    if (finding.col !== undefined) {
      where += `:${finding.col}`;
    }
  }
  const prefix = finding.severity === 'warning' ? 'warning: ' : '';
  return `${where}: [${finding.checker}] ${prefix}${finding.message}`;
}

/** A path relative to root with forward slashes, as findings carry it. */
export function relativePath(root: string, file: string): string {
  const rel = path.isAbsolute(file) ? path.relative(root, file) : file;
  return rel.split(path.sep).join('/');
}

const REASON = /\/\/.*\breason:\s*\S/i;

/**
 * Whether 1-based `line` of a source (split into lines) or the line before carries a written reason,
 * `// reason: …`: how a deliberate exception to an Apex rule is accepted.
 */
export function hasReason(lines: string[], line: number): boolean {
  return REASON.test(lines[line - 1] ?? '') || REASON.test(lines[line - 2] ?? '');
}
