import { refreshApex } from '@salesforce/apex';
import { fromWire, isLoading, NOT_LOADED, refreshWire, withData, withError } from 'c/vclWireState';
import type { WireState } from 'c/vclWireState';

jest.mock('@salesforce/apex', () => ({ refreshApex: jest.fn(() => Promise.resolve()) }), { virtual: true });

interface Status {
  ready: boolean;
}

describe('c-vcl-wire-state', () => {
  it('is loading until the first data or error', () => {
    const provisioned = fromWire<Status>(NOT_LOADED, {});
    expect(isLoading(NOT_LOADED)).toBe(true);
    expect(isLoading(provisioned)).toBe(true);
    expect(isLoading(fromWire<Status>(provisioned, { data: { ready: true } }))).toBe(false);
    expect(isLoading(fromWire<Status>(provisioned, { error: new Error('no access') }))).toBe(false);
  });

  it('keeps the result for refreshApex from the first, empty delivery on', async () => {
    const result = {};
    const state = fromWire<Status>(NOT_LOADED, result);
    await refreshWire(state);
    expect(refreshApex).toHaveBeenCalledTimes(1);
    expect((refreshApex as jest.Mock).mock.calls[0][0]).toBe(result);
  });

  it('does not refresh before the wire delivered', async () => {
    await refreshWire(NOT_LOADED);
    expect(refreshApex).not.toHaveBeenCalled();
  });

  it('replaces the data and clears the error when data arrives', () => {
    const failed = fromWire<Status>(NOT_LOADED, { error: new Error('down') });
    const result = { data: { ready: true } };
    const loaded = fromWire<Status>(failed, result);
    expect(loaded).toEqual({ data: { ready: true }, error: undefined, result });
  });

  it('keeps the last data when a later delivery fails', () => {
    const loaded = fromWire<Status>(NOT_LOADED, { data: { ready: true } });
    const error = new Error('session expired');
    const failed = fromWire<Status>(loaded, { error });
    expect(failed.data).toEqual({ ready: true });
    expect(failed.error).toBe(error);
  });

  it('returns a new object for every change, never the one it was given', () => {
    const loaded: WireState<Status> = fromWire<Status>(NOT_LOADED, { data: { ready: false } });
    const saved = withData(loaded, { ready: true });
    const failed = withError(saved, new Error('timeout'));
    expect(saved).not.toBe(loaded);
    expect(loaded.data).toEqual({ ready: false });
    expect(saved).toEqual({ data: { ready: true }, error: undefined, result: loaded.result });
    expect(failed.data).toEqual({ ready: true });
    expect(failed.error).toEqual(new Error('timeout'));
    expect(Object.isFrozen(NOT_LOADED)).toBe(true);
  });
});
