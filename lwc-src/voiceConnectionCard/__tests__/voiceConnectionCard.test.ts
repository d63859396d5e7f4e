import VoiceConnectionCard from 'c/voiceConnectionCard';
import getConnectionStatus from '@salesforce/apex/VoiceConnectionController.getConnectionStatus';
import testConnection from '@salesforce/apex/VoiceConnectionController.testConnection';
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
import CONNECTION from './data/VoiceConnectionController.getConnectionStatus.json';
import TESTED from './data/VoiceConnectionController.testConnection.json';

jest.mock(
  '@salesforce/apex/VoiceConnectionController.getConnectionStatus',
  () => jest.requireActual<ApexMocks>('../../../test-utils/apexMocks').wireAdapterModule(),
  { virtual: true }
);
jest.mock('@salesforce/apex/VoiceConnectionController.testConnection', () => ({ default: jest.fn() }), {
  virtual: true
});
jest.mock('@salesforce/apex', () => ({ refreshApex: jest.fn(() => Promise.resolve()) }), { virtual: true });

const connectionWire = asWire(getConnectionStatus);
const testConnectionMock = asMock(testConnection);

const render = (): HTMLElement => mount('c-voice-connection-card', VoiceConnectionCard);
async function renderedWithData(): Promise<HTMLElement> {
  const element = render();
  connectionWire.emit(CONNECTION);
  await flushPromises();
  return element;
}

describe('c-voice-connection-card', () => {
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
