/** The e2e report: one row per case, pass/fail, timings; and the exit code it implies. Pure. */
import { formatTable } from '../lib/cli/table';

export interface CaseResult {
  name: string;
  passed: boolean;
  failures: string[];
  /** Post sent → Task readable by SOQL, when the case measures it. */
  postToTaskMs?: number;
  durationMs: number;
}

export function formatCaseTable(results: readonly CaseResult[]): string {
  const table = formatTable<CaseResult>(
    [
      { header: 'case', value: (r) => r.name, maxWidth: 60 },
      { header: 'result', value: (r) => (r.passed ? 'PASS' : 'FAIL') },
      {
        header: 'post→Task ms',
        value: (r) => (r.postToTaskMs === undefined ? '' : Math.round(r.postToTaskMs)),
        align: 'right'
      },
      { header: 'case ms', value: (r) => Math.round(r.durationMs), align: 'right' }
    ],
    results
  );
  const failed = results.filter((r) => !r.passed);
  const details = failed.flatMap((r) => [`\nFAIL ${r.name}`, ...r.failures.map((f) => `  - ${f}`)]);
  const summary = `\n${results.length - failed.length}/${results.length} cases passed`;
  return [table, ...details, summary].join('\n');
}

/** 0 only when there was at least one case and every case passed. */
export function exitCodeFor(results: readonly CaseResult[]): number {
  return results.length > 0 && results.every((r) => r.passed) ? 0 : 1;
}

export function percentile(values: readonly number[], p: number): number | undefined {
  if (values.length === 0) return undefined;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.ceil((p / 100) * sorted.length) - 1;
  return sorted[Math.min(sorted.length - 1, Math.max(0, rank))];
}
