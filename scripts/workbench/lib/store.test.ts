/**
 * The workbench's in-memory Apex store and preview handlers (runtime/ is bundled for the browser but
 * is plain TypeScript, so it is tested here in Node).
 */
import { ApexError, ApexStore, wireCopy } from '../runtime/store';
import { COMPUTED_METHODS, createPreviewHandlers } from '../runtime/previewHandlers';
import { checkMappingPreview } from '../runtime/previewFieldMapping';
import { previewPhoneKey } from '../runtime/previewSetup';
import { updateCallRows } from '../runtime/previewCallLogs';
import { extendRows, filterRows, pageOf, sortRows } from '../runtime/previewRows';

const NOW = Date.parse('2026-11-22T10:00:00.000Z');

const row = (id: string, status: string, receivedAt: string, fromNumber = '+1 (415) 555-0142') => ({
  id,
  name: `CL-00${id.slice(-3)}`,
  status,
  receivedAt,
  startedAt: receivedAt,
  fromNumber,
  toNumber: '+1 (800) 555-0100',
  nextAttemptAt: null,
  message: 'x'
});

const FIXTURES: Record<string, unknown> = {
  'VclSyncLogController.getCallLogs': {
    rows: [
      row('a01000000000001', 'Failed', '2026-11-21T10:00:00.000Z'),
      row('a01000000000002', 'Logged', '2026-11-20T10:00:00.000Z', '+44 20 7946 0958'),
      row('a01000000000003', 'Dead_Letter', '2026-11-19T10:00:00.000Z')
    ],
    total: 7,
    hasMore: true,
    pageSize: 3,
    offsetRows: 0
  },
  'VclSyncLogController.getCallLogDetail': {
    row: row('a01000000000001', 'Failed', '2026-11-21T10:00:00.000Z'),
    rawPayload: '{}'
  },
  'VclCallLogPanelController.getCalls': {
    rows: [row('a01000000000009', 'Logged', '2026-11-21T10:00:00.000Z')],
    total: 3,
    hasMore: true
  },
  'VclSettingsController.getSettings': {
    defaultCountryCode: '1',
    syncThreshold: 50,
    eventDurationMinutes: 60,
    reminderMinutesBefore: 60,
    inboundTaskSubject: 'In',
    outboundTaskSubject: 'Out',
    eventSubject: 'Ev',
    ownerRule: 'RecordOwner'
  },
  'VclPhoneKeyBackfillController.getBackfillProgress': {
    jobId: '707000000000001AAA',
    totalBatches: 8,
    batchesProcessed: 2,
    done: false,
    status: 'Processing'
  },
  'VclPhoneTestSyncController.testSync': {
    input: '(415) 555-0142',
    phoneKey: '14155550142',
    matched: true,
    explanation: 'On the Lead.'
  },
  'VclFieldMappingController.listPayloadKeys': [
    { key: 'summary', dataType: 'TEXTAREA' },
    { key: 'startedAt', dataType: 'DATETIME' }
  ],
  'VclFieldMappingController.listTargetFields': {
    Task: [
      { apiName: 'Call_Result__c', dataType: 'STRING' },
      { apiName: 'Description', dataType: 'TEXTAREA' }
    ]
  },
  'VclFieldMappingController.listMappings': [
    {
      id: 'm1',
      payloadKey: 'summary',
      targetObject: 'Task',
      targetField: 'Description',
      enabled: true,
      isDefault: true
    },
    {
      id: 'm2',
      payloadKey: 'properties.x',
      targetObject: 'Task',
      targetField: 'Call_Result__c',
      enabled: true,
      isDefault: false
    }
  ],
  'VclConnectionController.getConnectionStatus': { ok: true, outcome: 'OK' },
  'VclConnectionController.testConnection': { ok: false, outcome: 'UNAUTHORIZED' }
};

