/**
 * npm run test:apex -- [--target-org <alias>] [--min 90] [--installed]
 *
 * Runs the Apex tests with coverage (the one command definition CI uses too: apexTestCommand) into
 * test-results/apex, then fails (exit 1) when a test failed or org-wide coverage is under --min.
 * --installed: the package is installed rather than deployed from source, so RunAllTestsInOrg (installed
 * packages' tests are not "local"). No org: NOT RUN, exit 2.
 */
import { rmSync } from 'node:fs';
import path from 'node:path';
import { FlagSpec, intOption, parseArgs, usage } from '../lib/cli/args';
import { formatCommand, REPO_ROOT, run } from '../lib/cli/exec';
import { EXIT_NO_ORG, refuse, runMain } from '../lib/cli/exit';
import { APEX_RESULTS_DIR, apexTestCommand } from '../lib/org/commands';
import { findTargetOrg, NO_ORG_HINT } from '../lib/org/target-org';
import { judgeCoverage, readSummary } from './coverage';

const FLAGS: FlagSpec[] = [
  { name: 'target-org', short: 'o', value: true, description: 'org with the package (default: sf config)' },
  { name: 'min', value: true, description: 'minimum org-wide coverage % (default 90)' },
  {
    name: 'installed',
    value: false,
    description: 'the package is installed, not deployed: RunAllTestsInOrg'
  },
  { name: 'help', short: 'h', value: false, description: 'show this help' }
];

async function main(): Promise<number> {
  const args = parseArgs(process.argv.slice(2), FLAGS);
  if (args.switches.has('help')) {
    process.stdout.write(`${usage('npm run test:apex -- [options]', 'Apex tests with coverage.', FLAGS)}\n`);
    return 0;
  }
  const min = intOption(args, 'min', 90, 0, 100);
  const target = await findTargetOrg(args.values.get('target-org'));
  if (target === undefined) {
    refuse(`test:apex: NOT RUN — no Salesforce org (${NO_ORG_HINT}). This is not a pass.`, EXIT_NO_ORG);
  }
  const command = apexTestCommand(target.aliasOrUsername, {
    outputDir: APEX_RESULTS_DIR,
    testLevel: args.switches.has('installed') ? 'RunAllTestsInOrg' : 'RunLocalTests'
  });
  // A result left by an earlier run must never be judged as this run's.
  rmSync(path.join(REPO_ROOT, APEX_RESULTS_DIR), { recursive: true, force: true });
  process.stdout.write(`$ ${formatCommand(command)}\n`);
  try {
    await run(command);
  } catch (error) {
    // sf exits non-zero when a test fails; the result files say what failed, so judge them below.
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  }
  const verdict = judgeCoverage(readSummary(path.join(REPO_ROOT, APEX_RESULTS_DIR)), min);
  process.stdout.write(`${verdict.lines.join('\n')}\n`);
  return verdict.ok ? 0 : 1;
}

runMain(main);
