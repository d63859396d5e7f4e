/**
 * Steps shared by `npm run org:create` and `npm start`: build, deploy, assign permission sets — with a
 * progress line per step ([n/N] what … done in s) and errors that name the step.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { Connection, Org } from '@salesforce/core';
import { CommandError, formatCommand, parseSfJson, run, REPO_ROOT, toolEnv } from '../cli/exec';
import { Command } from '../cli/exec';
import {
  assignPermsetCommand,
  buildCommand,
  createIntegrationUserCommand,
  deployCommand,
  INBOUND_APP_SOURCE,
  INTEGRATION_API_SOURCE,
  INTEGRATION_PERMISSION_SET,
  INTEGRATION_USER_DEF,
  RUN_AS_USER_ENV,
  setupPagePath
} from './commands';
import {
  AssignmentRow,
  INTEGRATION_API_PERMISSION_SET,
  INTEGRATION_PROFILE,
  IntegrationUserFacts,
  integrationUserProblems,
  readAssignments,
  readCreateUserOutput,
  soqlLiteral
} from './integration-user';

/** Both are assigned to the integration user; the API grant first (it is what the login needs). */
export const INTEGRATION_PERMISSION_SETS = [INTEGRATION_API_PERMISSION_SET, INTEGRATION_PERMISSION_SET];

export class Progress {
  private step = 0;
  public constructor(
    private readonly total: number,
    private readonly out: NodeJS.WritableStream = process.stdout
  ) {}

  public async run<T>(title: string, work: () => Promise<T>): Promise<T> {
    this.step += 1;
    const started = Date.now();
    this.out.write(`\n[${this.step}/${this.total}] ${title}\n`);
    const result = await work();
    this.out.write(`[${this.step}/${this.total}] done in ${((Date.now() - started) / 1000).toFixed(1)} s\n`);
    return result;
  }

  public note(line: string): void {
    this.out.write(`      ${line}\n`);
  }

  /** For steps that print nothing while they work (sf --json): a line every `everyMs` so CI logs move. */
  public async heartbeat<T>(label: string, work: Promise<T>, everyMs = 30_000): Promise<T> {
    const started = Date.now();
    const timer = setInterval(() => {
      this.note(`… still ${label} (${Math.round((Date.now() - started) / 1000)} s)`);
    }, everyMs);
    try {
      return await work;
    } finally {
      clearInterval(timer);
    }
  }
}

export async function runStep(
  command: Command,
  progress: Progress,
  extraEnv: NodeJS.ProcessEnv = {}
): Promise<void> {
  const shown = Object.keys(extraEnv)
    .map((k) => `${k}=${extraEnv[k] ?? ''} `)
    .join('');
  progress.note(`$ ${shown}${formatCommand(command)}`);
  await run(command, { env: toolEnv(extraEnv) });
}

export async function build(progress: Progress): Promise<void> {
  await runStep(buildCommand(), progress);
}

export async function deploy(targetOrg: string, progress: Progress, sourceDir = 'force-app'): Promise<void> {
  await runStep(deployCommand(targetOrg, sourceDir), progress);
}

/** Names of the metadata files ending in `suffix` under the repository folders `roots`, sorted. */
function metadataNamesInSource(roots: readonly string[], suffix: string): string[] {
  const names: string[] = [];
  const walk = (dir: string, depth: number): void => {
    if (depth > 6 || !existsSync(dir)) return;
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full, depth + 1);
      else if (entry.name.endsWith(suffix)) names.push(entry.name.slice(0, -suffix.length));
    }
  };
  for (const root of roots) walk(path.join(REPO_ROOT, root), 0);
  return names.sort();
}

/**
 * Permission sets present in source — the package's and the non-packaged ones in unpackaged/ — so a
 * renamed or missing one is reported, not silently skipped.
 */
export function permissionSetsInSource(): Set<string> {
  return new Set(metadataNamesInSource(['force-app', 'unpackaged'], '.permissionset-meta.xml'));
}

interface AssignResult {
  successes?: { name: string; value: string }[];
  failures?: { name: string; message: string }[];
}

/** "Already assigned" is success for a re-run; anything else fails the step. */
export function assignmentProblems(result: AssignResult | undefined): string[] {
  return (result?.failures ?? [])
    .filter((f) => !/duplicate|already/i.test(f.message))
    .map((f) => `${f.name}: ${f.message}`);
}

