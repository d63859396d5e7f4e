/**
 * The hand-written TS types and samples of contract.ts against the OpenAPI document the endpoint publishes
 * (docs/api/voice-calls-v1.openapi.json, owned by the ingestion engineer). If this fails, one of the two
 * drifted: fix the side that is wrong, never the test.
 */
import { DEFAULT_OPENAPI_PATH, describeAjvErrors, loadContractSchemas } from '../../contract-server/openapi';
import * as fs from 'node:fs';
import {
  Call,
  MAX_TRANSCRIPT_CHARS,
  SAMPLE_CALL,
  SAMPLE_ERROR_RESPONSE,
  SAMPLE_MINIMAL_CALL,
  SAMPLE_REQUEST,
  SAMPLE_RESPONSE
} from './contract';

const schemas = loadContractSchemas(process.env.VOICE_OPENAPI_PATH ?? DEFAULT_OPENAPI_PATH);

function errorsOf(validate: typeof schemas.validateCall, value: unknown): string[] {
  return validate(value) ? [] : describeAjvErrors('$', validate.errors);
}

describe('contract.ts samples against the OpenAPI schemas', () => {
  it('a transcript is plain text, and the maximum agrees with the OpenAPI document', () => {
    expect(
      errorsOf(schemas.validateCall, { ...SAMPLE_CALL, transcript: 'Agent: Hello.\nCaller: Hi.' })
    ).toEqual([]);
    expect(errorsOf(schemas.validateCall, { ...SAMPLE_CALL, transcript: 42 })).not.toEqual([]);
    const document = JSON.parse(
      fs.readFileSync(process.env.VOICE_OPENAPI_PATH ?? DEFAULT_OPENAPI_PATH, 'utf8')
    ) as { components: { schemas: { Call: { properties: Record<string, Record<string, unknown>> } } } };
    expect(document.components.schemas.Call.properties.transcript?.['x-maxTranscriptCharacters']).toBe(
      MAX_TRANSCRIPT_CHARS
    );
  });

  it('a full call and a minimal call are valid Call objects', () => {
    expect(errorsOf(schemas.validateCall, SAMPLE_CALL)).toEqual([]);
    expect(errorsOf(schemas.validateCall, SAMPLE_MINIMAL_CALL)).toEqual([]);
  });

  it('the batch request and a single call are valid request bodies', () => {
    expect(errorsOf(schemas.validateRequest, SAMPLE_REQUEST)).toEqual([]);
    expect(errorsOf(schemas.validateRequest, SAMPLE_CALL)).toEqual([]);
  });

  it('the 200 and 400 samples are valid responses', () => {
    expect(errorsOf(schemas.validateBatchResponse, SAMPLE_RESPONSE)).toEqual([]);
    expect(errorsOf(schemas.validateErrorResponse, SAMPLE_ERROR_RESPONSE)).toEqual([]);
  });

  it('declares every property the TS Call type has', () => {
    const tsKeys = Object.keys(SAMPLE_CALL).sort();
    expect(tsKeys.filter((k) => !schemas.callProperties.has(k))).toEqual([]);
    const appointmentKeys = Object.keys(SAMPLE_CALL.appointment ?? {});
    expect(appointmentKeys.filter((k) => !schemas.appointmentProperties.has(k))).toEqual([]);
  });

  // The validators are not vacuous: the documented rules reject these.
  it.each<[string, Partial<Record<keyof Call, unknown>>]>([
    ['a naive startedAt (no offset)', { startedAt: '2026-11-20T14:03:00' }],
    ['an unknown direction', { direction: 'sideways' }],
    ['a negative duration', { durationSeconds: -1 }],
    ['a fractional duration', { durationSeconds: 1.5 }],
    ['an appointment without status', { appointment: { start: '2026-11-24T10:00:00Z' } }],
    [
      'an appointment of 1441 minutes',
      { appointment: { start: '2026-11-24T10:00:00Z', status: 'booked', durationMinutes: 1441 } }
    ],
    ['a nested property value', { properties: { nested: { a: 1 } } }]
  ])('rejects %s', (_label, change) => {
    expect(schemas.validateCall({ ...SAMPLE_CALL, ...change })).toBe(false);
  });

  it('rejects a call without externalCallId', () => {
    const { externalCallId: _omitted, ...rest } = SAMPLE_CALL;
    expect(schemas.validateCall(rest)).toBe(false);
  });
});
