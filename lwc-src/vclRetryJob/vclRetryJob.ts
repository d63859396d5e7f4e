import { LightningElement, wire } from 'lwc';
import { ShowToastEvent } from 'lightning/platformShowToastEvent';
import getRetryJobStatus from '@salesforce/apex/VclRetryJobController.getRetryJobStatus';
import runRetryJobNow from '@salesforce/apex/VclRetryJobController.runRetryJobNow';
import type {
  ApexWireResult,
  VclRetryJobController_RetryJobStatus as RetryJobStatus
} from '@salesforce/apex-types';
import { errorText, firstErrorText } from 'c/vclCallFormat';
import { fromWire, isLoading, NOT_LOADED, refreshWire } from 'c/vclWireState';
import type { WireState } from 'c/vclWireState';

/**
 * Voice Setup card: whether the scheduled retry job (VclCallRetrySchedule's quarter-hour jobs) runs and when it
 * runs next, and Run now. Processing creates the schedule by itself whenever it leaves work for later, so
 * nothing here has to be started; Run now makes sure of the schedule and processes waiting calls at once.
 */
export default class VclRetryJob extends LightningElement {
  statusState: WireState<RetryJobStatus> = NOT_LOADED;
  runError: string | null = null;
  isRunningNow = false;

  @wire(getRetryJobStatus)
  wiredRetryJobStatus(result: ApexWireResult<RetryJobStatus>): void {
    this.statusState = fromWire(this.statusState, result);
  }

  get status(): RetryJobStatus | undefined {
    return this.statusState.data;
  }

  get isStatusLoading(): boolean {
    return isLoading(this.statusState);
  }

  get isRunning(): boolean {
    return this.status?.scheduled === true;
  }

  /** Every quarter-hour entry exists: nothing left to start. */
  get isComplete(): boolean {
    const expected = this.status?.expectedJobs ?? 4;
    return this.isRunning && (this.status?.scheduledJobs ?? 0) >= expected;
  }

  /** The running state; ends with "— next run " when the formatted next run follows it. */
  get runningText(): string {
    const s = this.status;
    const running = this.isComplete
      ? 'Running every 15 minutes'
      : `Running ${s?.scheduledJobs ?? 0} of ${s?.expectedJobs ?? 4} quarter-hour jobs`;
    // Template whitespace is dropped, so the space before the date lives here.
    return s?.nextRunAt ? `${running} — next run ` : running;
  }

  get statusIcon(): string {
    return this.isComplete ? 'utility:success' : 'utility:warning';
  }

  get statusIconVariant(): string {
    return this.isComplete ? 'success' : 'warning';
  }

  get statusIconText(): string {
    return this.isComplete ? 'Scheduled' : 'Not fully scheduled';
  }

  get errorMessage(): string | null {
    return firstErrorText(this.runError, this.statusState.error);
  }

  get isRunNowDisabled(): boolean {
    return this.isRunningNow || !this.status;
  }

  async handleRunNow(): Promise<void> {
    this.isRunningNow = true;
    this.runError = null;
    try {
      const started = await runRetryJobNow({});
      this.dispatchEvent(
        new ShowToastEvent(
          started
            ? {
                title: 'Retry job started',
                message: 'Waiting calls are being processed now.',
                variant: 'success'
              }
            : { title: 'Nothing to retry', message: 'No call is waiting for processing.', variant: 'info' }
        )
      );
      await refreshWire(this.statusState);
    } catch (e) {
      this.runError = errorText(e);
    } finally {
      this.isRunningNow = false;
    }
  }
}
