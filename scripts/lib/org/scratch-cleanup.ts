/**
 * Which scratch orgs of one name the Dev Hub still holds, for CI's always-run cleanup. An org whose creation
 * timed out or was cancelled has no local alias, but the Dev Hub knows it by OrgName (ScratchOrgInfo) and,
 * once it is up, by SignupUsername (ActiveScratchOrg, whose deletion deletes the org). Pure.
 */

export interface ScratchOrgInfoRow {
  Id: string;
  Status: 'New' | 'Creating' | 'Active' | 'Error' | 'Deleted';
  SignupUsername: string | null;
}

export interface CleanupPlan {
  /** Still being created: wait, or the org appears after the cleanup has run. */
  pending: ScratchOrgInfoRow[];
  /** Up: delete their ActiveScratchOrg records. */
  activeUsernames: string[];
}

export function planCleanup(rows: readonly ScratchOrgInfoRow[]): CleanupPlan {
  return {
    pending: rows.filter((r) => r.Status === 'New' || r.Status === 'Creating'),
    activeUsernames: rows
      .filter((r) => r.Status === 'Active' && typeof r.SignupUsername === 'string' && r.SignupUsername !== '')
      .map((r) => r.SignupUsername as string)
  };
}

/** CI org names: letters, digits, dashes (they go into SOQL as a literal; anything else is refused). */
export function assertOrgName(name: string): string {
  if (!/^[A-Za-z0-9-]{1,80}$/.test(name)) {
    throw new Error(`org name "${name}" must be 1-80 letters, digits or dashes`);
  }
  return name;
}
