/** The contract server's status-callback sender (the org's VclCallbackSender, played offline). */
import {
  CallbackReceiver,
  startCallbackReceiverServer,
  CallbackReceiverServer
} from '../lib/voice-client/callbacks';
import { Call } from '../lib/voice-client/contract';
import { CallbackOptions } from './callback-sender';
import { ContractServer, startContractServer } from './contract-server';

let server: ContractServer;
let voiceSystem: CallbackReceiverServer;

async function setUp(
  plan: Parameters<typeof startCallbackReceiverServer>[0] = {},
  callbacks: Partial<CallbackOptions> = {}
): Promise<void> {
  voiceSystem = await startCallbackReceiverServer({ token: 'api-key', ...plan });
  server = await startContractServer({
    callbacks: { url: voiceSystem.url, token: 'api-key', retryDelayMs: 5, ...callbacks }
  });
}

afterEach(async () => {
  await server.stop();
  await voiceSystem.stop();
});

function calls(count: number, prefix: string, valid = true): Call[] {
  return Array.from({ length: count }, (_, i) => ({
    externalCallId: `${prefix}-${i}`,
    direction: 'inbound',
    from: '555-123-4567',
    startedAt: valid ? '2026-11-20T14:03:00Z' : '2026-11-20T14:03:00'
  }));
}

async function post(batch: Call[]): Promise<number> {
  const res = await fetch(`${server.url}/services/apexrest/voice/v1/calls`, {
    method: 'POST',
    body: JSON.stringify({ calls: batch })
  });
  await res.arrayBuffer();
  return res.status;
}

describe('contract server status callbacks', () => {
  it('sends every outcome once, at most 200 per callout, after accepting the posts', async () => {
    await setUp();
    for (let i = 0; i < 5; i++) {
      expect(await post(calls(i === 4 ? 50 : 200, `b${i}`))).toBe(200);
    }
    await server.callbacks?.drain(10_000);
    expect(server.callbacks?.log.map((e) => e.outcomes)).toEqual([200, 200, 200, 200, 50]);
    expect(server.callbacks?.log.every((e) => e.status === 200)).toBe(true);
    expect(voiceSystem.receiver.latest.size).toBe(850);
    const first = voiceSystem.receiver.latest.get('b0-0');
    expect(first).toEqual(expect.objectContaining({ attempt: 1, status: 'logged' }));
    expect(first?.taskId).toMatch(/^00T/);
  });

  it('reports an invalid call with its reason, and a re-post as the next attempt', async () => {
    await setUp();
    await post(calls(1, 'bad', false));
    await server.callbacks?.drain(10_000);
    const invalid = voiceSystem.receiver.latest.get('bad-0');
    expect(invalid).toEqual(expect.objectContaining({ attempt: 1, status: 'invalid' }));
    expect(invalid?.reason).toBeTruthy();
    await post(calls(1, 'bad'));
    await server.callbacks?.drain(10_000);
    expect(voiceSystem.receiver.latest.get('bad-0')).toEqual(
      expect.objectContaining({ attempt: 2, status: 'logged' })
    );
  });

  it('retries after 503, a dropped connection and 429, and loses nothing', async () => {
    await setUp({
      plan: [{ kind: 'status', status: 503 }, { kind: 'drop' }, { kind: 'status', status: 429 }]
    });
    await post(calls(120, 'r'));
    await server.callbacks?.drain(10_000);
    expect(server.callbacks?.log.map((e) => e.status)).toEqual([503, 'no answer', 429, 200]);
    expect(voiceSystem.receiver.latest.size).toBe(120);
  });

  it('does not retry a 4xx', async () => {
    await setUp({ plan: [{ kind: 'status', status: 400 }] });
    await post(calls(3, 'x'));
    await server.callbacks?.drain(10_000);
    expect(server.callbacks?.log).toEqual([{ outcomes: 3, status: 400 }]);
    expect(voiceSystem.receiver.latest.size).toBe(0);
    expect(server.callbacks?.pendingCount).toBe(0);
  });

  it('gives up after maxAttempts while the voice system is down', async () => {
    await setUp(
      { plan: Array.from({ length: 10 }, () => ({ kind: 'status' as const, status: 503 })) },
      { maxAttempts: 4 }
    );
    await post(calls(2, 'down'));
    await server.callbacks?.drain(10_000);
    expect(server.callbacks?.log).toHaveLength(4);
    expect(server.callbacks?.pendingCount).toBe(0);
  });

  it('sends the API key the named credential would add', async () => {
    await setUp({}, { token: 'wrong' });
    await post(calls(1, 'k'));
    await server.callbacks?.drain(10_000);
    expect(server.callbacks?.log).toEqual([{ outcomes: 1, status: 401 }]);
  });

  it('sends nothing without a callback URL', async () => {
    voiceSystem = await startCallbackReceiverServer({ receiver: new CallbackReceiver() });
    server = await startContractServer({});
    await post(calls(3, 'off'));
    await server.callbacks?.drain(10_000);
    expect(server.callbacks).toBeNull();
    expect(voiceSystem.requests).toBe(0);
  });
});
