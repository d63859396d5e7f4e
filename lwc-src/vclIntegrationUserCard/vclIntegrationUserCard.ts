import { LightningElement, wire } from 'lwc';
import { ShowToastEvent } from 'lightning/platformShowToastEvent';
import getIntegrationUserStatus from '@salesforce/apex/VclIntegrationUserController.getIntegrationUserStatus';
import saveIntegrationUser from '@salesforce/apex/VclIntegrationUserController.saveIntegrationUser';
import type {
  ApexWireResult,
  VclIntegrationUserCheck_Check as Check,
  VclIntegrationUserCheck_Status as IntegrationUserStatus
} from '@salesforce/apex-types';
import { errorText, firstErrorText } from 'c/vclCallFormat';
import { fromWire, isLoading, NOT_LOADED, refreshWire, withData } from 'c/vclWireState';
import type { WireState } from 'c/vclWireState';

interface CheckRow extends Check {
  icon: string;
  iconVariant: string;
  iconText: string;
}

/**
 * Voice Setup card: the user the voice system runs as (the External Client App's client-credentials Run
 * As user, which Apex cannot read, so the admin picks the same user here) and, for that user, each
 * requirement — active, the Voice Call Integration permission set, API Enabled, Apex REST Services, API
 * Only — with exactly what is missing and how to fix it.
 */
export default class VclIntegrationUserCard extends LightningElement {
  statusState: WireState<IntegrationUserStatus> = NOT_LOADED;
  saveError: string | null = null;
  isSaving = false;
  selectedUserId: string | null = null;
  userFilter = { criteria: [{ fieldPath: 'IsActive', operator: 'eq', value: true }] };

  @wire(getIntegrationUserStatus)
  wiredIntegrationUserStatus(result: ApexWireResult<IntegrationUserStatus>): void {
    this.statusState = fromWire(this.statusState, result);
  }

  get status(): IntegrationUserStatus | undefined {
    return this.statusState.data;
  }

  get isLoading(): boolean {
    return isLoading(this.statusState);
  }

  get errorMessage(): string | null {
    return firstErrorText(this.saveError, this.statusState.error);
  }

  get hasUser(): boolean {
    return !!this.status?.userId;
  }

  get isReady(): boolean {
    return this.status?.ready === true;
  }

  get summaryIcon(): string {
    return this.isReady ? 'utility:success' : 'utility:warning';
  }

  get summaryIconVariant(): string {
    return this.isReady ? 'success' : 'warning';
  }

  get summaryIconText(): string {
    return this.isReady ? 'Ready' : 'Needs attention';
  }

  get pickerValue(): string | null {
    return this.selectedUserId ?? this.status?.userId ?? null;
  }

  get isSaveDisabled(): boolean {
    return this.isSaving || !this.selectedUserId || this.selectedUserId === this.status?.userId;
  }

  get checkRows(): CheckRow[] {
    return (this.status?.checks ?? []).map((check) => ({
      ...check,
      icon: check.ok ? 'utility:success' : 'utility:error',
      iconVariant: check.ok ? 'success' : 'error',
      iconText: check.ok ? 'Met' : 'Missing'
    }));
  }

  handleUserChange(event: CustomEvent<{ recordId: string | null }>): void {
    this.selectedUserId = event.detail?.recordId ?? null;
  }

  async handleSave(): Promise<void> {
    if (!this.selectedUserId) {
      return;
    }
    this.isSaving = true;
    this.saveError = null;
    try {
      const saved = await saveIntegrationUser({ userId: this.selectedUserId });
      this.statusState = withData(this.statusState, saved);
      this.selectedUserId = null;
      this.dispatchEvent(
        new ShowToastEvent({
          title: 'Integration user saved',
          message: saved.summary ?? '',
          variant: saved.ready ? 'success' : 'warning'
        })
      );
      await refreshWire(this.statusState);
    } catch (e) {
      this.saveError = errorText(e);
    } finally {
      this.isSaving = false;
    }
  }
}
