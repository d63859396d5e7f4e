/**
 * Assertion helpers for the e2e cases: collect every failed expectation of a case (not just the first), with
 * a label that says which record and field, so one run shows everything that is wrong. Pure.
 */

export class Checks {
  public readonly failures: string[] = [];

  public equal(label: string, expected: unknown, actual: unknown): void {
    if (!sameValue(expected, actual)) {
      this.failures.push(`${label}: expected ${show(expected)}, got ${show(actual)}`);
    }
  }

  public truthy(label: string, actual: unknown): void {
    if (actual === null || actual === undefined || actual === false || actual === '' || actual === 0) {
      this.failures.push(`${label}: expected a value, got ${show(actual)}`);
    }
  }

  public empty(label: string, actual: unknown): void {
    if (!(actual === null || actual === undefined || actual === '')) {
      this.failures.push(`${label}: expected none, got ${show(actual)}`);
    }
  }

  public contains(label: string, needle: string, haystack: unknown): void {
    if (typeof haystack !== 'string' || !haystack.includes(needle)) {
      this.failures.push(`${label}: expected to contain ${show(needle)}, got ${show(haystack)}`);
    }
  }

  /** Two instants (ISO strings from the API or the payload) are the same moment, offsets aside. */
  public sameInstant(label: string, expected: string | Date, actual: unknown): void {
    const e = toEpochMs(expected);
    const a = typeof actual === 'string' || actual instanceof Date ? toEpochMs(actual) : Number.NaN;
    if (Number.isNaN(e) || Number.isNaN(a) || e !== a) {
      this.failures.push(`${label}: expected ${show(expected)}, got ${show(actual)}`);
    }
  }

  public fail(message: string): void {
    this.failures.push(message);
  }

  public get ok(): boolean {
    return this.failures.length === 0;
  }
}

/** Salesforce returns 2026-11-24T09:00:00.000+0000; Date.parse wants +00:00. */
export function toEpochMs(value: string | Date): number {
  if (value instanceof Date) return value.getTime();
  return Date.parse(value.replace(/([+-]\d{2})(\d{2})$/, '$1:$2'));
}

export function addMinutes(iso: string, minutes: number): string {
  return new Date(toEpochMs(iso) + minutes * 60_000).toISOString();
}

/** 15- and 18-character ids of the same record compare equal. */
export function sameId(a: unknown, b: unknown): boolean {
  return (
    typeof a === 'string' &&
    typeof b === 'string' &&
    a.length >= 15 &&
    b.length >= 15 &&
    a.slice(0, 15) === b.slice(0, 15)
  );
}

function sameValue(expected: unknown, actual: unknown): boolean {
  if (
    typeof expected === 'string' &&
    /^[a-zA-Z0-9]{15}([a-zA-Z0-9]{3})?$/.test(expected) &&
    /\d/.test(expected)
  ) {
    if (sameId(expected, actual)) return true;
  }
  if ((expected === null || expected === undefined) && (actual === null || actual === undefined)) return true;
  return JSON.stringify(expected) === JSON.stringify(actual);
}

function show(value: unknown): string {
  if (value === undefined) return 'undefined';
  const text = JSON.stringify(value);
  return text.length > 120 ? `${text.slice(0, 119)}…` : text;
}
