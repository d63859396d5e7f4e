/**
 * npm run org:integration-user -- [--target-org <alias>] [--skip-inbound-app]
 *
 * The integration user steps of `org:create`, on an org that exists already — to finish a run that stopped
 * there, or to set a scratch org up again: deploys Vcl_Integration_API (unpackaged/integration-user),
 * creates or completes the user `<alias>-integration`, proves its session, then deploys the inbound External
 * Client App run as that user. Safe to repeat. No org: NOT RUN, exit 2.
 */
import { FlagSpec, parseArgs, usage } from '../lib/cli/args';
import { EXIT_NO_ORG, refuse, runMain } from '../lib/cli/exit';
import { deployInboundApp, INTEGRATION_USER_STEPS, Progress, setUpIntegrationUser } from '../lib/org/steps';
import { findTargetOrg, NO_ORG_HINT } from '../lib/org/target-org';

const FLAGS: FlagSpec[] = [
  { name: 'target-org', short: 'o', value: true, description: 'org with the package (default: sf config)' },
  { name: 'skip-inbound-app', value: false, description: 'do not deploy the inbound External Client App' },
  { name: 'help', short: 'h', value: false, description: 'show this help' }
];

async function main(): Promise<number> {
  const args = parseArgs(process.argv.slice(2), FLAGS);
  if (args.switches.has('help')) {
    process.stdout.write(
      `${usage('npm run org:integration-user -- [options]', 'Create or complete the integration user.', FLAGS)}\n`
    );
    return 0;
  }
  const target = await findTargetOrg(args.values.get('target-org'));
  if (target === undefined) {
    refuse(
      `org:integration-user: NOT RUN — no Salesforce org (${NO_ORG_HINT}). This is not a pass.`,
      EXIT_NO_ORG
    );
  }
  const alias = target.aliasOrUsername;
  const withApp = !args.switches.has('skip-inbound-app');
  const progress = new Progress(INTEGRATION_USER_STEPS + (withApp ? 1 : 0));
  const username = await setUpIntegrationUser(alias, progress);
  if (withApp) await deployInboundApp(alias, username, progress);
  return 0;
}

runMain(main);
