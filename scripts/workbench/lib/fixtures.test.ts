import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import {
  apexKeyFromFixtureName,
  apexKeyFromSpecifier,
  findFixtures,
  generateRegistrySource,
  MissingFixtureError,
  requireFixture
} from './fixtures';

function writeJson(root: string, relative: string, value: unknown): void {
  const file = path.join(root, relative);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, typeof value === 'string' ? value : JSON.stringify(value));
}

describe('fixture registry', () => {
  let root: string;

  beforeEach(() => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'wb-fixtures-'));
  });

  afterEach(() => {
    fs.rmSync(root, { recursive: true, force: true });
  });

  it('maps Class.method to the fixture of lwc-src/<component>/__tests__/data', () => {
    writeJson(root, 'lwc-src/vclSyncLog/__tests__/data/VclSyncLogController.getCallLogs.json', {
      rows: [{ id: 'a01' }]
    });
    writeJson(root, 'lwc-src/vclSetup/__tests__/data/VclSettingsController.getSettings.json', {
      syncThreshold: 50
    });

    const registry = findFixtures(path.join(root, 'lwc-src'), root);

    expect(new Set(registry.byKey.keys())).toEqual(
      new Set(['VclSyncLogController.getCallLogs', 'VclSettingsController.getSettings'])
    );
    expect(registry.byKey.get('VclSyncLogController.getCallLogs')).toMatchObject({
      component: 'vclSyncLog',
      relativePath: 'lwc-src/vclSyncLog/__tests__/data/VclSyncLogController.getCallLogs.json',
      data: { rows: [{ id: 'a01' }] }
    });
  });

  it('reads X.y.<state>.json as a sample state, notes non-Apex file names, and returns nothing without lwc-src', () => {
    writeJson(root, 'lwc-src/panel/__tests__/data/VclCallLogPanelController.getCalls.empty.json', {
      rows: []
    });
    writeJson(root, 'lwc-src/panel/__tests__/data/notes.json', {});

    const registry = findFixtures(path.join(root, 'lwc-src'), root);

    expect(registry.byKey.size).toBe(0);
    expect([...registry.states.keys()]).toEqual(['empty']);
    expect(registry.states.get('empty')?.get('VclCallLogPanelController.getCalls')).toMatchObject({
      component: 'panel',
      data: { rows: [] }
    });
    expect(registry.notes).toEqual([
      'not an Apex fixture name, ignored: lwc-src/panel/__tests__/data/notes.json'
    ]);
    expect(findFixtures(path.join(root, 'nope'), root).byKey.size).toBe(0);
  });

  it('generates the states beside the default fixtures', () => {
    writeJson(root, 'lwc-src/card/__tests__/data/A.b.json', { ok: true });
    writeJson(root, 'lwc-src/card/__tests__/data/A.b.broken.json', { ok: false });

    const source = generateRegistrySource(findFixtures(path.join(root, 'lwc-src'), root));

    expect(source).toContain('export default {\n  "A.b": {"ok":true},\n};');
    expect(source).toContain('export const states = {\n  "broken": {\n    "A.b": {"ok":false},\n  },\n};');
  });

  it('keeps the alphabetically first component on duplicates and notes a difference', () => {
    writeJson(root, 'lwc-src/b/__tests__/data/X.y.json', { from: 'b' });
    writeJson(root, 'lwc-src/a/__tests__/data/X.y.json', { from: 'a' });

    const registry = findFixtures(path.join(root, 'lwc-src'), root);

    expect(registry.byKey.get('X.y')?.data).toEqual({ from: 'a' });
    expect(registry.notes.join()).toContain('differs');
  });

  it('fails with the file name when a fixture is not JSON', () => {
    writeJson(root, 'lwc-src/a/__tests__/data/X.y.json', '{ nope');

    expect(() => findFixtures(path.join(root, 'lwc-src'), root)).toThrow(
      'lwc-src/a/__tests__/data/X.y.json is not valid JSON'
    );
  });

  it('names the method and the expected fixture path when one is missing', () => {
    const registry = findFixtures(path.join(root, 'lwc-src'), root);

    expect(() =>
      requireFixture(
        registry,
        'VclSyncLogController.getCallLogs',
        'vclSyncLog',
        'lwc-src/vclSyncLog/vclSyncLog.ts'
      )
    ).toThrow(MissingFixtureError);
    expect(() => requireFixture(registry, 'VclSyncLogController.getCallLogs', 'vclSyncLog')).toThrow(
      'No sample data for Apex method VclSyncLogController.getCallLogs. Add the fixture lwc-src/vclSyncLog/__tests__/data/VclSyncLogController.getCallLogs.json'
    );
  });

  it('generates an ES module embedding every fixture and its source', () => {
    writeJson(root, 'lwc-src/a/__tests__/data/X.y.json', { n: 1 });
    const source = generateRegistrySource(findFixtures(path.join(root, 'lwc-src'), root));

    expect(source).toContain('"X.y": "lwc-src/a/__tests__/data/X.y.json"');
    expect(source).toContain('"X.y": {"n":1}');
    expect(source).toMatch(/^\/\/ Generated/);
  });

  it('parses Apex specifiers and fixture names', () => {
    expect(apexKeyFromSpecifier('@salesforce/apex/VclSyncLogController.getCallLogs')).toBe(
      'VclSyncLogController.getCallLogs'
    );
    expect(apexKeyFromSpecifier('@salesforce/apex')).toBeUndefined();
    expect(apexKeyFromSpecifier('@salesforce/apex/ns.Class.method')).toBeUndefined();
    expect(apexKeyFromFixtureName('A_B.c1.json')).toBe('A_B.c1');
    expect(apexKeyFromFixtureName('A.b.c.json')).toBeUndefined();
  });
});
