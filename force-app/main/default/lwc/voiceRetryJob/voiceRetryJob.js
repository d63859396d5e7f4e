import { LightningElement, wire } from 'lwc';
import { refreshApex } from '@salesforce/apex';
import { ShowToastEvent } from 'lightning/platformShowToastEvent';
import getRetryJobStatus from '@salesforce/apex/VoiceSetupController.getRetryJobStatus';
import scheduleRetryJob from '@salesforce/apex/VoiceSetupController.scheduleRetryJob';
import { errorText } from 'c/callFormat';
/**
 * Voice Setup card: whether the scheduled retry job (CallRetryScheduler's quarter-hour jobs) runs, when it
 * runs next, and Start retry job while it is not (fully) scheduled.
 */
export default class VoiceRetryJob extends LightningElement {
    status;
    statusError;
    startError = null;
    isStarting = false;
    wiredStatus;
    @wire(getRetryJobStatus)
    wiredRetryJobStatus(result) {
        this.wiredStatus = result;
        if (result.data) {
            this.status = result.data;
            this.statusError = undefined;
        }
        else if (result.error) {
            this.statusError = result.error;
        }
    }
    get isStatusLoading() {
        return !this.status && !this.statusError;
    }
    get isRunning() {
        return this.status?.scheduled === true;
    }
    /** Every quarter-hour entry exists: nothing left to start. */
    get isComplete() {
        const expected = this.status?.expectedJobs ?? 4;
        return this.isRunning && (this.status?.scheduledJobs ?? 0) >= expected;
    }
    /** The running state; ends with "— next run " when the formatted next run follows it. */
    get runningText() {
        const s = this.status;
        const running = this.isComplete
            ? 'Running every 15 minutes'
            : `Running ${s?.scheduledJobs ?? 0} of ${s?.expectedJobs ?? 4} quarter-hour jobs`;
        // Template whitespace is dropped, so the space before the date lives here.
        return s?.nextRunAt ? `${running} — next run ` : running;
    }
    get statusIcon() {
        return this.isComplete ? 'utility:success' : 'utility:warning';
    }
    get statusIconVariant() {
        return this.isComplete ? 'success' : 'warning';
    }
    get statusIconText() {
        return this.isComplete ? 'Scheduled' : 'Not fully scheduled';
    }
    get showStartButton() {
        return !!this.status && !this.isComplete;
    }
    get errorMessage() {
        if (this.startError) {
            return this.startError;
        }
        return this.statusError ? errorText(this.statusError) : null;
    }
    async handleStartRetryJob() {
        this.isStarting = true;
        this.startError = null;
        try {
            await scheduleRetryJob({});
            this.dispatchEvent(new ShowToastEvent({
                title: 'Retry job scheduled',
                message: 'Failed calls are retried every 15 minutes.',
                variant: 'success'
            }));
            if (this.wiredStatus) {
                await refreshApex(this.wiredStatus);
            }
        }
        catch (e) {
            this.startError = errorText(e);
        }
        finally {
            this.isStarting = false;
        }
    }
}
