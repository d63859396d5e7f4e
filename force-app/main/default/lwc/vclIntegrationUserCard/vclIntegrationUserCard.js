import { LightningElement, wire } from 'lwc';
import { ShowToastEvent } from 'lightning/platformShowToastEvent';
import getIntegrationUserStatus from '@salesforce/apex/VclIntegrationUserController.getIntegrationUserStatus';
import saveIntegrationUser from '@salesforce/apex/VclIntegrationUserController.saveIntegrationUser';
import { errorText, firstErrorText } from 'c/vclCallFormat';
import { fromWire, isLoading, NOT_LOADED, refreshWire, withData } from 'c/vclWireState';
/**
 * Voice Setup card: the user the voice system runs as (the External Client App's client-credentials Run
 * As user, which Apex cannot read, so the admin picks the same user here) and, for that user, each
 * requirement — active, the Voice Call Integration permission set, API Enabled, Apex REST Services, API
 * Only — with exactly what is missing and how to fix it.
 */
export default class VclIntegrationUserCard extends LightningElement {
    statusState = NOT_LOADED;
    saveError = null;
    isSaving = false;
    selectedUserId = null;
    userFilter = { criteria: [{ fieldPath: 'IsActive', operator: 'eq', value: true }] };
    @wire(getIntegrationUserStatus)
    wiredIntegrationUserStatus(result) {
        this.statusState = fromWire(this.statusState, result);
    }
    get status() {
        return this.statusState.data;
    }
    get isLoading() {
        return isLoading(this.statusState);
    }
    get errorMessage() {
        return firstErrorText(this.saveError, this.statusState.error);
    }
    get hasUser() {
        return !!this.status?.userId;
    }
    get isReady() {
        return this.status?.ready === true;
    }
    get summaryIcon() {
        return this.isReady ? 'utility:success' : 'utility:warning';
    }
    get summaryIconVariant() {
        return this.isReady ? 'success' : 'warning';
    }
    get summaryIconText() {
        return this.isReady ? 'Ready' : 'Needs attention';
    }
    get pickerValue() {
        return this.selectedUserId ?? this.status?.userId ?? null;
    }
    get isSaveDisabled() {
        return this.isSaving || !this.selectedUserId || this.selectedUserId === this.status?.userId;
    }
    get checkRows() {
        return (this.status?.checks ?? []).map((check) => ({
            ...check,
            icon: check.ok ? 'utility:success' : 'utility:error',
            iconVariant: check.ok ? 'success' : 'error',
            iconText: check.ok ? 'Met' : 'Missing'
        }));
    }
    handleUserChange(event) {
        this.selectedUserId = event.detail?.recordId ?? null;
    }
    async handleSave() {
        if (!this.selectedUserId) {
            return;
        }
        this.isSaving = true;
        this.saveError = null;
        try {
            const saved = await saveIntegrationUser({ userId: this.selectedUserId });
            this.statusState = withData(this.statusState, saved);
            this.selectedUserId = null;
            this.dispatchEvent(new ShowToastEvent({
                title: 'Integration user saved',
                message: saved.summary ?? '',
                variant: saved.ready ? 'success' : 'warning'
            }));
            await refreshWire(this.statusState);
        }
        catch (e) {
            this.saveError = errorText(e);
        }
        finally {
            this.isSaving = false;
        }
    }
}
