import { createElement } from 'lwc';
import VoiceSyncHealth from 'c/voiceSyncHealth';
import getHealth from '@salesforce/apex/SyncHealthController.getHealth';
import { refreshApex } from '@salesforce/apex';
import HEALTH from './data/SyncHealthController.getHealth.json';

jest.mock(
  '@salesforce/apex/SyncHealthController.getHealth',
  () => {
    const { createApexTestWireAdapter } = jest.requireActual<{
      createApexTestWireAdapter: (fn: jest.Mock) => unknown;
    }>('@salesforce/sfdx-lwc-jest');
    return { default: createApexTestWireAdapter(jest.fn()) };
  },
  { virtual: true }
);
jest.mock('@salesforce/apex', () => ({ refreshApex: jest.fn(() => Promise.resolve()) }), { virtual: true });

interface WireMock {
  emit(value: unknown): void;
  error(body?: unknown): void;
}
const healthWire = getHealth as unknown as WireMock;

type El = HTMLElement & Record<string, unknown>;
// A macrotask lets wire emissions, promise chains and re-rendering settle (lwc-recipes' flushPromises).
const flushPromises = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));

function render(): HTMLElement {
  const element = createElement('c-voice-sync-health', { is: VoiceSyncHealth });
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
  healthWire.emit(HEALTH);
  await flushPromises();
  return element;
}

describe('c-voice-sync-health', () => {
  afterEach(() => {
    while (document.body.firstChild) {
      document.body.removeChild(document.body.firstChild);
    }
    jest.clearAllMocks();
  });

  it('shows a labelled spinner until the figures arrive', () => {
    const element = render();
    expect(q(element, 'lightning-spinner').alternativeText).toBe('Loading health figures');
  });

  it("shows the server's error", async () => {
    const element = render();
    healthWire.error({ message: 'You do not have access to call logs.' });
    await flushPromises();
    expect(q(element, '.health-error').textContent).toContain('access to call logs');
  });

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
