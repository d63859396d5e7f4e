/**
 * Reference voice-system client: what a well-behaved voice system does when it posts calls to the org.
 * Used by `npm run post-call`, the e2e run and the ingestion benchmark.
 *
 * - splits the input into batches of ≤ 200 calls and ≤ 1,000,000 bytes of JSON (one request each);
 * - retries a batch on 429/502/503/504, network errors and timeouts per the ladder in retry.ts, honouring
 *   Retry-After; never retries 400 or another 4xx;
 * - re-posts the calls a delivered batch reports `not_stored` (nothing of them was stored: a concurrent first
 *   post or a locked row), with the same backoff, within the same maxAttempts; `failed` calls are stored and
 *   retried by Salesforce, so they are never re-posted;
 * - idempotent by externalCallId: every attempt of a batch re-sends the same body (same ids), and the
 *   server upserts, so a retry after a lost response cannot create a second Call_Log__c;
 * - returns one outcome per input call, in input order across batches (server results remapped).
 * Every loop is bounded: batches by the input length, attempts by policy.maxAttempts.
 */
import {
  Call,
  CallResult,
  FieldMessage,
  INGEST_PATH,
  MAX_CALLS_PER_REQUEST,
  MAX_REQUEST_BYTES
} from './contract';
import {
  backoffDelayMs,
  DEFAULT_RETRY_POLICY,
  isRetryableStatus,
  parseRetryAfterMs,
  RetryPolicy
} from './retry';
import { Transport, TransportError } from './transport';
import { RequestSlice, splitIntoRequests } from './batches';
import { droppedTranscriptWarning, withSendableTranscripts } from './transcripts';
import { parseBatchResponse, parseErrorBody, summarizeErrors } from './response';

export interface Clock {
  now(): number;
  sleep(ms: number): Promise<void>;
}

export const systemClock: Clock = {
  now: () => Date.now(),
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms))
};

export interface VoiceClientOptions {
  transport: Transport;
  retry?: Partial<RetryPolicy>;
  /** Per-attempt timeout. Apex REST requests that process 50 calls synchronously take seconds, not minutes. */
  timeoutMs?: number;
  /** ≤ 200 (the endpoint's limit). */
  batchSize?: number;
  /** Largest request body in bytes; default and maximum MAX_REQUEST_BYTES (the endpoint's limit). */
  maxRequestBytes?: number;
  /** Batches in flight at once; default 1 (a voice system normally posts in sequence). */
  concurrency?: number;
  clock?: Clock;
  random?: () => number;
  path?: string;
  /** Called for every attempt and every wait (progress, logs, tests). */
  onEvent?: (event: ClientEvent) => void;
}

export type ClientEvent =
  | { type: 'attempt'; batch: number; attempt: number; calls: number }
  | { type: 'response'; batch: number; attempt: number; status: number; elapsedMs: number }
  | {
      type: 'transport-error';
      batch: number;
      attempt: number;
      kind: string;
      message: string;
      elapsedMs: number;
    }
  | {
      type: 'retry-wait';
      batch: number;
      attempt: number;
      waitMs: number;
      reason: string;
      fromRetryAfter: boolean;
    }
  | { type: 'batch-done'; batch: number; delivered: boolean; attempts: number };

export interface AttemptRecord {
  attempt: number;
  /** HTTP status, or undefined when no response arrived. */
  status?: number;
  error?: string;
  elapsedMs: number;
  /** Wait before the next attempt, when there was one. */
  waitMs?: number;
}

export interface BatchReport {
  batch: number;
  /** Input positions [firstIndex, firstIndex + size). */
  firstIndex: number;
  size: number;
  delivered: boolean;
  attempts: AttemptRecord[];
  /** Set when not delivered: what went wrong and where. */
  error?: VoiceClientError;
}

export type CallOutcome =
  | { index: number; batch: number; externalCallId: string | null; delivered: true; result: CallResult }
  | { index: number; batch: number; externalCallId: string | null; delivered: false; error: string };

export interface PostOutcome {
  /** One per input call, in input order. */
  calls: CallOutcome[];
  batches: BatchReport[];
  /** HTTP requests actually sent (attempts across batches). */
  requests: number;
  /** True when every batch was delivered (per-call statuses may still be invalid/failed/rejected). */
  allDelivered: boolean;
}

export type VoiceClientErrorCode = 'rejected-request' | 'gave-up' | 'retry-after-too-long' | 'bad-response';

export class VoiceClientError extends Error {
  public readonly code: VoiceClientErrorCode;
  public readonly status?: number;
  public readonly serverErrors: FieldMessage[];
  public constructor(
    code: VoiceClientErrorCode,
    message: string,
    status?: number,
    serverErrors: FieldMessage[] = []
  ) {
    super(message);
    this.name = 'VoiceClientError';
    this.code = code;
    this.status = status;
    this.serverErrors = serverErrors;
  }
}
export class VoiceClient {
  private readonly transport: Transport;
  private readonly policy: RetryPolicy;
  private readonly timeoutMs: number;
  private readonly batchSize: number;
  private readonly maxRequestBytes: number;
  private readonly concurrency: number;
  private readonly clock: Clock;
  private readonly random: () => number;
  private readonly path: string;
  private readonly onEvent: (event: ClientEvent) => void;

