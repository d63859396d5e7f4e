/** Pure parts of the ingestion benchmark: synthetic calls and the figures derived from a run. */
import { formatTable } from '../lib/cli/table';
import { MAX_OUTCOMES_PER_CALLBACK } from '../lib/voice-client/callbacks';
import { Call, MAX_CALLS_PER_REQUEST } from '../lib/voice-client/contract';

/** The goal: every request carries the endpoint's maximum of 200 calls → 5 requests per 1,000 calls. */
export const GOAL_REQUESTS_PER_1000 = 1000 / MAX_CALLS_PER_REQUEST;
/** The callback goal: every status callback carries up to 200 outcomes → at most 5 callouts per 1,000 calls. */
export const GOAL_CALLOUTS_PER_1000 = 1000 / MAX_OUTCOMES_PER_CALLBACK;

const SUMMARIES = [
  'Caller asked about pricing.',
  'Booked a consultation for next week.',
  'Left a voicemail; asked for a call back.',
  'Existing customer, billing question.'
];

/**
 * Realistic-size calls (~600 bytes of JSON each): every 4th books an appointment, numbers in mixed formats.
 * `phones`, when given, are cycled as the caller numbers (the org run seeds Leads with them).
 */
export function syntheticCalls(count: number, prefix: string, phones: readonly string[] = []): Call[] {
  const base = Date.parse('2026-11-20T08:00:00Z');
  return Array.from({ length: count }, (_, i) => {
    const started = new Date(base + i * 37_000).toISOString().replace(/\.\d{3}Z$/, 'Z');
    const fallbackPhone =
      i % 3 === 0
        ? `(555) 01${i % 10}-${String(i % 10000).padStart(4, '0')}`
        : `+1 555 01${i % 10} ${String(i % 10000).padStart(4, '0')}`;
    const call: Call = {
      externalCallId: `${prefix}${String(i).padStart(6, '0')}`,
      direction: i % 5 === 0 ? 'outbound' : 'inbound',
      from: phones.length > 0 ? phones[i % phones.length] : fallbackPhone,
      to: '+1 555 010 0999',
      startedAt: started,
      durationSeconds: 30 + (i % 600),
      summary: SUMMARIES[i % SUMMARIES.length],
      disposition: i % 4 === 0 ? 'Appointment booked' : 'Completed',
      recordingUrl: `https://voice.example.com/recordings/${prefix}${i}.mp3`,
      properties: { campaign: 'benchmark', score: i % 100, consent: i % 2 === 0 }
    };
    if (i % 4 === 0) {
      call.appointment = {
        start: new Date(base + 2 * 86_400_000 + i * 60_000).toISOString(),
        durationMinutes: 30,
        status: 'booked'
      };
    }
    return call;
  });
}

export interface RunFigures {
  label: string;
  calls: number;
  requests: number;
  wallMs: number;
  cpuUserMicros: number;
  cpuSystemMicros: number;
  peakRssBytes: number;
  delivered: boolean;
}

export function requestsPer1000(requests: number, calls: number): number {
  return calls === 0 ? 0 : (requests / calls) * 1000;
}

export function formatFigures(runs: readonly RunFigures[]): string {
  const fixed = (n: number, digits = 1): string => n.toFixed(digits);
  return formatTable<RunFigures>(
    [
      { header: 'run', value: (r) => r.label },
      { header: 'calls', value: (r) => r.calls, align: 'right' },
      { header: 'requests', value: (r) => r.requests, align: 'right' },
      { header: 'req/1000 calls', value: (r) => fixed(requestsPer1000(r.requests, r.calls)), align: 'right' },
      { header: 'wall s', value: (r) => fixed(r.wallMs / 1000, 2), align: 'right' },
      { header: 'req/s', value: (r) => fixed(r.requests / (r.wallMs / 1000)), align: 'right' },
      { header: 'calls/s', value: (r) => fixed(r.calls / (r.wallMs / 1000), 0), align: 'right' },
      {
        header: 'CPU ms',
        value: (r) => fixed((r.cpuUserMicros + r.cpuSystemMicros) / 1000, 0),
        align: 'right'
      },
      {
        header: 'CPU ms/1000 calls',
        value: (r) => fixed(((r.cpuUserMicros + r.cpuSystemMicros) / 1000 / r.calls) * 1000),
        align: 'right'
      },
      { header: 'peak RSS MB', value: (r) => fixed(r.peakRssBytes / 1024 / 1024), align: 'right' },
      { header: 'delivered', value: (r) => (r.delivered ? 'yes' : 'NO') }
    ],
    runs
  );
}

/** The status-callback round trip of one run: callouts back to the voice system and outcomes it recorded. */
export interface CallbackFigures {
  label: string;
  calls: number;
  callouts: number;
  outcomesReceived: number;
  drainMs: number;
}

export function formatCallbackFigures(runs: readonly CallbackFigures[]): string {
  return formatTable<CallbackFigures>(
    [
      { header: 'run', value: (r) => r.label },
      { header: 'calls', value: (r) => r.calls, align: 'right' },
      { header: 'callouts', value: (r) => r.callouts, align: 'right' },
      {
        header: 'callouts/1000 calls',
        value: (r) => requestsPer1000(r.callouts, r.calls).toFixed(1),
        align: 'right'
      },
      { header: 'outcomes received', value: (r) => r.outcomesReceived, align: 'right' },
      { header: 'drain s', value: (r) => (r.drainMs / 1000).toFixed(2), align: 'right' }
    ],
    runs
  );
}
