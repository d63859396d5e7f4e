/**
 * Contract server: a local HTTP server (127.0.0.1, random port) that plays the documented contract of
 * POST /services/apexrest/voice/v1/calls — for testing the reference client ONLY. It is not the endpoint and
 * proves nothing about the Apex implementation: it validates requests against the OpenAPI schemas
 * (docs/api/voice-calls-v1.openapi.json) with Ajv, answers per-call results as the contract says, upserts
 * by externalCallId in memory, and injects faults (429 + Retry-After, 503, slow answers, dropped
 * connections) from a scripted plan.
 * With `callbacks` set it also sends status callbacks after accepting posts (callback-sender.ts).
 */
import http, { IncomingMessage, ServerResponse } from 'node:http';
import { AddressInfo, Socket } from 'node:net';
import {
  API_VERSION,
  CallBatchResponse,
  CallResult,
  CallResultStatus,
  ErrorResponse,
  FieldMessage,
  INGEST_PATH,
  MAX_CALLS_PER_REQUEST,
  MAX_REQUEST_BYTES
} from '../lib/voice-client/contract';
import { CallbackOptions, CallbackSender } from './callback-sender';
import { checkCall, isObject } from './call-check';
import { ContractSchemas, loadContractSchemas } from './openapi';

/** One scripted reaction, consumed one per request in order; when the plan is empty requests are served normally. */
export type Fault =
  | { kind: 'ok' }
  /** Answers this status without processing (e.g. 429 with Retry-After "1", 503). */
  | { kind: 'status'; status: number; retryAfter?: string; body?: string }
  /** Processes (stores) the calls, then answers only after delayMs: a client with a shorter timeout gives up. */
  | { kind: 'slow'; delayMs: number }
  /** Destroys the connection without an answer, before or after storing the calls. */
  | { kind: 'drop'; afterProcessing: boolean }
  /**
   * Answers these calls `not_stored` without storing them, as the endpoint does when a row can't be saved
   * (UNABLE_TO_LOCK_ROW while processing holds it, DUPLICATE_VALUE from a concurrent first post).
   */
  | { kind: 'notStored'; externalCallIds: string[] };

export interface StoredCall {
  externalCallId: string;
  callLogId: string;
  status: CallResultStatus;
  taskId: string | null;
  eventId: string | null;
  receivedCount: number;
  lastPayload: unknown;
}

export interface RequestLogEntry {
  n: number;
  method: string;
  path: string;
  fault: Fault['kind'];
  status: number | 'dropped';
  callCount: number;
  externalCallIds: string[];
}

export type Outcome = { status: Extract<CallResultStatus, 'logged' | 'unmatched' | 'failed' | 'received'> };

export interface ContractServerOptions {
  openApiPath?: string;
  schemas?: ContractSchemas;
  /** When set, requests without `Authorization: Bearer <token>` get 401. */
  token?: string;
  plan?: Fault[];
  /**
   * Above this many valid calls the real endpoint queues processing and answers "received"
   * (the dispatcher's default threshold is 50).
   */
  syncThreshold?: number;
  /** What processing would decide for a valid call (default: unmatched without a caller number, else logged). */
  decide?: (call: Record<string, unknown>) => Outcome;
  /** Send status callbacks after accepting posts (off when absent). */
  callbacks?: CallbackOptions;
}

const ID_SUFFIX = 'AAA';

function fakeId(prefix: string, n: number): string {
  return `${prefix}${String(n).padStart(12, '0')}${ID_SUFFIX}`;
}

function defaultDecide(call: Record<string, unknown>): Outcome {
  const caller = call.direction === 'outbound' ? call.to : call.from;
  return { status: typeof caller === 'string' && /\d{4}/.test(caller) ? 'logged' : 'unmatched' };
}

export class ContractServer {
  public readonly store = new Map<string, StoredCall>();
  public readonly log: RequestLogEntry[] = [];
  public readonly plan: Fault[];
  private readonly schemas: ContractSchemas;
  private readonly options: ContractServerOptions;
  private readonly server: http.Server;
  private readonly sockets = new Set<Socket>();
  private readonly timers = new Set<NodeJS.Timeout>();
  private counter = 0;
  private baseUrl = '';
  /** Calls answered "received" (queued), processed after the answer when callbacks are on. */
  private readonly queued: Array<{ stored: StoredCall; payload: unknown }> = [];
  /** The status-callback sender, when callbacks are on. */
  public readonly callbacks: CallbackSender | null;

  public constructor(options: ContractServerOptions = {}) {
    this.options = options;
    this.schemas = options.schemas ?? loadContractSchemas(options.openApiPath);
    this.plan = [...(options.plan ?? [])];
    this.callbacks = options.callbacks ? new CallbackSender(options.callbacks) : null;
    this.server = http.createServer((req, res) => {
      this.handle(req, res).catch((error: unknown) => {
        // A bug in this server, not a contract answer: say so loudly.
        if (!res.headersSent) {
          res.writeHead(599, { 'content-type': 'text/plain' });
          res.end(`contract server bug: ${error instanceof Error ? error.stack : String(error)}`);
        }
      });
    });
    this.server.on('connection', (socket) => {
      this.sockets.add(socket);
      socket.on('close', () => this.sockets.delete(socket));
    });
  }

