import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { sourceComponents } from './lib/org/summary';
import { loadServeWorkbench } from './start';

describe('npm start without an org', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'start-'));

  it('uses the workbench entry point when the module exports serveWorkbench', () => {
    const file = path.join(dir, 'serve-ok.js');
    writeFileSync(file, 'exports.serveWorkbench = async ({ port }) => port;');
    expect(typeof loadServeWorkbench(file)).toBe('function');
  });

  it('falls back (undefined) when the module is missing or exports something else', () => {
    expect(loadServeWorkbench(path.join(dir, 'nope.ts'))).toBeUndefined();
    const file = path.join(dir, 'serve-other.js');
    writeFileSync(file, 'exports.somethingElse = 1;');
    expect(loadServeWorkbench(file)).toBeUndefined();
  });

  it('summarizes the deployable package with source-deploy-retrieve', () => {
    const components = sourceComponents();
    expect(components).toContainEqual({ type: 'ApexClass', name: 'VclCallIngestionResource' });
    expect(components).toContainEqual({ type: 'CustomObject', name: 'Call_Log__c' });
    expect(components).toContainEqual({ type: 'PermissionSet', name: 'Vcl_Integration' });
  });
});
