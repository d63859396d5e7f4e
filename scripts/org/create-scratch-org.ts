/**
 * npm run org:create -- [--alias voice-call-logging] [--days 7] [--target-dev-hub <alias>] [--no-open]
 *                       [--skip-data] [--skip-integration-user] [--org-name <name>] [--package-version 04t…]
 *
 * Dev Hub API version check → scratch org from config/project-scratch-def.json → build + deploy force-app
 * (or install a package version) → permission sets for the admin (you) → Vcl_Integration_API from
 * unpackaged/ → integration user (data/users/integration-user-def.json) → the inbound External Client App
 * run as that user → sample Leads/Contacts (data/sample-data-plan.json) → opens the setup page. Needs a Dev
 * Hub; without one it stops with exit code 2 and creates nothing.
 */
import { readFileSync, existsSync } from 'node:fs';
import path from 'node:path';
import { Org, SfProject } from '@salesforce/core';
import { FlagSpec, intOption, parseArgs, usage, UsageError } from '../lib/cli/args';
import { formatCommand, REPO_ROOT, run, runSfJson } from '../lib/cli/exec';
import { refuse, runMain } from '../lib/cli/exit';
import { resolveDevHub } from '../lib/org/dev-hub';
import { checkApiVersion } from '../lib/org/api-version';
import {
  ADMIN_PERMISSION_SETS,
  DATA_PLAN,
  importDataCommand,
  CONNECTION_PRINCIPAL_SOURCE,
  openOrgCommand,
  packageInstallCommand,
  scratchCreateCommand
} from '../lib/org/commands';
import { validateDataPlan } from '../lib/org/data-plan';
import { InstallRequestResult, readInstallResult } from '../lib/org/packaging';
import {
  assignPermissionSets,
  build,
  deploy,
  deployInboundApp,
  INTEGRATION_USER_STEPS,
  Progress,
  runStep,
  setupPath,
  setUpIntegrationUser
} from '../lib/org/steps';

const FLAGS: FlagSpec[] = [
  { name: 'alias', short: 'a', value: true, description: 'scratch org alias (default voice-call-logging)' },
  { name: 'days', short: 'd', value: true, description: 'duration in days, 1-30 (default 7)' },
  {
    name: 'target-dev-hub',
    short: 'v',
    value: true,
    description: 'Dev Hub alias/username (default: sf config)'
  },
  { name: 'no-open', value: false, description: 'do not open the browser (implied when CI is set)' },
  { name: 'skip-data', value: false, description: 'do not load the sample Leads/Contacts' },
  { name: 'skip-integration-user', value: false, description: 'do not create the integration user' },
  {
    name: 'org-name',
    value: true,
    description: 'org name for the Dev Hub (CI: unique per run, to delete it by name)'
  },
  {
    name: 'release',
    value: true,
    description: 'preview|previous: scratch org on another release than the Dev Hub'
  },
  {
    name: 'package-version',
    value: true,
    description: 'install this package version (04t… or alias) instead of deploying source'
  },
  { name: 'help', short: 'h', value: false, description: 'show this help' }
];

/** Stops before anything is created when the Dev Hub's release is older than the source (exit 1). */
async function checkDevHubApiVersion(devHub: Org): Promise<void> {
  const project = await SfProject.resolve(REPO_ROOT);
  const sourceApiVersion = (await project.resolveProjectConfig()).sourceApiVersion;
  if (typeof sourceApiVersion !== 'string') throw new Error('sfdx-project.json has no sourceApiVersion');
  const check = checkApiVersion(await devHub.getConnection().retrieveMaxApiVersion(), sourceApiVersion);
  if (!check.ok) refuse(`org:create: ${check.message} Nothing was created.`, 1);
  process.stdout.write(`${check.message}\n`);
}

function checkDataPlan(): void {
  const problems = validateDataPlan(readFileSync(path.join(REPO_ROOT, DATA_PLAN), 'utf8'), (rel) => {
    const full = path.join(REPO_ROOT, 'data', rel);
    return existsSync(full) ? readFileSync(full, 'utf8') : undefined;
  }).problems;
  if (problems.length > 0) throw new Error(`${DATA_PLAN} is not loadable:\n  ${problems.join('\n  ')}`);
}

