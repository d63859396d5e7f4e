import { LightningElement, wire } from 'lwc';
import { refreshApex } from '@salesforce/apex';
import LightningConfirm from 'lightning/confirm';
import getCallLogs from '@salesforce/apex/VclSyncLogController.getCallLogs';
import getCallLogDetail from '@salesforce/apex/VclSyncLogController.getCallLogDetail';
import retryCalls from '@salesforce/apex/VclSyncLogController.retryCalls';
import resyncFailed from '@salesforce/apex/VclSyncLogController.resyncFailed';
import resendCallbacks from '@salesforce/apex/VclSyncLogController.resendCallbacks';
import {
  errorText,
  formatDuration,
  prettyJson,
  splitLines,
  STATUS_OPTIONS,
  statusBadgeClass,
  statusLabel
} from 'c/vclCallFormat';
import { callbackLabel, COLUMNS, recordUrl, SORT_KEYS, toTableRow, type TableRow } from './syncLogTable';
import { resentText, runAction, withCount } from './syncLogActions';

import type {
  ApexWireResult as Wired,
  VclSyncLogController_Detail as Detail,
  VclSyncLogController_LogPage as LogPage,
  VclSyncLogController_LogRow as LogRow,
  VclSyncLogController_Query
} from '@salesforce/apex-types';

/** Apex receives null for a filter the admin left empty. */
type LogQuery = { [K in keyof VclSyncLogController_Query]: VclSyncLogController_Query[K] | null };

export { COLUMNS };
export const PAGE_SIZE = 50;
const PHONE_DEBOUNCE_MS = 300;

/**
 * Admin sync log: Call_Log__c rows with filters, server-side sorting and paging, a detail pane,
 * and retry actions.
 */
export default class VclSyncLog extends LightningElement {
  columns = COLUMNS;
  statusFilter = '';
  fromDate: string | null = null;
  toDate: string | null = null;
  phone = '';
  sortedBy = 'receivedAt';
  sortDirection: 'asc' | 'desc' = 'desc';
  offsetRows = 0;

  /** The query the wire watches; replaced (never mutated) so the wire re-runs. */
  query: LogQuery = this.buildQuery();

  page?: LogPage;
  error: unknown;
  selectedIds: string[] = [];
  selectedId: string | null = null;
  detail?: Detail;
  detailError: unknown;
  isWorking = false;

  private wiredLogs?: Wired<LogPage>;
  private wiredDetail?: Wired<Detail>;
  private phoneTimer?: ReturnType<typeof setTimeout>;

  get statusOptions(): Array<{ label: string; value: string }> {
    return [
      { label: 'All statuses', value: '' },
      { label: 'Needs attention (Failed, Dead Letter, Invalid)', value: 'attention' },
      ...STATUS_OPTIONS
    ];
  }

  @wire(getCallLogs, { q: '$query' })
  wiredCallLogs(result: Wired<LogPage>): void {
    this.wiredLogs = result;
    if (result.data) {
      this.page = result.data;
      this.error = undefined;
    } else if (result.error) {
      this.page = undefined;
      this.error = result.error;
    }
  }

  @wire(getCallLogDetail, { callLogId: '$selectedId' })
  wiredCallLogDetail(result: Wired<Detail>): void {
    this.wiredDetail = result;
    this.detail = result.data;
    this.detailError = result.error;
  }

  override disconnectedCallback(): void {
    clearTimeout(this.phoneTimer);
  }

  buildQuery(): LogQuery {
    let statuses: string[] = [];
    if (this.statusFilter === 'attention') {
      statuses = ['Failed', 'Dead_Letter', 'Invalid'];
    } else if (this.statusFilter) {
      statuses = [this.statusFilter];
    }
    return {
      statuses,
      fromDate: this.fromDate || null,
      toDate: this.toDate || null,
      phone: this.phone.trim() || null,
      sortBy: SORT_KEYS[this.sortedBy] ?? 'receivedAt',
      sortDirection: this.sortDirection,
      pageSize: PAGE_SIZE,
      offsetRows: this.offsetRows
    };
  }

