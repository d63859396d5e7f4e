/**
 * The contract server's status-callback sender: plays the org's VclCallbackSender offline
 * (docs/api/voice-callbacks-v1.openapi.json). Each settled outcome is kept until delivered, the latest per call in the
 * order the calls were first stored; deliveries go to `${url}/v1/call-outcomes` at most 200 per request, one request
 * in flight, retried after 408/429/5xx/no answer, dropped after any other 4xx or after maxAttempts deliveries.
 */
import {
  CALLBACK_API_VERSION,
  CALLBACK_PATH,
  CallbackOutcome,
  MAX_OUTCOMES_PER_CALLBACK,
  OutcomeBatch,
  loadCallbackValidator
} from '../lib/voice-client/callbacks';

/** Where and how the server sends status callbacks (the org's sender, played offline). */
export interface CallbackOptions {
  /** Base URL of the voice system (the named credential's URL); the path /v1/call-outcomes is appended. */
  url: string;
  /** Sent as `Authorization: Bearer <token>`, as the named credential adds the API key. */
  token?: string;
  /** Wait after a failed delivery before the next one (the org's ladder starts at 1 minute). Default 50 ms. */
  retryDelayMs?: number;
  /** Deliveries of one outcome before it is given up. Default 30 (the org's ladder). */
  maxAttempts?: number;
  /** Timeout of one delivery. Default 5,000 ms. */
  timeoutMs?: number;
}

/** One callback request the server made. */
export interface CallbackLogEntry {
  outcomes: number;
  status: number | 'no answer';
}

/** What the sender needs of a stored call. */
export interface SettledCall {
  externalCallId: string;
  callLogId: string;
  status: string;
  taskId: string | null;
  eventId: string | null;
}

const REPORTED = new Set(['logged', 'unmatched', 'invalid', 'failed']);

export class CallbackSender {
  /** Every callback request made, in order. */
  public readonly log: CallbackLogEntry[] = [];
  private readonly pending = new Map<string, { outcome: CallbackOutcome; deliveries: number }>();
  private readonly outcomeAttempts = new Map<string, number>();
  private readonly validate = loadCallbackValidator();
  private flush: Promise<void> | null = null;
  private timer: NodeJS.Timeout | null = null;
  private stopped = false;

  public constructor(private readonly options: CallbackOptions) {}

  /** Outcomes settled but not delivered yet. */
  public get pendingCount(): number {
    return this.pending.size;
  }

  /** Records a call's settled outcome (the org marks it Pending in the same write) with the next outcome number. */
  public settle(call: SettledCall): void {
    if (!REPORTED.has(call.status)) return;
    const attempt = (this.outcomeAttempts.get(call.externalCallId) ?? 0) + 1;
    this.outcomeAttempts.set(call.externalCallId, attempt);
    const outcome: CallbackOutcome = {
      externalCallId: call.externalCallId,
      attempt,
      status: call.status as CallbackOutcome['status'],
      callLogId: call.callLogId
    };
    if (call.taskId !== null) outcome.taskId = call.taskId;
    if (call.eventId !== null) outcome.eventId = call.eventId;
    if (call.status === 'invalid') outcome.reason = 'Invalid payload';
    else outcome.processedAt = new Date().toISOString();
    // Map.set keeps the call's first position: oldest call first, as the org orders by CreatedDate.
    this.pending.set(call.externalCallId, { outcome, deliveries: 0 });
  }

  /** One sender at a time (the org's duplicate signature): starts a flush unless one is running or waiting. */
  public schedule(delayMs: number): void {
    if (this.stopped || this.flush !== null || this.timer !== null || this.pending.size === 0) return;
    this.timer = setTimeout(() => {
      this.timer = null;
      this.flush = this.send().finally(() => {
        this.flush = null;
      });
    }, delayMs);
  }

  /** Resolves once nothing is pending or in flight; rejects after timeoutMs. */
  public async drain(timeoutMs: number): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (this.pending.size > 0 || this.flush !== null || this.timer !== null) {
      if (Date.now() > deadline) {
        throw new Error(`status callbacks not drained within ${timeoutMs} ms (${this.pending.size} pending)`);
      }
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
  }

  public async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    await this.flush;
  }

  /** Sends the pending outcomes in batches of ≤ 200; stops at the first failure worth retrying. */
  private async send(): Promise<void> {
    let retryLater = false;
    while (this.pending.size > 0 && !this.stopped && !retryLater) {
      const batch = [...this.pending.values()].slice(0, MAX_OUTCOMES_PER_CALLBACK);
      const body: OutcomeBatch = {
        apiVersion: CALLBACK_API_VERSION,
        sentAt: new Date().toISOString(),
        outcomes: batch.map((b) => b.outcome)
      };
      if (!this.validate(body)) {
        throw new Error(`own callback breaks the contract: ${JSON.stringify(this.validate.errors)}`);
      }
      const status = await this.post(body);
      this.log.push({ outcomes: batch.length, status });
      const accepted = typeof status === 'number' && status >= 200 && status < 300;
      const refused =
        typeof status === 'number' && status >= 400 && status < 500 && status !== 408 && status !== 429;
      retryLater = !accepted && !refused;
      for (const item of batch) {
        // A newer outcome settled while this one was on the wire stays pending.
        if (this.pending.get(item.outcome.externalCallId) !== item) continue;
        item.deliveries += 1;
        if (!retryLater || item.deliveries >= (this.options.maxAttempts ?? 30)) {
          this.pending.delete(item.outcome.externalCallId);
        }
      }
    }
    if (retryLater) {
      this.flush = null;
      this.schedule(this.options.retryDelayMs ?? 50);
    }
  }

  private async post(body: OutcomeBatch): Promise<number | 'no answer'> {
    try {
      const response = await fetch(`${this.options.url.replace(/\/$/, '')}${CALLBACK_PATH}`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json; charset=utf-8',
          ...(this.options.token !== undefined ? { authorization: `Bearer ${this.options.token}` } : {})
        },
        body: JSON.stringify(body),
        signal: AbortSignal.timeout(this.options.timeoutMs ?? 5000)
      });
      await response.arrayBuffer();
      return response.status;
    } catch {
      return 'no answer';
    }
  }
}
