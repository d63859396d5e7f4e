/** The e2e run's pure parts; the run itself needs an org and is never part of npm test. */
import {
  assertCountryCode,
  forceFailureRule,
  readDefaultCountryApex,
  readValueFromException,
  retryCallsApex,
  setDefaultCountryApex,
  setStatusCallbacksApex
} from './apex-snippets';
import { CaseResult, exitCodeFor, formatCaseTable, percentile } from './case-table';
import { addMinutes, Checks, sameId, toEpochMs } from './checks';
import { CreatedRecords, planCleanup } from './cleanup';
import { distinctKeys, loadVectors, matrixByCountry, parseVectors } from './vectors';

describe('Checks', () => {
  it('collects every failed expectation with its label', () => {
    const c = new Checks();
    c.equal('Subject', 'Inbound Call', 'Outbound Call');
    c.equal('WhoId (15 vs 18 chars)', '00Q5g00000ABCDE', '00Q5g00000ABCDEFGH');
    c.equal('null vs undefined', null, undefined);
    c.truthy('Task', undefined);
    c.empty('WhatId', '001xx');
    c.contains('Description', 'summary', 'no such text');
    c.sameInstant('ReminderDateTime', '2026-11-24T09:00:00Z', '2026-11-24T09:00:00.000+0000');
    c.sameInstant('StartDateTime', '2026-11-24T10:00:00+01:00', '2026-11-24T10:00:00.000+0000');
    expect(c.ok).toBe(false);
    expect(c.failures).toEqual([
      'Subject: expected "Inbound Call", got "Outbound Call"',
      'Task: expected a value, got undefined',
      'WhatId: expected none, got "001xx"',
      'Description: expected to contain "summary", got "no such text"',
      'StartDateTime: expected "2026-11-24T10:00:00+01:00", got "2026-11-24T10:00:00.000+0000"'
    ]);
  });

  it('does instant arithmetic on API and payload formats', () => {
    expect(toEpochMs('2026-11-24T09:00:00.000+0000')).toBe(Date.parse('2026-11-24T09:00:00Z'));
    expect(addMinutes('2026-11-24T10:00:00Z', -60)).toBe('2026-11-24T09:00:00.000Z');
    expect(sameId('00Q5g00000ABCDE', '00Q5g00000ABCDEFGH')).toBe(true);
    expect(sameId('00Q5g00000ABCDE', '00Q5g00000ABCDX')).toBe(false);
    expect(sameId(null, null)).toBe(false);
  });
});

describe('case table', () => {
  const results: CaseResult[] = [
    { name: 'idempotency', passed: true, failures: [], durationMs: 812.4, postToTaskMs: 640.2 },
    {
      name: 'unmatched',
      passed: false,
      failures: ['status: expected "unmatched", got "logged"'],
      durationMs: 300
    }
  ];

  it('prints pass/fail, timings and the failures of failed cases', () => {
    const text = formatCaseTable(results);
    expect(text).toContain('idempotency  PASS             640      812');
    expect(text).toContain('unmatched    FAIL                      300');
    expect(text).toContain('FAIL unmatched\n  - status: expected "unmatched", got "logged"');
    expect(text).toContain('1/2 cases passed');
  });

  it('exits 0 only when every case passed, and never for an empty run', () => {
    expect(exitCodeFor(results)).toBe(1);
    expect(exitCodeFor([results[0] as CaseResult])).toBe(0);
    expect(exitCodeFor([])).toBe(1);
  });

  it('computes nearest-rank percentiles', () => {
    expect(percentile([5, 1, 4, 2, 3], 50)).toBe(3);
    expect(
      percentile(
        Array.from({ length: 100 }, (_, i) => i + 1),
        95
      )
    ).toBe(95);
    expect(percentile([], 50)).toBeUndefined();
  });
});

