import VoiceSettingsForm from 'c/vclSettingsForm';
import getSettings from '@salesforce/apex/VclSettingsController.getSettings';
import saveSettings from '@salesforce/apex/VclSettingsController.saveSettings';
import { refreshApex } from '@salesforce/apex';
import {
  type ApexMocks,
  asMock,
  asWire,
  type El,
  flushPromises,
  mount,
  removeAllChildren,
  shadowQuery as q,
  shadowQueryAll as qa
} from '../../../test-utils/lwc';
import SETTINGS from './data/VclSettingsController.getSettings.json';
import SAVED from './data/VclSettingsController.saveSettings.json';

jest.mock(
  '@salesforce/apex/VclSettingsController.getSettings',
  () => jest.requireActual<ApexMocks>('../../../test-utils/apexMocks').wireAdapterModule(),
  { virtual: true }
);
jest.mock('@salesforce/apex/VclSettingsController.saveSettings', () => ({ default: jest.fn() }), {
  virtual: true
});
jest.mock('@salesforce/apex', () => ({ refreshApex: jest.fn(() => Promise.resolve()) }), { virtual: true });

const settingsWire = asWire(getSettings);
const saveMock = asMock(saveSettings);

const render = (): HTMLElement => mount('c-vcl-settings-form', VoiceSettingsForm);
async function renderedWithData(): Promise<HTMLElement> {
  const element = render();
  settingsWire.emit(SETTINGS);
  await flushPromises();
  return element;
}
function field(element: HTMLElement, name: string): El {
  return q(element, `[data-field="${name}"]`);
}
function setField(element: HTMLElement, name: string, detail: Record<string, unknown>): void {
  field(element, name).dispatchEvent(new CustomEvent('change', { detail }));
}

describe('c-vcl-settings-form', () => {
  afterEach(() => {
    removeAllChildren();
    jest.clearAllMocks();
  });

  it('shows a labelled spinner until the settings arrive', () => {
    const element = render();
    expect(q(element, 'lightning-spinner').alternativeText).toBe('Loading settings');
  });

  it("shows the server's error", async () => {
    const element = render();
    settingsWire.error({ message: 'You do not have access to the Voice Call settings' });
    await flushPromises();
    expect(q(element, '.settings-error').textContent).toContain('Voice Call settings');
  });

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
    expect(field(element, 'matchOtherContactPhones').checked).toBe(false);
    expect(field(element, 'matchOtherContactPhones').fieldLevelHelp).toContain('HomePhone');
    expect(field(element, 'relateToOpenOpportunity').checked).toBe(false);
    expect(field(element, 'relateToOpenOpportunity').fieldLevelHelp).toContain('most recently modified');
    expect(field(element, 'statusCallbacksEnabled').checked).toBe(false);
    expect(field(element, 'statusCallbacksEnabled').fieldLevelHelp).toContain('/v1/call-outcomes');
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

  it('saves Match Other Contact Phones when it is switched on', async () => {
    saveMock.mockResolvedValue(SAVED);
    const element = await renderedWithData();
    setField(element, 'matchOtherContactPhones', { checked: true });
    await flushPromises();
    expect(field(element, 'matchOtherContactPhones').checked).toBe(true);
    q(element, '.save-settings').click();
    await flushPromises();
    expect(saveMock).toHaveBeenCalledWith({ settings: { ...SETTINGS, matchOtherContactPhones: true } });
    expect(field(element, 'matchOtherContactPhones').checked).toBe(true);
  });

  it('saves Relate Contact calls to their open Opportunity when it is switched on', async () => {
    saveMock.mockResolvedValue({ ...SAVED, relateToOpenOpportunity: true });
    const element = await renderedWithData();
    setField(element, 'relateToOpenOpportunity', { checked: true });
    await flushPromises();
    q(element, '.save-settings').click();
    await flushPromises();
    expect(saveMock).toHaveBeenCalledWith({ settings: { ...SETTINGS, relateToOpenOpportunity: true } });
    expect(field(element, 'relateToOpenOpportunity').checked).toBe(true);
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
