/**
 * E2e case for Relate To Open Opportunity: a Contact with an older open, a closed (touched last) and a latest open
 * Opportunity, and an open one it is no role on. With the setting on, the call's Task and Event relate to the latest
 * open Opportunity; switched off, the next call relates to the Account. The setting is restored afterwards.
 */
import { readValueFromException } from './apex-snippets';
import {
  parseSwitch,
  readRelateToOpenOpportunityApex,
  setRelateToOpenOpportunityApex,
  stageQuery
} from './opportunity-rule';
import { E2eSession } from './session';

async function setSwitch(run: E2eSession, enabled: boolean): Promise<void> {
  const result = await run.anonymous(setRelateToOpenOpportunityApex(enabled));
  if (!result.success)
    throw new Error(`setting relateToOpenOpportunity=${enabled}: ${result.exceptionMessage ?? '?'}`);
}

async function readSwitch(run: E2eSession): Promise<boolean> {
  const result = await run.anonymous(readRelateToOpenOpportunityApex());
  return parseSwitch(readValueFromException(result.exceptionMessage));
}

async function stage(run: E2eSession, closed: boolean): Promise<string> {
  const [row] = await run.query<{ ApiName: string }>(stageQuery(closed));
  if (row === undefined) throw new Error(`no active ${closed ? 'closed' : 'open'} Opportunity stage`);
  return row.ApiName;
}

/** Opportunities created one request at a time, so each one is modified later than the one before. */
async function opportunity(
  run: E2eSession,
  accountId: string,
  label: string,
  stageName: string
): Promise<string> {
  const [id] = await run.create('Opportunity', [
    {
      Name: `Voice e2e ${label} ${run.runId}`,
      AccountId: accountId,
      StageName: stageName,
      CloseDate: '2030-12-31'
    }
  ]);
  return id as string;
}

export async function openOpportunityRule(run: E2eSession): Promise<void> {
  await run.runCase(
    'Relate To Open Opportunity: Task and Event on the latest open Opportunity; off → Account',
    async (c) => {
      const { contactId, accountId } = await run.contact('+1 555 017 0031', 'opportunity');
      const [openStage, closedStage] = [await stage(run, false), await stage(run, true)];
      const olderOpen = await opportunity(run, accountId, 'older open', openStage);
      const latestOpen = await opportunity(run, accountId, 'latest open', openStage);
      const closed = await opportunity(run, accountId, 'closed', closedStage);
      await opportunity(run, accountId, 'not a role', openStage);
      // Contact roles are deleted with their Opportunity: the run's cleanup removes them.
      const roles = await run.admin.sobject('OpportunityContactRole').create(
        [olderOpen, latestOpen, closed].map((OpportunityId) => ({ OpportunityId, ContactId: contactId })),
        { allOrNone: true }
      );
      if (!roles.every((r) => r.success)) throw new Error(`creating contact roles: ${JSON.stringify(roles)}`);
      // The closed one becomes the most recently modified of all; it must still never be chosen.
      await run.admin.sobject('Opportunity').update({ Id: closed, Description: `e2e ${run.runId}` });

      const before = await readSwitch(run);
      try {
        await setSwitch(run, true);
        const on = run.call('opportunity-on', '(555) 017-0031', {
          appointment: { start: run.appointmentStart, status: 'booked' }
        });
        const { results, ms } = await run.postAndTimeTask([on], on.externalCallId);
        c.equal('on: status', 'logged', results[0]?.status);
        const [task] = await run.taskFor(on.externalCallId);
        c.equal('on: Task.WhoId', contactId, task?.WhoId);
        c.equal('on: Task.WhatId (latest open Opportunity)', latestOpen, task?.WhatId);
        const event = results[0]?.eventId ? await run.event(results[0].eventId) : undefined;
        c.truthy('on: Event', event);
        c.equal('on: Event.WhatId (latest open Opportunity)', latestOpen, event?.WhatId);

        await setSwitch(run, false);
        const off = run.call('opportunity-off', '(555) 017-0031');
        await run.postAndTimeTask([off], off.externalCallId);
        const [offTask] = await run.taskFor(off.externalCallId);
        c.equal('off: Task.WhatId (the Account)', accountId, offTask?.WhatId);
        return ms;
      } finally {
        await setSwitch(run, before);
      }
    }
  );
}
