import { LightningElement, wire } from 'lwc';
import LightningConfirm from 'lightning/confirm';
import { ShowToastEvent } from 'lightning/platformShowToastEvent';
import listMappings from '@salesforce/apex/VclFieldMappingController.listMappings';
import listPayloadKeys from '@salesforce/apex/VclFieldMappingController.listPayloadKeys';
import listTargetFields from '@salesforce/apex/VclFieldMappingController.listTargetFields';
import checkMapping from '@salesforce/apex/VclFieldMappingController.checkMapping';
import saveMappings from '@salesforce/apex/VclFieldMappingController.saveMappings';
import restoreDefaultMappings from '@salesforce/apex/VclFieldMappingController.restoreDefaultMappings';
import type {
  ApexWireResult,
  VclFieldMappingController_Mapping as Mapping,
  VclFieldMappingController_PayloadKey as PayloadKey,
  VclFieldMappingController_TargetField as TargetField
} from '@salesforce/apex-types';
import { errorText } from 'c/vclCallFormat';
import { fromWire, NOT_LOADED, refreshWire } from 'c/vclWireState';
import type { WireState } from 'c/vclWireState';
import {
  markDuplicateTargets,
  type MappingRow,
  type MappingRowView,
  type Option,
  TARGET_OBJECTS,
  toRow,
  toRowView
} from './fieldMappingRows';

/** Admin field mapping: payload key → Task/Event/Lead/Call_Log__c field, type-checked before saving. */
export default class VclFieldMapping extends LightningElement {
  objectOptions = TARGET_OBJECTS;
  rows: MappingRow[] = [];
  /** Target fields by object, loaded once per object through the cacheable Apex method. */
  fieldsByObject: Record<string, TargetField[]> = {};
  fieldErrors: Record<string, string> = {};
  /** The stored mappings as Apex last delivered them (Cancel returns to them). */
  mappingsState: WireState<Mapping[]> = NOT_LOADED;
  keysState: WireState<PayloadKey[]> = NOT_LOADED;
  saveError: string | null = null;
  isSaving = false;
  isDirty = false;
  loaded = false;

  private newRowCount = 0;

  @wire(listMappings)
  wiredMappings(result: ApexWireResult<Mapping[]>): void {
    this.mappingsState = fromWire(this.mappingsState, result);
    if (result.data && !this.isDirty) {
      this.setRows(result.data);
    }
  }

  @wire(listPayloadKeys)
  wiredPayloadKeys(result: ApexWireResult<PayloadKey[]>): void {
    this.keysState = fromWire(this.keysState, result);
  }

  get payloadKeys(): PayloadKey[] {
    return this.keysState.data ?? [];
  }

  private setRows(mappings: Mapping[]): void {
    this.rows = mappings.map(toRow);
    this.loaded = true;
    this.isDirty = false;
    this.saveError = null;
    this.markDuplicates();
    [...new Set(this.rows.map((r) => r.targetObject).filter((o) => !!o))].forEach((o) => {
      this.loadFields(o).catch(() => undefined);
    });
  }

  private async loadFields(objectApiName: string): Promise<void> {
    if (this.fieldsByObject[objectApiName]) {
      return;
    }
    try {
      const fields = await listTargetFields({ objectApiName });
      this.fieldsByObject = { ...this.fieldsByObject, [objectApiName]: fields };
    } catch (e) {
      this.fieldErrors = { ...this.fieldErrors, [objectApiName]: errorText(e) };
    }
  }

  // View ----------------------------------------------------------------------------------------

  get isLoading(): boolean {
    return !this.loaded && !this.mappingsState.error;
  }

  get errorMessage(): string | null {
    const errors = [this.mappingsState.error, this.keysState.error].filter((e) => !!e);
    return errors.length ? errorText(errors) : null;
  }

  get payloadKeyOptions(): Option[] {
    return this.payloadKeys.map((k) => ({ label: `${k.key} · ${k.dataType}`, value: k.key }));
  }

  get hasRows(): boolean {
    return this.rows.length > 0;
  }

  get isEmpty(): boolean {
    return this.loaded && this.rows.length === 0;
  }

  get views(): MappingRowView[] {
    return this.rows.map((row, i) =>
      toRowView(row, i, {
        fields: this.fieldsByObject[row.targetObject],
        loadError: this.fieldErrors[row.targetObject],
        payloadKey: this.payloadKeys.find((k) => k.key === row.payloadKey)
      })
    );
  }

  get incompleteCount(): number {
    return this.rows.filter((r) => !r.payloadKey || !r.targetObject || !r.targetField).length;
  }

  get problemCount(): number {
    return this.rows.filter((r) => !!r.problem).length;
  }

  get isChecking(): boolean {
    return this.rows.some((r) => r.checking);
  }

