/**
 * Transcripts the reference client cannot send as they are. The endpoint refuses a request over MAX_REQUEST_BYTES
 * unread (HTTP 400): a call whose transcript alone makes it larger than a request may be (500,000 characters of
 * 3-byte UTF-8 text are 1.5 MB) would never be stored. The client sends such a call without its transcript, so the
 * call itself is stored, and warns on it the way the endpoint warns about a transcript over its maximum. Pure.
 */
import { Call, FieldMessage, MAX_REQUEST_BYTES } from './contract';

/** Bytes of `{"calls":[…]}` around one call. */
const ENVELOPE_BYTES = Buffer.byteLength('{"calls":[]}');

export interface SendableCalls {
  /** The calls to send, in input order (the same objects, or copies without `transcript`). */
  calls: Call[];
  /** The warning for each input position whose transcript was left out. */
  droppedTranscripts: Map<number, string>;
}

export function withSendableTranscripts(
  calls: readonly Call[],
  maxBytes: number = MAX_REQUEST_BYTES
): SendableCalls {
  const droppedTranscripts = new Map<number, string>();
  const sendable = calls.map((call, index) => {
    if (typeof call.transcript !== 'string') return call;
    const bytes = ENVELOPE_BYTES + Buffer.byteLength(JSON.stringify(call));
    if (bytes <= maxBytes) return call;
    const { transcript: _left, ...rest } = call;
    droppedTranscripts.set(
      index,
      `not sent: the call with its transcript is ${bytes} bytes, more than a request may be (${maxBytes}); the call was sent without it`
    );
    return rest;
  });
  return { calls: sendable, droppedTranscripts };
}

/** The warning a result carries for a transcript the client left out (`calls[i]` as in the request it went in). */
export function droppedTranscriptWarning(positionInRequest: number, message: string): FieldMessage {
  return { field: `calls[${positionInRequest}].transcript`, message };
}
