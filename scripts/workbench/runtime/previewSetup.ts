/**
 * PREVIEW BEHAVIOUR (workbench only) of the setup screens: settings validation (VclSettingsValidator's checks
 * that need no org), the phone-key backfill and retry job, Test Sync through the package's own phone key (the port
 * of VclPhoneKey.cls over the same rules resource), and the connection and integration user
 * (VclConnectionController.saveConnection's checks; VclIntegrationUserController.saveIntegrationUser renames its
 * fixture: nothing is stored or checked locally).
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
// Settings validation: the checks of VclSettingsValidator.problems that need no org, with its messages.
// Shared, not copied: the country calling codes (the phone-key rules resource VclPhoneKey.isCountryCode reads).
// Copied, because the browser bundle reads neither Apex nor field XML: the numeric ranges (Apex constants:
// MAX_BATCH, a day, a week) and the text lengths (the Voice_Call_Settings__c field lengths, which the Apex reads
// by describe). scripts/workbench/lib/setupPreview.test.ts compares both tables with those sources, so they
// cannot drift. Left out: the active-user check (there are no users to query).

/** VclSettingsValidator's checkRange calls: [lowest, highest]. */
export const SETTINGS_RANGES: Readonly<Record<string, readonly [number, number]>> = {
  syncThreshold: [0, 200],
  eventDurationMinutes: [1, 1440],
  reminderMinutesBefore: [0, 10080]
};

/** Longest value of each text setting: its Voice_Call_Settings__c field's length. */
export const SETTINGS_TEXT_LENGTHS: Readonly<Record<string, number>> = {
  inboundTaskSubject: 200,
  outboundTaskSubject: 200,
  eventSubject: 200,
  newLeadCompany: 200,
  newLeadLastName: 80,
  appointmentSubjectSuffix: 50
};

const CHOICES: Readonly<Record<string, readonly string[]>> = {
  matchPriority: ['Lead,Contact', 'Contact,Lead'],
  ownerRule: ['RecordOwner', 'DefaultOwner'],
  conflictRule: ['SalesforceWins', 'VoiceSystemWins', 'MostRecentWins'],
  cancelledAppointmentAction: ['MarkCancelled', 'Delete']
};

/** `"A" or "B"`, `"A", "B" or "C"`: how VclSettingsValidator lists the choices. */
function oneOf(choices: readonly string[]): string {
  const quoted = choices.map((choice) => `"${choice}"`);
  return `${quoted.slice(0, -1).join(', ')} or ${quoted[quoted.length - 1]}`;
}

/** A null value is no problem (it falls back to its packaged default), as in VclSettingsValidator. */
export function settingsProblems(settings: Row): string[] {
  const problems: string[] = [];
  for (const [field, allowed] of Object.entries(CHOICES)) {
    const value = settings[field];
    if (value != null && !allowed.includes(String(value))) {
      problems.push(`${field} must be ${oneOf(allowed)}`);
    }
  }
  const countryCode = asString(settings.defaultCountryCode);
  if (countryCode != null && !packagePhoneKey.isCountryCode(countryCode)) {
    problems.push(
      `defaultCountryCode "${countryCode}" is not an ITU country calling code (digits without +, e.g. 1 or 44)`
    );
  }
  for (const [field, [low, high]] of Object.entries(SETTINGS_RANGES)) {
    const value = asNumber(settings[field]);
    if (value !== undefined && (value < low || value > high)) {
      problems.push(`${field} must be between ${low} and ${high}`);
    }
  }
  for (const [field, max] of Object.entries(SETTINGS_TEXT_LENGTHS)) {
    const value = asString(settings[field]);
    if (value != null && field !== 'appointmentSubjectSuffix' && !value.trim()) {
      problems.push(`${field} must not be blank`);
    } else if (value != null && value.length > max) {
      problems.push(`${field} must be at most ${max} characters`);
    }
  }
  const ownerId = asString(settings.defaultOwnerId);
  if (settings.ownerRule === 'DefaultOwner' && !ownerId) {
    problems.push('defaultOwnerId is required when ownerRule is "DefaultOwner"');
  }
  if (settings.createLeadForUnknownCallers === true && !ownerId) {
    problems.push(
      'defaultOwnerId is required when createLeadForUnknownCallers is on (it owns the new Leads)'
    );
  }
  if (ownerId && !ownerId.startsWith('005')) {
    problems.push('defaultOwnerId must be a User id');
  }
  return problems;
}

// ---------------------------------------------------------------------------------------------------
// Connection and integration user (VclConnectionController.saveConnection's checks with its messages, ported:
// the URL through the WHATWG URL parser as Apex uses System.Url; nothing is stored or called locally).

/** VclVoiceSystemCredentials.MAX_API_KEY_LENGTH (the test compares it with the Apex). */
export const MAX_API_KEY_LENGTH = 1024;

/** VclVoiceSystemCredentials.normalizeUrl: trimmed, no trailing slash; null unless https with a host and nothing else. */
export function normalizeUrl(raw: string): string | null {
  const url = raw.trim().replace(/\/+$/, '');
  if (!/^https:\/\//i.test(url) || /\s/.test(url)) {
    return null;
  }
  try {
    const parsed = new URL(url);
    const clean = !!parsed.hostname && !parsed.username && !parsed.password && !parsed.search && !parsed.hash;
    return clean ? url : null;
  } catch {
    return null;
  }
}

/** VclVoiceSystemCredentials.apiKeyProblem for a non-empty key. */
export function apiKeyProblem(apiKey: string): string | null {
  if (apiKey.length > MAX_API_KEY_LENGTH) {
    return `The API key is longer than ${MAX_API_KEY_LENGTH} characters: paste only the key.`;
  }
  if (!/^[\x21-\x7e]+$/.test(apiKey)) {
    return 'The API key must be printable characters without spaces or line breaks.';
  }
  return null;
}

function saveConnectionPreview(context: PreviewContext): unknown {
  const stored = context.get('VclConnectionController.getConnectionStatus');
  const base: Row = isRecord(stored) ? stored : {};
  const urlInput = asString(context.params.url) ?? '';
  const apiKey = asString(context.params.apiKey) ?? '';
  const currentUrl = asString(base.url) ?? null;
  const urlGiven = urlInput.trim().length > 0;
  if (!urlGiven && !apiKey) {
    throw new ApexError('Enter the voice system URL, the API key, or both.');
  }
  const url = urlGiven ? normalizeUrl(urlInput) : null;
  if (urlGiven && url === null) {
    throw new ApexError(
      "The URL must be the voice system's https address, without user name, query or fragment (e.g. https://api.voice.example.com/v1)."
    );
  }
  const keyProblem = apiKey ? apiKeyProblem(apiKey) : null;
  if (keyProblem) {
    throw new ApexError(keyProblem);
  }
  if (url && currentUrl && url !== currentUrl.replace(/\/$/, '')) {
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
        throw new ApexError(`Invalid settings: ${problems.join('; ')}`);
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