  public constructor(options: VoiceClientOptions) {
    this.transport = options.transport;
    this.policy = { ...DEFAULT_RETRY_POLICY, ...options.retry };
    if (!Number.isInteger(this.policy.maxAttempts) || this.policy.maxAttempts < 1) {
      throw new RangeError(`retry.maxAttempts must be an integer ≥ 1, got ${this.policy.maxAttempts}`);
    }
    this.timeoutMs = options.timeoutMs ?? 60_000;
    this.batchSize = options.batchSize ?? MAX_CALLS_PER_REQUEST;
    this.maxRequestBytes = options.maxRequestBytes ?? MAX_REQUEST_BYTES;
    splitIntoRequests([], this.batchSize, this.maxRequestBytes); // validates the limits early
    this.concurrency = Math.max(1, Math.floor(options.concurrency ?? 1));
    this.clock = options.clock ?? systemClock;
    this.random = options.random ?? Math.random;
    this.path = options.path ?? INGEST_PATH;
    this.onEvent = options.onEvent ?? (() => undefined);
  }

  /** Posts every call; never throws for HTTP/network failures (see PostOutcome.batches[].error). */
  public async postCalls(input: readonly Call[]): Promise<PostOutcome> {
    // A call its transcript would make too large for any request goes without it, never not at all.
    const { calls, droppedTranscripts } = withSendableTranscripts(input, this.maxRequestBytes);
    const batches = splitIntoRequests(calls, this.batchSize, this.maxRequestBytes);
    const reports: BatchReport[] = new Array<BatchReport>(batches.length);
    const outcomes: CallOutcome[] = new Array<CallOutcome>(calls.length);
    let next = 0;
    const worker = async (): Promise<void> => {
      // Bounded: each worker takes batch indexes until none are left.
      while (next < batches.length) {
        const b = next;
        next += 1;
        const slice = batches[b] as RequestSlice<Call>;
        const firstIndex = slice.firstIndex;
        const batchCalls = slice.items;
        const { report, results } = await this.deliverBatch(b, batches.length, firstIndex, batchCalls);
        reports[b] = report;
        batchCalls.forEach((call, i) => {
          const index = firstIndex + i;
          const externalCallId = typeof call.externalCallId === 'string' ? call.externalCallId : null;
          const result = results?.[i];
          const dropped = droppedTranscripts.get(index);
          if (result !== undefined) {
            const warnings =
              dropped === undefined
                ? result.warnings
                : [...result.warnings, droppedTranscriptWarning(i, dropped)];
            outcomes[index] = {
              index,
              batch: b,
              externalCallId,
              delivered: true,
              result: { ...result, index, warnings }
            };
          } else {
            outcomes[index] = {
              index,
              batch: b,
              externalCallId,
              delivered: false,
              error: report.error?.message ?? 'not delivered'
            };
          }
        });
      }
    };
    const workers = Array.from({ length: Math.min(this.concurrency, Math.max(1, batches.length)) }, () =>
      worker()
    );
    await Promise.all(workers);
    return {
      calls: outcomes,
      batches: reports,
      requests: reports.reduce((sum, r) => sum + r.attempts.length, 0),
      allDelivered: reports.every((r) => r.delivered)
    };
  }

  /**
   * Sends a batch, then re-posts the calls it reports `not_stored` (only those, in a smaller request) after a
   * backoff wait, until none is left or maxAttempts rounds were made. Results keep the batch's positions.
   */
  private async deliverBatch(
    batch: number,
    batchCount: number,
    firstIndex: number,
    calls: Call[]
  ): Promise<{ report: BatchReport; results?: CallResult[] }> {
    const first = await this.sendBatch(batch, batchCount, firstIndex, calls);
    if (first.results === undefined) return first;
    const report = first.report;
    const results: CallResult[] = first.results.slice();
    let pending = notStoredPositions(results);
    // Bounded: at most maxAttempts rounds in all, each re-sending fewer or as many calls.
    for (let round = 2; round <= this.policy.maxAttempts && pending.length > 0; round += 1) {
      const waitMs = backoffDelayMs(round - 1, this.random, this.policy);
      this.onEvent({
        type: 'retry-wait',
        batch,
        attempt: report.attempts.length,
        waitMs,
        reason: `${pending.length} call(s) not_stored`,
        fromRetryAfter: false
      });
      await this.clock.sleep(waitMs);
      const again = await this.sendBatch(
        batch,
        batchCount,
        firstIndex,
        pending.map((i) => calls[i] as Call)
      );
      report.attempts.push(...again.report.attempts);
      if (again.results === undefined) {
        // The earlier results stand (those calls stay not_stored); the error says why the re-post failed.
        report.error = again.report.error;
        break;
      }
      again.results.forEach((result, j) => {
        const position = pending[j] as number;
        results[position] = { ...result, index: position };
      });
      pending = notStoredPositions(results);
    }
    return { report, results };
  }

