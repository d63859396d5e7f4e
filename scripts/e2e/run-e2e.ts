/**
 * npm run e2e -- --target-org <alias> [--as <integration alias|username>] [--keep] [--only <case substring>]
 *
 * End-to-end proof on a scratch org with the package deployed (npm run org:create): posts calls through the
 * reference client as the integration user (alias "<target>-integration" made by org:create, else --as;
 * falls back to the admin and says so), reads Call_Log__c / Task / Event back with SOQL as the admin, and
 * asserts the design's rules. Prints a table of cases (pass/fail, post → Task visible ms) and exits 1 on
 * any failure; deletes everything it created (unless --keep). Without an org: exit 2, one line, no pass.
 */
import type { Connection } from '@salesforce/core';
import { FlagSpec, parseArgs, usage } from '../lib/cli/args';
import { EXIT_NO_ORG, refuse, runMain } from '../lib/cli/exit';
import { connect, findTargetOrg, NO_ORG_HINT, NoOrgError, OrgSession } from '../lib/org/target-org';
import {
  assertAllDelivered,
  Call,
  CallOutcome,
  CallResult,
  connectionTransport,
  INGEST_PATH,
  MAX_REQUEST_BYTES,
  Transport,
  VoiceClient
} from '../lib/voice-client';
import {
  FORCE_FAILURE_DISPOSITION,
  FORCE_FAILURE_MESSAGE,
  FORCE_FAILURE_RULE,
  forceFailureRule,
  readDefaultCountryApex,
  readValueFromException,
  retryCallsApex,
  setDefaultCountryApex
} from './apex-snippets';
import { CaseResult, exitCodeFor, formatCaseTable } from './case-table';
import { addMinutes, Checks, sameId } from './checks';
import { CreatedRecords, planCleanup } from './cleanup';
import { loadVectors, matrixByCountry, VECTORS_PATH } from './vectors';

const FLAGS: FlagSpec[] = [
  {
    name: 'target-org',
    short: 'o',
    value: true,
    description: 'scratch org with the package deployed (admin user)'
  },
  {
    name: 'as',
    value: true,
    description: 'post as this user (default: "<target>-integration" when authorized)'
  },
  { name: 'only', value: true, description: 'run only cases whose name contains this text' },
  { name: 'keep', value: false, description: 'keep the records the run created (for debugging)' },
  { name: 'help', short: 'h', value: false, description: 'show this help' }
];

// Defaults of a fresh org (docs/admin-guide.md "Settings (setup page)"); the e2e runs on a scratch org with them.
const INBOUND_SUBJECT = 'Inbound Call';
const OUTBOUND_SUBJECT = 'Outbound Call';
const APPOINTMENT_SUFFIX = ' - Scheduled Appointment';
const EVENT_SUBJECT = 'Consultation Appointment';
const DEFAULT_EVENT_MINUTES = 60;
const REMINDER_MINUTES = 60;
const SYNC_THRESHOLD = 50;

type CallLogRow = {
  Id: string;
  External_Call_Id__c: string;
  Status__c: string;
  Status_Message__c: string | null;
  Matched_Lead__c: string | null;
  Matched_Contact__c: string | null;
  Task_Id__c: string | null;
  Event_Id__c: string | null;
  Received_Count__c: number | null;
  Attempts__c: number | null;
  Next_Attempt_At__c: string | null;
  Appointment_Status__c: string | null;
  Summary__c: string | null;
  Recording_URL__c: string | null;
};
type TaskRow = {
  Id: string;
  Subject: string;
  Status: string;
  TaskSubtype: string;
  CallType: string;
  CallDurationInSeconds: number | null;
  CallDisposition: string | null;
  CallObject: string | null;
  WhoId: string | null;
  WhatId: string | null;
  OwnerId: string;
  ActivityDate: string | null;
  Description: string | null;
};
type EventRow = {
  Id: string;
  Subject: string;
  StartDateTime: string;
  EndDateTime: string;
  IsReminderSet: boolean;
  ReminderDateTime: string | null;
  WhoId: string | null;
  WhatId: string | null;
  OwnerId: string;
};
type OwnedRow = { Id: string; OwnerId: string; AccountId?: string };

const CALL_LOG_FIELDS =
  'Id, External_Call_Id__c, Status__c, Status_Message__c, Matched_Lead__c, Matched_Contact__c, Task_Id__c, ' +
  'Event_Id__c, Received_Count__c, Attempts__c, Next_Attempt_At__c, Appointment_Status__c, Summary__c, Recording_URL__c';
const TASK_FIELDS =
  'Id, Subject, Status, TaskSubtype, CallType, CallDurationInSeconds, CallDisposition, CallObject, WhoId, WhatId, ' +
  'OwnerId, ActivityDate, Description';
const EVENT_FIELDS =
  'Id, Subject, StartDateTime, EndDateTime, IsReminderSet, ReminderDateTime, WhoId, WhatId, OwnerId';

