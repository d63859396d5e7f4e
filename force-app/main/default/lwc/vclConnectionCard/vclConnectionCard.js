import { LightningElement, wire } from 'lwc';
import { refreshApex } from '@salesforce/apex';
import { ShowToastEvent } from 'lightning/platformShowToastEvent';
import getConnectionStatus from '@salesforce/apex/VclConnectionController.getConnectionStatus';
import saveConnection from '@salesforce/apex/VclConnectionController.saveConnection';
import testConnection from '@salesforce/apex/VclConnectionController.testConnection';
import { errorText, firstErrorText } from 'c/vclCallFormat';
const OUTCOME_TEXT = {
    OK: 'Connected',
    NOT_CONFIGURED: 'Not configured',
    UNAUTHORIZED: 'Unauthorized (check the API key)',
    FORBIDDEN: 'Forbidden (the API key lacks access)',
    NOT_FOUND: 'Not found (check the URL)',
    SERVER_ERROR: 'Voice system error',
    TIMEOUT: 'Timed out',
    UNEXPECTED: 'Unexpected response'
};
/**
 * Voice Setup card: the outbound connection. The admin enters the voice system URL and API key here;
 * Apex stores them through the platform's credential APIs (the URL in the Voice_System named credential
 * it creates, the key on the external credential's principal), so no package upgrade overwrites them and
 * nobody opens the credential pages. Then Test connection calls the voice system.
 */
export default class VclConnectionCard extends LightningElement {
    connection;
    connectionError;
    saveError = null;
    isTestingConnection = false;
    isSaving = false;
    urlInput = '';
    apiKeyInput = '';
    wiredConnection;
    @wire(getConnectionStatus)
    wiredConnectionStatus(result) {
        this.wiredConnection = result;
        if (result.data) {
            this.connection = result.data;
            this.connectionError = undefined;
        }
        else if (result.error) {
            this.connectionError = result.error;
        }
    }
    get isConnectionLoading() {
        return !this.connection && !this.connectionError;
    }
    get connectionErrorMessage() {
        return firstErrorText(this.saveError, this.connectionError);
    }
    get isUrlSet() {
        return this.connection?.urlSet === true;
    }
    get isApiKeySet() {
        return this.connection?.apiKeySet === true;
    }
    get apiKeyState() {
        return this.isApiKeySet ? 'Stored (encrypted; never shown)' : 'Not stored';
    }
    get apiKeyLabel() {
        return this.isApiKeySet ? 'New API key' : 'API key';
    }
    get apiKeyPlaceholder() {
        return this.isApiKeySet ? 'Leave empty to keep the stored key' : 'Paste the key the voice system issued';
    }
    get isSaveDisabled() {
        return this.isSaving || (!this.urlInput.trim() && !this.apiKeyInput);
    }
    get isTestDisabled() {
        return this.isTestingConnection || !this.isUrlSet || !this.isApiKeySet;
    }
    get connectionOutcome() {
        const outcome = this.connection?.outcome;
        return outcome ? (OUTCOME_TEXT[outcome] ?? outcome) : 'Not tested yet';
    }
    get connectionIcon() {
        if (!this.connection?.outcome) {
            return 'utility:info';
        }
        return this.connection.ok ? 'utility:success' : 'utility:error';
    }
    get connectionIconVariant() {
        if (!this.connection?.outcome) {
            return '';
        }
        return this.connection.ok ? 'success' : 'error';
    }
    handleUrlInput(event) {
        this.urlInput = event.target.value ?? '';
    }
    handleApiKeyInput(event) {
        this.apiKeyInput = event.target.value ?? '';
    }
    async handleSave() {
        this.isSaving = true;
        this.saveError = null;
        try {
            this.connection = await saveConnection({ url: this.urlInput.trim(), apiKey: this.apiKeyInput });
            this.connectionError = undefined;
            this.urlInput = '';
            // The key leaves the page as soon as Apex has it.
            this.apiKeyInput = '';
            this.dispatchEvent(new ShowToastEvent({
                title: 'Connection saved',
                message: 'Now test the connection.',
                variant: 'success'
            }));
            if (this.wiredConnection) {
                await refreshApex(this.wiredConnection);
            }
        }
        catch (e) {
            this.saveError = errorText(e);
        }
        finally {
            this.isSaving = false;
        }
    }
    async handleTestConnection() {
        this.isTestingConnection = true;
        this.saveError = null;
        try {
            this.connection = await testConnection({});
            this.connectionError = undefined;
            if (this.wiredConnection) {
                // The stored last result changed: let the cached status catch up.
                await refreshApex(this.wiredConnection);
            }
        }
        catch (e) {
            this.connectionError = e;
        }
        finally {
            this.isTestingConnection = false;
        }
    }
}
