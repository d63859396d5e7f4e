import SyncLog, { COLUMNS, PAGE_SIZE } from 'c/vclSyncLog';
import getCallLogs from '@salesforce/apex/VclSyncLogController.getCallLogs';
import getCallLogDetail from '@salesforce/apex/VclSyncLogController.getCallLogDetail';
import retryCalls from '@salesforce/apex/VclSyncLogController.retryCalls';
import resyncFailed from '@salesforce/apex/VclSyncLogController.resyncFailed';
import resendCallbacks from '@salesforce/apex/VclSyncLogController.resendCallbacks';
import { refreshApex } from '@salesforce/apex';
import LightningConfirm from 'lightning/confirm';
import {
  type ApexMocks,
  asMock,
  asWire,
  type El,
  flushPromises,
  mount,
  removeAllChildren,
  shadowQuery as q
} from '../../../test-utils/lwc';
import PAGE from './data/VclSyncLogController.getCallLogs.json';
import DETAIL from './data/VclSyncLogController.getCallLogDetail.json';
import RETRIED from './data/VclSyncLogController.retryCalls.json';
import RESYNCED from './data/VclSyncLogController.resyncFailed.json';
import RESENT from './data/VclSyncLogController.resendCallbacks.json';

jest.mock(
  '@salesforce/apex/VclSyncLogController.getCallLogs',
  () => jest.requireActual<ApexMocks>('../../../test-utils/apexMocks').wireAdapterModule(),
  { virtual: true }
);
jest.mock(
  '@salesforce/apex/VclSyncLogController.getCallLogDetail',
  () => jest.requireActual<ApexMocks>('../../../test-utils/apexMocks').wireAdapterModule(),
  { virtual: true }
);
jest.mock('@salesforce/apex/VclSyncLogController.retryCalls', () => ({ default: jest.fn() }), {
  virtual: true
});
jest.mock('@salesforce/apex/VclSyncLogController.resyncFailed', () => ({ default: jest.fn() }), {
  virtual: true
});
jest.mock('@salesforce/apex/VclSyncLogController.resendCallbacks', () => ({ default: jest.fn() }), {
  virtual: true
});
jest.mock('@salesforce/apex', () => ({ refreshApex: jest.fn(() => Promise.resolve()) }), { virtual: true });
jest.mock('lightning/confirm', () => ({ __esModule: true, default: { open: jest.fn() } }));

const logsWire = asWire(getCallLogs);
const detailWire = asWire(getCallLogDetail);
const confirmOpen = asMock(LightningConfirm.open);
const retryMock = asMock(retryCalls);
const resyncMock = asMock(resyncFailed);
const resendMock = asMock(resendCallbacks);

const render = (): HTMLElement => mount('c-vcl-sync-log', SyncLog);
function lastQuery(): Record<string, unknown> {
  return logsWire.getLastConfig().q as Record<string, unknown>;
}
async function rendered(): Promise<HTMLElement> {
  const element = render();
  logsWire.emit(PAGE);
  await flushPromises();
  return element;
}
function change(target: El, value: string): void {
  target.dispatchEvent(new CustomEvent('change', { detail: { value } }));
}

