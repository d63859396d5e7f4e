/** The contract server's per-call check: what the endpoint validates in each call of a request. */
import { MAX_TRANSCRIPT_CHARS, type FieldMessage } from '../lib/voice-client/contract';
import { ContractSchemas, fieldOfError } from './openapi';

export function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The documented rule no JSON schema can state: an appointment lasts at most 1440 minutes (24 hours). */
function appointmentTooLong(appointment: unknown): boolean {
  if (
    !isObject(appointment) ||
    typeof appointment.start !== 'string' ||
    typeof appointment.end !== 'string'
  ) {
    return false;
  }
  const minutes = (Date.parse(appointment.end) - Date.parse(appointment.start)) / 60_000;
  return Number.isFinite(minutes) && minutes > 1440;
}

/**
 * One call of a request against the contract: unknown keys are warned and ignored, the rest is validated
 * against the OpenAPI call schema (with Ajv) plus the appointment length rule no schema states. A call without a
 * usable externalCallId comes back with `externalCallId: null` (rejected, nothing stored).
 */
export function checkCall(
  schemas: ContractSchemas,
  call: unknown,
  index: number
): { externalCallId: string | null; errors: FieldMessage[]; warnings: FieldMessage[] } {
  const prefix = `calls[${index}]`;
  if (!isObject(call)) {
    return {
      externalCallId: null,
      errors: [{ field: prefix, message: 'must be an object' }],
      warnings: []
    };
  }
  const warnings: FieldMessage[] = [];
  // Unknown keys are ignored with a warning, so validate a copy without them.
  const known: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(call)) {
    if (schemas.callProperties.has(key)) known[key] = value;
    else warnings.push({ field: `${prefix}.${key}`, message: 'unknown key ignored' });
  }
  if (isObject(known.appointment) && schemas.appointmentProperties.size > 0) {
    const appointment: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(known.appointment)) {
      if (schemas.appointmentProperties.has(key)) appointment[key] = value;
      else warnings.push({ field: `${prefix}.appointment.${key}`, message: 'unknown key ignored' });
    }
    known.appointment = appointment;
  }
  if (typeof known.transcript === 'string' && known.transcript.length > MAX_TRANSCRIPT_CHARS) {
    // The documented rule no JSON schema can state: too long is a warning (no File), never an error.
    warnings.push({
      field: `${prefix}.transcript`,
      message: `longer than ${MAX_TRANSCRIPT_CHARS} characters (received ${known.transcript.length}); not stored as a File, the call is stored and its transcriptUrl kept`
    });
    delete known.transcript;
  }
  const id = known.externalCallId;
  if (typeof id !== 'string' || id.trim() === '' || id.length > 255) {
    const message =
      id === undefined || id === null
        ? 'is required'
        : 'must be a non-empty string of at most 255 characters';
    return { externalCallId: null, errors: [{ field: `${prefix}.externalCallId`, message }], warnings };
  }
  const errors: FieldMessage[] = [];
  if (!schemas.validateCall(known)) {
    for (const e of schemas.validateCall.errors ?? []) {
      // oneOf/anyOf umbrella errors repeat what the branch errors already say.
      if (e.keyword === 'oneOf' || e.keyword === 'anyOf' || e.keyword === 'if') continue;
      const field = fieldOfError(prefix, e);
      const message = e.message ?? e.keyword;
      if (!errors.some((x) => x.field === field && x.message === message)) errors.push({ field, message });
    }
  }
  const tooLong = appointmentTooLong(known.appointment);
  if (tooLong && errors.length === 0) {
    errors.push({
      field: `${prefix}.appointment.end`,
      message: 'must be at most 1440 minutes (24 hours) after appointment.start'
    });
  }
  return { externalCallId: id, errors, warnings };
}
