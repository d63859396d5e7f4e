/** Reading the endpoint's answers: a 200 body checked against the contract, and the errors of a 4xx/5xx body. */
import {
  API_VERSION,
  CallBatchResponse,
  CALL_RESULT_STATUSES,
  ErrorResponse,
  FieldMessage
} from './contract';

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isFieldMessages(value: unknown): value is FieldMessage[] {
  return (
    Array.isArray(value) &&
    value.every((m) => isObject(m) && typeof m.field === 'string' && typeof m.message === 'string')
  );
}

function isStringOrNull(value: unknown): value is string | null {
  return value === null || typeof value === 'string';
}

/** Structural check of a 200 body (the full schema check lives in the tests and the contract server). */
export function parseBatchResponse(bodyText: string, expectedCount: number): CallBatchResponse {
  let body: unknown;
  try {
    body = JSON.parse(bodyText);
  } catch {
    throw new Error(`response is not JSON: ${bodyText.slice(0, 120)}`);
  }
  if (!isObject(body) || body.apiVersion !== API_VERSION || !Array.isArray(body.results)) {
    throw new Error(`response is not {"apiVersion":"v1","results":[…]}: ${bodyText.slice(0, 120)}`);
  }
  const results: unknown[] = body.results;
  if (results.length !== expectedCount) {
    throw new Error(`response has ${results.length} results for ${expectedCount} calls`);
  }
  results.forEach((r, i) => {
    const ok =
      isObject(r) &&
      r.index === i &&
      isStringOrNull(r.externalCallId) &&
      isStringOrNull(r.callLogId) &&
      isStringOrNull(r.taskId) &&
      isStringOrNull(r.eventId) &&
      typeof r.status === 'string' &&
      (CALL_RESULT_STATUSES as readonly string[]).includes(r.status) &&
      isFieldMessages(r.errors) &&
      isFieldMessages(r.warnings);
    if (!ok) throw new Error(`results[${i}] does not match the contract: ${JSON.stringify(r).slice(0, 160)}`);
  });
  return body as unknown as CallBatchResponse;
}

/** The errors of a non-200 body, or none when it is not the contract's error shape. */
export function parseErrorBody(bodyText: string): FieldMessage[] {
  try {
    const body: unknown = JSON.parse(bodyText);
    if (isObject(body) && isFieldMessages(body.errors)) return (body as unknown as ErrorResponse).errors;
  } catch {
    // not JSON: the message below quotes the raw text instead
  }
  return [];
}

/** One line for an error: the field messages, else the start of the raw body. */
export function summarizeErrors(errors: FieldMessage[], bodyText: string): string {
  if (errors.length > 0) return errors.map((e) => `${e.field}: ${e.message}`).join('; ');
  const text = bodyText.trim().slice(0, 200);
  return text === '' ? '(empty body)' : text;
}
