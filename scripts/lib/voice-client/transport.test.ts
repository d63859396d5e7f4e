/**
 * The Connection transport against the contract server: a stand-in for @salesforce/core's Connection that
 * has what the transport uses (instanceUrl, accessToken, refreshAuth, getUsername).
 */
import type { Connection } from '@salesforce/core';
import { ContractServer, startContractServer } from '../../contract-server/contract-server';
import { DEFAULT_OPENAPI_PATH, loadContractSchemas } from '../../contract-server/openapi';
import { connectionTransport, fetchTransport, TransportError, VoiceClient } from './index';

const schemas = loadContractSchemas(process.env.VOICE_OPENAPI_PATH ?? DEFAULT_OPENAPI_PATH);
let server: ContractServer;

beforeEach(async () => {
  server = await startContractServer({ schemas, token: 'fresh-token' });
});
afterEach(async () => {
  await server.stop();
});

function fakeConnection(initialToken: string): { connection: Connection; refreshes: () => number } {
  let refreshes = 0;
  const fake = {
    instanceUrl: server.url,
    accessToken: initialToken,
    getUsername: () => 'admin@example.com',
    refreshAuth: () => {
      refreshes += 1;
      // The first refresh (before the first request) keeps a stale token, as a cached session would.
      if (refreshes > 1) fake.accessToken = 'fresh-token';
      return Promise.resolve();
    }
  };
  // Only the members above are used by connectionTransport; the cast stands in for a real org session.
  return { connection: fake as unknown as Connection, refreshes: () => refreshes };
}

const call = {
  externalCallId: 'c-1',
  direction: 'inbound' as const,
  from: '555-123-4567',
  startedAt: '2026-11-20T14:03:00Z'
};

describe('connectionTransport', () => {
  it('posts to the instance URL with the session token, refreshing once on 401', async () => {
    const { connection, refreshes } = fakeConnection('stale-token');
    const client = new VoiceClient({ transport: connectionTransport(connection) });
    const outcome = await client.postCalls([call]);
    expect(outcome.allDelivered).toBe(true);
    expect(refreshes()).toBe(2);
    expect(server.log.map((r) => r.status)).toEqual([401, 200]);
    expect(server.log[1]?.path).toBe('/services/apexrest/voice/v1/calls');
  });

  it('reports a 401 that survives the refresh, without retrying it', async () => {
    const { connection } = fakeConnection('stale-token');
    const stuck = connection as unknown as { refreshAuth: () => Promise<void> };
    stuck.refreshAuth = () => Promise.resolve();
    const outcome = await new VoiceClient({ transport: connectionTransport(connection) }).postCalls([call]);
    expect(outcome.batches[0]?.error?.message).toMatch(/HTTP 401, not retried/);
    expect(server.log).toHaveLength(2); // the original and the one after refresh: the client itself never retried
  });
});

describe('fetchTransport', () => {
  it('turns a refused connection into a network TransportError', async () => {
    const url = server.url;
    await server.stop();
    server = await startContractServer({ schemas });
    const transport = fetchTransport({ baseUrl: url });
    await expect(transport.post({ path: '/x', body: '{}', timeoutMs: 1000 })).rejects.toMatchObject({
      name: 'TransportError',
      kind: 'network'
    });
    expect(TransportError).toBeDefined();
  });

  it('calls a token function before every request', async () => {
    let calls = 0;
    const transport = fetchTransport({
      baseUrl: server.url,
      token: () => {
        calls += 1;
        return 'fresh-token';
      }
    });
    const outcome = await new VoiceClient({ transport }).postCalls([
      call,
      { ...call, externalCallId: 'c-2' }
    ]);
    expect(outcome.allDelivered).toBe(true);
    expect(calls).toBe(1);
  });
});
