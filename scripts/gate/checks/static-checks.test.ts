import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { formatFinding } from '../lib/finding';
import { checkComponentPrefix, checkStructure } from './structure';
import { checkSuppressions } from './suppressions';
import { checkMetadataXml } from './metadata-xml';

let root = '';

function write(file: string, text: string): void {
  fs.mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
  fs.writeFileSync(path.join(root, file), text);
}

const META = '<?xml version="1.0" encoding="UTF-8"?><ApexClass><apiVersion>68.0</apiVersion></ApexClass>';

beforeEach(() => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'gate-structure-'));
  write(
    'sfdx-project.json',
    JSON.stringify({ packageDirectories: [{ path: 'force-app' }], sourceApiVersion: '68.0' })
  );
});

afterEach(() => fs.rmSync(root, { recursive: true, force: true }));

describe('structure', () => {
  it('asks for a test class per class, a test per trigger and a Jest test per LWC', () => {
    write('force-app/classes/Tested.cls', 'public class Tested {}');
    write(
      'force-app/classes/Tested_Tests.cls',
      '@IsTest private class Tested_Tests { static void t() { new Tested(); } }'
    );
    write('force-app/classes/Untested.cls', 'public class Untested {}');
    write('force-app/classes/Ignored.cls', 'public class Ignored {}');
    write('force-app/classes/IgnoredTest.cls', '@IsTest private class IgnoredTest { /* Ignored */ }');
    write('force-app/classes/Shape.cls', 'public interface Shape { void draw(); }');
    write(
      'force-app/triggers/LeadTrigger.trigger',
      'trigger LeadTrigger on Lead (before insert) { new Tested(); }'
    );
    write('force-app/triggers/EvtTrigger.trigger', 'trigger EvtTrigger on Thing__e (after insert) { }');
    write('lwc-src/withTest/withTest.ts', '');
    write('lwc-src/withTest/__tests__/withTest.test.ts', '');
    write('lwc-src/noTest/noTest.ts', '');
    expect(checkStructure(root).findings.map(formatFinding)).toEqual([
      'force-app/classes/IgnoredTest.cls:1: [structure] test class IgnoredTest never references Ignored',
      'force-app/classes/Untested.cls:1: [structure] Apex class Untested has no test class (expected Untested_Tests)',
      'force-app/triggers/EvtTrigger.trigger:1: [structure] trigger EvtTrigger on Thing__e has no test: no @IsTest class references its handler or does DML on Thing__e',
      'lwc-src/noTest: [structure] LWC noTest has no Jest test (expected lwc-src/noTest/__tests__/noTest.test.ts)'
    ]);
  });

  it('accepts a platform-event trigger whose test publishes the event', () => {
    write('force-app/triggers/EvtTrigger.trigger', 'trigger EvtTrigger on Thing__e (after insert) { }');
    write(
      'force-app/classes/Evt_Tests.cls',
      '@IsTest private class Evt_Tests { static void t() { EventBus.publish(new Thing__e()); } }'
    );
    expect(checkStructure(root).findings).toEqual([]);
  });
});

