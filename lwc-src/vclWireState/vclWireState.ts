import { refreshApex } from '@salesforce/apex';
import type { ApexWireResult } from '@salesforce/apex-types';

/**
 * What a screen keeps of one @wire'd Apex read, shared by the setup cards and the sync health card: the last
 * data, the last error and the wire result that refreshApex needs. Immutable: every change is a new object, so
 * assigning it to a component field is all LWC needs to re-render (a mutated object would not be seen).
 */
export interface WireState<T> {
  /** The last data delivered (or returned by an action); kept while a later refresh fails. */
  readonly data?: T;
  /** The last error; cleared by the next data. */
  readonly error?: unknown;
  /** The wire's own result object: refreshApex needs exactly this one. */
  readonly result?: ApexWireResult<T>;
}

/** Nothing delivered yet. */
export const NOT_LOADED: WireState<never> = Object.freeze({});

/**
 * The state after the wire delivers `result`: data replaces the value and clears the error; an error keeps the
 * last data, so a failed refresh keeps showing what was known; the empty first delivery (neither) only keeps
 * the result for refreshApex.
 */
export function fromWire<T>(previous: WireState<T>, result: ApexWireResult<T>): WireState<T> {
  if (result.data) {
    return { data: result.data, error: undefined, result };
  }
  if (result.error) {
    return { data: previous.data, error: result.error, result };
  }
  return { ...previous, result };
}

/** The state after an action returned fresh data (a save, a test): shown at once, the error cleared. */
export function withData<T>(previous: WireState<T>, data: T): WireState<T> {
  return { ...previous, data, error: undefined };
}

/** The state after an action failed in a way that concerns the loaded value itself (the data is kept). */
export function withError<T>(previous: WireState<T>, error: unknown): WireState<T> {
  return { ...previous, error };
}

/** True until the first data or error arrives. */
export function isLoading(state: WireState<unknown>): boolean {
  return !state.data && !state.error;
}

/** Asks the wire to read again (refreshApex), once it has delivered; resolves when the new value is in. */
export async function refreshWire(state: WireState<unknown>): Promise<void> {
  if (state.result) {
    await refreshApex(state.result);
  }
}
