/**
 * npm run bench:ingest -- [--calls 1000,10000] [--concurrency 1] [--target-org <alias>]
 *
 * Offline (default): posts 1,000 and 10,000 synthetic calls through the reference client to the contract
 * server (in this process, 127.0.0.1) and prints requests per 1,000 calls (goal 5), requests/s, CPU and
 * peak RSS. The contract server shares the process, so CPU and RSS are client + server: an upper bound
 * for the client. It also plays the status-callback round trip: the contract server sends each settled outcome
 * back to a local voice-system receiver (batched ≤ 200) and the run prints callouts per 1,000 calls (goal 5).
 * Prints figures; asserts only the request and callout counts (deterministic), never timings.
 *
 * --target-org: posts to the org's endpoint instead (default 1,000 calls), seeding 50 Leads so every call
 * gets a Task, and adds post → Task latency p50/p95 by polling Task.CallObject; deletes what it created.
 */
import type { Connection } from '@salesforce/core';
import { FlagSpec, parseArgs, usage, UsageError } from '../lib/cli/args';
import { EXIT_NO_ORG, refuse, runMain } from '../lib/cli/exit';
import { connect, NO_ORG_HINT, NoOrgError, resolveTargetOrg } from '../lib/org/target-org';
import {
  ClientEvent,
  connectionTransport,
  fetchTransport,
  Transport,
  VoiceClient,
  startCallbackReceiverServer
} from '../lib/voice-client';
import { startContractServer } from '../contract-server/contract-server';
import { percentile } from '../e2e/case-table';
import {
  CallbackFigures,
  formatCallbackFigures,
  formatFigures,
  GOAL_CALLOUTS_PER_1000,
  GOAL_REQUESTS_PER_1000,
  requestsPer1000,
  RunFigures,
  syntheticCalls
} from './bench-lib';

const FLAGS: FlagSpec[] = [
  {
    name: 'calls',
    value: true,
    description: 'comma-separated run sizes (default 1000,10000; 1000 with --target-org)'
  },
  {
    name: 'concurrency',
    value: true,
    description: 'requests in flight (default 1, as a voice system posts)'
  },
  {
    name: 'target-org',
    short: 'o',
    value: true,
    description: 'benchmark a real org instead of the contract server'
  },
  { name: 'help', short: 'h', value: false, description: 'show this help' }
];

function parseSizes(raw: string | undefined, fallback: number[]): number[] {
  if (raw === undefined) return fallback;
  const sizes = raw.split(',').map((s) => Number(s.trim()));
  if (sizes.some((n) => !Number.isInteger(n) || n < 1 || n > 100_000)) {
    throw new UsageError(`--calls must be whole numbers 1..100000 separated by commas, got "${raw}"`);
  }
  return sizes;
}

/** One progress line per ~10 % (and a final one); \r-updated on a terminal. */
function progressReporter(label: string, totalBatches: number): (e: ClientEvent) => void {
  let done = 0;
  let lastShown = -1;
  const tty = process.stdout.isTTY === true;
  return (e) => {
    if (e.type !== 'batch-done') return;
    done += 1;
    const tenth = Math.floor((done / totalBatches) * 10);
    if (tenth === lastShown && done !== totalBatches) return;
    lastShown = tenth;
    const line = `  ${label}: ${done}/${totalBatches} requests`;
    process.stdout.write(tty ? `\r${line}${done === totalBatches ? '\n' : ''}` : `${line}\n`);
  };
}

async function measure(
  label: string,
  transport: Transport,
  callCount: number,
  concurrency: number,
  prefix: string,
  phones: readonly string[] = []
): Promise<{ figures: RunFigures; postStartedAt: Map<string, number> }> {
  const calls = syntheticCalls(callCount, prefix, phones);
  const batches = Math.ceil(callCount / 200);
  const postStartedAt = new Map<string, number>();
  const report = progressReporter(label, batches);
  const client = new VoiceClient({
    transport,
    concurrency,
    timeoutMs: 120_000,
    onEvent: (e) => {
      if (e.type === 'attempt' && e.attempt === 1) {
        const now = performance.now();
        calls
          .slice(e.batch * 200, e.batch * 200 + e.calls)
          .forEach((c) => postStartedAt.set(c.externalCallId, now));
      }
      report(e);
    }
  });
  global.gc?.();
  const cpuBefore = process.cpuUsage();
  const started = performance.now();
  const outcome = await client.postCalls(calls);
  const wallMs = performance.now() - started;
  const cpu = process.cpuUsage(cpuBefore);
  return {
    figures: {
      label,
      calls: callCount,
      requests: outcome.requests,
      wallMs,
      cpuUserMicros: cpu.user,
      cpuSystemMicros: cpu.system,
      // maxRSS is the process's peak so far (KiB), which includes earlier runs: read as an upper bound.
      peakRssBytes: process.resourceUsage().maxRSS * 1024,
      delivered: outcome.allDelivered
    },
    postStartedAt
  };
}

