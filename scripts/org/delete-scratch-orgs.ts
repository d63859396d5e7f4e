/**
 * npx ts-node --transpile-only scripts/org/delete-scratch-orgs.ts --org-name <name> [--target-dev-hub devhub]
 *                                                                 [--wait-minutes 15]
 *
 * CI's always-run cleanup: deletes every scratch org of this name through the Dev Hub, including one whose
 * creation timed out or was cancelled (no alias was ever written). Waits for orgs still being created, so
 * one that finishes after a cancelled run is deleted too. Exit 1 when something could not be deleted.
 */
import { Connection, Org } from '@salesforce/core';
import { FlagSpec, intOption, parseArgs, UsageError } from '../lib/cli/args';
import { runMain } from '../lib/cli/exit';
import { resolveDevHub } from '../lib/org/dev-hub';
import { soqlLiteral } from '../lib/org/integration-user';
import { assertOrgName, planCleanup, ScratchOrgInfoRow } from '../lib/org/scratch-cleanup';

const FLAGS: FlagSpec[] = [
  { name: 'org-name', value: true, description: 'the org name given to org:create --org-name' },
  { name: 'target-dev-hub', short: 'v', value: true, description: 'Dev Hub alias/username' },
  { name: 'wait-minutes', value: true, description: 'how long to wait for orgs still being created (15)' }
];

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

async function infoRows(hub: Connection, orgName: string): Promise<ScratchOrgInfoRow[]> {
  const result = await hub.query<ScratchOrgInfoRow>(
    `SELECT Id, Status, SignupUsername FROM ScratchOrgInfo WHERE OrgName = ${soqlLiteral(orgName)}`
  );
  return result.records;
}

async function main(): Promise<number> {
  const args = parseArgs(process.argv.slice(2), FLAGS);
  const name = args.values.get('org-name');
  if (name === undefined) throw new UsageError('--org-name is required');
  const orgName = assertOrgName(name);
  const waitMinutes = intOption(args, 'wait-minutes', 15, 0, 60);
  const devHub = await resolveDevHub(args.values.get('target-dev-hub'), 'delete-scratch-orgs');
  const hub = (await Org.create({ aliasOrUsername: devHub })).getConnection();

  const deadline = Date.now() + waitMinutes * 60_000;
  let plan = planCleanup(await infoRows(hub, orgName));
  while (plan.pending.length > 0 && Date.now() < deadline) {
    process.stdout.write(`${plan.pending.length} org(s) named ${orgName} still being created; waiting…\n`);
    await sleep(20_000);
    plan = planCleanup(await infoRows(hub, orgName));
  }
  let failures = 0;
  for (const username of plan.activeUsernames) {
    const active = await hub.query<{ Id: string }>(
      `SELECT Id FROM ActiveScratchOrg WHERE SignupUsername = ${soqlLiteral(username)}`
    );
    for (const row of active.records) {
      const result = await hub.sobject('ActiveScratchOrg').destroy(row.Id);
      if (result.success) process.stdout.write(`deleted scratch org ${username}\n`);
      else {
        failures += 1;
        process.stderr.write(`could not delete ${username}: ${JSON.stringify(result.errors)}\n`);
      }
    }
  }
  if (plan.pending.length > 0) {
    failures += plan.pending.length;
    process.stderr.write(
      `${plan.pending.length} org(s) named ${orgName} were still being created after ${waitMinutes} min: ` +
        `delete them from the Dev Hub (ScratchOrgInfo ${plan.pending.map((p) => p.Id).join(', ')})\n`
    );
  }
  if (plan.activeUsernames.length === 0 && plan.pending.length === 0) {
    process.stdout.write(`no scratch org named ${orgName} is left in the Dev Hub\n`);
  }
  return failures === 0 ? 0 : 1;
}

runMain(main);
