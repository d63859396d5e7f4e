/**
 * The voice system's run-as user in a scratch org, created so that the first run completes.
 *
 * `sf org create user` (plugin-user 5.0, @salesforce/core User.createUser) creates the user, then logs in as
 * it (`describe('User')` with the new user's refresh token) and only then assigns the definition's permission
 * sets. A user whose profile lacks API Enabled fails that login and is left behind without a saved session.
 * "Minimum Access - Salesforce" has no API Enabled and packaged permission sets never carry user permissions,
 * so the user is created with a bootstrap profile that has it (the definition's `profileName`), then gets
 * Vcl_Integration_API (unpackaged/: API Enabled, Apex REST Services, API Only) and
 * Vcl_Integration, and only then is moved to "Minimum Access - Salesforce" — the state an admin
 * builds in production. The saved session is then proven with a token refresh (a REST call as the user) and
 * the effective permissions read from its assignments.
 *
 * Pure parts (reading the CLI's JSON, judging the final state) are exported for the unit tests.
 */
import { parseSfJson } from '../cli/exec';

export const INTEGRATION_API_PERMISSION_SET = 'Vcl_Integration_API';
/** What the user ends with: only the two permission sets grant anything. */
export const INTEGRATION_PROFILE = 'Minimum Access - Salesforce';
/** `sf org create user` exit code when the user exists but a later action (permission sets, password) failed. */
export const EXIT_PARTIAL_SUCCESS = 68;

export type CreateUserOutcome =
  | { state: 'created'; username: string; userId: string }
  | { state: 'partial'; username: string; userId: string; note: string }
  | { state: 'failed'; message: string };

interface CreateUserJson {
  status?: number;
  message?: string;
  result?: { fields?: { username?: string; id?: string } };
}

/**
 * Reads `sf org create user --json` output. Exit 0: created. Exit 68: the user exists and has a saved
 * session, but an action after creation failed — the JSON does not say which (plugin-user prints the
 * failures table only in human output), so the caller checks the assignments itself. Anything else: failed.
 */
export function readCreateUserOutput(stdout: string, exitCode: number | null): CreateUserOutcome {
  const parsed = parseSfJson(stdout) as CreateUserJson | undefined;
  const username = parsed?.result?.fields?.username;
  const userId = parsed?.result?.fields?.id;
  const status = parsed?.status ?? exitCode;
  if (status === 0 && username !== undefined && userId !== undefined) {
    return { state: 'created', username, userId };
  }
  if (status === EXIT_PARTIAL_SUCCESS && username !== undefined && userId !== undefined) {
    return {
      state: 'partial',
      username,
      userId,
      note:
        `sf org create user exit ${EXIT_PARTIAL_SUCCESS}: user ${username} exists, but assigning its ` +
        'permission sets (or its password) failed; the next step assigns what is missing'
    };
  }
  const message = parsed?.message ?? (stdout.trim() === '' ? 'no output' : stdout.trim().slice(0, 300));
  return { state: 'failed', message: `exit ${status ?? 'unknown'}: ${message}` };
}

export interface IntegrationUserFacts {
  username: string;
  profileName: string | undefined;
  assignedPermissionSets: readonly string[];
  /** Effective user permissions: from the profile and every assigned permission set. */
  permissions: EffectivePermissions;
  /** Error of the token refresh (a REST call made with the saved session); undefined when it worked. */
  sessionError: string | undefined;
}

export interface EffectivePermissions {
  apiEnabled: boolean;
  apexRestServices: boolean;
  apiUserOnly: boolean;
}

/** A PermissionSetAssignment row with its permission set's user permissions (the profile's own included). */
export interface AssignmentRow {
  PermissionSet: {
    Name: string;
    IsOwnedByProfile: boolean;
    PermissionsApiEnabled: boolean;
    PermissionsApexRestServices: boolean;
    PermissionsApiUserOnly: boolean;
  };
}

/**
 * A user permission is granted when the profile (its owned permission set is assigned too) or any permission
 * set grants it; named permission sets exclude the profile's own.
 */
export function readAssignments(rows: readonly AssignmentRow[]): {
  permissionSets: string[];
  permissions: EffectivePermissions;
} {
  return {
    permissionSets: rows.filter((r) => !r.PermissionSet.IsOwnedByProfile).map((r) => r.PermissionSet.Name),
    permissions: {
      apiEnabled: rows.some((r) => r.PermissionSet.PermissionsApiEnabled),
      apexRestServices: rows.some((r) => r.PermissionSet.PermissionsApexRestServices),
      apiUserOnly: rows.some((r) => r.PermissionSet.PermissionsApiUserOnly)
    }
  };
}

/** Everything that keeps the user from being the voice system's run-as user, each with its fix. */
export function integrationUserProblems(facts: IntegrationUserFacts, required: readonly string[]): string[] {
  const problems: string[] = [];
  if (facts.sessionError !== undefined) {
    problems.push(`the saved session for ${facts.username} does not work: ${facts.sessionError}`);
  }
  if (facts.profileName !== INTEGRATION_PROFILE) {
    problems.push(`profile is "${facts.profileName ?? 'unknown'}", expected "${INTEGRATION_PROFILE}"`);
  }
  const missing = required.filter((name) => !facts.assignedPermissionSets.includes(name));
  if (missing.length > 0) problems.push(`permission set(s) not assigned: ${missing.join(', ')}`);
  const lacking = [
    facts.permissions.apiEnabled ? undefined : 'API Enabled',
    facts.permissions.apexRestServices ? undefined : 'Apex REST Services',
    facts.permissions.apiUserOnly ? undefined : 'API Only User'
  ].filter((p): p is string => p !== undefined);
  if (lacking.length > 0) {
    problems.push(`lacks ${lacking.join(', ')} (granted by ${INTEGRATION_API_PERMISSION_SET})`);
  }
  return problems;
}

/** SOQL string literal for a value we read from our own files or the org (never user input). */
export function soqlLiteral(value: string): string {
  return `'${value.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
}
