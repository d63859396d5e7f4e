import { createElement } from 'lwc';
import VoiceSetup, { POLL_INTERVAL_MS } from 'c/voiceSetup';
import getConnectionStatus from '@salesforce/apex/VoiceConnectionController.getConnectionStatus';
import testConnection from '@salesforce/apex/VoiceConnectionController.testConnection';
import getSettings from '@salesforce/apex/VoiceSetupController.getSettings';
import saveSettings from '@salesforce/apex/VoiceSetupController.saveSettings';
import startPhoneKeyBackfill from '@salesforce/apex/VoiceSetupController.startPhoneKeyBackfill';
import getBackfillProgress from '@salesforce/apex/VoiceSetupController.getBackfillProgress';
import testSync from '@salesforce/apex/VoiceSetupController.testSync';
import getHealth from '@salesforce/apex/SyncHealthController.getHealth';
import { refreshApex } from '@salesforce/apex';
import CONNECTION from './data/VoiceConnectionController.getConnectionStatus.json';
import TESTED from './data/VoiceConnectionController.testConnection.json';
import SETTINGS from './data/VoiceSetupController.getSettings.json';
import SAVED from './data/VoiceSetupController.saveSettings.json';
import JOB_ID from './data/VoiceSetupController.startPhoneKeyBackfill.json';
import PROGRESS from './data/VoiceSetupController.getBackfillProgress.json';
import TEST_SYNC from './data/VoiceSetupController.testSync.json';
import HEALTH from './data/SyncHealthController.getHealth.json';

function mockWire(): { default: unknown } {
  const { createApexTestWireAdapter } = jest.requireActual<{
    createApexTestWireAdapter: (fn: jest.Mock) => unknown;
  }>('@salesforce/sfdx-lwc-jest');
  return { default: createApexTestWireAdapter(jest.fn()) };
}
jest.mock('@salesforce/apex/VoiceConnectionController.getConnectionStatus', () => mockWire(), {
  virtual: true
});
jest.mock('@salesforce/apex/VoiceSetupController.getSettings', () => mockWire(), { virtual: true });
jest.mock('@salesforce/apex/SyncHealthController.getHealth', () => mockWire(), { virtual: true });
jest.mock('@salesforce/apex/VoiceConnectionController.testConnection', () => ({ default: jest.fn() }), {
  virtual: true
});
jest.mock('@salesforce/apex/VoiceSetupController.saveSettings', () => ({ default: jest.fn() }), {
  virtual: true
});
jest.mock('@salesforce/apex/VoiceSetupController.startPhoneKeyBackfill', () => ({ default: jest.fn() }), {
  virtual: true
});
jest.mock('@salesforce/apex/VoiceSetupController.getBackfillProgress', () => ({ default: jest.fn() }), {
  virtual: true
});
jest.mock('@salesforce/apex/VoiceSetupController.testSync', () => ({ default: jest.fn() }), {
  virtual: true
});
jest.mock('@salesforce/apex', () => ({ refreshApex: jest.fn(() => Promise.resolve()) }), { virtual: true });

interface WireMock {
  emit(value: unknown): void;
  error(body?: unknown): void;
}
const connectionWire = getConnectionStatus as unknown as WireMock;
const settingsWire = getSettings as unknown as WireMock;
const healthWire = getHealth as unknown as WireMock;
const testConnectionMock = testConnection as unknown as jest.Mock;
const saveMock = saveSettings as unknown as jest.Mock;
const startMock = startPhoneKeyBackfill as unknown as jest.Mock;
const progressMock = getBackfillProgress as unknown as jest.Mock;
const testSyncMock = testSync as unknown as jest.Mock;

type El = HTMLElement & Record<string, unknown>;
// A macrotask lets wire emissions, promise chains and re-rendering settle (lwc-recipes' flushPromises).
const flushPromises = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));
/** With fake timers: let pending promise callbacks run without advancing the clock. */
function settle(): Promise<void> {
  let chain = Promise.resolve();
  for (let i = 0; i < 10; i++) {
    chain = chain.then(() => undefined);
  }
  return chain;
}

