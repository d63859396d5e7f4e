import * as path from 'node:path';
import type { PluginContext } from 'rollup';
import { workbenchResolver } from './plugins';
import { workbenchPaths } from './modules';

const paths = workbenchPaths(path.resolve(__dirname, '..', '..', '..'));
const IMPORTER = path.join(paths.compiledLwcDir, 'vclSyncLog', 'vclSyncLog.js');

function resolver(keys: string[] = [], computed: string[] = []) {
  const usedApex = new Map<string, string | undefined>();
  const registry = {
    byKey: new Map(
      keys.map((key) => [
        key,
        { key, component: 'vclSyncLog', relativePath: `x/${key}.json`, data: { rows: [] } }
      ])
    ),
    states: new Map(),
    notes: []
  };
  const plugin = workbenchResolver({ paths, registry, handlerKeys: new Set(computed), labels: {}, usedApex });
  const context = {
    error: (message: string) => {
      throw new Error(message);
    }
  } as unknown as PluginContext;
  // Rollup hooks may be objects; ours are plain functions.
  const resolveId = plugin.resolveId as (this: PluginContext, source: string, importer?: string) => unknown;
  const load = plugin.load as (this: PluginContext, id: string) => unknown;
  return {
    usedApex,
    resolve: (source: string) => resolveId.call(context, source, IMPORTER),
    load: (id: string) => load.call(context, id)
  };
}

describe('workbench resolver plugin', () => {
  it('fails the build naming the Apex method and the fixture it expects', () => {
    expect(() => resolver().resolve('@salesforce/apex/VclSyncLogController.getCallLogs')).toThrow(
      'No sample data for Apex method VclSyncLogController.getCallLogs (imported by force-app/main/default/lwc/vclSyncLog/vclSyncLog.js). Add the fixture lwc-src/vclSyncLog/__tests__/data/VclSyncLogController.getCallLogs.json'
    );
  });

  it('backs Apex imports with the registry, or a computed preview answer, and records them', () => {
    const { resolve, load, usedApex } = resolver(
      ['VclSyncLogController.getCallLogs'],
      ['VclSyncLogController.retryCalls']
    );
    const id = resolve('@salesforce/apex/VclSyncLogController.getCallLogs') as string;
    expect(load(id)).toContain('createApexMethod("VclSyncLogController.getCallLogs")');
    expect(resolve('@salesforce/apex/VclSyncLogController.retryCalls')).toBe(
      '\0workbench:apex:VclSyncLogController.retryCalls'
    );
    expect([...usedApex.entries()]).toEqual([
      ['VclSyncLogController.getCallLogs', 'vclSyncLog'],
      ['VclSyncLogController.retryCalls', 'vclSyncLog']
    ]);
  });

  it('generates schema constants and the fixture registry, and passes other imports on', () => {
    const { resolve, load } = resolver(['A.b']);
    expect(load(resolve('@salesforce/schema/Call_Log__c.Status__c') as string)).toBe(
      'export default {"objectApiName":"Call_Log__c","fieldApiName":"Status__c"};\n'
    );
    expect(load(resolve('workbench:fixtures') as string)).toContain('"A.b": {"rows":[]}');
    expect(resolve('lightning/datatable')).toBeNull();
    expect(() => resolve('@salesforce/i18n/noSuchThing')).toThrow(
      'Workbench cannot provide "@salesforce/i18n/noSuchThing"'
    );
  });
});
