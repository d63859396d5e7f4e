/**
 * PREVIEW BEHAVIOUR — workbench only, never shipped to Salesforce and never used by Apex or the org
 * scripts. Approximations of what the data-changing Apex methods do, applied to the in-memory fixtures
 * so the screens can be clicked through locally. The real rules live in Apex (each screen's controller
 * under force-app/main/screens/<screen>/classes and the services it calls); keep these simple and
 * clearly labelled rather than faithful in every detail.
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
import { packagePhoneKey } from './packagePhoneKey';
import { SAMPLE_USERS } from './sampleUsers';

type Row = Record<string, unknown>;

function isRecord(value: unknown): value is Row {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function asString(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

function asNumber(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isFinite(value) ? value : undefined;
}

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
// Phone key: the package's own rule (a port of PhoneKey.cls); '' when the input has no key.

export function previewPhoneKey(input: string, defaultCountryCode: string): string {
  return packagePhoneKey.parse(input, defaultCountryCode).key ?? '';
}

// ---------------------------------------------------------------------------------------------------
// Field mapping type check: a copy of CallFieldMappings.check's table and messages
// (force-app/main/settings/classes/CallFieldMappings.cls) over the fixtures' describe data.

const COMPATIBLE_TARGETS: Readonly<Record<string, readonly string[]>> = {
  STRING: ['STRING', 'TEXTAREA', 'PICKLIST', 'COMBOBOX', 'PHONE', 'EMAIL', 'URL'],
  TEXTAREA: ['TEXTAREA'],
  URL: ['URL', 'STRING', 'TEXTAREA'],
  INTEGER: ['INTEGER', 'DOUBLE', 'LONG', 'CURRENCY', 'PERCENT', 'STRING', 'TEXTAREA'],
  DATETIME: ['DATETIME', 'DATE', 'STRING', 'TEXTAREA'],
  ANY: [
    'STRING',
    'TEXTAREA',
    'PICKLIST',
    'COMBOBOX',
    'PHONE',
    'EMAIL',
    'URL',
    'INTEGER',
    'DOUBLE',
    'LONG',
    'CURRENCY',
    'PERCENT',
    'BOOLEAN'
  ]
};
const TARGET_OBJECTS = ['Task', 'Event', 'Lead', 'Call_Log__c'];

function findByKey(list: unknown, keyField: string, key: string): Row | undefined {
  if (!Array.isArray(list)) {
    return undefined;
  }
  return list.find((item): item is Row => isRecord(item) && item[keyField] === key);
}

/** Target fields of one object from the listTargetFields fixture (a map by object, or one array). */
export function targetFieldsFor(context: PreviewContext, objectApiName: string): unknown[] {
  const stored = context.get('FieldMappingController.listTargetFields');
  const fields = isRecord(stored) ? stored[objectApiName] : stored;
  return Array.isArray(fields) ? fields : [];
}

export function checkMappingPreview(
  context: PreviewContext,
  payloadKey: string,
  targetObject: string,
  targetField: string
): string | null {
  const payload = findByKey(context.get('FieldMappingController.listPayloadKeys'), 'key', payloadKey);
  const sourceType = asString(payload?.dataType) ?? (/^properties\..+/.test(payloadKey) ? 'ANY' : undefined);
  if (!sourceType) {
    return `Unknown payload key "${payloadKey}": use a core key or properties.<name>.`;
  }
  if (!TARGET_OBJECTS.includes(targetObject)) {
    return `Target object must be Task, Event, Lead or Call_Log__c, not "${targetObject}".`;
  }
  const field = findByKey(targetFieldsFor(context, targetObject), 'apiName', targetField);
  if (!field) {
    return `${targetObject} has no field "${targetField}".`;
  }
  const targetType = (asString(field.dataType) ?? '').toUpperCase();
  if (!(COMPATIBLE_TARGETS[sourceType] ?? []).includes(targetType)) {
    return `A ${sourceType} payload value (${payloadKey}) can't go into ${targetObject}.${targetField} (${targetType}).`;
  }
  return null;
}

