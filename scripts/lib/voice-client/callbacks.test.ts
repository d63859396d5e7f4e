import { readFileSync } from 'node:fs';
import {
  CALLBACK_PATH,
  CallbackOutcome,
  CallbackReceiver,
  DEFAULT_CALLBACK_OPENAPI_PATH,
  MAX_OUTCOMES_PER_CALLBACK,
  OutcomeBatch,
  loadCallbackValidator,
  startCallbackReceiverServer
} from './callbacks';

const validate = loadCallbackValidator();

function outcome(n: number, overrides: Partial<CallbackOutcome> = {}): CallbackOutcome {
  return {
    externalCallId: `vc-${n}`,
    attempt: 1,
    status: 'logged',
    callLogId: `a01${String(n).padStart(12, '0')}AAA`,
    matchedRecord: { type: 'Contact', id: `003${String(n).padStart(12, '0')}AAA` },
    taskId: `00T${String(n).padStart(12, '0')}AAA`,
    processedAt: '2026-12-03T18:00:01.000Z',
    ...overrides
  };
}

function batch(outcomes: CallbackOutcome[]): OutcomeBatch {
  return { apiVersion: '1.0', sentAt: '2026-12-03T18:00:05.000Z', outcomes };
}

describe('callback contract', () => {
  it('accepts the example of the OpenAPI document', () => {
    type Doc = {
      paths: Record<
        string,
        {
          post: {
            requestBody: { content: Record<string, { examples: Record<string, { value: unknown }> }> };
          };
        }
      >;
    };
    const doc = JSON.parse(readFileSync(DEFAULT_CALLBACK_OPENAPI_PATH, 'utf8')) as Doc;
    const example =
      doc.paths[CALLBACK_PATH]?.post.requestBody.content['application/json']?.examples.logged?.value;
    expect(example).toBeDefined();
    expect(validate(example)).toBe(true);
  });

  it('accepts what the Apex sender writes for every status (optional properties left out)', () => {
    const body = batch([
      outcome(1),
      outcome(2, { status: 'unmatched', matchedRecord: undefined, taskId: undefined }),
      {
        externalCallId: 'vc-3',
        attempt: 2,
        status: 'invalid',
        callLogId: 'a01000000000003AAA',
        reason: 'bad'
      },
      outcome(4, { status: 'failed', reason: 'Task rejected', nextAttemptAt: '2026-12-03T18:05:00.000Z' }),
      outcome(5, { status: 'dead_letter', reason: 'Task rejected' })
    ]);
    expect(validate(JSON.parse(JSON.stringify(body)))).toBe(true);
  });

  it.each([
    [
      'more than 200 outcomes',
      batch(Array.from({ length: MAX_OUTCOMES_PER_CALLBACK + 1 }, (_, i) => outcome(i)))
    ],
    ['no outcomes', batch([])],
    ['an unknown status', batch([outcome(1, { status: 'done' as never })])],
    ['attempt 0', batch([outcome(1, { attempt: 0 })])],
    ['a naive time', batch([outcome(1, { processedAt: '2026-12-03T18:00:01' })])],
    ['an unknown property', batch([{ ...outcome(1), extra: true } as CallbackOutcome])],
    ['a Task id of the wrong length', batch([outcome(1, { taskId: '00T1' })])]
  ])('rejects %s', (_name, body) => {
    expect(validate(body)).toBe(false);
  });
});

describe('CallbackReceiver', () => {
  it('records each outcome once by externalCallId + attempt', () => {
    const receiver = new CallbackReceiver(validate);
    expect(receiver.receive(batch([outcome(1), outcome(2)]))).toEqual({
      status: 200,
      body: { accepted: 2, duplicates: 0 }
    });
    // A retry after a lost answer, or an admin's re-send: same key, nothing changes.
    expect(receiver.receive(batch([outcome(1), outcome(2)]))).toEqual({
      status: 200,
      body: { accepted: 0, duplicates: 2 }
    });
    expect(receiver.latest.size).toBe(2);
  });

  it('keeps the highest attempt per call, whatever the arrival order', () => {
    const receiver = new CallbackReceiver(validate);
    receiver.receive(batch([outcome(1, { attempt: 3, status: 'logged' })]));
    const late = receiver.receive(batch([outcome(1, { attempt: 2, status: 'failed', reason: 'x' })]));
    expect(late.body).toEqual({ accepted: 0, duplicates: 1 });
    expect(receiver.latest.get('vc-1')?.status).toBe('logged');
    receiver.receive(batch([outcome(1, { attempt: 4, status: 'unmatched' })]));
    expect(receiver.latest.get('vc-1')?.attempt).toBe(4);
  });

  it('answers 400 with the field for a body that breaks the contract, and records nothing', () => {
    const receiver = new CallbackReceiver(validate);
    const answer = receiver.receive({ apiVersion: '1.0', sentAt: 'now', outcomes: [outcome(1)] });
    expect(answer.status).toBe(400);
    expect(JSON.stringify(answer.body)).toContain('/sentAt');
    expect(receiver.latest.size).toBe(0);
  });

  it('refuses one call twice in one request', () => {
    const receiver = new CallbackReceiver(validate);
    const answer = receiver.receive(batch([outcome(1), outcome(1, { attempt: 2 })]));
    expect(answer.status).toBe(400);
    expect(receiver.latest.size).toBe(0);
  });
});

describe('startCallbackReceiverServer', () => {
  async function post(url: string, body: unknown, token?: string): Promise<number> {
    const response = await fetch(`${url}${CALLBACK_PATH}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify(body)
    });
    return response.status;
  }

  it('checks the API key header and serves the receiver', async () => {
    const server = await startCallbackReceiverServer({
      receiver: new CallbackReceiver(validate),
      token: 'k1'
    });
    try {
      expect(await post(server.url, batch([outcome(1)]))).toBe(401);
      expect(await post(server.url, batch([outcome(1)]), 'k1')).toBe(200);
      expect(await post(server.url, { nope: true }, 'k1')).toBe(400);
      expect(server.receiver.latest.size).toBe(1);
      expect(server.requests).toBe(3);
    } finally {
      await server.stop();
    }
  });
});
