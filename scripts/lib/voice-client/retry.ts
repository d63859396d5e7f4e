/**
 * Retry policy of the reference voice-system client.
 *
 * The ladder (defaults): up to 5 attempts per request. Before attempt n+1 the client waits a random time in
 * [0, min(8 s, 0.5 s × 2^(n−1))] ("full jitter", AWS Architecture Blog, "Exponential Backoff And Jitter"):
 *
 *   attempt 1 → fails → wait 0–0.5 s → attempt 2 → wait 0–1 s → attempt 3 → wait 0–2 s → attempt 4
 *   → wait 0–4 s → attempt 5 → give up (worst case ≈ 7.5 s of waiting, plus the per-attempt timeouts).
 *   The 8 s cap only matters when maxAttempts is raised.
 *
 * Full jitter spreads the retries of many clients hit by the same 503 across the whole window instead of
 * sending them back together. When the response carries `Retry-After` (seconds or an HTTP-date), that wait
 * is used instead of the jittered one (never less than the server asked for); a wait longer than
 * maxRetryAfterMs stops retrying with an error rather than blocking for an unbounded time.
 *
 * Retried: HTTP 429, 502, 503, 504, network errors (connection refused/reset/dropped) and timeouts.
 * Never retried: 400 and every other 4xx (the same body would fail the same way), 500 (the endpoint
 * promises never to answer 500; one means a bug that a retry will not fix), 2xx with a malformed body.
 */

export interface RetryPolicy {
  /** Total attempts per request, including the first. */
  maxAttempts: number;
  /** First backoff window. */
  baseDelayMs: number;
  /** Largest backoff window. */
  maxDelayMs: number;
  /** Longest Retry-After the client is willing to wait; longer stops with an error. */
  maxRetryAfterMs: number;
}

export const DEFAULT_RETRY_POLICY: Readonly<RetryPolicy> = Object.freeze({
  maxAttempts: 5,
  baseDelayMs: 500,
  maxDelayMs: 8_000,
  maxRetryAfterMs: 60_000
});

export const RETRYABLE_STATUSES: ReadonlySet<number> = new Set([429, 502, 503, 504]);

export function isRetryableStatus(status: number): boolean {
  return RETRYABLE_STATUSES.has(status);
}

/** Upper bound of the jitter window before attempt `failedAttempt + 1` (failedAttempt counts from 1). */
export function backoffWindowMs(failedAttempt: number, policy: RetryPolicy = DEFAULT_RETRY_POLICY): number {
  const exponent = Math.max(0, failedAttempt - 1);
  return Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** exponent);
}

/** Full jitter: uniform in [0, window]. `random` returns [0, 1) like Math.random. */
export function backoffDelayMs(
  failedAttempt: number,
  random: () => number,
  policy: RetryPolicy = DEFAULT_RETRY_POLICY
): number {
  const r = Math.min(Math.max(random(), 0), 1);
  return Math.floor(r * backoffWindowMs(failedAttempt, policy));
}

/**
 * Parses a Retry-After header value (RFC 9110 §10.2.3): delay-seconds or an HTTP-date.
 * Returns the wait in ms (≥ 0), or undefined when the header is absent or unreadable.
 */
export function parseRetryAfterMs(value: string | null | undefined, nowMs: number): number | undefined {
  if (value === null || value === undefined) return undefined;
  const text = value.trim();
  if (text === '') return undefined;
  if (/^\d+$/.test(text)) return Number(text) * 1000;
  // Only IMF-fixdate and the obsolete forms Date.parse understands; a plain number with a sign or a
  // fraction is not valid delay-seconds and Date.parse would read it as a year, so reject it here.
  if (!/[a-z]/i.test(text)) return undefined;
  const at = Date.parse(text);
  if (Number.isNaN(at)) return undefined;
  return Math.max(0, at - nowMs);
}
