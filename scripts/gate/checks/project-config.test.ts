import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { checkProjectConfig } from './project-config';

const REPO_ROOT = path.resolve(__dirname, '..', '..', '..');

function projectWith(scratchDef: unknown): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'project-config-'));
  fs.copyFileSync(path.join(REPO_ROOT, 'sfdx-project.json'), path.join(dir, 'sfdx-project.json'));
  fs.mkdirSync(path.join(dir, 'config'));
  fs.writeFileSync(path.join(dir, 'config', 'project-scratch-def.json'), JSON.stringify(scratchDef, null, 2));
  return dir;
}

describe('project-config check', () => {
  it('passes on the repository itself', () => {
    expect(checkProjectConfig(REPO_ROOT).findings).toEqual([]);
  });

  it('names a misspelt settings type with its line and the right key', () => {
    const dir = projectWith({
      edition: 'Developer',
      settings: { lightningExperienceSettings: { enableS1DesktopEnabled: true }, activitySettings: {} }
    });
    const findings = checkProjectConfig(dir).findings;
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ file: 'config/project-scratch-def.json', line: 7 });
    expect(findings[0]?.message).toContain('"activitySettings"');
    expect(findings[0]?.message).toContain('"activitiesSettings"');
  });

  it('rejects an unknown scratch org feature and a malformed sfdx-project.json', () => {
    const dir = projectWith({ edition: 'Developer', features: ['NoSuchFeature'] });
    fs.writeFileSync(path.join(dir, 'sfdx-project.json'), '{ "packageDirectories": [ ');
    const messages = checkProjectConfig(dir).findings.map((f) => `${f.file}: ${f.message}`);
    expect(messages.some((m) => m.startsWith('config/project-scratch-def.json: schema: /features/0'))).toBe(
      true
    );
    expect(messages.some((m) => m.startsWith('sfdx-project.json: not valid JSON'))).toBe(true);
  });

  it('rejects an External Client App inside a namespace-less package directory', () => {
    const dir = projectWith({ edition: 'Developer' });
    const ecaDir = path.join(dir, 'force-app', 'main', 'ingestion', 'externalClientApps');
    fs.mkdirSync(ecaDir, { recursive: true });
    fs.writeFileSync(path.join(ecaDir, 'App.eca-meta.xml'), '<ExternalClientApplication/>');
    const findings = checkProjectConfig(dir).findings;
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ file: 'force-app/main/ingestion/externalClientApps' });
    expect(findings[0]?.message).toContain('managed (namespaced) package');
  });
});
