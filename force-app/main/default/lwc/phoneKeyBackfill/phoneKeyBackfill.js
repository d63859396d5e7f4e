import { LightningElement } from 'lwc';
import { ShowToastEvent } from 'lightning/platformShowToastEvent';
import startPhoneKeyBackfill from '@salesforce/apex/VoiceSetupController.startPhoneKeyBackfill';
import getBackfillProgress from '@salesforce/apex/VoiceSetupController.getBackfillProgress';
import { errorText } from 'c/callFormat';
/** How often the backfill's progress is read while its batch job runs. */
export const POLL_INTERVAL_MS = 2000;
/**
 * Voice Setup card: starts the phone-key backfill batch and polls its progress until it is done;
 * polling stops when the component leaves the page.
 */
export default class PhoneKeyBackfill extends LightningElement {
    backfill;
    backfillError = null;
    isStartingBackfill = false;
    pollTimer;
    connected = false;
    connectedCallback() {
        this.connected = true;
    }
    disconnectedCallback() {
        this.connected = false;
        this.stopPolling();
    }
    get backfillPercent() {
        const total = this.backfill?.totalBatches ?? 0;
        if (this.backfill?.done) {
            return 100;
        }
        if (!total) {
            return 0;
        }
        return Math.min(100, Math.round(((this.backfill?.batchesProcessed ?? 0) / total) * 100));
    }
    get backfillRunning() {
        return !!this.backfill && !this.backfill.done;
    }
    get backfillButtonDisabled() {
        return this.isStartingBackfill || this.backfillRunning;
    }
    get backfillCounts() {
        if (!this.backfill) {
            return '';
        }
        const b = this.backfill;
        const failed = b.failedBatches ? `, ${b.failedBatches} failed` : '';
        return `${b.batchesProcessed ?? 0} of ${b.totalBatches ?? 0} batches processed${failed} · ${b.status ?? ''}`;
    }
    get backfillSucceeded() {
        return !!this.backfill?.done && !this.backfill.failedBatches && this.backfill.status !== 'Failed';
    }
    get backfillFailed() {
        return !!this.backfill?.done && !this.backfillSucceeded;
    }
    async handleStartBackfill() {
        this.isStartingBackfill = true;
        this.backfillError = null;
        try {
            const jobId = await startPhoneKeyBackfill({});
            this.backfill = {
                jobId,
                status: 'Queued',
                totalBatches: 0,
                batchesProcessed: 0,
                failedBatches: 0,
                message: '',
                done: false
            };
            this.schedulePoll(jobId);
        }
        catch (e) {
            this.backfillError = errorText(e);
        }
        finally {
            this.isStartingBackfill = false;
        }
    }
    schedulePoll(jobId) {
        this.stopPolling();
        if (!this.connected) {
            return;
        }
        // Batch progress lives in AsyncApexJob; there is no push channel for it, so poll.
        // eslint-disable-next-line @lwc/lwc/no-async-operation
        this.pollTimer = setTimeout(() => {
            this.pollTimer = undefined;
            this.poll(jobId).catch(() => undefined);
        }, POLL_INTERVAL_MS);
    }
    async poll(jobId) {
        try {
            const progress = await getBackfillProgress({ jobId });
            this.backfill = progress;
            if (progress.done) {
                this.dispatchEvent(new ShowToastEvent({
                    title: 'Phone index backfill finished',
                    message: this.backfillCounts,
                    variant: this.backfillSucceeded ? 'success' : 'warning'
                }));
                return;
            }
            this.schedulePoll(jobId);
        }
        catch (e) {
            this.backfillError = errorText(e);
        }
    }
    stopPolling() {
        if (this.pollTimer) {
            clearTimeout(this.pollTimer);
            this.pollTimer = undefined;
        }
    }
}
