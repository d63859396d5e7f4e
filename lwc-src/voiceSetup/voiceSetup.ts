import { LightningElement } from 'lwc';

/**
 * Admin setup app page: lays out the cards that do the work — connection (`c-voice-connection-card`),
 * the integration user (`c-voice-integration-user-card`), sync health (`c-voice-sync-health`), settings (`c-voice-settings-form`), phone-index backfill
 * (`c-phone-key-backfill`), the scheduled retry job (`c-voice-retry-job`) and Test Sync (`c-phone-test-sync`).
 */
export default class VoiceSetup extends LightningElement {}
