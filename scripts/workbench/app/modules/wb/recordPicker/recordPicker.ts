/**
 * `lightning-record-picker` stand-in (the real one searches the org through GraphQL, which does not
 * exist off-platform). Same public surface the screens use — label, object-api-name, value (record id),
 * required, disabled, `change` with `detail.recordId`, checkValidity/reportValidity — over a combobox of
 * sample records (PREVIEW BEHAVIOUR — workbench only).
 */
import { LightningElement, api } from 'lwc';
import { sampleRecordsOf } from '../../../../runtime/sampleRecords';

interface Validatable extends HTMLElement {
  checkValidity(): boolean;
  reportValidity(): boolean;
  setCustomValidity(message: string): void;
}

export default class RecordPicker extends LightningElement {
  @api label = '';
  @api placeholder = 'Search…';
  @api objectApiName = '';
  @api value: string | null = null;
  @api required = false;
  @api disabled = false;
  @api variant = 'standard';
  @api fieldLevelHelp?: string;
  /** Accepted for API compatibility; the sample list is not filtered. */
  @api filter?: unknown;
  @api displayInfo?: unknown;
  @api matchingInfo?: unknown;

  get options(): Array<{ label: string; value: string }> {
    return sampleRecordsOf(this.objectApiName).map((record) => ({ label: record.name, value: record.id }));
  }

  get comboboxPlaceholder(): string {
    return this.placeholder || `Search ${this.objectApiName}s…`;
  }

  private get combobox(): Validatable | null {
    return this.template?.querySelector<Validatable>('lightning-combobox') ?? null;
  }

  @api checkValidity(): boolean {
    return this.combobox?.checkValidity() ?? true;
  }

  @api reportValidity(): boolean {
    return this.combobox?.reportValidity() ?? true;
  }

  @api setCustomValidity(message: string): void {
    this.combobox?.setCustomValidity(message);
  }

  @api focus(): void {
    this.combobox?.focus();
  }

  @api clearSelection(): void {
    this.value = null;
  }

  handleChange(event: CustomEvent<{ value: string }>): void {
    event.stopPropagation();
    this.value = event.detail.value || null;
    this.dispatchEvent(new CustomEvent('change', { detail: { recordId: this.value } }));
  }
}
