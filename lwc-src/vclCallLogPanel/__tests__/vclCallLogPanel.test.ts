import CallLogPanel from 'c/vclCallLogPanel';
import getCalls from '@salesforce/apex/VclCallLogPanelController.getCalls';
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
import PAGE from './data/VclCallLogPanelController.getCalls.json';

jest.mock(
  '@salesforce/apex/VclCallLogPanelController.getCalls',
  () => jest.requireActual<ApexMocks>('../../../test-utils/apexMocks').wireAdapterModule(),
  { virtual: true }
);
jest.mock('@salesforce/apex', () => ({ refreshApex: jest.fn(() => Promise.resolve()) }), { virtual: true });
jest.mock('lightning/navigation', () => {
  const Navigate = Symbol('Navigate');
  const GenerateUrl = Symbol('GenerateUrl');
  const mockNavigate = jest.fn();
  // The mixin keeps the base class: the test only records Navigate calls.
  const NavigationMixin = (Base: new () => object) =>
    class extends Base {
      [Navigate](ref: unknown): void {
        mockNavigate(ref);
      }
    };
  NavigationMixin.Navigate = Navigate;
  NavigationMixin.GenerateUrl = GenerateUrl;
  return { NavigationMixin, mockNavigate };
});

const wire = asWire(getCalls);
const mockNavigate = (jest.requireMock('lightning/navigation') as { mockNavigate: jest.Mock }).mockNavigate;

const LEAD_ID = '00Q5g00000Lb7QhEAJ';

type Page = typeof PAGE;
function secondPage(): Page {
  return {
    ...PAGE,
    offsetRows: 10,
    hasMore: false,
    rows: PAGE.rows
      .slice(0, 7)
      .map((row, i) => ({ ...row, id: `a015g00000099${i}0AAQ`, name: `CL-00${1100 + i}` }))
  };
}

/** The public properties the tests set and read. */
interface PanelApi {
  recordId?: string;
  pageSize?: number;
}
function render(props: PanelApi = { recordId: LEAD_ID }): HTMLElement & PanelApi {
  return mount<PanelApi>('c-vcl-call-log-panel', CallLogPanel, props);
}

