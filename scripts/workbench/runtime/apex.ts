/**
 * `@salesforce/apex` in the workbench: `refreshApex` re-runs the wire that produced a value against the
 * in-memory store (PREVIEW BEHAVIOUR — workbench only); `getSObjectValue` reads a field like the platform.
 */
import { refreshables } from './apexRuntime';

export function refreshApex(wiredValue: unknown): Promise<void> {
  if (typeof wiredValue === 'object' && wiredValue !== null) {
    const adapter = refreshables.get(wiredValue);
    if (adapter) {
      return adapter.refresh();
    }
  }
  return Promise.resolve();
}

export function getSObjectValue(record: unknown, field: string | { fieldApiName: string }): unknown {
  const path = typeof field === 'string' ? field : field.fieldApiName;
  let node: unknown = record;
  for (const part of path.split('.')) {
    if (typeof node !== 'object' || node === null) {
      return undefined;
    }
    node = (node as Record<string, unknown>)[part];
  }
  return node;
}