function newStore(): { store: ApexStore; changes: string[] } {
  const changes: string[] = [];
  const store = new ApexStore(FIXTURES, createPreviewHandlers(Object.keys(FIXTURES)), {
    now: () => NOW,
    onChange: (key) => changes.push(key)
  });
  return { store, changes };
}

async function rejection(promise: Promise<unknown>): Promise<ApexError> {
  try {
    await promise;
  } catch (error) {
    return error as ApexError;
  }
  throw new Error('expected the call to fail');
}

describe('ApexStore', () => {
  it('answers read methods with a copy of the fixture', async () => {
    const store = new ApexStore({ 'A.b': { n: 1 } }, {});
    const first = (await store.call('A.b')) as { n: number };
    first.n = 2;
    expect(await store.call('A.b')).toEqual({ n: 1 });
    expect(store.has('A.b')).toBe(true);
    expect(store.has('A.c')).toBe(false);
  });

  it('rejects like Apex (error.body.message) for a method without sample data', async () => {
    const error = await rejection(new ApexStore({}, {}).call('A.c'));
    expect(error.body.message).toBe('Workbench: no sample data for A.c.');
    expect(error.status).toBe(500);
  });

  it('never lets a caller mutate the fixtures it was built from', async () => {
    const fixtures = { 'A.b': { list: [1] } };
    const store = new ApexStore(fixtures, { 'A.set': (c) => c.set('A.b', { list: [2] }) });
    await store.call('A.set');
    expect(fixtures['A.b'].list).toEqual([1]);
    expect(store.peek('A.b')).toEqual({ list: [2] });
    expect(wireCopy(undefined)).toBeUndefined();
  });
});

