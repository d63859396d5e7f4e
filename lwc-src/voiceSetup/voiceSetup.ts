import { LightningElement, wire } from 'lwc';
import { refreshApex } from '@salesforce/apex';
import { ShowToastEvent } from 'lightning/platformShowToastEvent';
import LOCALE from '@salesforce/i18n/locale';
import getConnectionStatus from '@salesforce/apex/VoiceConnectionController.getConnectionStatus';
import testConnection from '@salesforce/apex/VoiceConnectionController.testConnection';
import getSettings from '@salesforce/apex/VoiceSetupController.getSettings';
import saveSettings from '@salesforce/apex/VoiceSetupController.saveSettings';
import startPhoneKeyBackfill from '@salesforce/apex/VoiceSetupController.startPhoneKeyBackfill';
import getBackfillProgress from '@salesforce/apex/VoiceSetupController.getBackfillProgress';
import testSync from '@salesforce/apex/VoiceSetupController.testSync';
import getHealth from '@salesforce/apex/SyncHealthController.getHealth';
import type {
  ApexWireResult,
  SyncHealthController_Health as Health,
  VoiceConnectionController_ConnectionStatus as ConnectionStatus,
  VoiceSetupController_BackfillProgress as BackfillProgress,
  VoiceSetupController_Settings as Settings,
  VoiceSetupController_TestSyncResult as TestSyncResult
} from '@salesforce/apex-types';
import { buildChart, errorText, statusBadgeClass, statusTone } from 'c/callFormat';
import type { ChartModel } from 'c/callFormat';

/** How often the backfill's progress is read while its batch job runs. */
export const POLL_INTERVAL_MS = 2000;

type Option = { label: string; value: string };
type Validatable = HTMLElement & { reportValidity(): boolean };

const MATCH_PRIORITY_OPTIONS: Option[] = [
  { label: 'Lead first, then Contact', value: 'Lead,Contact' },
  { label: 'Contact first, then Lead', value: 'Contact,Lead' }
];
const OWNER_RULE_OPTIONS: Option[] = [
  { label: 'Owner of the matched Lead or Contact', value: 'RecordOwner' },
  { label: 'A default owner', value: 'DefaultOwner' }
];
const CONFLICT_RULE_OPTIONS: Option[] = [
  { label: 'Salesforce wins (keep edits made in Salesforce)', value: 'SalesforceWins' },
  { label: 'Voice system wins (overwrite with the latest post)', value: 'VoiceSystemWins' },
  { label: 'Most recent change wins', value: 'MostRecentWins' }
];
const CANCELLED_ACTION_OPTIONS: Option[] = [
  { label: 'Keep the Event and mark it cancelled', value: 'MarkCancelled' },
  { label: 'Delete the Event', value: 'Delete' }
];
const INTEGER_FIELDS = new Set<keyof Settings>([
  'syncThreshold',
  'eventDurationMinutes',
  'reminderMinutesBefore'
]);
const OUTCOME_TEXT: Record<string, string> = {
  OK: 'Connected',
  NOT_CONFIGURED: 'Not configured',
  UNAUTHORIZED: 'Unauthorized (check the credentials)',
  FORBIDDEN: 'Forbidden (the credentials lack access)',
  NOT_FOUND: 'Not found (check the URL)',
  SERVER_ERROR: 'Voice system error',
  TIMEOUT: 'Timed out',
  UNEXPECTED: 'Unexpected response'
};

/** Admin setup: connection, settings, phone-index backfill, Test Sync and sync health. */
export default class VoiceSetup extends LightningElement {
  matchPriorityOptions = MATCH_PRIORITY_OPTIONS;
  ownerRuleOptions = OWNER_RULE_OPTIONS;
  conflictRuleOptions = CONFLICT_RULE_OPTIONS;
  cancelledActionOptions = CANCELLED_ACTION_OPTIONS;
  userFilter = { criteria: [{ fieldPath: 'IsActive', operator: 'eq', value: true }] };

  // Connection
  connection?: ConnectionStatus;
  connectionError: unknown;
  isTestingConnection = false;
  private wiredConnection?: ApexWireResult<ConnectionStatus>;

  // Settings
  form?: Settings;
  settingsError: unknown;
  saveError: string | null = null;
  isSaving = false;
  private wiredSettingsResult?: ApexWireResult<Settings>;

  // Backfill
  backfill?: BackfillProgress;
  backfillError: string | null = null;
  isStartingBackfill = false;
  private pollTimer?: ReturnType<typeof setTimeout>;
  private connected = false;

  // Test Sync
  testPhone = '';
  testResult?: TestSyncResult;
  testError: string | null = null;
  isTesting = false;

  // Health
  health?: Health;
  healthError: unknown;
  private wiredHealthResult?: ApexWireResult<Health>;

  override connectedCallback(): void {
    this.connected = true;
  }

  override disconnectedCallback(): void {
    this.connected = false;
    this.stopPolling();
  }

