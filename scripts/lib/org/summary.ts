/**
 * The deployable summary printed by `npm start` without an org: what `sf project deploy start` would send,
 * counted by metadata type with @salesforce/source-deploy-retrieve (the library the CLI deploys with).
 */
import path from 'node:path';
import { ComponentSet } from '@salesforce/source-deploy-retrieve';
import { REPO_ROOT } from '../cli/exec';

export interface TypeCount {
  type: string;
  count: number;
}

/** Sorted by count (desc) then name; pure. */
export function countByType(typeNames: readonly string[]): TypeCount[] {
  const counts = new Map<string, number>();
  typeNames.forEach((t) => counts.set(t, (counts.get(t) ?? 0) + 1));
  return [...counts.entries()]
    .map(([type, count]) => ({ type, count }))
    .sort((a, b) => b.count - a.count || a.type.localeCompare(b.type));
}

/** Headline figures: Apex classes (tests apart), custom objects, LWCs, everything. */
export function headline(components: readonly { type: string; name: string }[]): string {
  const classes = components.filter((c) => c.type === 'ApexClass');
  const tests = classes.filter((c) => /_Tests?$/.test(c.name)).length;
  const objects = components.filter((c) => c.type === 'CustomObject').length;
  const lwc = components.filter((c) => c.type === 'LightningComponentBundle').length;
  return (
    `${components.length} components: ${classes.length} Apex classes (${tests} test classes), ` +
    `${objects} custom objects, ${lwc} Lightning web components`
  );
}

export function sourceComponents(
  packageDir = path.join(REPO_ROOT, 'force-app')
): { type: string; name: string }[] {
  const set = ComponentSet.fromSource(packageDir);
  return set
    .getSourceComponents()
    .toArray()
    .map((c) => ({ type: c.type.name, name: c.fullName }));
}
