/**
 * The sf/npm commands the org scripts run, built as argument arrays (pure, unit-tested). Everything that
 * touches an org goes through here so the exact command lines are reviewed in one place.
 */
import path from 'node:path';
import { Command, npmBinary, REPO_ROOT, sfBinary } from '../cli/exec';

export const SCRATCH_DEF = 'config/project-scratch-def.json';
export const DATA_PLAN = 'data/sample-data-plan.json';
export const INTEGRATION_USER_DEF = 'data/users/integration-user-def.json';
/** Non-packaged permission set granting the integration user API access (unlocked packages cannot). */
export const INTEGRATION_API_SOURCE = 'unpackaged/integration-user';
/** The inbound External Client App (client credentials), deployed once the run-as user exists. */
export const INBOUND_APP_SOURCE = 'unpackaged/inbound-app';
/**
 * The permission set granting the named credential's principal: kept out of the package because such permission
 * sets have broken `sf package version create` (forcedotcom/cli#2735); deployed before it is assigned.
 */
export const CONNECTION_PRINCIPAL_SOURCE = 'unpackaged/connection';
/** sfdx-project.json `replacements` puts this variable's value into the app's OAuth policies on deploy. */
export const RUN_AS_USER_ENV = 'VOICE_INTEGRATION_USERNAME';
export const APEX_RESULTS_DIR = 'test-results/apex';
export const PACKAGE_NAME = 'Voice Call Logging';

/** Assigned to the running (admin) user after deploy. */
export const ADMIN_PERMISSION_SETS = ['Vcl_Admin', 'Vcl_User', 'Vcl_Connection_Principal'];
/** Held by the voice system's run-as user only (listed in the user definition file too). */
export const INTEGRATION_PERMISSION_SET = 'Vcl_Integration';

export function scratchCreateCommand(options: {
  alias: string;
  days: number;
  devHub?: string;
  /** Org name (overrides the definition's orgName): CI names each org so it can delete it by name. */
  orgName?: string;
  /** A scratch org on the next (or previous) release than the Dev Hub's. */
  release?: 'preview' | 'previous';
  waitMinutes?: number;
}): Command {
  const args = [
    'org',
    'create',
    'scratch',
    '--definition-file',
    SCRATCH_DEF,
    '--alias',
    options.alias,
    '--duration-days',
    String(options.days),
    '--set-default',
    '--wait',
    String(options.waitMinutes ?? 15),
    '--json'
  ];
  if (options.devHub !== undefined) args.push('--target-dev-hub', options.devHub);
  if (options.orgName !== undefined) args.push('--name', options.orgName);
  if (options.release !== undefined) args.push('--release', options.release);
  return {
    file: sfBinary(),
    args,
    description: `create scratch org "${options.alias}" (${options.days} days)`
  };
}

export function buildCommand(): Command {
  return {
    file: npmBinary(),
    args: ['run', 'build'],
    description: 'build the package (LWC TypeScript, generated types)'
  };
}

/**
 * Deploys one source directory (default the package, force-app). `unpackaged/` holds what is per org (the
 * integration user's API grant, the inbound app): each part is deployed on purpose by its own step, never
 * as a side effect of deploying the package.
 */
export function deployCommand(targetOrg: string, sourceDir = 'force-app', waitMinutes = 30): Command {
  return {
    file: sfBinary(),
    args: [
      'project',
      'deploy',
      'start',
      '--source-dir',
      sourceDir,
      '--target-org',
      targetOrg,
      '--wait',
      String(waitMinutes)
    ],
    description: `deploy ${sourceDir} to ${targetOrg}`
  };
}

export function assignPermsetCommand(
  targetOrg: string,
  names: readonly string[],
  onBehalfOf?: string
): Command {
  if (names.length === 0) throw new Error('assignPermsetCommand: no permission set names');
  const args = ['org', 'assign', 'permset', '--target-org', targetOrg];
  names.forEach((n) => args.push('--name', n));
  if (onBehalfOf !== undefined) args.push('--on-behalf-of', onBehalfOf);
  return { file: sfBinary(), args, description: `assign ${names.join(', ')} in ${targetOrg}` };
}

