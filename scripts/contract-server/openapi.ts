/**
 * Loads docs/api/voice-calls-v1.openapi.json (written by the ingestion engineer) and compiles Ajv validators
 * for the parts of the contract the contract server and the client tests need. Works with OpenAPI 3.0
 * (draft-04-ish schemas, `nullable`) and 3.1 (JSON Schema 2020-12).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import Ajv, { ErrorObject, ValidateFunction } from 'ajv';
import Ajv2020 from 'ajv/dist/2020';
import { INGEST_PATH } from '../lib/voice-client/contract';

export const DEFAULT_OPENAPI_PATH = path.resolve(__dirname, '../../docs/api/voice-calls-v1.openapi.json');

const DOC_ID = 'urn:voice-calls-v1:openapi';

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type JsonObject = { [key: string]: Json };

export interface ContractSchemas {
  openapiVersion: string;
  /** One Call object (the items of `calls`). */
  validateCall: ValidateFunction;
  /** The whole request body as the document describes it. */
  validateRequest: ValidateFunction;
  /** HTTP 200 body. */
  validateBatchResponse: ValidateFunction;
  /** HTTP 400 body. */
  validateErrorResponse: ValidateFunction;
  /** Property names the Call schema declares (unknown keys are ignored with a warning). */
  callProperties: ReadonlySet<string>;
  /** Property names of Call.appointment. */
  appointmentProperties: ReadonlySet<string>;
}

