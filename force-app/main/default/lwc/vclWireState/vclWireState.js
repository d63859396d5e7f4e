import { refreshApex } from '@salesforce/apex';
/** Nothing delivered yet. */
export const NOT_LOADED = Object.freeze({});
/**
 * The state after the wire delivers `result`: data replaces the value and clears the error; an error keeps the
 * last data, so a failed refresh keeps showing what was known; the empty first delivery (neither) only keeps
 * the result for refreshApex.
 */
export function fromWire(previous, result) {
    if (result.data) {
        return { data: result.data, error: undefined, result };
    }
    if (result.error) {
        return { data: previous.data, error: result.error, result };
    }
    return { ...previous, result };
}
/** The state after an action returned fresh data (a save, a test): shown at once, the error cleared. */
export function withData(previous, data) {
    return { ...previous, data, error: undefined };
}
/** The state after an action failed in a way that concerns the loaded value itself (the data is kept). */
export function withError(previous, error) {
    return { ...previous, error };
}
/** True until the first data or error arrives. */
export function isLoading(state) {
    return !state.data && !state.error;
}
/** Asks the wire to read again (refreshApex), once it has delivered; resolves when the new value is in. */
export async function refreshWire(state) {
    if (state.result) {
        await refreshApex(state.result);
    }
}