export function createIntegrationUserCommand(targetOrg: string, userAlias: string): Command {
  return {
    file: sfBinary(),
    args: [
      'org',
      'create',
      'user',
      '--target-org',
      targetOrg,
      '--definition-file',
      INTEGRATION_USER_DEF,
      '--set-alias',
      userAlias,
      '--json'
    ],
    description: `create the integration user "${userAlias}" in ${targetOrg}`
  };
}

export function importDataCommand(targetOrg: string): Command {
  return {
    file: sfBinary(),
    args: ['data', 'import', 'tree', '--plan', DATA_PLAN, '--target-org', targetOrg],
    description: `load sample Leads/Contacts into ${targetOrg}`
  };
}

export function openOrgCommand(targetOrg: string, pathInOrg: string, urlOnly: boolean): Command {
  const args = ['org', 'open', '--target-org', targetOrg, '--path', pathInOrg];
  if (urlOnly) args.push('--url-only');
  return { file: sfBinary(), args, description: `open ${pathInOrg} in ${targetOrg}` };
}

/**
 * The one Apex test run (CI and `npm run test:apex`): results and coverage files land in `outputDir` for
 * scripts/org/coverage.ts. RunLocalTests covers source-deployed orgs; an org where the package is
 * installed needs RunAllTestsInOrg, because installed packages' tests are not "local".
 */
export function apexTestCommand(
  targetOrg: string,
  options: { outputDir?: string; testLevel?: 'RunLocalTests' | 'RunAllTestsInOrg'; waitMinutes?: number } = {}
): Command {
  return {
    file: sfBinary(),
    args: [
      'apex',
      'run',
      'test',
      '--target-org',
      targetOrg,
      '--code-coverage',
      '--result-format',
      'human',
      '--test-level',
      options.testLevel ?? 'RunLocalTests',
      '--output-dir',
      options.outputDir ?? APEX_RESULTS_DIR,
      '--wait',
      String(options.waitMinutes ?? 30)
    ],
    description: `run Apex tests with coverage in ${targetOrg}`
  };
}

export function packageCreateCommand(devHub: string): Command {
  return {
    file: sfBinary(),
    args: [
      'package',
      'create',
      '--name',
      PACKAGE_NAME,
      '--package-type',
      'Unlocked',
      '--path',
      'force-app',
      '--no-namespace',
      '--target-dev-hub',
      devHub,
      '--json'
    ],
    description: `create the unlocked package "${PACKAGE_NAME}" in Dev Hub ${devHub}`
  };
}

export function packageVersionCreateCommand(devHub: string, waitMinutes = 60): Command {
  return {
    file: sfBinary(),
    args: [
      'package',
      'version',
      'create',
      '--package',
      PACKAGE_NAME,
      '--code-coverage',
      '--installation-key-bypass',
      '--wait',
      String(waitMinutes),
      '--target-dev-hub',
      devHub,
      '--json'
    ],
    description: `create a version of "${PACKAGE_NAME}" in Dev Hub ${devHub}`
  };
}

export function packageInstallCommand(targetOrg: string, versionId: string, waitMinutes = 30): Command {
  return {
    file: sfBinary(),
    args: [
      'package',
      'install',
      '--package',
      versionId,
      '--target-org',
      targetOrg,
      '--wait',
      String(waitMinutes),
      '--publish-wait',
      '10',
      '--security-type',
      'AdminsOnly',
      '--no-prompt',
      '--json'
    ],
    description: `install package version ${versionId} in ${targetOrg}`
  };
}

/**
 * Where to send someone after deploy: the setup tab when the screens engineer's tab exists
 * (force-app/main/screens/<screen>/tabs/<Name>.tab-meta.xml, a Lightning page tab → /lightning/n/<Name>),
 * else the Call Log list.
 */
export function setupPagePath(tabNames: readonly string[]): string {
  const setup =
    tabNames.find((n) => /setup/i.test(n)) ?? tabNames.find((n) => /voice/i.test(n) && !n.endsWith('__c'));
  return setup !== undefined ? `/lightning/n/${setup}` : '/lightning/o/Call_Log__c/list';
}

export function repoPath(relative: string): string {
  return path.join(REPO_ROOT, relative);
}