describe('preview handlers', () => {
  it('need no fixture only for computed methods', () => {
    expect(COMPUTED_METHODS.has('VclSyncLogController.retryCalls')).toBe(true);
    expect(COMPUTED_METHODS.has('VclSyncLogController.getCallLogs')).toBe(false);
    for (const key of COMPUTED_METHODS) {
      expect(Object.keys(createPreviewHandlers([]))).toContain(key);
    }
  });

  it('page, filter and sort the sync log like its server query, beyond the fixture page', async () => {
    const { store } = newStore();
    const page = (await store.call('VclSyncLogController.getCallLogs', {
      q: { statuses: [], sortBy: 'receivedAt', sortDirection: 'desc', pageSize: 5, offsetRows: 5 }
    })) as { rows: Array<{ id: string }>; total: number; hasMore: boolean };
    expect(page.total).toBe(7);
    expect(page.rows).toHaveLength(2);
    expect(page.hasMore).toBe(false);

    const failed = (await store.call('VclSyncLogController.getCallLogs', {
      q: { statuses: ['Failed'], pageSize: 50, offsetRows: 0 }
    })) as {
      rows: Array<{ status: string }>;
      total: number;
    };
    expect(failed.rows.every((r) => r.status === 'Failed')).toBe(true);
    expect(failed.total).toBe(failed.rows.length);

    const london = (await store.call('VclSyncLogController.getCallLogs', {
      q: { phone: '7946', pageSize: 50, offsetRows: 0 }
    })) as { rows: unknown[] };
    expect(london.rows.length).toBeGreaterThan(0);
  });

  it('re-queue the selected calls and report the count', async () => {
    const { store, changes } = newStore();
    await store.call('VclSyncLogController.getCallLogs', { q: { pageSize: 50, offsetRows: 0 } });
    expect(await store.call('VclSyncLogController.retryCalls', { callLogIds: ['a01000000000001'] })).toBe(1);
    const detail = (await store.call('VclSyncLogController.getCallLogDetail', {
      callLogId: 'a01000000000001'
    })) as { row: { status: string; nextAttemptAt: string } };
    expect(detail.row.status).toBe('Received');
    expect(detail.row.nextAttemptAt).toBe(new Date(NOW).toISOString());
    expect(changes).toContain('VclSyncLogController.getCallLogs');
    expect(
      (await rejection(store.call('VclSyncLogController.retryCalls', { callLogIds: [] }))).body.message
    ).toMatch(/Select at least one/);
  });

  it('re-sync every Failed and Dead Letter call', async () => {
    const { store } = newStore();
    await store.call('VclSyncLogController.getCallLogs', { q: { pageSize: 50, offsetRows: 0 } });
    const count = (await store.call('VclSyncLogController.resyncFailed')) as number;
    expect(count).toBeGreaterThanOrEqual(2);
    expect(await store.call('VclSyncLogController.resyncFailed')).toBe(0);
  });

  it('build a detail for rows without a detail fixture, null for no id', async () => {
    const { store } = newStore();
    const detail = (await store.call('VclSyncLogController.getCallLogDetail', {
      callLogId: 'a01000000000002'
    })) as { row: { id: string }; rawPayload: string };
    expect(detail.row.id).toBe('a01000000000002');
    expect(JSON.parse(detail.rawPayload)).toMatchObject({ direction: 'inbound', from: '+44 20 7946 0958' });
    expect(await store.call('VclSyncLogController.getCallLogDetail', { callLogId: null })).toBeNull();
    expect(
      (await rejection(store.call('VclSyncLogController.getCallLogDetail', { callLogId: 'a01nothere00001' })))
        .body.message
    ).toMatch(/deleted/);
  });

  it('page the call log panel for "Load more"', async () => {
    const { store } = newStore();
    const second = (await store.call('VclCallLogPanelController.getCalls', {
      recordId: '00Q',
      pageSize: 1,
      offsetRows: 1
    })) as { rows: Array<{ id: string }>; hasMore: boolean };
    expect(second.rows).toHaveLength(1);
    expect(second.rows[0]?.id).not.toBe('a01000000000009');
    expect(second.hasMore).toBe(true);
  });

  it("show another record's own calls on the panel, built from its sync-log rows", async () => {
    const fixtures = {
      ...FIXTURES,
      'VclCallLogPanelController.getCalls': {
        rows: [
          {
            ...row('a01000000000009', 'Logged', '2026-11-21T10:00:00.000Z'),
            matchedRecordId: '00Q000000000001',
            summary: 'Booked.'
          }
        ],
        total: 1
      },
      'VclSyncLogController.getCallLogs': {
        rows: [
          {
            ...row('a01000000000001', 'Failed', '2026-11-20T10:00:00.000Z'),
            matchedRecordId: '003000000000001'
          },
          {
            ...row('a01000000000002', 'Logged', '2026-11-21T10:00:00.000Z'),
            matchedRecordId: '003000000000001'
          },
          { ...row('a01000000000003', 'Logged', '2026-11-21T11:00:00.000Z'), matchedRecordId: null }
        ]
      }
    };
    const store = new ApexStore(fixtures, createPreviewHandlers(Object.keys(fixtures)));
    const lead = (await store.call('VclCallLogPanelController.getCalls', {
      recordId: '00Q000000000001AAA',
      pageSize: 10,
      offsetRows: 0
    })) as { rows: Array<{ id: string }> };
    expect(lead.rows.map((r) => r.id)).toEqual(['a01000000000009']);
    const contact = (await store.call('VclCallLogPanelController.getCalls', {
      recordId: '003000000000001',
      pageSize: 10,
      offsetRows: 0
    })) as {
      rows: Array<{ id: string; summary: string; taskId: string | null }>;
      total: number;
    };
    expect(contact.rows.map((r) => r.id)).toEqual(['a01000000000002', 'a01000000000001']);
    expect(contact.rows[0]).toMatchObject({
      summary: 'Booked.',
      taskId: expect.stringMatching(/^00TWB/) as unknown
    });
    expect(contact.total).toBe(2);
  });

  it('save valid settings and name each bad field otherwise', async () => {
    const { store } = newStore();
    await store.call('VclSettingsController.saveSettings', { settings: { syncThreshold: 100 } });
    expect(await store.call('VclSettingsController.getSettings')).toMatchObject({ syncThreshold: 100 });
    const error = await rejection(
      store.call('VclSettingsController.saveSettings', {
        settings: { syncThreshold: 201, ownerRule: 'DefaultOwner', defaultOwnerId: null }
      })
    );
    expect(error.body.message).toContain('syncThreshold must be between 0 and 200');
    expect(error.body.message).toContain('defaultOwnerId is required');
  });

  it('advance the backfill on each poll until done', async () => {
    const { store } = newStore();
    const jobId = (await store.call('VclPhoneKeyBackfillController.startPhoneKeyBackfill')) as string;
    expect(jobId).toBe('707000000000001AAA');
    const seen: number[] = [];
    let done = false;
    for (let i = 0; i < 6 && !done; i += 1) {
      const progress = (await store.call('VclPhoneKeyBackfillController.getBackfillProgress', { jobId })) as {
        batchesProcessed: number;
        done: boolean;
        status: string;
      };
      seen.push(progress.batchesProcessed);
      done = progress.done;
    }
    expect(seen).toEqual([2, 4, 6, 8]);
    expect(done).toBe(true);
  });

  it('explain Test Sync for the sample number and for a number nobody has', async () => {
    const { store } = newStore();
    expect(
      await store.call('VclPhoneTestSyncController.testSync', { phoneNumber: '415.555.0142' })
    ).toMatchObject({
      matched: true,
      phoneKey: '14155550142',
      input: '415.555.0142'
    });
    expect(
      await store.call('VclPhoneTestSyncController.testSync', { phoneNumber: '555-123-4568' })
    ).toMatchObject({
      matched: false,
      phoneKey: '15551234568'
    });
    expect(await store.call('VclPhoneTestSyncController.testSync', { phoneNumber: 'call me' })).toMatchObject(
      {
        matched: false,
        phoneKey: null
      }
    );
  });

  it('show how Test Sync read the number, as the package reads it', async () => {
    const { store } = newStore();
    expect(
      await store.call('VclPhoneTestSyncController.testSync', { phoneNumber: 'Cell: 415.555.0142 ext. 7' })
    ).toMatchObject({
      matched: true,
      phoneKey: '14155550142',
      countryCode: '1',
      nationalNumber: '4155550142',
      ignored: ['text before the number: "Cell:"', 'extension "ext. 7"']
    });
  });

  it('block saving mappings with a type clash, naming the row', async () => {
    const { store } = newStore();
    const error = await rejection(
      store.call('VclFieldMappingController.saveMappings', {
        mappings: [
          { payloadKey: 'summary', targetObject: 'Task', targetField: 'Description', enabled: true },
          { payloadKey: 'summary', targetObject: 'Task', targetField: 'Call_Result__c', enabled: true }
        ]
      })
    );
    expect(error.body.message).toContain('Row 2 (summary → Task.Call_Result__c)');
    const saved = (await store.call('VclFieldMappingController.saveMappings', {
      mappings: [{ payloadKey: 'startedAt', targetObject: 'Task', targetField: 'Description', enabled: true }]
    })) as Array<{ id: string }>;
    expect(saved[0]?.id).toMatch(/^m0Wpreview/);
    expect(await store.call('VclFieldMappingController.listMappings')).toHaveLength(1);
    expect(await store.call('VclFieldMappingController.restoreDefaultMappings')).toEqual([
      FIXTURES['VclFieldMappingController.listMappings'] &&
        (FIXTURES['VclFieldMappingController.listMappings'] as unknown[])[0]
    ]);
  });

  it('check mappings with the Apex compatibility rules and messages', async () => {
    const { store } = newStore();
    expect(
      await store.call('VclFieldMappingController.checkMapping', {
        payloadKey: 'summary',
        targetObject: 'Task',
        targetField: 'Description'
      })
    ).toBeNull();
    expect(
      await store.call('VclFieldMappingController.checkMapping', {
        payloadKey: 'summary',
        targetObject: 'Task',
        targetField: 'Call_Result__c'
      })
    ).toBe("A TEXTAREA payload value (summary) can't go into Task.Call_Result__c (STRING).");
    expect(
      await store.call('VclFieldMappingController.listTargetFields', { objectApiName: 'Task' })
    ).toHaveLength(2);
    const context = {
      params: {},
      get: (k: string) => FIXTURES[k],
      set: () => undefined,
      original: () => undefined,
      now: () => NOW,
      scratch: new Map<string, unknown>()
    };
    expect(checkMappingPreview(context, 'nope', 'Task', 'Description')).toMatch(/Unknown payload key/);
    expect(checkMappingPreview(context, 'properties.x', 'Opportunity', 'Name')).toMatch(
      /Target object must be/
    );
    expect(checkMappingPreview(context, 'properties.x', 'Task', 'Nope__c')).toBe(
      'Task has no field "Nope__c".'
    );
  });

  it('store the result of Test connection as the current status', async () => {
    const { store } = newStore();
    const result = await store.call('VclConnectionController.testConnection');
    expect(result).toMatchObject({
      ok: false,
      outcome: 'UNAUTHORIZED',
      checkedAt: new Date(NOW).toISOString()
    });
    expect(await store.call('VclConnectionController.getConnectionStatus')).toEqual(result);
  });
});

