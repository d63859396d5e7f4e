import VoiceRetryJob from 'c/vclRetryJob';
import getRetryJobStatus from '@salesforce/apex/VclRetryJobController.getRetryJobStatus';
import runRetryJobNow from '@salesforce/apex/VclRetryJobController.runRetryJobNow';
import { refreshApex } from '@salesforce/apex';
import {
  type ApexMocks,
  asMock,
  asWire,
  flushPromises,
  mount,
  removeAllChildren,
  shadowQuery as q
} from '../../../test-utils/lwc';
import NOT_SCHEDULED from './data/VclRetryJobController.getRetryJobStatus.json';
import STARTED from './data/VclRetryJobController.runRetryJobNow.json';

jest.mock(
  '@salesforce/apex/VclRetryJobController.getRetryJobStatus',
  () => jest.requireActual<ApexMocks>('../../../test-utils/apexMocks').wireAdapterModule(),
  { virtual: true }
);
jest.mock('@salesforce/apex/VclRetryJobController.runRetryJobNow', () => ({ default: jest.fn() }), {
  virtual: true
});
jest.mock('@salesforce/apex', () => ({ refreshApex: jest.fn(() => Promise.resolve()) }), { virtual: true });

const statusWire = asWire(getRetryJobStatus);
const runNowMock = asMock(runRetryJobNow);

const SCHEDULED = {
  ...NOT_SCHEDULED,
  scheduled: true,
  scheduledJobs: 4,
  nextRunAt: '2026-11-21T18:15:00.000Z'
};

const render = (): HTMLElement => mount('c-vcl-retry-job', VoiceRetryJob);
async function renderedWith(status: unknown): Promise<HTMLElement> {
  const element = render();
  statusWire.emit(status);
  await flushPromises();
  return element;
}

describe('c-vcl-retry-job', () => {
  afterEach(() => {
    removeAllChildren();
    jest.clearAllMocks();
  });

  it('shows a labelled spinner until the status arrives', () => {
    const element = render();
    expect(q(element, 'lightning-card').title).toBe('Retry job');
    expect(q(element, 'lightning-spinner').alternativeText).toBe('Loading the retry job status');
    expect(q(element, '.run-retry-job-now').disabled).toBe(true);
  });

  it('says the job is not scheduled yet and that processing creates it', async () => {
    const element = await renderedWith(NOT_SCHEDULED);
    expect(q(element, '.retry-job-status').textContent).toContain(
      'Not scheduled yet: created the next time a call waits for a later retry'
    );
    expect(q(element, '.retry-job-status lightning-icon').iconName).toBe('utility:warning');
    expect(q(element, '.run-retry-job-now').label).toBe('Run now');
    expect(q(element, '.start-retry-job')).toBeNull();
    expect(q(element, 'lightning-spinner')).toBeNull();
  });

  it('shows the next run of a scheduled job and Run now', async () => {
    const element = await renderedWith(SCHEDULED);
    expect(q(element, '.retry-job-status').textContent).toContain('Running every 15 minutes — next run');
    expect(q(element, '.retry-job-next-run').value).toBe('2026-11-21T18:15:00.000Z');
    expect(q(element, '.retry-job-status lightning-icon').iconName).toBe('utility:success');
    expect(q(element, '.run-retry-job-now').disabled).toBe(false);
  });

  it('says so when only some quarter-hour jobs exist', async () => {
    const element = await renderedWith({ ...SCHEDULED, scheduledJobs: 1 });
    expect(q(element, '.retry-job-status').textContent).toContain('Running 1 of 4 quarter-hour jobs');
    expect(q(element, '.retry-job-status lightning-icon').iconName).toBe('utility:warning');
  });

  it('runs the job now, confirms with a toast and refreshes the status', async () => {
    runNowMock.mockResolvedValue(STARTED);
    const element = await renderedWith(NOT_SCHEDULED);
    const toasts: Array<{ title: string; variant: string }> = [];
    element.addEventListener('lightning__showtoast', (e) => toasts.push((e as CustomEvent).detail));

    q(element, '.run-retry-job-now').click();
    await flushPromises();
    expect(runNowMock).toHaveBeenCalledTimes(1);
    expect(toasts[0]).toMatchObject({ title: 'Retry job started', variant: 'success' });
    expect(refreshApex).toHaveBeenCalled();

    statusWire.emit(SCHEDULED);
    await flushPromises();
    expect(q(element, '.retry-job-status').textContent).toContain('Running every 15 minutes');
  });

  it('says when no call is waiting', async () => {
    runNowMock.mockResolvedValue(false);
    const element = await renderedWith(SCHEDULED);
    const toasts: Array<{ title: string; variant: string }> = [];
    element.addEventListener('lightning__showtoast', (e) => toasts.push((e as CustomEvent).detail));
    q(element, '.run-retry-job-now').click();
    await flushPromises();
    expect(toasts[0]).toMatchObject({ title: 'Nothing to retry', variant: 'info' });
  });

  it('shows the error inline when the job cannot be run', async () => {
    runNowMock.mockRejectedValue({
      body: {
        message: 'You need the Manage Voice Call Settings permission (Vcl_Admin permission set).'
      }
    });
    const element = await renderedWith(NOT_SCHEDULED);
    const toasts: unknown[] = [];
    element.addEventListener('lightning__showtoast', (e) => toasts.push((e as CustomEvent).detail));
    q(element, '.run-retry-job-now').click();
    await flushPromises();
    expect(q(element, '.retry-job-error').textContent).toContain('Manage Voice Call Settings');
    expect(q(element, '.retry-job-error').getAttribute('role')).toBe('alert');
    expect(q(element, '.run-retry-job-now').disabled).toBe(false);
    expect(toasts).toEqual([]);
  });

  it("shows the server's error when the status cannot be read", async () => {
    const element = render();
    statusWire.error({ message: 'You need the Manage Voice Call Settings permission.' });
    await flushPromises();
    expect(q(element, '.retry-job-error').textContent).toContain('Manage Voice Call Settings');
    expect(q(element, 'lightning-spinner')).toBeNull();
  });
});
