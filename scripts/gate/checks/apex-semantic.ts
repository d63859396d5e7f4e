import * as path from 'node:path';
import type { CheckResult, Finding } from '../lib/finding';
import { relativePath } from '../lib/finding';
import { run, tail } from '../lib/exec';
import { javaProblem, pmdEngineJavaLib } from '../lib/java';

const CHECKER = 'apex-semantic';

interface ApexLsReport {
  files: {
    path: string;
    messages: { start: { line: number; offset: number }; category: string; message: string }[];
  }[];
}

/**
 * apex-ls categories. Syntax, Error and Missing (unknown field/type/method) are what a deploy would
 * reject, so they fail the gate. Warning is apex-ls's style/likely-bug tier (e.g. unreachable code):
 * printed, not failing, because a deploy accepts it and Code Analyzer judges style. `-d warnings`
 * leaves out the Unused tier (unused variables/methods) altogether.
 */
const FAILING_CATEGORIES = new Set(['Syntax', 'Error', 'Missing']);

/** Turns CheckForIssues `-f json` output into findings (paths relative to root). */
export function parseApexLsJson(root: string, json: string): Finding[] {
  const report = JSON.parse(json) as ApexLsReport;
  return report.files.flatMap((file) =>
    file.messages.map((m) => ({
      checker: CHECKER,
      file: relativePath(root, file.path),
      line: m.start.line,
      col: m.start.offset + 1,
      message: `${m.category}: ${m.message.replace(/ expecting \{[^}]{80,}\}/, '')}`,
      severity: FAILING_CATEGORIES.has(m.category) ? ('error' as const) : ('warning' as const)
    }))
  );
}

/** apex-ls CheckForIssues over the project: unknown fields/types/methods, type errors, syntax errors. */
export async function checkApexSemantic(root: string): Promise<CheckResult> {
  const problem = await javaProblem();
  if (problem !== undefined) {
    return { findings: [{ checker: CHECKER, message: problem }] };
  }
  const classpath = path.join(pmdEngineJavaLib(), '*');
  const result = await run(
    'java',
    [
      '-cp',
      classpath,
      'io.github.apexdevtools.apexls.CheckForIssues',
      '-n',
      '-d',
      'warnings',
      '-f',
      'json',
      '-w',
      root
    ],
    { cwd: root, timeoutMs: 300_000 }
  );
  // Exit 0: no issues, 4: issues found; anything else means apex-ls itself failed.
  if (result.error !== undefined || (result.code !== 0 && result.code !== 4)) {
    return {
      findings: [
        {
          checker: CHECKER,
          message: `apex-ls did not run (${result.error ?? `exit ${result.code}`}): ${tail(result.stderr || result.stdout, 3)}`
        }
      ]
    };
  }
  const jsonStart = result.stdout.indexOf('{');
  if (jsonStart < 0) {
    return result.code === 0
      ? { findings: [] }
      : {
          findings: [
            {
              checker: CHECKER,
              message: `apex-ls exit 4 without a report: ${tail(result.stdout + result.stderr, 3)}`
            }
          ]
        };
  }
  return { findings: parseApexLsJson(root, result.stdout.slice(jsonStart)) };
}
