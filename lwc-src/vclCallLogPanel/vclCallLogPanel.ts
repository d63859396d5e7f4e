import { LightningElement, api, wire } from 'lwc';
import { NavigationMixin } from 'lightning/navigation';
import { refreshApex } from '@salesforce/apex';
import getCalls from '@salesforce/apex/VclCallLogPanelController.getCalls';
import type {
  ApexWireResult,
  VclCallLogPanelController_CallPage as CallPage,
  VclCallLogPanelController_CallRow as CallRow
} from '@salesforce/apex-types';
import { appointmentBadgeClass, errorText, formatDuration } from 'c/vclCallFormat';

type WiredPage = ApexWireResult<CallPage>;

/** Summaries longer than this are clamped to three lines until expanded. */
const SUMMARY_CLAMP_CHARS = 180;
const DEFAULT_PAGE_SIZE = 10;
const MAX_PAGE_SIZE = 50;

export interface CallView {
  id: string;
  iconName: string;
  directionLabel: string;
  heading: string;
  startedAt: string | null;
  duration: string;
  disposition: string | null;
  summary: string | null;
  hasSummary: boolean;
  isLong: boolean;
  expanded: boolean;
  summaryClass: string;
  toggleLabel: string;
  recordingUrl: string | null;
  transcriptUrl: string | null;
  /** The transcript File (ContentDocument id), when the user may open it: shown instead of transcriptUrl. */
  transcriptFileId: string | null;
  hasLinks: boolean;
  hasAppointment: boolean;
  appointmentStart: string | null;
  appointmentSubject: string;
  appointmentStatus: string;
  appointmentBadgeClass: string;
  taskId: string | null;
  eventId: string | null;
}

/**
 * The calls of a Lead, a Contact, or an Account's contacts, newest first.
 * The first page is wired (cacheable, refreshed with refreshApex); each "Load more" is one imperative
 * call for the next page of the same cacheable method.
 */
export default class VclCallLogPanel extends NavigationMixin(LightningElement) {
  @api recordId?: string;

  private _pageSize = DEFAULT_PAGE_SIZE;

  /** Calls per page, set in the App Builder (1–50). */
  @api
  get pageSize(): number {
    return this._pageSize;
  }
  set pageSize(value: number | string | null | undefined) {
    const n = typeof value === 'string' ? parseInt(value, 10) : value;
    this._pageSize =
      typeof n === 'number' && Number.isFinite(n) && n >= 1
        ? Math.min(Math.floor(n), MAX_PAGE_SIZE)
        : DEFAULT_PAGE_SIZE;
  }

  firstPage?: CallPage;
  extraRows: CallRow[] = [];
  lastHasMore = false;
  total: number | null = null;
  error: unknown;
  isLoadingMore = false;
  isRefreshing = false;
  expandedIds: string[] = [];

  private wiredResult?: WiredPage;

  @wire(getCalls, { recordId: '$recordId', pageSize: '$pageSize', offsetRows: 0 })
  wiredCalls(result: WiredPage): void {
    this.wiredResult = result;
    if (result.data) {
      this.firstPage = result.data;
      this.extraRows = [];
      this.lastHasMore = result.data.hasMore === true;
      this.total = result.data.total ?? null;
      this.error = undefined;
    } else if (result.error) {
      this.firstPage = undefined;
      this.extraRows = [];
      this.error = result.error;
    }
  }

  get isLoading(): boolean {
    return (!this.firstPage && !this.error) || this.isRefreshing;
  }

  get errorMessage(): string | null {
    return this.error ? errorText(this.error) : null;
  }

  get allRows(): CallRow[] {
    return [...(this.firstPage?.rows ?? []), ...this.extraRows];
  }

  get isEmpty(): boolean {
    return !!this.firstPage && this.allRows.length === 0;
  }

  get hasCalls(): boolean {
    return this.allRows.length > 0;
  }

  get hasMore(): boolean {
    return this.lastHasMore;
  }

  get cardTitle(): string {
    return this.total === null ? 'Calls' : `Calls (${this.total})`;
  }

  get shownText(): string {
    const shown = this.allRows.length;
    return this.total === null ? `${shown} calls` : `Showing ${shown} of ${this.total} calls`;
  }

