import { DEFAULT_OPENAPI_PATH, describeAjvErrors, loadContractSchemas } from '../contract-server/openapi';
import { requestsForCalls } from '../lib/voice-client';
import {
  formatCallbackFigures,
  formatFigures,
  GOAL_CALLOUTS_PER_1000,
  GOAL_REQUESTS_PER_1000,
  requestsPer1000,
  syntheticCalls
} from './bench-lib';

describe('benchmark figures', () => {
  it('the goal is 5 requests per 1,000 calls, which full batches of 200 meet', () => {
    expect(GOAL_REQUESTS_PER_1000).toBe(5);
    expect(requestsPer1000(requestsForCalls(1000), 1000)).toBe(5);
    expect(requestsPer1000(requestsForCalls(10_000), 10_000)).toBe(5);
    expect(requestsPer1000(requestsForCalls(1001), 1001)).toBeCloseTo(5.99, 2);
    expect(requestsPer1000(0, 0)).toBe(0);
  });

  it('synthetic calls are valid by the OpenAPI contract and unique by externalCallId', () => {
    const schemas = loadContractSchemas(process.env.VOICE_OPENAPI_PATH ?? DEFAULT_OPENAPI_PATH);
    const calls = syntheticCalls(400, 'b-', ['+1 555 014 0001']);
    const invalid = calls.flatMap((c, i) =>
      schemas.validateCall(c) ? [] : describeAjvErrors(`calls[${i}]`, schemas.validateCall.errors)
    );
    expect(invalid).toEqual([]);
    expect(new Set(calls.map((c) => c.externalCallId)).size).toBe(400);
    expect(calls.filter((c) => c.appointment !== undefined)).toHaveLength(100);
    expect(calls[7]?.from).toBe('+1 555 014 0001');
  });

  it('prints one row per run', () => {
    const text = formatFigures([
      {
        label: '1,000 calls',
        calls: 1000,
        requests: 5,
        wallMs: 200,
        cpuUserMicros: 60_000,
        cpuSystemMicros: 10_000,
        peakRssBytes: 200 * 1024 * 1024,
        delivered: true
      }
    ]);
    expect(text.split('\n')[2]).toBe(
      '1,000 calls   1000         5             5.0    0.20   25.0     5000      70               70.0        200.0  yes'
    );
  });

  it('prints the callback round trip per run', () => {
    expect(GOAL_CALLOUTS_PER_1000).toBe(5);
    const text = formatCallbackFigures([
      { label: '1,000 calls', calls: 1000, callouts: 5, outcomesReceived: 1000, drainMs: 120 }
    ]);
    expect(text.split('\n')[0]).toContain('callouts/1000 calls');
    expect(text.split('\n')[2]).toMatch(/^1,000 calls\s+1000\s+5\s+5\.0\s+1000\s+0\.12$/);
  });
});