describe('preview rows', () => {
  const rows = [
    row('a01000000000001', 'Failed', '2026-11-21T10:00:00.000Z'),
    row('a01000000000002', 'Logged', '2026-11-20T10:00:00.000Z')
  ];

  it('extend a page with older copies that have new ids and names', () => {
    const extended = extendRows(rows, 5);
    expect(extended).toHaveLength(5);
    expect(new Set(extended.map((r) => r.id)).size).toBe(5);
    expect(extended[2]?.id).toMatch(/^a01WB\d{10}AAQ$/);
    expect(String(extended[2]?.receivedAt) < String(rows[1]?.receivedAt)).toBe(true);
    expect(extendRows(rows, 1)).toHaveLength(2);
  });

  it('filter by inclusive received dates and sort with empty values last', () => {
    expect(filterRows(rows, { fromDate: '2026-11-21', toDate: '2026-11-21' }).map((r) => r.id)).toEqual([
      'a01000000000001'
    ]);
    expect(sortRows([{ a: null }, { a: 2 }, { a: 1 }], 'a', 'asc')).toEqual([
      { a: 1 },
      { a: 2 },
      { a: null }
    ]);
    expect(sortRows([{ a: 'b' }, { a: 'a' }], 'a', 'desc')).toEqual([{ a: 'b' }, { a: 'a' }]);
    expect(pageOf({ rows: [] }, rows, 1, 1)).toMatchObject({ total: 2, hasMore: false, offsetRows: 1 });
  });

  it('update nested Call_Log__c rows in place', () => {
    const value = {
      rows: [{ Id: 'a01', Status__c: 'Failed' }],
      detail: { row: { id: 'a02', status: 'Failed' } }
    };
    expect(updateCallRows(value, (r, field) => ((r[field] = 'Received'), true))).toBe(2);
    expect(value.detail.row.status).toBe('Received');
  });

  it('normalise phone keys like the docs/processing.md spec', () => {
    for (const input of [
      '+1 (555) 123-4567',
      '555-123-4567',
      '1-555-123-4567',
      '555.123.4567 ext. 89',
      '001 555 123 4567'
    ]) {
      expect(previewPhoneKey(input, '1')).toBe('15551234567');
    }
    expect(previewPhoneKey('020 7946 0958', '44')).toBe('442079460958');
    expect(previewPhoneKey('1234', '1')).toBe('');
  });
});
