/**
 * REST contract v1 of the call-ingestion endpoint, written by hand from docs/api.md ("Receiving calls: the REST endpoint")
 * and checked against docs/api/voice-calls-v1.openapi.json by contract.test.ts (the samples below must validate).
 */

/** Path of the Apex REST resource, relative to the org's instance URL. */
export const INGEST_PATH = '/services/apexrest/voice/v1/calls';

/** The endpoint accepts 1..200 calls per request (one Apex transaction, sObject collections of 200). */
export const MAX_CALLS_PER_REQUEST = 200;

/**
 * Largest request body the endpoint accepts, in UTF-8 bytes (docs/api; VclCallIngestionService.MAX_REQUEST_BYTES).
 * A larger body is answered 400 before it is read: the client splits by size as well as by count.
 */
export const MAX_REQUEST_BYTES = 1_000_000;

/**
 * Longest `transcript` stored as a File, in characters (docs/api.md "Transcripts";
 * VclCallTranscriptFileWriter.MAX_TRANSCRIPT_CHARS). A longer one is not an error: the call is stored without the
 * File, its transcriptUrl kept, and its result carries a warning on `calls[i].transcript`.
 */
export const MAX_TRANSCRIPT_CHARS = 500_000;

export const API_VERSION = 'v1';

export type CallDirection = 'inbound' | 'outbound';
export type AppointmentStatus = 'booked' | 'rescheduled' | 'cancelled';

export interface Appointment {
  /** ISO-8601 with offset, e.g. 2026-11-20T14:03:00Z or 2026-11-20T15:03:00+01:00. */
  start: string;
  end?: string;
  /** 1..1440 */
  durationMinutes?: number;
  subject?: string;
  notes?: string;
  status: AppointmentStatus;
}

export type PropertyValue = string | number | boolean | null;

/**
 * One finished call. For optional keys `null` means "not sent": a re-post never blanks a stored value
 * (docs/api: Call.description).
 */
export interface Call {
  /** ≤ 255 characters; the idempotency key (the server upserts by it). */
  externalCallId: string;
  direction: CallDirection;
  from?: string | null;
  to?: string | null;
  /** ISO-8601 with offset; naive times are rejected. */
  startedAt: string;
  /** integer ≥ 0 */
  durationSeconds?: number | null;
  summary?: string | null;
  disposition?: string | null;
  /** http(s) */
  recordingUrl?: string | null;
  transcriptUrl?: string | null;
  /**
   * Plain-text transcript, stored as a Salesforce File on the call log and shared to the matched Lead/Contact;
   * at most MAX_TRANSCRIPT_CHARS (a longer one gets a warning, not a File). A re-post adds a new version.
   */
  transcript?: string | null;
  appointment?: Appointment | null;
  properties?: Record<string, PropertyValue> | null;
}

export interface CallBatchRequest {
  calls: Call[];
}

export type CallResultStatus =
  | 'received'
  | 'logged'
  | 'unmatched'
  | 'invalid'
  | 'failed'
  | 'dead_letter'
  /** no usable externalCallId: not stored, callLogId null */
  | 'rejected'
  /** valid, but its call log could not be saved this time (e.g. DUPLICATE_VALUE, UNABLE_TO_LOCK_ROW): post it again */
  | 'not_stored';

export const CALL_RESULT_STATUSES: readonly CallResultStatus[] = [
  'received',
  'logged',
  'unmatched',
  'invalid',
  'failed',
  'dead_letter',
  'rejected',
  'not_stored'
];

export interface FieldMessage {
  /** e.g. "calls[3].startedAt" */
  field: string;
  message: string;
}

export interface CallResult {
  /** Position of the call in the request it was sent in (the client remaps it to the input position). */
  index: number;
  externalCallId: string | null;
  callLogId: string | null;
  status: CallResultStatus;
  taskId: string | null;
  eventId: string | null;
  errors: FieldMessage[];
  warnings: FieldMessage[];
}

/** HTTP 200 body. */
export interface CallBatchResponse {
  apiVersion: 'v1';
  results: CallResult[];
  /** Request-level warnings (unknown keys next to `calls`); present only when there are some. */
  warnings?: FieldMessage[];
}

/**
 * HTTP 400 body: body over MAX_REQUEST_BYTES, malformed JSON, missing/empty `calls`, > 200 calls, wrong
 * top-level type. Also the body of the endpoint's last-resort 500 (field "body"), which adds `correlationId`.
 */
export interface ErrorResponse {
  apiVersion: 'v1';
  errors: FieldMessage[];
  /** Only on a 500: the id under which the org logged the detail. */
  correlationId?: string;
}

// ---------------------------------------------------------------------------------------------------------------
// Samples: used in docs, in tests (they must validate against the OpenAPI schemas) and as post-call examples.

export const SAMPLE_CALL: Call = {
  externalCallId: 'vs-2026-11-20-000123',
  direction: 'inbound',
  from: '+1 (555) 123-4567',
  to: '+1 (555) 987-6543',
  startedAt: '2026-11-20T14:03:00Z',
  durationSeconds: 312,
  summary: 'Caller asked about pricing and booked a consultation.',
  disposition: 'Appointment booked',
  recordingUrl: 'https://voice.example.com/recordings/000123.mp3',
  transcriptUrl: 'https://voice.example.com/transcripts/000123',
  appointment: {
    start: '2026-11-24T10:00:00+01:00',
    durationMinutes: 45,
    subject: 'Pricing consultation',
    notes: 'Bring the current contract.',
    status: 'booked'
  },
  properties: { campaign: 'winter-2026', score: 0.87, consent: true, agent: null }
};

export const SAMPLE_MINIMAL_CALL: Call = {
  externalCallId: 'vs-2026-11-20-000124',
  direction: 'outbound',
  to: '020 7946 0958',
  startedAt: '2026-11-20T15:10:30+01:00'
};

export const SAMPLE_REQUEST: CallBatchRequest = { calls: [SAMPLE_CALL, SAMPLE_MINIMAL_CALL] };

export const SAMPLE_RESPONSE: CallBatchResponse = {
  apiVersion: 'v1',
  results: [
    {
      index: 0,
      externalCallId: 'vs-2026-11-20-000123',
      callLogId: 'a0X5g000001AbCdEAK',
      status: 'logged',
      taskId: '00T5g000004XyZaEAK',
      eventId: '00U5g000002QrStEAK',
      errors: [],
      warnings: [{ field: 'calls[0].foo', message: 'unknown key ignored' }]
    },
    {
      index: 1,
      externalCallId: null,
      callLogId: null,
      status: 'rejected',
      taskId: null,
      eventId: null,
      errors: [{ field: 'calls[1].externalCallId', message: 'is required' }],
      warnings: []
    }
  ]
};

export const SAMPLE_ERROR_RESPONSE: ErrorResponse = {
  apiVersion: 'v1',
  errors: [{ field: 'calls', message: 'must contain at most 200 calls (received 201)' }]
};
