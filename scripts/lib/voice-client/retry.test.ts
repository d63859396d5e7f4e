import {
  backoffDelayMs,
  backoffWindowMs,
  DEFAULT_RETRY_POLICY,
  isRetryableStatus,
  parseRetryAfterMs
} from './retry';

describe('retry ladder', () => {
  it('doubles the window from 0.5 s and caps it at 8 s', () => {
    expect([1, 2, 3, 4, 5, 6, 7].map((n) => backoffWindowMs(n))).toEqual([
      500, 1000, 2000, 4000, 8000, 8000, 8000
    ]);
  });

  it('uses full jitter: anywhere in [0, window]', () => {
    expect(backoffDelayMs(3, () => 0)).toBe(0);
    expect(backoffDelayMs(3, () => 0.5)).toBe(1000);
    expect(backoffDelayMs(3, () => 0.999999)).toBe(1999);
    expect(backoffDelayMs(3, () => 7)).toBe(2000); // a broken random source cannot exceed the window
  });

  it('defaults to 5 attempts', () => {
    expect(DEFAULT_RETRY_POLICY.maxAttempts).toBe(5);
  });

  it('retries 429 and 502/503/504 only', () => {
    expect([429, 502, 503, 504].every(isRetryableStatus)).toBe(true);
    expect([400, 401, 403, 404, 405, 409, 413, 422, 500, 501].some(isRetryableStatus)).toBe(false);
  });
});

describe('parseRetryAfterMs', () => {
  const now = Date.parse('2026-11-20T14:00:00Z');

  it('reads delay-seconds', () => {
    expect(parseRetryAfterMs('3', now)).toBe(3000);
    expect(parseRetryAfterMs(' 0 ', now)).toBe(0);
  });

  it('reads an HTTP-date relative to now, never negative', () => {
    expect(parseRetryAfterMs('Fri, 20 Nov 2026 14:00:05 GMT', now)).toBe(5000);
    expect(parseRetryAfterMs('Fri, 20 Nov 2026 13:59:00 GMT', now)).toBe(0);
  });

  it('ignores absent or unreadable values', () => {
    expect(parseRetryAfterMs(null, now)).toBeUndefined();
    expect(parseRetryAfterMs(undefined, now)).toBeUndefined();
    expect(parseRetryAfterMs('', now)).toBeUndefined();
    expect(parseRetryAfterMs('-1', now)).toBeUndefined();
    expect(parseRetryAfterMs('1.5', now)).toBeUndefined();
    expect(parseRetryAfterMs('soon', now)).toBeUndefined();
  });
});
