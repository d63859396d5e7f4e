/**
 * PREVIEW BEHAVIOUR (workbench only) of the screens that list Call_Log__c rows: the sync log (paging, filters,
 * detail), the record-page call panel, and retry / re-sync (VclSyncLogController), which re-queue rows in the
 * stored fixtures. Nothing is processed locally.
 */
import {
  extendRows,
  filterRows,
  isPageFixture,
  pageOf,
  sortRows,
  syntheticId,
  type PageFixture,
  type RowQuery
} from './previewRows';
import { sameId } from './pageReferences';
import { ApexError, type ApexKey, type PreviewContext, type PreviewHandler } from './store';
import { asNumber, asString, isRecord, type Row } from './previewValues';

const FAILED_STATUSES = new Set(['Failed', 'Dead_Letter', 'Dead Letter', 'failed', 'dead_letter']);

/** Status keys a sync-log row may carry: SObject shape (`Status__c`) or a DTO (`status`). */
const STATUS_KEYS = ['Status__c', 'status'];
const ID_KEYS = ['Id', 'id', 'callLogId'];

function rowId(row: Row): string | undefined {
  for (const key of ID_KEYS) {
    const id = asString(row[key]);
    if (id) {
      return id;
    }
  }
  return undefined;
}

function statusKey(row: Row): string | undefined {
  return STATUS_KEYS.find((key) => typeof row[key] === 'string');
}

/**
 * Visits every object inside `value` that looks like a Call_Log__c row (has an id and a status) and
 * lets `update` change it in place. Returns how many rows `update` reported as changed.
 */
export function updateCallRows(value: unknown, update: (row: Row, statusField: string) => boolean): number {
  let changed = 0;
  const visit = (node: unknown): void => {
    if (Array.isArray(node)) {
      node.forEach(visit);
      return;
    }
    if (!isRecord(node)) {
      return;
    }
    const field = statusKey(node);
    if (field && rowId(node) && update(node, field)) {
      changed += 1;
    }
    Object.values(node).forEach(visit);
  };
  visit(value);
  return changed;
}

/** Every stored method value whose rows look like Call_Log__c rows (the sync log and its details). */
function requeueRows(
  context: PreviewContext,
  keys: ApexKey[],
  shouldRequeue: (row: Row, field: string) => boolean
): number {
  const requeued = new Set<string>();
  for (const key of keys) {
    const value = context.get(key);
    const count = updateCallRows(value, (row, field) => {
      if (!shouldRequeue(row, field)) {
        return false;
      }
      // Re-queued: processing picks the row up again (status Received, due now).
      row[field] = 'Received';
      const now = new Date(context.now()).toISOString();
      for (const dueField of ['Next_Attempt_At__c', 'nextAttemptAt']) {
        if (dueField in row) {
          row[dueField] = now;
        }
      }
      for (const messageField of ['Status_Message__c', 'message']) {
        if (messageField in row) {
          row[messageField] = 'Re-queued for processing (workbench preview: nothing is processed locally).';
        }
      }
      requeued.add(rowId(row) ?? '');
      return true;
    });
    if (count > 0) {
      context.set(key, value);
    }
  }
  return requeued.size;
}

// ---------------------------------------------------------------------------------------------------
// List screens: the fixture page extended to its `total`, then filtered/sorted/paged per request.

/** Extends a page fixture to its total once (stored, so retries change the same rows later reads see). */
function materializePages(context: PreviewContext, key: ApexKey): PageFixture {
  const stored = context.get(key);
  if (!isPageFixture(stored)) {
    throw new ApexError(`Workbench: the fixture for ${key} has no "rows" array.`);
  }
  const total = asNumber(stored.total) ?? stored.rows.length;
  if (stored.rows.length >= total) {
    return stored;
  }
  const extended = { ...stored, rows: extendRows(stored.rows, total) };
  context.set(key, extended);
  return extended;
}