async function offline(sizes: number[], concurrency: number): Promise<number> {
  const voiceSystem = await startCallbackReceiverServer({ token: 'bench-key' });
  const server = await startContractServer({ callbacks: { url: voiceSystem.url, token: 'bench-key' } });
  const sender = server.callbacks;
  if (sender === null) throw new Error('the contract server was started without callbacks');
  process.stdout.write(
    `Contract server on ${server.url} (in process), callbacks to ${voiceSystem.url}. Concurrency ${concurrency}.\n`
  );
  const runs: RunFigures[] = [];
  const callbackRuns: CallbackFigures[] = [];
  try {
    // Warm-up: JIT, sockets, schema compilation — not counted.
    await measure('warm-up', fetchTransport({ baseUrl: server.url }), 400, concurrency, 'warm-');
    await sender.drain(60_000);
    for (const size of sizes) {
      const label = `${size.toLocaleString('en-US')} calls`;
      const calloutsBefore = sender.log.length;
      const outcomesBefore = voiceSystem.receiver.latest.size;
      const { figures } = await measure(
        label,
        fetchTransport({ baseUrl: server.url }),
        size,
        concurrency,
        `bench-${size}-`
      );
      runs.push(figures);
      const drainStarted = performance.now();
      await sender.drain(120_000);
      callbackRuns.push({
        label,
        calls: size,
        callouts: sender.log.length - calloutsBefore,
        outcomesReceived: voiceSystem.receiver.latest.size - outcomesBefore,
        drainMs: performance.now() - drainStarted
      });
    }
    process.stdout.write(`\n${formatFigures(runs)}\n`);
    process.stdout.write(
      `server saw ${server.requestCount} requests, stored ${server.store.size} distinct calls\n`
    );
    process.stdout.write(
      `\nStatus callbacks (contract server → voice system):\n${formatCallbackFigures(callbackRuns)}\n`
    );
  } finally {
    await server.stop();
    await voiceSystem.stop();
  }
  return Math.max(verdict(runs), callbackVerdict(callbackRuns));
}

function callbackVerdict(runs: CallbackFigures[]): number {
  const worst = Math.max(...runs.map((r) => requestsPer1000(r.callouts, r.calls)));
  const complete = runs.every((r) => r.outcomesReceived === r.calls);
  const met = worst <= GOAL_CALLOUTS_PER_1000 && complete;
  process.stdout.write(
    `Goal: ${GOAL_CALLOUTS_PER_1000} callouts per 1,000 calls — ${met ? 'MET' : 'NOT MET'} ` +
      `(worst ${worst.toFixed(1)}${complete ? '' : '; some outcomes never reached the voice system'}).\n`
  );
  return met ? 0 : 1;
}

function verdict(runs: RunFigures[]): number {
  const worst = Math.max(...runs.map((r) => requestsPer1000(r.requests, r.calls)));
  const allDelivered = runs.every((r) => r.delivered);
  const met = worst <= GOAL_REQUESTS_PER_1000 && allDelivered;
  process.stdout.write(
    `\nGoal: ${GOAL_REQUESTS_PER_1000} requests per 1,000 calls — ${met ? 'MET' : 'NOT MET'} ` +
      `(worst ${worst.toFixed(1)}${allDelivered ? '' : '; some batches not delivered'}). ` +
      'CPU/RSS include the in-process server.\n'
  );
  return met ? 0 : 1;
}

async function pollTasks(
  conn: Connection,
  prefix: string,
  expected: number,
  timeoutMs: number
): Promise<Map<string, number>> {
  const seen = new Map<string, number>();
  const deadline = Date.now() + timeoutMs;
  while (seen.size < expected && Date.now() < deadline) {
    const result = await conn.query<{ CallObject: string }>(
      `SELECT CallObject FROM Task WHERE CallObject LIKE '${prefix}%'`,
      { autoFetch: true, maxFetch: 100_000 }
    );
    const now = performance.now();
    result.records.forEach((r) => {
      if (!seen.has(r.CallObject)) seen.set(r.CallObject, now);
    });
    process.stdout.write(`  Tasks visible: ${seen.size}/${expected}\n`);
    if (seen.size < expected) await new Promise((r) => setTimeout(r, 1000));
  }
  return seen;
}

