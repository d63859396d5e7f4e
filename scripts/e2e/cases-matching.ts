/** E2e cases: who a call matches (the phone matrix, Lead before Contact, Contact with Account, unmatched). */
import { sameId } from './checks';
import { loadVectors, matrixByCountry } from './vectors';
import type { E2eSession } from './session';

export async function phoneMatrix(run: E2eSession): Promise<void> {
  const vectors = loadVectors();
  let original: string | undefined;
  await run.runCase('settings: read the default country code (VclSettingsController)', async () => {
    original = await run.readDefaultCountry();
  });
  if (original === undefined) return;
  const restore = original;
  try {
    for (const [country, matrix] of matrixByCountry(vectors)) {
      await run.runCase(
        `phone matrix, default country ${country}: ${matrix.length} formats → the seeded Lead`,
        async (c) => {
          await run.setDefaultCountry(country);
          // Seeded seconds before the calls (the design's "Lead created just before the call" case):
          // stored as +<key>, which normalizes to the same key under any default country.
          for (const key of new Set(matrix.map((m) => m.key))) {
            if (!run.leadsByKey.has(key)) run.leadsByKey.set(key, await run.lead(`+${key}`, `key ${key}`));
          }
          const calls = matrix.map((m, i) => run.call(`matrix-${country}-${i}`, m.input));
          const results = await run.post(calls);
          const logs = await run.callLogs(calls.map((x) => x.externalCallId));
          matrix.forEach((m, i) => {
            const id = calls[i]?.externalCallId ?? '';
            const label = `"${m.input}" (country ${country})`;
            c.equal(`${label} status`, 'logged', results[i]?.status);
            c.equal(`${label} Matched_Lead__c`, run.leadsByKey.get(m.key), logs.get(id)?.Matched_Lead__c);
          });
        }
      );
    }
    await run.runCase('phone matrix: near misses and unusable numbers match nothing seeded', async (c) => {
      await run.setDefaultCountry('1');
      const inputs = [
        ...vectors.different.filter((d) => d.defaultCountryCode === '1').map((d) => d.a),
        ...vectors.unusable.filter((u) => u.defaultCountryCode === '1').map((u) => u.input)
      ];
      const seeded = new Set(run.leadsByKey.values());
      const calls = inputs.map((input, i) => run.call(`nomatch-${i}`, input));
      const results = await run.post(calls);
      const logs = await run.callLogs(calls.map((x) => x.externalCallId));
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
    await run.setDefaultCountry(restore);
  }
}

export async function leadBeforeContact(run: E2eSession): Promise<void> {
  await run.runCase('Lead before Contact on the same number; Lead Task has no WhatId', async (c) => {
    const leadId = await run.lead('+1 555 017 0001', 'priority');
    const { contactId } = await run.contact('(555) 017-0001', 'priority');
    const call = run.call('priority', '555-017-0001');
    const { results, ms } = await run.postAndTimeTask([call], call.externalCallId);
    const log = (await run.callLogs([call.externalCallId])).get(call.externalCallId);
    c.equal('status', 'logged', results[0]?.status);
    c.equal('Matched_Lead__c', leadId, log?.Matched_Lead__c);
    c.empty('Matched_Contact__c', log?.Matched_Contact__c);
    const [task] = await run.taskFor(call.externalCallId);
    c.equal('Task.WhoId', leadId, task?.WhoId);
    c.empty('Task.WhatId (a Lead WhoId forbids a WhatId)', task?.WhatId);
    if (sameId(task?.WhoId, contactId)) c.fail('Task went to the Contact');
    return ms;
  });
}

export async function contactWithAccount(run: E2eSession): Promise<void> {
  await run.runCase('Contact match: Task and Event WhoId = Contact, WhatId = Account', async (c) => {
    const { contactId, accountId } = await run.contact('+1 555 017 0002', 'contact');
    const call = run.call('contact', '(555) 017-0002', {
      appointment: { start: run.appointmentStart, status: 'booked' }
    });
    const { results, ms } = await run.postAndTimeTask([call], call.externalCallId);
    const result = results[0];
    c.equal('status', 'logged', result?.status);
    const log = (await run.callLogs([call.externalCallId])).get(call.externalCallId);
    c.equal('Matched_Contact__c', contactId, log?.Matched_Contact__c);
    const [task] = await run.taskFor(call.externalCallId);
    c.equal('Task.WhoId', contactId, task?.WhoId);
    c.equal('Task.WhatId', accountId, task?.WhatId);
    const event = result?.eventId ? await run.event(result.eventId) : undefined;
    c.truthy('Event', event);
    c.equal('Event.WhoId', contactId, event?.WhoId);
    c.equal('Event.WhatId', accountId, event?.WhatId);
    return ms;
  });
}

export async function unmatched(run: E2eSession): Promise<void> {
  await run.runCase('unmatched caller: status Unmatched, no Task', async (c) => {
    const digits = String(Math.floor(Math.random() * 10_000)).padStart(4, '0');
    const call = run.call('unmatched', `+1 555 019 ${digits}`);
    const [result] = await run.post([call]);
    c.equal('status', 'unmatched', result?.status);
    c.empty('taskId', result?.taskId);
    const log = (await run.callLogs([call.externalCallId])).get(call.externalCallId);
    c.equal('Call_Log__c.Status__c', 'Unmatched', log?.Status__c);
    c.equal('no Task', 0, (await run.taskFor(call.externalCallId)).length);
  });
}
