import { LightningElement } from 'lwc';

/**
 * Admin setup app page: lays out the cards that do the work — connection (`c-vcl-connection-card`),
 * the integration user (`c-vcl-integration-user-card`), sync health (`c-vcl-sync-health`), settings (`c-vcl-settings-form`), phone-index backfill
 * (`c-vcl-phone-key-backfill`), the scheduled retry job (`c-vcl-retry-job`) and Test Sync (`c-vcl-phone-test-sync`).
 */
export default class VclSetup extends LightningElement {}
