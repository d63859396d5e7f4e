import * as fs from 'node:fs';
import type { CheckResult, Finding } from '../lib/finding';
import { hasReason, relativePath } from '../lib/finding';
import { apexFiles } from '../lib/project';

const CHECKER = 'suppressions';

/** PMD and Code Analyzer suppression markers. */
const SUPPRESSION = /@SuppressWarnings\s*\(\s*'[^']*PMD|\bNOPMD\b|code-analyzer-suppress\b/i;

/**
 * Every suppression in Apex (`@SuppressWarnings('PMD.X')`, `// NOPMD`, `// code-analyzer-suppress`)
 * carries a written reason: a `// reason: …` comment on the same line or the line before.
 */
export function checkSuppressions(root: string): CheckResult {
  const findings: Finding[] = [];
  let count = 0;
  for (const file of apexFiles(root)) {
    const lines = fs.readFileSync(file, 'utf8').split('\n');
    lines.forEach((line, index) => {
      if (!SUPPRESSION.test(line)) {
        return;
      }
      count++;
      if (!hasReason(lines, index + 1)) {
        findings.push({
          checker: CHECKER,
          file: relativePath(root, file),
          line: index + 1,
          message: 'suppression without a written reason: add `// reason: …` on this line or the line before'
        });
      }
    });
  }
  return { findings, info: [`${count} suppressions`] };
}
