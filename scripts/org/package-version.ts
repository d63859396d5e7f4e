/**
 * npm run package:version -- [--target-dev-hub <alias>] [--wait 60] [--result-file <path>]
 *
 * npm run build (compiled LWCs into force-app) → sf package version create --code-coverage
 * --installation-key-bypass --wait → prints the version, its coverage and the install URL. With
 * --result-file it also writes {subscriberPackageVersionId, versionNumber, codeCoverage, installUrl} as JSON
 * (CI installs that version into a fresh scratch org). sf adds the version to sfdx-project.json packageAliases.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { FlagSpec, intOption, parseArgs, usage } from '../lib/cli/args';
import { formatCommand, REPO_ROOT, runSfJson } from '../lib/cli/exec';
import { refuse, runMain } from '../lib/cli/exit';
import { PACKAGE_NAME, packageVersionCreateCommand } from '../lib/org/commands';
import { resolveDevHub } from '../lib/org/dev-hub';
import {
  BuiltVersion,
  installUrl,
  projectPackageId,
  PackageVersionResult,
  readPackageVersion
} from '../lib/org/packaging';
import { build, Progress } from '../lib/org/steps';

const FLAGS: FlagSpec[] = [
  {
    name: 'target-dev-hub',
    short: 'v',
    value: true,
    description: 'Dev Hub alias/username (default: sf config)'
  },
  { name: 'wait', short: 'w', value: true, description: 'minutes to wait for the version (default 60)' },
  { name: 'result-file', value: true, description: 'also write the version as JSON to this file' },
  { name: 'help', short: 'h', value: false, description: 'show this help' }
];

async function main(): Promise<number> {
  const args = parseArgs(process.argv.slice(2), FLAGS);
  if (args.switches.has('help')) {
    process.stdout.write(
      `${usage('npm run package:version -- [options]', 'Build a package version.', FLAGS)}\n`
    );
    return 0;
  }
  const wait = intOption(args, 'wait', 60, 5, 240);
  if (projectPackageId() === undefined) {
    refuse(
      `package:version: sfdx-project.json has no package "${PACKAGE_NAME}" yet: run npm run package:create once.`,
      1
    );
  }
  const devHub = await resolveDevHub(args.values.get('target-dev-hub'), 'package:version');
  const progress = new Progress(2);
  await progress.run('build (compiled LWCs into force-app)', () => build(progress));
  const version: BuiltVersion = await progress.run(
    `create a version of "${PACKAGE_NAME}" with code coverage (up to ${wait} min)`,
    async () => {
      const command = packageVersionCreateCommand(devHub, wait);
      progress.note(`$ ${formatCommand(command)}`);
      return readPackageVersion(
        await progress.heartbeat('creating the version', runSfJson<PackageVersionResult>(command))
      );
    }
  );
  const url = installUrl(version.subscriberPackageVersionId);
  const coverage = version.codeCoverage === undefined ? 'not reported' : `${version.codeCoverage} %`;
  process.stdout.write(
    `\nVersion ${version.versionNumber}: ${version.subscriberPackageVersionId}\n` +
      `Code coverage ${coverage}${version.passedCoverageCheck ? '' : ' (below the 75 % needed to promote)'}\n` +
      `Install URL: ${url}\n` +
      `Sandbox:     ${installUrl(version.subscriberPackageVersionId, true)}\n`
  );
  const resultFile = args.values.get('result-file');
  if (resultFile !== undefined) {
    const full = path.resolve(REPO_ROOT, resultFile);
    mkdirSync(path.dirname(full), { recursive: true });
    writeFileSync(full, `${JSON.stringify({ ...version, installUrl: url }, null, 2)}\n`);
  }
  return 0;
}

runMain(main);
