/** E2e cases: the Task and Event a call writes, re-posts of the same call, rescheduled and cancelled appointments. */
import { CallResult } from '../lib/voice-client';
import { addMinutes, sameId } from './checks';
import {
  APPOINTMENT_SUFFIX,
  DEFAULT_EVENT_MINUTES,
  E2eSession,
  EVENT_SUBJECT,
  INBOUND_SUBJECT,
  lit,
  OUTBOUND_SUBJECT,
  REMINDER_MINUTES
} from './session';

export async function taskAndEventFields(run: E2eSession): Promise<void> {
  let leadId = '';
  let ownerId = '';
  await run.runCase('Task fields, inbound call on a Lead', async (c) => {
    leadId = await run.lead('+1 555 017 0003', 'fields');
    ownerId = (await run.owner('Lead', leadId)).OwnerId;
    const call = run.call('task-inbound', '555.017.0003', {
      durationSeconds: 184,
      disposition: 'Interested'
    });
    const { results, ms } = await run.postAndTimeTask([call], call.externalCallId);
    const [task] = await run.taskFor(call.externalCallId);
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
  await run.runCase('Task fields, outbound call', async (c) => {
    if (leadId === '') throw new Error('needs the Lead of the previous case');
    const call = run.call('task-outbound', null, {
      direction: 'outbound',
      to: '+1 (555) 017-0003',
      durationSeconds: 42
    });
    const { ms } = await run.postAndTimeTask([call], call.externalCallId);
    const [task] = await run.taskFor(call.externalCallId);
    c.equal('Subject', OUTBOUND_SUBJECT, task?.Subject);
    c.equal('CallType', 'Outbound', task?.CallType);
    c.equal('CallDurationInSeconds', 42, task?.CallDurationInSeconds);
    c.equal('WhoId', leadId, task?.WhoId);
    return ms;
  });
  await run.runCase('Event fields: booked appointment (start, end, reminder = start − 60 min)', async (c) => {
    if (leadId === '') throw new Error('needs the Lead of the first Task case');
    const start = run.appointmentStart;
    const withDuration = run.call('event-30', '5550170003', {
      appointment: { start, durationMinutes: 30, status: 'booked' }
    });
    const withDefault = run.call('event-default', '5550170003', {
      appointment: { start, status: 'booked' }
    });
    const started = performance.now();
    const results = await run.post([withDuration, withDefault]);
    const ms = performance.now() - started;
    for (const [i, minutes] of [
      [0, 30],
      [1, DEFAULT_EVENT_MINUTES]
    ] as const) {
      const result = results[i];
      const label = `appointment of ${minutes} min`;
      c.equal(`${label}: status`, 'logged', result?.status);
      const [task] = await run.taskFor(result?.externalCallId ?? '');
      c.equal(`${label}: Task.Subject`, `${INBOUND_SUBJECT}${APPOINTMENT_SUFFIX}`, task?.Subject);
      const event = result?.eventId ? await run.event(result.eventId) : undefined;
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
  });
}

export async function idempotency(run: E2eSession): Promise<void> {
  await run.runCase('idempotency: the same call 3× → one Call_Log, one Task', async (c) => {
    await run.lead('+1 555 017 0005', 'idempotency');
    const base = run.call('idempotent', '555-017-0005');
    const posts = [
      base,
      { ...base, recordingUrl: 'https://voice.example.com/recordings/e2e.mp3' },
      { ...base, summary: 'e2e idempotent, third post' }
    ];
    const results: (CallResult | undefined)[] = [];
    for (const call of posts) results.push((await run.post([call]))[0]);
    c.equal(
      'one Call_Log__c',
      1,
      await run.count(
        `SELECT COUNT() FROM Call_Log__c WHERE External_Call_Id__c = ${lit(base.externalCallId)}`
      )
    );
    c.equal(
      'one Task',
      1,
      await run.count(`SELECT COUNT() FROM Task WHERE CallObject = ${lit(base.externalCallId)}`)
    );
    c.equal('same callLogId each time', 1, new Set(results.map((r) => r?.callLogId)).size);
    c.equal('same taskId each time', 1, new Set(results.map((r) => r?.taskId)).size);
    const log = (await run.callLogs([base.externalCallId])).get(base.externalCallId);
    c.equal('Received_Count__c', 3, log?.Received_Count__c);
    c.equal(
      'Recording_URL__c kept from the 2nd post',
      'https://voice.example.com/recordings/e2e.mp3',
      log?.Recording_URL__c
    );
    c.equal('Summary__c from the 3rd post', 'e2e idempotent, third post', log?.Summary__c);
  });
}

export async function rescheduleAndCancel(run: E2eSession): Promise<void> {
  await run.runCase('appointment rescheduled, then cancelled: one Event, updated', async (c) => {
    const leadId = await run.lead('+1 555 017 0006', 'reschedule');
    const start = run.appointmentStart;
    const later = addMinutes(start, 24 * 60).replace(/\.\d{3}Z$/, 'Z');
    const booked = run.call('reschedule', '555 017 0006', { appointment: { start, status: 'booked' } });
    const first = (await run.post([booked]))[0];
    const moved = (await run.post([{ ...booked, appointment: { start: later, status: 'rescheduled' } }]))[0];
    c.truthy('eventId when booked', first?.eventId);
    c.equal('same Event after reschedule', first?.eventId, moved?.eventId);
    const event = moved?.eventId ? await run.event(moved.eventId) : undefined;
    c.sameInstant('rescheduled StartDateTime', later, event?.StartDateTime);
    c.sameInstant(
      'rescheduled ReminderDateTime',
      addMinutes(later, -REMINDER_MINUTES),
      event?.ReminderDateTime
    );
    let log = (await run.callLogs([booked.externalCallId])).get(booked.externalCallId);
    c.equal('Appointment_Status__c', 'Rescheduled', log?.Appointment_Status__c);
    await run.post([{ ...booked, appointment: { start: later, status: 'cancelled' } }]);
    log = (await run.callLogs([booked.externalCallId])).get(booked.externalCallId);
    c.equal('Appointment_Status__c after cancel', 'Cancelled', log?.Appointment_Status__c);
    // Cancelled → "MarkCancelled" (default) keeps the Event, "Delete" removes it; never a second Event.
    const events = await run.query<{ Id: string }>(`SELECT Id FROM Event WHERE WhoId = ${lit(leadId)}`);
    if (events.length > 1) c.fail(`${events.length} Events for one appointment`);
    if (events.length === 1 && !sameId(events[0]?.Id, first?.eventId)) {
      c.fail('a different Event appeared on cancel');
    }
    if (events.length === 1 && first?.eventId) {
      // MarkCancelled (default): the Event stays, its subject says so and it no longer reminds anyone.
      const cancelled = await run.event(first.eventId);
      c.equal('cancelled Event.Subject', `Cancelled: ${EVENT_SUBJECT}`, cancelled?.Subject);
      c.equal('cancelled Event.IsReminderSet', false, cancelled?.IsReminderSet);
    }
    events.forEach((e) => run.created.add('Event', e.Id));
  });
}
