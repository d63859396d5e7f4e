/** The contract server's own answers (it is only as good as its fidelity to docs/api). */
import { Call, MAX_TRANSCRIPT_CHARS } from '../lib/voice-client/contract';
import { ContractServer, startContractServer } from './contract-server';
import { DEFAULT_OPENAPI_PATH, loadContractSchemas } from './openapi';

const schemas = loadContractSchemas(process.env.VOICE_OPENAPI_PATH ?? DEFAULT_OPENAPI_PATH);
let server: ContractServer;

beforeEach(async () => {
  server = await startContractServer({ schemas });
});
afterEach(async () => {
  await server.stop();
});

function call(id: string): Call {
  return {
    externalCallId: id,
    direction: 'inbound',
    from: '555-123-4567',
    startedAt: '2026-11-20T14:03:00Z'
  };
}

async function raw(
  body: string,
  options: { method?: string; path?: string } = {}
): Promise<{ status: number; json: unknown }> {
  const res = await fetch(`${server.url}${options.path ?? '/services/apexrest/voice/v1/calls'}`, {
    method: options.method ?? 'POST',
    body: options.method === 'GET' ? undefined : body
  });
  return { status: res.status, json: await res.json() };
}

describe('contract server', () => {
  it.each([
    ['malformed JSON', '{"calls": ['],
    ['an empty batch', '{"calls": []}'],
    ['calls that is not an array', '{"calls": 3}'],
    ['a top-level array', '[]'],
    ['a top-level string', '"hello"'],
    ['201 calls', JSON.stringify({ calls: Array.from({ length: 201 }, (_, i) => call(`c-${i}`)) })],
    [
      'a body over 1,000,000 bytes',
      JSON.stringify({ calls: [{ ...call('big'), summary: 'x'.repeat(1_000_000) }] })
    ]
  ])('answers 400 with the documented body for %s, storing nothing', async (_label, body) => {
    const { status, json } = await raw(body);
    expect(status).toBe(400);
    expect(schemas.validateErrorResponse(json)).toBe(true);
    expect(server.store.size).toBe(0);
  });

  it('says how large the body was when it is over the limit', async () => {
    const { json } = await raw(
      JSON.stringify({ calls: [{ ...call('big'), summary: 'x'.repeat(1_000_000) }] })
    );
    expect(json).toMatchObject({
      errors: [{ field: 'body', message: expect.stringContaining('larger than 1000000 bytes') as unknown }]
    });
  });

  it('answers invalid for an appointment longer than 24 hours', async () => {
    const long = {
      ...call('long'),
      appointment: { start: '2026-11-24T10:00:00Z', end: '2026-12-09T10:00:00Z', status: 'booked' }
    };
    const { json } = await raw(JSON.stringify(long));
    expect(json).toMatchObject({
      results: [
        {
          status: 'invalid',
          errors: [
            {
              field: 'calls[0].appointment.end',
              message: 'must be at most 1440 minutes (24 hours) after appointment.start'
            }
          ]
        }
      ]
    });
  });

  it('stores a call whose transcript is over the maximum, with a warning instead of an error', async () => {
    const { status, json } = await raw(
      JSON.stringify({
        calls: [
          { ...call('long-transcript'), transcript: 'x'.repeat(MAX_TRANSCRIPT_CHARS + 1) },
          { ...call('short-transcript'), transcript: 'Caller: hello' }
        ]
      })
    );
    expect(status).toBe(200);
    expect(json).toMatchObject({
      results: [
        {
          status: 'logged',
          errors: [],
          warnings: [
            {
              field: 'calls[0].transcript',
              message: expect.stringContaining(`longer than ${MAX_TRANSCRIPT_CHARS} characters`) as unknown
            }
          ]
        },
        { status: 'logged', errors: [], warnings: [] }
      ]
    });
  });

  it('ignores a UTF-8 byte order mark before the JSON', async () => {
    const { status } = await raw(`\uFEFF${JSON.stringify(call('bom'))}`);
    expect(status).toBe(200);
    expect(server.store.has('bom')).toBe(true);
  });

  it('answers not_stored, storing nothing, for the calls a notStored fault names', async () => {
    await server.stop();
    server = await startContractServer({ schemas, plan: [{ kind: 'notStored', externalCallIds: ['ns-1'] }] });
    const { status, json } = await raw(JSON.stringify({ calls: [call('ns-0'), call('ns-1')] }));
    expect(status).toBe(200);
    expect(schemas.validateBatchResponse(json)).toBe(true);
    expect(json).toMatchObject({
      results: [
        { index: 0, status: 'logged' },
        { index: 1, status: 'not_stored', callLogId: null }
      ]
    });
    expect(server.store.has('ns-1')).toBe(false);
  });

  it('accepts one call object without the batch envelope', async () => {
    const { status, json } = await raw(JSON.stringify(call('single')));
    expect(status).toBe(200);
    expect(schemas.validateBatchResponse(json)).toBe(true);
    expect(json).toMatchObject({ results: [{ index: 0, externalCallId: 'single', status: 'logged' }] });
  });

  it('answers "received" above the synchronous threshold, as the queued path does', async () => {
    const { json } = await raw(
      JSON.stringify({ calls: Array.from({ length: 51 }, (_, i) => call(`q-${i}`)) })
    );
    const statuses = new Set((json as { results: { status: string }[] }).results.map((r) => r.status));
    expect(statuses).toEqual(new Set(['received']));
  });

  it('warns about unknown keys next to calls and about an id repeated in one request', async () => {
    const { json } = await raw(
      JSON.stringify({ calls: [call('dup'), call('other'), call('dup')], source: 'x' })
    );
    expect(schemas.validateBatchResponse(json)).toBe(true);
    expect(json).toMatchObject({
      warnings: [{ field: 'source', message: 'unknown key ignored' }],
      results: [
        { index: 0, warnings: [{ field: 'calls[0].externalCallId' }] },
        { index: 1, warnings: [] },
        { index: 2, warnings: [] }
      ]
    });
    expect(server.store.get('dup')?.receivedCount).toBe(2);
  });

  it('reports every schema problem of an invalid call with its field, and stores it as invalid', async () => {
    const bad = {
      ...call('bad'),
      direction: 'sideways',
      durationSeconds: -1,
      appointment: { start: 'tomorrow' }
    };
    const { json } = await raw(JSON.stringify({ calls: [bad] }));
    const result = (json as { results: { status: string; errors: { field: string }[] }[] }).results[0];
    expect(result?.status).toBe('invalid');
    expect(result?.errors.map((e) => e.field).sort()).toEqual(
      [
        'calls[0].appointment.start',
        'calls[0].appointment.status',
        'calls[0].direction',
        'calls[0].durationSeconds'
      ].sort()
    );
    expect(server.store.get('bad')?.status).toBe('invalid');
  });

  it('answers 404 for another path and 405 for another method', async () => {
    expect((await raw('{}', { path: '/services/apexrest/voice/v2/calls' })).status).toBe(404);
    expect((await raw('', { method: 'GET' })).status).toBe(405);
  });
});
