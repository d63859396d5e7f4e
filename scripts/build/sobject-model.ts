/**
 * SObject model for the type generation: custom objects and fields from force-app object metadata,
 * standard fields from a small maintained list (STANDARD_FIELDS below), extended by the gate's
 * `scripts/gate/standard-schema.json` when it exists (read-only here; any field it names is added as
 * `unknown`-typed unless this list knows its type).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { XMLParser } from 'fast-xml-parser';

/** TypeScript type of a field value as the UI API / Apex JSON delivers it. */
export type FieldTsType = 'string' | 'number' | 'boolean' | 'unknown';

export interface SObjectField {
  apiName: string;
  tsType: FieldTsType;
  /** For lookups: the referenced object API name(s) and the relationship name (`Matched_Lead__r`). */
  referenceTo?: string[];
  relationshipName?: string;
}

export interface SObjectModel {
  apiName: string;
  custom: boolean;
  fields: Map<string, SObjectField>;
}

type StandardFieldSpec = [name: string, type: FieldTsType, referenceTo?: string, relationshipName?: string];

const AUDIT_FIELDS: StandardFieldSpec[] = [
  ['Id', 'string'],
  ['CreatedDate', 'string'],
  ['CreatedById', 'string', 'User', 'CreatedBy'],
  ['LastModifiedDate', 'string'],
  ['LastModifiedById', 'string', 'User', 'LastModifiedBy'],
  ['SystemModstamp', 'string'],
  ['IsDeleted', 'boolean']
];

/** Standard fields of a custom object (Name is the record name; OwnerId exists unless master-detail). */
const CUSTOM_OBJECT_FIELDS: StandardFieldSpec[] = [...AUDIT_FIELDS, ['Name', 'string']];
const OWNER_FIELD: StandardFieldSpec = ['OwnerId', 'string', 'User', 'Owner'];
/** Standard fields of a custom setting (hierarchy settings also have SetupOwnerId). */
const CUSTOM_SETTING_FIELDS: StandardFieldSpec[] = [...AUDIT_FIELDS, ['Name', 'string']];
/** Standard fields of a custom metadata type record. */
const CUSTOM_METADATA_FIELDS: StandardFieldSpec[] = [
  ['Id', 'string'],
  ['DeveloperName', 'string'],
  ['MasterLabel', 'string'],
  ['Label', 'string'],
  ['QualifiedApiName', 'string'],
  ['NamespacePrefix', 'string'],
  ['Language', 'string'],
  ['SystemModstamp', 'string']
];
/** Standard fields of a platform event. */
const PLATFORM_EVENT_FIELDS: StandardFieldSpec[] = [
  ['ReplayId', 'string'],
  ['EventUuid', 'string'],
  ['CreatedDate', 'string'],
  ['CreatedById', 'string', 'User', 'CreatedBy']
];

/**
 * The standard objects and fields the package's UI may use. Keep it small and accurate; add a field
 * here when a component or Apex DTO needs it.
 */
export const STANDARD_FIELDS: Record<string, StandardFieldSpec[]> = {
  Account: [...AUDIT_FIELDS, ['Name', 'string'], ['Phone', 'string'], ['OwnerId', 'string', 'User', 'Owner']],
  Contact: [
    ...AUDIT_FIELDS,
    ['Name', 'string'],
    ['FirstName', 'string'],
    ['LastName', 'string'],
    ['Email', 'string'],
    ['Phone', 'string'],
    ['MobilePhone', 'string'],
    ['HomePhone', 'string'],
    ['OtherPhone', 'string'],
    ['Title', 'string'],
    ['AccountId', 'string', 'Account', 'Account'],
    ['OwnerId', 'string', 'User', 'Owner']
  ],
  Lead: [
    ...AUDIT_FIELDS,
    ['Name', 'string'],
    ['FirstName', 'string'],
    ['LastName', 'string'],
    ['Company', 'string'],
    ['Email', 'string'],
    ['Phone', 'string'],
    ['MobilePhone', 'string'],
    ['Status', 'string'],
    ['LeadSource', 'string'],
    ['IsConverted', 'boolean'],
    ['ConvertedContactId', 'string', 'Contact', 'ConvertedContact'],
    ['OwnerId', 'string', 'User', 'Owner']
  ],
  Task: [
    ...AUDIT_FIELDS,
    ['Subject', 'string'],
    ['Status', 'string'],
    ['Priority', 'string'],
    ['ActivityDate', 'string'],
    ['Description', 'string'],
    ['TaskSubtype', 'string'],
    ['CallType', 'string'],
    ['CallDurationInSeconds', 'number'],
    ['CallDisposition', 'string'],
    ['CallObject', 'string'],
    ['WhoId', 'string'],
    ['WhatId', 'string'],
    ['OwnerId', 'string', 'User', 'Owner'],
    ['IsClosed', 'boolean']
  ],
  Event: [
    ...AUDIT_FIELDS,
    ['Subject', 'string'],
    ['StartDateTime', 'string'],
    ['EndDateTime', 'string'],
    ['DurationInMinutes', 'number'],
    ['ActivityDateTime', 'string'],
    ['Description', 'string'],
    ['IsReminderSet', 'boolean'],
    ['ReminderDateTime', 'string'],
    ['WhoId', 'string'],
    ['WhatId', 'string'],
    ['OwnerId', 'string', 'User', 'Owner']
  ],
  User: [
    ['Id', 'string'],
    ['Name', 'string'],
    ['FirstName', 'string'],
    ['LastName', 'string'],
    ['Username', 'string'],
    ['Email', 'string'],
    ['IsActive', 'boolean'],
    ['TimeZoneSidKey', 'string'],
    ['LocaleSidKey', 'string']
  ],
  AsyncApexJob: [
    ['Id', 'string'],
    ['Status', 'string'],
    ['JobItemsProcessed', 'number'],
    ['TotalJobItems', 'number'],
    ['NumberOfErrors', 'number'],
    ['ExtendedStatus', 'string'],
    ['CreatedDate', 'string'],
    ['CompletedDate', 'string']
  ]
};

