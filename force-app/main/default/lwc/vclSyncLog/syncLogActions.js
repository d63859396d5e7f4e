/** The sync log's row actions (Retry, Re-sync, Re-send callback): run one, toast its count, refresh the screen. */
import { ShowToastEvent } from 'lightning/platformShowToastEvent';
import { errorText } from 'c/vclCallFormat';
export function requeuedText(count) {
    return count === 0
        ? 'No calls needed re-queuing.'
        : `${count} call${count === 1 ? ' was' : 's were'} re-queued for processing.`;
}
export function resentText(count) {
    return count === 0
        ? 'None of the selected calls has an outcome to send yet.'
        : `The outcome of ${count} call${count === 1 ? '' : 's'} will be sent to the voice system again.`;
}
/** A button label with the number of selected rows, e.g. "Retry selected (3)". */
export function withCount(label, count) {
    return count ? `${label} (${count})` : label;
}
/** Runs the action; success toasts `describe(count)` and clears the selection, failure a sticky error toast. */
export async function runAction(host, action, title, describe = requeuedText) {
    host.isWorking = true;
    try {
        const count = await action();
        host.dispatchEvent(new ShowToastEvent({ title, message: describe(count), variant: count === 0 ? 'info' : 'success' }));
        host.selectedIds = [];
        await host.refreshScreen();
    }
    catch (e) {
        host.dispatchEvent(new ShowToastEvent({
            title: `${title} failed`,
            message: errorText(e),
            variant: 'error',
            mode: 'sticky'
        }));
    }
    finally {
        host.isWorking = false;
    }
}
