/**
 * The workbench's field-mapping type check reads the package's Field_Mapping_Type_Rules resource, the table
 * VclFieldMappingTypeRules.cls reads in the org: one data file, no copy to drift.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { acceptsPayloadType } from '../runtime/fieldMappingTypes';

const ROOT = path.resolve(__dirname, '../../..');

describe('field-mapping type rules', () => {
  it('allows and refuses known pairs', () => {
    expect(acceptsPayloadType('STRING', 'PICKLIST')).toBe(true);
    expect(acceptsPayloadType('DATETIME', 'DATE')).toBe(true);
    expect(acceptsPayloadType('ANY', 'BOOLEAN')).toBe(true);
    expect(acceptsPayloadType('TEXTAREA', 'STRING')).toBe(false);
    expect(acceptsPayloadType('DATETIME', 'BOOLEAN')).toBe(false);
    expect(acceptsPayloadType('NOPE', 'STRING')).toBe(false);
  });

  it('knows every payload type VclCallFieldMappings.cls declares', () => {
    const apex = readFileSync(
      path.join(ROOT, 'force-app/main/settings/classes/VclCallFieldMappings.cls'),
      'utf8'
    );
    const declared = [...apex.matchAll(/public static final String T_\w+ = '(\w+)';/g)].map(
      (m) => m[1] ?? ''
    );
    expect(declared).toEqual(expect.arrayContaining(['STRING', 'ANY']));
    for (const payloadType of declared) {
      expect(acceptsPayloadType(payloadType, payloadType === 'ANY' ? 'STRING' : payloadType)).toBe(true);
    }
  });

  it('is a table Apex can parse: an object of string lists under compatibleTargetTypes', () => {
    const resource = JSON.parse(
      readFileSync(
        path.join(ROOT, 'force-app/main/settings/staticresources/Field_Mapping_Type_Rules.json'),
        'utf8'
      )
    ) as { compatibleTargetTypes?: unknown };
    const table = resource.compatibleTargetTypes;
    expect(typeof table).toBe('object');
    for (const targetTypes of Object.values(table as Record<string, unknown>)) {
      expect(Array.isArray(targetTypes) && targetTypes.every((t) => typeof t === 'string')).toBe(true);
    }
  });
});
