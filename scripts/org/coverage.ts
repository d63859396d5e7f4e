/**
 * Reads the result files `sf apex run test --code-coverage --output-dir <dir>` writes
 * (test-run-id.txt → test-result-<id>.json) and decides pass/fail: every test passed and org-wide coverage
 * at or above the threshold (90 % by default). Pure apart from reading the directory.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

export interface ApexRunSummary {
  outcome?: string;
  testsRan?: number;
  passing?: number;
  failing?: number;
  orgWideCoverage?: string;
  testRunCoverage?: string;
}

export interface CoverageVerdict {
  ok: boolean;
  coverage?: number;
  lines: string[];
}

export function parsePercent(value: string | undefined): number | undefined {
  const match = /^(\d+(?:\.\d+)?)\s*%$/.exec(value?.trim() ?? '');
  return match ? Number(match[1]) : undefined;
}

export function judgeCoverage(summary: ApexRunSummary | undefined, threshold: number): CoverageVerdict {
  if (summary === undefined)
    return { ok: false, lines: ['no test summary found: did sf apex run test write --output-dir?'] };
  const coverage = parsePercent(summary.orgWideCoverage);
  const lines = [
    `Apex tests: ${summary.testsRan ?? '?'} ran, ${summary.passing ?? '?'} passed, ${summary.failing ?? '?'} failed (${summary.outcome ?? '?'})`,
    `org-wide coverage: ${summary.orgWideCoverage ?? 'not reported (run with --code-coverage)'}; required ≥ ${threshold} %`
  ];
  const testsOk = (summary.failing ?? 1) === 0 && (summary.testsRan ?? 0) > 0;
  const coverageOk = coverage !== undefined && coverage >= threshold;
  if (!testsOk) lines.push('FAIL: some Apex tests failed (or none ran)');
  if (!coverageOk) lines.push(`FAIL: org-wide coverage below ${threshold} %`);
  return { ok: testsOk && coverageOk, coverage, lines };
}

export function readSummary(dir: string): ApexRunSummary | undefined {
  const idFile = path.join(dir, 'test-run-id.txt');
  if (!existsSync(idFile)) return undefined;
  const id = readFileSync(idFile, 'utf8').trim();
  const resultFile = path.join(dir, `test-result-${id}.json`);
  if (!existsSync(resultFile)) return undefined;
  const parsed = JSON.parse(readFileSync(resultFile, 'utf8')) as { summary?: ApexRunSummary };
  return parsed.summary;
}
