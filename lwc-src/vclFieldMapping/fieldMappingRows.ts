/** The Field Mapping screen's rows: what one mapping row holds, how it is shown, and the duplicate-target rule. */
import type {
  VclFieldMappingController_Mapping as Mapping,
  VclFieldMappingController_PayloadKey as PayloadKey,
  VclFieldMappingController_TargetField as TargetField
} from '@salesforce/apex-types';

export type Option = { label: string; value: string };

export const TARGET_OBJECTS: Option[] = [
  { label: 'Task (the call)', value: 'Task' },
  { label: 'Event (the appointment)', value: 'Event' },
  { label: 'Lead (when created for an unknown caller)', value: 'Lead' },
  { label: 'Call Log', value: 'Call_Log__c' }
];

/** A mapping being edited: the Apex fields plus what the row shows. */
export interface MappingRow {
  /** Stable row key (the Id, or `new-<n>` for a row not saved yet). */
  key: string;
  /** Apex Id; null for a row the admin just added. */
  id: string | null;
  payloadKey: string;
  targetObject: string;
  targetField: string;
  enabled: boolean;
  isDefault: boolean;
  /** Why the key cannot be written to the field (type clash, duplicate target); null when fine. */
  problem: string | null;
  checking: boolean;
}

/** A saved (or packaged default) mapping as an editable row. */
export function toRow(m: Mapping): MappingRow {
  return {
    key: m.id ?? `new-${Math.random().toString(36).slice(2)}`,
    id: m.id ?? null,
    payloadKey: m.payloadKey ?? '',
    targetObject: m.targetObject ?? '',
    targetField: m.targetField ?? '',
    enabled: m.enabled !== false,
    isDefault: m.isDefault === true,
    problem: null,
    checking: false
  };
}

/** A row as the table shows it. */
export type MappingRowView = MappingRow & {
  index: number;
  fieldOptions: Option[];
  fieldPlaceholder: string;
  fieldDisabled: boolean;
  keyDescription: string;
  removeLabel: string;
  enabledLabel: string;
  rowClass: string;
};

/**
 * The view of row `i`: its target object's fields as options (undefined while they load), the error of loading
 * them, and the payload key's description.
 */
export function toRowView(
  row: MappingRow,
  i: number,
  context: { fields?: TargetField[]; loadError?: string; payloadKey?: PayloadKey }
): MappingRowView {
  const { fields, loadError, payloadKey } = context;
  return {
    ...row,
    index: i + 1,
    fieldOptions: (fields ?? []).map((f) => ({
      label: `${f.label} (${f.apiName}) · ${f.dataType}${f.length ? `(${f.length})` : ''}`,
      value: f.apiName
    })),
    fieldPlaceholder: loadError ?? (fields ? 'Choose a field' : 'Loading fields…'),
    fieldDisabled: !row.targetObject || !fields,
    keyDescription: payloadKey?.description ?? '',
    removeLabel: `Remove mapping ${i + 1}`,
    enabledLabel: `Mapping ${i + 1} enabled`,
    rowClass: row.problem ? 'slds-hint-parent row row_invalid' : 'slds-hint-parent row'
  };
}

/** Two enabled rows writing the same field would overwrite each other: marks the later ones. */
export function markDuplicateTargets(rows: MappingRow[]): MappingRow[] {
  const seen = new Map<string, number>();
  return rows.map((r, i) => {
    const duplicatePrefix = 'Duplicate target:';
    const problem = r.problem?.startsWith(duplicatePrefix) ? null : r.problem;
    if (!r.enabled || !r.targetObject || !r.targetField) {
      return { ...r, problem };
    }
    const target = `${r.targetObject}.${r.targetField}`;
    const first = seen.get(target);
    if (first !== undefined) {
      return { ...r, problem: problem ?? `${duplicatePrefix} row ${first + 1} already writes ${target}.` };
    }
    seen.set(target, i);
    return { ...r, problem };
  });
}
