/**
 * PREVIEW BEHAVIOUR (workbench only) of the Field Mapping screen: the check VclCallFieldMappings.schemaProblem makes,
 * with the same messages, over the fixtures' describe data. Type compatibility comes from the package's own
 * Field_Mapping_Type_Rules resource (fieldMappingTypes.ts), the table Apex reads.
 */
import { ApexError, type ApexKey, type PreviewContext, type PreviewHandler } from './store';
import { acceptsPayloadType } from './fieldMappingTypes';
import { asString, isRecord, type Row } from './previewValues';

const TARGET_OBJECTS = ['Task', 'Event', 'Lead', 'Call_Log__c'];

function findByKey(list: unknown, keyField: string, key: string): Row | undefined {
  if (!Array.isArray(list)) {
    return undefined;
  }
  return list.find((item): item is Row => isRecord(item) && item[keyField] === key);
}

/** Target fields of one object from the listTargetFields fixture (a map by object, or one array). */
export function targetFieldsFor(context: PreviewContext, objectApiName: string): unknown[] {
  const stored = context.get('VclFieldMappingController.listTargetFields');
  const fields = isRecord(stored) ? stored[objectApiName] : stored;
  return Array.isArray(fields) ? fields : [];
}

export function checkMappingPreview(
  context: PreviewContext,
  payloadKey: string,
  targetObject: string,
  targetField: string
): string | null {
  const payload = findByKey(context.get('VclFieldMappingController.listPayloadKeys'), 'key', payloadKey);
  const sourceType = asString(payload?.dataType) ?? (/^properties\..+/.test(payloadKey) ? 'ANY' : undefined);
  if (!sourceType) {
    return `Unknown payload key "${payloadKey}": use a core key or properties.<name>.`;
  }
  if (!TARGET_OBJECTS.includes(targetObject)) {
    return `Target object must be Task, Event, Lead or Call_Log__c, not "${targetObject}".`;
  }
  const field = findByKey(targetFieldsFor(context, targetObject), 'apiName', targetField);
  if (!field) {
    return `${targetObject} has no field "${targetField}".`;
  }
  const targetType = (asString(field.dataType) ?? '').toUpperCase();
  if (!acceptsPayloadType(sourceType, targetType)) {
    return `A ${sourceType} payload value (${payloadKey}) can't go into ${targetObject}.${targetField} (${targetType}).`;
  }
  return null;
}

/** Handlers of the Field Mapping screen's actions. */
export function fieldMappingHandlers(): Record<ApexKey, PreviewHandler> {
  return {
    'VclFieldMappingController.listTargetFields': (context) =>
      targetFieldsFor(context, String(context.params.objectApiName ?? '')),
    'VclFieldMappingController.checkMapping': (context) =>
      checkMappingPreview(
        context,
        String(context.params.payloadKey ?? ''),
        String(context.params.targetObject ?? ''),
        String(context.params.targetField ?? '')
      ),
    'VclFieldMappingController.saveMappings': (context) => {
      const mappings = Array.isArray(context.params.mappings) ? context.params.mappings.filter(isRecord) : [];
      mappings.forEach((mapping, index) => {
        if (mapping.enabled === false) {
          return;
        }
        const reason = checkMappingPreview(
          context,
          String(mapping.payloadKey ?? ''),
          String(mapping.targetObject ?? ''),
          String(mapping.targetField ?? '')
        );
        if (reason) {
          throw new ApexError(
            `Mappings not saved. Row ${index + 1} (${String(mapping.payloadKey)} → ${String(mapping.targetObject)}.${String(mapping.targetField)}): ${reason}`
          );
        }
      });
      const saved = mappings.map((mapping, index) => ({
        ...mapping,
        id: asString(mapping.id) ?? `m0Wpreview${String(index).padStart(5, '0')}`,
        isDefault: mapping.isDefault === true
      }));
      context.set('VclFieldMappingController.listMappings', saved);
      return saved;
    },
    'VclFieldMappingController.restoreDefaultMappings': (context) => {
      const original = context.original('VclFieldMappingController.listMappings');
      const defaults = Array.isArray(original)
        ? original.filter((m) => isRecord(m) && m.isDefault !== false)
        : [];
      context.set('VclFieldMappingController.listMappings', defaults);
      return defaults;
    }
  };
}
