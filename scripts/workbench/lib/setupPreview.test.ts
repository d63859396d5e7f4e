/**
 * The workbench's preview of the Setup screen's Connection and Integration user saves (runtime/
 * previewHandlers.ts), with the Setup fixtures' shapes: what the sample states can be clicked into.
 */
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { ApexError, ApexStore } from '../runtime/store';
import { createPreviewHandlers } from '../runtime/previewHandlers';
import {
  apiKeyProblem,
  MAX_API_KEY_LENGTH,
  normalizeUrl,
  SETTINGS_RANGES,
  SETTINGS_TEXT_LENGTHS,
  settingsProblems
} from '../runtime/previewSetup';

const URL_NOT_SET = { ok: false, outcome: 'NOT_CONFIGURED', url: null, urlSet: false, apiKeySet: false };
const READY = {
  ok: true,
  outcome: 'OK',
  url: 'https://api.voice.example.com/v1',
  urlSet: true,
  apiKeySet: true
};
const USER_READY = {
  userId: '0055g00000WbIntAAA',
  displayName: 'Voice Integration',
  ready: true,
  checks: []
};
const USER_SAVED = {
  userId: '0055g00000WbUsr2AAA',
  displayName: 'Priya Raman',
  ready: false,
  summary: '3 missing for Priya Raman: …',
  checks: [{ key: 'PERMISSION_SET', ok: false, detail: 'Assign it to Priya Raman.' }]
};

function storeWith(connection: unknown): ApexStore {
  const fixtures: Record<string, unknown> = {
    'VclConnectionController.getConnectionStatus': connection,
    'VclIntegrationUserController.getIntegrationUserStatus': USER_READY,
    'VclIntegrationUserController.saveIntegrationUser': USER_SAVED
  };
  return new ApexStore(fixtures, createPreviewHandlers(Object.keys(fixtures)));
}

async function message(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (error) {
    return (error as ApexError).body.message;
  }
  throw new Error('expected the call to fail');
}

describe('Setup preview: Save connection', () => {
  it('stores a first URL and key, without the trailing slash, as saved but not tested', async () => {
    const store = storeWith(URL_NOT_SET);
    const saved = await store.call('VclConnectionController.saveConnection', {
      url: ' https://api.voice.example.com/v1/ ',
      apiKey: 'sk_live_1'
    });
    expect(saved).toMatchObject({ url: 'https://api.voice.example.com/v1', urlSet: true, apiKeySet: true });
    expect(saved).toMatchObject({ outcome: null, checkedAt: null });
    expect(await store.call('VclConnectionController.getConnectionStatus')).toEqual(saved);
    expect(JSON.stringify(saved)).not.toContain('sk_live_1');
  });

  it('refuses what the Apex refuses, with its messages', async () => {
    const store = storeWith(URL_NOT_SET);
    const save = (url: string, apiKey: string): Promise<string> =>
      message(store.call('VclConnectionController.saveConnection', { url, apiKey }));
    expect(await save('', '')).toBe('Enter the voice system URL, the API key, or both.');
    expect(await save('http://voice.example.com', 'k')).toContain('https address');
    expect(await save('https://voice.example.com/?a=1', 'k')).toContain('https address');
    expect(await save('https://voice.example.com', 'two words')).toContain('without spaces');
    expect(await save('', 'sk_live_1')).toBe(
      'Enter the voice system URL first: the API key is used with it.'
    );
  });

  it('refuses another URL once one is set and says where to change it', async () => {
    const store = storeWith(READY);
    const refused = await message(
      store.call('VclConnectionController.saveConnection', { url: 'https://other.example.com', apiKey: '' })
    );
    expect(refused).toContain('Setup → Named Credentials → Voice System');
    expect(
      await store.call('VclConnectionController.saveConnection', { url: '', apiKey: 'sk_new' })
    ).toMatchObject({ url: READY.url, apiKeySet: true });
  });
});

describe('Setup preview: Save and check (integration user)', () => {
  it('answers the saved-user sample renamed to the picked sample user, and stores it', async () => {
    const store = storeWith(READY);
    const saved = (await store.call('VclIntegrationUserController.saveIntegrationUser', {
      userId: '0055g00000WbUsr3AAA'
    })) as typeof USER_SAVED;
    expect(saved.userId).toBe('0055g00000WbUsr3AAA');
    expect(saved.displayName).toBe('Sales Queue Owner');
    expect(saved.checks[0]?.detail).toBe('Assign it to Sales Queue Owner.');
    expect(await store.call('VclIntegrationUserController.getIntegrationUserStatus')).toEqual(saved);
  });

  it('keeps the current status when the same user is saved again, and refuses a non-user id', async () => {
    const store = storeWith(READY);
    expect(
      await store.call('VclIntegrationUserController.saveIntegrationUser', { userId: USER_READY.userId })
    ).toEqual(USER_READY);
    expect(
      await message(
        store.call('VclIntegrationUserController.saveIntegrationUser', { userId: '001000000000001' })
      )
    ).toContain('is not a user id');
  });
});

