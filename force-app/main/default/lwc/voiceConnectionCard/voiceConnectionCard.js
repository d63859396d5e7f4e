import { LightningElement, wire } from 'lwc';
import { refreshApex } from '@salesforce/apex';
import getConnectionStatus from '@salesforce/apex/VoiceConnectionController.getConnectionStatus';
import testConnection from '@salesforce/apex/VoiceConnectionController.testConnection';
import { errorText } from 'c/callFormat';
const OUTCOME_TEXT = {
    OK: 'Connected',
    NOT_CONFIGURED: 'Not configured',
    UNAUTHORIZED: 'Unauthorized (check the credentials)',
    FORBIDDEN: 'Forbidden (the credentials lack access)',
    NOT_FOUND: 'Not found (check the URL)',
    SERVER_ERROR: 'Voice system error',
    TIMEOUT: 'Timed out',
    UNEXPECTED: 'Unexpected response'
};
/** Voice Setup card: the outbound connection's stored status and the Test connection callout. */
export default class VoiceConnectionCard extends LightningElement {
    connection;
    connectionError;
    isTestingConnection = false;
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
        return this.connectionError ? errorText(this.connectionError) : null;
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
    async handleTestConnection() {
        this.isTestingConnection = true;
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