describe('structure: component prefix', () => {
  const project = (plugins?: object): void =>
    write(
      'sfdx-project.json',
      JSON.stringify({
        packageDirectories: [{ path: 'force-app' }, { path: 'unpackaged' }],
        sourceApiVersion: '68.0',
        ...(plugins ? { plugins } : {})
      })
    );
  const plant = (): void => {
    write('force-app/classes/VclNotes.cls', 'public class VclNotes {}');
    write('force-app/classes/VclNotes_Tests.cls', '@IsTest private class VclNotes_Tests {}');
    write('force-app/classes/Normalizer.cls', 'public class Normalizer {}');
    write('force-app/triggers/LeadTrigger.trigger', 'trigger LeadTrigger on Lead (before insert) { }');
    write('force-app/permissionsets/Vcl_Admin.permissionset-meta.xml', '<PermissionSet/>');
    write('force-app/permissionsets/VclAdmin.permissionset-meta.xml', '<PermissionSet/>');
    write('unpackaged/permissionsets/Voice_Api.permissionset-meta.xml', '<PermissionSet/>');
    write('force-app/lwc/vclNoteList/vclNoteList.js-meta.xml', '<LightningComponentBundle/>');
    write('force-app/lwc/noteList/noteList.js-meta.xml', '<LightningComponentBundle/>');
    write('lwc-src/noteList/noteList.js-meta.xml', '<LightningComponentBundle/>');
    write('lwc-src/vclNoteList/vclNoteList.js-meta.xml', '<LightningComponentBundle/>');
  };

  it('reports each class, trigger, LWC bundle and permission set without the prefix, once', () => {
    project({ componentPrefix: 'Vcl' });
    plant();
    const suffix = 'does not start with the component prefix';
    expect(checkComponentPrefix(root).map(formatFinding)).toEqual([
      `force-app/classes/Normalizer.cls: [structure] Apex class Normalizer ${suffix} Vcl (sfdx-project.json plugins.componentPrefix)`,
      `force-app/triggers/LeadTrigger.trigger: [structure] trigger LeadTrigger ${suffix} Vcl (sfdx-project.json plugins.componentPrefix)`,
      `force-app/permissionsets/VclAdmin.permissionset-meta.xml: [structure] permission set VclAdmin ${suffix} Vcl_ (sfdx-project.json plugins.componentPrefix)`,
      `unpackaged/permissionsets/Voice_Api.permissionset-meta.xml: [structure] permission set Voice_Api ${suffix} Vcl_ (sfdx-project.json plugins.componentPrefix)`,
      `force-app/lwc/noteList: [structure] LWC noteList ${suffix} vcl (sfdx-project.json plugins.componentPrefix)`,
      `lwc-src/noteList: [structure] LWC noteList ${suffix} vcl (sfdx-project.json plugins.componentPrefix)`
    ]);
  });

  it('checks nothing when the project declares no prefix', () => {
    project();
    plant();
    expect(checkComponentPrefix(root)).toEqual([]);
  });

  it('rejects a prefix that cannot start an Apex class name', () => {
    project({ componentPrefix: 'vcl_' });
    expect(checkComponentPrefix(root).map(formatFinding)).toEqual([
      'sfdx-project.json: [structure] plugins.componentPrefix must be a capitalised alphanumeric word such as "Vcl", not "vcl_"'
    ]);
  });
});

describe('suppressions', () => {
  it('requires a // reason: on the same or previous line', () => {
    write(
      'force-app/classes/A.cls',
      [
        "@SuppressWarnings('PMD.ApexCRUDViolation')",
        'public class A {',
        '  // reason: the dispatcher must see every Lead',
        "  @SuppressWarnings('PMD.ApexSharingViolations')",
        '  void m() {}',
        '  Integer x = 1; // NOPMD',
        '  Integer y = 2; // NOPMD reason: counted elsewhere',
        '}'
      ].join('\n')
    );
    expect(checkSuppressions(root).findings.map((f) => f.line)).toEqual([1, 6]);
  });
});

describe('metadata-xml', () => {
  it('reports malformed XML with its line, a missing -meta.xml and a different apiVersion', () => {
    write('force-app/classes/A.cls', 'public class A {}');
    write('force-app/classes/B.cls', 'public class B {}');
    write('force-app/classes/B.cls-meta.xml', META.replace('68.0', '61.0'));
    write(
      'force-app/objects/X__c/fields/F__c.field-meta.xml',
      '<?xml version="1.0"?>\n<CustomField>\n  <type>Text</type\n</CustomField>'
    );
    expect(checkMetadataXml(root).findings.map(formatFinding)).toEqual([
      'force-app/classes/B.cls-meta.xml:1: [metadata-xml] apiVersion 61.0 differs from sourceApiVersion 68.0 in sfdx-project.json',
      expect.stringMatching(
        /^force-app\/objects\/X__c\/fields\/F__c\.field-meta\.xml:\d+:\d+: \[metadata-xml\] malformed XML/
      ),
      'force-app/classes/A.cls: [metadata-xml] missing A.cls-meta.xml'
    ]);
  });
});
