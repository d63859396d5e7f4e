/**
 * One e2e run against a scratch org: the admin connection that reads Call_Log__c / Task / Event back with SOQL,
 * the reference client that posts as the integration user, the records the run created (deleted at the end), and
 * the case runner that records pass/fail per case. The cases live in cases-*.ts.
 */
import type { Connection } from '@salesforce/core';
import {
  assertAllDelivered,
  Call,
  CallOutcome,
  CallResult,
  Transport,
  VoiceClient
} from '../lib/voice-client';
import { readDefaultCountryApex, readValueFromException, setDefaultCountryApex } from './apex-snippets';
import { CaseResult } from './case-table';
import { Checks } from './checks';
import { CreatedRecords, planCleanup } from './cleanup';

// Defaults of a fresh org (docs/admin-guide.md "Settings (setup page)"); the e2e runs on a scratch org with them.
export const INBOUND_SUBJECT = 'Inbound Call';
export const OUTBOUND_SUBJECT = 'Outbound Call';
export const APPOINTMENT_SUFFIX = ' - Scheduled Appointment';
export const EVENT_SUBJECT = 'Consultation Appointment';
export const DEFAULT_EVENT_MINUTES = 60;
export const REMINDER_MINUTES = 60;
export const SYNC_THRESHOLD = 50;

