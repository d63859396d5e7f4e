/**
 * The receiving side of the status callbacks (docs/api/voice-callbacks-v1.openapi.json): what a voice system
 * implements at POST {its URL}/v1/call-outcomes. `CallbackReceiver` validates a body against the contract (Ajv,
 * compiled from the OpenAPI document itself), dedupes by the idempotency key externalCallId + attempt, keeps the
 * latest outcome per call (a lower attempt arriving late never replaces a higher one) and answers as the contract
 * says. `startCallbackReceiverServer` puts it behind a local HTTP server for tests and the benchmark.
 */
import { readFileSync } from 'node:fs';
import http, { IncomingMessage, ServerResponse } from 'node:http';
import { AddressInfo, Socket } from 'node:net';
import path from 'node:path';
import Ajv, { ValidateFunction } from 'ajv';

export const CALLBACK_PATH = '/v1/call-outcomes';
export const CALLBACK_API_VERSION = '1.0';
export const MAX_OUTCOMES_PER_CALLBACK = 200;
export const DEFAULT_CALLBACK_OPENAPI_PATH = path.resolve(
  __dirname,
  '../../../docs/api/voice-callbacks-v1.openapi.json'
);

export type OutcomeStatus = 'logged' | 'unmatched' | 'invalid' | 'failed' | 'dead_letter';

export interface CallbackOutcome {
  externalCallId: string;
  attempt: number;
  status: OutcomeStatus;
  callLogId: string;
  matchedRecord?: { type: 'Lead' | 'Contact'; id: string };
  taskId?: string;
  eventId?: string;
  reason?: string;
  nextAttemptAt?: string;
  processedAt?: string;
}

export interface OutcomeBatch {
  apiVersion: typeof CALLBACK_API_VERSION;
  sentAt: string;
  outcomes: CallbackOutcome[];
}

export interface CallbackAnswer {
  status: number;
  body: { accepted: number; duplicates: number } | { errors: string[] };
}

const DOC_ID = 'urn:voice-callbacks-v1:openapi';

function isDateTimeWithOffset(value: string): boolean {
  return (
    /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/i.test(value) &&
    !Number.isNaN(Date.parse(value))
  );
}

/** Compiles the OutcomeBatch schema of the callback contract. */
export function loadCallbackValidator(openApiPath: string = DEFAULT_CALLBACK_OPENAPI_PATH): ValidateFunction {
  const doc = JSON.parse(readFileSync(openApiPath, 'utf8')) as Record<string, unknown>;
  if (typeof doc.openapi !== 'string' || !doc.openapi.startsWith('3.0')) {
    throw new Error(`${openApiPath} is not an OpenAPI 3.0 document`);
  }
  // strict: false — OpenAPI adds keywords (description on $ref siblings, examples) that are not JSON Schema.
  const ajv = new Ajv({ strict: false, allErrors: true, logger: false });
  ajv.addFormat('date-time', { type: 'string', validate: isDateTimeWithOffset });
  ajv.addSchema({ ...doc, $id: DOC_ID });
  return ajv.compile({ $ref: `${DOC_ID}#/components/schemas/OutcomeBatch` });
}

/** The idempotency key of an outcome. */
export function outcomeKey(outcome: Pick<CallbackOutcome, 'externalCallId' | 'attempt'>): string {
  return `${outcome.externalCallId}#${outcome.attempt}`;
}

/** Validates, dedupes and records callback bodies; one instance per voice system. */
export class CallbackReceiver {
  /** The latest outcome per externalCallId. */
  public readonly latest = new Map<string, CallbackOutcome>();
  /** Requests answered, by status. */
  public readonly answers: number[] = [];
  private readonly seen = new Set<string>();
  private readonly validate: ValidateFunction;

  public constructor(validate: ValidateFunction = loadCallbackValidator()) {
    this.validate = validate;
  }

  /** Handles one request body (already parsed from JSON); never throws. */
  public receive(body: unknown): CallbackAnswer {
    if (!this.validate(body)) {
      const errors = (this.validate.errors ?? []).map(
        (e) => `${e.instancePath || '(body)'}: ${e.message ?? e.keyword}`
      );
      return this.answer({ status: 400, body: { errors } });
    }
    const batch = body as OutcomeBatch;
    const ids = new Set<string>();
    const repeated = batch.outcomes.find((o) => ids.size === ids.add(o.externalCallId).size);
    if (repeated) {
      return this.answer({
        status: 400,
        body: { errors: [`/outcomes: externalCallId ${repeated.externalCallId} appears twice`] }
      });
    }
    let accepted = 0;
    let duplicates = 0;
    for (const outcome of batch.outcomes) {
      const key = outcomeKey(outcome);
      const current = this.latest.get(outcome.externalCallId);
      if (this.seen.has(key) || (current !== undefined && current.attempt > outcome.attempt)) {
        duplicates += 1;
        continue;
      }
      this.seen.add(key);
      this.latest.set(outcome.externalCallId, outcome);
      accepted += 1;
    }
    return this.answer({ status: 200, body: { accepted, duplicates } });
  }

  private answer(answer: CallbackAnswer): CallbackAnswer {
    this.answers.push(answer.status);
    return answer;
  }
}

/** One scripted answer of the receiver server (consumed in order; then requests are handled normally). */
export type ReceiverFault = { kind: 'status'; status: number } | { kind: 'drop' };

export interface CallbackReceiverServer {
  url: string;
  receiver: CallbackReceiver;
  /** Requests that reached the server, answered or dropped. */
  requests: number;
  stop(): Promise<void>;
}

/**
 * Serves a receiver at 127.0.0.1 (random port): POST {url}/v1/call-outcomes. With `token`, requests without
 * `Authorization: Bearer <token>` get 401 (as the named credential's header would be checked).
 */
export async function startCallbackReceiverServer(
  options: { receiver?: CallbackReceiver; token?: string; plan?: ReceiverFault[] } = {}
): Promise<CallbackReceiverServer> {
  const receiver = options.receiver ?? new CallbackReceiver();
  const plan = [...(options.plan ?? [])];
  const sockets = new Set<Socket>();
  const state = { requests: 0 };
  const reply = (res: ServerResponse, status: number, body: unknown): void => {
    res.writeHead(status, { 'content-type': 'application/json' });
    res.end(JSON.stringify(body));
  };
  const server = http.createServer((req: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      state.requests += 1;
      const fault = plan.shift();
      if (fault?.kind === 'drop') {
        req.socket.destroy();
        return;
      }
      if (fault?.kind === 'status') {
        reply(res, fault.status, { errors: [`injected ${fault.status}`] });
        return;
      }
      if (req.method !== 'POST' || (req.url ?? '').split('?')[0] !== CALLBACK_PATH) {
        reply(res, 404, { errors: [`no route ${req.method} ${req.url}`] });
        return;
      }
      if (options.token !== undefined && req.headers.authorization !== `Bearer ${options.token}`) {
        reply(res, 401, { errors: ['API key refused'] });
        return;
      }
      let body: unknown;
      try {
        body = JSON.parse(Buffer.concat(chunks).toString('utf8'));
      } catch (error) {
        reply(res, 400, { errors: [`malformed JSON: ${(error as Error).message}`] });
        return;
      }
      const answer = receiver.receive(body);
      reply(res, answer.status, answer.body);
    });
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    receiver,
    get requests() {
      return state.requests;
    },
    stop: async () => {
      sockets.forEach((s) => s.destroy());
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
  };
}
