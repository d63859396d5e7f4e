import VoiceSyncHealth from 'c/vclSyncHealth';
import getDashboardId from '@salesforce/apex/VclSyncHealthController.getDashboardId';
import getHealth from '@salesforce/apex/VclSyncHealthController.getHealth';
import { refreshApex } from '@salesforce/apex';
import {
  type ApexMocks,
  asWire,
  flushPromises,
  mount,
  removeAllChildren,
  shadowQuery as q,
  shadowQueryAll as qa
} from '../../../test-utils/lwc';
import DASHBOARD_ID from './data/VclSyncHealthController.getDashboardId.json';
import HEALTH from './data/VclSyncHealthController.getHealth.json';

jest.mock(
  '@salesforce/apex/VclSyncHealthController.getHealth',
  () => jest.requireActual<ApexMocks>('../../../test-utils/apexMocks').wireAdapterModule(),
  { virtual: true }
);
jest.mock(
  '@salesforce/apex/VclSyncHealthController.getDashboardId',
  () => jest.requireActual<ApexMocks>('../../../test-utils/apexMocks').wireAdapterModule(),
  { virtual: true }
);
jest.mock('@salesforce/apex', () => ({ refreshApex: jest.fn(() => Promise.resolve()) }), { virtual: true });
jest.mock('lightning/navigation', () => {
  const Navigate = Symbol('Navigate');
  const GenerateUrl = Symbol('GenerateUrl');
  const mockGenerateUrl = jest.fn((ref: { attributes: { recordId: string } }) =>
    Promise.resolve(`/lightning/r/Dashboard/${ref.attributes.recordId}/view`)
  );
  // The mixin keeps the base class and records the page references it turns into URLs.
  const NavigationMixin = (Base: new () => object) =>
    class extends Base {
      [GenerateUrl](ref: { attributes: { recordId: string } }): Promise<string> {
        return mockGenerateUrl(ref);
      }
    };
  NavigationMixin.Navigate = Navigate;
  NavigationMixin.GenerateUrl = GenerateUrl;
  return { NavigationMixin, mockGenerateUrl };
});

const healthWire = asWire(getHealth);
const dashboardWire = asWire(getDashboardId);
const mockGenerateUrl = (jest.requireMock('lightning/navigation') as { mockGenerateUrl: jest.Mock })
  .mockGenerateUrl;

const render = (): HTMLElement => mount('c-vcl-sync-health', VoiceSyncHealth);
async function renderedWithData(): Promise<HTMLElement> {
  const element = render();
  healthWire.emit(HEALTH);
  await flushPromises();
  return element;
}

describe('c-vcl-sync-health', () => {
  afterEach(() => {
    removeAllChildren();
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

  it('links to the Voice Calls dashboard once its id is known', async () => {
    const element = await renderedWithData();
    expect(element.shadowRoot!.querySelector('.dashboard-link')).toBeNull();
    dashboardWire.emit(DASHBOARD_ID);
    await flushPromises();
    expect(mockGenerateUrl).toHaveBeenCalledWith({
      type: 'standard__recordPage',
      attributes: { recordId: DASHBOARD_ID, objectApiName: 'Dashboard', actionName: 'view' }
    });
    const link = q(element, '.dashboard-link a');
    expect(link.textContent).toBe('Open the dashboard');
    expect(link.getAttribute('href')).toBe(`/lightning/r/Dashboard/${DASHBOARD_ID}/view`);
  });

  it('shows no link when the user cannot see the dashboard', async () => {
    const element = await renderedWithData();
    dashboardWire.emit(null);
    await flushPromises();
    expect(element.shadowRoot!.querySelector('.dashboard-link')).toBeNull();
    dashboardWire.error({ message: 'boom' });
    await flushPromises();
    expect(element.shadowRoot!.querySelector('.dashboard-link')).toBeNull();
    expect(mockGenerateUrl).not.toHaveBeenCalled();
  });
});