/** Only our own generated values reach SOQL; this refuses anything else rather than escaping it (% for LIKE). */
function lit(value: string): string {
  if (!/^[\w.+:%-]+$/.test(value)) throw new Error(`refusing to put ${JSON.stringify(value)} in SOQL`);
  return `'${value}'`;
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

class E2eRun {
  public readonly results: CaseResult[] = [];
  public readonly created = new CreatedRecords();
  private readonly runId = `${Date.now().toString(36)}${Math.floor(Math.random() * 1296).toString(36)}`;
  private readonly startedAt = new Date(Date.now() - 5 * 60_000).toISOString().replace(/\.\d{3}Z$/, 'Z');
  /** Appointments two days ahead, on the hour. */
  private readonly appointmentStart = new Date(
    Math.ceil((Date.now() + 2 * 86_400_000) / 3_600_000) * 3_600_000
  )
    .toISOString()
    .replace(/\.\d{3}Z$/, 'Z');
  private readonly leadsByKey = new Map<string, string>();

  public constructor(
    private readonly admin: Connection,
    private readonly client: VoiceClient,
    private readonly only: string | undefined,
    /** The client's transport, for bodies the client would never send (too large, with a byte order mark). */
    private readonly rawTransport?: Transport
  ) {}

  public id(name: string): string {
    return `e2e-${this.runId}-${name}`;
  }

  public get prefix(): string {
    return `e2e-${this.runId}-`;
  }

  // --- org helpers ------------------------------------------------------------------------------------------

  private async query<T extends Record<string, unknown>>(soql: string): Promise<T[]> {
    const result = await this.admin.query<T & { Id?: string }>(soql, { autoFetch: true, maxFetch: 10_000 });
    return result.records;
  }

  private async count(soql: string): Promise<number> {
    return (await this.admin.query(soql)).totalSize;
  }

  private async create(
    sobject: 'Lead' | 'Contact' | 'Account',
    records: Record<string, unknown>[]
  ): Promise<string[]> {
    const results = await this.admin.sobject(sobject).create(records, { allOrNone: true });
    const ids = results.map((r, i) => {
      if (!r.success || r.id === undefined) {
        throw new Error(`creating ${sobject} #${i}: ${JSON.stringify((r as { errors?: unknown }).errors)}`);
      }
      return r.id;
    });
    this.created.add(sobject, ...ids);
    return ids;
  }

  private async lead(phone: string, label: string): Promise<string> {
    const [id] = await this.create('Lead', [
      {
        LastName: `E2E ${label} ${this.runId}`,
        Company: `Voice e2e ${this.runId}`,
        Phone: phone,
        Status: 'Open - Not Contacted'
      }
    ]);
    return id as string;
  }

  private async contact(phone: string, label: string): Promise<{ contactId: string; accountId: string }> {
    const [accountId] = await this.create('Account', [{ Name: `Voice e2e ${label} ${this.runId}` }]);
    const [contactId] = await this.create('Contact', [
      { LastName: `E2E ${label} ${this.runId}`, AccountId: accountId, Phone: phone }
    ]);
    return { contactId: contactId as string, accountId: accountId as string };
  }

  private async anonymous(body: string): Promise<{ success: boolean; exceptionMessage: string | null }> {
    const result = await this.admin.tooling.executeAnonymous(body);
    if (!result.compiled) throw new Error(`anonymous Apex did not compile: ${result.compileProblem ?? '?'}`);
    return { success: result.success, exceptionMessage: result.exceptionMessage ?? null };
  }

  private async setDefaultCountry(code: string): Promise<void> {
    const result = await this.anonymous(setDefaultCountryApex(code));
    if (!result.success)
      throw new Error(`setting defaultCountryCode=${code}: ${result.exceptionMessage ?? '?'}`);
  }

  private async readDefaultCountry(): Promise<string> {
    const result = await this.anonymous(readDefaultCountryApex());
    const value = readValueFromException(result.exceptionMessage);
    if (value === undefined)
      throw new Error(`reading defaultCountryCode: ${result.exceptionMessage ?? 'no value'}`);
    return value;
  }

  private call(name: string, from: string | null, extra: Partial<Call> = {}): Call {
    return {
      externalCallId: this.id(name),
      direction: 'inbound',
      from,
      to: '+1 555 010 0999',
      startedAt: this.startedAt,
      durationSeconds: 184,
      summary: `e2e ${name}`,
      ...extra
    };
  }

  /** Posts and returns the per-call results (a batch that was not delivered throws: that is a failure). */
  private async post(calls: Call[]): Promise<CallResult[]> {
    const outcome = await this.client.postCalls(calls);
    assertAllDelivered(outcome);
    return outcome.calls.map((c: CallOutcome) => {
      if (!c.delivered) throw new Error(c.error);
      return c.result;
    });
  }

  private async callLogs(externalIds: string[]): Promise<Map<string, CallLogRow>> {
    const rows = await this.query<CallLogRow>(
      `SELECT ${CALL_LOG_FIELDS} FROM Call_Log__c WHERE External_Call_Id__c IN (${externalIds.map(lit).join(', ')})`
    );
    return new Map(rows.map((r) => [r.External_Call_Id__c, r]));
  }

  private async taskFor(externalId: string): Promise<TaskRow[]> {
    return this.query<TaskRow>(`SELECT ${TASK_FIELDS} FROM Task WHERE CallObject = ${lit(externalId)}`);
  }

  private async event(id: string): Promise<EventRow | undefined> {
    return (await this.query<EventRow>(`SELECT ${EVENT_FIELDS} FROM Event WHERE Id = ${lit(id)}`))[0];
  }

  private async owner(sobject: 'Lead' | 'Contact', id: string): Promise<OwnedRow> {
    const fields = sobject === 'Contact' ? 'Id, OwnerId, AccountId' : 'Id, OwnerId';
    const [row] = await this.query<OwnedRow>(`SELECT ${fields} FROM ${sobject} WHERE Id = ${lit(id)}`);
    if (row === undefined) throw new Error(`${sobject} ${id} not found`);
    return row;
  }

  /** Polls until `ready` returns a value; bounded by timeoutMs. */
  private async waitFor<T>(
    label: string,
    timeoutMs: number,
    ready: () => Promise<T | undefined>
  ): Promise<T> {
    const deadline = Date.now() + timeoutMs;
    for (let delay = 250; ; delay = Math.min(delay * 2, 3000)) {
      const value = await ready();
      if (value !== undefined) return value;
      if (Date.now() + delay > deadline) throw new Error(`${label}: not seen within ${timeoutMs / 1000} s`);
      await sleep(delay);
    }
  }

  /** Post → the Task readable by SOQL, in ms. */
  private async postAndTimeTask(
    calls: Call[],
    externalId: string
  ): Promise<{ results: CallResult[]; ms: number }> {
    const started = performance.now();
    const results = await this.post(calls);
    await this.waitFor(`Task for ${externalId}`, 60_000, async () =>
      (await this.taskFor(externalId)).length > 0 ? true : undefined
    );
    return { results, ms: performance.now() - started };
  }

  // --- case runner --------------------------------------------------------------------------------------------

  public async runCase(name: string, body: (checks: Checks) => Promise<number | void>): Promise<void> {
    if (this.only !== undefined && !name.toLowerCase().includes(this.only.toLowerCase())) return;
    const checks = new Checks();
    const started = performance.now();
    process.stdout.write(`… ${name}\n`);
    let postToTaskMs: number | undefined;
    try {
      const ms = await body(checks);
      if (typeof ms === 'number') postToTaskMs = ms;
    } catch (error) {
      checks.fail(`stopped: ${error instanceof Error ? error.message : String(error)}`);
    }
    const result: CaseResult = {
      name,
      passed: checks.ok,
      failures: checks.failures,
      postToTaskMs,
      durationMs: performance.now() - started
    };
    this.results.push(result);
    process.stdout.write(
      `  ${result.passed ? 'PASS' : 'FAIL'} ${name} (${Math.round(result.durationMs)} ms)\n`
    );
  }

  // --- cases --------------------------------------------------------------------------------------------------

  public async phoneMatrix(): Promise<void> {
    const vectors = loadVectors();
    let original: string | undefined;
    await this.runCase('settings: read the default country code (VoiceSettingsController)', async () => {
      original = await this.readDefaultCountry();
    });
    if (original === undefined) return;
    const restore = original;
    try {
      for (const [country, matrix] of matrixByCountry(vectors)) {
        await this.runCase(
          `phone matrix, default country ${country}: ${matrix.length} formats → the seeded Lead`,
          async (c) => {
            await this.setDefaultCountry(country);
            // Seeded seconds before the calls (the design's "Lead created just before the call" case):
            // stored as +<key>, which normalizes to the same key under any default country.
            for (const key of new Set(matrix.map((m) => m.key))) {
              if (!this.leadsByKey.has(key))
                this.leadsByKey.set(key, await this.lead(`+${key}`, `key ${key}`));
            }
            const calls = matrix.map((m, i) => this.call(`matrix-${country}-${i}`, m.input));
            const results = await this.post(calls);
            const logs = await this.callLogs(calls.map((x) => x.externalCallId));
            matrix.forEach((m, i) => {
              const id = calls[i]?.externalCallId ?? '';
              const label = `"${m.input}" (country ${country})`;
              c.equal(`${label} status`, 'logged', results[i]?.status);
              c.equal(`${label} Matched_Lead__c`, this.leadsByKey.get(m.key), logs.get(id)?.Matched_Lead__c);
            });
          }
        );
      }
      await this.runCase('phone matrix: near misses and unusable numbers match nothing seeded', async (c) => {
        await this.setDefaultCountry('1');
        const inputs = [
          ...vectors.different.filter((d) => d.defaultCountryCode === '1').map((d) => d.a),
          ...vectors.unusable.filter((u) => u.defaultCountryCode === '1').map((u) => u.input)
        ];
        const seeded = new Set(this.leadsByKey.values());
        const calls = inputs.map((input, i) => this.call(`nomatch-${i}`, input));
        const results = await this.post(calls);
        const logs = await this.callLogs(calls.map((x) => x.externalCallId));
        inputs.forEach((input, i) => {
          const log = logs.get(calls[i]?.externalCallId ?? '');
          const matched = log?.Matched_Lead__c ?? null;
          if (matched !== null && [...seeded].some((s) => sameId(s, matched))) {
            c.fail(`${JSON.stringify(input)} matched seeded Lead ${matched}`);
          }
          if (input === null || !/\d{7}/.test(input.replace(/\D/g, ''))) {
            c.equal(`${JSON.stringify(input)} status`, 'unmatched', results[i]?.status);
          }
        });
      });
    } finally {
      await this.setDefaultCountry(restore);
    }
  }

  public async leadBeforeContact(): Promise<void> {
    await this.runCase('Lead before Contact on the same number; Lead Task has no WhatId', async (c) => {
      const leadId = await this.lead('+1 555 017 0001', 'priority');
      const { contactId } = await this.contact('(555) 017-0001', 'priority');
      const call = this.call('priority', '555-017-0001');
      const { results, ms } = await this.postAndTimeTask([call], call.externalCallId);
      const log = (await this.callLogs([call.externalCallId])).get(call.externalCallId);
      c.equal('status', 'logged', results[0]?.status);
      c.equal('Matched_Lead__c', leadId, log?.Matched_Lead__c);
      c.empty('Matched_Contact__c', log?.Matched_Contact__c);
      const [task] = await this.taskFor(call.externalCallId);
      c.equal('Task.WhoId', leadId, task?.WhoId);
      c.empty('Task.WhatId (a Lead WhoId forbids a WhatId)', task?.WhatId);
      if (sameId(task?.WhoId, contactId)) c.fail('Task went to the Contact');
      return ms;
    });
  }

  public async contactWithAccount(): Promise<void> {
    await this.runCase('Contact match: Task and Event WhoId = Contact, WhatId = Account', async (c) => {
      const { contactId, accountId } = await this.contact('+1 555 017 0002', 'contact');
      const call = this.call('contact', '(555) 017-0002', {
        appointment: { start: this.appointmentStart, status: 'booked' }
      });
      const { results, ms } = await this.postAndTimeTask([call], call.externalCallId);
      const result = results[0];
      c.equal('status', 'logged', result?.status);
      const log = (await this.callLogs([call.externalCallId])).get(call.externalCallId);
      c.equal('Matched_Contact__c', contactId, log?.Matched_Contact__c);
      const [task] = await this.taskFor(call.externalCallId);
      c.equal('Task.WhoId', contactId, task?.WhoId);
      c.equal('Task.WhatId', accountId, task?.WhatId);
      const event = result?.eventId ? await this.event(result.eventId) : undefined;
      c.truthy('Event', event);
      c.equal('Event.WhoId', contactId, event?.WhoId);
      c.equal('Event.WhatId', accountId, event?.WhatId);
      return ms;
    });
  }

  public async taskAndEventFields(): Promise<void> {
    let leadId = '';
    let ownerId = '';
    await this.runCase('Task fields, inbound call on a Lead', async (c) => {
      leadId = await this.lead('+1 555 017 0003', 'fields');
      ownerId = (await this.owner('Lead', leadId)).OwnerId;
      const call = this.call('task-inbound', '555.017.0003', {
        durationSeconds: 184,
        disposition: 'Interested'
      });
      const { results, ms } = await this.postAndTimeTask([call], call.externalCallId);
      const [task] = await this.taskFor(call.externalCallId);
      c.equal('response taskId', task?.Id, results[0]?.taskId);
      c.equal('Subject', INBOUND_SUBJECT, task?.Subject);
      c.equal('Status', 'Completed', task?.Status);
      c.equal('TaskSubtype', 'Call', task?.TaskSubtype);
      c.equal('CallType', 'Inbound', task?.CallType);
      c.equal('CallDurationInSeconds', 184, task?.CallDurationInSeconds);
      c.equal('CallDisposition', 'Interested', task?.CallDisposition);
      c.equal('CallObject', call.externalCallId, task?.CallObject);
      c.equal('WhoId', leadId, task?.WhoId);
      c.empty('WhatId', task?.WhatId);
      c.equal('OwnerId (the Lead owner)', ownerId, task?.OwnerId);
      c.truthy('ActivityDate', task?.ActivityDate);
      c.contains('Description has the summary', 'e2e task-inbound', task?.Description);
      return ms;
    });
    await this.runCase('Task fields, outbound call', async (c) => {
      if (leadId === '') throw new Error('needs the Lead of the previous case');
      const call = this.call('task-outbound', null, {
        direction: 'outbound',
        to: '+1 (555) 017-0003',
        durationSeconds: 42
      });
      const { ms } = await this.postAndTimeTask([call], call.externalCallId);
      const [task] = await this.taskFor(call.externalCallId);
      c.equal('Subject', OUTBOUND_SUBJECT, task?.Subject);
      c.equal('CallType', 'Outbound', task?.CallType);
      c.equal('CallDurationInSeconds', 42, task?.CallDurationInSeconds);
      c.equal('WhoId', leadId, task?.WhoId);
      return ms;
    });
    await this.runCase(
      'Event fields: booked appointment (start, end, reminder = start − 60 min)',
      async (c) => {
        if (leadId === '') throw new Error('needs the Lead of the first Task case');
        const start = this.appointmentStart;
        const withDuration = this.call('event-30', '5550170003', {
          appointment: { start, durationMinutes: 30, status: 'booked' }
        });
        const withDefault = this.call('event-default', '5550170003', {
          appointment: { start, status: 'booked' }
        });
        const started = performance.now();
        const results = await this.post([withDuration, withDefault]);
        const ms = performance.now() - started;
        for (const [i, minutes] of [
          [0, 30],
          [1, DEFAULT_EVENT_MINUTES]
        ] as const) {
          const result = results[i];
          const label = `appointment of ${minutes} min`;
          c.equal(`${label}: status`, 'logged', result?.status);
          const [task] = await this.taskFor(result?.externalCallId ?? '');
          c.equal(`${label}: Task.Subject`, `${INBOUND_SUBJECT}${APPOINTMENT_SUFFIX}`, task?.Subject);
          const event = result?.eventId ? await this.event(result.eventId) : undefined;
          if (event === undefined) {
            c.fail(`${label}: no Event (eventId ${String(result?.eventId)})`);
            continue;
          }
          c.equal(`${label}: Event.Subject`, EVENT_SUBJECT, event.Subject);
          c.sameInstant(`${label}: StartDateTime`, start, event.StartDateTime);
          c.sameInstant(`${label}: EndDateTime`, addMinutes(start, minutes), event.EndDateTime);
          c.equal(`${label}: IsReminderSet`, true, event.IsReminderSet);
          c.sameInstant(
            `${label}: ReminderDateTime`,
            addMinutes(start, -REMINDER_MINUTES),
            event.ReminderDateTime
          );
          c.equal(`${label}: WhoId`, leadId, event.WhoId);
          c.empty(`${label}: WhatId`, event.WhatId);
          c.equal(`${label}: OwnerId`, ownerId, event.OwnerId);
        }
        return ms;
      }
    );
  }

  public async idempotency(): Promise<void> {
    await this.runCase('idempotency: the same call 3× → one Call_Log, one Task', async (c) => {
      await this.lead('+1 555 017 0005', 'idempotency');
      const base = this.call('idempotent', '555-017-0005');
      const posts = [
        base,
        { ...base, recordingUrl: 'https://voice.example.com/recordings/e2e.mp3' },
        { ...base, summary: 'e2e idempotent, third post' }
      ];
      const results: (CallResult | undefined)[] = [];
      for (const call of posts) results.push((await this.post([call]))[0]);
      c.equal(
        'one Call_Log__c',
        1,
        await this.count(
          `SELECT COUNT() FROM Call_Log__c WHERE External_Call_Id__c = ${lit(base.externalCallId)}`
        )
      );
      c.equal(
        'one Task',
        1,
        await this.count(`SELECT COUNT() FROM Task WHERE CallObject = ${lit(base.externalCallId)}`)
      );
      c.equal('same callLogId each time', 1, new Set(results.map((r) => r?.callLogId)).size);
      c.equal('same taskId each time', 1, new Set(results.map((r) => r?.taskId)).size);
      const log = (await this.callLogs([base.externalCallId])).get(base.externalCallId);
      c.equal('Received_Count__c', 3, log?.Received_Count__c);
      c.equal(
        'Recording_URL__c kept from the 2nd post',
        'https://voice.example.com/recordings/e2e.mp3',
        log?.Recording_URL__c
      );
      c.equal('Summary__c from the 3rd post', 'e2e idempotent, third post', log?.Summary__c);
    });
  }

  public async rescheduleAndCancel(): Promise<void> {
    await this.runCase('appointment rescheduled, then cancelled: one Event, updated', async (c) => {
      const leadId = await this.lead('+1 555 017 0006', 'reschedule');
      const start = this.appointmentStart;
      const later = addMinutes(start, 24 * 60).replace(/\.\d{3}Z$/, 'Z');
      const booked = this.call('reschedule', '555 017 0006', { appointment: { start, status: 'booked' } });
      const first = (await this.post([booked]))[0];
      const moved = (
        await this.post([{ ...booked, appointment: { start: later, status: 'rescheduled' } }])
      )[0];
      c.truthy('eventId when booked', first?.eventId);
      c.equal('same Event after reschedule', first?.eventId, moved?.eventId);
      const event = moved?.eventId ? await this.event(moved.eventId) : undefined;
      c.sameInstant('rescheduled StartDateTime', later, event?.StartDateTime);
      c.sameInstant(
        'rescheduled ReminderDateTime',
        addMinutes(later, -REMINDER_MINUTES),
        event?.ReminderDateTime
      );
      let log = (await this.callLogs([booked.externalCallId])).get(booked.externalCallId);
      c.equal('Appointment_Status__c', 'Rescheduled', log?.Appointment_Status__c);
      await this.post([{ ...booked, appointment: { start: later, status: 'cancelled' } }]);
      log = (await this.callLogs([booked.externalCallId])).get(booked.externalCallId);
      c.equal('Appointment_Status__c after cancel', 'Cancelled', log?.Appointment_Status__c);
      // Cancelled → "MarkCancelled" (default) keeps the Event, "Delete" removes it; never a second Event.
      const events = await this.query<{ Id: string }>(`SELECT Id FROM Event WHERE WhoId = ${lit(leadId)}`);
      if (events.length > 1) c.fail(`${events.length} Events for one appointment`);
      if (events.length === 1 && !sameId(events[0]?.Id, first?.eventId)) {
        c.fail('a different Event appeared on cancel');
      }
      if (events.length === 1 && first?.eventId) {
        // MarkCancelled (default): the Event stays, its subject says so and it no longer reminds anyone.
        const cancelled = await this.event(first.eventId);
        c.equal('cancelled Event.Subject', `Cancelled: ${EVENT_SUBJECT}`, cancelled?.Subject);
        c.equal('cancelled Event.IsReminderSet', false, cancelled?.IsReminderSet);
      }
      events.forEach((e) => this.created.add('Event', e.Id));
    });
  }

  public async unmatched(): Promise<void> {
    await this.runCase('unmatched caller: status Unmatched, no Task', async (c) => {
      const digits = String(Math.floor(Math.random() * 10_000)).padStart(4, '0');
      const call = this.call('unmatched', `+1 555 019 ${digits}`);
      const [result] = await this.post([call]);
      c.equal('status', 'unmatched', result?.status);
      c.empty('taskId', result?.taskId);
      const log = (await this.callLogs([call.externalCallId])).get(call.externalCallId);
      c.equal('Call_Log__c.Status__c', 'Unmatched', log?.Status__c);
      c.equal('no Task', 0, (await this.taskFor(call.externalCallId)).length);
    });
  }

  public async invalidInBatch(): Promise<void> {
    await this.runCase('invalid and rejected calls in a batch with valid ones', async (c) => {
      await this.lead('+1 555 017 0007', 'batch');
      const valid = this.call('batch-valid', '555-017-0007');
      const naive = this.call('batch-naive', '555-017-0007', { startedAt: '2026-11-20T14:03:00' });
      const { externalCallId: _dropped, ...noId } = this.call('batch-noid', '555-017-0007');
      const unknownKey = { ...this.call('batch-extra', '555-017-0007'), colour: 'blue' };
      const results = await this.post([valid, naive, noId as Call, unknownKey]);
      c.equal(
        'statuses',
        ['logged', 'invalid', 'rejected', 'logged'],
        results.map((r) => r.status)
      );
      c.equal('invalid error field', 'calls[1].startedAt', results[1]?.errors[0]?.field);
      c.equal('rejected error field', 'calls[2].externalCallId', results[2]?.errors[0]?.field);
      c.empty('rejected callLogId', results[2]?.callLogId);
      c.equal('unknown key warning', 'calls[3].colour', results[3]?.warnings[0]?.field);
      const logs = await this.callLogs([
        valid.externalCallId,
        naive.externalCallId,
        unknownKey.externalCallId
      ]);
      c.equal('invalid Call_Log__c.Status__c', 'Invalid', logs.get(naive.externalCallId)?.Status__c);
      c.truthy('invalid Status_Message__c', logs.get(naive.externalCallId)?.Status_Message__c);
      c.equal('no Task for the invalid call', 0, (await this.taskFor(naive.externalCallId)).length);
      c.equal('valid Call_Log__c.Status__c', 'Logged', logs.get(valid.externalCallId)?.Status__c);
    });
  }

  public async requestLimits(): Promise<void> {
    await this.runCase(
      'request limits: over 1,000,000 bytes → 400 unread; a UTF-8 BOM is accepted',
      async (c) => {
        const transport = this.rawTransport;
        if (transport === undefined) throw new Error('no raw transport for this case');
        const big = this.call('too-large', '555-017-0009', { summary: 's'.repeat(MAX_REQUEST_BYTES) });
        const tooLarge = await transport.post({
          path: INGEST_PATH,
          body: JSON.stringify({ calls: [big] }),
          timeoutMs: 120_000
        });
        c.equal('HTTP status of an oversized body', 400, tooLarge.status);
        c.contains('error names the limit', 'larger than 1000000 bytes', tooLarge.bodyText);
        c.equal('nothing stored', 0, (await this.callLogs([big.externalCallId])).size);
        const bom = this.call('bom', '555-017-0009');
        const withBom = await transport.post({
          path: INGEST_PATH,
          body: `\uFEFF${JSON.stringify({ calls: [bom] })}`,
          timeoutMs: 120_000
        });
        c.equal('HTTP status with a byte order mark', 200, withBom.status);
        c.equal('stored', 1, (await this.callLogs([bom.externalCallId])).size);
      }
    );
  }

  public async fullBatch(): Promise<void> {
    await this.runCase(
      '200-call batch (queued past the sync threshold): 20 Tasks, 180 unmatched',
      async (c) => {
        const matched = 20;
        const leadIds = await this.create(
          'Lead',
          Array.from({ length: matched }, (_, i) => ({
            LastName: `E2E bulk ${i} ${this.runId}`,
            Company: `Voice e2e ${this.runId}`,
            Phone: `+1 555 016 ${String(i).padStart(4, '0')}`,
            Status: 'Open - Not Contacted'
          }))
        );
        const calls = Array.from({ length: 200 }, (_, i) =>
          this.call(
            `bulk-${i}`,
            i < matched
              ? `(555) 016-${String(i).padStart(4, '0')}`
              : `+1 555 015 ${String(i).padStart(4, '0')}`
          )
        );
        const started = performance.now();
        const results = await this.post(calls);
        c.equal('results', 200, results.length);
        if (
          results.length > SYNC_THRESHOLD &&
          results.some((r) => r.status !== 'received' && r.status !== 'logged' && r.status !== 'unmatched')
        ) {
          c.fail(`unexpected statuses: ${[...new Set(results.map((r) => r.status))].join(', ')}`);
        }
        const like = `${this.prefix}bulk-%`;
        // Claimed calls are Failed (attempt counted) until their chunk is processed: wait for both to clear.
        // The Queueable takes a heap-bounded chunk (12 worst-case calls) per execution.
        await this.waitFor('200 calls processed', 600_000, async () =>
          (await this.count(
            `SELECT COUNT() FROM Call_Log__c WHERE External_Call_Id__c LIKE ${lit(like)} AND Status__c IN ('Received', 'Failed')`
          )) === 0
            ? true
            : undefined
        );
        const taskMs = performance.now() - started;
        c.equal(
          'Logged',
          matched,
          await this.count(
            `SELECT COUNT() FROM Call_Log__c WHERE External_Call_Id__c LIKE ${lit(like)} AND Status__c = 'Logged'`
          )
        );
        c.equal(
          'Unmatched',
          200 - matched,
          await this.count(
            `SELECT COUNT() FROM Call_Log__c WHERE External_Call_Id__c LIKE ${lit(like)} AND Status__c = 'Unmatched'`
          )
        );
        c.equal(
          'Tasks',
          matched,
          await this.count(`SELECT COUNT() FROM Task WHERE CallObject LIKE ${lit(like)}`)
        );
        const whoIds = await this.query<{ WhoId: string }>(
          `SELECT WhoId FROM Task WHERE CallObject LIKE ${lit(like)}`
        );
        const missing = leadIds.filter((id) => !whoIds.some((t) => sameId(t.WhoId, id)));
        if (missing.length > 0) c.fail(`no Task on ${missing.length} seeded Leads`);
        return taskMs;
      }
    );
  }

  public async failedThenRetried(): Promise<void> {
    await this.runCase(
      'Failed → retry: a Task validation rule fails processing, retry logs it',
      async (c) => {
        await this.lead('+1 555 017 0008', 'failure');
        const upsert = await this.admin.metadata.upsert('ValidationRule', forceFailureRule());
        if (!upsert.success) throw new Error(`deploying ${FORCE_FAILURE_RULE}: ${JSON.stringify(upsert)}`);
        let ruleRemoved = false;
        try {
          const call = this.call('failure', '555-017-0008', { disposition: FORCE_FAILURE_DISPOSITION });
          const [result] = await this.post([call]);
          c.equal('status while the rule is active', 'failed', result?.status);
          c.empty('taskId while failing', result?.taskId);
          const log = (await this.callLogs([call.externalCallId])).get(call.externalCallId);
          c.equal('Status__c', 'Failed', log?.Status__c);
          c.contains(
            'Status_Message__c names the validation error',
            FORCE_FAILURE_MESSAGE,
            log?.Status_Message__c
          );
          c.truthy('Attempts__c ≥ 1', log?.Attempts__c);
          c.truthy('Next_Attempt_At__c', log?.Next_Attempt_At__c);
          await this.removeFailureRule();
          ruleRemoved = true;
          if (log === undefined) throw new Error('no Call_Log__c to retry');
          const retried = await this.anonymous(retryCallsApex([log.Id]));
          if (!retried.success)
            throw new Error(`SyncLogController.retryCalls: ${retried.exceptionMessage ?? '?'}`);
          const started = performance.now();
          const logged = await this.waitFor('retried call Logged', 120_000, async () => {
            const row = (await this.callLogs([call.externalCallId])).get(call.externalCallId);
            return row?.Status__c === 'Logged' ? row : undefined;
          });
          c.truthy('Task_Id__c after retry', logged.Task_Id__c);
          c.equal('one Task after retry', 1, (await this.taskFor(call.externalCallId)).length);
          return performance.now() - started;
        } finally {
          if (!ruleRemoved) await this.removeFailureRule();
        }
      }
    );
  }

  public async removeFailureRule(): Promise<void> {
    const result = await this.admin.metadata.delete('ValidationRule', FORCE_FAILURE_RULE);
    if (!result.success && !/not found|INVALID_CROSS_REFERENCE_KEY/i.test(JSON.stringify(result))) {
      throw new Error(
        `removing ${FORCE_FAILURE_RULE}: ${JSON.stringify(result)} — delete it in Setup → Object Manager → Task`
      );
    }
  }

  // --- cleanup ------------------------------------------------------------------------------------------------

  public async cleanup(): Promise<void> {
    await this.runCase('cleanup: delete every record this run created', async (c) => {
      const like = `${this.prefix}%`;
      (
        await this.query<{ Id: string }>(
          `SELECT Id FROM Call_Log__c WHERE External_Call_Id__c LIKE ${lit(like)}`
        )
      ).forEach((r) => this.created.add('Call_Log__c', r.Id));
      (await this.query<{ Id: string }>(`SELECT Id FROM Task WHERE CallObject LIKE ${lit(like)}`)).forEach(
        (r) => this.created.add('Task', r.Id)
      );
      const who = [...this.created.get('Lead'), ...this.created.get('Contact')];
      for (let i = 0; i < who.length; i += 200) {
        const ids = who
          .slice(i, i + 200)
          .map(lit)
          .join(', ');
        (await this.query<{ Id: string }>(`SELECT Id FROM Event WHERE WhoId IN (${ids})`)).forEach((r) =>
          this.created.add('Event', r.Id)
        );
      }
      for (const step of planCleanup(this.created)) {
        const results = await this.admin.sobject(step.sobject).destroy(step.ids, { allOrNone: false });
        results.forEach((r, i) => {
          const errors = JSON.stringify((r as { errors?: unknown }).errors ?? []);
          if (!r.success && !/ENTITY_IS_DELETED|INVALID_CROSS_REFERENCE_KEY/.test(errors)) {
            c.fail(`deleting ${step.sobject} ${step.ids[i] ?? '?'}: ${errors}`);
          }
        });
      }
      process.stdout.write(`  deleted up to ${this.created.size} records\n`);
    });
  }
}

async function posterSession(
  target: OrgSession,
  asUser: string | undefined
): Promise<{ session: OrgSession; note: string }> {
  const candidate = asUser ?? `${target.target.aliasOrUsername}-integration`;
  try {
    const session = await connect({ aliasOrUsername: candidate, source: '--target-org' });
    return { session, note: `posting as the integration user ${session.username}` };
  } catch (error) {
    if (asUser !== undefined) throw error;
    // CI must prove the integration user's path: posting as the admin there would pass without testing it.
    if (process.env.CI !== undefined) {
      throw new Error(
        `no integration user "${candidate}" is authorized, and CI never falls back to the admin ` +
          `(${error instanceof Error ? error.message.split('\n')[0] : String(error)})`
      );
    }
    return {
      session: target,
      note: `posting as the ADMIN ${target.username}: no integration user "${candidate}" is authorized (npm run org:create makes one)`
    };
  }
}

async function main(): Promise<number> {
  const args = parseArgs(process.argv.slice(2), FLAGS);
  if (args.switches.has('help')) {
    process.stdout.write(
      `${usage('npm run e2e -- --target-org <alias>', 'End-to-end proof on a scratch org.', FLAGS)}\n`
    );
    return 0;
  }
  const target = await findTargetOrg(args.values.get('target-org'));
  if (target === undefined) {
    refuse(`e2e: NOT RUN — no Salesforce org (${NO_ORG_HINT}). This is not a pass.`, EXIT_NO_ORG);
  }
  let admin: OrgSession;
  try {
    admin = await connect(target);
  } catch (error) {
    if (error instanceof NoOrgError)
      refuse(`e2e: NOT RUN — ${error.message}. This is not a pass.`, EXIT_NO_ORG);
    throw error;
  }
  const poster = await posterSession(admin, args.values.get('as'));
  process.stdout.write(
    `e2e on ${admin.connection.instanceUrl} (admin ${admin.username}, org from ${target.source}); ${poster.note}\n` +
      `phone vectors: ${VECTORS_PATH}\n\n`
  );
  const transport = connectionTransport(poster.session.connection);
  const client = new VoiceClient({ transport, timeoutMs: 120_000 });
  const run = new E2eRun(admin.connection, client, args.values.get('only'), transport);
  try {
    await run.phoneMatrix();
    await run.leadBeforeContact();
    await run.contactWithAccount();
    await run.taskAndEventFields();
    await run.idempotency();
    await run.rescheduleAndCancel();
    await run.unmatched();
    await run.invalidInBatch();
    await run.requestLimits();
    await run.fullBatch();
    await run.failedThenRetried();
  } finally {
    if (!args.switches.has('keep')) await run.cleanup();
    else process.stdout.write(`--keep: records left in the org (prefix ${run.prefix})\n`);
  }
  process.stdout.write(`\n${formatCaseTable(run.results)}\n`);
  return exitCodeFor(run.results);
}

if (require.main === module) runMain(main);
