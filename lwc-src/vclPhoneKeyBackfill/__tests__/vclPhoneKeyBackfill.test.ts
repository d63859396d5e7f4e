import PhoneKeyBackfill, { POLL_INTERVAL_MS } from 'c/vclPhoneKeyBackfill';
import startPhoneKeyBackfill from '@salesforce/apex/VclPhoneKeyBackfillController.startPhoneKeyBackfill';
import getBackfillProgress from '@salesforce/apex/VclPhoneKeyBackfillController.getBackfillProgress';
import getPhoneKeyStatus from '@salesforce/apex/VclPhoneKeyBackfillController.getPhoneKeyStatus';
import { asMock, flushPromises, mount, removeAllChildren, shadowQuery as q } from '../../../test-utils/lwc';
import JOB_ID from './data/VclPhoneKeyBackfillController.startPhoneKeyBackfill.json';
import PROGRESS from './data/VclPhoneKeyBackfillController.getBackfillProgress.json';
import KEY_STATUS from './data/VclPhoneKeyBackfillController.getPhoneKeyStatus.json';

jest.mock(
  '@salesforce/apex/VclPhoneKeyBackfillController.startPhoneKeyBackfill',
  () => ({ default: jest.fn() }),
  {
    virtual: true
  }
);
jest.mock(
  '@salesforce/apex/VclPhoneKeyBackfillController.getBackfillProgress',
  () => ({ default: jest.fn() }),
  {
    virtual: true
  }
);

jest.mock(
  '@salesforce/apex/VclPhoneKeyBackfillController.getPhoneKeyStatus',
  () => ({ default: jest.fn() }),
  {
    virtual: true
  }
);

const startMock = asMock(startPhoneKeyBackfill);
const progressMock = asMock(getBackfillProgress);
const keyStatusMock = asMock(getPhoneKeyStatus);

/** With fake timers: let pending promise callbacks run without advancing the clock. */
function settle(): Promise<void> {
  let chain = Promise.resolve();
  for (let i = 0; i < 10; i++) {
    chain = chain.then(() => undefined);
  }
  return chain;
}

const render = (): HTMLElement => mount('c-vcl-phone-key-backfill', PhoneKeyBackfill);