const STRING_FIELD_TYPES = new Set([
  'autonumber',
  'email',
  'encryptedtext',
  'html',
  'lookup',
  'masterdetail',
  'metadatarelationship',
  'multiselectpicklist',
  'phone',
  'picklist',
  'text',
  'textarea',
  'longtextarea',
  'url',
  'date',
  'datetime',
  'time',
  'externallookup',
  'hierarchy',
  'indirectlookup'
]);
const NUMBER_FIELD_TYPES = new Set(['number', 'currency', 'percent', 'summary']);

/** Maps a CustomField `<type>` (and a formula's result type) to the TS type of its value. */
export function tsTypeOfFieldType(fieldType: string | undefined): FieldTsType {
  const t = (fieldType ?? '').toLowerCase();
  if (STRING_FIELD_TYPES.has(t)) return 'string';
  if (NUMBER_FIELD_TYPES.has(t)) return 'number';
  if (t === 'checkbox') return 'boolean';
  return 'unknown';
}

/** Type of a standard field known only by name (from the gate's list): conservative naming conventions. */
export function guessStandardFieldType(fieldName: string): FieldTsType {
  if (/Id$/.test(fieldName)) return 'string';
  if (/^(Is|Has)[A-Z]/.test(fieldName)) return 'boolean';
  if (/(Date|DateTime|Time)$/.test(fieldName)) return 'string';
  return 'unknown';
}

function listFiles(dir: string, predicate: (file: string) => boolean): string[] {
  const out: string[] = [];
  if (!fs.existsSync(dir)) return out;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      if (entry.name === 'node_modules' || entry.name.startsWith('.')) continue;
      out.push(...listFiles(full, predicate));
    } else if (predicate(full)) {
      out.push(full);
    }
  }
  return out;
}
export { listFiles };

function addStandard(model: SObjectModel, specs: StandardFieldSpec[]): void {
  for (const [apiName, tsType, referenceTo, relationshipName] of specs) {
    if (model.fields.has(apiName)) continue;
    const field: SObjectField = { apiName, tsType };
    if (referenceTo) field.referenceTo = [referenceTo];
    if (relationshipName) field.relationshipName = relationshipName;
    model.fields.set(apiName, field);
  }
}

function getOrCreate(models: Map<string, SObjectModel>, apiName: string): SObjectModel {
  let model = models.get(apiName);
  if (!model) {
    model = { apiName, custom: /__(c|mdt|e)$/.test(apiName), fields: new Map() };
    models.set(apiName, model);
  }
  return model;
}

/**
 * Reads the gate's standard field list if it exists. Accepted shapes (tolerant, since it is owned
 * elsewhere): `{ "Lead": ["Id", …] }`, `{ "Lead": { "Id": … } }`, or either nested under `objects`.
 */
