/**
 * The workbench's preview of the Setup screen's Connection and Integration user saves (runtime/
 * previewHandlers.ts), with the Setup fixtures' shapes: what the sample states can be clicked into.
 */
import { ApexError, ApexStore } from '../runtime/store';
import { createPreviewHandlers } from '../runtime/previewHandlers';

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
