import * as path from 'node:path';
import { formatFinding, isError } from './lib/finding';
import { runSecurityScan } from './checks/security-scan';

/**
 * `npm run scan:security`: the AppExchange security review's scanner (Code Analyzer with PMD, Graph
 * Engine and regex) over the package directories. Slow (about two minutes on two cores), so it runs in
 * CI (.ci/run) after the gate, not in `npm test`. Exit code 1 on any failing finding.
 */
async function main(): Promise<number> {
  const root = path.resolve(process.argv[2] ?? process.cwd());
  const started = Date.now();
  const result = await runSecurityScan(root);
  for (const line of result.info ?? []) {
    console.log(line);
  }
  const errors = result.findings.filter(isError);
  for (const finding of result.findings) {
    console.log(formatFinding(finding));
  }
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  console.log(
    errors.length === 0
      ? `✔ security scan (${seconds} s)`
      : `✘ security scan (${seconds} s) — ${errors.length} findings`
  );
  return errors.length === 0 ? 0 : 1;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
    process.exit(1);
  }
);
