import { LightningElement, wire } from 'lwc';
import { refreshApex } from '@salesforce/apex';
import LightningConfirm from 'lightning/confirm';
import getCallLogs from '@salesforce/apex/VclSyncLogController.getCallLogs';
import getCallLogDetail from '@salesforce/apex/VclSyncLogController.getCallLogDetail';
import retryCalls from '@salesforce/apex/VclSyncLogController.retryCalls';
import resyncFailed from '@salesforce/apex/VclSyncLogController.resyncFailed';
import resendCallbacks from '@salesforce/apex/VclSyncLogController.resendCallbacks';
import { errorText, formatDuration, prettyJson, splitLines, STATUS_OPTIONS, statusBadgeClass, statusLabel } from 'c/vclCallFormat';
import { callbackLabel, COLUMNS, recordUrl, SORT_KEYS, toTableRow } from './syncLogTable';
import { resentText, runAction, withCount } from './syncLogActions';
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
    fromDate = null;
    toDate = null;
    phone = '';
    sortedBy = 'receivedAt';
    sortDirection = 'desc';
    offsetRows = 0;
    /** The query the wire watches; replaced (never mutated) so the wire re-runs. */
    query = this.buildQuery();
    page;
    error;
    selectedIds = [];
    selectedId = null;
    detail;
    detailError;
    isWorking = false;
    wiredLogs;
    wiredDetail;
    phoneTimer;
    get statusOptions() {
        return [
            { label: 'All statuses', value: '' },
            { label: 'Needs attention (Failed, Dead Letter, Invalid)', value: 'attention' },
            ...STATUS_OPTIONS
        ];
    }
    @wire(getCallLogs, { q: '$query' })
    wiredCallLogs(result) {
        this.wiredLogs = result;
        if (result.data) {
            this.page = result.data;
            this.error = undefined;
        }
        else if (result.error) {
            this.page = undefined;
            this.error = result.error;
        }
    }
    @wire(getCallLogDetail, { callLogId: '$selectedId' })
    wiredCallLogDetail(result) {
        this.wiredDetail = result;
        this.detail = result.data;
        this.detailError = result.error;
    }
    disconnectedCallback() {
        clearTimeout(this.phoneTimer);
    }
    buildQuery() {
        let statuses = [];
        if (this.statusFilter === 'attention') {
            statuses = ['Failed', 'Dead_Letter', 'Invalid'];
        }
        else if (this.statusFilter) {
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
    requery(resetPaging = true) {
        if (resetPaging) {
            this.offsetRows = 0;
        }
        this.selectedIds = [];
        this.query = this.buildQuery();
    }
    get isLoading() {
        return (!this.page && !this.error) || this.isWorking;
    }
    get errorMessage() {
        return this.error ? errorText(this.error) : null;
    }
    get rows() {
        return (this.page?.rows ?? []).map(toTableRow);
    }
    get hasRows() {
        return this.rows.length > 0;
    }
    get isEmpty() {
        return !!this.page && this.rows.length === 0;
    }
    get total() {
        return this.page?.total ?? 0;
    }
    get pageText() {
        if (!this.page || this.total === 0) {
            return '';
        }
        const first = this.offsetRows + 1;
        const last = this.offsetRows + this.rows.length;
        return `${first}–${last} of ${this.total}`;
    }
    get isFirstPage() {
        return this.offsetRows === 0 || this.isLoading;
    }
    get isLastPage() {
        return !this.page?.hasMore || this.isLoading;
    }
    get noSelection() {
        return this.selectedIds.length === 0 || this.isWorking;
    }
    get resendLabel() {
        return withCount('Re-send callback', this.selectedIds.length);
    }
    get detailCallbackLabel() {
        return callbackLabel(this.detail?.callback?.status);
    }
    get retryLabel() {
        return withCount('Retry selected', this.selectedIds.length);
    }
    // Filters -------------------------------------------------------------------------------------
    handleStatusChange(event) {
        this.statusFilter = event.detail.value;
        this.requery();
    }
    handleFromDateChange(event) {
        this.fromDate = event.detail.value || null;
        if (this.datesAreValid()) {
            this.requery();
        }
    }
    handleToDateChange(event) {
        this.toDate = event.detail.value || null;
        if (this.datesAreValid()) {
            this.requery();
        }
    }
    datesAreValid() {
        const to = this.template?.querySelector('lightning-input[data-id="toDate"]');
        const inverted = !!(this.fromDate && this.toDate && this.fromDate > this.toDate);
        if (to) {
            to.setCustomValidity(inverted ? 'The end date must be on or after the start date.' : '');
            to.reportValidity();
        }
        return !inverted;
    }
    handlePhoneChange(event) {
        this.phone = event.detail.value ?? '';
        clearTimeout(this.phoneTimer);
        // Wait for typing to pause so each keystroke is not a server round trip.
        // eslint-disable-next-line @lwc/lwc/no-async-operation
        this.phoneTimer = setTimeout(() => this.requery(), PHONE_DEBOUNCE_MS);
    }
    handleClearFilters() {
        this.statusFilter = '';
        this.fromDate = null;
        this.toDate = null;
        this.phone = '';
        this.requery();
    }
    // Table ---------------------------------------------------------------------------------------
    handleSort(event) {
        this.sortedBy = event.detail.fieldName;
        this.sortDirection = event.detail.sortDirection;
        this.requery();
    }
    handleRowSelection(event) {
        this.selectedIds = event.detail.selectedRows.map((row) => row.id);
    }
    handleRowAction(event) {
        if (event.detail.action.name === 'show_detail') {
            this.selectedId = event.detail.row.id;
        }
    }
    handlePrevious() {
        this.offsetRows = Math.max(0, this.offsetRows - PAGE_SIZE);
        this.requery(false);
    }
    handleNext() {
        this.offsetRows += PAGE_SIZE;
        this.requery(false);
    }
    async handleRefresh() {
        await this.refresh();
    }
    /** Re-reads the page and the open detail (after an action). */
    async refreshScreen() {
        await this.refresh();
    }
    async refresh() {
        const pending = [];
        if (this.wiredLogs) {
            pending.push(refreshApex(this.wiredLogs));
        }
        if (this.wiredDetail && this.selectedId) {
            pending.push(refreshApex(this.wiredDetail));
        }
        await Promise.all(pending);
    }
    // Detail --------------------------------------------------------------------------------------
    get hasDetail() {
        return !!this.selectedId;
    }
    get detailRow() {
        return this.detail?.row ?? null;
    }
    get detailTitle() {
        return this.detailRow?.name ? `Call log ${this.detailRow.name}` : 'Call log';
    }
    get detailStatusLabel() {
        return statusLabel(this.detailRow?.status);
    }
    get detailStatusClass() {
        return statusBadgeClass(this.detailRow?.status);
    }
    get detailDuration() {
        return formatDuration(this.detail?.durationSeconds);
    }
    get detailMatchedUrl() {
        return recordUrl(this.detailRow?.matchedRecordId);
    }
    get detailTaskUrl() {
        return recordUrl(this.detail?.taskId);
    }
    get detailEventUrl() {
        return recordUrl(this.detail?.eventId);
    }
    get hasNoActivity() {
        return !this.detail?.taskId && !this.detail?.eventId;
    }
    get attemptLines() {
        return splitLines(this.detail?.attemptTrail).map((text, i) => ({ key: `attempt-${i}`, text }));
    }
    get hasAttempts() {
        return this.attemptLines.length > 0;
    }
    get prettyPayload() {
        return prettyJson(this.detail?.rawPayload).text;
    }
    get payloadIsInvalid() {
        return !!this.detail?.rawPayload && !prettyJson(this.detail.rawPayload).valid;
    }
    get detailErrorMessage() {
        return this.detailError ? errorText(this.detailError) : null;
    }
    get isDetailLoading() {
        return !!this.selectedId && !this.detail && !this.detailError;
    }
    handleCloseDetail() {
        this.selectedId = null;
        this.detail = undefined;
    }
    // Actions -------------------------------------------------------------------------------------
    async handleRetrySelected() {
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
    async handleResendCallbacks() {
        const ids = [...this.selectedIds];
        if (ids.length) {
            await runAction(this, () => resendCallbacks({ callLogIds: ids }), 'Re-send callback', resentText);
        }
    }
    async handleResyncFailed() {
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