describe('c-vcl-phone-key-backfill', () => {
  beforeEach(() => {
    keyStatusMock.mockResolvedValue(KEY_STATUS);
  });

  afterEach(() => {
    removeAllChildren();
    jest.clearAllMocks();
    jest.useRealTimers();
  });

  it('starts the job, then polls its progress until done and advances the bar', async () => {
    jest.useFakeTimers();
    startMock.mockResolvedValue(JOB_ID);
    progressMock
      .mockResolvedValueOnce(PROGRESS)
      .mockResolvedValueOnce({ ...PROGRESS, batchesProcessed: 36 })
      .mockResolvedValueOnce({ ...PROGRESS, batchesProcessed: 48, status: 'Completed', done: true });
    const element = render();
    await settle();
    const toasts: Array<{ title: string; variant: string }> = [];
    element.addEventListener('lightning__showtoast', (e) => toasts.push((e as CustomEvent).detail));

    q(element, '.start-backfill').click();
    await settle();
    expect(startMock).toHaveBeenCalledTimes(1);
    expect(q(element, '.backfill-progress').value).toBe(0);
    expect(q(element, '.start-backfill').disabled).toBe(true);

    jest.advanceTimersByTime(POLL_INTERVAL_MS);
    await settle();
    expect(progressMock).toHaveBeenLastCalledWith({ jobId: JOB_ID });
    expect(q(element, '.backfill-progress').value).toBe(40);
    expect(q(element, '.backfill-counts').textContent).toContain('19 of 48 batches processed');

    jest.advanceTimersByTime(POLL_INTERVAL_MS);
    await settle();
    expect(q(element, '.backfill-progress').value).toBe(75);

    jest.advanceTimersByTime(POLL_INTERVAL_MS);
    await settle();
    expect(q(element, '.backfill-progress').value).toBe(100);
    expect(q(element, '.backfill-done').textContent).toContain('Backfill finished.');
    expect(toasts[0]).toMatchObject({ title: 'Phone index backfill finished', variant: 'success' });
    expect(q(element, '.start-backfill').disabled).toBe(false);

    jest.advanceTimersByTime(POLL_INTERVAL_MS * 5);
    await settle();
    expect(progressMock).toHaveBeenCalledTimes(3);
  });

  it('warns when batches failed', async () => {
    jest.useFakeTimers();
    startMock.mockResolvedValue(JOB_ID);
    progressMock.mockResolvedValueOnce({
      ...PROGRESS,
      batchesProcessed: 48,
      failedBatches: 2,
      status: 'Completed',
      done: true
    });
    const element = render();
    const toasts: Array<{ title: string; variant: string }> = [];
    element.addEventListener('lightning__showtoast', (e) => toasts.push((e as CustomEvent).detail));
    q(element, '.start-backfill').click();
    await settle();
    jest.advanceTimersByTime(POLL_INTERVAL_MS);
    await settle();
    expect(q(element, '.backfill-counts').textContent).toContain('48 of 48 batches processed, 2 failed');
    expect(q(element, '.backfill-done').textContent).toContain('Backfill finished with errors');
    expect(toasts[0]).toMatchObject({ title: 'Phone index backfill finished', variant: 'warning' });
  });

  it('stops polling when the page is left', async () => {
    jest.useFakeTimers();
    startMock.mockResolvedValue(JOB_ID);
    progressMock.mockResolvedValue(PROGRESS);
    const element = render();
    q(element, '.start-backfill').click();
    await settle();
    jest.advanceTimersByTime(POLL_INTERVAL_MS);
    await settle();
    expect(progressMock).toHaveBeenCalledTimes(1);

    document.body.removeChild(element);
    jest.advanceTimersByTime(POLL_INTERVAL_MS * 10);
    await settle();
    expect(progressMock).toHaveBeenCalledTimes(1);
  });

  it('shows the error when the job cannot start', async () => {
    startMock.mockRejectedValue({
      body: { message: 'A phone-key backfill is already running (7075g00000Qb1Xy).' }
    });
    const element = render();
    q(element, '.start-backfill').click();
    await flushPromises();
    expect(q(element, '.backfill-error').textContent).toContain('already running');
    expect(q(element, '.start-backfill').disabled).toBe(false);
  });

  it('says how many records were keyed with older rules, and with which rules', async () => {
    const element = render();
    await flushPromises();
    expect(keyStatusMock).toHaveBeenCalledTimes(1);
    expect(q(element, '.key-status-count').textContent).toBe(
      '1,514 records keyed with older rules (1204 Leads, 310 Contacts): run the backfill to re-key them.'
    );
    expect(q(element, '.key-status-count').className).toContain('slds-text-color_error');
    expect(q(element, '.key-rules').textContent).toBe('Rules 2.b31d415b8e from libphonenumber 1.13.16');
  });

  it('says when every record is current, and "at least" when the count is capped', async () => {
    keyStatusMock.mockResolvedValueOnce({
      ...KEY_STATUS,
      leadsWithOlderRules: 0,
      contactsWithOlderRules: 0,
      recordsWithOlderRules: 0
    });
    let element = render();
    await flushPromises();
    expect(q(element, '.key-status-count').textContent).toBe(
      'Every Lead and Contact with a phone is keyed with the current rules.'
    );
    removeAllChildren();
    keyStatusMock.mockResolvedValueOnce({ ...KEY_STATUS, recordsWithOlderRules: 20000, countCapped: true });
    element = render();
    await flushPromises();
    expect(q(element, '.key-status-count').textContent).toContain(
      'At least 20,000 records keyed with older rules'
    );
  });

  it('shows why the status could not be read', async () => {
    keyStatusMock.mockRejectedValueOnce({
      body: { message: 'You need the Manage Voice Call Settings permission' }
    });
    const element = render();
    await flushPromises();
    expect(q(element, '.key-status-error').textContent).toContain('Manage Voice Call Settings');
  });
});