async function againstOrg(alias: string, sizes: number[], concurrency: number): Promise<number> {
  let session;
  try {
    session = await connect({ aliasOrUsername: alias, source: '--target-org' });
  } catch (error) {
    if (error instanceof NoOrgError)
      refuse(`bench:ingest: ${error.message}. Nothing was posted.`, EXIT_NO_ORG);
    throw error;
  }
  const conn = session.connection;
  const runId = Date.now().toString(36);
  const prefix = `bench-${runId}-`;
  if (!/^[a-z0-9-]+$/.test(prefix)) throw new Error('unexpected run prefix');
  const phones = Array.from({ length: 50 }, (_, i) => `+1 555 014 ${String(i).padStart(4, '0')}`);
  const leads = await conn.sobject('Lead').create(
    phones.map((p, i) => ({ LastName: `Bench ${i} ${runId}`, Company: `Voice bench ${runId}`, Phone: p })),
    { allOrNone: true }
  );
  const leadIds = leads.map((r) => r.id).filter((id): id is string => typeof id === 'string');
  const runs: RunFigures[] = [];
  const latencies: number[] = [];
  try {
    for (const size of sizes) {
      const runPrefix = `${prefix}${size}-`;
      const { figures, postStartedAt } = await measure(
        `${size} calls → ${alias}`,
        connectionTransport(conn),
        size,
        concurrency,
        runPrefix,
        phones
      );
      runs.push(figures);
      const seen = await pollTasks(conn, runPrefix, size, 10 * 60_000);
      seen.forEach((at, id) => {
        const posted = postStartedAt.get(id);
        if (posted !== undefined) latencies.push(at - posted);
      });
      if (seen.size < size)
        process.stdout.write(`  only ${seen.size}/${size} Tasks appeared within 10 min\n`);
    }
  } finally {
    process.stdout.write('cleaning up (Tasks, Events, call logs, Leads)…\n');
    for (const [sobject, soql] of [
      // Ids come from the create call above; the pattern check keeps anything else out of the query.
      [
        'Event',
        `SELECT Id FROM Event WHERE WhoId IN (${
          leadIds
            .filter((id) => /^\w{15,18}$/.test(id))
            .map((id) => `'${id}'`)
            .join(', ') || "''"
        })`
      ],
      ['Task', `SELECT Id FROM Task WHERE CallObject LIKE '${prefix}%'`],
      ['Call_Log__c', `SELECT Id FROM Call_Log__c WHERE External_Call_Id__c LIKE '${prefix}%'`]
    ] as const) {
      const ids = (
        await conn.query<{ Id: string }>(soql, { autoFetch: true, maxFetch: 100_000 })
      ).records.map((r) => r.Id);
      for (let i = 0; i < ids.length; i += 200)
        await conn.sobject(sobject).destroy(ids.slice(i, i + 200), { allOrNone: false });
    }
    for (let i = 0; i < leadIds.length; i += 200)
      await conn.sobject('Lead').destroy(leadIds.slice(i, i + 200), { allOrNone: false });
  }
  process.stdout.write(`\n${formatFigures(runs)}\n`);
  const p50 = percentile(latencies, 50);
  const p95 = percentile(latencies, 95);
  process.stdout.write(
    `post → Task visible (poll resolution ~1 s): p50 ${p50 === undefined ? 'n/a' : Math.round(p50)} ms, ` +
      `p95 ${p95 === undefined ? 'n/a' : Math.round(p95)} ms over ${latencies.length} calls\n`
  );
  return verdict(runs);
}

async function main(): Promise<number> {
  const args = parseArgs(process.argv.slice(2), FLAGS);
  if (args.switches.has('help')) {
    process.stdout.write(
      `${usage('npm run bench:ingest -- [options]', 'Ingestion benchmark of the reference client.', FLAGS)}\n`
    );
    return 0;
  }
  const concurrencyRaw = args.values.get('concurrency') ?? '1';
  const concurrency = Number(concurrencyRaw);
  if (!Number.isInteger(concurrency) || concurrency < 1 || concurrency > 16)
    throw new UsageError('--concurrency must be 1..16');
  const flag = args.values.get('target-org');
  if (flag !== undefined) {
    const target = resolveTargetOrg({ flag, env: {} });
    if (target === undefined) refuse(`bench:ingest: --target-org is empty — ${NO_ORG_HINT}`, EXIT_NO_ORG);
    return againstOrg(target.aliasOrUsername, parseSizes(args.values.get('calls'), [1000]), concurrency);
  }
  return offline(parseSizes(args.values.get('calls'), [1000, 10_000]), concurrency);
}

runMain(main);
