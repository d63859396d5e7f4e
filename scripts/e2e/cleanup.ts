/**
 * What the e2e run deletes afterwards, in an order the platform accepts: activities before the records
 * they point at, Opportunities (their contact roles go with them) and Contacts before their Accounts, transcript
 * Files too; in chunks of 200 (sObject Collections delete). Pure.
 */

export const DELETE_ORDER = [
  // Transcript Files first: deleting the call log they are published on leaves them in the org.
  'ContentDocument',
  'Event',
  'Task',
  'Call_Log__c',
  'Opportunity',
  'Contact',
  'Lead',
  'Account'
] as const;
export type CleanupObject = (typeof DELETE_ORDER)[number];

export interface CleanupStep {
  sobject: CleanupObject;
  ids: string[];
}

export class CreatedRecords {
  private readonly ids = new Map<CleanupObject, Set<string>>();

  public add(sobject: CleanupObject, ...ids: (string | null | undefined)[]): void {
    const set = this.ids.get(sobject) ?? new Set<string>();
    ids.forEach((id) => {
      if (typeof id === 'string' && id !== '') set.add(id.length === 18 ? id : id.slice(0, 15));
    });
    this.ids.set(sobject, set);
  }

  public get(sobject: CleanupObject): string[] {
    return [...(this.ids.get(sobject) ?? [])];
  }

  public get size(): number {
    return [...this.ids.values()].reduce((n, s) => n + s.size, 0);
  }
}

export function planCleanup(created: CreatedRecords, chunkSize = 200): CleanupStep[] {
  const steps: CleanupStep[] = [];
  for (const sobject of DELETE_ORDER) {
    const ids = created.get(sobject);
    for (let i = 0; i < ids.length; i += chunkSize) steps.push({ sobject, ids: ids.slice(i, i + chunkSize) });
  }
  return steps;
}
