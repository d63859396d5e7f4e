import VoiceSetup from 'c/voiceSetup';
import { type El, mount, removeAllChildren, shadowQueryAll as qa } from '../../../test-utils/lwc';

const render = (): HTMLElement => mount('c-voice-setup', VoiceSetup);

describe('c-voice-setup', () => {
  afterEach(() => {
    removeAllChildren();
  });

  it('lays out the six setup cards in reading order', () => {
    const element = render();
    const items = qa(element, 'lightning-layout > lightning-layout-item');
    const cards = items.map((item) => item.firstElementChild?.tagName.toLowerCase());
    expect(cards).toEqual([
      'c-voice-connection-card',
      'c-voice-sync-health',
      'c-voice-settings-form',
      'c-phone-key-backfill',
      'c-voice-retry-job',
      'c-phone-test-sync'
    ]);
  });

  it('gives settings and Test Sync the full width and pairs the other cards on large screens', () => {
    const element = render();
    const items = qa(element, 'lightning-layout > lightning-layout-item');
    expect(items.map((item) => [item.size, item.largeDeviceSize, item.padding])).toEqual([
      ['12', '6', 'around-small'],
      ['12', '6', 'around-small'],
      ['12', undefined, 'around-small'],
      ['12', '6', 'around-small'],
      ['12', '6', 'around-small'],
      ['12', undefined, 'around-small']
    ]);
  });

  it('renders each card with its own content', () => {
    const element = render();
    const titles = qa(element, 'lightning-layout-item > *').map(
      (child) => (child.shadowRoot!.querySelector('lightning-card') as El | null)?.title
    );
    expect(titles).toEqual([
      'Connection',
      'Sync health',
      'Settings',
      'Phone index backfill',
      'Retry job',
      'Test Sync'
    ]);
  });
});