describe('c-vcl-call-log-panel', () => {
  afterEach(() => {
    removeAllChildren();
    jest.clearAllMocks();
  });

  it('shows a spinner with alternative text while the first page loads', () => {
    const element = render();
    const spinner = q(element, 'lightning-spinner') as HTMLElement & { alternativeText: string };
    expect(spinner).not.toBeNull();
    expect(spinner.alternativeText).toBe('Loading calls');
  });

  it('asks for the first page of the record with the App Builder page size', async () => {
    render({ recordId: LEAD_ID, pageSize: 25 });
    await flushPromises();
    expect(wire.getLastConfig()).toEqual({ recordId: LEAD_ID, pageSize: 25, offsetRows: 0 });
  });

  it('clamps a page size outside 1-50 and defaults a missing one to 10', () => {
    const element = render({ recordId: LEAD_ID, pageSize: 500 });
    expect(element.pageSize).toBe(50);
    element.pageSize = 0;
    expect(element.pageSize).toBe(10);
  });

  it('renders the calls newest first with direction icons, time, duration and disposition', async () => {
    const element = render();
    wire.emit(PAGE);
    await flushPromises();

    const items = qa(element, 'li.call');
    expect(items).toHaveLength(10);
    expect(items.map((li) => li.dataset.id)).toEqual(PAGE.rows.map((r) => r.id));

    const first = items[0];
    const icon = first.querySelector('lightning-icon') as HTMLElement & {
      iconName: string;
      alternativeText: string;
    };
    expect(icon.iconName).toBe('utility:incoming_call');
    expect(icon.alternativeText).toBe('Inbound call');
    expect(first.querySelector('.heading')!.textContent).toBe(`Inbound call from ${PAGE.rows[0].fromNumber}`);
    const when = first.querySelector('lightning-formatted-date-time') as HTMLElement & { value: string };
    expect(when.value).toBe(PAGE.rows[0].startedAt);
    expect(first.querySelector('.duration')!.textContent).toContain('9 min 12 sec');
    expect(first.querySelector('.disposition')!.textContent).toContain(PAGE.rows[0].disposition);

    const outbound = items[PAGE.rows.findIndex((r) => r.direction === 'Outbound')];
    const outIcon = outbound.querySelector('lightning-icon') as HTMLElement & { iconName: string };
    expect(outIcon.iconName).toBe('utility:outbound_call');
    expect(
      q(element, 'lightning-card')!.getAttribute('title') ??
        (q(element, 'lightning-card') as HTMLElement & { title: string }).title
    ).toBe('Calls (27)');
    expect(q(element, '.shown')!.textContent).toBe('Showing 10 of 27 calls');
  });

  it('gives every icon alternative text', async () => {
    const element = render();
    wire.emit(PAGE);
    await flushPromises();
    const icons = qa<HTMLElement & { alternativeText?: string }>(
      element,
      'lightning-icon, lightning-button-icon'
    );
    expect(icons.length).toBeGreaterThan(10);
    icons.forEach((icon) => expect(icon.alternativeText).toBeTruthy());
  });

  it('links the recording and transcript and shows the appointment chip with its status', async () => {
    const element = render();
    wire.emit(PAGE);
    await flushPromises();

    const first = qa(element, 'li.call')[0];
    const recording = first.querySelector('.recording') as HTMLElement & { value: string; label: string };
    expect(recording.value).toBe(PAGE.rows[0].recordingUrl);
    expect(recording.label).toBe('Recording');
    const transcript = first.querySelector('.transcript') as HTMLElement & { value: string };
    expect(transcript.value).toBe(PAGE.rows[0].transcriptUrl);

    const chip = first.querySelector('.appointment')!;
    expect(chip.textContent).toContain('Consultation Appointment');
    expect(chip.textContent).toContain('Booked');
    const cancelledIndex = PAGE.rows.findIndex((r) => r.appointmentStatus === 'Cancelled');
    const cancelled = qa(element, 'li.call')[cancelledIndex].querySelector('.appointment span.slds-badge')!;
    expect(cancelled.className).toContain('slds-theme_error');
  });

  it('clamps a long summary and expands it on demand', async () => {
    const element = render();
    wire.emit(PAGE);
    await flushPromises();

    const index = PAGE.rows.findIndex((r) => (r.summary ?? '').length > 180);
    const item = (): HTMLElement => qa(element, 'li.call')[index];
    expect(item().querySelector('.summary')!.className).toContain('summary_clamped');
    const toggle = item().querySelector('.toggle') as HTMLElement & { label: string };
    expect(toggle.label).toBe('Show more');
    toggle.click();
    await flushPromises();
    expect(item().querySelector('.summary')!.className).not.toContain('summary_clamped');
    expect((item().querySelector('.toggle') as HTMLElement & { label: string }).label).toBe('Show less');
  });

  it('opens a transcript File in the Files preview instead of its link', async () => {
    const element = render();
    wire.emit(PAGE);
    await flushPromises();

    const index = PAGE.rows.findIndex((r) => r.transcriptFileId && r.transcriptUrl);
    const item = qa(element, 'li.call')[index];
    const button = item.querySelector('.open-transcript') as HTMLElement & { label: string };
    expect(button.label).toBe('Transcript');
    expect(item.querySelector('.transcript')).toBeNull();
    button.click();
    expect(mockNavigate).toHaveBeenLastCalledWith({
      type: 'standard__namedPage',
      attributes: { pageName: 'filePreview' },
      state: { selectedRecordId: PAGE.rows[index].transcriptFileId }
    });
  });

  it('keeps the transcript link for a call with only a URL, and shows a File without a URL', async () => {
    const element = render();
    wire.emit(PAGE);
    await flushPromises();

    const items = qa(element, 'li.call');
    const urlOnly = PAGE.rows.findIndex((r) => r.transcriptUrl && !r.transcriptFileId);
    expect(items[urlOnly].querySelector('.open-transcript')).toBeNull();
    const link = items[urlOnly].querySelector('.transcript') as HTMLElement & {
      value: string;
      label: string;
    };
    expect(link.value).toBe(PAGE.rows[urlOnly].transcriptUrl);
    expect(link.label).toBe('Transcript');
    const fileOnly = PAGE.rows.findIndex((r) => r.transcriptFileId && !r.transcriptUrl);
    expect(items[fileOnly].querySelector('.open-transcript')).not.toBeNull();
    const neither = PAGE.rows.findIndex((r) => !r.transcriptFileId && !r.transcriptUrl);
    expect(items[neither].querySelector('.open-transcript, .transcript')).toBeNull();
  });

  it('opens the Task and the Event through navigation', async () => {
    const element = render();
    wire.emit(PAGE);
    await flushPromises();

    (q(element, '.open-task') as HTMLElement).click();
    expect(mockNavigate).toHaveBeenCalledWith({
      type: 'standard__recordPage',
      attributes: { recordId: PAGE.rows[0].taskId, actionName: 'view' }
    });
    (q(element, '.open-event') as HTMLElement).click();
    expect(mockNavigate).toHaveBeenLastCalledWith({
      type: 'standard__recordPage',
      attributes: { recordId: PAGE.rows[0].eventId, actionName: 'view' }
    });
  });

  it('loads the next page with one Apex call at the right offset and hides Load more at the end', async () => {
    wire.mockResolvedValue(secondPage());
    const element = render();
    wire.emit(PAGE);
    await flushPromises();

    (q(element, '.load-more') as HTMLElement).click();
    await flushPromises();

    expect(wire).toHaveBeenCalledTimes(1);
    expect(wire).toHaveBeenCalledWith({ recordId: LEAD_ID, pageSize: 10, offsetRows: 10 });
    expect(qa(element, 'li.call')).toHaveLength(17);
    expect(q(element, '.load-more')).toBeNull();
  });

  it('shows the empty state when the record has no calls', async () => {
    const element = render();
    wire.emit({ rows: [], hasMore: false, total: 0, pageSize: 10, offsetRows: 0 });
    await flushPromises();

    expect(q(element, '.empty')!.textContent).toContain('No calls have been logged');
    expect(qa(element, 'li.call')).toHaveLength(0);
    expect(q(element, '.load-more')).toBeNull();
    expect(q(element, 'lightning-spinner')).toBeNull();
  });

  it('shows the server message in the error state', async () => {
    const element = render();
    wire.error({
      message: 'You do not have access to call logs. Ask your admin for the Voice Call User permission set.'
    });
    await flushPromises();

    const error = q(element, '.error')!;
    expect(error.getAttribute('role')).toBe('alert');
    expect(error.textContent).toContain('Voice Call User permission set');
    expect(q(element, 'lightning-spinner')).toBeNull();
  });

  it('shows an error when loading more fails and keeps the loaded calls', async () => {
    wire.mockRejectedValue({ body: { message: 'The panel shows the newest 2,000 calls' } });
    const element = render();
    wire.emit(PAGE);
    await flushPromises();

    (q(element, '.load-more') as HTMLElement).click();
    await flushPromises();

    expect(q(element, '.error')!.textContent).toContain('newest 2,000 calls');
    expect(qa(element, 'li.call')).toHaveLength(10);
  });

  it('refreshes the wired first page with refreshApex and drops the extra pages', async () => {
    wire.mockResolvedValue(secondPage());
    const element = render();
    wire.emit(PAGE);
    await flushPromises();
    (q(element, '.load-more') as HTMLElement).click();
    await flushPromises();
    expect(qa(element, 'li.call')).toHaveLength(17);

    (q(element, '.refresh') as HTMLElement).click();
    await flushPromises();

    expect(refreshApex).toHaveBeenCalledTimes(1);
    expect((refreshApex as jest.Mock).mock.calls[0][0]).toEqual({ data: PAGE, error: undefined });
    expect(qa(element, 'li.call')).toHaveLength(10);
    expect(q(element, '.load-more')).not.toBeNull();
  });
});