export async function assignPermissionSets(
  targetOrg: string,
  names: readonly string[],
  progress: Progress,
  onBehalfOf?: string
): Promise<void> {
  const inSource = permissionSetsInSource();
  const missing = names.filter((n) => !inSource.has(n));
  if (missing.length > 0) {
    throw new Error(`permission set(s) ${missing.join(', ')} not found in force-app/ or unpackaged/`);
  }
  const command = assignPermsetCommand(targetOrg, names, onBehalfOf);
  command.args.push('--json');
  progress.note(`$ ${formatCommand(command)}`);
  let stdout: string;
  try {
    stdout = (await run(command, { echo: false })).stdout;
  } catch (error) {
    // sf exits non-zero when any assignment fails, duplicates included: read its JSON anyway.
    if (!(error instanceof CommandError)) throw error;
    stdout = error.stdout;
  }
  const parsed = parseSfJson(stdout);
  const result = parsed?.result as AssignResult | undefined;
  if (parsed === undefined) throw new Error(`assigning ${names.join(', ')}: sf printed no JSON`);
  if (result === undefined && parsed.status !== 0) {
    throw new Error(`assigning ${names.join(', ')}: ${parsed.message ?? 'sf failed'}`);
  }
  const problems = assignmentProblems(result);
  if (problems.length > 0) throw new Error(`assigning permission sets failed: ${problems.join('; ')}`);
  progress.note(
    `assigned (or already had): ${names.join(', ')}${onBehalfOf !== undefined ? ` to ${onBehalfOf}` : ''}`
  );
}

/** Tab names the package ships (force-app/**\/tabs/*.tab-meta.xml). */
export function tabNamesInSource(): string[] {
  return metadataNamesInSource(['force-app'], '.tab-meta.xml');
}

export function setupPath(): string {
  return setupPagePath(tabNamesInSource());
}

/**
 * The integration user, created so the first run completes (see integration-user.ts for why the order is
 * bootstrap profile → permission sets → Minimum Access) and proven: its saved session refreshes and reports
 * API Enabled, Apex REST Services and API Only. Re-runnable: a user this machine already holds a session for
 * (alias `userAlias`) is completed, not created again.
 */
export async function ensureIntegrationUser(
  adminAlias: string,
  userAlias: string,
  progress: Progress
): Promise<string> {
  const adminOrg = await Org.create({ aliasOrUsername: adminAlias });
  const admin = adminOrg.getConnection();
  let username = await authorizedUsername(userAlias, adminOrg.getOrgId());
  if (username !== undefined) {
    progress.note(`${userAlias} (${username}) exists already: completing it instead of creating another`);
  } else {
    await deactivateOrphans(admin, progress);
    const command = createIntegrationUserCommand(adminAlias, userAlias);
    progress.note(`$ ${formatCommand(command)}`);
    let stdout: string;
    let exitCode: number | null = 0;
    try {
      stdout = (await progress.heartbeat('creating the user', run(command, { echo: false }))).stdout;
    } catch (error) {
      if (!(error instanceof CommandError)) throw error;
      ({ stdout, exitCode } = error);
    }
    const outcome = readCreateUserOutput(stdout, exitCode);
    if (outcome.state === 'failed')
      throw new Error(`creating the integration user failed (${outcome.message})`);
    if (outcome.state === 'partial') progress.note(outcome.note);
    username = outcome.username;
  }
  await assignPermissionSets(adminAlias, INTEGRATION_PERMISSION_SETS, progress, username);
  await moveToIntegrationProfile(admin, username, progress);
  const facts = await integrationUserFacts(admin, userAlias, username);
  const problems = integrationUserProblems(facts, INTEGRATION_PERMISSION_SETS);
  if (problems.length > 0) {
    throw new Error(`integration user ${username} is not usable:\n  ${problems.join('\n  ')}`);
  }
  progress.note(
    `${username}: ${INTEGRATION_PROFILE} + ${INTEGRATION_PERMISSION_SETS.join(', ')}; its session ` +
      'refreshes and has API Enabled, Apex REST Services, API Only'
  );
  return username;
}

/** How many progress steps setUpIntegrationUser takes. */
export const INTEGRATION_USER_STEPS = 2;

/**
 * The integration user steps of `org:create` and `org:integration-user`: deploys Vcl_Integration_API
 * from unpackaged/, then creates or completes the user `<adminAlias>-integration`. Returns its username.
 */
export async function setUpIntegrationUser(adminAlias: string, progress: Progress): Promise<string> {
  const userAlias = `${adminAlias}-integration`;
  await progress.run(
    `deploy ${INTEGRATION_API_PERMISSION_SET} (${INTEGRATION_API_SOURCE}: API Enabled, Apex REST Services, API Only)`,
    () => deploy(adminAlias, progress, INTEGRATION_API_SOURCE)
  );
  return progress.run(`create or complete the integration user (alias ${userAlias})`, () =>
    ensureIntegrationUser(adminAlias, userAlias, progress)
  );
}

