/**
 * PREVIEW BEHAVIOUR — workbench only, never shipped to Salesforce and never used by Apex or the org
 * scripts. Approximations of what the data-changing Apex methods do, applied to the in-memory fixtures
 * so the screens can be clicked through locally. The real rules live in Apex (each screen's controller
 * under force-app/main/screens/<screen>/classes and the services it calls); keep these simple and
 * clearly labelled rather than faithful in every detail.
 *
 * One module per screen family: previewSetup.ts, previewFieldMapping.ts, previewCallLogs.ts.
 */
import type { ApexKey, PreviewHandler } from './store';
import { callLogHandlers } from './previewCallLogs';
import { fieldMappingHandlers } from './previewFieldMapping';
import { setupHandlers } from './previewSetup';

/**
 * Methods whose preview answer is computed (from the request and other methods' fixtures), so they need
 * no fixture of their own. Every other Apex method a component imports must have one.
 */
export const COMPUTED_METHODS: ReadonlySet<ApexKey> = new Set([
  'VclSyncLogController.retryCalls',
  'VclSyncLogController.resyncFailed',
  'VclSyncLogController.resendCallbacks',
  'VclPhoneKeyBackfillController.startPhoneKeyBackfill',
  'VclRetryJobController.runRetryJobNow',
  'VclSettingsController.saveSettings',
  'VclFieldMappingController.checkMapping',
  'VclFieldMappingController.saveMappings',
  'VclFieldMappingController.restoreDefaultMappings',
  'VclConnectionController.testConnection',
  'VclConnectionController.saveConnection',
  'VclIntegrationUserController.saveIntegrationUser'
]);

/**
 * Builds the preview handlers. `allKeys` lists every method with a fixture, so row-changing actions
 * (retry, re-sync) can update whichever sync-log methods the screens use.
 */
export function createPreviewHandlers(allKeys: readonly ApexKey[]): Record<ApexKey, PreviewHandler> {
  return { ...setupHandlers(), ...fieldMappingHandlers(), ...callLogHandlers(allKeys) };
}
