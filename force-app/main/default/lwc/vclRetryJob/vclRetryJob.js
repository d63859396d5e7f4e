import { LightningElement, wire } from 'lwc';
import { ShowToastEvent } from 'lightning/platformShowToastEvent';
import getRetryJobStatus from '@salesforce/apex/VclRetryJobController.getRetryJobStatus';
import runRetryJobNow from '@salesforce/apex/VclRetryJobController.runRetryJobNow';
import { errorText, firstErrorText } from 'c/vclCallFormat';
import { fromWire, isLoading, NOT_LOADED, refreshWire } from 'c/vclWireState';
/**
 * Voice Setup card: whether the scheduled retry job (VclCallRetrySchedule's quarter-hour jobs) runs and when it
 * runs next, and Run now. Processing creates the schedule by itself whenever it leaves work for later, so
 * nothing here has to be started; Run now makes sure of the schedule and processes waiting calls at once.
 */
export default class VclRetryJob extends LightningElement {
    statusState = NOT_LOADED;
    runError = null;
    isRunningNow = false;
    @wire(getRetryJobStatus)
    wiredRetryJobStatus(result) {
        this.statusState = fromWire(this.statusState, result);
    }
    get status() {
        return this.statusState.data;
    }
    get isStatusLoading() {
        return isLoading(this.statusState);
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
    get errorMessage() {
        return firstErrorText(this.runError, this.statusState.error);
    }
    get isRunNowDisabled() {
        return this.isRunningNow || !this.status;
    }
    async handleRunNow() {
        this.isRunningNow = true;
        this.runError = null;
        try {
            const started = await runRetryJobNow({});
            this.dispatchEvent(new ShowToastEvent(started
                ? {
                    title: 'Retry job started',
                    message: 'Waiting calls are being processed now.',
                    variant: 'success'
                }
                : { title: 'Nothing to retry', message: 'No call is waiting for processing.', variant: 'info' }));
            await refreshWire(this.statusState);
        }
        catch (e) {
            this.runError = errorText(e);
        }
        finally {
            this.isRunningNow = false;
        }
    }
}
