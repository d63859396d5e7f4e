import VoiceConnectionCard from 'c/vclConnectionCard';
import getConnectionStatus from '@salesforce/apex/VclConnectionController.getConnectionStatus';
import saveConnection from '@salesforce/apex/VclConnectionController.saveConnection';
import testConnection from '@salesforce/apex/VclConnectionController.testConnection';
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
import CONNECTION from './data/VclConnectionController.getConnectionStatus.json';
import URL_NOT_SET from './data/VclConnectionController.getConnectionStatus.urlNotSet.json';
import SAVED from './data/VclConnectionController.saveConnection.json';
import TESTED from './data/VclConnectionController.testConnection.json';

jest.mock(
  '@salesforce/apex/VclConnectionController.getConnectionStatus',
  () => jest.requireActual<ApexMocks>('../../../test-utils/apexMocks').wireAdapterModule(),
  { virtual: true }
);
jest.mock('@salesforce/apex/VclConnectionController.testConnection', () => ({ default: jest.fn() }), {
  virtual: true
});
jest.mock('@salesforce/apex/VclConnectionController.saveConnection', () => ({ default: jest.fn() }), {
  virtual: true
});
jest.mock('@salesforce/apex', () => ({ refreshApex: jest.fn(() => Promise.resolve()) }), { virtual: true });

const connectionWire = asWire(getConnectionStatus);
const testConnectionMock = asMock(testConnection);
const saveConnectionMock = asMock(saveConnection);

const render = (): HTMLElement => mount('c-vcl-connection-card', VoiceConnectionCard);
async function renderedWith(status: unknown): Promise<HTMLElement> {
  const element = render();
  connectionWire.emit(status);
  await flushPromises();
  return element;
}

function type(element: HTMLElement, selector: string, value: string): void {
  const input = q(element, selector);
  input.value = value;
  input.dispatchEvent(new CustomEvent('change'));
}

describe('c-vcl-connection-card', () => {
  afterEach(() => {
    removeAllChildren();
    jest.clearAllMocks();
  });

  it('shows a labelled spinner until the status arrives', () => {
    const element = render();
    expect(q(element, 'lightning-spinner').alternativeText).toBe('Loading connection status');
    expect(q(element, 'lightning-card').title).toBe('Connection');
  });

  it("shows the server's error", async () => {
    const element = render();
    connectionWire.error({ message: 'The connection status could not be read: no access' });
    await flushPromises();
    expect(q(element, '.connection-error').textContent).toContain('no access');
    expect(q(element, '.connection-error').getAttribute('role')).toBe('alert');
    expect(q(element, 'lightning-spinner')).toBeNull();
  });

  it('shows the ready state: URL, stored key, last result, and no URL field', async () => {
    const element = await renderedWith(CONNECTION);
    expect(q(element, '.connection-url').textContent).toBe(CONNECTION.url);
    expect(q(element, '.connection-api-key').textContent).toContain('Stored');
    expect(q(element, '.connection-outcome').textContent).toContain('Connected');
    expect(q(element, '.connection-outcome').textContent).toContain('HTTP 200');
    expect(q(element, '.connection-outcome lightning-icon').iconName).toBe('utility:success');
    expect(q(element, '.url-input')).toBeNull();
    expect(q(element, '.url-help').textContent).toContain('Setup → Named Credentials → Voice System');
    expect(q(element, '.api-key-input').label).toBe('New API key');
    expect(q(element, '.test-connection').disabled).toBe(false);
  });

  it('asks for the URL and key when the URL is not set, and cannot test yet', async () => {
    const element = await renderedWith(URL_NOT_SET);
    expect(q(element, '.connection-url').textContent).toBe('Not set');
    expect(q(element, '.connection-api-key').textContent).toBe('Not stored');
    expect(q(element, '.connection-outcome').textContent).toContain('Not configured');
    expect(q(element, '.url-input').type).toBe('url');
    expect(q(element, '.api-key-input').type).toBe('password');
    expect(q(element, '.test-connection').disabled).toBe(true);
    expect(q(element, '.save-connection').disabled).toBe(true);
  });

  it('saves the URL and key, clears the key field, toasts and refreshes', async () => {
    saveConnectionMock.mockResolvedValue(SAVED);
    const element = await renderedWith(URL_NOT_SET);
    const toasts: Array<{ title: string; variant: string }> = [];
    element.addEventListener('lightning__showtoast', (e) => toasts.push((e as CustomEvent).detail));
    type(element, '.url-input', '  https://api.voice.example.com/v1 ');
    type(element, '.api-key-input', 'sk_live_42');
    await flushPromises();
    expect(q(element, '.save-connection').disabled).toBe(false);
    q(element, '.save-connection').click();
    await flushPromises();
    expect(saveConnectionMock).toHaveBeenCalledWith({
      url: 'https://api.voice.example.com/v1',
      apiKey: 'sk_live_42'
    });
    expect(q(element, '.api-key-input').value).toBe('');
    expect(q(element, '.connection-url').textContent).toBe(SAVED.url);
    expect(q(element, '.connection-message').textContent).toContain('not been tested');
    expect(toasts[0]).toMatchObject({ title: 'Connection saved', variant: 'success' });
    expect(refreshApex).toHaveBeenCalled();
  });

  it('shows why a save was refused and keeps what was typed', async () => {
    saveConnectionMock.mockRejectedValue({
      body: { message: "The URL must be the voice system's https address" }
    });
    const element = await renderedWith(URL_NOT_SET);
    type(element, '.url-input', 'http://voice.example.com');
    type(element, '.api-key-input', 'sk_live_42');
    await flushPromises();
    q(element, '.save-connection').click();
    await flushPromises();
    expect(q(element, '.connection-error').textContent).toContain('https address');
    expect(q(element, '.url-input').value).toBe('http://voice.example.com');
  });

  it('tests the connection and shows the new result', async () => {
    testConnectionMock.mockResolvedValue(TESTED);
    const element = await renderedWith(CONNECTION);
    q(element, '.test-connection').click();
    await flushPromises();
    expect(testConnectionMock).toHaveBeenCalledTimes(1);
    expect(q(element, '.connection-outcome').textContent).toContain('Unauthorized');
    const icon = q(element, '.connection-outcome lightning-icon');
    expect(icon.iconName).toBe('utility:error');
    expect(icon.alternativeText).toBe('Unauthorized (check the API key)');
    expect(refreshApex).toHaveBeenCalled();
  });
});
