/** The pure parts of the Opportunity rule's e2e case; the case itself needs an org and is never part of npm test. */
import { readValueFromException } from './apex-snippets';
import { CreatedRecords, planCleanup } from './cleanup';
import {
  parseSwitch,
  readRelateToOpenOpportunityApex,
  setRelateToOpenOpportunityApex,
  stageQuery
} from './opportunity-rule';

describe('Relate To Open Opportunity e2e helpers', () => {
  it('switches the setting through VclSettingsController and nothing else', () => {
    expect(setRelateToOpenOpportunityApex(true)).toBe(
      [
        'VclSettingsController.Settings s = VclSettingsController.getSettings();',
        's.relateToOpenOpportunity = true;',
        'VclSettingsController.saveSettings(s);'
      ].join('\n')
    );
    expect(setRelateToOpenOpportunityApex(false)).toContain('s.relateToOpenOpportunity = false;');
  });

  it('reads the switch back from the assertion message', () => {
    expect(readRelateToOpenOpportunityApex()).toContain('s.relateToOpenOpportunity');
    const message = 'System.AssertException: Assertion Failed: E2E_VALUE=true;';
    expect(parseSwitch(readValueFromException(message))).toBe(true);
    expect(parseSwitch('false')).toBe(false);
    expect(() => parseSwitch(undefined)).toThrow('expected true or false, got undefined');
    expect(() => parseSwitch('null')).toThrow('got "null"');
  });

  it('asks the org for an active open or closed stage instead of hard-coding a label', () => {
    expect(stageQuery(false)).toBe(
      'SELECT ApiName FROM OpportunityStage WHERE IsActive = true AND IsClosed = false ORDER BY SortOrder LIMIT 1'
    );
    expect(stageQuery(true)).toContain('IsClosed = true');
  });

  it('deletes the Opportunities after the activities and before their Contacts and Accounts', () => {
    const created = new CreatedRecords();
    created.add('Account', '001000000000001AAA');
    created.add('Contact', '003000000000001AAA');
    created.add('Opportunity', '006000000000001AAA', '006000000000002AAA');
    created.add('Task', '00T000000000001AAA');
    expect(planCleanup(created).map((s) => `${s.sobject}:${s.ids.length}`)).toEqual([
      'Task:1',
      'Opportunity:2',
      'Contact:1',
      'Account:1'
    ]);
  });
});
