import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { formatFinding } from '../lib/finding';
import { checkMetadataSchema } from './metadata-schema';

let root = '';

function write(file: string, text: string): void {
  fs.mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
  fs.writeFileSync(path.join(root, file), text);
}

function xml(body: string): string {
  return `<?xml version="1.0" encoding="UTF-8"?>\n${body}\n`;
}

function run(): string[] {
  return checkMetadataSchema(root).findings.map(formatFinding);
}

beforeEach(() => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'gate-metadata-schema-'));
  write(
    'sfdx-project.json',
    JSON.stringify({ packageDirectories: [{ path: 'force-app' }], sourceApiVersion: '68.0' })
  );
});

afterEach(() => fs.rmSync(root, { recursive: true, force: true }));

describe('metadata-schema', () => {
  it('accepts metadata that matches the Metadata API types', () => {
    write(
      'force-app/objects/Call_Log__c/fields/Note__c.field-meta.xml',
      xml(
        '<CustomField xmlns="http://soap.sforce.com/2006/04/metadata">\n' +
          '    <fullName>Note__c</fullName>\n    <label>Note</label>\n    <length>80</length>\n' +
          '    <required>false</required>\n    <type>Text</type>\n</CustomField>'
      )
    );
    write(
      'config/project-scratch-def.json',
      JSON.stringify({
        edition: 'Developer',
        settings: { activitiesSettings: { enableMultidayEvents: true } }
      })
    );
    expect(run()).toEqual([]);
  });

  it('accepts XML the WSDL carries as a string (an LWC targetConfigs) and checks the rest of the bundle', () => {
    write(
      'force-app/lwc/callLog/callLog.js-meta.xml',
      xml(
        '<LightningComponentBundle xmlns="http://soap.sforce.com/2006/04/metadata">\n' +
          '    <apiVersion>68.0</apiVersion>\n    <isExposed>yes</isExposed>\n' +
          '    <targets>\n        <target>lightning__RecordPage</target>\n    </targets>\n' +
          '    <targetConfigs>\n        <targetConfig targets="lightning__RecordPage">\n' +
          '            <property name="pageSize" type="Integer" default="10" />\n' +
          '        </targetConfig>\n    </targetConfigs>\n</LightningComponentBundle>'
      )
    );
    expect(run()).toEqual([
      'force-app/lwc/callLog/callLog.js-meta.xml:4: [metadata-schema] LightningComponentBundle.isExposed is a boolean (true/false), not "yes"'
    ]);
  });

  it('reports unknown elements, bad booleans, numbers and enum values with their lines', () => {
    write(
      'force-app/objects/Call_Log__c/fields/Note__c.field-meta.xml',
      xml(
        '<CustomField xmlns="http://soap.sforce.com/2006/04/metadata">\n' +
          '    <fullName>Note__c</fullName>\n    <label>Note</label>\n    <length>eighty</length>\n' +
          '    <required>no</required>\n    <type>Txt</type>\n    <colour>red</colour>\n</CustomField>'
      )
    );
    const findings = run();
    const file = 'force-app/objects/Call_Log__c/fields/Note__c.field-meta.xml';
    expect(findings).toEqual([
      `${file}:5: [metadata-schema] CustomField.length is a number, not "eighty"`,
      `${file}:6: [metadata-schema] CustomField.required is a boolean (true/false), not "no"`,
      expect.stringMatching(
        new RegExp(`^${file}:7: \\[metadata-schema\\] CustomField.type "Txt" is not one of: `)
      ),
      `${file}:8: [metadata-schema] unknown element colour in CustomField`
    ]);
  });

  it('reports a required element the type declares and the file leaves out, and nested elements', () => {
    write(
      'force-app/objects/Call_Log__c/listViews/All.listView-meta.xml',
      xml(
        '<ListView xmlns="http://soap.sforce.com/2006/04/metadata">\n    <fullName>All</fullName>\n' +
          '    <filterScope>Everything</filterScope>\n    <columns>NAME</columns>\n' +
          '    <filters>\n        <field>NAME</field>\n        <operation>equals</operation>\n' +
          '        <Value>x</Value>\n    </filters>\n</ListView>'
      )
    );
    expect(run()).toEqual([
      'force-app/objects/Call_Log__c/listViews/All.listView-meta.xml:9: [metadata-schema] unknown element Value in ListViewFilter (did you mean value?)',
      'force-app/objects/Call_Log__c/listViews/All.listView-meta.xml:2: [metadata-schema] ListView is missing required element label'
    ]);
  });

  it('checks unpackaged/ and every settings entry of every scratch definition', () => {
    write(
      'unpackaged/main/customPermissions/X.customPermission-meta.xml',
      xml(
        '<CustomPermission xmlns="http://soap.sforce.com/2006/04/metadata">\n    <label>X</label>\n    <isLicensed>maybe</isLicensed>\n</CustomPermission>'
      )
    );
    write(
      'config/project-scratch-def.json',
      '{\n  "edition": "Developer",\n  "settings": {\n    "externalClientAppSettings": {\n      "enableExternalClientApps": true\n    },\n    "activitySettings": {}\n  }\n}\n'
    );
    expect(run()).toEqual([
      'unpackaged/main/customPermissions/X.customPermission-meta.xml:4: [metadata-schema] CustomPermission.isLicensed is a boolean (true/false), not "maybe"',
      'config/project-scratch-def.json:5: [metadata-schema] settings.externalClientAppSettings: unknown element enableExternalClientApps in ExternalClientAppSettings',
      expect.stringMatching(
        /^config\/project-scratch-def.json:7: \[metadata-schema\] settings.activitySettings: ActivitySettings is not a settings type/
      )
    ]);
  });
});
