/** Which Dev Hub the org and packaging scripts use, and the refusal when there is none (exit 2). */
import { Org, OrgConfigProperties } from '@salesforce/core';
import { EXIT_NO_ORG, refuse } from '../cli/exit';
import { readSfConfig } from './target-org';

/** --target-dev-hub, else SF_TARGET_DEV_HUB, else the sf CLI's target-dev-hub config. */
export async function findDevHub(flag: string | undefined): Promise<string | undefined> {
  if (flag !== undefined) return flag;
  const env = process.env.SF_TARGET_DEV_HUB?.trim();
  if (env !== undefined && env !== '') return env;
  return readSfConfig(OrgConfigProperties.TARGET_DEV_HUB);
}

/** The Dev Hub's alias/username, authorized on this machine; otherwise one loud line and exit 2. */
export async function resolveDevHub(flag: string | undefined, script: string): Promise<string> {
  const devHub = await findDevHub(flag);
  if (devHub === undefined) {
    refuse(
      `${script}: NOT RUN — no Dev Hub configured: run \`sf org login web --set-default-dev-hub --alias devhub\` ` +
        '(or pass --target-dev-hub). This is not a pass.',
      EXIT_NO_ORG
    );
  }
  try {
    await Org.create({ aliasOrUsername: devHub });
  } catch (error) {
    refuse(
      `${script}: NOT RUN — Dev Hub "${devHub}" is not authorized on this machine ` +
        `(${(error as Error).message.split('\n')[0]}). This is not a pass.`,
      EXIT_NO_ORG
    );
  }
  return devHub;
}
