/**
 * The sf/npm commands the org scripts run, built as argument arrays (pure, unit-tested). Everything that
 * touches an org goes through here so the exact command lines are reviewed in one place.
 */
import path from 'node:path';
import { Command, npmBinary, REPO_ROOT, sfBinary } from '../cli/exec';

export const SCRATCH_DEF = 'config/project-scratch-def.json';
export const DATA_PLAN = 'data/sample-data-plan.json';
export const INTEGRATION_USER_DEF = 'data/users/integration-user-def.json';

/** Assigned to the running (admin) user after deploy. */
export const ADMIN_PERMISSION_SETS = [
  'Voice_Call_Admin',
  'Voice_Call_User',
  'Voice_Call_Connection_Principal'
];
/** Held by the voice system's run-as user only (listed in the user definition file too). */
export const INTEGRATION_PERMISSION_SET = 'Voice_Call_Integration';

export function scratchCreateCommand(options: {
  alias: string;
  days: number;
  devHub?: string;
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
 * Deploys the package directory only: `unpackaged/` (the External Client App an admin creates per org)
 * is deployed on purpose, never as a side effect of deploying the package.
 */
export function deployCommand(targetOrg: string, waitMinutes = 30): Command {
  return {
    file: sfBinary(),
    args: [
      'project',
      'deploy',
      'start',
      '--source-dir',
      'force-app',
      '--target-org',
      targetOrg,
      '--wait',
      String(waitMinutes)
    ],
    description: `deploy force-app to ${targetOrg}`
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

export function apexTestCommand(targetOrg: string): Command {
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
      'RunLocalTests',
      '--wait',
      '30'
    ],
    description: `run Apex tests with coverage in ${targetOrg}`
  };
}

/**
 * Where to send someone after deploy: the setup tab when the screens engineer's tab exists
 * (force-app/main/screens/tabs/<Name>.tab-meta.xml, a Lightning page tab → /lightning/n/<Name>),
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