function readGateStandardSchema(projectRoot: string): Map<string, string[]> {
  const result = new Map<string, string[]>();
  const file = path.join(projectRoot, 'scripts/gate/standard-schema.json');
  if (!fs.existsSync(file)) return result;
  let json: unknown;
  try {
    json = JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch {
    return result;
  }
  if (typeof json !== 'object' || json === null) return result;
  let root = json as Record<string, unknown>;
  if (typeof root.objects === 'object' && root.objects !== null)
    root = root.objects as Record<string, unknown>;
  for (const [objectName, value] of Object.entries(root)) {
    if (!/^[A-Za-z][A-Za-z0-9_]*$/.test(objectName)) continue;
    let fields: unknown = value;
    if (typeof value === 'object' && value !== null && !Array.isArray(value) && 'fields' in value) {
      fields = value.fields;
    }
    if (Array.isArray(fields)) {
      result.set(
        objectName,
        fields.filter((f): f is string => typeof f === 'string')
      );
    } else if (typeof fields === 'object' && fields !== null) {
      result.set(objectName, Object.keys(fields));
    }
  }
  return result;
}

/** Loads every object from force-app object metadata plus the standard field list. */
export function loadSObjects(projectRoot: string): Map<string, SObjectModel> {
  const models = new Map<string, SObjectModel>();
  for (const [objectName, specs] of Object.entries(STANDARD_FIELDS)) {
    addStandard(getOrCreate(models, objectName), specs);
  }
  const parser = new XMLParser({ ignoreAttributes: true, parseTagValue: false });
  const forceApp = path.join(projectRoot, 'force-app');
  const metaFiles = listFiles(forceApp, (f) => /[\\/]objects[\\/]/.test(f));
  /** Per custom object: custom setting type (if any) and whether it is the detail of a master-detail. */
  const shapes = new Map<string, { customSettingsType?: string; isDetail: boolean }>();
  const shapeOf = (name: string): { customSettingsType?: string; isDetail: boolean } => {
    let shape = shapes.get(name);
    if (!shape) {
      shape = { isDetail: false };
      shapes.set(name, shape);
    }
    return shape;
  };
  for (const file of metaFiles.sort()) {
    const rel = file.split(path.sep);
    const objectsIdx = rel.lastIndexOf('objects');
    const objectName = rel[objectsIdx + 1];
    if (!objectName) continue;
    if (file.endsWith('.object-meta.xml')) {
      getOrCreate(models, objectName);
      const doc = parser.parse(fs.readFileSync(file, 'utf8')) as {
        CustomObject?: { customSettingsType?: string };
      };
      const customSettingsType = doc.CustomObject?.customSettingsType;
      if (customSettingsType) shapeOf(objectName).customSettingsType = customSettingsType;
    } else if (file.endsWith('.field-meta.xml') && rel[objectsIdx + 2] === 'fields') {
      const model = getOrCreate(models, objectName);
      const doc = parser.parse(fs.readFileSync(file, 'utf8')) as {
        CustomField?: { fullName?: string; type?: string; referenceTo?: string | string[] };
      };
      const cf = doc.CustomField;
      const apiName = cf?.fullName ?? path.basename(file, '.field-meta.xml');
      const field: SObjectField = { apiName, tsType: tsTypeOfFieldType(cf?.type) };
      if (cf?.referenceTo) {
        field.referenceTo = Array.isArray(cf.referenceTo) ? cf.referenceTo : [cf.referenceTo];
        // CustomField.relationshipName is the child relationship (the parent's related list); the
        // reference from this record to its parent is always the field name with __c → __r.
        field.relationshipName = apiName.replace(/__c$/, '__r');
      }
      if ((cf?.type ?? '').toLowerCase() === 'masterdetail') shapeOf(objectName).isDetail = true;
      model.fields.set(apiName, field);
    }
  }
  for (const model of models.values()) {
    if (!model.custom) continue;
    const shape = shapeOf(model.apiName);
    if (model.apiName.endsWith('__mdt')) {
      addStandard(model, CUSTOM_METADATA_FIELDS);
    } else if (model.apiName.endsWith('__e')) {
      addStandard(model, PLATFORM_EVENT_FIELDS);
    } else if (shape.customSettingsType) {
      addStandard(model, CUSTOM_SETTING_FIELDS);
      if (shape.customSettingsType.toLowerCase() === 'hierarchy')
        addStandard(model, [['SetupOwnerId', 'string']]);
    } else {
      addStandard(model, CUSTOM_OBJECT_FIELDS);
      if (!shape.isDetail) addStandard(model, [OWNER_FIELD]);
    }
  }
  // The gate's list (every field of each standard object it knows) extends the objects we model; objects
  // only the gate lists (PermissionSet, Profile, …) are left out to keep the declarations small.
  for (const [objectName, fieldNames] of readGateStandardSchema(projectRoot)) {
    const model = models.get(objectName);
    if (!model) continue;
    for (const fieldName of fieldNames) {
      if (!model.fields.has(fieldName)) {
        model.fields.set(fieldName, { apiName: fieldName, tsType: guessStandardFieldType(fieldName) });
      }
    }
  }
  return models;
}

/** Locale-independent ordering (output must not depend on the machine's ICU data). */
export function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
