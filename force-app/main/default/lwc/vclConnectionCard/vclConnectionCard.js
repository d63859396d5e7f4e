import { LightningElement, wire } from 'lwc';
import { ShowToastEvent } from 'lightning/platformShowToastEvent';
import getConnectionStatus from '@salesforce/apex/VclConnectionController.getConnectionStatus';
import saveConnection from '@salesforce/apex/VclConnectionController.saveConnection';
import testConnection from '@salesforce/apex/VclConnectionController.testConnection';
import { errorText, firstErrorText } from 'c/vclCallFormat';
import { fromWire, isLoading, NOT_LOADED, refreshWire, withData, withError } from 'c/vclWireState';
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
    connectionState = NOT_LOADED;
    saveError = null;
    isTestingConnection = false;
    isSaving = false;
    urlInput = '';
    apiKeyInput = '';
    @wire(getConnectionStatus)
    wiredConnectionStatus(result) {
        this.connectionState = fromWire(this.connectionState, result);
    }
    get connection() {
        return this.connectionState.data;
    }
    get isConnectionLoading() {
        return isLoading(this.connectionState);
    }
    get connectionErrorMessage() {
        return firstErrorText(this.saveError, this.connectionState.error);
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
            this.connectionState = withData(this.connectionState, await saveConnection({ url: this.urlInput.trim(), apiKey: this.apiKeyInput }));
            this.urlInput = '';
            // The key leaves the page as soon as Apex has it.
            this.apiKeyInput = '';
            this.dispatchEvent(new ShowToastEvent({
                title: 'Connection saved',
                message: 'Now test the connection.',
                variant: 'success'
            }));
            await refreshWire(this.connectionState);
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
            this.connectionState = withData(this.connectionState, await testConnection({}));
            // The stored last result changed: let the cached status catch up.
            await refreshWire(this.connectionState);
        }
        catch (e) {
            this.connectionState = withError(this.connectionState, e);
        }
        finally {
            this.isTestingConnection = false;
        }
    }
}