  // Connection ----------------------------------------------------------------------------------

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
    return this.connectionError ? errorText(this.connectionError) : null;
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

  async handleTestConnection(): Promise<void> {
    this.isTestingConnection = true;
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

  // Settings ------------------------------------------------------------------------------------

  @wire(getSettings)
  wiredSettings(result: ApexWireResult<Settings>): void {
    this.wiredSettingsResult = result;
    if (result.data) {
      this.form = { ...result.data };
      this.settingsError = undefined;
    } else if (result.error) {
      this.settingsError = result.error;
    }
  }

  get isSettingsLoading(): boolean {
    return !this.form && !this.settingsError;
  }

  get settingsErrorMessage(): string | null {
    return this.settingsError ? errorText(this.settingsError) : null;
  }

  get usesDefaultOwner(): boolean {
    return this.form?.ownerRule === 'DefaultOwner';
  }

  get createsLeads(): boolean {
    return this.form?.createLeadForUnknownCallers === true;
  }

  handleSettingChange(
    event: CustomEvent<{ value?: string; checked?: boolean; recordId?: string | null }>
  ): void {
    const target = event.target as HTMLElement & { type?: string };
    const field = target.dataset.field as keyof Settings | undefined;
    if (!field || !this.form) {
      return;
    }
    let value: string | number | boolean | null;
    if (target.type === 'checkbox' || target.type === 'toggle') {
      value = event.detail.checked === true;
    } else if (field === 'defaultOwnerId') {
      value = event.detail.recordId ?? null;
    } else if (INTEGER_FIELDS.has(field)) {
      const raw = event.detail.value ?? '';
      value = raw === '' ? null : Number(raw);
    } else {
      value = event.detail.value ?? '';
    }
    // The form mirrors Settings; Apex accepts null for a value the admin cleared.
    this.form = { ...this.form, [field]: value } as Settings;
    this.saveError = null;
  }

  private validateForm(): boolean {
    const fields = this.template?.querySelectorAll<Validatable>('[data-field]') ?? [];
    let valid = true;
    fields.forEach((field) => {
      // Base components return false only when a constraint fails.
      if (field.reportValidity() === false) {
        valid = false;
      }
    });
    return valid;
  }

  async handleSaveSettings(): Promise<void> {
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
      if (this.wiredSettingsResult) {
        await refreshApex(this.wiredSettingsResult);
      }
    } catch (e) {
      this.saveError = errorText(e);
      this.dispatchEvent(
        new ShowToastEvent({ title: 'Settings were not saved', message: this.saveError, variant: 'error' })
      );
    } finally {
      this.isSaving = false;
    }
  }

  handleResetSettings(): void {
    if (this.wiredSettingsResult?.data) {
      this.form = { ...this.wiredSettingsResult.data };
      this.saveError = null;
    }
  }

  // Backfill ------------------------------------------------------------------------------------

  get backfillPercent(): number {
    const total = this.backfill?.totalBatches ?? 0;
    if (this.backfill?.done) {
      return 100;
    }
    if (!total) {
      return 0;
    }
    return Math.min(100, Math.round(((this.backfill?.batchesProcessed ?? 0) / total) * 100));
  }

  get backfillRunning(): boolean {
    return !!this.backfill && !this.backfill.done;
  }

  get backfillButtonDisabled(): boolean {
    return this.isStartingBackfill || this.backfillRunning;
  }

  get backfillCounts(): string {
    if (!this.backfill) {
      return '';
    }
    const b = this.backfill;
    const failed = b.failedBatches ? `, ${b.failedBatches} failed` : '';
    return `${b.batchesProcessed ?? 0} of ${b.totalBatches ?? 0} batches processed${failed} · ${b.status ?? ''}`;
  }

  get backfillSucceeded(): boolean {
    return !!this.backfill?.done && !this.backfill.failedBatches && this.backfill.status !== 'Failed';
  }

  get backfillFailed(): boolean {
    return !!this.backfill?.done && !this.backfillSucceeded;
  }

  async handleStartBackfill(): Promise<void> {
    this.isStartingBackfill = true;
    this.backfillError = null;
    try {
      const jobId = await startPhoneKeyBackfill({});
      this.backfill = {
        jobId,
        status: 'Queued',
        totalBatches: 0,
        batchesProcessed: 0,
        failedBatches: 0,
        message: '',
        done: false
      };
      this.schedulePoll(jobId);
    } catch (e) {
      this.backfillError = errorText(e);
    } finally {
      this.isStartingBackfill = false;
    }
  }

  private schedulePoll(jobId: string): void {
    this.stopPolling();
    if (!this.connected) {
      return;
    }
    // Batch progress lives in AsyncApexJob; there is no push channel for it, so poll.
    // eslint-disable-next-line @lwc/lwc/no-async-operation
    this.pollTimer = setTimeout(() => {
      this.pollTimer = undefined;
      this.poll(jobId).catch(() => undefined);
    }, POLL_INTERVAL_MS);
  }

