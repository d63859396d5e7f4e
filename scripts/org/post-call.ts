/**
 * npm run post-call -- --target-org <alias> --file call.json [--batch-size 200] [--timeout 60] [--strict]
 *
 * Posts calls to /services/apexrest/voice/v1/calls exactly as a voice system would — through the reference
 * client (batches of ≤ 200, retries with backoff, Retry-After) over the org's @salesforce/core connection —
 * and prints the per-call results as a table. The file holds {"calls": [...]}, an array, or one call.
 * Exit: 0 delivered, 1 a batch was not delivered (or --strict and a call came back invalid/rejected/failed),
 * 2 no org, 64 usage.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { FlagSpec, intOption, parseArgs, usage, UsageError } from '../lib/cli/args';
import { EXIT_NO_ORG, refuse, runMain } from '../lib/cli/exit';
import { connect, findTargetOrg, NO_ORG_HINT, NoOrgError } from '../lib/org/target-org';
import { connectionTransport, VoiceClient } from '../lib/voice-client';
import { callsFromJson, formatOutcomeTable, PROBLEM_STATUSES } from '../lib/voice-client/results-table';

const FLAGS: FlagSpec[] = [
  {
    name: 'target-org',
    short: 'o',
    value: true,
    description: 'org alias/username (else SF_TARGET_ORG, TARGET_ORG, sf default)'
  },
  { name: 'file', short: 'f', value: true, description: 'JSON file with the call(s) to post (required)' },
  { name: 'batch-size', value: true, description: 'calls per request, 1-200 (default 200)' },
  { name: 'timeout', value: true, description: 'seconds per attempt (default 60)' },
  {
    name: 'strict',
    value: false,
    description: 'exit 1 when any call is invalid, rejected, failed or dead_letter'
  },
  { name: 'help', short: 'h', value: false, description: 'show this help' }
];

async function main(): Promise<number> {
  const args = parseArgs(process.argv.slice(2), FLAGS);
  if (args.switches.has('help')) {
    process.stdout.write(
      `${usage('npm run post-call -- --target-org <alias> --file <calls.json>', 'Post calls like a voice system.', FLAGS)}\n`
    );
    return 0;
  }
  const file = args.values.get('file');
  if (file === undefined)
    throw new UsageError('--file <calls.json> is required (example: data/sample-calls.json)');
  const filePath = path.resolve(file);
  if (!existsSync(filePath)) throw new UsageError(`--file ${file}: no such file`);
  const calls = callsFromJson(readFileSync(filePath, 'utf8'), file);
  const batchSize = intOption(args, 'batch-size', 200, 1, 200);
  const timeoutMs = intOption(args, 'timeout', 60, 1, 600) * 1000;

  const target = await findTargetOrg(args.values.get('target-org'));
  if (target === undefined)
    refuse(`post-call: no target org — ${NO_ORG_HINT}. Nothing was posted.`, EXIT_NO_ORG);
  let session;
  try {
    session = await connect(target);
  } catch (error) {
    if (error instanceof NoOrgError) refuse(`post-call: ${error.message}. Nothing was posted.`, EXIT_NO_ORG);
    throw error;
  }
  process.stdout.write(
    `Posting ${calls.length} call(s) from ${file} to ${session.connection.instanceUrl} as ${session.username} ` +
      `(org from ${target.source})\n`
  );
  const client = new VoiceClient({
    transport: connectionTransport(session.connection),
    batchSize,
    timeoutMs,
    onEvent: (e) => {
      if (e.type === 'retry-wait') {
        process.stdout.write(
          `  batch ${e.batch + 1}: ${e.reason}, retrying in ${(e.waitMs / 1000).toFixed(1)} s\n`
        );
      }
    }
  });
  const outcome = await client.postCalls(calls);
  process.stdout.write(`\n${formatOutcomeTable(outcome)}\n`);
  if (!outcome.allDelivered) return 1;
  const problems = outcome.calls.filter((c) => c.delivered && PROBLEM_STATUSES.has(c.result.status)).length;
  return args.switches.has('strict') && problems > 0 ? 1 : 0;
}

runMain(main);
