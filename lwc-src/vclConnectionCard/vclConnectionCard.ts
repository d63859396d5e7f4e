import { LightningElement, wire } from 'lwc';
import { refreshApex } from '@salesforce/apex';
import { ShowToastEvent } from 'lightning/platformShowToastEvent';
import getConnectionStatus from '@salesforce/apex/VclConnectionController.getConnectionStatus';
import saveConnection from '@salesforce/apex/VclConnectionController.saveConnection';
import testConnection from '@salesforce/apex/VclConnectionController.testConnection';
import type {
  ApexWireResult,
  VclConnectionController_ConnectionStatus as ConnectionStatus
} from '@salesforce/apex-types';
import { errorText, firstErrorText } from 'c/vclCallFormat';

const OUTCOME_TEXT: Record<string, string> = {
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
  connection?: ConnectionStatus;
  connectionError: unknown;
  saveError: string | null = null;
  isTestingConnection = false;
  isSaving = false;
  urlInput = '';
  apiKeyInput = '';
  private wiredConnection?: ApexWireResult<ConnectionStatus>;

  @wire(getConnectionStatus)
  wiredConnectionStatus(result: ApexWireResult<ConnectionStatus>): void {
    this.wiredConnection = result;
    if (result.data) {
      this.connection = result.data;
      this.connectionError = undefined;
    } else if (result.error) {
      this.connectionError = result.error;
    }
  }

  get isConnectionLoading(): boolean {
    return !this.connection && !this.connectionError;
  }

  get connectionErrorMessage(): string | null {
    return firstErrorText(this.saveError, this.connectionError);
  }

  get isUrlSet(): boolean {
    return this.connection?.urlSet === true;
  }

  get isApiKeySet(): boolean {
    return this.connection?.apiKeySet === true;
  }

  get apiKeyState(): string {
    return this.isApiKeySet ? 'Stored (encrypted; never shown)' : 'Not stored';
  }

  get apiKeyLabel(): string {
    return this.isApiKeySet ? 'New API key' : 'API key';
  }

  get apiKeyPlaceholder(): string {
    return this.isApiKeySet ? 'Leave empty to keep the stored key' : 'Paste the key the voice system issued';
  }

  get isSaveDisabled(): boolean {
    return this.isSaving || (!this.urlInput.trim() && !this.apiKeyInput);
  }

  get isTestDisabled(): boolean {
    return this.isTestingConnection || !this.isUrlSet || !this.isApiKeySet;
  }

  get connectionOutcome(): string {
    const outcome = this.connection?.outcome;
    return outcome ? (OUTCOME_TEXT[outcome] ?? outcome) : 'Not tested yet';
  }

  get connectionIcon(): string {
    if (!this.connection?.outcome) {
      return 'utility:info';
    }
    return this.connection.ok ? 'utility:success' : 'utility:error';
  }

  get connectionIconVariant(): string {
    if (!this.connection?.outcome) {
      return '';
    }
    return this.connection.ok ? 'success' : 'error';
  }

  handleUrlInput(event: Event): void {
    this.urlInput = (event.target as HTMLInputElement).value ?? '';
  }

  handleApiKeyInput(event: Event): void {
    this.apiKeyInput = (event.target as HTMLInputElement).value ?? '';
  }

  async handleSave(): Promise<void> {
    this.isSaving = true;
    this.saveError = null;
    try {
      this.connection = await saveConnection({ url: this.urlInput.trim(), apiKey: this.apiKeyInput });
      this.connectionError = undefined;
      this.urlInput = '';
      // The key leaves the page as soon as Apex has it.
      this.apiKeyInput = '';
      this.dispatchEvent(
        new ShowToastEvent({
          title: 'Connection saved',
          message: 'Now test the connection.',
          variant: 'success'
        })
      );
      if (this.wiredConnection) {
        await refreshApex(this.wiredConnection);
      }
    } catch (e) {
      this.saveError = errorText(e);
    } finally {
      this.isSaving = false;
    }
  }

  async handleTestConnection(): Promise<void> {
    this.isTestingConnection = true;
    this.saveError = null;
    try {
      this.connection = await testConnection({});
      this.connectionError = undefined;
      if (this.wiredConnection) {
        // The stored last result changed: let the cached status catch up.
        await refreshApex(this.wiredConnection);
      }
    } catch (e) {
      this.connectionError = e;
    } finally {
      this.isTestingConnection = false;
    }
  }
}
