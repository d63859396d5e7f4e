/** The sync log's datatable: its columns, the sort keys Apex accepts, and how a Call_Log__c row is shown. */
import { statusLabel, statusTone } from 'c/vclCallFormat';
/** Datatable column fieldName → VclSyncLogController.SORT_FIELDS key. */
export const SORT_KEYS = {
    name: 'name',
    statusLabel: 'status',
    startedAt: 'startedAt',
    receivedAt: 'receivedAt',
    fromNumber: 'fromNumber',
    attempts: 'attempts',
    nextAttemptAt: 'nextAttemptAt'
};
const STATUS_ICONS = {
    success: 'utility:success',
    warning: 'utility:warning',
    error: 'utility:error',
    info: 'utility:clock',
    neutral: 'utility:info'
};
const STATUS_TEXT_CLASSES = {
    success: 'slds-text-color_success',
    warning: 'slds-text-color_default',
    error: 'slds-text-color_error',
    info: 'slds-text-color_weak',
    neutral: ''
};
/** Callback_Status__c API name → what the table and the detail show. */
export const CALLBACK_LABELS = {
    Pending: 'Pending',
    Sent: 'Sent',
    Retrying: 'Retrying',
    Rejected: 'Rejected (not retried)',
    Gave_Up: 'Gave up'
};
const CALLBACK_ICONS = {
    Pending: 'utility:clock',
    Sent: 'utility:success',
    Retrying: 'utility:warning',
    Rejected: 'utility:error',
    Gave_Up: 'utility:error'
};
const DATE_TIME = { year: 'numeric', month: 'short', day: '2-digit', hour: '2-digit', minute: '2-digit' };
export const COLUMNS = [
    {
        label: 'Call log',
        fieldName: 'name',
        type: 'button',
        sortable: true,
        initialWidth: 130,
        typeAttributes: {
            label: { fieldName: 'name' },
            name: 'show_detail',
            variant: 'base',
            title: 'Show details'
        }
    },
    {
        label: 'Status',
        fieldName: 'statusLabel',
        type: 'text',
        sortable: true,
        initialWidth: 140,
        cellAttributes: { iconName: { fieldName: 'statusIcon' }, class: { fieldName: 'statusClass' } }
    },
    {
        label: 'Callback',
        fieldName: 'callbackLabel',
        type: 'text',
        initialWidth: 150,
        cellAttributes: { iconName: { fieldName: 'callbackIcon' } }
    },
    {
        label: 'Call started',
        fieldName: 'startedAt',
        type: 'date',
        sortable: true,
        initialWidth: 170,
        typeAttributes: DATE_TIME
    },
    {
        label: 'Received',
        fieldName: 'receivedAt',
        type: 'date',
        sortable: true,
        initialWidth: 170,
        typeAttributes: DATE_TIME
    },
    { label: 'From', fieldName: 'fromNumber', type: 'text', sortable: true, initialWidth: 160 },
    {
        label: 'Matched record',
        fieldName: 'matchedRecordUrl',
        type: 'url',
        initialWidth: 160,
        typeAttributes: { label: { fieldName: 'matchedRecordName' }, target: '_self' }
    },
    { label: 'Attempts', fieldName: 'attempts', type: 'number', sortable: true, initialWidth: 100 },
    {
        label: 'Next attempt',
        fieldName: 'nextAttemptAt',
        type: 'date',
        sortable: true,
        initialWidth: 170,
        typeAttributes: DATE_TIME
    },
    { label: 'Message', fieldName: 'message', type: 'text', wrapText: false, initialWidth: 420 }
];
/** What the table shows for a callback status: blank while status callbacks never ran for the call. */
export function callbackLabel(status) {
    return status ? (CALLBACK_LABELS[status] ?? status) : '';
}
/** The record page of an id, or null. */
export function recordUrl(id) {
    return id ? `/lightning/r/${id}/view` : null;
}
/** A sync-log row as the datatable shows it: status label, icon and colour, and a link to the matched record. */
export function toTableRow(row) {
    const tone = statusTone(row.status);
    return {
        ...row,
        statusLabel: statusLabel(row.status),
        statusIcon: STATUS_ICONS[tone],
        statusClass: STATUS_TEXT_CLASSES[tone],
        matchedRecordUrl: recordUrl(row.matchedRecordId),
        callbackLabel: callbackLabel(row.callbackStatus),
        callbackIcon: row.callbackStatus ? (CALLBACK_ICONS[row.callbackStatus] ?? null) : null
    };
}