  private requery(resetPaging = true): void {
    if (resetPaging) {
      this.offsetRows = 0;
    }
    this.selectedIds = [];
    this.query = this.buildQuery();
  }

  get isLoading(): boolean {
    return (!this.page && !this.error) || this.isWorking;
  }

  get errorMessage(): string | null {
    return this.error ? errorText(this.error) : null;
  }

  get rows(): TableRow[] {
    return (this.page?.rows ?? []).map(toTableRow);
  }

  get hasRows(): boolean {
    return this.rows.length > 0;
  }

  get isEmpty(): boolean {
    return !!this.page && this.rows.length === 0;
  }

  get total(): number {
    return this.page?.total ?? 0;
  }

  get pageText(): string {
    if (!this.page || this.total === 0) {
      return '';
    }
    const first = this.offsetRows + 1;
    const last = this.offsetRows + this.rows.length;
    return `${first}–${last} of ${this.total}`;
  }

  get isFirstPage(): boolean {
    return this.offsetRows === 0 || this.isLoading;
  }

  get isLastPage(): boolean {
    return !this.page?.hasMore || this.isLoading;
  }

  get noSelection(): boolean {
    return this.selectedIds.length === 0 || this.isWorking;
  }

  get resendLabel(): string {
    return withCount('Re-send callback', this.selectedIds.length);
  }

  get detailCallbackLabel(): string {
    return callbackLabel(this.detail?.callback?.status);
  }

  get retryLabel(): string {
    return withCount('Retry selected', this.selectedIds.length);
  }

  // Filters -------------------------------------------------------------------------------------

  handleStatusChange(event: CustomEvent<{ value: string }>): void {
    this.statusFilter = event.detail.value;
    this.requery();
  }

  handleFromDateChange(event: CustomEvent<{ value: string }>): void {
    this.fromDate = event.detail.value || null;
    if (this.datesAreValid()) {
      this.requery();
    }
  }

  handleToDateChange(event: CustomEvent<{ value: string }>): void {
    this.toDate = event.detail.value || null;
    if (this.datesAreValid()) {
      this.requery();
    }
  }

  private datesAreValid(): boolean {
    const to = this.template?.querySelector<
      HTMLElement & {
        setCustomValidity(m: string): void;
        reportValidity(): boolean;
      }
    >('lightning-input[data-id="toDate"]');
    const inverted = !!(this.fromDate && this.toDate && this.fromDate > this.toDate);
    if (to) {
      to.setCustomValidity(inverted ? 'The end date must be on or after the start date.' : '');
      to.reportValidity();
    }
    return !inverted;
  }

  handlePhoneChange(event: CustomEvent<{ value: string }>): void {
    this.phone = event.detail.value ?? '';
    clearTimeout(this.phoneTimer);
    // Wait for typing to pause so each keystroke is not a server round trip.
    // eslint-disable-next-line @lwc/lwc/no-async-operation
    this.phoneTimer = setTimeout(() => this.requery(), PHONE_DEBOUNCE_MS);
  }

  handleClearFilters(): void {
    this.statusFilter = '';
    this.fromDate = null;
    this.toDate = null;
    this.phone = '';
    this.requery();
  }

  // Table ---------------------------------------------------------------------------------------

  handleSort(event: CustomEvent<{ fieldName: string; sortDirection: 'asc' | 'desc' }>): void {
    this.sortedBy = event.detail.fieldName;
    this.sortDirection = event.detail.sortDirection;
    this.requery();
  }

  handleRowSelection(event: CustomEvent<{ selectedRows: TableRow[] }>): void {
    this.selectedIds = event.detail.selectedRows.map((row) => row.id);
  }

  handleRowAction(event: CustomEvent<{ action: { name: string }; row: TableRow }>): void {
    if (event.detail.action.name === 'show_detail') {
      this.selectedId = event.detail.row.id;
    }
  }

