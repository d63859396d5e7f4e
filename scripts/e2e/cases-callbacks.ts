/**
 * E2e case: status callbacks. The org can't reach a receiver on this machine, so the case proves what the org
 * does on its side: a logged call is marked for its callback in the same write (Outcome Attempt 1), and the
 * sender job picks it up (the status leaves Pending: Sent when the org's named credential points at a voice system
 * that implements docs/api/voice-callbacks-v1.openapi.json, else Retrying or Rejected with the reason in Callback
 * Last Error). Callbacks are switched off again afterwards (their packaged default).
 */
import { setStatusCallbacksApex } from './apex-snippets';
import { E2eSession, lit } from './session';

type CallbackRow = {
  Status__c: string;
  Callback_Status__c: string | null;
  Callback_Last_Error__c: string | null;
  Outcome_Attempt__c: number | null;
};

const SENDER_WAIT_MS = 90_000;

export async function callbackForLoggedCall(run: E2eSession): Promise<void> {
  await run.runCase('status callback: a logged call is marked and picked up by the sender', async (c) => {
    const switchOn = await run.anonymous(setStatusCallbacksApex(true));
    if (!switchOn.success)
      throw new Error(`switching status callbacks on: ${switchOn.exceptionMessage ?? '?'}`);
    try {
      await run.lead('+1 555 018 0001', 'callback');
      const call = run.call('callback-logged', '555-018-0001');
      const results = await run.post([call]);
      c.equal('posted call status', 'logged', results[0]?.status);
      const read = async (): Promise<CallbackRow | undefined> =>
        (
          await run.query<CallbackRow>(
            'SELECT Status__c, Callback_Status__c, Callback_Last_Error__c, Outcome_Attempt__c FROM Call_Log__c ' +
              `WHERE External_Call_Id__c = ${lit(call.externalCallId)}`
          )
        )[0];
      let row = await read();
      c.equal('first outcome number', 1, row?.Outcome_Attempt__c);
      c.truthy('marked for its callback', row?.Callback_Status__c);
      const deadline = Date.now() + SENDER_WAIT_MS;
      while (row?.Callback_Status__c === 'Pending' && Date.now() < deadline) {
        await new Promise((resolve) => setTimeout(resolve, 3000));
        row = await read();
      }
      c.truthy(
        `the sender ran within ${SENDER_WAIT_MS / 1000} s (status ${row?.Callback_Status__c ?? 'none'}` +
          `${row?.Callback_Last_Error__c ? `: ${row.Callback_Last_Error__c}` : ''})`,
        row?.Callback_Status__c !== 'Pending'
      );
      c.equal('the call itself stays logged', 'Logged', row?.Status__c);
    } finally {
      await run.anonymous(setStatusCallbacksApex(false));
    }
  });
}
