/**
 * Which org a script talks to, in this order (first found wins):
 *   1. --target-org <alias|username>
 *   2. SF_TARGET_ORG environment variable (the sf CLI's own)
 *   3. TARGET_ORG environment variable
 *   4. the sf CLI's configured default target-org (`sf config set target-org …`, project or global)
 * and how to connect to it with @salesforce/core.
 */
import { ConfigAggregator, Connection, Org, OrgConfigProperties } from '@salesforce/core';

export type OrgSource = '--target-org' | 'SF_TARGET_ORG' | 'TARGET_ORG' | 'sf config target-org';

export interface TargetOrg {
  aliasOrUsername: string;
  source: OrgSource;
}

export function resolveTargetOrg(input: {
  flag?: string;
  env: Readonly<Record<string, string | undefined>>;
  configured?: string;
}): TargetOrg | undefined {
  const pick = (value: string | undefined): string | undefined => {
    const trimmed = value?.trim();
    return trimmed === undefined || trimmed === '' ? undefined : trimmed;
  };
  const flag = pick(input.flag);
  if (flag !== undefined) return { aliasOrUsername: flag, source: '--target-org' };
  const sfEnv = pick(input.env.SF_TARGET_ORG);
  if (sfEnv !== undefined) return { aliasOrUsername: sfEnv, source: 'SF_TARGET_ORG' };
  const env = pick(input.env.TARGET_ORG);
  if (env !== undefined) return { aliasOrUsername: env, source: 'TARGET_ORG' };
  const configured = pick(input.configured);
  if (configured !== undefined) return { aliasOrUsername: configured, source: 'sf config target-org' };
  return undefined;
}

/** An sf CLI config value (project or global), or undefined (not set, or config unreadable). */
export async function readSfConfig(property: string): Promise<string | undefined> {
  try {
    const config = await ConfigAggregator.create();
    const value = config.getPropertyValue<string>(property);
    return typeof value === 'string' && value !== '' ? value : undefined;
  } catch {
    return undefined;
  }
}

export async function findTargetOrg(flag: string | undefined): Promise<TargetOrg | undefined> {
  return resolveTargetOrg({
    flag,
    env: process.env,
    configured: await readSfConfig(OrgConfigProperties.TARGET_ORG)
  });
}

export interface OrgSession {
  org: Org;
  connection: Connection;
  username: string;
  target: TargetOrg;
}

/** Opens an authorized org; a missing authorization becomes one clear sentence. */
export async function connect(target: TargetOrg): Promise<OrgSession> {
  let org: Org;
  try {
    org = await Org.create({ aliasOrUsername: target.aliasOrUsername });
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    throw new NoOrgError(
      `cannot use org "${target.aliasOrUsername}" (from ${target.source}): ${message.split('\n')[0]} — ` +
        'authorize it with `sf org login web --alias <alias>` or create one with `npm run org:create`'
    );
  }
  const connection = org.getConnection();
  return { org, connection, username: org.getUsername() ?? target.aliasOrUsername, target };
}

export class NoOrgError extends Error {
  public constructor(message: string) {
    super(message);
    this.name = 'NoOrgError';
  }
}

export const NO_ORG_HINT =
  'pass --target-org <alias>, set SF_TARGET_ORG, or `sf config set target-org <alias>` ' +
  '(create one with `npm run org:create`, which needs a Dev Hub: `sf org login web --set-default-dev-hub`)';
