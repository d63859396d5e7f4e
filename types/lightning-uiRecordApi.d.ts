// Hand-written declarations for lightning/uiRecordApi (the subset this package uses).
// Source: LWC Developer Guide, "lightning/uiRecordApi" (getRecord, getFieldValue,
// getFieldDisplayValue, notifyRecordUpdateAvailable, updateRecord, createRecord, deleteRecord).
declare module 'lightning/uiRecordApi' {
  import type { WireAdapterConstructor } from 'lwc';

  /** A field imported from `@salesforce/schema/<Object>.<Field>`. */
  export interface FieldId {
    fieldApiName: string;
    objectApiName: string;
  }
  /** An object imported from `@salesforce/schema/<Object>`. */
  export interface ObjectId {
    objectApiName: string;
  }

  /** A field value in a UI API record (relationship fields hold a nested record). */
  export interface FieldValueRepresentation {
    displayValue: string | null;
    value: string | number | boolean | RecordRepresentation | null;
  }

  /** UI API Record (only the members components commonly read). */
  export interface RecordRepresentation {
    apiName: string;
    id: string;
    childRelationships: Record<string, unknown>;
    fields: Record<string, FieldValueRepresentation>;
    lastModifiedById: string | null;
    lastModifiedDate: string | null;
    recordTypeId: string | null;
    systemModstamp: string | null;
  }

  export interface GetRecordConfig {
    recordId: string | undefined;
    /** Either fields or layoutTypes is required. `Object.Field` strings or imported fields. */
    fields?: (FieldId | string)[] | FieldId | string;
    optionalFields?: (FieldId | string)[] | FieldId | string;
    layoutTypes?: ('Compact' | 'Full')[] | 'Compact' | 'Full';
    modes?: ('Create' | 'Edit' | 'View')[] | 'Create' | 'Edit' | 'View';
  }

  export const getRecord: WireAdapterConstructor<
    GetRecordConfig,
    { data?: RecordRepresentation; error?: unknown }
  >;

  /** Value of a field of a record from getRecord; undefined when the field is not in the record. */
  export function getFieldValue(
    record: RecordRepresentation | undefined | null,
    field: FieldId | string
  ): FieldValueRepresentation['value'] | undefined;

  /** Display value (formatted/translated) of a field of a record from getRecord. */
  export function getFieldDisplayValue(
    record: RecordRepresentation | undefined | null,
    field: FieldId | string
  ): string | null | undefined;

  /** Tells Lightning Data Service that these records changed outside it (e.g. via imperative Apex). */
  export function notifyRecordUpdateAvailable(items: { recordId: string }[]): Promise<void>;

  export interface RecordInput {
    apiName?: string | null;
    fields: Record<string, unknown>;
    allowSaveOnDuplicate?: boolean;
  }
  export interface ClientOptions {
    ifUnmodifiedSince?: string;
  }
  export function createRecord(recordInput: RecordInput): Promise<RecordRepresentation>;
  export function updateRecord(
    recordInput: RecordInput,
    clientOptions?: ClientOptions
  ): Promise<RecordRepresentation>;
  export function deleteRecord(recordId: string): Promise<void>;
}
