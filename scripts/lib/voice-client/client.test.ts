/**
 * The reference client against the contract server (127.0.0.1, random port). Waits go through an injected
 * clock that records them and returns at once, so retry ladders run in milliseconds.
 */
import { ContractServer, Fault, startContractServer } from '../../contract-server/contract-server';
import { DEFAULT_OPENAPI_PATH, loadContractSchemas } from '../../contract-server/openapi';
import {
  assertAllDelivered,
  Call,
  Clock,
  fetchTransport,
  PostOutcome,
  requestsForCalls,
  splitIntoBatches,
  splitIntoRequests,
  VoiceClient,
  VoiceClientError,
  VoiceClientOptions
} from './index';

const schemas = loadContractSchemas(process.env.VOICE_OPENAPI_PATH ?? DEFAULT_OPENAPI_PATH);

function makeCalls(n: number, prefix = 'call'): Call[] {
  return Array.from({ length: n }, (_, i) => ({
    externalCallId: `${prefix}-${i}`,
    direction: i % 2 === 0 ? 'inbound' : 'outbound',
    from: `+1 555 010 ${String(i % 10000).padStart(4, '0')}`,
    to: '+1 555 987 6543',
    startedAt: '2026-11-20T14:03:00Z',
    durationSeconds: i
  }));
}

interface Harness {
  server: ContractServer;
  waits: number[];
  client: (options?: Partial<VoiceClientOptions>) => VoiceClient;
}

let server: ContractServer | undefined;

async function harness(
  plan: Fault[] = [],
  serverOptions: { token?: string; syncThreshold?: number } = {}
): Promise<Harness> {
  server = await startContractServer({ schemas, plan, ...serverOptions });
  const started = server;
  const waits: number[] = [];
  const clock: Clock = {
    now: () => Date.now(),
    sleep: (ms) => {
      waits.push(ms);
      return Promise.resolve();
    }
  };
  return {
    server: started,
    waits,
    client: (options = {}) =>
      new VoiceClient({
        transport: fetchTransport({ baseUrl: started.url, token: serverOptions.token }),
        clock,
        random: () => 0.5,
        timeoutMs: 2_000,
        ...options
      })
  };
}

afterEach(async () => {
  await server?.stop();
  server = undefined;
});

function statuses(outcome: PostOutcome): string[] {
  return outcome.calls.map((c) => (c.delivered ? c.result.status : 'not-delivered'));
}

describe('batching', () => {
  it("splits by size as well as by count, so no request exceeds the endpoint's 1,000,000 bytes", async () => {
    const { server: s, client } = await harness();
    // 200 calls of ~9.6 KB: one request by count, but ~1.9 MB by size.
    const calls = makeCalls(200).map((c) => ({ ...c, summary: 's'.repeat(9_500) }));
    const outcome = await client().postCalls(calls);
    expect(outcome.allDelivered).toBe(true);
    expect(s.log.length).toBe(2);
    expect(s.log.map((r) => r.callCount).reduce((a, b) => a + b, 0)).toBe(200);
    outcome.calls.forEach((c, i) => expect(c.delivered && c.result.externalCallId).toBe(`call-${i}`));
    const slices = splitIntoRequests(calls);
    slices.forEach((slice) =>
      expect(Buffer.byteLength(JSON.stringify({ calls: slice.items }))).toBeLessThanOrEqual(1_000_000)
    );
    expect(slices.map((x) => x.firstIndex)).toEqual([0, slices[1]?.firstIndex]);
    expect(() => splitIntoRequests([], 200, 1_000_001)).toThrow(/1\.\.1000000/);
  });

  it('sends a call without a transcript that would make it too large for any request, and warns', async () => {
    const { client } = await harness();
    const calls = makeCalls(2);
    calls[1] = { ...(calls[1] as Call), transcript: '語'.repeat(400_000) };
    const outcome = await client().postCalls(calls);
    expect(statuses(outcome)).toEqual(['logged', 'logged']);
    const second = outcome.calls[1];
    expect(second?.delivered && second.result.warnings).toEqual([
      {
        field: 'calls[1].transcript',
        message: expect.stringContaining('the call was sent without it') as unknown
      }
    ]);
  });

  it('sends a call too large on its own alone', () => {
    const calls = makeCalls(3);
    calls[1] = { ...(calls[1] as Call), summary: 'x'.repeat(1_000_000) };
    expect(splitIntoRequests(calls).map((x) => x.items.length)).toEqual([1, 1, 1]);
  });

  it('splits 450 calls into 3 requests of 200, 200 and 50 and merges results in input order', async () => {
    const { server: s, client } = await harness();
    const calls = makeCalls(450);
    const outcome = await client().postCalls(calls);

    expect(outcome.requests).toBe(3);
    expect(s.log.map((r) => r.callCount)).toEqual([200, 200, 50]);
    expect(outcome.allDelivered).toBe(true);
    expect(outcome.calls).toHaveLength(450);
    outcome.calls.forEach((c, i) => {
      expect(c.index).toBe(i);
      expect(c.externalCallId).toBe(`call-${i}`);
      expect(c.delivered && c.result.index).toBe(i);
      expect(c.delivered && c.result.externalCallId).toBe(`call-${i}`);
    });
    expect(s.store.size).toBe(450);
  });

  it('keeps results in input order with several batches in flight', async () => {
    const { client } = await harness();
    const outcome = await client({ concurrency: 3 }).postCalls(makeCalls(1000));
    expect(outcome.requests).toBe(5);
    expect(outcome.calls.map((c) => c.externalCallId)).toEqual(makeCalls(1000).map((c) => c.externalCallId));
  });

  it('computes the request count and refuses batch sizes the endpoint does not accept', () => {
    expect(requestsForCalls(1000)).toBe(5);
    expect(requestsForCalls(10000)).toBe(50);
    expect(requestsForCalls(201)).toBe(2);
    expect(splitIntoBatches([1, 2, 3], 2)).toEqual([[1, 2], [3]]);
    expect(() => splitIntoBatches([1], 201)).toThrow(/1\.\.200/);
  });

  it('sends nothing for no calls', async () => {
    const { server: s, client } = await harness();
    const outcome = await client().postCalls([]);
    expect(outcome).toMatchObject({ requests: 0, calls: [], allDelivered: true });
    expect(s.log).toHaveLength(0);
  });
});