/**
 * The panel fixture holds one record's calls. For another record (the sample Contact), the panel shows
 * that record's sync-log rows, dressed with the fixture's summaries and durations so it reads like a
 * real history (PREVIEW BEHAVIOUR — sample data).
 */
function panelRowsFor(context: PreviewContext, calls: PageFixture, recordId: string): Row[] {
  const fixtureRecordId = calls.rows.map((row) => asString(row.matchedRecordId)).find((id) => id);
  if (
    !fixtureRecordId ||
    sameId(fixtureRecordId, recordId) ||
    !isPageFixture(context.get('VclSyncLogController.getCallLogs'))
  ) {
    return calls.rows;
  }
  const matched = materializePages(context, 'VclSyncLogController.getCallLogs').rows.filter(
    (row) => typeof row.matchedRecordId === 'string' && sameId(row.matchedRecordId, recordId)
  );
  return sortRows(matched, 'startedAt', 'desc').map((row, index) => {
    const template = calls.rows[index % Math.max(1, calls.rows.length)] ?? {};
    return {
      id: row.id,
      name: row.name,
      direction: row.direction,
      fromNumber: row.fromNumber,
      toNumber: row.toNumber,
      startedAt: row.startedAt,
      status: row.status,
      durationSeconds: template.durationSeconds ?? null,
      disposition: template.disposition ?? null,
      summary: template.summary ?? null,
      recordingUrl: template.recordingUrl ?? null,
      transcriptUrl: null,
      // A transcript File where the fixture row at the same place has one, so the preview shows both kinds.
      transcriptFileId: template.transcriptFileId ? syntheticId('069', index + 1) : null,
      taskId: row.status === 'Logged' ? syntheticId('00T', index + 1) : null,
      eventId: null,
      matchedRecordId: row.matchedRecordId,
      matchedRecordName: row.matchedRecordName
    };
  });
}

/** A plausible detail for a sync-log row that has no detail fixture of its own. */
function syntheticDetail(base: Row, row: Row): Row {
  const inbound = row.direction !== 'Outbound';
  const caller = asString(inbound ? row.fromNumber : row.toNumber) ?? '';
  const callerKey = caller.replace(/\D/g, '') || null;
  const attempts = asNumber(row.attempts) ?? 0;
  const receivedAt = asString(row.receivedAt) ?? asString(row.startedAt) ?? '';
  const trail = Array.from(
    { length: attempts },
    (_, i) =>
      `${receivedAt.replace(/\.\d{3}Z$/, 'Z')} attempt ${i + 1}: ${String(row.status)}${row.message ? ` - ${String(row.message)}` : ''}`
  );
  const payload = {
    externalCallId: row.externalCallId,
    direction: inbound ? 'inbound' : 'outbound',
    from: row.fromNumber,
    to: row.toNumber,
    startedAt: row.startedAt,
    durationSeconds: asNumber(base.durationSeconds) ?? 120
  };
  return {
    ...base,
    row,
    processedAt: row.status === 'Received' ? null : receivedAt,
    attemptTrail: trail.join('\n') || null,
    rawPayload: JSON.stringify(payload),
    matchDetails:
      row.matchedObject && callerKey ? `${String(row.matchedObject)}.Phone key ${callerKey}` : null,
    candidateCount: row.matchedRecordId ? 1 : 0,
    callerPhoneKey: callerKey,
    receivedCount: 1,
    taskId:
      row.status === 'Logged'
        ? syntheticId('00T', Number(String(row.name ?? '').replace(/\D/g, '')) || 1)
        : null,
    eventId: null,
    callback: row.callbackStatus
      ? {
          status: row.callbackStatus,
          attempts: row.callbackStatus === 'Pending' ? 0 : 1,
          lastError: row.callbackStatus === 'Retrying' ? 'HTTP 503 Service Unavailable' : null,
          nextAttemptAt: null,
          outcomeAttempt: Math.max(1, attempts)
        }
      : null
  };
}

