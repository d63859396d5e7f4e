export const TARGET_OBJECTS = [
    { label: 'Task (the call)', value: 'Task' },
    { label: 'Event (the appointment)', value: 'Event' },
    { label: 'Lead (when created for an unknown caller)', value: 'Lead' },
    { label: 'Call Log', value: 'Call_Log__c' }
];
/** A saved (or packaged default) mapping as an editable row. */
export function toRow(m) {
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
/**
 * The view of row `i`: its target object's fields as options (undefined while they load), the error of loading
 * them, and the payload key's description.
 */
export function toRowView(row, i, context) {
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
export function markDuplicateTargets(rows) {
    const seen = new Map();
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