// ---------------------------------------------------------------------------------------------------
// Settings validation (approximation of VoiceSettingsController.saveSettings).

function settingsProblems(settings: Row): string[] {
  const problems: string[] = [];
  const intInRange = (field: string, min: number, max: number): void => {
    const value = asNumber(settings[field]);
    if (value === undefined || !Number.isInteger(value) || value < min || value > max) {
      problems.push(`${field} must be a whole number from ${min} to ${max}`);
    }
  };
  intInRange('syncThreshold', 1, 200);
  intInRange('eventDurationMinutes', 1, 1440);
  intInRange('reminderMinutesBefore', 0, 1440);
  if (!/^\d{1,3}$/.test(asString(settings.defaultCountryCode) ?? '')) {
    problems.push('defaultCountryCode must be 1 to 3 digits');
  }
  for (const field of ['inboundTaskSubject', 'outboundTaskSubject', 'eventSubject']) {
    if (!(asString(settings[field]) ?? '').trim()) {
      problems.push(`${field} is required`);
    }
  }
  if (settings.ownerRule === 'DefaultOwner' && !asString(settings.defaultOwnerId)) {
    problems.push('defaultOwnerId is required when ownerRule is DefaultOwner');
  }
  return problems;
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
    !isPageFixture(context.get('SyncLogController.getCallLogs'))
  ) {
    return calls.rows;
  }
  const matched = materializePages(context, 'SyncLogController.getCallLogs').rows.filter(
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
    eventId: null
  };
}

// ---------------------------------------------------------------------------------------------------

/** Keys of stored methods that hold Call_Log__c rows, i.e. everything except setup/mapping data. */
function callRowKeys(context: PreviewContext, allKeys: readonly ApexKey[]): ApexKey[] {
  return allKeys.filter(
    (key) =>
      !/^(VoiceSettingsController|PhoneTestSyncController|PhoneKeyBackfillController|RetryJobController|FieldMappingController|VoiceConnectionController|VoiceIntegrationUserController)\./.test(
        key
      ) && context.get(key) !== undefined
  );
}

/**
 * Methods whose preview answer is computed (from the request and other methods' fixtures), so they need
 * no fixture of their own. Every other Apex method a component imports must have one.
 */
export const COMPUTED_METHODS: ReadonlySet<ApexKey> = new Set([
  'SyncLogController.retryCalls',
  'SyncLogController.resyncFailed',
  'PhoneKeyBackfillController.startPhoneKeyBackfill',
  'RetryJobController.runRetryJobNow',
  'VoiceSettingsController.saveSettings',
  'FieldMappingController.checkMapping',
  'FieldMappingController.saveMappings',
  'FieldMappingController.restoreDefaultMappings',
  'VoiceConnectionController.testConnection',
  'VoiceConnectionController.saveConnection',
  'VoiceIntegrationUserController.saveIntegrationUser'
]);

// ---------------------------------------------------------------------------------------------------
// Connection and integration user (approximations of VoiceConnectionController.saveConnection and
// VoiceIntegrationUserController.saveIntegrationUser: nothing is stored or checked locally).

