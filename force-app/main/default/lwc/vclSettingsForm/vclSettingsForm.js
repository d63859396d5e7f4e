import { LightningElement, wire } from 'lwc';
import { ShowToastEvent } from 'lightning/platformShowToastEvent';
import getSettings from '@salesforce/apex/VclSettingsController.getSettings';
import saveSettings from '@salesforce/apex/VclSettingsController.saveSettings';
import { errorText } from 'c/vclCallFormat';
import { fromWire, isLoading, NOT_LOADED, refreshWire } from 'c/vclWireState';
const MATCH_PRIORITY_OPTIONS = [
    { label: 'Lead first, then Contact', value: 'Lead,Contact' },
    { label: 'Contact first, then Lead', value: 'Contact,Lead' }
];
const OWNER_RULE_OPTIONS = [
    { label: 'Owner of the matched Lead or Contact', value: 'RecordOwner' },
    { label: 'A default owner', value: 'DefaultOwner' }
];
const CONFLICT_RULE_OPTIONS = [
    { label: 'Salesforce wins (keep edits made in Salesforce)', value: 'SalesforceWins' },
    { label: 'Voice system wins (overwrite with the latest post)', value: 'VoiceSystemWins' },
    { label: 'Most recent change wins', value: 'MostRecentWins' }
];
const CANCELLED_ACTION_OPTIONS = [
    { label: 'Keep the Event and mark it cancelled', value: 'MarkCancelled' },
    { label: 'Delete the Event', value: 'Delete' }
];
const INTEGER_FIELDS = new Set([
    'syncThreshold',
    'eventDurationMinutes',
    'reminderMinutesBefore'
]);
/** Voice Setup card: every setting, validated in the browser and by Apex, with Save and Undo. */
export default class VclSettingsForm extends LightningElement {
    matchPriorityOptions = MATCH_PRIORITY_OPTIONS;
    ownerRuleOptions = OWNER_RULE_OPTIONS;
    conflictRuleOptions = CONFLICT_RULE_OPTIONS;
    cancelledActionOptions = CANCELLED_ACTION_OPTIONS;
    userFilter = { criteria: [{ fieldPath: 'IsActive', operator: 'eq', value: true }] };
    /** The stored settings as Apex last delivered them (Undo returns to them). */
    settingsState = NOT_LOADED;
    /** The form being edited: a copy of the stored settings. */
    form;
    saveError = null;
    isSaving = false;
    @wire(getSettings)
    wiredSettings(result) {
        this.settingsState = fromWire(this.settingsState, result);
        if (result.data) {
            this.form = { ...result.data };
        }
    }
    get isSettingsLoading() {
        return isLoading(this.settingsState);
    }
    get settingsErrorMessage() {
        return this.settingsState.error ? errorText(this.settingsState.error) : null;
    }
    get usesDefaultOwner() {
        return this.form?.ownerRule === 'DefaultOwner';
    }
    get createsLeads() {
        return this.form?.createLeadForUnknownCallers === true;
    }
    handleSettingChange(event) {
        const target = event.target;
        const field = target.dataset.field;
        if (!field || !this.form) {
            return;
        }
        let value;
        if (target.type === 'checkbox' || target.type === 'toggle') {
            value = event.detail.checked === true;
        }
        else if (field === 'defaultOwnerId') {
            value = event.detail.recordId ?? null;
        }
        else if (INTEGER_FIELDS.has(field)) {
            const raw = event.detail.value ?? '';
            value = raw === '' ? null : Number(raw);
        }
        else {
            value = event.detail.value ?? '';
        }
        // The form mirrors Settings; Apex accepts null for a value the admin cleared.
        this.form = { ...this.form, [field]: value };
        this.saveError = null;
    }
    validateForm() {
        const fields = this.template?.querySelectorAll('[data-field]') ?? [];
        let valid = true;
        fields.forEach((field) => {
            // Base components return false only when a constraint fails.
            if (field.reportValidity() === false) {
                valid = false;
            }
        });
        return valid;
    }
    async handleSaveSettings() {
        if (!this.form) {
            return;
        }
        if (!this.validateForm()) {
            this.saveError = 'Fix the highlighted fields, then save again.';
            return;
        }
        this.isSaving = true;
        this.saveError = null;
        try {
            const saved = await saveSettings({ settings: this.form });
            this.form = { ...saved };
            this.dispatchEvent(new ShowToastEvent({ title: 'Settings saved', variant: 'success' }));
            await refreshWire(this.settingsState);
        }
        catch (e) {
            this.saveError = errorText(e);
            this.dispatchEvent(new ShowToastEvent({ title: 'Settings were not saved', message: this.saveError, variant: 'error' }));
        }
        finally {
            this.isSaving = false;
        }
    }
    handleResetSettings() {
        if (this.settingsState.data) {
            this.form = { ...this.settingsState.data };
            this.saveError = null;
        }
    }
}
