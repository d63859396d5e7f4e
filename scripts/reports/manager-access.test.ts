/**
 * The Voice Call Manager permission set grants what the packaged reports need and nothing more: read on
 * Call Logs and on exactly the Call Log fields the Voice Call Logs report type offers (the lookups its
 * Lead/Contact columns go through included), no edit, no other object.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { XMLParser } from 'fast-xml-parser';

const REPORTS = path.resolve(__dirname, '..', '..', 'force-app', 'main', 'reports');
const parser = new XMLParser({
  ignoreAttributes: true,
  parseTagValue: false,
  isArray: (name) => ['columns', 'sections', 'fieldPermissions', 'objectPermissions'].includes(name)
});

type Node = Record<string, unknown>;
function read(file: string, root: string): Node {
  return (parser.parse(fs.readFileSync(path.join(REPORTS, file), 'utf8')) as Record<string, Node>)[
    root
  ] as Node;
}

const reportType = read('reportTypes/Voice_Call_Logs.reportType-meta.xml', 'ReportType');
const permissionSet = read('permissionsets/Vcl_Manager.permissionset-meta.xml', 'PermissionSet');

/** Custom Call Log fields a report type column starts from (`Matched_Lead__c.Company` → `Matched_Lead__c`). */
function reportTypeFields(): string[] {
  const columns = (reportType.sections as Node[]).flatMap((section) => section.columns as Node[]);
  const fields = columns
    .filter((column) => column.table === 'Call_Log__c')
    .map((column) => String(column.field).split('.')[0] ?? '')
    .filter((field) => field.endsWith('__c'));
  return [...new Set(fields)].sort();
}

describe('Voice Call Manager permission set', () => {
  it('reads Call Logs and no other object, without edit, create, delete or view-all', () => {
    expect(permissionSet.objectPermissions).toEqual([
      {
        allowCreate: 'false',
        allowDelete: 'false',
        allowEdit: 'false',
        allowRead: 'true',
        modifyAllRecords: 'false',
        object: 'Call_Log__c',
        viewAllRecords: 'false'
      }
    ]);
  });

  it('reads exactly the Call Log fields of the Voice Call Logs report type, none editable', () => {
    const grants = permissionSet.fieldPermissions as Node[];
    expect(grants.map((grant) => grant.field).sort()).toEqual(
      reportTypeFields().map((field) => `Call_Log__c.${field}`)
    );
    expect(grants.filter((grant) => grant.readable !== 'true' || grant.editable !== 'false')).toEqual([]);
  });

  it('grants nothing else (no classes, tabs, apps or user permissions)', () => {
    expect(Object.keys(permissionSet).sort()).toEqual([
      'description',
      'fieldPermissions',
      'hasActivationRequired',
      'label',
      'objectPermissions'
    ]);
  });
});
