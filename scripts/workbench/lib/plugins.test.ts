import * as path from 'node:path';
import type { PluginContext } from 'rollup';
import { workbenchResolver } from './plugins';
import { workbenchPaths } from './modules';

const paths = workbenchPaths(path.resolve(__dirname, '..', '..', '..'));
const IMPORTER = path.join(paths.compiledLwcDir, 'syncLog', 'syncLog.js');

function resolver(keys: string[] = [], computed: string[] = []) {
  const usedApex = new Map<string, string | undefined>();
  const registry = {
    byKey: new Map(
      keys.map((key) => [
        key,
        { key, component: 'syncLog', relativePath: `x/${key}.json`, data: { rows: [] } }
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
    expect(() => resolver().resolve('@salesforce/apex/SyncLogController.getCallLogs')).toThrow(
      'No sample data for Apex method SyncLogController.getCallLogs (imported by force-app/main/default/lwc/syncLog/syncLog.js). Add the fixture lwc-src/syncLog/__tests__/data/SyncLogController.getCallLogs.json'
    );
  });

  it('backs Apex imports with the registry, or a computed preview answer, and records them', () => {
    const { resolve, load, usedApex } = resolver(
      ['SyncLogController.getCallLogs'],
      ['SyncLogController.retryCalls']
    );
    const id = resolve('@salesforce/apex/SyncLogController.getCallLogs') as string;
    expect(load(id)).toContain('createApexMethod("SyncLogController.getCallLogs")');
    expect(resolve('@salesforce/apex/SyncLogController.retryCalls')).toBe(
      '\0workbench:apex:SyncLogController.retryCalls'
    );
    expect([...usedApex.entries()]).toEqual([
      ['SyncLogController.getCallLogs', 'syncLog'],
      ['SyncLogController.retryCalls', 'syncLog']
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
