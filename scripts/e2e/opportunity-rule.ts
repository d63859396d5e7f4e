/**
 * What the e2e needs for the Opportunity rule (Relate To Open Opportunity): anonymous Apex that switches and reads
 * the setting through the settings API the setup screen uses (VclSettingsController), and the query that finds a
 * stage name valid in the org. Only a typed boolean reaches the Apex source. Pure.
 */
import { READ_MARKER } from './apex-snippets';

/** Switches Relate To Open Opportunity on or off (the other settings are saved as they are). */
export function setRelateToOpenOpportunityApex(enabled: boolean): string {
  return [
    'VclSettingsController.Settings s = VclSettingsController.getSettings();',
    `s.relateToOpenOpportunity = ${enabled ? 'true' : 'false'};`,
    'VclSettingsController.saveSettings(s);'
  ].join('\n');
}

/** Reads the switch; the value comes back in the message of a failed assertion (readValueFromException). */
export function readRelateToOpenOpportunityApex(): string {
  return [
    'VclSettingsController.Settings s = VclSettingsController.getSettings();',
    `System.assert(false, '${READ_MARKER}' + s.relateToOpenOpportunity + ';');`
  ].join('\n');
}

/** "true" / "false" as read back; anything else is an error worth seeing. */
export function parseSwitch(value: string | undefined): boolean {
  if (value === 'true') return true;
  if (value === 'false') return false;
  throw new Error(`relateToOpenOpportunity: expected true or false, got ${JSON.stringify(value)}`);
}

/**
 * An active stage, open or closed: stage names are translated, renamed and limited by sales processes, so the e2e
 * never hard-codes one.
 */
export function stageQuery(closed: boolean): string {
  return (
    'SELECT ApiName FROM OpportunityStage WHERE IsActive = true AND IsClosed = ' +
    (closed ? 'true' : 'false') +
    ' ORDER BY SortOrder LIMIT 1'
  );
}