  /** Listens on 127.0.0.1 with a random port; resolves to the base URL. */
  public async start(): Promise<string> {
    await new Promise<void>((resolve, reject) => {
      this.server.once('error', reject);
      this.server.listen(0, '127.0.0.1', () => resolve());
    });
    const { port } = this.server.address() as AddressInfo;
    this.baseUrl = `http://127.0.0.1:${port}`;
    return this.baseUrl;
  }

  public get url(): string {
    return this.baseUrl;
  }

  public async stop(): Promise<void> {
    await this.callbacks?.stop();
    this.timers.forEach((t) => clearTimeout(t));
    this.timers.clear();
    this.sockets.forEach((s) => s.destroy());
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  /** Requests that reached the handler (including dropped ones). */
  public get requestCount(): number {
    return this.log.length;
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const bodyBytes = Buffer.concat(chunks);
    const fault: Fault = this.plan.shift() ?? { kind: 'ok' };
    const entry: RequestLogEntry = {
      n: this.log.length + 1,
      method: req.method ?? '',
      path: req.url ?? '',
      fault: fault.kind,
      status: 0,
      callCount: 0,
      externalCallIds: []
    };
    this.log.push(entry);

    const send = (status: number, body: unknown, headers: Record<string, string> = {}): void => {
      entry.status = status;
      const text = typeof body === 'string' ? body : JSON.stringify(body);
      res.writeHead(status, { 'content-type': 'application/json;charset=UTF-8', ...headers });
      res.end(text);
    };

    if (fault.kind === 'status') {
      const headers: Record<string, string> =
        fault.retryAfter !== undefined ? { 'retry-after': fault.retryAfter } : {};
      send(
        fault.status,
        fault.body ?? [{ errorCode: 'SERVER_UNAVAILABLE', message: `injected ${fault.status}` }],
        headers
      );
      return;
    }
    if (fault.kind === 'drop' && !fault.afterProcessing) {
      entry.status = 'dropped';
      req.socket.destroy();
      return;
    }

    const { status, body } = this.answer(req, bodyBytes, entry, fault);
    if (fault.kind === 'drop') {
      entry.status = 'dropped';
      req.socket.destroy();
      return;
    }
    if (fault.kind === 'slow') {
      await new Promise<void>((resolve) => {
        const timer = setTimeout(() => {
          this.timers.delete(timer);
          resolve();
        }, fault.delayMs);
        this.timers.add(timer);
      });
      if (res.destroyed || req.socket.destroyed) {
        entry.status = 'dropped';
        return;
      }
    }
    send(status, body);
    this.queued.splice(0).forEach((q) => this.process(q.stored, q.payload));
    this.callbacks?.schedule(0);
  }

  private badRequest(field: string, message: string): { status: number; body: ErrorResponse } {
    return { status: 400, body: { apiVersion: API_VERSION, errors: [{ field, message }] } };
  }

  /** The contract: validation, upsert and per-call results. */
  private answer(
    req: IncomingMessage,
    bodyBytes: Buffer,
    entry: RequestLogEntry,
    fault: Fault
  ): { status: number; body: unknown } {
    const pathOnly = (req.url ?? '').split('?')[0];
    if (pathOnly !== INGEST_PATH) {
      return {
        status: 404,
        body: [{ errorCode: 'NOT_FOUND', message: `Could not find a match for URL ${pathOnly}` }]
      };
    }
    if (req.method !== 'POST') {
      return {
        status: 405,
        body: [{ errorCode: 'METHOD_NOT_ALLOWED', message: `HTTP Method '${req.method}' not allowed` }]
      };
    }
    if (this.options.token !== undefined && req.headers.authorization !== `Bearer ${this.options.token}`) {
      return {
        status: 401,
        body: [{ errorCode: 'INVALID_SESSION_ID', message: 'Session expired or invalid' }]
      };
    }
    if (bodyBytes.length > MAX_REQUEST_BYTES) {
      return this.badRequest(
        'body',
        `larger than ${MAX_REQUEST_BYTES} bytes (received ${bodyBytes.length}); send fewer calls per request`
      );
    }
    // A UTF-8 byte order mark before the JSON is not part of the document.
    const bodyText = bodyBytes.toString('utf8').replace(/^\uFEFF/, '');
    const notStored = new Set(fault.kind === 'notStored' ? fault.externalCallIds : []);
    let parsed: unknown;
    try {
      parsed = JSON.parse(bodyText);
    } catch (error) {
      return this.badRequest('body', `malformed JSON: ${(error as Error).message}`);
    }
    let calls: unknown[];
    const requestWarnings: FieldMessage[] = [];
    if (isObject(parsed) && 'calls' in parsed) {
      if (!Array.isArray(parsed.calls)) return this.badRequest('calls', 'must be an array of calls');
      calls = parsed.calls;
      Object.keys(parsed)
        .filter((key) => key !== 'calls')
        .forEach((key) => requestWarnings.push({ field: key, message: 'unknown key ignored' }));
    } else if (isObject(parsed)) {
      calls = [parsed];
    } else {
      return this.badRequest('body', 'must be an object: {"calls": [...]} or one call');
    }
    if (calls.length === 0) return this.badRequest('calls', 'must contain at least one call');
    if (calls.length > MAX_CALLS_PER_REQUEST) {
      return this.badRequest(
        'calls',
        `must contain at most ${MAX_CALLS_PER_REQUEST} calls (received ${calls.length})`
      );
    }
    entry.callCount = calls.length;

    const checked = calls.map((call, index) => checkCall(this.schemas, call, index));
    // The same id twice in one request: applied in input order to one call log; all but the last warned.
    checked.forEach((c, index) => {
      const id = c.externalCallId;
      if (id !== null && checked.some((later, j) => j > index && later.externalCallId === id)) {
        c.warnings.push({
          field: `calls[${index}].externalCallId`,
          message: 'repeated later in this request; the later occurrence wins'
        });
      }
    });
    const validCount = checked.filter((c) => c.errors.length === 0 && c.externalCallId !== null).length;
    const queued = validCount > (this.options.syncThreshold ?? 50);
    const results: CallResult[] = checked.map((c, index) => {
      const base = { index, warnings: c.warnings, errors: c.errors };
      if (c.externalCallId === null) {
        return {
          ...base,
          externalCallId: null,
          callLogId: null,
          status: 'rejected',
          taskId: null,
          eventId: null
        };
      }
      entry.externalCallIds.push(c.externalCallId);
      if (c.errors.length === 0 && notStored.has(c.externalCallId)) {
        return {
          ...base,
          errors: [
            {
              field: `calls[${index}]`,
              message: 'not stored: UNABLE_TO_LOCK_ROW: unable to obtain exclusive access to this record'
            }
          ],
          externalCallId: c.externalCallId,
          callLogId: null,
          status: 'not_stored',
          taskId: null,
          eventId: null
        };
      }
      const stored = this.upsert(c.externalCallId, calls[index], c.errors.length > 0, queued);
      return {
        ...base,
        externalCallId: c.externalCallId,
        callLogId: stored.callLogId,
        status: stored.status,
        taskId: stored.taskId,
        eventId: stored.eventId
      };
    });
    const body: CallBatchResponse = { apiVersion: API_VERSION, results };
    if (requestWarnings.length > 0) body.warnings = requestWarnings;
    if (!this.schemas.validateBatchResponse(body)) {
      throw new Error(
        `own response breaks the contract: ${JSON.stringify(this.schemas.validateBatchResponse.errors)}`
      );
    }
    return { status: 200, body };
  }

  private upsert(externalCallId: string, payload: unknown, invalid: boolean, queued: boolean): StoredCall {
    let stored = this.store.get(externalCallId);
    if (stored === undefined) {
      this.counter += 1;
      stored = {
        externalCallId,
        callLogId: fakeId('a0X', this.counter),
        status: 'received',
        taskId: null,
        eventId: null,
        receivedCount: 0,
        lastPayload: payload
      };
      this.store.set(externalCallId, stored);
    }
    stored.receivedCount += 1;
    stored.lastPayload = payload;
    if (invalid) {
      stored.status = 'invalid';
      this.callbacks?.settle(stored);
      return stored;
    }
    if (queued) {
      stored.status = 'received';
      // With callbacks on, the org's Queueable processes the call after the answer; so does this server.
      if (this.callbacks !== null) this.queued.push({ stored, payload });
      return stored;
    }
    return this.process(stored, payload);
  }

  /** What processing decides for a stored call (logged: same Task/Event on every re-post). */
  private process(stored: StoredCall, payload: unknown): StoredCall {
    const outcome = (this.options.decide ?? defaultDecide)(payload as Record<string, unknown>);
    stored.status = outcome.status;
    if (outcome.status === 'logged') {
      // Same call again ⇒ same Task/Event (the endpoint re-applies the update, never a second activity).
      const n = Number(stored.callLogId.slice(3, 15));
      stored.taskId = stored.taskId ?? fakeId('00T', n);
      const appointment = (payload as Record<string, unknown>).appointment;
      if (isObject(appointment)) stored.eventId = stored.eventId ?? fakeId('00U', n);
    }
    this.callbacks?.settle(stored);
    return stored;
  }
}

/** Starts a server for one test/benchmark and returns it with its URL. */
export async function startContractServer(options: ContractServerOptions = {}): Promise<ContractServer> {
  const server = new ContractServer(options);
  await server.start();
  return server;
}