describe('c-vcl-sync-log', () => {
  afterEach(() => {
    removeAllChildren();
    jest.clearAllMocks();
    jest.useRealTimers();
  });

  it('asks for the newest first page with no filters', async () => {
    render();
    await flushPromises();
    expect(lastQuery()).toEqual({
      statuses: [],
      fromDate: null,
      toDate: null,
      phone: null,
      sortBy: 'receivedAt',
      sortDirection: 'desc',
      pageSize: PAGE_SIZE,
      offsetRows: 0
    });
  });

  it('shows a labelled spinner while loading', () => {
    const element = render();
    expect(q(element, 'lightning-spinner').alternativeText).toBe('Loading call logs');
  });

  it('renders the page in the datatable with status, matched record link and paging text', async () => {
    const element = await rendered();
    const table = q(element, 'lightning-datatable');
    const data = table.data as Array<Record<string, unknown>>;
    expect(data).toHaveLength(PAGE.rows.length);
    const deadLetter = data.find((r) => r.status === 'Dead_Letter')!;
    expect(deadLetter.statusLabel).toBe('Dead Letter');
    expect(deadLetter.statusIcon).toBe('utility:error');
    expect(deadLetter.statusClass).toBe('slds-text-color_error');
    expect(deadLetter.callbackLabel).toBe('Gave up');
    expect(deadLetter.callbackIcon).toBe('utility:error');
    expect(data.find((r) => r.status === 'Invalid')!.callbackLabel).toBe('Rejected (not retried)');
    expect(data.find((r) => r.status === 'Received')!.callbackLabel).toBe('');
    const matched = data.find((r) => r.matchedRecordId)!;
    expect(matched.matchedRecordUrl).toBe(`/lightning/r/${String(matched.matchedRecordId)}/view`);
    expect(data.find((r) => !r.matchedRecordId)!.matchedRecordUrl).toBeNull();
    expect(q(element, '.page-text').textContent).toBe('1–50 of 137');
    expect(q(element, '.previous').disabled).toBe(true);
    expect(q(element, '.next').disabled).toBe(false);
    expect(COLUMNS.map((c) => c.label)).toEqual([
      'Call log',
      'Status',
      'Callback',
      'Call started',
      'Received',
      'From',
      'Matched record',
      'Attempts',
      'Next attempt',
      'Message'
    ]);
  });

  it('shows the empty state', async () => {
    const element = render();
    logsWire.emit({ ...PAGE, rows: [], total: 0, hasMore: false });
    await flushPromises();
    expect(q(element, '.empty').textContent).toContain('No calls match');
    expect(q(element, 'lightning-datatable')).toBeNull();
  });

  it('shows the server message in the error state', async () => {
    const element = render();
    logsWire.error({ message: 'Cannot sort by "x". Sortable columns: name, status.' });
    await flushPromises();
    expect(q(element, '.error').textContent).toContain('Cannot sort by');
    expect(q(element, '.error').getAttribute('role')).toBe('alert');
  });

  it('filters by status, needs-attention, dates and a debounced phone', async () => {
    jest.useFakeTimers();
    const element = render();
    logsWire.emit(PAGE);
    await Promise.resolve();

    change(q(element, '[data-id="status"]'), 'Failed');
    await Promise.resolve();
    expect(lastQuery().statuses).toEqual(['Failed']);

    change(q(element, '[data-id="status"]'), 'attention');
    await Promise.resolve();
    expect(lastQuery().statuses).toEqual(['Failed', 'Dead_Letter', 'Invalid']);

    change(q(element, '[data-id="fromDate"]'), '2026-11-01');
    change(q(element, '[data-id="toDate"]'), '2026-11-21');
    await Promise.resolve();
    expect(lastQuery()).toMatchObject({ fromDate: '2026-11-01', toDate: '2026-11-21', offsetRows: 0 });

    change(q(element, '[data-id="phone"]'), '415');
    change(q(element, '[data-id="phone"]'), '415 555');
    await Promise.resolve();
    expect(lastQuery().phone).toBeNull();
    jest.advanceTimersByTime(300);
    await Promise.resolve();
    expect(lastQuery().phone).toBe('415 555');
  });

  it('does not query an inverted date range', async () => {
    const element = await rendered();
    change(q(element, '[data-id="fromDate"]'), '2026-11-20');
    await flushPromises();
    change(q(element, '[data-id="toDate"]'), '2026-11-01');
    await flushPromises();
    expect(lastQuery().toDate).toBeNull();
  });

  it('clears every filter', async () => {
    const element = await rendered();
    change(q(element, '[data-id="status"]'), 'Logged');
    await flushPromises();
    q(element, '.clear-filters').click();
    await flushPromises();
    expect(lastQuery()).toMatchObject({ statuses: [], fromDate: null, toDate: null, phone: null });
  });

  it('sorts on the server with the whitelisted key of the column', async () => {
    const element = await rendered();
    q(element, 'lightning-datatable').dispatchEvent(
      new CustomEvent('sort', { detail: { fieldName: 'statusLabel', sortDirection: 'asc' } })
    );
    await flushPromises();
    expect(lastQuery()).toMatchObject({ sortBy: 'status', sortDirection: 'asc', offsetRows: 0 });
    expect(q(element, 'lightning-datatable').sortedBy).toBe('statusLabel');
  });

  it('pages forward and back with the offset', async () => {
    const element = await rendered();
    q(element, '.next').click();
    await flushPromises();
    expect(lastQuery().offsetRows).toBe(PAGE_SIZE);
    logsWire.emit({ ...PAGE, offsetRows: PAGE_SIZE });
    await flushPromises();
    q(element, '.previous').click();
    await flushPromises();
    expect(lastQuery().offsetRows).toBe(0);
  });

  it('opens the detail pane with message, attempt trail and pretty-printed payload', async () => {
    const element = await rendered();
    q(element, 'lightning-datatable').dispatchEvent(
      new CustomEvent('rowaction', {
        detail: { action: { name: 'show_detail' }, row: { id: DETAIL.row.id } }
      })
    );
    await flushPromises();
    expect(detailWire.getLastConfig()).toEqual({ callLogId: DETAIL.row.id });
    detailWire.emit(DETAIL);
    await flushPromises();

    expect(q(element, '.detail').title).toBe(`Call log ${DETAIL.row.name}`);
    expect(q(element, '.message').textContent).toBe(DETAIL.row.message);
    expect(element.shadowRoot!.querySelectorAll('.attempts li')).toHaveLength(DETAIL.row.attempts);
    const payload = q(element, '.payload').textContent!;
    expect(payload).toBe(JSON.stringify(JSON.parse(DETAIL.rawPayload), null, 2));
    expect(q(element, '.payload-invalid')).toBeNull();

    q(element, '.close-detail').click();
    await flushPromises();
    expect(q(element, '.detail')).toBeNull();
  });

  it('shows the callback state in the detail pane', async () => {
    const element = await rendered();
    q(element, 'lightning-datatable').dispatchEvent(
      new CustomEvent('rowaction', {
        detail: { action: { name: 'show_detail' }, row: { id: DETAIL.row.id } }
      })
    );
    await flushPromises();
    detailWire.emit(DETAIL);
    await flushPromises();
    const state = q(element, '.callback-state').textContent!;
    expect(state).toContain('Retrying');
    expect(state).toContain(`outcome ${DETAIL.callback.outcomeAttempt}`);
    expect(q(element, '.callback-error').textContent).toBe(DETAIL.callback.lastError);

    detailWire.emit({ ...DETAIL, callback: null });
    await flushPromises();
    expect(q(element, '.callback-state')).toBeNull();
  });

  it('re-sends the callbacks of the selected calls and toasts the outcome', async () => {
    resendMock.mockResolvedValue(RESENT);
    const element = await rendered();
    const toasts: Array<{ title: string; message: string; variant: string }> = [];
    element.addEventListener('lightning__showtoast', (e) => toasts.push((e as CustomEvent).detail));
    expect(q(element, '.resend-callbacks').disabled).toBe(true);
    const picked = PAGE.rows.filter((r) => r.callbackStatus === 'Rejected').slice(0, 2);
    q(element, 'lightning-datatable').dispatchEvent(
      new CustomEvent('rowselection', { detail: { selectedRows: picked } })
    );
    await flushPromises();
    expect(q(element, '.resend-callbacks').label).toBe('Re-send callback (2)');

    q(element, '.resend-callbacks').click();
    await flushPromises();

    expect(resendMock).toHaveBeenCalledWith({ callLogIds: picked.map((r) => r.id) });
    expect(toasts).toEqual([
      {
        title: 'Re-send callback',
        message: 'The outcome of 2 calls will be sent to the voice system again.',
        variant: 'success'
      }
    ]);
    expect(refreshApex).toHaveBeenCalled();
  });

  it('shows the server refusal of a re-send in a sticky toast', async () => {
    resendMock.mockRejectedValue({ body: { message: 'You need the Manage Voice Call Settings permission' } });
    const element = await rendered();
    const toasts: Array<{ title: string; message: string; variant: string; mode?: string }> = [];
    element.addEventListener('lightning__showtoast', (e) => toasts.push((e as CustomEvent).detail));
    q(element, 'lightning-datatable').dispatchEvent(
      new CustomEvent('rowselection', { detail: { selectedRows: [PAGE.rows[0]] } })
    );
    await flushPromises();
    q(element, '.resend-callbacks').click();
    await flushPromises();
    expect(toasts[0]).toEqual(
      expect.objectContaining({ title: 'Re-send callback failed', variant: 'error', mode: 'sticky' })
    );
    expect(toasts[0].message).toContain('Manage Voice Call Settings');
  });

  it('shows a payload that is not JSON as received, with a note', async () => {
    const element = await rendered();
    q(element, 'lightning-datatable').dispatchEvent(
      new CustomEvent('rowaction', {
        detail: { action: { name: 'show_detail' }, row: { id: DETAIL.row.id } }
      })
    );
    await flushPromises();
    detailWire.emit({ ...DETAIL, rawPayload: '{"calls": [ truncated' });
    await flushPromises();
    expect(q(element, '.payload').textContent).toBe('{"calls": [ truncated');
    expect(q(element, '.payload-invalid')).not.toBeNull();
  });

  it('retries the selected calls after confirmation, toasts the outcome and refreshes', async () => {
    confirmOpen.mockResolvedValue(true);
    retryMock.mockResolvedValue(RETRIED);
    const element = await rendered();
    const toasts: Array<{ title: string; message: string; variant: string }> = [];
    element.addEventListener('lightning__showtoast', (e) => toasts.push((e as CustomEvent).detail));

    expect(q(element, '.retry-selected').disabled).toBe(true);
    const picked = PAGE.rows.filter((r) => r.status === 'Failed').slice(0, 3);
    q(element, 'lightning-datatable').dispatchEvent(
      new CustomEvent('rowselection', { detail: { selectedRows: picked } })
    );
    await flushPromises();
    expect(q(element, '.retry-selected').label).toBe('Retry selected (3)');

    q(element, '.retry-selected').click();
    await flushPromises();

    expect(confirmOpen).toHaveBeenCalledWith(expect.objectContaining({ label: 'Retry selected calls' }));
    expect(retryMock).toHaveBeenCalledWith({ callLogIds: picked.map((r) => r.id) });
    expect(toasts).toEqual([
      { title: 'Retry selected calls', message: '3 calls were re-queued for processing.', variant: 'success' }
    ]);
    expect(refreshApex).toHaveBeenCalled();
  });

  it('does nothing when the retry is not confirmed', async () => {
    confirmOpen.mockResolvedValue(false);
    const element = await rendered();
    q(element, 'lightning-datatable').dispatchEvent(
      new CustomEvent('rowselection', { detail: { selectedRows: [PAGE.rows[0]] } })
    );
    await flushPromises();
    q(element, '.retry-selected').click();
    await flushPromises();
    expect(retryMock).not.toHaveBeenCalled();
  });

  it('re-syncs all failed calls after confirmation', async () => {
    confirmOpen.mockResolvedValue(true);
    resyncMock.mockResolvedValue(RESYNCED);
    const element = await rendered();
    const toasts: Array<{ message: string }> = [];
    element.addEventListener('lightning__showtoast', (e) => toasts.push((e as CustomEvent).detail));

    q(element, '.resync-failed').click();
    await flushPromises();

    expect(resyncMock).toHaveBeenCalledWith({});
    expect(toasts[0].message).toBe('9 calls were re-queued for processing.');
    expect(refreshApex).toHaveBeenCalled();
  });

  it('shows a sticky error toast when the retry fails', async () => {
    confirmOpen.mockResolvedValue(true);
    resyncMock.mockRejectedValue({ body: { message: 'Insufficient access to VclSyncLogController' } });
    const element = await rendered();
    const toasts: Array<{ title: string; message: string; variant: string; mode: string }> = [];
    element.addEventListener('lightning__showtoast', (e) => toasts.push((e as CustomEvent).detail));

    q(element, '.resync-failed').click();
    await flushPromises();

    expect(toasts[0]).toEqual({
      title: 'Re-sync all failed calls failed',
      message: 'Insufficient access to VclSyncLogController',
      variant: 'error',
      mode: 'sticky'
    });
  });

  it('labels every filter input and icon', async () => {
    const element = await rendered();
    element.shadowRoot!.querySelectorAll('lightning-input, lightning-combobox').forEach((input) => {
      expect((input as El).label).toBeTruthy();
    });
    element.shadowRoot!.querySelectorAll('lightning-button-icon, lightning-spinner').forEach((icon) => {
      expect((icon as El).alternativeText).toBeTruthy();
    });
  });
});
