import { LightningElement, api, wire } from 'lwc';
import { NavigationMixin } from 'lightning/navigation';
import { refreshApex } from '@salesforce/apex';
import getCalls from '@salesforce/apex/VclCallLogPanelController.getCalls';
import { appointmentBadgeClass, errorText, formatDuration } from 'c/vclCallFormat';
/** Summaries longer than this are clamped to three lines until expanded. */
const SUMMARY_CLAMP_CHARS = 180;
const DEFAULT_PAGE_SIZE = 10;
const MAX_PAGE_SIZE = 50;
/**
 * The calls of a Lead, a Contact, or an Account's contacts, newest first.
 * The first page is wired (cacheable, refreshed with refreshApex); each "Load more" is one imperative
 * call for the next page of the same cacheable method.
 */
export default class VclCallLogPanel extends NavigationMixin(LightningElement) {
    @api
    recordId;
    _pageSize = DEFAULT_PAGE_SIZE;
    /** Calls per page, set in the App Builder (1–50). */
    @api
    get pageSize() {
        return this._pageSize;
    }
    set pageSize(value) {
        const n = typeof value === 'string' ? parseInt(value, 10) : value;
        this._pageSize =
            typeof n === 'number' && Number.isFinite(n) && n >= 1
                ? Math.min(Math.floor(n), MAX_PAGE_SIZE)
                : DEFAULT_PAGE_SIZE;
    }
    firstPage;
    extraRows = [];
    lastHasMore = false;
    total = null;
    error;
    isLoadingMore = false;
    isRefreshing = false;
    expandedIds = [];
    wiredResult;
    @wire(getCalls, { recordId: '$recordId', pageSize: '$pageSize', offsetRows: 0 })
    wiredCalls(result) {
        this.wiredResult = result;
        if (result.data) {
            this.firstPage = result.data;
            this.extraRows = [];
            this.lastHasMore = result.data.hasMore === true;
            this.total = result.data.total ?? null;
            this.error = undefined;
        }
        else if (result.error) {
            this.firstPage = undefined;
            this.extraRows = [];
            this.error = result.error;
        }
    }
    get isLoading() {
        return (!this.firstPage && !this.error) || this.isRefreshing;
    }
    get errorMessage() {
        return this.error ? errorText(this.error) : null;
    }
    get allRows() {
        return [...(this.firstPage?.rows ?? []), ...this.extraRows];
    }
    get isEmpty() {
        return !!this.firstPage && this.allRows.length === 0;
    }
    get hasCalls() {
        return this.allRows.length > 0;
    }
    get hasMore() {
        return this.lastHasMore;
    }
    get cardTitle() {
        return this.total === null ? 'Calls' : `Calls (${this.total})`;
    }
    get shownText() {
        const shown = this.allRows.length;
        return this.total === null ? `${shown} calls` : `Showing ${shown} of ${this.total} calls`;
    }
    get calls() {
        return this.allRows.map((row) => this.toView(row));
    }
    toView(row) {
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
            hasLinks: !!(row.recordingUrl ||
                row.transcriptUrl ||
                row.transcriptFileId ||
                row.taskId ||
                row.eventId),
            hasAppointment: !!row.appointmentStart,
            appointmentStart: row.appointmentStart ?? null,
            appointmentSubject: row.appointmentSubject ?? 'Appointment',
            appointmentStatus: row.appointmentStatus ?? 'Booked',
            appointmentBadgeClass: appointmentBadgeClass(row.appointmentStatus),
            taskId: row.taskId ?? null,
            eventId: row.eventId ?? null
        };
    }
    handleToggleSummary(event) {
        const id = event.currentTarget.dataset.id;
        if (!id) {
            return;
        }
        this.expandedIds = this.expandedIds.includes(id)
            ? this.expandedIds.filter((x) => x !== id)
            : [...this.expandedIds, id];
    }
    async handleLoadMore() {
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
        }
        catch (e) {
            this.error = e;
        }
        finally {
            this.isLoadingMore = false;
        }
    }
    async handleRefresh() {
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
        }
        catch (e) {
            this.error = e;
        }
        finally {
            this.isRefreshing = false;
        }
    }
    /** Opens the transcript File in the Files preview (the File's own sharing decides what the user sees). */
    handleOpenTranscript(event) {
        const documentId = event.currentTarget.dataset.documentId;
        if (!documentId) {
            return;
        }
        this[NavigationMixin.Navigate]({
            type: 'standard__namedPage',
            attributes: { pageName: 'filePreview' },
            state: { selectedRecordId: documentId }
        });
    }
    handleOpenRecord(event) {
        const recordId = event.currentTarget.dataset.recordId;
        if (!recordId) {
            return;
        }
        this[NavigationMixin.Navigate]({
            type: 'standard__recordPage',
            attributes: { recordId, actionName: 'view' }
        });
    }
}