// The preview's copies of Apex rules, compared with the Apex and the field metadata they come from.
const ROOT = path.resolve(__dirname, '../../..');
const read = (file: string): string => readFileSync(path.join(ROOT, file), 'utf8');
const VALIDATOR = read('force-app/main/screens/settingsForm/classes/VclSettingsValidator.cls');

function apexConstant(file: string, name: string): number {
  const match = new RegExp(`\\b${name}\\s*=\\s*(\\d+);`).exec(read(file));
  if (!match) {
    throw new Error(`${name} not found in ${file}`);
  }
  return Number(match[1]);
}

function fieldLength(field: string): number {
  const xml = read(`force-app/main/settings/objects/Voice_Call_Settings__c/fields/${field}.field-meta.xml`);
  const match = /<length>(\d+)<\/length>/.exec(xml);
  if (!match) {
    throw new Error(`${field} has no length`);
  }
  return Number(match[1]);
}

describe('Setup preview: settings checks', () => {
  it('uses the ranges of VclSettingsValidator', () => {
    const maxBatch = apexConstant(
      'force-app/main/processing/classes/VclCallProcessingService.cls',
      'MAX_BATCH'
    );
    const ranges: Record<string, [number, number]> = {};
    for (const m of VALIDATOR.matchAll(
      /checkRange\(\s*problems,\s*'(\w+)',\s*s\.\w+,\s*(\d+),\s*([\w.]+)\s*\)/g
    )) {
      ranges[m[1] ?? ''] = [
        Number(m[2]),
        m[3] === 'VclCallProcessingService.MAX_BATCH' ? maxBatch : Number(m[3])
      ];
    }
    expect(Object.keys(ranges).length).toBeGreaterThan(0);
    expect(SETTINGS_RANGES).toEqual(ranges);
  });

  it('uses the lengths of the Voice_Call_Settings__c fields the Apex checks', () => {
    const lengths: Record<string, number> = {};
    for (const m of VALIDATOR.matchAll(
      /checkText\(\s*problems,\s*'(\w+)',\s*s\.\w+,\s*Voice_Call_Settings__c\.(\w+)\s*\)/g
    )) {
      lengths[m[1] ?? ''] = fieldLength(m[2] ?? '');
    }
    expect(VALIDATOR).toContain(
      'Voice_Call_Settings__c.Appointment_Subject_Suffix__c.getDescribe().getLength()'
    );
    lengths.appointmentSubjectSuffix = fieldLength('Appointment_Subject_Suffix__c');
    expect(SETTINGS_TEXT_LENGTHS).toEqual(lengths);
  });

  it('names each bad value with the Apex message', () => {
    const problems = settingsProblems({
      syncThreshold: 201,
      reminderMinutesBefore: 10080,
      defaultCountryCode: '999',
      newLeadLastName: 'x'.repeat(81),
      eventSubject: '  ',
      conflictRule: 'Nope',
      createLeadForUnknownCallers: true,
      defaultOwnerId: null
    });
    expect(problems).toEqual([
      'conflictRule must be "SalesforceWins", "VoiceSystemWins" or "MostRecentWins"',
      'defaultCountryCode "999" is not an ITU country calling code (digits without +, e.g. 1 or 44)',
      'syncThreshold must be between 0 and 200',
      'eventSubject must not be blank',
      'newLeadLastName must be at most 80 characters',
      'defaultOwnerId is required when createLeadForUnknownCallers is on (it owns the new Leads)'
    ]);
    for (const problem of problems) {
      // Every message stands in the Apex, as text or as its pieces around a value.
      const fixedPart = (problem.split(/"[^"]*"|\d+/)[0] ?? '').trim();
      expect(VALIDATOR).toContain(fixedPart.split(' ').slice(-3).join(' '));
    }
    expect(
      settingsProblems({ syncThreshold: 0, defaultCountryCode: '44', appointmentSubjectSuffix: '' })
    ).toEqual([]);
  });
});

describe('Setup preview: connection checks', () => {
  it('uses the API key limit of VclVoiceSystemCredentials', () => {
    expect(MAX_API_KEY_LENGTH).toBe(
      apexConstant('force-app/main/connection/classes/VclVoiceSystemCredentials.cls', 'MAX_API_KEY_LENGTH')
    );
    expect(apiKeyProblem('k'.repeat(MAX_API_KEY_LENGTH))).toBeNull();
    expect(apiKeyProblem('k'.repeat(MAX_API_KEY_LENGTH + 1))).toContain('longer than 1024');
    expect(apiKeyProblem('tab\tkey')).toContain('without spaces');
    expect(apiKeyProblem('ключ')).toContain('printable');
  });

  it('normalizes a URL as VclVoiceSystemCredentials.normalizeUrl does', () => {
    expect(normalizeUrl(' https://api.voice.example.com/v1// ')).toBe('https://api.voice.example.com/v1');
    expect(normalizeUrl('HTTPS://api.voice.example.com')).toBe('HTTPS://api.voice.example.com');
    expect(normalizeUrl('http://api.voice.example.com')).toBeNull();
    expect(normalizeUrl('https://user@api.voice.example.com')).toBeNull();
    expect(normalizeUrl('https://api.voice.example.com/v1#top')).toBeNull();
    expect(normalizeUrl('https://api.voice example.com')).toBeNull();
  });
});
