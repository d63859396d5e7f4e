/**
 * npm run package:create -- [--target-dev-hub <alias>]
 *
 * Once per project: creates the unlocked package "Voice Call Logging" (no namespace, path force-app) in the
 * Dev Hub. `sf package create` writes the new 0Ho id to sfdx-project.json packageAliases; commit that file.
 * Refuses when packageAliases already names the package (a second package would orphan the first's versions).
 */
import { FlagSpec, parseArgs, usage } from '../lib/cli/args';
import { formatCommand, runSfJson } from '../lib/cli/exec';
import { refuse, runMain } from '../lib/cli/exit';
import { PACKAGE_NAME, packageCreateCommand } from '../lib/org/commands';
import { resolveDevHub } from '../lib/org/dev-hub';
import { projectPackageId } from '../lib/org/packaging';
import { Progress } from '../lib/org/steps';

const FLAGS: FlagSpec[] = [
  {
    name: 'target-dev-hub',
    short: 'v',
    value: true,
    description: 'Dev Hub alias/username (default: sf config)'
  },
  { name: 'help', short: 'h', value: false, description: 'show this help' }
];

async function main(): Promise<number> {
  const args = parseArgs(process.argv.slice(2), FLAGS);
  if (args.switches.has('help')) {
    process.stdout.write(
      `${usage('npm run package:create -- [options]', 'Create the unlocked package once.', FLAGS)}\n`
    );
    return 0;
  }
  const existing = projectPackageId();
  if (existing !== undefined) {
    refuse(
      `package:create: "${PACKAGE_NAME}" exists already (${existing} in sfdx-project.json); nothing to do.`,
      1
    );
  }
  const devHub = await resolveDevHub(args.values.get('target-dev-hub'), 'package:create');
  const progress = new Progress(2);
  await progress.run(`create the unlocked package "${PACKAGE_NAME}" (Dev Hub ${devHub})`, async () => {
    const command = packageCreateCommand(devHub);
    progress.note(`$ ${formatCommand(command)}`);
    const result = await runSfJson<{ Id?: string }>(command);
    progress.note(`package id ${result.Id ?? '?'}`);
  });
  await progress.run('check sfdx-project.json packageAliases', () => {
    const id = projectPackageId();
    if (id === undefined)
      throw new Error(`sfdx-project.json has no packageAliases entry for "${PACKAGE_NAME}"`);
    progress.note(`"${PACKAGE_NAME}": ${id} — commit sfdx-project.json, then npm run package:version`);
    return Promise.resolve();
  });
  return 0;
}

runMain(main);
