/**
 * `lightning/uiRecordApi` in the workbench, answering for the sample Lead and Contact only
 * (PREVIEW BEHAVIOUR — workbench only; writes resolve without storing anything).
 */
import { SAMPLE_RECORDS, type SampleRecord } from './sampleRecords';
import { ApexError } from './store';

type FieldRef = string | { objectApiName?: string; fieldApiName: string };

interface FieldValue {
  value: unknown;
  displayValue: string | null;
}

export interface RecordRepresentation {
  apiName: string;
  id: string;
  fields: Record<string, FieldValue>;
}

function toRepresentation(record: SampleRecord): RecordRepresentation {
  const fields: Record<string, FieldValue> = { Name: { value: record.name, displayValue: null } };
  for (const field of record.fields) {
    fields[field.apiName] = { value: field.value, displayValue: null };
  }
  return { apiName: record.objectApiName, id: record.id, fields };
}

function findRecord(recordId: unknown): SampleRecord | undefined {
  return SAMPLE_RECORDS.find(
    (record) => typeof recordId === 'string' && record.id.slice(0, 15) === recordId.slice(0, 15)
  );
}

function fieldPath(field: FieldRef): string {
  const name = typeof field === 'string' ? field : field.fieldApiName;
  // 'Lead.Phone' (string form) → 'Phone'; relationship paths keep their dots.
  return typeof field === 'string' && name.includes('.') ? name.slice(name.indexOf('.') + 1) : name;
}

export function getFieldValue(record: RecordRepresentation | undefined, field: FieldRef): unknown {
  return record?.fields[fieldPath(field)]?.value;
}

export function getFieldDisplayValue(
  record: RecordRepresentation | undefined,
  field: FieldRef
): string | null | undefined {
  return record?.fields[fieldPath(field)]?.displayValue;
}

type DataCallback = (value: { data: unknown; error: unknown }) => void;

/** Wire adapter: `@wire(getRecord, { recordId: '$recordId', fields: [...] })`. */
export class getRecord {
  constructor(private readonly dataCallback: DataCallback) {}

  connect(): void {}

  disconnect(): void {}

  update(config: { recordId?: string }): void {
    if (config.recordId === undefined) {
      return;
    }
    const record = findRecord(config.recordId);
    void Promise.resolve().then(() =>
      this.dataCallback(
        record
          ? { data: toRepresentation(record), error: undefined }
          : { data: undefined, error: new ApexError(`Workbench: no sample record ${config.recordId}.`) }
      )
    );
  }
}

export function updateRecord(recordInput: { fields: Record<string, unknown> }): Promise<unknown> {
  return Promise.resolve({ id: recordInput.fields.Id, fields: {} });
}

export function createRecord(recordInput: { apiName: string }): Promise<unknown> {
  return Promise.resolve({ id: 'a0Xpreview000001', apiName: recordInput.apiName, fields: {} });
}

export function deleteRecord(): Promise<void> {
  return Promise.resolve();
}

export function notifyRecordUpdateAvailable(): Promise<void> {
  return Promise.resolve();
}

export function getRecordNotifyChange(): void {}