async function main(): Promise<number> {
  const args = parseArgs(process.argv.slice(2), FLAGS);
  if (args.switches.has('help')) {
    process.stdout.write(
      `${usage('npm run org:create -- [options]', 'Create a scratch org with the package.', FLAGS)}\n`
    );
    return 0;
  }
  const alias = args.values.get('alias') ?? 'voice-call-logging';
  const days = intOption(args, 'days', 7, 1, 30);
  const open = !args.switches.has('no-open') && process.env.CI === undefined;
  const withData = !args.switches.has('skip-data');
  const withIntegrationUser = !args.switches.has('skip-integration-user');
  const orgName = args.values.get('org-name');
  const packageVersion = args.values.get('package-version');
  const release = args.values.get('release');
  if (release !== undefined && release !== 'preview' && release !== 'previous') {
    throw new UsageError(`--release must be preview or previous, got "${release}"`);
  }

  const devHub = await resolveDevHub(args.values.get('target-dev-hub'), 'org:create');
  if (release === undefined) await checkDevHubApiVersion(await Org.create({ aliasOrUsername: devHub }));
  else
    process.stdout.write(
      `--release ${release}: the scratch org is not on the Dev Hub's release; API version check skipped\n`
    );
  if (withData) checkDataPlan(); // fail before spending a scratch org on a broken plan

  const total =
    (packageVersion === undefined ? 5 : 4) +
    (withIntegrationUser ? INTEGRATION_USER_STEPS + 1 : 0) +
    (withData ? 1 : 0) +
    1;
  const progress = new Progress(total);

  await progress.run(`create scratch org "${alias}" for ${days} days (Dev Hub ${devHub})`, async () => {
    const command = scratchCreateCommand({ alias, days, devHub, orgName, release });
    progress.note(`$ ${formatCommand(command)}`);
    const result = await progress.heartbeat(
      'creating the scratch org',
      runSfJson<{ username?: string; orgId?: string }>(command)
    );
    progress.note(
      `username ${result.username ?? '?'}, org id ${result.orgId ?? '?'} (set as default target-org)`
    );
  });
  if (packageVersion === undefined) {
    await progress.run('build the package', () => build(progress));
    await progress.run(`deploy force-app to ${alias}`, () => deploy(alias, progress));
  } else {
    await progress.run(`install package version ${packageVersion}`, async () => {
      const command = packageInstallCommand(alias, packageVersion);
      progress.note(`$ ${formatCommand(command)}`);
      readInstallResult(await progress.heartbeat('installing', runSfJson<InstallRequestResult>(command)));
    });
  }
  await progress.run(`deploy the connection principal permission set (${CONNECTION_PRINCIPAL_SOURCE})`, () =>
    deploy(alias, progress, CONNECTION_PRINCIPAL_SOURCE)
  );
  await progress.run(`assign ${ADMIN_PERMISSION_SETS.join(', ')} to you`, () =>
    assignPermissionSets(alias, ADMIN_PERMISSION_SETS, progress)
  );
  const integrationUsername = withIntegrationUser ? await setUpIntegrationUser(alias, progress) : undefined;
  if (withData) {
    await progress.run('load sample Leads, Accounts and Contacts (phones in many formats)', () =>
      runStep(importDataCommand(alias), progress)
    );
  }
  // Last: it needs the run-as user, and everything the tests and the e2e need is in place before it.
  if (integrationUsername !== undefined) await deployInboundApp(alias, integrationUsername, progress);
  const pagePath = setupPath();
  await progress.run(open ? `open ${pagePath}` : 'where to go next', async () => {
    if (open) await run(openOrgCommand(alias, pagePath, false));
    else progress.note(`sf org open --target-org ${alias} --path ${pagePath}`);
  });
  process.stdout.write(
    `\nScratch org "${alias}" is ready. Post a sample call:\n` +
      `  npm run post-call -- --target-org ${alias} --file data/sample-calls.json\n` +
      `Prove it end to end:\n  npm run e2e -- --target-org ${alias}\n`
  );
  return 0;
}

runMain(main);