function isObject(value: Json | undefined): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function pointerSegment(segment: string): string {
  return segment.replace(/~/g, '~0').replace(/\//g, '~1');
}

function at(doc: JsonObject, pointer: string[]): Json | undefined {
  let node: Json | undefined = doc;
  for (const segment of pointer) {
    if (Array.isArray(node)) node = /^\d+$/.test(segment) ? node[Number(segment)] : undefined;
    else if (isObject(node)) node = node[segment];
    else return undefined;
  }
  return node;
}

/** Follows local $refs ("#/components/schemas/X") to their pointer; returns [node, pointer]. */
function deref(doc: JsonObject, pointer: string[], depth = 0): [JsonObject, string[]] {
  const node = at(doc, pointer);
  if (!isObject(node)) throw new Error(`OpenAPI document: nothing at #/${pointer.join('/')}`);
  const ref = node.$ref;
  if (typeof ref === 'string' && depth < 20) {
    if (!ref.startsWith('#/'))
      throw new Error(`OpenAPI document: only local $refs are supported, got ${ref}`);
    const target = ref
      .slice(2)
      .split('/')
      .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
    return deref(doc, target, depth + 1);
  }
  return [node, pointer];
}

function findOperation(doc: JsonObject): string[] {
  const paths = doc.paths;
  if (!isObject(paths)) throw new Error('OpenAPI document has no "paths"');
  const candidates = Object.keys(paths).filter(
    (p) => p === INGEST_PATH || INGEST_PATH.endsWith(p) || p.endsWith('/voice/v1/calls')
  );
  for (const p of candidates) {
    if (isObject(at(doc, ['paths', p, 'post']))) return ['paths', p, 'post'];
  }
  throw new Error(
    `OpenAPI document has no POST operation for ${INGEST_PATH} (paths: ${Object.keys(paths).join(', ')})`
  );
}

function jsonSchemaPointer(doc: JsonObject, base: string[]): string[] {
  const [, contentPointer] = deref(doc, base);
  const content = at(doc, [...contentPointer, 'content']);
  if (!isObject(content)) throw new Error(`OpenAPI document: no content at #/${contentPointer.join('/')}`);
  const mediaType = Object.keys(content).find((m) => m.startsWith('application/json'));
  if (mediaType === undefined)
    throw new Error(`OpenAPI document: no application/json at #/${contentPointer.join('/')}`);
  return [...contentPointer, 'content', mediaType, 'schema'];
}

/** Finds the Call schema: the items of a `calls` array property somewhere in the request schema's variants. */
function findCallSchema(doc: JsonObject, requestPointer: string[]): string[] {
  const queue: string[][] = [requestPointer];
  for (let guard = 0; queue.length > 0 && guard < 50; guard += 1) {
    const [node, pointer] = deref(doc, queue.shift() as string[]);
    const calls = at(node, ['properties', 'calls']);
    if (isObject(calls)) {
      const [callsNode, callsPointer] = deref(doc, [...pointer, 'properties', 'calls']);
      if (isObject(callsNode.items)) return [...callsPointer, 'items'];
    }
    for (const combinator of ['oneOf', 'anyOf', 'allOf']) {
      const variants = node[combinator];
      if (Array.isArray(variants))
        variants.forEach((_, i) => queue.push([...pointer, combinator, String(i)]));
    }
  }
  const fallback = ['components', 'schemas', 'Call'];
  if (isObject(at(doc, fallback))) return fallback;
  throw new Error('OpenAPI document: cannot find the Call schema (items of "calls")');
}

/** RFC 3339 date-time: a time zone offset (Z or ±hh:mm) is required — naive times are invalid. */
export function isDateTimeWithOffset(value: string): boolean {
  return (
    /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/i.test(value) &&
    !Number.isNaN(Date.parse(value))
  );
}

function isAbsoluteUri(value: string): boolean {
  try {
    return new URL(value).protocol.length > 1;
  } catch {
    return false;
  }
}

function propertyNames(doc: JsonObject, pointer: string[]): Set<string> {
  const [node, nodePointer] = deref(doc, pointer);
  const names = new Set<string>();
  const props = node.properties;
  if (isObject(props)) Object.keys(props).forEach((k) => names.add(k));
  for (const combinator of ['allOf', 'oneOf', 'anyOf']) {
    const variants = node[combinator];
    if (Array.isArray(variants)) {
      variants.forEach((_, i) =>
        propertyNames(doc, [...nodePointer, combinator, String(i)]).forEach((k) => names.add(k))
      );
    }
  }
  return names;
}

export function loadContractSchemas(openApiPath: string = DEFAULT_OPENAPI_PATH): ContractSchemas {
  let text: string;
  try {
    text = readFileSync(openApiPath, 'utf8');
  } catch (error) {
    throw new Error(`cannot read the OpenAPI contract ${openApiPath}: ${(error as Error).message}`);
  }
  const parsed = JSON.parse(text) as Json;
  if (!isObject(parsed) || typeof parsed.openapi !== 'string') {
    throw new Error(`${openApiPath} is not an OpenAPI 3 document (no "openapi" version)`);
  }
  const doc: JsonObject = { ...parsed, $id: DOC_ID };
  const is31 = parsed.openapi.startsWith('3.1');
  // strict: false — OpenAPI adds keywords (example, discriminator, xml…) that are not JSON Schema.
  const options = { strict: false, allErrors: true, logger: false as const };
  const ajv = is31 ? new Ajv2020(options) : new Ajv(options);
  ajv.addFormat('date-time', { type: 'string', validate: isDateTimeWithOffset });
  ajv.addFormat('uri', { type: 'string', validate: isAbsoluteUri });
  ajv.addSchema(doc);

  const operation = findOperation(doc);
  const requestPointer = jsonSchemaPointer(doc, [...operation, 'requestBody']);
  const okPointer = jsonSchemaPointer(doc, [...operation, 'responses', '200']);
  const badPointer = jsonSchemaPointer(doc, [...operation, 'responses', '400']);
  const callPointer = findCallSchema(doc, requestPointer);
  const [callNode, callNodePointer] = deref(doc, callPointer);
  const appointment = at(callNode, ['properties', 'appointment']);

  const compile = (pointer: string[]): ValidateFunction =>
    ajv.compile({ $ref: `${DOC_ID}#/${pointer.map(pointerSegment).join('/')}` });

  return {
    openapiVersion: parsed.openapi,
    validateCall: compile(callPointer),
    validateRequest: compile(requestPointer),
    validateBatchResponse: compile(okPointer),
    validateErrorResponse: compile(badPointer),
    callProperties: propertyNames(doc, callPointer),
    appointmentProperties: isObject(appointment)
      ? propertyNames(doc, [...callNodePointer, 'properties', 'appointment'])
      : new Set<string>()
  };
}

/** "calls[3].appointment.start" style names for Ajv errors of one call. */
export function fieldOfError(prefix: string, error: ErrorObject): string {
  const segments = error.instancePath
    .split('/')
    .filter((s) => s !== '')
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
  const params = error.params as Record<string, unknown>;
  if (error.keyword === 'required' && typeof params.missingProperty === 'string') {
    segments.push(params.missingProperty);
  }
  if (error.keyword === 'additionalProperties' && typeof params.additionalProperty === 'string') {
    segments.push(params.additionalProperty);
  }
  return segments.reduce((acc, s) => (/^\d+$/.test(s) ? `${acc}[${s}]` : `${acc}.${s}`), prefix);
}

/** Human-readable validation errors, one line each. */
export function describeAjvErrors(prefix: string, errors: ErrorObject[] | null | undefined): string[] {
  return (errors ?? []).map((e) => `${fieldOfError(prefix, e)}: ${e.message ?? e.keyword}`);
}
