/** E2e cases: delivery (an invalid call in a batch, request limits, a full queued batch, Failed → retry). */
import { Call, INGEST_PATH, MAX_REQUEST_BYTES } from '../lib/voice-client';
import {
  FORCE_FAILURE_DISPOSITION,
  FORCE_FAILURE_MESSAGE,
  FORCE_FAILURE_RULE,
  forceFailureRule,
  retryCallsApex
} from './apex-snippets';
import { sameId } from './checks';
import { E2eSession, lit, SYNC_THRESHOLD } from './session';

export async function invalidInBatch(run: E2eSession): Promise<void> {
  await run.runCase('invalid and rejected calls in a batch with valid ones', async (c) => {
    await run.lead('+1 555 017 0007', 'batch');
    const valid = run.call('batch-valid', '555-017-0007');
    const naive = run.call('batch-naive', '555-017-0007', { startedAt: '2026-11-20T14:03:00' });
    const { externalCallId: _dropped, ...noId } = run.call('batch-noid', '555-017-0007');
    const unknownKey = { ...run.call('batch-extra', '555-017-0007'), colour: 'blue' };
    const results = await run.post([valid, naive, noId as Call, unknownKey]);
    c.equal(
      'statuses',
      ['logged', 'invalid', 'rejected', 'logged'],
      results.map((r) => r.status)
    );
    c.equal('invalid error field', 'calls[1].startedAt', results[1]?.errors[0]?.field);
    c.equal('rejected error field', 'calls[2].externalCallId', results[2]?.errors[0]?.field);
    c.empty('rejected callLogId', results[2]?.callLogId);
    c.equal('unknown key warning', 'calls[3].colour', results[3]?.warnings[0]?.field);
    const logs = await run.callLogs([valid.externalCallId, naive.externalCallId, unknownKey.externalCallId]);
    c.equal('invalid Call_Log__c.Status__c', 'Invalid', logs.get(naive.externalCallId)?.Status__c);
    c.truthy('invalid Status_Message__c', logs.get(naive.externalCallId)?.Status_Message__c);
    c.equal('no Task for the invalid call', 0, (await run.taskFor(naive.externalCallId)).length);
    c.equal('valid Call_Log__c.Status__c', 'Logged', logs.get(valid.externalCallId)?.Status__c);
  });
}

export async function requestLimits(run: E2eSession): Promise<void> {
  await run.runCase(
    'request limits: over 1,000,000 bytes → 400 unread; a UTF-8 BOM is accepted',
    async (c) => {
      const transport = run.rawTransport;
      if (transport === undefined) throw new Error('no raw transport for this case');
      const big = run.call('too-large', '555-017-0009', { summary: 's'.repeat(MAX_REQUEST_BYTES) });
      const tooLarge = await transport.post({
        path: INGEST_PATH,
        body: JSON.stringify({ calls: [big] }),
        timeoutMs: 120_000
      });
      c.equal('HTTP status of an oversized body', 400, tooLarge.status);
      c.contains('error names the limit', 'larger than 1000000 bytes', tooLarge.bodyText);
      c.equal('nothing stored', 0, (await run.callLogs([big.externalCallId])).size);
      const bom = run.call('bom', '555-017-0009');
      const withBom = await transport.post({
        path: INGEST_PATH,
        body: `\uFEFF${JSON.stringify({ calls: [bom] })}`,
        timeoutMs: 120_000
      });
      c.equal('HTTP status with a byte order mark', 200, withBom.status);
      c.equal('stored', 1, (await run.callLogs([bom.externalCallId])).size);
    }
  );
}

