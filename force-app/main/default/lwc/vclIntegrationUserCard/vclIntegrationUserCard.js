import { LightningElement, wire } from 'lwc';
import { refreshApex } from '@salesforce/apex';
import { ShowToastEvent } from 'lightning/platformShowToastEvent';
import getIntegrationUserStatus from '@salesforce/apex/VclIntegrationUserController.getIntegrationUserStatus';
import saveIntegrationUser from '@salesforce/apex/VclIntegrationUserController.saveIntegrationUser';
import { errorText, firstErrorText } from 'c/vclCallFormat';
/**
 * Voice Setup card: the user the voice system runs as (the External Client App's client-credentials Run
 * As user, which Apex cannot read, so the admin picks the same user here) and, for that user, each
 * requirement — active, the Voice Call Integration permission set, API Enabled, Apex REST Services, API
 * Only — with exactly what is missing and how to fix it.
 */
export default class VclIntegrationUserCard extends LightningElement {
    status;
    statusError;
    saveError = null;
    isSaving = false;
    selectedUserId = null;
    userFilter = { criteria: [{ fieldPath: 'IsActive', operator: 'eq', value: true }] };
    wiredStatus;
    @wire(getIntegrationUserStatus)
    wiredIntegrationUserStatus(result) {
        this.wiredStatus = result;
        if (result.data) {
            this.status = result.data;
            this.statusError = undefined;
        }
        else if (result.error) {
            this.statusError = result.error;
        }
    }
    get isLoading() {
        return !this.status && !this.statusError;
    }
    get errorMessage() {
        return firstErrorText(this.saveError, this.statusError);
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
            this.status = await saveIntegrationUser({ userId: this.selectedUserId });
            this.statusError = undefined;
            this.selectedUserId = null;
            this.dispatchEvent(new ShowToastEvent({
                title: 'Integration user saved',
                message: this.status.summary ?? '',
                variant: this.status.ready ? 'success' : 'warning'
            }));
            if (this.wiredStatus) {
                await refreshApex(this.wiredStatus);
            }
        }
        catch (e) {
            this.saveError = errorText(e);
        }
        finally {
            this.isSaving = false;
        }
    }
}