const HTTPS_URL = /^https:\/\/[^\s/?#@]+(\/[^\s?#]*)?$/;

function saveConnectionPreview(context: PreviewContext): unknown {
  const stored = context.get('VoiceConnectionController.getConnectionStatus');
  const base: Row = isRecord(stored) ? stored : {};
  const url = (asString(context.params.url) ?? '').trim().replace(/\/+$/, '');
  const apiKey = asString(context.params.apiKey) ?? '';
  const currentUrl = asString(base.url) ?? null;
  if (!url && !apiKey) {
    throw new ApexError('Enter the voice system URL, the API key, or both.');
  }
  if (url && !HTTPS_URL.test(url)) {
    throw new ApexError(
      "The URL must be the voice system's https address, without user name, query or fragment (e.g. https://api.voice.example.com/v1)."
    );
  }
  if (apiKey && /\s/.test(apiKey)) {
    throw new ApexError('The API key must be printable characters without spaces or line breaks.');
  }
  if (url && currentUrl && url !== currentUrl) {
    throw new ApexError(
      `The URL is already set to ${currentUrl}. Apex can create a named credential but not change one: change the URL in Setup → Named Credentials → Voice System → Edit, then test the connection here.`
    );
  }
  if (!currentUrl && !url) {
    throw new ApexError('Enter the voice system URL first: the API key is used with it.');
  }
  const apiKeySet = base.apiKeySet === true || apiKey.length > 0;
  const saved = {
    ...base,
    url: currentUrl ?? url,
    urlSet: true,
    apiKeySet,
    ok: false,
    outcome: apiKeySet ? null : 'NOT_CONFIGURED',
    statusCode: null,
    checkedAt: null,
    message: apiKeySet
      ? 'URL and API key are saved; the connection has not been tested yet.'
      : 'The API key is not stored: enter it and save.'
  };
  context.set('VoiceConnectionController.getConnectionStatus', saved);
  return saved;
}

function saveIntegrationUserPreview(context: PreviewContext): unknown {
  const userId = asString(context.params.userId);
  if (!userId || !userId.startsWith('005')) {
    throw new ApexError(`Choose a user: "${String(userId)}" is not a user id.`);
  }
  const stored = context.get('VoiceIntegrationUserController.getIntegrationUserStatus');
  if (isRecord(stored) && stored.userId === userId) {
    return stored;
  }
  // Another sample user: the saveIntegrationUser fixture, renamed (the workbench checks nothing).
  const fixture = context.get('VoiceIntegrationUserController.saveIntegrationUser');
  const base: Row = isRecord(fixture) ? fixture : {};
  // Exact match: the sample users' ids differ only after their 15th character.
  const name = SAMPLE_USERS.find((record) => record.id === userId)?.name ?? 'Sample user';
  const fixtureName = asString(base.displayName) ?? '';
  const renamed = JSON.parse(
    fixtureName ? JSON.stringify(base).split(fixtureName).join(name) : JSON.stringify(base)
  ) as Row;
  const saved = { ...renamed, userId };
  context.set('VoiceIntegrationUserController.getIntegrationUserStatus', saved);
  return saved;
}

/** The backfill job id: the startPhoneKeyBackfill fixture's, else the progress fixture's. */
function backfillJobId(context: PreviewContext): string {
  const started = context.get('PhoneKeyBackfillController.startPhoneKeyBackfill');
  const progress = context.get('PhoneKeyBackfillController.getBackfillProgress');
  return (
    asString(started) ?? (isRecord(progress) ? asString(progress.jobId) : undefined) ?? '7075g00000WbJobAAA'
  );
}

const BACKFILL_STEPS = 4;

/** CallRetrySchedule's quarter-hour jobs (:00, :15, :30, :45). */
const RETRY_JOBS = 4;
const QUARTER_HOUR_MS = 15 * 60 * 1000;

/** The first quarter hour strictly after `ms` (when the next of the four hourly jobs fires). */
export function nextQuarterHour(ms: number): string {
  return new Date((Math.floor(ms / QUARTER_HOUR_MS) + 1) * QUARTER_HOUR_MS).toISOString();
}

/**
 * Builds the preview handlers. `allKeys` lists every method with a fixture, so row-changing actions
 * (retry, re-sync) can update whichever sync-log methods the screens use.
 */
export function createPreviewHandlers(allKeys: readonly ApexKey[]): Record<ApexKey, PreviewHandler> {
  return {
    'SyncLogController.retryCalls': (context) => {
      const ids = new Set(
        (Array.isArray(context.params.callLogIds) ? context.params.callLogIds : []).map(String)
      );
      if (ids.size === 0) {
        throw new ApexError('Select at least one call to retry.');
      }
      return requeueRows(context, callRowKeys(context, allKeys), (row) => ids.has(rowId(row) ?? ''));
    },
    'SyncLogController.resyncFailed': (context) =>
      requeueRows(context, callRowKeys(context, allKeys), (row, field) =>
        FAILED_STATUSES.has(String(row[field]))
      ),

    'VoiceSettingsController.saveSettings': (context) => {
      const settings = context.params.settings;
      if (!isRecord(settings)) {
        throw new ApexError('settings: required');
      }
      const problems = settingsProblems({
        ...(context.get('VoiceSettingsController.getSettings') as Row),
        ...settings
      });
      if (problems.length > 0) {
        throw new ApexError(`Settings not saved: ${problems.join('; ')}.`);
      }
      const saved = { ...(context.get('VoiceSettingsController.getSettings') as Row), ...settings };
      context.set('VoiceSettingsController.getSettings', saved);
      return saved;
    },
    'PhoneKeyBackfillController.startPhoneKeyBackfill': (context) => {
      const jobId = backfillJobId(context);
      context.scratch.set(`backfill:${jobId}`, 0);
      return jobId;
    },
    'RetryJobController.runRetryJobNow': (context) => {
      // Like RetryJobController.runRetryJobNow: makes sure of the schedule (adds the missing entries); the
      // preview has no waiting calls to start processing for.
      const stored = context.get('RetryJobController.getRetryJobStatus');
      const base: Row = isRecord(stored) ? stored : {};
      const expected = asNumber(base.expectedJobs) ?? RETRY_JOBS;
      context.set('RetryJobController.getRetryJobStatus', {
        ...base,
        scheduled: true,
        scheduledJobs: expected,
        expectedJobs: expected,
        nextRunAt: nextQuarterHour(context.now())
      });
      return false;
    },
    'PhoneKeyBackfillController.getBackfillProgress': (context) => {
      const fixture = context.get('PhoneKeyBackfillController.getBackfillProgress');
      const base: Row = isRecord(fixture) ? fixture : {};
      const jobId = asString(context.params.jobId);
      if (!jobId || jobId !== backfillJobId(context)) {
        return fixture;
      }
      // Each poll moves the job on by a quarter, from where it was (or from the fixture's point).
      const total = Math.max(1, asNumber(base.totalBatches) ?? 12);
      const previous = context.scratch.get(`backfill:${jobId}`);
      const from = typeof previous === 'number' ? previous : (asNumber(base.batchesProcessed) ?? 0);
      const processed = Math.min(total, from + Math.ceil(total / BACKFILL_STEPS));
      context.scratch.set(`backfill:${jobId}`, processed);
      const done = processed >= total;
      return {
        ...base,
        jobId,
        status: done ? 'Completed' : 'Processing',
        totalBatches: total,
        batchesProcessed: processed,
        failedBatches: 0,
        message: done
          ? `Phone keys back-filled: ${total} of ${total} batches.`
          : (base.message ?? `${processed} of ${total} batches processed.`),
        done
      };
    },
    'PhoneTestSyncController.testSync': (context) => {
      const input = asString(context.params.phoneNumber) ?? '';
      const fixture = context.get('PhoneTestSyncController.testSync');
      const base: Row = isRecord(fixture) ? fixture : {};
      const settings = context.get('VoiceSettingsController.getSettings');
      const countryCode = (isRecord(settings) ? asString(settings.defaultCountryCode) : undefined) ?? '1';
      const reading = packagePhoneKey.parse(input, countryCode);
      // How the number was read: the same fields PhoneTestSyncController.testSync returns.
      const read = {
        input,
        phoneKey: reading.key,
        problem: reading.problem,
        countryCode: reading.countryCode,
        nationalNumber: reading.nationalNumber,
        ignored: reading.ignored,
        rulesVersion: packagePhoneKey.rulesVersion
      };
      if (!reading.key) {
        return {
          ...read,
          matched: false,
          candidateCount: 0,
          explanation: `The number is unusable (${reading.problem}): a call from it would be Unmatched.`,
          candidates: []
        };
      }
      if (!asString(base.phoneKey) || base.phoneKey === reading.key) {
        return { ...base, ...read };
      }
      return {
        ...read,
        matched: false,
        matchedObject: null,
        matchedRecordId: null,
        matchedRecordName: null,
        matchedField: null,
        candidateCount: 0,
        explanation: `No Lead or Contact has the phone key ${reading.key}. The call would be logged as Unmatched.`,
        candidates: []
      };
    },

    'FieldMappingController.listTargetFields': (context) =>
      targetFieldsFor(context, String(context.params.objectApiName ?? '')),
    'FieldMappingController.checkMapping': (context) =>
      checkMappingPreview(
        context,
        String(context.params.payloadKey ?? ''),
        String(context.params.targetObject ?? ''),
        String(context.params.targetField ?? '')
      ),
    'FieldMappingController.saveMappings': (context) => {
      const mappings = Array.isArray(context.params.mappings) ? context.params.mappings.filter(isRecord) : [];
      mappings.forEach((mapping, index) => {
        if (mapping.enabled === false) {
          return;
        }
        const reason = checkMappingPreview(
          context,
          String(mapping.payloadKey ?? ''),
          String(mapping.targetObject ?? ''),
          String(mapping.targetField ?? '')
        );
        if (reason) {
          throw new ApexError(
            `Mappings not saved. Row ${index + 1} (${String(mapping.payloadKey)} → ${String(mapping.targetObject)}.${String(mapping.targetField)}): ${reason}`
          );
        }
      });
      const saved = mappings.map((mapping, index) => ({
        ...mapping,
        id: asString(mapping.id) ?? `m0Wpreview${String(index).padStart(5, '0')}`,
        isDefault: mapping.isDefault === true
      }));
      context.set('FieldMappingController.listMappings', saved);
      return saved;
    },
    'FieldMappingController.restoreDefaultMappings': (context) => {
      const original = context.original('FieldMappingController.listMappings');
      const defaults = Array.isArray(original)
        ? original.filter((m) => isRecord(m) && m.isDefault !== false)
        : [];
      context.set('FieldMappingController.listMappings', defaults);
      return defaults;
    },

    'SyncLogController.getCallLogs': (context) => {
      const logs = materializePages(context, 'SyncLogController.getCallLogs');
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
    'SyncLogController.getCallLogDetail': (context) => {
      const id = asString(context.params.callLogId);
      if (!id) {
        return null;
      }
      const fixture = context.get('SyncLogController.getCallLogDetail');
      const base: Row = isRecord(fixture) ? fixture : {};
      const row = materializePages(context, 'SyncLogController.getCallLogs').rows.find((r) => r.id === id);
      if (!row) {
        throw new ApexError('This call log was deleted or you do not have access to it.');
      }
      return isRecord(base.row) && base.row.id === id ? { ...base, row } : syntheticDetail(base, row);
    },
    'CallLogPanelController.getCalls': (context) => {
      const calls = materializePages(context, 'CallLogPanelController.getCalls');
      const recordId = asString(context.params.recordId);
      const rows = recordId ? panelRowsFor(context, calls, recordId) : calls.rows;
      return pageOf(
        calls,
        rows,
        asNumber(context.params.offsetRows) ?? 0,
        asNumber(context.params.pageSize) ?? asNumber(calls.pageSize) ?? 10
      );
    },

    'VoiceConnectionController.saveConnection': (context) => saveConnectionPreview(context),
    'VoiceIntegrationUserController.saveIntegrationUser': (context) => saveIntegrationUserPreview(context),
    'VoiceConnectionController.testConnection': (context) => {
      const fixture =
        context.get('VoiceConnectionController.testConnection') ??
        context.get('VoiceConnectionController.getConnectionStatus');
      const result = {
        ...(isRecord(fixture) ? fixture : {}),
        checkedAt: new Date(context.now()).toISOString()
      };
      if (context.get('VoiceConnectionController.getConnectionStatus') !== undefined) {
        context.set('VoiceConnectionController.getConnectionStatus', result);
      }
      return result;
    }
  };
}