  private async poll(jobId: string): Promise<void> {
    try {
      const progress = await getBackfillProgress({ jobId });
      this.backfill = progress;
      if (progress.done) {
        this.dispatchEvent(
          new ShowToastEvent({
            title: 'Phone index backfill finished',
            message: this.backfillCounts,
            variant: this.backfillSucceeded ? 'success' : 'warning'
          })
        );
        return;
      }
      this.schedulePoll(jobId);
    } catch (e) {
      this.backfillError = errorText(e);
    }
  }

  private stopPolling(): void {
    if (this.pollTimer) {
      clearTimeout(this.pollTimer);
      this.pollTimer = undefined;
    }
  }

  // Test Sync -----------------------------------------------------------------------------------

  candidateColumns = [
    { label: 'Object', fieldName: 'objectApiName', type: 'text', initialWidth: 110 },
    {
      label: 'Name',
      fieldName: 'recordUrl',
      type: 'url',
      typeAttributes: { label: { fieldName: 'name' }, target: '_blank' }
    },
    { label: 'Matched field', fieldName: 'matchedField', type: 'text' },
    {
      label: 'Last modified',
      fieldName: 'lastModified',
      type: 'date',
      typeAttributes: { year: 'numeric', month: 'short', day: '2-digit', hour: '2-digit', minute: '2-digit' }
    }
  ];

  handleTestPhoneChange(event: CustomEvent<{ value: string }>): void {
    this.testPhone = event.detail.value ?? '';
  }

  handleTestPhoneKeyUp(event: KeyboardEvent): void {
    if (event.key === 'Enter') {
      this.handleTestSync().catch(() => undefined);
    }
  }

  get testSyncDisabled(): boolean {
    return this.isTesting || this.testPhone.trim() === '';
  }

  async handleTestSync(): Promise<void> {
    const phoneNumber = this.testPhone.trim();
    if (!phoneNumber) {
      return;
    }
    this.isTesting = true;
    this.testError = null;
    try {
      this.testResult = await testSync({ phoneNumber });
    } catch (e) {
      this.testResult = undefined;
      this.testError = errorText(e);
    } finally {
      this.isTesting = false;
    }
  }

  get testMatchedUrl(): string | null {
    return this.testResult?.matchedRecordId ? `/lightning/r/${this.testResult.matchedRecordId}/view` : null;
  }

  get testCandidates(): Array<Record<string, unknown>> {
    return (this.testResult?.candidates ?? []).map((c) => ({
      ...c,
      recordUrl: c.recordId ? `/lightning/r/${c.recordId}/view` : null
    }));
  }

  get hasTestCandidates(): boolean {
    return this.testCandidates.length > 0;
  }

  get testOutcomeClass(): string {
    if (!this.testResult) {
      return '';
    }
    if (this.testResult.problem) {
      return 'slds-scoped-notification slds-theme_error test-outcome';
    }
    return this.testResult.matched
      ? 'slds-scoped-notification slds-theme_success test-outcome'
      : 'slds-scoped-notification slds-theme_warning test-outcome';
  }

  get testOutcomeTitle(): string {
    if (!this.testResult) {
      return '';
    }
    if (this.testResult.problem) {
      return `Not a usable number: ${this.testResult.problem}`;
    }
    return this.testResult.matched
      ? `Would match ${this.testResult.matchedObject} ${this.testResult.matchedRecordName}`
      : 'No Lead or Contact would match';
  }

  // Health --------------------------------------------------------------------------------------

  @wire(getHealth)
  wiredHealth(result: ApexWireResult<Health>): void {
    this.wiredHealthResult = result;
    if (result.data) {
      this.health = result.data;
      this.healthError = undefined;
    } else if (result.error) {
      this.healthError = result.error;
    }
  }

  get isHealthLoading(): boolean {
    return !this.health && !this.healthError;
  }

  get healthErrorMessage(): string | null {
    return this.healthError ? errorText(this.healthError) : null;
  }

  get statusCounts(): Array<{ key: string; label: string; count: number; badgeClass: string; tone: string }> {
    return (this.health?.last24Hours ?? []).map((s) => ({
      key: s.status,
      label: s.label,
      count: s.count ?? 0,
      badgeClass: statusBadgeClass(s.status),
      tone: statusTone(s.status)
    }));
  }

  get chart(): ChartModel {
    const days = (this.health?.days ?? []).map((d) => ({
      day: d.day,
      logged: d.logged ?? 0,
      unmatched: d.unmatched ?? 0,
      failed: d.failed ?? 0
    }));
    return buildChart(days, 640, 220, LOCALE);
  }

  get chartLabel(): string {
    const days = this.chart.columns;
    if (!days.length) {
      return 'Calls per day: no data';
    }
    const totals = days.reduce((sum, d) => sum + d.total, 0);
    return `Calls per day for the last ${days.length} days, stacked by outcome: ${totals} in all. The table below lists each day.`;
  }

  async handleRefreshHealth(): Promise<void> {
    if (this.wiredHealthResult) {
      await refreshApex(this.wiredHealthResult);
    }
  }
}
