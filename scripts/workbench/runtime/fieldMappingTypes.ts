/**
 * Field-mapping type compatibility in the workbench: the package's Field_Mapping_Type_Rules resource, the same
 * table VclFieldMappingTypeRules.cls reads in the org (scripts/workbench/lib/plugins.ts bundles the JSON as a module).
 */
import rules from '../../../force-app/main/settings/staticresources/Field_Mapping_Type_Rules.json';

const compatibleTargetTypes: Readonly<Record<string, readonly string[] | undefined>> =
  rules.compatibleTargetTypes;

/** Whether a payload value of `payloadType` may go into a field of `targetType` (a Schema.DisplayType name). */
export function acceptsPayloadType(payloadType: string, targetType: string): boolean {
  return compatibleTargetTypes[payloadType]?.includes(targetType) ?? false;
}
