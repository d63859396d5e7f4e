import { LightningElement, wire } from 'lwc';
import LightningConfirm from 'lightning/confirm';
import { ShowToastEvent } from 'lightning/platformShowToastEvent';
import listMappings from '@salesforce/apex/VclFieldMappingController.listMappings';
import listPayloadKeys from '@salesforce/apex/VclFieldMappingController.listPayloadKeys';
import listTargetFields from '@salesforce/apex/VclFieldMappingController.listTargetFields';
import checkMapping from '@salesforce/apex/VclFieldMappingController.checkMapping';
import saveMappings from '@salesforce/apex/VclFieldMappingController.saveMappings';
import restoreDefaultMappings from '@salesforce/apex/VclFieldMappingController.restoreDefaultMappings';
import { errorText } from 'c/vclCallFormat';
import { fromWire, NOT_LOADED, refreshWire } from 'c/vclWireState';
import { markDuplicateTargets, TARGET_OBJECTS, toRow, toRowView } from './fieldMappingRows';
/** Admin field mapping: payload key → Task/Event/Lead/Call_Log__c field, type-checked before saving. */
export default class VclFieldMapping extends LightningElement {
    objectOptions = TARGET_OBJECTS;
    rows = [];
    /** Target fields by object, loaded once per object through the cacheable Apex method. */
    fieldsByObject = {};
    fieldErrors = {};
    /** The stored mappings as Apex last delivered them (Cancel returns to them). */
    mappingsState = NOT_LOADED;
    keysState = NOT_LOADED;
    saveError = null;
    isSaving = false;
    isDirty = false;
    loaded = false;
    newRowCount = 0;
    @wire(listMappings)
    wiredMappings(result) {
        this.mappingsState = fromWire(this.mappingsState, result);
        if (result.data && !this.isDirty) {
            this.setRows(result.data);
        }
    }
    @wire(listPayloadKeys)
    wiredPayloadKeys(result) {
        this.keysState = fromWire(this.keysState, result);
    }
    get payloadKeys() {
        return this.keysState.data ?? [];
    }
    setRows(mappings) {
        this.rows = mappings.map(toRow);
        this.loaded = true;
        this.isDirty = false;
        this.saveError = null;
        this.markDuplicates();
        [...new Set(this.rows.map((r) => r.targetObject).filter((o) => !!o))].forEach((o) => {
            this.loadFields(o).catch(() => undefined);
        });
    }
    async loadFields(objectApiName) {
        if (this.fieldsByObject[objectApiName]) {
            return;
        }
        try {
            const fields = await listTargetFields({ objectApiName });
            this.fieldsByObject = { ...this.fieldsByObject, [objectApiName]: fields };
        }
        catch (e) {
            this.fieldErrors = { ...this.fieldErrors, [objectApiName]: errorText(e) };
        }
    }
    // View ----------------------------------------------------------------------------------------
    get isLoading() {
        return !this.loaded && !this.mappingsState.error;
    }
    get errorMessage() {
        const errors = [this.mappingsState.error, this.keysState.error].filter((e) => !!e);
        return errors.length ? errorText(errors) : null;
    }
    get payloadKeyOptions() {
        return this.payloadKeys.map((k) => ({ label: `${k.key} · ${k.dataType}`, value: k.key }));
    }
    get hasRows() {
        return this.rows.length > 0;
    }
    get isEmpty() {
        return this.loaded && this.rows.length === 0;
    }
    get views() {
        return this.rows.map((row, i) => toRowView(row, i, {
            fields: this.fieldsByObject[row.targetObject],
            loadError: this.fieldErrors[row.targetObject],
            payloadKey: this.payloadKeys.find((k) => k.key === row.payloadKey)
        }));
    }
    get incompleteCount() {
        return this.rows.filter((r) => !r.payloadKey || !r.targetObject || !r.targetField).length;
    }
    get problemCount() {
        return this.rows.filter((r) => !!r.problem).length;
    }
    get isChecking() {
        return this.rows.some((r) => r.checking);
    }
    get saveBlockedReason() {
        if (this.problemCount) {
            return `Fix the ${this.problemCount === 1 ? 'mapping' : `${this.problemCount} mappings`} marked in red before saving.`;
        }
        if (this.incompleteCount) {
            return `Choose a payload key, object and field on every row (${this.incompleteCount} incomplete).`;
        }
        return null;
    }
    get saveDisabled() {
        return this.isSaving || this.isChecking || !!this.saveBlockedReason || !this.isDirty;
    }
    // Editing -------------------------------------------------------------------------------------
    /** Applies `patch` to the row the event came from; null when that row is gone (e.g. removed meanwhile). */
    changeRow(event, patch) {
        const key = event.target.dataset.key;
        const index = this.rows.findIndex((r) => r.key === key);
        if (index < 0) {
            return null;
        }
        const row = { ...this.rows[index], ...patch };
        this.rows = this.rows.map((r, i) => (i === index ? row : r));
        this.isDirty = true;
        this.saveError = null;
        return row;
    }
    handlePayloadKeyChange(event) {
        const row = this.changeRow(event, { payloadKey: event.detail.value });
        if (row) {
            this.recheck(row);
        }
    }
    handleObjectChange(event) {
        const targetObject = event.detail.value;
        if (this.changeRow(event, { targetObject, targetField: '', problem: null })) {
            this.markDuplicates();
            this.loadFields(targetObject).catch(() => undefined);
        }
    }
    handleFieldChange(event) {
        const row = this.changeRow(event, { targetField: event.detail.value });
        if (row) {
            this.recheck(row);
        }
    }
    handleEnabledChange(event) {
        if (this.changeRow(event, { enabled: event.detail.checked })) {
            this.markDuplicates();
        }
    }
    handleAddRow() {
        this.newRowCount += 1;
        this.rows = [
            ...this.rows,
            {
                key: `new-${this.newRowCount}`,
                id: null,
                payloadKey: '',
                targetObject: 'Task',
                targetField: '',
                enabled: true,
                isDefault: false,
                problem: null,
                checking: false
            }
        ];
        this.isDirty = true;
        this.loadFields('Task').catch(() => undefined);
    }
    handleRemoveRow(event) {
        const key = event.currentTarget.dataset.key;
        this.rows = this.rows.filter((r) => r.key !== key);
        this.isDirty = true;
        this.markDuplicates();
    }
    handleCancel() {
        this.isDirty = false;
        if (this.mappingsState.data) {
            this.setRows(this.mappingsState.data);
        }
    }
    /** Asks Apex whether the row's key fits its field; the answer is shown inline and blocks Save. */
    recheck(row) {
        this.markDuplicates();
        if (!row.payloadKey || !row.targetObject || !row.targetField) {
            return;
        }
        const key = row.key;
        const snapshot = `${row.payloadKey}|${row.targetObject}|${row.targetField}`;
        this.setRowState(key, { checking: true });
        checkMapping({ payloadKey: row.payloadKey, targetObject: row.targetObject, targetField: row.targetField })
            .then((reason) => {
            const current = this.rows.find((r) => r.key === key);
            // Ignore an answer for a combination the admin has already changed.
            if (current && `${current.payloadKey}|${current.targetObject}|${current.targetField}` === snapshot) {
                this.setRowState(key, { checking: false, problem: reason || null });
                this.markDuplicates();
            }
        })
            .catch((e) => {
            this.setRowState(key, { checking: false, problem: `Could not check this mapping: ${errorText(e)}` });
        });
    }
    setRowState(key, patch) {
        this.rows = this.rows.map((r) => (r.key === key ? { ...r, ...patch } : r));
    }
    markDuplicates() {
        this.rows = markDuplicateTargets(this.rows);
    }
    // Saving --------------------------------------------------------------------------------------
    async handleSave() {
        if (this.saveDisabled) {
            return;
        }
        this.isSaving = true;
        this.saveError = null;
        try {
            // A new row has no Id yet: Apex receives null there (the generated type has no null members).
            const mappings = this.rows.map((r) => ({
                id: r.id,
                payloadKey: r.payloadKey,
                targetObject: r.targetObject,
                targetField: r.targetField,
                enabled: r.enabled,
                isDefault: r.isDefault
            }));
            await this.showStored(await saveMappings({ mappings }), 'Field mappings saved', 'mappings in use');
        }
        catch (e) {
            this.showStoreError(e, 'Field mappings were not saved');
        }
        finally {
            this.isSaving = false;
        }
    }
    async handleRestoreDefaults() {
        const ok = await LightningConfirm.open({
            message: 'Replace every mapping with the packaged defaults? Mappings you added or changed are removed; this cannot be undone.',
            label: 'Restore default mappings',
            variant: 'header',
            theme: 'warning'
        });
        if (!ok) {
            return;
        }
        this.isSaving = true;
        try {
            await this.showStored(await restoreDefaultMappings({}), 'Default mappings restored', 'default mappings in use');
        }
        catch (e) {
            this.showStoreError(e, 'Defaults were not restored');
        }
        finally {
            this.isSaving = false;
        }
    }
    // What Save and Restore defaults stored: shown as the rows, said in a toast, and the wire asked to catch up.
    async showStored(stored, title, inUse) {
        this.setRows(stored);
        this.dispatchEvent(new ShowToastEvent({ title, message: `${stored.length} ${inUse}.`, variant: 'success' }));
        await refreshWire(this.mappingsState);
    }
    showStoreError(error, title) {
        this.saveError = errorText(error);
        this.dispatchEvent(new ShowToastEvent({ title, message: this.saveError, variant: 'error' }));
    }
}