describe('retries', () => {
  it('retries a 429 after the Retry-After seconds, not the jittered wait', async () => {
    const { server: s, waits, client } = await harness([{ kind: 'status', status: 429, retryAfter: '3' }]);
    const outcome = await client().postCalls(makeCalls(2));
    expect(waits).toEqual([3000]);
    expect(outcome.requests).toBe(2);
    expect(s.log.map((r) => r.status)).toEqual([429, 200]);
    expect(statuses(outcome)).toEqual(['logged', 'logged']);
  });

  it('honours a Retry-After HTTP-date', async () => {
    const at = new Date(Date.now() + 5_000).toUTCString();
    const { waits, client } = await harness([{ kind: 'status', status: 429, retryAfter: at }]);
    const outcome = await client().postCalls(makeCalls(1));
    expect(outcome.allDelivered).toBe(true);
    expect(waits).toHaveLength(1);
    expect(waits[0]).toBeGreaterThan(3_000); // HTTP-dates have 1 s resolution
    expect(waits[0]).toBeLessThanOrEqual(5_000);
  });

  it('retries 503 then succeeds, waiting within the first jitter window', async () => {
    const { server: s, waits, client } = await harness([{ kind: 'status', status: 503 }]);
    const outcome = await client().postCalls(makeCalls(3));
    expect(outcome.allDelivered).toBe(true);
    expect(s.log.map((r) => r.status)).toEqual([503, 200]);
    expect(waits).toEqual([250]); // random 0.5 × 500 ms window
  });

  it('retries a timeout without creating duplicates: the server upserts the re-sent ids', async () => {
    const { server: s, client } = await harness([{ kind: 'slow', delayMs: 600 }]);
    const calls = makeCalls(5);
    const outcome = await client({ timeoutMs: 150 }).postCalls(calls);

    expect(outcome.allDelivered).toBe(true);
    expect(outcome.batches[0]?.attempts.map((a) => a.error?.split(':')[0] ?? a.status)).toEqual([
      'timeout',
      200
    ]);
    // Both attempts carried the same ids; the first was stored although its answer never arrived.
    expect(s.log.map((r) => r.externalCallIds)).toEqual([
      calls.map((c) => c.externalCallId),
      calls.map((c) => c.externalCallId)
    ]);
    expect(s.store.size).toBe(5);
    expect([...s.store.values()].map((c) => c.receivedCount)).toEqual([2, 2, 2, 2, 2]);
    const first = outcome.calls[0];
    expect(first?.delivered && first.result.callLogId).toBe(s.store.get('call-0')?.callLogId);
  });

  it('retries a dropped connection, before and after the server stored the calls', async () => {
    const { server: s, client } = await harness([
      { kind: 'drop', afterProcessing: false },
      { kind: 'drop', afterProcessing: true }
    ]);
    const outcome = await client().postCalls(makeCalls(4));
    expect(outcome.allDelivered).toBe(true);
    expect(outcome.requests).toBe(3);
    expect(s.log.map((r) => r.status)).toEqual(['dropped', 'dropped', 200]);
    expect(s.store.size).toBe(4);
  });

  it('gives up after 5 attempts with an error that says where and why, waiting the documented ladder', async () => {
    const plan: Fault[] = Array.from({ length: 5 }, () => ({ kind: 'status', status: 503 }) as const);
    const { server: s, waits, client } = await harness(plan);
    const outcome = await client({ random: () => 0.999999 }).postCalls(makeCalls(3));

    expect(outcome.allDelivered).toBe(false);
    expect(s.log).toHaveLength(5);
    expect(waits).toEqual([499, 999, 1999, 3999]);
    const error = outcome.batches[0]?.error;
    expect(error).toBeInstanceOf(VoiceClientError);
    expect(error?.code).toBe('gave-up');
    expect(error?.message).toMatch(
      /POST http:\/\/127\.0\.0\.1:\d+\/services\/apexrest\/voice\/v1\/calls batch 1\/1 \(calls 0–2\): gave up after 5 attempts; last: HTTP 503/
    );
    expect(statuses(outcome)).toEqual(['not-delivered', 'not-delivered', 'not-delivered']);
    expect(() => assertAllDelivered(outcome)).toThrow(/gave up after 5 attempts/);
  });

  it('gives up on a network error that never goes away (nothing listening)', async () => {
    const { server: s, waits, client } = await harness();
    const deadUrl = s.url;
    await s.stop();
    server = undefined;
    const clock: Clock = {
      now: () => Date.now(),
      sleep: (ms) => {
        waits.push(ms);
        return Promise.resolve();
      }
    };
    const outcome = await new VoiceClient({
      transport: fetchTransport({ baseUrl: deadUrl }),
      clock,
      retry: { maxAttempts: 3 }
    }).postCalls(makeCalls(1));
    expect(outcome.requests).toBe(3);
    expect(outcome.batches[0]?.error?.message).toMatch(/gave up after 3 attempts; last: network/);
    expect(client).toBeDefined();
  });

  it('stops when Retry-After asks for more than the client waits', async () => {
    const { server: s, waits, client } = await harness([{ kind: 'status', status: 429, retryAfter: '3600' }]);
    const outcome = await client().postCalls(makeCalls(1));
    expect(s.log).toHaveLength(1);
    expect(waits).toEqual([]);
    expect(outcome.batches[0]?.error?.code).toBe('retry-after-too-long');
    expect(outcome.batches[0]?.error?.message).toMatch(/retry after 3600 s, more than the 60 s/);
  });
});

