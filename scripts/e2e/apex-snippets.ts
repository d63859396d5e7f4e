/**
 * Anonymous Apex the e2e runs through the Tooling API (conn.tooling.executeAnonymous). Values are validated
 * before they are placed in the source — only digits for a country code, only Salesforce ids — so no input
 * can change what the snippet does. Pure.
 */

export function assertCountryCode(code: string): string {
  if (!/^\d{1,3}$/.test(code)) throw new Error(`country code must be 1-3 digits, got "${code}"`);
  return code;
}

export function assertRecordId(id: string): string {
  if (!/^[a-zA-Z0-9]{15}([a-zA-Z0-9]{3})?$/.test(id)) throw new Error(`not a Salesforce id: "${id}"`);
  return id;
}

/** Sets the default country code through the settings API the setup screen uses (VclSettingsController). */
export function setDefaultCountryApex(code: string): string {
  return [
    'VclSettingsController.Settings s = VclSettingsController.getSettings();',
    `s.defaultCountryCode = '${assertCountryCode(code)}';`,
    'VclSettingsController.saveSettings(s);'
  ].join('\n');
}

/** Switches status callbacks on or off through the settings screen's controller (as an admin would). */
export function setStatusCallbacksApex(enabled: boolean): string {
  return [
    'VclSettingsController.Settings s = VclSettingsController.getSettings();',
    `s.statusCallbacksEnabled = ${enabled ? 'true' : 'false'};`,
    'VclSettingsController.saveSettings(s);'
  ].join('\n');
}

export const READ_MARKER = 'E2E_VALUE=';

/**
 * Reads the default country code. executeAnonymous returns no value, only success or an exception message,
 * so the snippet ends with a failed assertion that carries the value; readValueFromException() takes it out.
 */
export function readDefaultCountryApex(): string {
  return [
    'VclSettingsController.Settings s = VclSettingsController.getSettings();',
    `System.assert(false, '${READ_MARKER}' + s.defaultCountryCode + ';');`
  ].join('\n');
}

export function readValueFromException(message: string | null | undefined): string | undefined {
  const match = new RegExp(`${READ_MARKER}([^;]*);`).exec(message ?? '');
  return match?.[1];
}

export function retryCallsApex(callLogIds: readonly string[]): string {
  const ids = callLogIds.map((id) => `'${assertRecordId(id)}'`).join(', ');
  return `System.debug(VclSyncLogController.retryCalls(new List<Id>{ ${ids} }));`;
}

/** The Task validation rule that forces processing to fail for calls with this disposition. */
export const FORCE_FAILURE_RULE = 'Task.Voice_E2E_Force_Failure';
export const FORCE_FAILURE_DISPOSITION = 'e2e-force-failure';
export const FORCE_FAILURE_MESSAGE = 'Voice e2e: forced failure (validation rule deployed by scripts/e2e)';

export function forceFailureRule(): {
  fullName: string;
  active: boolean;
  description: string;
  errorConditionFormula: string;
  errorMessage: string;
} {
  return {
    fullName: FORCE_FAILURE_RULE,
    active: true,
    description: 'Temporary: deployed and removed by npm run e2e to drive the Failed → retry path.',
    errorConditionFormula: `CallDisposition = "${FORCE_FAILURE_DISPOSITION}"`,
    errorMessage: FORCE_FAILURE_MESSAGE
  };
}
