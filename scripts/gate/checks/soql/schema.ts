import * as fs from 'node:fs';
import * as path from 'node:path';
import { XMLParser } from 'fast-xml-parser';
import { packageDirs, walkFiles } from '../../lib/project';

/** What the SOQL checker knows about one object. Every map is keyed by lower-case API name (Apex is case-insensitive). */
export interface ObjectSchema {
  name: string;
  fields: Map<string, string>;
  /** Lookup relationship name (e.g. `owner`, `matched_lead__r`) → target object name (`Name` = polymorphic). */
  relationships: Map<string, string>;
  /** Child relationship name (e.g. `tasks`, `call_logs__r`) → child object name. */
  children: Map<string, string>;
}

export class Schema {
  readonly objects = new Map<string, ObjectSchema>();

  get(name: string): ObjectSchema | undefined {
    return this.objects.get(name.toLowerCase());
  }

  /** The object called name, created empty when it is not there yet. */
  ensure(name: string): ObjectSchema {
    let object = this.get(name);
    if (!object) {
      object = { name, fields: new Map(), relationships: new Map(), children: new Map() };
      this.objects.set(name.toLowerCase(), object);
    }
    return object;
  }
}

interface StandardSchemaFile {
  objects: Record<
    string,
    { fields: string[]; relationships: Record<string, string>; childRelationships: Record<string, string> }
  >;
}

export const STANDARD_SCHEMA_FILE = path.join(__dirname, '..', '..', 'standard-schema.json');

function addField(object: ObjectSchema, field: string): void {
  object.fields.set(field.toLowerCase(), field);
}

function addRelationship(object: ObjectSchema, name: string, target: string): void {
  object.relationships.set(name.toLowerCase(), target);
}

/** Standard fields every custom object, setting, metadata type or platform event has. */
function addImplicitFields(
  object: ObjectSchema,
  kind: ObjectKind,
  hasOwner: boolean,
  hasRecordTypes: boolean
): void {
  const audit = [
    'Id',
    'CreatedDate',
    'CreatedById',
    'LastModifiedDate',
    'LastModifiedById',
    'SystemModstamp'
  ];
  switch (kind) {
    case 'metadata':
      [
        'Id',
        'DeveloperName',
        'MasterLabel',
        'Label',
        'Language',
        'NamespacePrefix',
        'QualifiedApiName',
        'SystemModstamp'
      ].forEach((f) => addField(object, f));
      return;
    case 'event':
      ['ReplayId', 'CreatedDate', 'CreatedById', 'EventUuid'].forEach((f) => addField(object, f));
      addRelationship(object, 'CreatedBy', 'User');
      return;
    case 'setting':
      [...audit, 'Name', 'IsDeleted', 'SetupOwnerId'].forEach((f) => addField(object, f));
      addRelationship(object, 'SetupOwner', 'Name');
      break;
    case 'object':
      [...audit, 'Name', 'IsDeleted', 'LastActivityDate', 'LastViewedDate', 'LastReferencedDate'].forEach(
        (f) => addField(object, f)
      );
      if (hasOwner) {
        addField(object, 'OwnerId');
        addRelationship(object, 'Owner', 'Name');
      }
      if (hasRecordTypes) {
        addField(object, 'RecordTypeId');
        addRelationship(object, 'RecordType', 'RecordType');
      }
      break;
    case 'standard':
      return;
  }
  addRelationship(object, 'CreatedBy', 'User');
  addRelationship(object, 'LastModifiedBy', 'User');
}

/** Field types that give the object a `__r` relationship (MetadataRelationship: on custom metadata types). */
const RELATIONSHIP_TYPES = new Set(['Lookup', 'MasterDetail', 'Hierarchy', 'MetadataRelationship']);

type ObjectKind = 'object' | 'setting' | 'metadata' | 'event' | 'standard';

function kindOf(objectName: string, objectXml: Record<string, unknown> | undefined): ObjectKind {
  const lower = objectName.toLowerCase();
  if (lower.endsWith('__mdt')) {
    return 'metadata';
  }
  if (lower.endsWith('__e')) {
    return 'event';
  }
  if (!lower.endsWith('__c')) {
    return 'standard';
  }
  return objectXml?.customSettingsType !== undefined ? 'setting' : 'object';
}

