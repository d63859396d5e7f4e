import VoiceSetup from 'c/vclSetup';
import { type El, mount, removeAllChildren, shadowQueryAll as qa } from '../../../test-utils/lwc';

const render = (): HTMLElement => mount('c-vcl-setup', VoiceSetup);

describe('c-vcl-setup', () => {
  afterEach(() => {
    removeAllChildren();
  });

  it('lays out the seven setup cards in reading order', () => {
    const element = render();
    const items = qa(element, 'lightning-layout > lightning-layout-item');
    const cards = items.map((item) => item.firstElementChild?.tagName.toLowerCase());
    expect(cards).toEqual([
      'c-vcl-connection-card',
      'c-vcl-integration-user-card',
      'c-vcl-sync-health',
      'c-vcl-settings-form',
      'c-vcl-phone-key-backfill',
      'c-vcl-retry-job',
      'c-vcl-phone-test-sync'
    ]);
  });

  it('pairs Connection with Integration user and backfill with retry job; the rest take the full width', () => {
    const element = render();
    const items = qa(element, 'lightning-layout > lightning-layout-item');
    expect(items.map((item) => [item.size, item.largeDeviceSize, item.padding])).toEqual([
      ['12', '6', 'around-small'],
      ['12', '6', 'around-small'],
      ['12', undefined, 'around-small'],
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
      'Integration user',
      'Sync health',
      'Settings',
      'Phone index backfill',
      'Retry job',
      'Test Sync'
    ]);
  });
});
