import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import {
  apexModuleSource,
  componentOfFile,
  listComponents,
  lwcModuleRecords,
  readCustomLabels,
  resolveWorkbenchSpecifier,
  SAMPLE_USER_ID,
  valueModuleSource,
  workbenchPaths
} from './modules';

const PROJECT_ROOT = path.resolve(__dirname, '..', '..', '..');

describe('workbench module resolution', () => {
  const paths = workbenchPaths(PROJECT_ROOT);

  it('maps Apex, schema, user and permission imports', () => {
    expect(resolveWorkbenchSpecifier('@salesforce/apex/VclSyncLogController.getCallLogs', paths)).toEqual({
      kind: 'apex',
      key: 'VclSyncLogController.getCallLogs'
    });
    expect(resolveWorkbenchSpecifier('@salesforce/apex', paths)).toEqual({
      kind: 'file',
      file: path.join(paths.runtimeDir, 'apex.ts')
    });
    expect(resolveWorkbenchSpecifier('@salesforce/apex/bad', paths)).toMatchObject({ kind: 'unsupported' });
    expect(resolveWorkbenchSpecifier('@salesforce/schema/Call_Log__c.Status__c', paths)).toEqual({
      kind: 'value',
      value: { objectApiName: 'Call_Log__c', fieldApiName: 'Status__c' }
    });
    expect(resolveWorkbenchSpecifier('@salesforce/schema/Call_Log__c.Matched_Lead__r.Name', paths)).toEqual({
      kind: 'value',
      value: { objectApiName: 'Call_Log__c', fieldApiName: 'Matched_Lead__r.Name' }
    });
    expect(resolveWorkbenchSpecifier('@salesforce/schema/Lead', paths)).toEqual({
      kind: 'value',
      value: { objectApiName: 'Lead' }
    });
    expect(resolveWorkbenchSpecifier('@salesforce/user/Id', paths)).toEqual({
      kind: 'value',
      value: SAMPLE_USER_ID
    });
    expect(resolveWorkbenchSpecifier('@salesforce/customPermission/Voice_Admin', paths)).toEqual({
      kind: 'value',
      value: true
    });
    expect(
      resolveWorkbenchSpecifier('@salesforce/label/c.Voice_Title', paths, { Voice_Title: 'Voice' })
    ).toEqual({ kind: 'value', value: 'Voice' });
    expect(resolveWorkbenchSpecifier('@salesforce/label/c.Missing', paths)).toEqual({
      kind: 'value',
      value: 'Missing'
    });
  });

  it("serves i18n from the base components' en-US values and refuses unknown ones", () => {
    expect(resolveWorkbenchSpecifier('@salesforce/i18n/locale', paths)).toEqual({
      kind: 'file',
      file: path.join(paths.baseComponentsDir, 'scopedImports', '@salesforce-i18n-locale.js')
    });
    expect(resolveWorkbenchSpecifier('@salesforce/client/formFactor', paths)).toMatchObject({ kind: 'file' });
    expect(resolveWorkbenchSpecifier('@salesforce/i18n/noSuchThing', paths)).toMatchObject({
      kind: 'unsupported'
    });
  });

  it('leaves c/*, lightning/* and npm modules to the LWC resolver', () => {
    for (const specifier of [
      'c/vclSyncLog',
      'lightning/datatable',
      'lwc',
      '@salesforce/label/LightningToast.close'
    ]) {
      expect(resolveWorkbenchSpecifier(specifier, paths)).toBeUndefined();
    }
  });

  it('generates constant and Apex modules', () => {
    expect(valueModuleSource({ objectApiName: 'Lead' })).toBe('export default {"objectApiName":"Lead"};\n');
    expect(valueModuleSource(undefined)).toBe('export default undefined;\n');
    expect(apexModuleSource('A.b', '/rt')).toBe(
      'import { createApexMethod } from "/rt/apexRuntime.ts";\nexport default createApexMethod("A.b");\n'
    );
  });

  describe('with a project on disk', () => {
    let root: string;

    beforeEach(() => {
      root = fs.mkdtempSync(path.join(os.tmpdir(), 'wb-modules-'));
      for (const file of [
        'lwc-src/vclSyncLog/vclSyncLog.ts',
        'lwc-src/vclCallFormat/vclCallFormat.ts',
        'force-app/main/default/lwc/vclSyncLog/vclSyncLog.js'
      ]) {
        fs.mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
        fs.writeFileSync(path.join(root, file), '');
      }
    });

    afterEach(() => fs.rmSync(root, { recursive: true, force: true }));

    it('lists components from lwc-src or their compiled output', () => {
      const rootPaths = workbenchPaths(root);
      expect(listComponents(rootPaths, 'lwc-src').map((c) => c.name)).toEqual([
        'vclCallFormat',
        'vclSyncLog'
      ]);
      expect(listComponents(rootPaths, 'compiled')).toEqual([
        {
          name: 'vclSyncLog',
          entry: path.join(root, 'force-app/main/default/lwc/vclSyncLog/vclSyncLog.js'),
          source: 'compiled'
        }
      ]);
    });

    it('aliases c/* to absolute entries, stands in for platform modules and placeholders missing screens', () => {
      const rootPaths = workbenchPaths(root);
      const records = lwcModuleRecords(rootPaths, listComponents(rootPaths, 'lwc-src'));
      const byName = new Map(records.flatMap((r) => ('name' in r ? [[r.name, r.path] as const] : [])));

      expect(byName.get('c/vclSyncLog')).toBe(path.join(root, 'lwc-src/vclSyncLog/vclSyncLog.ts'));
      expect(byName.get('lightning/navigation')).toBe(path.join(rootPaths.runtimeDir, 'navigation.ts'));
      expect(byName.get('@salesforce/gate/bc.260.enableComboboxElementInternals')).toBe(
        path.join(rootPaths.runtimeDir, 'closedGate.ts')
      );
      expect(byName.get('c/vclSetup')).toContain(path.join('wb', 'missingComponent'));
      const targets = records.flatMap((record) =>
        'path' in record ? [record.path] : 'dir' in record ? [record.dir] : []
      );
      expect(targets.filter((target) => !path.isAbsolute(target))).toEqual([]);
      expect(records[records.length - 1]).toEqual({ npm: 'lightning-base-components' });
    });

    it('finds the component a file belongs to', () => {
      const rootPaths = workbenchPaths(root);
      expect(
        componentOfFile(
          rootPaths,
          path.join(root, 'force-app/main/default/lwc/vclSyncLog/vclSyncLog.js?specifier=c/vclSyncLog')
        )
      ).toBe('vclSyncLog');
      expect(componentOfFile(rootPaths, path.join(root, 'lwc-src/vclCallFormat/vclCallFormat.ts'))).toBe(
        'vclCallFormat'
      );
      expect(componentOfFile(rootPaths, path.join(root, 'node_modules/x.js'))).toBeUndefined();
    });

    it('reads custom labels from labels metadata', () => {
      const file = path.join(root, 'force-app/main/labels/CustomLabels.labels-meta.xml');
      fs.mkdirSync(path.dirname(file), { recursive: true });
      fs.writeFileSync(
        file,
        '<CustomLabels><labels><fullName>Voice_Title</fullName><value>Calls &amp; more</value></labels></CustomLabels>'
      );
      expect(readCustomLabels(root)).toEqual({ Voice_Title: 'Calls & more' });
    });
  });
});