describe('no retry on client errors', () => {
  it('never retries a 400 and surfaces the server errors', async () => {
    const body = JSON.stringify({
      apiVersion: 'v1',
      errors: [{ field: 'calls', message: 'must be an array of calls' }]
    });
    const { server: s, waits, client } = await harness([{ kind: 'status', status: 400, body }]);
    const outcome = await client().postCalls(makeCalls(2));
    expect(s.log).toHaveLength(1);
    expect(waits).toEqual([]);
    const error = outcome.batches[0]?.error;
    expect(error?.code).toBe('rejected-request');
    expect(error?.status).toBe(400);
    expect(error?.serverErrors).toEqual([{ field: 'calls', message: 'must be an array of calls' }]);
    expect(error?.message).toMatch(/HTTP 400, not retried: calls: must be an array of calls/);
  });

  it.each([401, 403, 404, 500])('never retries HTTP %i', async (status) => {
    const { server: s, client } = await harness([{ kind: 'status', status }]);
    const outcome = await client().postCalls(makeCalls(1));
    expect(s.log).toHaveLength(1);
    expect(outcome.batches[0]?.error?.message).toMatch(new RegExp(`HTTP ${status}, not retried`));
  });

  it('sends the bearer token (the contract server answers 401 without it)', async () => {
    const { client } = await harness([], { token: 's3cret' });
    expect((await client().postCalls(makeCalls(1))).allDelivered).toBe(true);
    const wrong = new VoiceClient({
      transport: fetchTransport({ baseUrl: server?.url ?? '', token: 'nope' })
    });
    const outcome = await wrong.postCalls(makeCalls(1));
    expect(outcome.batches[0]?.error?.status).toBe(401);
  });
});