export type CallLogRow = {
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
  Transcript_URL__c: string | null;
  Transcript_File_Id__c: string | null;
};
export type TaskRow = {
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
export type EventRow = {
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
export type OwnedRow = { Id: string; OwnerId: string; AccountId?: string };

const CALL_LOG_FIELDS =
  'Id, External_Call_Id__c, Status__c, Status_Message__c, Matched_Lead__c, Matched_Contact__c, Task_Id__c, ' +
  'Event_Id__c, Received_Count__c, Attempts__c, Next_Attempt_At__c, Appointment_Status__c, Summary__c, Recording_URL__c, ' +
  'Transcript_URL__c, Transcript_File_Id__c';
const TASK_FIELDS =
  'Id, Subject, Status, TaskSubtype, CallType, CallDurationInSeconds, CallDisposition, CallObject, WhoId, WhatId, ' +
  'OwnerId, ActivityDate, Description';
const EVENT_FIELDS =
  'Id, Subject, StartDateTime, EndDateTime, IsReminderSet, ReminderDateTime, WhoId, WhatId, OwnerId';

/** Only our own generated values reach SOQL; this refuses anything else rather than escaping it (% for LIKE). */
export function lit(value: string): string {
  if (!/^[\w.+:%-]+$/.test(value)) throw new Error(`refusing to put ${JSON.stringify(value)} in SOQL`);
  return `'${value}'`;
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

export class E2eSession {
  public readonly results: CaseResult[] = [];
  public readonly created = new CreatedRecords();
  public readonly runId = `${Date.now().toString(36)}${Math.floor(Math.random() * 1296).toString(36)}`;
  public readonly startedAt = new Date(Date.now() - 5 * 60_000).toISOString().replace(/\.\d{3}Z$/, 'Z');
  /** Appointments two days ahead, on the hour. */
  public readonly appointmentStart = new Date(
    Math.ceil((Date.now() + 2 * 86_400_000) / 3_600_000) * 3_600_000
  )
    .toISOString()
    .replace(/\.\d{3}Z$/, 'Z');
  public readonly leadsByKey = new Map<string, string>();

  public constructor(
    public readonly admin: Connection,
    public readonly client: VoiceClient,
    public readonly only: string | undefined,
    /** The client's transport, for bodies the client would never send (too large, with a byte order mark). */
    public readonly rawTransport?: Transport
  ) {}

  public id(name: string): string {
    return `e2e-${this.runId}-${name}`;
  }

  public get prefix(): string {
    return `e2e-${this.runId}-`;
  }

  // --- org helpers ------------------------------------------------------------------------------------------

  public async query<T extends Record<string, unknown>>(soql: string): Promise<T[]> {
    const result = await this.admin.query<T & { Id?: string }>(soql, { autoFetch: true, maxFetch: 10_000 });
    return result.records;
  }

  public async count(soql: string): Promise<number> {
    return (await this.admin.query(soql)).totalSize;
  }

  public async create(
    sobject: 'Lead' | 'Contact' | 'Account' | 'Opportunity',
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

  public async lead(phone: string, label: string): Promise<string> {
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

  public async contact(phone: string, label: string): Promise<{ contactId: string; accountId: string }> {
    const [accountId] = await this.create('Account', [{ Name: `Voice e2e ${label} ${this.runId}` }]);
    const [contactId] = await this.create('Contact', [
      { LastName: `E2E ${label} ${this.runId}`, AccountId: accountId, Phone: phone }
    ]);
    return { contactId: contactId as string, accountId: accountId as string };
  }

  public async anonymous(body: string): Promise<{ success: boolean; exceptionMessage: string | null }> {
    const result = await this.admin.tooling.executeAnonymous(body);
    if (!result.compiled) throw new Error(`anonymous Apex did not compile: ${result.compileProblem ?? '?'}`);
    return { success: result.success, exceptionMessage: result.exceptionMessage ?? null };
  }

  public async setDefaultCountry(code: string): Promise<void> {
    const result = await this.anonymous(setDefaultCountryApex(code));
    if (!result.success)
      throw new Error(`setting defaultCountryCode=${code}: ${result.exceptionMessage ?? '?'}`);
  }

  public async readDefaultCountry(): Promise<string> {
    const result = await this.anonymous(readDefaultCountryApex());
    const value = readValueFromException(result.exceptionMessage);
    if (value === undefined)
      throw new Error(`reading defaultCountryCode: ${result.exceptionMessage ?? 'no value'}`);
    return value;
  }

  public call(name: string, from: string | null, extra: Partial<Call> = {}): Call {
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
  public async post(calls: Call[]): Promise<CallResult[]> {
    const outcome = await this.client.postCalls(calls);
    assertAllDelivered(outcome);
    return outcome.calls.map((c: CallOutcome) => {
      if (!c.delivered) throw new Error(c.error);
      return c.result;
    });
  }

  public async callLogs(externalIds: string[]): Promise<Map<string, CallLogRow>> {
    const rows = await this.query<CallLogRow>(
      `SELECT ${CALL_LOG_FIELDS} FROM Call_Log__c WHERE External_Call_Id__c IN (${externalIds.map(lit).join(', ')})`
    );
    return new Map(rows.map((r) => [r.External_Call_Id__c, r]));
  }

  public async taskFor(externalId: string): Promise<TaskRow[]> {
    return this.query<TaskRow>(`SELECT ${TASK_FIELDS} FROM Task WHERE CallObject = ${lit(externalId)}`);
  }

  public async event(id: string): Promise<EventRow | undefined> {
    return (await this.query<EventRow>(`SELECT ${EVENT_FIELDS} FROM Event WHERE Id = ${lit(id)}`))[0];
  }

  public async owner(sobject: 'Lead' | 'Contact', id: string): Promise<OwnedRow> {
    const fields = sobject === 'Contact' ? 'Id, OwnerId, AccountId' : 'Id, OwnerId';
    const [row] = await this.query<OwnedRow>(`SELECT ${fields} FROM ${sobject} WHERE Id = ${lit(id)}`);
    if (row === undefined) throw new Error(`${sobject} ${id} not found`);
    return row;
  }

  /** Polls until `ready` returns a value; bounded by timeoutMs. */
  public async waitFor<T>(label: string, timeoutMs: number, ready: () => Promise<T | undefined>): Promise<T> {
    const deadline = Date.now() + timeoutMs;
    for (let delay = 250; ; delay = Math.min(delay * 2, 3000)) {
      const value = await ready();
      if (value !== undefined) return value;
      if (Date.now() + delay > deadline) throw new Error(`${label}: not seen within ${timeoutMs / 1000} s`);
      await sleep(delay);
    }
  }

  /** Post → the Task readable by SOQL, in ms. */
  public async postAndTimeTask(
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

  // --- cleanup ------------------------------------------------------------------------------------------------

  public async cleanup(): Promise<void> {
    await this.runCase('cleanup: delete every record this run created', async (c) => {
      const like = `${this.prefix}%`;
      (
        await this.query<{ Id: string; Transcript_File_Id__c: string | null }>(
          `SELECT Id, Transcript_File_Id__c FROM Call_Log__c WHERE External_Call_Id__c LIKE ${lit(like)}`
        )
      ).forEach((r) => {
        this.created.add('Call_Log__c', r.Id);
        this.created.add('ContentDocument', r.Transcript_File_Id__c);
      });
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
