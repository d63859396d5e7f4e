/**
 * PREVIEW BEHAVIOUR — workbench only. Paging, filtering and sorting of fixture rows, so list screens
 * (sync log, call log panel) behave like their server-side queries do against a page of sample data.
 *
 * A fixture holds one page (`rows`) and the `total` a real org would report. When a screen asks for
 * rows beyond that page, the workbench extends the page with older copies of the sample rows (new ids
 * and names, dates shifted back) — clearly sample data, enough to click "Load more" or "Next page".
 */

export type Row = Record<string, unknown>;

export interface PageFixture {
  rows: Row[];
  total?: number;
  hasMore?: boolean;
  [key: string]: unknown;
}

export function isPageFixture(value: unknown): value is PageFixture {
  return typeof value === 'object' && value !== null && Array.isArray((value as PageFixture).rows);
}

const DATE_FIELDS = [
  'startedAt',
  'receivedAt',
  'nextAttemptAt',
  'processedAt',
  'appointmentStart',
  'appointmentEnd'
];
const DAY_MS = 24 * 60 * 60 * 1000;

function time(value: unknown): number | undefined {
  if (typeof value !== 'string') {
    return undefined;
  }
  const parsed = Date.parse(value);
  return Number.isNaN(parsed) ? undefined : parsed;
}

/** An 18-character id that cannot collide with fixture ids: key prefix + "WB" + counter + "AAQ". */
export function syntheticId(templateId: unknown, index: number): string {
  const prefix = typeof templateId === 'string' && templateId.length >= 3 ? templateId.slice(0, 3) : 'a01';
  return `${prefix}WB${String(index).padStart(10, '0')}AAQ`;
}

/**
 * Returns `rows` extended to `total` rows: row i (beyond the fixture) copies row i mod n, with a new
 * id, an auto-number name counting down, and its dates moved back by whole spans of the fixture page.
 */
export function extendRows(rows: readonly Row[], total: number): Row[] {
  const result = rows.map((row) => ({ ...row }));
  const n = rows.length;
  if (n === 0 || total <= n) {
    return result;
  }
  const times = rows
    .map((row) => time(row.startedAt) ?? time(row.receivedAt))
    .filter((t): t is number => t !== undefined);
  const span = times.length > 0 ? Math.max(...times) - Math.min(...times) + DAY_MS : 7 * DAY_MS;
  const lastName = rows
    .map((row) => (typeof row.name === 'string' ? /^(.*?)(\d+)$/.exec(row.name) : null))
    .filter((m) => m !== null)
    .pop();
  for (let i = n; i < total; i += 1) {
    const template = rows[i % n] as Row;
    const cycle = Math.floor(i / n);
    const copy: Row = { ...template, id: syntheticId(template.id, i) };
    for (const field of DATE_FIELDS) {
      const t = time(template[field]);
      if (t !== undefined) {
        copy[field] = new Date(t - cycle * span).toISOString();
      }
    }
    if (lastName) {
      const digits = lastName[2] ?? '';
      const number = Math.max(1, Number(digits) - (i - n + 1));
      copy.name = `${lastName[1] ?? ''}${String(number).padStart(digits.length, '0')}`;
    }
    for (const key of ['taskId', 'eventId']) {
      if (typeof copy[key] === 'string') {
        copy[key] = syntheticId(copy[key], i);
      }
    }
    if (typeof copy.externalCallId === 'string') {
      copy.externalCallId = `${copy.externalCallId}-wb${i}`;
    }
    result.push(copy);
  }
  return result;
}

export interface RowQuery {
  statuses?: string[] | null;
  fromDate?: string | null;
  toDate?: string | null;
  phone?: string | null;
  sortBy?: string | null;
  sortDirection?: string | null;
}

/** A date-only `YYYY-MM-DD` bound as an instant (UTC), `end` = the end of that day. */
function dayBound(day: string | null | undefined, end: boolean): number | undefined {
  if (!day || !/^\d{4}-\d{2}-\d{2}/.test(day)) {
    return undefined;
  }
  const start = Date.parse(`${day.slice(0, 10)}T00:00:00.000Z`);
  return end ? start + DAY_MS - 1 : start;
}

/** Filters like the sync log query: statuses, received-date range (inclusive), phone digits. */
export function filterRows(rows: readonly Row[], query: RowQuery, dateField = 'receivedAt'): Row[] {
  const statuses = (query.statuses ?? []).filter((s) => s);
  const from = dayBound(query.fromDate, false);
  const to = dayBound(query.toDate, true);
  const phoneDigits = (query.phone ?? '').replace(/\D/g, '');
  const phoneText = (query.phone ?? '').trim().toLowerCase();
  return rows.filter((row) => {
    if (statuses.length > 0 && !statuses.includes(String(row.status))) {
      return false;
    }
    const t = time(row[dateField]);
    if ((from !== undefined || to !== undefined) && t === undefined) {
      return false;
    }
    if (from !== undefined && t !== undefined && t < from) {
      return false;
    }
    if (to !== undefined && t !== undefined && t > to) {
      return false;
    }
    if (phoneText) {
      const numbers = [row.fromNumber, row.toNumber].filter((v): v is string => typeof v === 'string');
      const match = phoneDigits
        ? numbers.some((n) => n.replace(/\D/g, '').includes(phoneDigits))
        : numbers.some((n) => n.toLowerCase().includes(phoneText));
      if (!match) {
        return false;
      }
    }
    return true;
  });
}

/** Sorts by a row field (dates, numbers, text; empty values last), stable. */
export function sortRows(
  rows: readonly Row[],
  sortBy: string | null | undefined,
  direction: string | null | undefined
): Row[] {
  if (!sortBy) {
    return [...rows];
  }
  const factor = direction === 'asc' ? 1 : -1;
  const key = (row: Row): number | string | undefined => {
    const value = row[sortBy];
    if (value === null || value === undefined || value === '') {
      return undefined;
    }
    if (typeof value === 'number') {
      return value;
    }
    return time(value) ?? String(value).toLowerCase();
  };
  return rows
    .map((row, index) => ({ row, index, k: key(row) }))
    .sort((a, b) => {
      if (a.k === undefined || b.k === undefined) {
        return a.k === b.k ? a.index - b.index : a.k === undefined ? 1 : -1;
      }
      if (a.k < b.k) {
        return -factor;
      }
      if (a.k > b.k) {
        return factor;
      }
      return a.index - b.index;
    })
    .map((entry) => entry.row);
}

/** One page of `rows`, in the fixture's page shape. */
export function pageOf(
  base: PageFixture,
  rows: readonly Row[],
  offsetRows: number,
  pageSize: number
): PageFixture {
  const offset = Math.max(0, Math.floor(offsetRows));
  const size = Math.max(1, Math.floor(pageSize));
  return {
    ...base,
    rows: rows.slice(offset, offset + size),
    total: rows.length,
    hasMore: offset + size < rows.length,
    pageSize: size,
    offsetRows: offset
  };
}