/** Keys of stored methods that hold Call_Log__c rows, i.e. everything except setup/mapping data. */
function callRowKeys(context: PreviewContext, allKeys: readonly ApexKey[]): ApexKey[] {
  return allKeys.filter(
    (key) =>
      !/^(VclSettingsController|VclPhoneTestSyncController|VclPhoneKeyBackfillController|VclRetryJobController|VclFieldMappingController|VclConnectionController|VclIntegrationUserController)\./.test(
        key
      ) && context.get(key) !== undefined
  );
}

/**
 * Handlers of the call-row screens. `allKeys` lists every method with a fixture, so retry and re-sync can
 * update whichever sync-log methods the screens use.
 */
export function callLogHandlers(allKeys: readonly ApexKey[]): Record<ApexKey, PreviewHandler> {
  return {
    'VclSyncLogController.retryCalls': (context) => {
      const ids = new Set(
        (Array.isArray(context.params.callLogIds) ? context.params.callLogIds : []).map(String)
      );
      if (ids.size === 0) {
        throw new ApexError('Select at least one call to retry.');
      }
      return requeueRows(context, callRowKeys(context, allKeys), (row) => ids.has(rowId(row) ?? ''));
    },
    'VclSyncLogController.resyncFailed': (context) =>
      requeueRows(context, callRowKeys(context, allKeys), (row, field) =>
        FAILED_STATUSES.has(String(row[field]))
      ),
    'VclSyncLogController.resendCallbacks': (context) => {
      // Preview: the chosen calls with an outcome wait for the callback again (nothing is sent locally).
      const ids = new Set(
        (Array.isArray(context.params.callLogIds) ? context.params.callLogIds : []).map(String)
      );
      let resent = 0;
      for (const key of callRowKeys(context, allKeys)) {
        const value = context.get(key);
        const count = updateCallRows(value, (row, field) => {
          if (!ids.has(rowId(row) ?? '') || row[field] === 'Received' || !('callbackStatus' in row)) {
            return false;
          }
          row.callbackStatus = 'Pending';
          return true;
        });
        if (count > 0) {
          context.set(key, value);
          resent = Math.max(resent, count);
        }
      }
      return resent;
    },
    'VclSyncLogController.getCallLogs': (context) => {
      const logs = materializePages(context, 'VclSyncLogController.getCallLogs');
      const query = (isRecord(context.params.q) ? context.params.q : context.params) as RowQuery & Row;
      const rows = sortRows(
        filterRows(logs.rows, query),
        asString(query.sortBy) ?? 'receivedAt',
        asString(query.sortDirection) ?? 'desc'
      );
      return pageOf(
        logs,
        rows,
        asNumber(query.offsetRows) ?? 0,
        asNumber(query.pageSize) ?? asNumber(logs.pageSize) ?? 50
      );
    },
    'VclSyncLogController.getCallLogDetail': (context) => {
      const id = asString(context.params.callLogId);
      if (!id) {
        return null;
      }
      const fixture = context.get('VclSyncLogController.getCallLogDetail');
      const base: Row = isRecord(fixture) ? fixture : {};
      const row = materializePages(context, 'VclSyncLogController.getCallLogs').rows.find((r) => r.id === id);
      if (!row) {
        throw new ApexError('This call log was deleted or you do not have access to it.');
      }
      return isRecord(base.row) && base.row.id === id ? { ...base, row } : syntheticDetail(base, row);
    },
    'VclCallLogPanelController.getCalls': (context) => {
      const calls = materializePages(context, 'VclCallLogPanelController.getCalls');
      const recordId = asString(context.params.recordId);
      const rows = recordId ? panelRowsFor(context, calls, recordId) : calls.rows;
      return pageOf(
        calls,
        rows,
        asNumber(context.params.offsetRows) ?? 0,
        asNumber(context.params.pageSize) ?? asNumber(calls.pageSize) ?? 10
      );
    }
  };
}