/** Deploys the inbound External Client App with `runAsUser` as its client-credentials run-as user. One step. */
export async function deployInboundApp(
  adminAlias: string,
  runAsUser: string,
  progress: Progress
): Promise<void> {
  await progress.run(`deploy the inbound External Client App, run as ${runAsUser}`, async () => {
    await runStep(deployCommand(adminAlias, INBOUND_APP_SOURCE), progress, { [RUN_AS_USER_ENV]: runAsUser });
    progress.note(
      'consumer key and secret: Setup → External Client App Manager → Voice System Integration → ' +
        'Settings → OAuth Settings → Consumer Key and Secret'
    );
  });
}

/**
 * Username behind an alias when this machine holds an authorization for it in this org (an alias left by an
 * earlier, deleted scratch org of the same name points elsewhere and is ignored; the CLI re-points it).
 */
async function authorizedUsername(alias: string, orgId: string): Promise<string | undefined> {
  try {
    const org = await Org.create({ aliasOrUsername: alias });
    return org.getOrgId() === orgId ? org.getUsername() : undefined;
  } catch {
    return undefined;
  }
}

/**
 * A user from an interrupted earlier run (same Alias as the definition, no session saved here) still holds
 * one of the scratch org's two Salesforce licences, so a new one could not be created: deactivate it.
 */
async function deactivateOrphans(admin: Connection, progress: Progress): Promise<void> {
  const def = JSON.parse(readFileSync(path.join(REPO_ROOT, INTEGRATION_USER_DEF), 'utf8')) as {
    Alias?: string;
  };
  if (def.Alias === undefined) return;
  const orphans = await admin.query<{ Id: string; Username: string }>(
    `SELECT Id, Username FROM User WHERE Alias = ${soqlLiteral(def.Alias)} AND IsActive = true`
  );
  for (const orphan of orphans.records) {
    await admin.sobject('User').update({ Id: orphan.Id, IsActive: false });
    progress.note(`deactivated ${orphan.Username}, left without a session by an interrupted earlier run`);
  }
}

async function moveToIntegrationProfile(
  admin: Connection,
  username: string,
  progress: Progress
): Promise<void> {
  const profile = await admin.singleRecordQuery<{ Id: string }>(
    `SELECT Id FROM Profile WHERE Name = ${soqlLiteral(INTEGRATION_PROFILE)}`
  );
  const user = await admin.singleRecordQuery<{ Id: string; ProfileId: string }>(
    `SELECT Id, ProfileId FROM User WHERE Username = ${soqlLiteral(username)}`
  );
  if (user.ProfileId === profile.Id) return;
  const result = await admin.sobject('User').update({ Id: user.Id, ProfileId: profile.Id });
  if (!result.success) {
    throw new Error(
      `moving ${username} to "${INTEGRATION_PROFILE}" failed: ${JSON.stringify(result.errors)}`
    );
  }
  progress.note(
    `moved ${username} to "${INTEGRATION_PROFILE}" (API access now only from ${INTEGRATION_API_PERMISSION_SET})`
  );
}

async function integrationUserFacts(
  admin: Connection,
  userAlias: string,
  username: string
): Promise<IntegrationUserFacts> {
  const user = await admin.singleRecordQuery<{ Id: string; Profile: { Name: string } | null }>(
    `SELECT Id, Profile.Name FROM User WHERE Username = ${soqlLiteral(username)}`
  );
  const assignments = await admin.query<AssignmentRow>(
    'SELECT PermissionSet.Name, PermissionSet.IsOwnedByProfile, PermissionSet.PermissionsApiEnabled, ' +
      'PermissionSet.PermissionsApexRestServices, PermissionSet.PermissionsApiUserOnly ' +
      `FROM PermissionSetAssignment WHERE AssigneeId = ${soqlLiteral(user.Id)}`
  );
  const { permissionSets, permissions } = readAssignments(assignments.records);
  let sessionError: string | undefined;
  try {
    // A GET of the REST API's base URL with the user's saved refresh token: fails without API Enabled.
    await (await Org.create({ aliasOrUsername: userAlias })).refreshAuth();
  } catch (error) {
    sessionError = error instanceof Error ? error.message.split('\n')[0] : String(error);
  }
  return {
    username,
    profileName: user.Profile?.Name,
    assignedPermissionSets: permissionSets,
    permissions,
    sessionError
  };
}
