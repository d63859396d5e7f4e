import { LightningElement } from 'lwc';
import { ShowToastEvent } from 'lightning/platformShowToastEvent';
import startPhoneKeyBackfill from '@salesforce/apex/VclPhoneKeyBackfillController.startPhoneKeyBackfill';
import getBackfillProgress from '@salesforce/apex/VclPhoneKeyBackfillController.getBackfillProgress';
import getPhoneKeyStatus from '@salesforce/apex/VclPhoneKeyBackfillController.getPhoneKeyStatus';
import { errorText } from 'c/vclCallFormat';
/** How often the backfill's progress is read while its batch job runs. */
export const POLL_INTERVAL_MS = 2000;
/**
 * Voice Setup card: shows how many records were keyed with older phone-key rules (or never), starts the
 * backfill batch that re-keys only those and polls its progress until it is done; polling stops when the
 * component leaves the page.
 */
export default class VclPhoneKeyBackfill extends LightningElement {
    keyStatus;
    keyStatusError = null;
    backfill;
    backfillError = null;
    isStartingBackfill = false;
    pollTimer;
    connected = false;
    connectedCallback() {
        this.connected = true;
        this.loadKeyStatus().catch(() => undefined);
    }
    disconnectedCallback() {
        this.connected = false;
        this.stopPolling();
    }
    /** "1,204 records keyed with older rules" (Leads and Contacts), or that every record is current. */
    get keyStatusText() {
        const status = this.keyStatus;
        if (!status) {
            return '';
        }
        const count = status.recordsWithOlderRules ?? 0;
        if (count === 0) {
            return 'Every Lead and Contact with a phone is keyed with the current rules.';
        }
        const atLeast = status.countCapped ? 'At least ' : '';
        const records = `${atLeast}${count.toLocaleString()} record${count === 1 ? '' : 's'}`;
        return (`${records} keyed with older rules (${status.leadsWithOlderRules ?? 0} Leads, ` +
            `${status.contactsWithOlderRules ?? 0} Contacts): run the backfill to re-key them.`);
    }
    get keyRulesText() {
        const status = this.keyStatus;
        return status ? `Rules ${status.rulesVersion} from libphonenumber ${status.libphonenumberVersion}` : '';
    }
    get hasOlderKeys() {
        return (this.keyStatus?.recordsWithOlderRules ?? 0) > 0;
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
                this.loadKeyStatus().catch(() => undefined);
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
    async loadKeyStatus() {
        try {
            this.keyStatus = await getPhoneKeyStatus({});
            this.keyStatusError = null;
        }
        catch (e) {
            this.keyStatusError = errorText(e);
        }
    }
    stopPolling() {
        if (this.pollTimer) {
            clearTimeout(this.pollTimer);
            this.pollTimer = undefined;
        }
    }
}