const xml = new XMLParser({ ignoreAttributes: true, parseTagValue: false });

function readXmlRoot(file: string, rootTag: string): Record<string, unknown> | undefined {
  try {
    const parsed = xml.parse(fs.readFileSync(file, 'utf8')) as Record<string, unknown>;
    const root = parsed[rootTag];
    return typeof root === 'object' && root !== null ? (root as Record<string, unknown>) : undefined;
  } catch {
    // A malformed file is the metadata-xml checker's finding; here it simply contributes nothing.
    return undefined;
  }
}

/**
 * The schema the project's Apex can query: standard-schema.json plus every object and field under the
 * package directories (custom objects, custom fields on standard objects, custom metadata types,
 * custom settings, platform events), with `__r` relationships and child relationships from lookups.
 */
export function loadSchema(root: string, standardFile = STANDARD_SCHEMA_FILE): Schema {
  const schema = new Schema();
  const standard = JSON.parse(fs.readFileSync(standardFile, 'utf8')) as StandardSchemaFile;
  for (const [name, def] of Object.entries(standard.objects)) {
    const object = schema.ensure(name);
    def.fields.forEach((f) => addField(object, f));
    Object.entries(def.relationships).forEach(([rel, target]) => addRelationship(object, rel, target));
    Object.entries(def.childRelationships).forEach(([rel, child]) =>
      object.children.set(rel.toLowerCase(), child)
    );
  }

  const lookups: { object: string; field: string; target: string; relationshipName?: string }[] = [];
  const objectDirs = new Map<string, string[]>();
  for (const dir of packageDirs(root)) {
    for (const file of walkFiles(
      dir,
      (f) => f.endsWith('.field-meta.xml') || f.endsWith('.object-meta.xml')
    )) {
      const parts = file.split(path.sep);
      const objectsAt = parts.lastIndexOf('objects');
      const name = objectsAt < 0 ? undefined : parts[objectsAt + 1];
      if (name === undefined) {
        continue;
      }
      const objectDir = parts.slice(0, objectsAt + 2).join(path.sep);
      objectDirs.set(name, [...(objectDirs.get(name) ?? []), objectDir]);
    }
  }

  for (const [name, dirs] of objectDirs) {
    const uniqueDirs = [...new Set(dirs)];
    const objectFile = uniqueDirs
      .map((d) => path.join(d, `${name}.object-meta.xml`))
      .find((f) => fs.existsSync(f));
    const objectXml = objectFile ? readXmlRoot(objectFile, 'CustomObject') : undefined;
    const kind = kindOf(name, objectXml);
    const object = schema.ensure(name);
    let hasMasterDetail = false;
    for (const dir of uniqueDirs) {
      for (const fieldFile of walkFiles(path.join(dir, 'fields'), (f) => f.endsWith('.field-meta.xml'))) {
        const field = readXmlRoot(fieldFile, 'CustomField');
        const fieldName = path.basename(fieldFile, '.field-meta.xml');
        addField(object, fieldName);
        const type = typeof field?.type === 'string' ? field.type : undefined;
        const target = typeof field?.referenceTo === 'string' ? field.referenceTo : undefined;
        if (type !== undefined && RELATIONSHIP_TYPES.has(type) && target) {
          hasMasterDetail ||= type === 'MasterDetail';
          const relationshipName =
            typeof field?.relationshipName === 'string' ? field.relationshipName : undefined;
          lookups.push({ object: name, field: fieldName, target, relationshipName });
        }
      }
    }
    const hasRecordTypes = uniqueDirs.some((d) => fs.existsSync(path.join(d, 'recordTypes')));
    const controlledByParent = objectXml?.sharingModel === 'ControlledByParent' || hasMasterDetail;
    addImplicitFields(object, kind, !controlledByParent, hasRecordTypes);
  }

  for (const lookup of lookups) {
    const object = schema.ensure(lookup.object);
    if (lookup.field.toLowerCase().endsWith('__c')) {
      addRelationship(object, `${lookup.field.slice(0, -3)}__r`, lookup.target);
    }
    const target = schema.get(lookup.target);
    if (target && lookup.relationshipName) {
      target.children.set(`${lookup.relationshipName}__r`.toLowerCase(), lookup.object);
    }
  }
  return schema;
}
