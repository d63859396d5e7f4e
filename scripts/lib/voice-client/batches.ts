/**
 * How the reference client cuts the input into requests: at most 200 calls and 1,000,000 bytes of JSON each
 * (the endpoint's limits, contract.ts), consecutive, in input order.
 */
import { MAX_CALLS_PER_REQUEST, MAX_REQUEST_BYTES } from './contract';

/** Splits into consecutive chunks of at most `size`. */
export function splitIntoBatches<T>(items: readonly T[], size: number = MAX_CALLS_PER_REQUEST): T[][] {
  if (!Number.isInteger(size) || size < 1 || size > MAX_CALLS_PER_REQUEST) {
    throw new RangeError(`batch size must be an integer in 1..${MAX_CALLS_PER_REQUEST}, got ${size}`);
  }
  const batches: T[][] = [];
  for (let start = 0; start < items.length; start += size) batches.push(items.slice(start, start + size));
  return batches;
}

/** One request's share of the input: consecutive calls starting at input position `firstIndex`. */
export interface RequestSlice<T> {
  firstIndex: number;
  items: T[];
}

/** Bytes of `{"calls":[…]}` around the calls, and between two of them. */
const ENVELOPE_BYTES = Buffer.byteLength('{"calls":[]}');
const SEPARATOR_BYTES = 1;

/**
 * Splits into consecutive requests of at most `size` calls whose `{"calls":[…]}` body stays within `maxBytes`
 * (UTF-8). A call too large on its own is sent alone (the endpoint answers 400 for it, naming the size).
 */
export function splitIntoRequests<T>(
  items: readonly T[],
  size: number = MAX_CALLS_PER_REQUEST,
  maxBytes: number = MAX_REQUEST_BYTES
): RequestSlice<T>[] {
  splitIntoBatches([], size); // validates the size
  if (!Number.isInteger(maxBytes) || maxBytes < 1 || maxBytes > MAX_REQUEST_BYTES) {
    throw new RangeError(`maxRequestBytes must be an integer in 1..${MAX_REQUEST_BYTES}, got ${maxBytes}`);
  }
  const slices: RequestSlice<T>[] = [];
  let current: RequestSlice<T> | undefined;
  let bytes = ENVELOPE_BYTES;
  items.forEach((item, index) => {
    const itemBytes = Buffer.byteLength(JSON.stringify(item));
    const added = (current?.items.length ? SEPARATOR_BYTES : 0) + itemBytes;
    if (current === undefined || current.items.length >= size || bytes + added > maxBytes) {
      current = { firstIndex: index, items: [] };
      slices.push(current);
      bytes = ENVELOPE_BYTES;
    }
    bytes += (current.items.length > 0 ? SEPARATOR_BYTES : 0) + itemBytes;
    current.items.push(item);
  });
  return slices;
}

/** Requests needed for n calls when nothing is retried. */
export function requestsForCalls(callCount: number, batchSize: number = MAX_CALLS_PER_REQUEST): number {
  return Math.ceil(callCount / batchSize);
}
