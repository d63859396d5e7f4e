import PhoneTestSync from 'c/vclPhoneTestSync';
import testSync from '@salesforce/apex/VclPhoneTestSyncController.testSync';
import { asMock, flushPromises, mount, removeAllChildren, shadowQuery as q } from '../../../test-utils/lwc';
import TEST_SYNC from './data/VclPhoneTestSyncController.testSync.json';

jest.mock('@salesforce/apex/VclPhoneTestSyncController.testSync', () => ({ default: jest.fn() }), {
  virtual: true
});

const testSyncMock = asMock(testSync);

const render = (): HTMLElement => mount('c-vcl-phone-test-sync', PhoneTestSync);
async function typeAndRun(element: HTMLElement, value: string): Promise<void> {
  q(element, '.test-phone').dispatchEvent(new CustomEvent('change', { detail: { value } }));
  await flushPromises();
  q(element, '.run-test-sync').click();
  await flushPromises();
}

describe('c-vcl-phone-test-sync', () => {
  afterEach(() => {
    removeAllChildren();
    jest.clearAllMocks();
  });

  it('runs the dry run for the typed number and shows key, match, explanation and candidates', async () => {
    testSyncMock.mockResolvedValue(TEST_SYNC);
    const element = render();
    expect(q(element, '.run-test-sync').disabled).toBe(true);
    expect(q(element, '.test-phone').label).toBe('Phone number');
    await typeAndRun(element, ' (415) 555-0142 ');

    expect(testSyncMock).toHaveBeenCalledWith({ phoneNumber: '(415) 555-0142' });
    expect(q(element, '.test-key').textContent).toBe('14155550142');
    expect(q(element, '.test-title').textContent).toBe('Would match Lead Maria Gonzalez');
    expect(q(element, '.test-explanation').textContent).toBe(TEST_SYNC.explanation);
    expect(q(element, '.test-outcome').getAttribute('role')).toBe('status');
    expect(q(element, '.test-match').value).toBe('/lightning/r/00Q5g00000Lb7QhEAJ/view');
    const table = q(element, '.candidates');
    expect((table.data as unknown[]).length).toBe(2);
  });

  it('shows how the number was read: country code, national number and what was ignored', async () => {
    testSyncMock.mockResolvedValue(TEST_SYNC);
    const element = render();
    await typeAndRun(element, '(415) 555-0142 (cell)');
    expect(q(element, '.test-reading').textContent).toBe('+1 · 4155550142');
    expect(q(element, '.test-ignored').textContent).toBe('text after the number: "(cell)"');
  });

  it('runs on Enter in the phone field', async () => {
    testSyncMock.mockResolvedValue(TEST_SYNC);
    const element = render();
    const input = q(element, '.test-phone');
    input.dispatchEvent(new CustomEvent('change', { detail: { value: '4155550142' } }));
    await flushPromises();
    input.dispatchEvent(new KeyboardEvent('keyup', { key: 'Enter' }));
    await flushPromises();
    expect(testSyncMock).toHaveBeenCalledWith({ phoneNumber: '4155550142' });
  });

  it('explains a number that cannot be used', async () => {
    testSyncMock.mockResolvedValue({
      ...TEST_SYNC,
      input: 'abc',
      phoneKey: null,
      problem: 'no digits',
      countryCode: null,
      nationalNumber: null,
      ignored: [],
      matched: false,
      matchedRecordId: null,
      candidateCount: 0,
      candidates: [],
      explanation: 'A phone key needs at least 7 digits.'
    });
    const element = render();
    await typeAndRun(element, 'abc');
    expect(q(element, '.test-title').textContent).toBe('Not a usable number: no digits');
    expect(q(element, '.test-outcome').className).toContain('slds-theme_error');
    expect(q(element, '.candidates')).toBeNull();
    expect(q(element, '.test-reading')).toBeNull();
    expect(q(element, '.test-ignored').textContent).toBe('nothing');
  });

  it('shows a server error', async () => {
    testSyncMock.mockRejectedValue({
      body: { message: 'Phone keys are not indexed yet: run the backfill.' }
    });
    const element = render();
    await typeAndRun(element, '5551234567');
    expect(q(element, '.test-error').textContent).toContain('run the backfill');
  });
});
