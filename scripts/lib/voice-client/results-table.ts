/** Terminal rendering of a PostOutcome (post-call, e2e diagnostics). Pure. */
import { formatTable } from '../cli/table';
import { Call } from './contract';
import { CallOutcome, PostOutcome } from './client';

function messages(outcome: CallOutcome): string {
  if (!outcome.delivered) return outcome.error;
  const errors = outcome.result.errors.map((e) => `${e.field}: ${e.message}`);
  const warnings = outcome.result.warnings.map((w) => `warning ${w.field}: ${w.message}`);
  return [...errors, ...warnings].join('; ');
}

export function formatOutcomeTable(outcome: PostOutcome): string {
  const table = formatTable<CallOutcome>(
    [
      { header: '#', value: (c) => c.index, align: 'right' },
      { header: 'externalCallId', value: (c) => c.externalCallId ?? '(none)', maxWidth: 40 },
      { header: 'status', value: (c) => (c.delivered ? c.result.status : 'NOT DELIVERED') },
      { header: 'callLogId', value: (c) => (c.delivered ? c.result.callLogId : '') },
      { header: 'taskId', value: (c) => (c.delivered ? c.result.taskId : '') },
      { header: 'eventId', value: (c) => (c.delivered ? c.result.eventId : '') },
      { header: 'errors / warnings', value: messages, maxWidth: 100 }
    ],
    outcome.calls
  );
  const counts = new Map<string, number>();
  outcome.calls.forEach((c) => {
    const key = c.delivered ? c.result.status : 'not delivered';
    counts.set(key, (counts.get(key) ?? 0) + 1);
  });
  const summary = [...counts.entries()].map(([k, n]) => `${n} ${k}`).join(', ');
  const retried = outcome.batches.filter((b) => b.attempts.length > 1).length;
  return (
    `${table}\n\n${outcome.calls.length} calls in ${outcome.batches.length} request(s), ${outcome.requests} HTTP ` +
    `attempt(s)${retried > 0 ? ` (${retried} batch(es) retried)` : ''}: ${summary}`
  );
}

/** Accepts `{ "calls": [...] }`, a JSON array of calls, or one call object (as the endpoint does). */
export function callsFromJson(text: string, source: string): Call[] {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    throw new Error(`${source}: not JSON (${(error as Error).message})`);
  }
  if (Array.isArray(parsed)) return parsed as Call[];
  if (typeof parsed === 'object' && parsed !== null) {
    const calls = (parsed as { calls?: unknown }).calls;
    if (calls === undefined) return [parsed as Call];
    if (Array.isArray(calls)) return calls as Call[];
  }
  throw new Error(`${source}: expected {"calls": [...]}, an array of calls, or one call object`);
}

/** Statuses that mean the org did not log the call as asked. */
export const PROBLEM_STATUSES = new Set(['invalid', 'rejected', 'failed', 'dead_letter', 'not_stored']);