  handlePrevious(): void {
    this.offsetRows = Math.max(0, this.offsetRows - PAGE_SIZE);
    this.requery(false);
  }

  handleNext(): void {
    this.offsetRows += PAGE_SIZE;
    this.requery(false);
  }

  async handleRefresh(): Promise<void> {
    await this.refresh();
  }

  /** Re-reads the page and the open detail (after an action). */
  async refreshScreen(): Promise<void> {
    await this.refresh();
  }

  private async refresh(): Promise<void> {
    const pending: Promise<void>[] = [];
    if (this.wiredLogs) {
      pending.push(refreshApex(this.wiredLogs));
    }
    if (this.wiredDetail && this.selectedId) {
      pending.push(refreshApex(this.wiredDetail));
    }
    await Promise.all(pending);
  }

  // Detail --------------------------------------------------------------------------------------

  get hasDetail(): boolean {
    return !!this.selectedId;
  }

  get detailRow(): LogRow | null {
    return this.detail?.row ?? null;
  }

  get detailTitle(): string {
    return this.detailRow?.name ? `Call log ${this.detailRow.name}` : 'Call log';
  }

  get detailStatusLabel(): string {
    return statusLabel(this.detailRow?.status);
  }

  get detailStatusClass(): string {
    return statusBadgeClass(this.detailRow?.status);
  }

  get detailDuration(): string {
    return formatDuration(this.detail?.durationSeconds);
  }

  get detailMatchedUrl(): string | null {
    return recordUrl(this.detailRow?.matchedRecordId);
  }

  get detailTaskUrl(): string | null {
    return recordUrl(this.detail?.taskId);
  }

  get detailEventUrl(): string | null {
    return recordUrl(this.detail?.eventId);
  }

  get hasNoActivity(): boolean {
    return !this.detail?.taskId && !this.detail?.eventId;
  }

  get attemptLines(): Array<{ key: string; text: string }> {
    return splitLines(this.detail?.attemptTrail).map((text, i) => ({ key: `attempt-${i}`, text }));
  }

  get hasAttempts(): boolean {
    return this.attemptLines.length > 0;
  }

  get prettyPayload(): string {
    return prettyJson(this.detail?.rawPayload).text;
  }

  get payloadIsInvalid(): boolean {
    return !!this.detail?.rawPayload && !prettyJson(this.detail.rawPayload).valid;
  }

  get detailErrorMessage(): string | null {
    return this.detailError ? errorText(this.detailError) : null;
  }

  get isDetailLoading(): boolean {
    return !!this.selectedId && !this.detail && !this.detailError;
  }

  handleCloseDetail(): void {
    this.selectedId = null;
    this.detail = undefined;
  }

  // Actions -------------------------------------------------------------------------------------

  async handleRetrySelected(): Promise<void> {
    const ids = [...this.selectedIds];
    if (!ids.length) {
      return;
    }
    const ok = await LightningConfirm.open({
      message: `Process ${ids.length} selected call${ids.length === 1 ? '' : 's'} again now? Each is re-queued and its attempt count is kept.`,
      label: 'Retry selected calls',
      variant: 'header',
      theme: 'warning'
    });
    if (!ok) {
      return;
    }
    await runAction(this, () => retryCalls({ callLogIds: ids }), 'Retry selected calls');
  }

  async handleResendCallbacks(): Promise<void> {
    const ids = [...this.selectedIds];
    if (ids.length) {
      await runAction(this, () => resendCallbacks({ callLogIds: ids }), 'Re-send callback', resentText);
    }
  }

  async handleResyncFailed(): Promise<void> {
    const ok = await LightningConfirm.open({
      message: 'Re-queue every Failed and Dead Letter call for processing now?',
      label: 'Re-sync all failed calls',
      variant: 'header',
      theme: 'warning'
    });
    if (!ok) {
      return;
    }
    await runAction(this, () => resyncFailed({}), 'Re-sync all failed calls');
  }
}