describe('cleanup planner', () => {
  it('deletes transcript Files and activities first, then call logs, Contacts before Accounts, 200 per request', () => {
    const created = new CreatedRecords();
    created.add('Account', '001000000000001AAA');
    created.add('Lead', ...Array.from({ length: 450 }, (_, i) => `00Q${String(i).padStart(12, '0')}AAA`));
    created.add('Contact', '003000000000001AAA', '003000000000001AAA', null, undefined, '');
    created.add('Task', '00T000000000001AAA');
    created.add('Event', '00U000000000001');
    created.add('Call_Log__c', 'a0X000000000001AAA');
    created.add('ContentDocument', '069000000000001AAA', null);
    const steps = planCleanup(created);
    expect(steps.map((s) => `${s.sobject}:${s.ids.length}`)).toEqual([
      'ContentDocument:1',
      'Event:1',
      'Task:1',
      'Call_Log__c:1',
      'Contact:1',
      'Lead:200',
      'Lead:200',
      'Lead:50',
      'Account:1'
    ]);
    expect(created.size).toBe(456);
  });
});

describe('phone vectors (force-app/main/matching/staticresources/Phone_Key_Vectors.json)', () => {
  const vectors = loadVectors();

  it('holds the design vectors, grouped by default country for the matrix', () => {
    const byCountry = matrixByCountry(vectors);
    const us = byCountry.get('1') ?? [];
    [
      '+1 (555) 123-4567',
      '555-123-4567',
      '5551234567',
      '+15551234567',
      '(555) 123-4567',
      '1-555-123-4567',
      '555.123.4567 ext. 89',
      '001 555 123 4567'
    ].forEach((input) => expect(us).toContainEqual({ defaultCountryCode: '1', input, key: '15551234567' }));
    const gb = byCountry.get('44') ?? [];
    ['+44 20 7946 0958', '020 7946 0958', '0044 20 7946 0958'].forEach((input) =>
      expect(gb).toContainEqual({ defaultCountryCode: '44', input, key: '442079460958' })
    );
    expect(distinctKeys(vectors)).toContain('15551234567');
    expect(vectors.different).toContainEqual({
      defaultCountryCode: '1',
      a: '555-123-4568',
      b: '555-123-4567'
    });
  });

  it('keeps every matrix batch within the synchronous threshold (≤ 50 calls)', () => {
    for (const calls of matrixByCountry(vectors).values()) expect(calls.length).toBeLessThanOrEqual(50);
  });

  it('rejects a malformed vectors file with the reason', () => {
    expect(() =>
      parseVectors(JSON.stringify({ equivalent: [{ defaultCountryCode: 'US', key: '1', inputs: [] }] }))
    ).toThrow(/equivalent\[0\] needs defaultCountryCode/);
  });
});

describe('anonymous Apex snippets', () => {
  it('sets and reads the default country through VclSettingsController', () => {
    expect(setDefaultCountryApex('44')).toContain("s.defaultCountryCode = '44';");
    expect(setDefaultCountryApex('44')).toContain('VclSettingsController.saveSettings(s);');
    expect(setStatusCallbacksApex(true)).toContain('s.statusCallbacksEnabled = true;');
    expect(setStatusCallbacksApex(false)).toContain('s.statusCallbacksEnabled = false;');
    expect(readDefaultCountryApex()).toContain(
      "System.assert(false, 'E2E_VALUE=' + s.defaultCountryCode + ';');"
    );
    expect(readValueFromException('System.AssertException: Assertion Failed: E2E_VALUE=1;')).toBe('1');
    expect(readValueFromException('System.NullPointerException')).toBeUndefined();
  });

  it('refuses anything but digits and ids in the Apex source', () => {
    expect(() => assertCountryCode("1'; delete [SELECT Id FROM Lead]; //")).toThrow(/1-3 digits/);
    expect(() => retryCallsApex(["a0X'); delete"])).toThrow(/not a Salesforce id/);
    expect(retryCallsApex(['a0X000000000001AAA'])).toBe(
      "System.debug(VclSyncLogController.retryCalls(new List<Id>{ 'a0X000000000001AAA' }));"
    );
  });

  it('the forced-failure rule is a Task validation rule on the disposition the e2e sends', () => {
    expect(forceFailureRule()).toMatchObject({
      fullName: 'Task.Voice_E2E_Force_Failure',
      active: true,
      errorConditionFormula: 'CallDisposition = "e2e-force-failure"'
    });
  });
});
