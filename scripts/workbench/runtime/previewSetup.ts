/**
 * PREVIEW BEHAVIOUR (workbench only) of the setup screens: settings validation (an approximation of
 * VclSettingsController.saveSettings), the phone-key backfill and retry job, Test Sync through the package's own
 * phone key (the port of VclPhoneKey.cls over the same rules resource), and the connection and integration user
 * (approximations of VclConnectionController.saveConnection and VclIntegrationUserController.saveIntegrationUser:
 * nothing is stored or checked locally).
 */
import { ApexError, type ApexKey, type PreviewContext, type PreviewHandler } from './store';
import { packagePhoneKey } from './packagePhoneKey';
import { SAMPLE_USERS } from './sampleUsers';
import { asNumber, asString, isRecord, type Row } from './previewValues';

// ---------------------------------------------------------------------------------------------------
// Phone key: the package's own rule (a port of VclPhoneKey.cls); '' when the input has no key.

export function previewPhoneKey(input: string, defaultCountryCode: string): string {
  return packagePhoneKey.parse(input, defaultCountryCode).key ?? '';
}

// ---------------------------------------------------------------------------------------------------
// Settings validation (approximation of VclSettingsController.saveSettings).

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
// Connection and integration user (approximations of VclConnectionController.saveConnection and
// VclIntegrationUserController.saveIntegrationUser: nothing is stored or checked locally).

const HTTPS_URL = /^https:\/\/[^\s/?#@]+(\/[^\s?#]*)?$/;

function saveConnectionPreview(context: PreviewContext): unknown {
  const stored = context.get('VclConnectionController.getConnectionStatus');
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
  context.set('VclConnectionController.getConnectionStatus', saved);
  return saved;
}

function saveIntegrationUserPreview(context: PreviewContext): unknown {
  const userId = asString(context.params.userId);
  if (!userId || !userId.startsWith('005')) {
    throw new ApexError(`Choose a user: "${String(userId)}" is not a user id.`);
  }
  const stored = context.get('VclIntegrationUserController.getIntegrationUserStatus');
  if (isRecord(stored) && stored.userId === userId) {
    return stored;
  }
  // Another sample user: the saveIntegrationUser fixture, renamed (the workbench checks nothing).
  const fixture = context.get('VclIntegrationUserController.saveIntegrationUser');
  const base: Row = isRecord(fixture) ? fixture : {};
  // Exact match: the sample users' ids differ only after their 15th character.
  const name = SAMPLE_USERS.find((record) => record.id === userId)?.name ?? 'Sample user';
  const fixtureName = asString(base.displayName) ?? '';
  const renamed = JSON.parse(
    fixtureName ? JSON.stringify(base).split(fixtureName).join(name) : JSON.stringify(base)
  ) as Row;
  const saved = { ...renamed, userId };
  context.set('VclIntegrationUserController.getIntegrationUserStatus', saved);
  return saved;
}

/** The backfill job id: the startPhoneKeyBackfill fixture's, else the progress fixture's. */
function backfillJobId(context: PreviewContext): string {
  const started = context.get('VclPhoneKeyBackfillController.startPhoneKeyBackfill');
  const progress = context.get('VclPhoneKeyBackfillController.getBackfillProgress');
  return (
    asString(started) ?? (isRecord(progress) ? asString(progress.jobId) : undefined) ?? '7075g00000WbJobAAA'
  );
}

const BACKFILL_STEPS = 4;

/** VclCallRetrySchedule's quarter-hour jobs (:00, :15, :30, :45). */
const RETRY_JOBS = 4;
const QUARTER_HOUR_MS = 15 * 60 * 1000;

/** The first quarter hour strictly after `ms` (when the next of the four hourly jobs fires). */
export function nextQuarterHour(ms: number): string {
  return new Date((Math.floor(ms / QUARTER_HOUR_MS) + 1) * QUARTER_HOUR_MS).toISOString();
}

/** Handlers of the Voice Setup screen's actions. */
export function setupHandlers(): Record<ApexKey, PreviewHandler> {
  return {
    'VclSettingsController.saveSettings': (context) => {
      const settings = context.params.settings;
      if (!isRecord(settings)) {
        throw new ApexError('settings: required');
      }
      const saved = { ...(context.get('VclSettingsController.getSettings') as Row), ...settings };
      const problems = settingsProblems(saved);
      if (problems.length > 0) {
        throw new ApexError(`Settings not saved: ${problems.join('; ')}.`);
      }
      context.set('VclSettingsController.getSettings', saved);
      return saved;
    },
    'VclPhoneKeyBackfillController.startPhoneKeyBackfill': (context) => {
      const jobId = backfillJobId(context);
      context.scratch.set(`backfill:${jobId}`, 0);
      return jobId;
    },
    'VclRetryJobController.runRetryJobNow': (context) => {
      // Like VclRetryJobController.runRetryJobNow: makes sure of the schedule (adds the missing entries); the
      // preview has no waiting calls to start processing for.
      const stored = context.get('VclRetryJobController.getRetryJobStatus');
      const base: Row = isRecord(stored) ? stored : {};
      const expected = asNumber(base.expectedJobs) ?? RETRY_JOBS;
      context.set('VclRetryJobController.getRetryJobStatus', {
        ...base,
        scheduled: true,
        scheduledJobs: expected,
        expectedJobs: expected,
        nextRunAt: nextQuarterHour(context.now())
      });
      return false;
    },
    'VclPhoneKeyBackfillController.getBackfillProgress': (context) => {
      const fixture = context.get('VclPhoneKeyBackfillController.getBackfillProgress');
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
    'VclPhoneTestSyncController.testSync': (context) => {
      const input = asString(context.params.phoneNumber) ?? '';
      const fixture = context.get('VclPhoneTestSyncController.testSync');
      const base: Row = isRecord(fixture) ? fixture : {};
      const settings = context.get('VclSettingsController.getSettings');
      const countryCode = (isRecord(settings) ? asString(settings.defaultCountryCode) : undefined) ?? '1';
      const reading = packagePhoneKey.parse(input, countryCode);
      // How the number was read: the same fields VclPhoneTestSyncController.testSync returns.
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
    'VclConnectionController.saveConnection': (context) => saveConnectionPreview(context),
    'VclIntegrationUserController.saveIntegrationUser': (context) => saveIntegrationUserPreview(context),
    'VclConnectionController.testConnection': (context) => {
      const fixture =
        context.get('VclConnectionController.testConnection') ??
        context.get('VclConnectionController.getConnectionStatus');
      const result = {
        ...(isRecord(fixture) ? fixture : {}),
        checkedAt: new Date(context.now()).toISOString()
      };
      if (context.get('VclConnectionController.getConnectionStatus') !== undefined) {
        context.set('VclConnectionController.getConnectionStatus', result);
      }
      return result;
    }
  };
}
