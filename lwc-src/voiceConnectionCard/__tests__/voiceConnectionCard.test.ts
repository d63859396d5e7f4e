import { createElement } from 'lwc';
import VoiceConnectionCard from 'c/voiceConnectionCard';
import getConnectionStatus from '@salesforce/apex/VoiceConnectionController.getConnectionStatus';
import testConnection from '@salesforce/apex/VoiceConnectionController.testConnection';
import { refreshApex } from '@salesforce/apex';
import CONNECTION from './data/VoiceConnectionController.getConnectionStatus.json';
import TESTED from './data/VoiceConnectionController.testConnection.json';

jest.mock(
  '@salesforce/apex/VoiceConnectionController.getConnectionStatus',
  () => {
    const { createApexTestWireAdapter } = jest.requireActual<{
      createApexTestWireAdapter: (fn: jest.Mock) => unknown;
    }>('@salesforce/sfdx-lwc-jest');
    return { default: createApexTestWireAdapter(jest.fn()) };
  },
  { virtual: true }
);
jest.mock('@salesforce/apex/VoiceConnectionController.testConnection', () => ({ default: jest.fn() }), {
  virtual: true
});
jest.mock('@salesforce/apex', () => ({ refreshApex: jest.fn(() => Promise.resolve()) }), { virtual: true });

interface WireMock {
  emit(value: unknown): void;
  error(body?: unknown): void;
}
const connectionWire = getConnectionStatus as unknown as WireMock;
const testConnectionMock = testConnection as unknown as jest.Mock;

type El = HTMLElement & Record<string, unknown>;
// A macrotask lets wire emissions, promise chains and re-rendering settle (lwc-recipes' flushPromises).
const flushPromises = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));

function render(): HTMLElement {
  const element = createElement('c-voice-connection-card', { is: VoiceConnectionCard });
  document.body.appendChild(element);
  return element;
}
function q(element: HTMLElement, selector: string): El {
  return element.shadowRoot!.querySelector(selector) as El;
}
async function renderedWithData(): Promise<HTMLElement> {
  const element = render();
  connectionWire.emit(CONNECTION);
  await flushPromises();
  return element;
}

describe('c-voice-connection-card', () => {
  afterEach(() => {
    while (document.body.firstChild) {
      document.body.removeChild(document.body.firstChild);
    }
    jest.clearAllMocks();
  });

  it('shows a labelled spinner until the status arrives', () => {
    const element = render();
    expect(q(element, 'lightning-spinner').alternativeText).toBe('Loading connection status');
    expect(q(element, 'lightning-card').title).toBe('Connection');
  });

  it("shows the server's error", async () => {
    const element = render();
    connectionWire.error({ message: 'Named credential Voice_System does not exist' });
    await flushPromises();
    expect(q(element, '.connection-error').textContent).toContain('Voice_System does not exist');
    expect(q(element, '.connection-error').getAttribute('role')).toBe('alert');
    expect(q(element, 'lightning-spinner')).toBeNull();
  });

  it('shows the stored status', async () => {
    const element = await renderedWithData();
    expect(q(element, '.connection-outcome').textContent).toContain('Connected');
    expect(q(element, '.connection-outcome').textContent).toContain('HTTP 200');
    expect(q(element, '.connection-outcome lightning-icon').iconName).toBe('utility:success');
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
