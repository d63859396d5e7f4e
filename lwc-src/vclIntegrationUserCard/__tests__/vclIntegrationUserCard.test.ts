import VoiceIntegrationUserCard from 'c/vclIntegrationUserCard';
import getIntegrationUserStatus from '@salesforce/apex/VclIntegrationUserController.getIntegrationUserStatus';
import saveIntegrationUser from '@salesforce/apex/VclIntegrationUserController.saveIntegrationUser';
import { refreshApex } from '@salesforce/apex';
import {
  type ApexMocks,
  asMock,
  asWire,
  flushPromises,
  mount,
  removeAllChildren,
  shadowQuery as q,
  shadowQueryAll as qa
} from '../../../test-utils/lwc';
import READY from './data/VclIntegrationUserController.getIntegrationUserStatus.json';
import MISSING from './data/VclIntegrationUserController.getIntegrationUserStatus.missingPermission.json';
import SAVED from './data/VclIntegrationUserController.saveIntegrationUser.json';

jest.mock(
  '@salesforce/apex/VclIntegrationUserController.getIntegrationUserStatus',
  () => jest.requireActual<ApexMocks>('../../../test-utils/apexMocks').wireAdapterModule(),
  { virtual: true }
);
jest.mock(
  '@salesforce/apex/VclIntegrationUserController.saveIntegrationUser',
  () => ({ default: jest.fn() }),
  { virtual: true }
);
jest.mock('@salesforce/apex', () => ({ refreshApex: jest.fn(() => Promise.resolve()) }), { virtual: true });

const statusWire = asWire(getIntegrationUserStatus);
const saveMock = asMock(saveIntegrationUser);

const NOT_CHOSEN = {
  userId: null,
  ready: false,
  summary: 'Choose the user the voice system runs as: the Run As user of the client credentials flow.',
  checks: []
};

const render = (): HTMLElement => mount('c-vcl-integration-user-card', VoiceIntegrationUserCard);
async function renderedWith(status: unknown): Promise<HTMLElement> {
  const element = render();
  statusWire.emit(status);
  await flushPromises();
  return element;
}

function pick(element: HTMLElement, recordId: string): void {
  q(element, '.user-picker').dispatchEvent(new CustomEvent('change', { detail: { recordId } }));
}

describe('c-vcl-integration-user-card', () => {
  afterEach(() => {
    removeAllChildren();
    jest.clearAllMocks();
  });

  it('shows a labelled spinner until the status arrives', () => {
    const element = render();
    expect(q(element, 'lightning-spinner').alternativeText).toBe('Checking the integration user');
    expect(q(element, 'lightning-card').title).toBe('Integration user');
  });

  it('shows a ready user with every requirement met', async () => {
    const element = await renderedWith(READY);
    expect(q(element, '.integration-user-summary').textContent).toContain('can post calls');
    expect(q(element, '.integration-user-summary lightning-icon').iconName).toBe('utility:success');
    expect(q(element, '.integration-user-name').textContent).toContain(READY.username);
    const checks = qa(element, 'li.check');
    expect(checks.map((li) => li.dataset.key)).toEqual([
      'ACTIVE',
      'PERMISSION_SET',
      'API_ENABLED',
      'APEX_REST',
      'API_ONLY'
    ]);
    expect(qa(element, 'li.check lightning-icon').map((icon) => icon.iconName)).toEqual(
      Array(5).fill('utility:success')
    );
    expect(q(element, '.user-picker').value).toBe(READY.userId);
    expect(q(element, '.save-integration-user').disabled).toBe(true);
  });

  it('says exactly what is missing and how to fix it', async () => {
    const element = await renderedWith(MISSING);
    expect(q(element, '.integration-user-summary').textContent).toContain('2 missing');
    expect(q(element, '.integration-user-summary lightning-icon').iconName).toBe('utility:warning');
    const apexRest = q(element, 'li.check[data-key="APEX_REST"]');
    expect(qa(element, 'li.check[data-key="APEX_REST"] lightning-icon')[0]?.iconName).toBe('utility:error');
    expect(apexRest.textContent).toContain('Vcl_Integration_API');
    expect(q(element, 'li.check[data-key="API_ENABLED"]').textContent).toContain('Granted by Profile');
    expect(q(element, '.integration-user-help').textContent).toContain('Vcl_Integration_API');
  });

  it('asks for the user when none is chosen, and explains why', async () => {
    const element = await renderedWith(NOT_CHOSEN);
    expect(q(element, '.integration-user-summary').textContent).toContain('Run As');
    expect(qa(element, 'li.check')).toHaveLength(0);
    expect(q(element, '.user-picker').fieldLevelHelp).toContain('does not let Apex read');
    expect(q(element, '.save-integration-user').disabled).toBe(true);
  });

  it('saves the picked user, shows its checks, toasts and refreshes', async () => {
    saveMock.mockResolvedValue(SAVED);
    const element = await renderedWith(NOT_CHOSEN);
    const toasts: Array<{ title: string; variant: string }> = [];
    element.addEventListener('lightning__showtoast', (e) => toasts.push((e as CustomEvent).detail));
    pick(element, SAVED.userId);
    await flushPromises();
    expect(q(element, '.save-integration-user').disabled).toBe(false);
    q(element, '.save-integration-user').click();
    await flushPromises();
    expect(saveMock).toHaveBeenCalledWith({ userId: SAVED.userId });
    expect(q(element, '.integration-user-summary').textContent).toContain('3 missing for Priya Raman');
    expect(q(element, 'li.check[data-key="PERMISSION_SET"]').textContent).toContain(
      'Permission Set Assignments'
    );
    expect(toasts[0]).toMatchObject({ title: 'Integration user saved', variant: 'warning' });
    expect(refreshApex).toHaveBeenCalled();
  });

  it("shows the server's refusal", async () => {
    saveMock.mockRejectedValue({ body: { message: 'You need the Manage Voice Call Settings permission' } });
    const element = await renderedWith(READY);
    pick(element, '0055g00000WbUsr2AAA');
    await flushPromises();
    q(element, '.save-integration-user').click();
    await flushPromises();
    expect(q(element, '.integration-user-error').textContent).toContain('Manage Voice Call Settings');
    expect(q(element, '.integration-user-error').getAttribute('role')).toBe('alert');
  });
});