  get calls(): CallView[] {
    return this.allRows.map((row) => this.toView(row));
  }

  private toView(row: CallRow): CallView {
    const inbound = row.direction === 'Inbound';
    const summary = row.summary ?? null;
    const isLong = !!summary && summary.length > SUMMARY_CLAMP_CHARS;
    const expanded = this.expandedIds.includes(row.id);
    const other = inbound ? row.fromNumber : row.toNumber;
    return {
      id: row.id,
      iconName: inbound ? 'utility:incoming_call' : 'utility:outbound_call',
      directionLabel: inbound ? 'Inbound call' : 'Outbound call',
      heading: other
        ? `${inbound ? 'Inbound call from' : 'Outbound call to'} ${other}`
        : inbound
          ? 'Inbound call'
          : 'Outbound call',
      startedAt: row.startedAt ?? null,
      duration: formatDuration(row.durationSeconds),
      disposition: row.disposition ?? null,
      summary,
      hasSummary: !!summary,
      isLong,
      expanded,
      summaryClass: isLong && !expanded ? 'summary summary_clamped' : 'summary',
      toggleLabel: expanded ? 'Show less' : 'Show more',
      recordingUrl: row.recordingUrl ?? null,
      transcriptUrl: row.transcriptUrl ?? null,
      transcriptFileId: row.transcriptFileId ?? null,
      hasLinks: !!(
        row.recordingUrl ||
        row.transcriptUrl ||
        row.transcriptFileId ||
        row.taskId ||
        row.eventId
      ),
      hasAppointment: !!row.appointmentStart,
      appointmentStart: row.appointmentStart ?? null,
      appointmentSubject: row.appointmentSubject ?? 'Appointment',
      appointmentStatus: row.appointmentStatus ?? 'Booked',
      appointmentBadgeClass: appointmentBadgeClass(row.appointmentStatus),
      taskId: row.taskId ?? null,
      eventId: row.eventId ?? null
    };
  }

  handleToggleSummary(event: Event): void {
    const id = (event.currentTarget as HTMLElement).dataset.id;
    if (!id) {
      return;
    }
    this.expandedIds = this.expandedIds.includes(id)
      ? this.expandedIds.filter((x) => x !== id)
      : [...this.expandedIds, id];
  }

  async handleLoadMore(): Promise<void> {
    if (!this.recordId || this.isLoadingMore) {
      return;
    }
    this.isLoadingMore = true;
    try {
      const page = await getCalls({
        recordId: this.recordId,
        pageSize: this.pageSize,
        offsetRows: this.allRows.length
      });
      this.extraRows = [...this.extraRows, ...(page.rows ?? [])];
      this.lastHasMore = page.hasMore === true;
      this.total = page.total ?? this.total;
      this.error = undefined;
    } catch (e) {
      this.error = e;
    } finally {
      this.isLoadingMore = false;
    }
  }

  async handleRefresh(): Promise<void> {
    if (!this.wiredResult) {
      return;
    }
    this.isRefreshing = true;
    this.expandedIds = [];
    try {
      await refreshApex(this.wiredResult);
      // Older pages may have shifted: start again from the refreshed first page.
      this.extraRows = [];
      this.lastHasMore = this.firstPage?.hasMore === true;
      this.total = this.firstPage?.total ?? this.total;
    } catch (e) {
      this.error = e;
    } finally {
      this.isRefreshing = false;
    }
  }

  /** Opens the transcript File in the Files preview (the File's own sharing decides what the user sees). */
  handleOpenTranscript(event: Event): void {
    const documentId = (event.currentTarget as HTMLElement).dataset.documentId;
    if (!documentId) {
      return;
    }
    this[NavigationMixin.Navigate]({
      type: 'standard__namedPage',
      attributes: { pageName: 'filePreview' },
      state: { selectedRecordId: documentId }
    });
  }

  handleOpenRecord(event: Event): void {
    const recordId = (event.currentTarget as HTMLElement).dataset.recordId;
    if (!recordId) {
      return;
    }
    this[NavigationMixin.Navigate]({
      type: 'standard__recordPage',
      attributes: { recordId, actionName: 'view' }
    });
  }
}