  private where(batch: number, batchCount: number, firstIndex: number, size: number): string {
    return (
      `POST ${this.transport.describe()}${this.path} batch ${batch + 1}/${batchCount} ` +
      `(calls ${firstIndex}–${firstIndex + size - 1})`
    );
  }

  private async sendBatch(
    batch: number,
    batchCount: number,
    firstIndex: number,
    calls: Call[]
  ): Promise<{ report: BatchReport; results?: CallResult[] }> {
    // Serialized once: every attempt re-sends byte-identical content (same externalCallIds).
    const body = JSON.stringify({ calls });
    const attempts: AttemptRecord[] = [];
    const where = this.where(batch, batchCount, firstIndex, calls.length);
    const done = (delivered: boolean, error?: VoiceClientError, results?: CallResult[]) => {
      this.onEvent({ type: 'batch-done', batch, delivered, attempts: attempts.length });
      return { report: { batch, firstIndex, size: calls.length, delivered, attempts, error }, results };
    };

    for (let attempt = 1; attempt <= this.policy.maxAttempts; attempt += 1) {
      this.onEvent({ type: 'attempt', batch, attempt, calls: calls.length });
      const started = this.clock.now();
      let reason: string;
      let retryAfterMs: number | undefined;
      try {
        const response = await this.transport.post({ path: this.path, body, timeoutMs: this.timeoutMs });
        const elapsedMs = this.clock.now() - started;
        const record: AttemptRecord = { attempt, status: response.status, elapsedMs };
        attempts.push(record);
        this.onEvent({ type: 'response', batch, attempt, status: response.status, elapsedMs });
        if (response.status >= 200 && response.status < 300) {
          try {
            const parsed = parseBatchResponse(response.bodyText, calls.length);
            return done(true, undefined, parsed.results);
          } catch (error) {
            const message = error instanceof Error ? error.message : String(error);
            return done(false, new VoiceClientError('bad-response', `${where}: ${message}`, response.status));
          }
        }
        if (!isRetryableStatus(response.status)) {
          const serverErrors = parseErrorBody(response.bodyText);
          return done(
            false,
            new VoiceClientError(
              'rejected-request',
              `${where}: HTTP ${response.status}, not retried: ${summarizeErrors(serverErrors, response.bodyText)}`,
              response.status,
              serverErrors
            )
          );
        }
        reason = `HTTP ${response.status}`;
        retryAfterMs = parseRetryAfterMs(response.header('retry-after'), this.clock.now());
      } catch (error) {
        if (!(error instanceof TransportError)) throw error;
        const elapsedMs = this.clock.now() - started;
        attempts.push({ attempt, error: `${error.kind}: ${error.message}`, elapsedMs });
        this.onEvent({
          type: 'transport-error',
          batch,
          attempt,
          kind: error.kind,
          message: error.message,
          elapsedMs
        });
        reason = `${error.kind} (${error.message})`;
      }

      const last = attempts[attempts.length - 1] as AttemptRecord; // pushed above in both branches
      if (attempt === this.policy.maxAttempts) {
        return done(
          false,
          new VoiceClientError(
            'gave-up',
            `${where}: gave up after ${attempt} attempts; last: ${reason}`,
            last.status
          )
        );
      }
      if (retryAfterMs !== undefined && retryAfterMs > this.policy.maxRetryAfterMs) {
        return done(
          false,
          new VoiceClientError(
            'retry-after-too-long',
            `${where}: ${reason} asked to retry after ${Math.ceil(retryAfterMs / 1000)} s, more than the ` +
              `${this.policy.maxRetryAfterMs / 1000} s this client waits; stopped after ${attempt} attempts`,
            last.status
          )
        );
      }
      const waitMs = retryAfterMs ?? backoffDelayMs(attempt, this.random, this.policy);
      last.waitMs = waitMs;
      this.onEvent({
        type: 'retry-wait',
        batch,
        attempt,
        waitMs,
        reason,
        fromRetryAfter: retryAfterMs !== undefined
      });
      await this.clock.sleep(waitMs);
    }
    /* istanbul ignore next -- the loop always returns on its last attempt */
    throw new Error('unreachable: retry loop ended without a result');
  }
}

function notStoredPositions(results: readonly CallResult[]): number[] {
  const positions: number[] = [];
  results.forEach((result, i) => {
    if (result.status === 'not_stored') positions.push(i);
  });
  return positions;
}

/** Throws the first batch error of an outcome (for callers that want all-or-error). */
export function assertAllDelivered(outcome: PostOutcome): void {
  const failed = outcome.batches.find((b) => !b.delivered);
  if (failed?.error !== undefined) throw failed.error;
}
