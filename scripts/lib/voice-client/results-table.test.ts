import { readFileSync } from 'node:fs';
import path from 'node:path';
import { REPO_ROOT } from '../cli/exec';
import { PostOutcome } from './client';
import { callsFromJson, formatOutcomeTable } from './results-table';

describe('post-call output', () => {
  it('reads {calls}, an array, or one call; refuses anything else with the file name', () => {
    const sample = callsFromJson(
      readFileSync(path.join(REPO_ROOT, 'data/sample-calls.json'), 'utf8'),
      'sample'
    );
    expect(sample.map((c) => c.externalCallId)).toEqual(['sample-0001', 'sample-0002', 'sample-0003']);
    expect(callsFromJson('[{"externalCallId":"a"}]', 'f')).toHaveLength(1);
    expect(callsFromJson('{"externalCallId":"a"}', 'f')).toEqual([{ externalCallId: 'a' }]);
    expect(() => callsFromJson('{"calls": 1}', 'calls.json')).toThrow(/^calls.json: expected/);
    expect(() => callsFromJson('nope', 'calls.json')).toThrow(/^calls.json: not JSON/);
  });

  it('prints one row per call with errors and warnings, and a summary line', () => {
    const outcome: PostOutcome = {
      requests: 3,
      allDelivered: false,
      batches: [
        {
          batch: 0,
          firstIndex: 0,
          size: 2,
          delivered: true,
          attempts: [{ attempt: 1, status: 200, elapsedMs: 5 }]
        },
        {
          batch: 1,
          firstIndex: 2,
          size: 1,
          delivered: false,
          attempts: [
            { attempt: 1, status: 503, elapsedMs: 5, waitMs: 100 },
            { attempt: 2, status: 400, elapsedMs: 5 }
          ]
        }
      ],
      calls: [
        {
          index: 0,
          batch: 0,
          externalCallId: 'a',
          delivered: true,
          result: {
            index: 0,
            externalCallId: 'a',
            callLogId: 'a0X000000000001AAA',
            status: 'logged',
            taskId: '00T000000000001AAA',
            eventId: null,
            errors: [],
            warnings: [{ field: 'calls[0].colour', message: 'unknown key ignored' }]
          }
        },
        {
          index: 1,
          batch: 0,
          externalCallId: 'b',
          delivered: true,
          result: {
            index: 1,
            externalCallId: 'b',
            callLogId: 'a0X000000000002AAA',
            status: 'invalid',
            taskId: null,
            eventId: null,
            errors: [{ field: 'calls[1].startedAt', message: 'not ISO-8601 with offset' }],
            warnings: []
          }
        },
        {
          index: 2,
          batch: 1,
          externalCallId: 'c',
          delivered: false,
          error: 'batch 2/2: HTTP 400, not retried'
        }
      ]
    };
    const lines = formatOutcomeTable(outcome).split('\n');
    expect(lines[0]).toMatch(
      /^#\s+externalCallId\s+status\s+callLogId\s+taskId\s+eventId\s+errors \/ warnings$/
    );
    expect(lines[2]).toContain('warning calls[0].colour: unknown key ignored');
    expect(lines[3]).toContain('calls[1].startedAt: not ISO-8601 with offset');
    expect(lines[4]).toContain('NOT DELIVERED');
    expect(lines[lines.length - 1]).toBe(
      '3 calls in 2 request(s), 3 HTTP attempt(s) (1 batch(es) retried): 1 logged, 1 invalid, 1 not delivered'
    );
  });
});