  get saveBlockedReason(): string | null {
    if (this.problemCount) {
      return `Fix the ${this.problemCount === 1 ? 'mapping' : `${this.problemCount} mappings`} marked in red before saving.`;
    }
    if (this.incompleteCount) {
      return `Choose a payload key, object and field on every row (${this.incompleteCount} incomplete).`;
    }
    return null;
  }

  get saveDisabled(): boolean {
    return this.isSaving || this.isChecking || !!this.saveBlockedReason || !this.isDirty;
  }

  // Editing -------------------------------------------------------------------------------------

  /** Applies `patch` to the row the event came from; null when that row is gone (e.g. removed meanwhile). */
  private changeRow(event: Event, patch: Partial<MappingRow>): MappingRow | null {
    const key = (event.target as HTMLElement).dataset.key;
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

  handlePayloadKeyChange(event: CustomEvent<{ value: string }>): void {
    const row = this.changeRow(event, { payloadKey: event.detail.value });
    if (row) {
      this.recheck(row);
    }
  }

  handleObjectChange(event: CustomEvent<{ value: string }>): void {
    const targetObject = event.detail.value;
    if (this.changeRow(event, { targetObject, targetField: '', problem: null })) {
      this.markDuplicates();
      this.loadFields(targetObject).catch(() => undefined);
    }
  }

  handleFieldChange(event: CustomEvent<{ value: string }>): void {
    const row = this.changeRow(event, { targetField: event.detail.value });
    if (row) {
      this.recheck(row);
    }
  }

  handleEnabledChange(event: CustomEvent<{ checked: boolean }>): void {
    if (this.changeRow(event, { enabled: event.detail.checked })) {
      this.markDuplicates();
    }
  }

  handleAddRow(): void {
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

  handleRemoveRow(event: Event): void {
    const key = (event.currentTarget as HTMLElement).dataset.key;
    this.rows = this.rows.filter((r) => r.key !== key);
    this.isDirty = true;
    this.markDuplicates();
  }

  handleCancel(): void {
    this.isDirty = false;
    if (this.mappingsState.data) {
      this.setRows(this.mappingsState.data);
    }
  }

  /** Asks Apex whether the row's key fits its field; the answer is shown inline and blocks Save. */
  private recheck(row: MappingRow): void {
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
      .catch((e: unknown) => {
        this.setRowState(key, { checking: false, problem: `Could not check this mapping: ${errorText(e)}` });
      });
  }

  private setRowState(key: string, patch: Partial<MappingRow>): void {
    this.rows = this.rows.map((r) => (r.key === key ? { ...r, ...patch } : r));
  }

  private markDuplicates(): void {
    this.rows = markDuplicateTargets(this.rows);
  }

  // Saving --------------------------------------------------------------------------------------

  async handleSave(): Promise<void> {
    if (this.saveDisabled) {
      return;
    }
    this.isSaving = true;
    this.saveError = null;
    try {
      // A new row has no Id yet: Apex receives null there (the generated type has no null members).
      const mappings = this.rows.map(
        (r) =>
          ({
            id: r.id,
            payloadKey: r.payloadKey,
            targetObject: r.targetObject,
            targetField: r.targetField,
            enabled: r.enabled,
            isDefault: r.isDefault
          }) as Mapping
      );
      await this.showStored(await saveMappings({ mappings }), 'Field mappings saved', 'mappings in use');
    } catch (e) {
      this.showStoreError(e, 'Field mappings were not saved');
    } finally {
      this.isSaving = false;
    }
  }

  async handleRestoreDefaults(): Promise<void> {
    const ok = await LightningConfirm.open({
      message:
        'Replace every mapping with the packaged defaults? Mappings you added or changed are removed; this cannot be undone.',
      label: 'Restore default mappings',
      variant: 'header',
      theme: 'warning'
    });
    if (!ok) {
      return;
    }
    this.isSaving = true;
    try {
      await this.showStored(
        await restoreDefaultMappings({}),
        'Default mappings restored',
        'default mappings in use'
      );
    } catch (e) {
      this.showStoreError(e, 'Defaults were not restored');
    } finally {
      this.isSaving = false;
    }
  }

  // What Save and Restore defaults stored: shown as the rows, said in a toast, and the wire asked to catch up.
  private async showStored(stored: Mapping[], title: string, inUse: string): Promise<void> {
    this.setRows(stored);
    this.dispatchEvent(
      new ShowToastEvent({ title, message: `${stored.length} ${inUse}.`, variant: 'success' })
    );
    await refreshWire(this.mappingsState);
  }

  private showStoreError(error: unknown, title: string): void {
    this.saveError = errorText(error);
    this.dispatchEvent(new ShowToastEvent({ title, message: this.saveError, variant: 'error' }));
  }
}