describe('per-call results', () => {
  it('surfaces invalid and rejected calls next to valid ones, across batches, in input order', async () => {
    const { server: s, client } = await harness([], { syncThreshold: 200 });
    const calls: unknown[] = makeCalls(250);
    calls[10] = { ...makeCalls(1, 'naive')[0], startedAt: '2026-11-20T14:03:00' };
    calls[220] = { direction: 'inbound', startedAt: '2026-11-20T14:03:00Z' }; // no externalCallId
    calls[230] = { ...makeCalls(1, 'extra')[0], colour: 'blue' };
    const outcome = await client().postCalls(calls as Call[]);

    expect(outcome.requests).toBe(2);
    const at = (i: number) => outcome.calls[i];
    expect(at(10)).toMatchObject({
      delivered: true,
      result: { index: 10, status: 'invalid', errors: [{ field: 'calls[10].startedAt' }] }
    });
    expect(at(220)).toMatchObject({
      delivered: true,
      externalCallId: null,
      result: {
        index: 220,
        status: 'rejected',
        callLogId: null,
        errors: [{ field: 'calls[20].externalCallId', message: 'is required' }]
      }
    });
    expect(at(230)).toMatchObject({
      result: { status: 'logged', warnings: [{ field: 'calls[30].colour', message: 'unknown key ignored' }] }
    });
    expect(statuses(outcome).filter((x) => x === 'logged')).toHaveLength(248);
    expect(s.store.size).toBe(249); // rejected is not stored; invalid is
  });

  it('reports the undelivered batch only, when a later batch is refused', async () => {
    const { client } = await harness([{ kind: 'ok' }, { kind: 'status', status: 400 }]);
    const outcome = await client().postCalls(makeCalls(450));
    expect(outcome.allDelivered).toBe(false);
    expect(outcome.batches.map((b) => b.delivered)).toEqual([true, false, true]);
    expect(outcome.calls.filter((c) => !c.delivered).map((c) => c.index)).toEqual(
      Array.from({ length: 200 }, (_, i) => 200 + i)
    );
    const undelivered = outcome.calls[300];
    expect(undelivered?.delivered === false && undelivered.error).toMatch(
      /batch 2\/3 \(calls 200–399\): HTTP 400/
    );
  });

  it('never creates a second record when the same calls are posted three times', async () => {
    const { server: s, client } = await harness();
    const calls = makeCalls(3);
    const voice = client();
    const outcomes = [
      await voice.postCalls(calls),
      await voice.postCalls(calls),
      await voice.postCalls(calls)
    ];
    expect(s.store.size).toBe(3);
    expect(s.store.get('call-0')?.receivedCount).toBe(3);
    const ids = outcomes.map((o) => (o.calls[0]?.delivered ? o.calls[0].result.taskId : null));
    expect(new Set(ids).size).toBe(1);
  });

  it('treats a 200 whose body breaks the contract as an error, not a success', async () => {
    const { client } = await harness([
      { kind: 'status', status: 200, body: '{"apiVersion":"v1","results":[]}' }
    ]);
    const outcome = await client().postCalls(makeCalls(2));
    expect(outcome.batches[0]?.error?.code).toBe('bad-response');
    expect(outcome.batches[0]?.error?.message).toMatch(/0 results for 2 calls/);
  });
});

describe('not_stored calls', () => {
  it('re-posts only the calls reported not_stored, after a backoff wait, and reports their final result', async () => {
    const {
      server: s,
      client,
      waits
    } = await harness([
      { kind: 'notStored', externalCallIds: ['call-1'] },
      { kind: 'notStored', externalCallIds: ['call-1'] }
    ]);
    const outcome = await client().postCalls(makeCalls(3));
    expect(s.log.map((r) => r.externalCallIds)).toEqual([
      ['call-0', 'call-1', 'call-2'],
      ['call-1'],
      ['call-1']
    ]);
    expect(waits).toHaveLength(2);
    expect(statuses(outcome)).toEqual(['logged', 'logged', 'logged']);
    expect(outcome.calls[1]?.delivered && outcome.calls[1].result.index).toBe(1);
    expect(outcome.requests).toBe(3);
  });

  it('never re-posts failed calls (stored; Salesforce retries them)', async () => {
    const { server: s } = await harness();
    await s.stop();
    server = await startContractServer({ schemas, decide: () => ({ status: 'failed' }) });
    const started = server;
    const outcome = await new VoiceClient({
      transport: fetchTransport({ baseUrl: started.url }),
      clock: { now: () => Date.now(), sleep: () => Promise.resolve() },
      random: () => 0.5
    }).postCalls(makeCalls(2));
    expect(started.log).toHaveLength(1);
    expect(statuses(outcome)).toEqual(['failed', 'failed']);
  });

  it('stops after maxAttempts rounds and leaves the call not_stored', async () => {
    const { server: s, client } = await harness(
      Array.from({ length: 5 }, () => ({ kind: 'notStored' as const, externalCallIds: ['call-0'] }))
    );
    const outcome = await client({ retry: { maxAttempts: 3 } }).postCalls(makeCalls(1));
    expect(s.log).toHaveLength(3);
    expect(statuses(outcome)).toEqual(['not_stored']);
  });
});