export async function fullBatch(run: E2eSession): Promise<void> {
  await run.runCase('200-call batch (queued past the sync threshold): 20 Tasks, 180 unmatched', async (c) => {
    const matched = 20;
    const leadIds = await run.create(
      'Lead',
      Array.from({ length: matched }, (_, i) => ({
        LastName: `E2E bulk ${i} ${run.runId}`,
        Company: `Voice e2e ${run.runId}`,
        Phone: `+1 555 016 ${String(i).padStart(4, '0')}`,
        Status: 'Open - Not Contacted'
      }))
    );
    const calls = Array.from({ length: 200 }, (_, i) =>
      run.call(
        `bulk-${i}`,
        i < matched ? `(555) 016-${String(i).padStart(4, '0')}` : `+1 555 015 ${String(i).padStart(4, '0')}`
      )
    );
    const started = performance.now();
    const results = await run.post(calls);
    c.equal('results', 200, results.length);
    if (
      results.length > SYNC_THRESHOLD &&
      results.some((r) => r.status !== 'received' && r.status !== 'logged' && r.status !== 'unmatched')
    ) {
      c.fail(`unexpected statuses: ${[...new Set(results.map((r) => r.status))].join(', ')}`);
    }
    const like = `${run.prefix}bulk-%`;
    // Claimed calls are Failed (attempt counted) until their chunk is processed: wait for both to clear.
    // The Queueable takes a heap-bounded chunk (12 worst-case calls) per execution.
    await run.waitFor('200 calls processed', 600_000, async () =>
      (await run.count(
        `SELECT COUNT() FROM Call_Log__c WHERE External_Call_Id__c LIKE ${lit(like)} AND Status__c IN ('Received', 'Failed')`
      )) === 0
        ? true
        : undefined
    );
    const taskMs = performance.now() - started;
    c.equal(
      'Logged',
      matched,
      await run.count(
        `SELECT COUNT() FROM Call_Log__c WHERE External_Call_Id__c LIKE ${lit(like)} AND Status__c = 'Logged'`
      )
    );
    c.equal(
      'Unmatched',
      200 - matched,
      await run.count(
        `SELECT COUNT() FROM Call_Log__c WHERE External_Call_Id__c LIKE ${lit(like)} AND Status__c = 'Unmatched'`
      )
    );
    c.equal('Tasks', matched, await run.count(`SELECT COUNT() FROM Task WHERE CallObject LIKE ${lit(like)}`));
    const whoIds = await run.query<{ WhoId: string }>(
      `SELECT WhoId FROM Task WHERE CallObject LIKE ${lit(like)}`
    );
    const missing = leadIds.filter((id) => !whoIds.some((t) => sameId(t.WhoId, id)));
    if (missing.length > 0) c.fail(`no Task on ${missing.length} seeded Leads`);
    return taskMs;
  });
}

export async function failedThenRetried(run: E2eSession): Promise<void> {
  await run.runCase('Failed → retry: a Task validation rule fails processing, retry logs it', async (c) => {
    await run.lead('+1 555 017 0008', 'failure');
    const upsert = await run.admin.metadata.upsert('ValidationRule', forceFailureRule());
    if (!upsert.success) throw new Error(`deploying ${FORCE_FAILURE_RULE}: ${JSON.stringify(upsert)}`);
    let ruleRemoved = false;
    try {
      const call = run.call('failure', '555-017-0008', { disposition: FORCE_FAILURE_DISPOSITION });
      const [result] = await run.post([call]);
      c.equal('status while the rule is active', 'failed', result?.status);
      c.empty('taskId while failing', result?.taskId);
      const log = (await run.callLogs([call.externalCallId])).get(call.externalCallId);
      c.equal('Status__c', 'Failed', log?.Status__c);
      c.contains(
        'Status_Message__c names the validation error',
        FORCE_FAILURE_MESSAGE,
        log?.Status_Message__c
      );
      c.truthy('Attempts__c ≥ 1', log?.Attempts__c);
      c.truthy('Next_Attempt_At__c', log?.Next_Attempt_At__c);
      await removeFailureRule(run);
      ruleRemoved = true;
      if (log === undefined) throw new Error('no Call_Log__c to retry');
      const retried = await run.anonymous(retryCallsApex([log.Id]));
      if (!retried.success)
        throw new Error(`VclSyncLogController.retryCalls: ${retried.exceptionMessage ?? '?'}`);
      const started = performance.now();
      const logged = await run.waitFor('retried call Logged', 120_000, async () => {
        const row = (await run.callLogs([call.externalCallId])).get(call.externalCallId);
        return row?.Status__c === 'Logged' ? row : undefined;
      });
      c.truthy('Task_Id__c after retry', logged.Task_Id__c);
      c.equal('one Task after retry', 1, (await run.taskFor(call.externalCallId)).length);
      return performance.now() - started;
    } finally {
      if (!ruleRemoved) await removeFailureRule(run);
    }
  });
}

export async function removeFailureRule(run: E2eSession): Promise<void> {
  const result = await run.admin.metadata.delete('ValidationRule', FORCE_FAILURE_RULE);
  if (!result.success && !/not found|INVALID_CROSS_REFERENCE_KEY/i.test(JSON.stringify(result))) {
    throw new Error(
      `removing ${FORCE_FAILURE_RULE}: ${JSON.stringify(result)} — delete it in Setup → Object Manager → Task`
    );
  }
}