function render(): HTMLElement {
  const element = createElement('c-voice-setup', { is: VoiceSetup });
  document.body.appendChild(element);
  return element;
}
function q(element: HTMLElement, selector: string): El {
  return element.shadowRoot!.querySelector(selector) as El;
}
function qa(element: HTMLElement, selector: string): El[] {
  return Array.from(element.shadowRoot!.querySelectorAll(selector)) as El[];
}
async function renderedWithData(): Promise<HTMLElement> {
  const element = render();
  connectionWire.emit(CONNECTION);
  settingsWire.emit(SETTINGS);
  healthWire.emit(HEALTH);
  await flushPromises();
  return element;
}
function field(element: HTMLElement, name: string): El {
  return q(element, `[data-field="${name}"]`);
}
function setField(element: HTMLElement, name: string, detail: Record<string, unknown>): void {
  field(element, name).dispatchEvent(new CustomEvent('change', { detail }));
}

describe('c-voice-setup', () => {
  afterEach(() => {
    while (document.body.firstChild) {
      document.body.removeChild(document.body.firstChild);
    }
    jest.clearAllMocks();
    jest.useRealTimers();
  });

  describe('loading and errors', () => {
    it('shows labelled spinners until each card has data', () => {
      const element = render();
      const spinners = qa(element, 'lightning-spinner').map((s) => s.alternativeText);
      expect(spinners).toEqual(
        expect.arrayContaining(['Loading connection status', 'Loading health figures', 'Loading settings'])
      );
    });

    it("shows each card's server error", async () => {
      const element = render();
      connectionWire.error({ message: 'Named credential Voice_System does not exist' });
      settingsWire.error({ message: 'You do not have access to the Voice Call settings' });
      healthWire.error({ message: 'You do not have access to call logs.' });
      await flushPromises();
      expect(q(element, '.connection-error').textContent).toContain('Voice_System does not exist');
      expect(q(element, '.settings-error').textContent).toContain('Voice Call settings');
      expect(q(element, '.health-error').textContent).toContain('access to call logs');
    });
  });

  describe('connection', () => {
    it('shows the stored status', async () => {
      const element = await renderedWithData();
      expect(q(element, '.connection-outcome').textContent).toContain('Connected');
      expect(q(element, '.connection-outcome').textContent).toContain('HTTP 200');
      expect(q(element, '.connection-message').textContent).toBe(CONNECTION.message);
    });

    it('tests the connection and shows the new result', async () => {
      testConnectionMock.mockResolvedValue(TESTED);
      const element = await renderedWithData();
      q(element, '.test-connection').click();
      await flushPromises();
      expect(testConnectionMock).toHaveBeenCalledTimes(1);
      expect(q(element, '.connection-outcome').textContent).toContain('Unauthorized');
      const icon = q(element, '.connection-outcome lightning-icon');
      expect(icon.iconName).toBe('utility:error');
      expect(icon.alternativeText).toBe('Unauthorized (check the credentials)');
      expect(refreshApex).toHaveBeenCalled();
    });
  });

  describe('settings', () => {
    it('fills every setting into a labelled input', async () => {
      const element = await renderedWithData();
      expect(field(element, 'processingEnabled').checked).toBe(true);
      expect(field(element, 'matchPriority').value).toBe('Lead,Contact');
      expect(field(element, 'defaultCountryCode').value).toBe('1');
      expect(field(element, 'syncThreshold').value).toBe(50);
      expect(field(element, 'eventDurationMinutes').value).toBe(60);
      expect(field(element, 'reminderMinutesBefore').value).toBe(60);
      expect(field(element, 'inboundTaskSubject').value).toBe('Inbound Call');
      expect(field(element, 'outboundTaskSubject').value).toBe('Outbound Call');
      expect(field(element, 'appointmentSubjectSuffix').value).toBe(' - Scheduled Appointment');
      expect(field(element, 'eventSubject').value).toBe('Consultation Appointment');
      expect(field(element, 'ownerRule').value).toBe('RecordOwner');
      expect(field(element, 'conflictRule').value).toBe('SalesforceWins');
      expect(field(element, 'cancelledAppointmentAction').value).toBe('MarkCancelled');
      expect(field(element, 'createLeadForUnknownCallers').checked).toBe(false);
      expect(field(element, 'bypassPhoneKeyTriggers').checked).toBe(false);
      expect(field(element, 'defaultOwnerId')).toBeNull();
      expect(field(element, 'newLeadCompany')).toBeNull();
      qa(element, '[data-field]').forEach((input) => expect(input.label).toBeTruthy());
    });

    it('shows the default owner picker and the new Lead fields only when they apply', async () => {
      const element = await renderedWithData();
      setField(element, 'ownerRule', { value: 'DefaultOwner' });
      setField(element, 'createLeadForUnknownCallers', { checked: true });
      await flushPromises();
      const picker = field(element, 'defaultOwnerId');
      expect(picker.objectApiName).toBe('User');
      expect(picker.required).toBe(true);
      expect(field(element, 'newLeadCompany').value).toBe('Unknown');
      expect(field(element, 'newLeadLastName').value).toBe('Unknown Caller');
    });

    it('saves every field with numbers as numbers and shows a success toast', async () => {
      saveMock.mockResolvedValue(SAVED);
      const element = await renderedWithData();
      const toasts: Array<{ title: string; variant: string }> = [];
      element.addEventListener('lightning__showtoast', (e) => toasts.push((e as CustomEvent).detail));

      setField(element, 'syncThreshold', { value: '25' });
      setField(element, 'ownerRule', { value: 'DefaultOwner' });
      await flushPromises();
      setField(element, 'defaultOwnerId', { recordId: '0055g00000Hq2ZkAAJ' });
      q(element, '.save-settings').click();
      await flushPromises();

      expect(saveMock).toHaveBeenCalledWith({
        settings: {
          ...SETTINGS,
          syncThreshold: 25,
          ownerRule: 'DefaultOwner',
          defaultOwnerId: '0055g00000Hq2ZkAAJ'
        }
      });
      expect(toasts).toEqual([{ title: 'Settings saved', variant: 'success' }]);
      expect(refreshApex).toHaveBeenCalled();
    });

    it('blocks the save when a field fails its client validation', async () => {
      const element = await renderedWithData();
      const threshold = field(element, 'syncThreshold');
      threshold.reportValidity = jest.fn(() => false);
      q(element, '.save-settings').click();
      await flushPromises();
      expect(threshold.reportValidity).toHaveBeenCalled();
      expect(saveMock).not.toHaveBeenCalled();
      expect(q(element, '.save-error').textContent).toContain('Fix the highlighted fields');
    });

    it("shows the server's message when the save is rejected", async () => {
      saveMock.mockRejectedValue({
        body: {
          message: 'defaultCountryCode: must be 1 to 3 digits; syncThreshold: must be between 1 and 200'
        }
      });
      const element = await renderedWithData();
      const toasts: Array<{ title: string; message: string; variant: string }> = [];
      element.addEventListener('lightning__showtoast', (e) => toasts.push((e as CustomEvent).detail));
      q(element, '.save-settings').click();
      await flushPromises();
      expect(q(element, '.save-error').textContent).toContain('defaultCountryCode: must be 1 to 3 digits');
      expect(q(element, '.save-error').getAttribute('role')).toBe('alert');
      expect(toasts[0].variant).toBe('error');
    });

    it('undoes unsaved changes', async () => {
      const element = await renderedWithData();
      setField(element, 'inboundTaskSubject', { value: 'Call in' });
      await flushPromises();
      expect(field(element, 'inboundTaskSubject').value).toBe('Call in');
      q(element, '.reset-settings').click();
      await flushPromises();
      expect(field(element, 'inboundTaskSubject').value).toBe('Inbound Call');
    });
  });

  describe('backfill', () => {
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
    });
  });

  describe('Test Sync', () => {
    it('runs the dry run for the typed number and shows key, match, explanation and candidates', async () => {
      testSyncMock.mockResolvedValue(TEST_SYNC);
      const element = await renderedWithData();
      expect(q(element, '.run-test-sync').disabled).toBe(true);
      const input = q(element, '.test-phone');
      expect(input.label).toBe('Phone number');
      input.dispatchEvent(new CustomEvent('change', { detail: { value: ' (415) 555-0142 ' } }));
      await flushPromises();
      q(element, '.run-test-sync').click();
      await flushPromises();

      expect(testSyncMock).toHaveBeenCalledWith({ phoneNumber: '(415) 555-0142' });
      expect(q(element, '.test-key').textContent).toBe('14155550142');
      expect(q(element, '.test-title').textContent).toBe('Would match Lead Maria Gonzalez');
      expect(q(element, '.test-explanation').textContent).toBe(TEST_SYNC.explanation);
      expect(q(element, '.test-match').value).toBe('/lightning/r/00Q5g00000Lb7QhEAJ/view');
      const table = q(element, '.candidates');
      expect((table.data as unknown[]).length).toBe(2);
    });

    it('explains a number that cannot be used', async () => {
      testSyncMock.mockResolvedValue({
        ...TEST_SYNC,
        input: 'abc',
        phoneKey: null,
        problem: 'no digits',
        matched: false,
        matchedRecordId: null,
        candidateCount: 0,
        candidates: [],
        explanation: 'A phone key needs at least 7 digits.'
      });
      const element = await renderedWithData();
      q(element, '.test-phone').dispatchEvent(new CustomEvent('change', { detail: { value: 'abc' } }));
      await flushPromises();
      q(element, '.run-test-sync').click();
      await flushPromises();
      expect(q(element, '.test-title').textContent).toBe('Not a usable number: no digits');
      expect(q(element, '.test-outcome').className).toContain('slds-theme_error');
      expect(q(element, '.candidates')).toBeNull();
    });

    it('shows a server error', async () => {
      testSyncMock.mockRejectedValue({
        body: { message: 'Phone keys are not indexed yet: run the backfill.' }
      });
      const element = await renderedWithData();
      q(element, '.test-phone').dispatchEvent(new CustomEvent('change', { detail: { value: '5551234567' } }));
      await flushPromises();
      q(element, '.run-test-sync').click();
      await flushPromises();
      expect(q(element, '.test-error').textContent).toContain('run the backfill');
    });
  });

  describe('health', () => {
    it('shows the last 24 hours by status', async () => {
      const element = await renderedWithData();
      const items = qa(element, '.status-counts li');
      expect(items.map((li) => li.textContent)).toEqual(
        HEALTH.last24Hours.map((s) => `${s.label}: ${s.count}`)
      );
      expect(q(element, '.status-counts li[data-status="Dead_Letter"] span').className).toContain(
        'slds-theme_error'
      );
    });

    it('draws an accessible 14-day stacked bar chart with a text alternative', async () => {
      const element = await renderedWithData();
      const svg = q(element, 'svg.chart');
      expect(svg.getAttribute('role')).toBe('img');
      expect(svg.getAttribute('aria-label')).toContain('last 14 days');
      expect(qa(element, 'g.day')).toHaveLength(14);
      const bars = qa(element, 'rect.bar');
      const nonZero = HEALTH.days.reduce(
        (n, d) => n + [d.logged, d.unmatched, d.failed].filter((v) => v > 0).length,
        0
      );
      expect(bars).toHaveLength(nonZero);
      bars.forEach((bar) => {
        const y = Number(bar.getAttribute('y'));
        const h = Number(bar.getAttribute('height'));
        expect(y).toBeGreaterThanOrEqual(10 - 1e-9);
        expect(y + h).toBeLessThanOrEqual(192 + 1e-9);
        expect(bar.querySelector('title')!.textContent).toMatch(
          /^\w{3} \d{1,2}: \d+ (logged|unmatched|failed)$/
        );
      });
      const rows = qa(element, 'table.chart-data tbody tr');
      expect(rows).toHaveLength(14);
      const first = HEALTH.days[0];
      expect(rows[0].textContent).toContain(
        `${first.logged} logged, ${first.unmatched} unmatched, ${first.failed} failed`
      );
    });

    it('refreshes the figures', async () => {
      const element = await renderedWithData();
      q(element, '.refresh-health').click();
      await flushPromises();
      expect(refreshApex).toHaveBeenCalledWith({ data: HEALTH, error: undefined });
    });
  });
});
