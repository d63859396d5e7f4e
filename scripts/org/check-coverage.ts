/**
 * npx ts-node --transpile-only scripts/org/check-coverage.ts [dir=test-results/apex] [--min 90]
 * Used by CI after `sf apex run test … --output-dir test-results/apex`: fails (exit 1) when a test failed or
 * org-wide coverage is under the minimum.
 */
import { FlagSpec, intOption, parseArgs } from '../lib/cli/args';
import { runMain } from '../lib/cli/exit';
import { judgeCoverage, readSummary } from './coverage';

const FLAGS: FlagSpec[] = [
  { name: 'min', value: true, description: 'minimum org-wide coverage % (default 90)' }
];

function main(): Promise<number> {
  const args = parseArgs(process.argv.slice(2), FLAGS);
  const dir = args.positionals[0] ?? 'test-results/apex';
  const verdict = judgeCoverage(readSummary(dir), intOption(args, 'min', 90, 0, 100));
  process.stdout.write(`${verdict.lines.join('\n')}\n`);
  return Promise.resolve(verdict.ok ? 0 : 1);
}

runMain(main);
