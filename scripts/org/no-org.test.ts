/**
 * Without an org or a Dev Hub the org scripts say so loudly and exit 2 — never a pass. Each runs as
 * `npm run` would (ts-node), side by side, with a HOME that holds no sf authorization or config.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { REPO_ROOT } from '../lib/cli/exec';

const TS_NODE = path.join(REPO_ROOT, 'node_modules', 'ts-node', 'dist', 'bin.js');

const CASES: { script: string; args?: string[]; message: string }[] = [
  { script: 'create-scratch-org.ts', message: 'org:create: NOT RUN — no Dev Hub configured' },
  { script: 'package-create.ts', message: 'package:create: NOT RUN — no Dev Hub configured' },
  { script: 'run-apex-tests.ts', message: 'test:apex: NOT RUN — no Salesforce org' },
  { script: 'integration-user.ts', message: 'org:integration-user: NOT RUN — no Salesforce org' },
  {
    script: 'delete-scratch-orgs.ts',
    args: ['--org-name', 'vcl-ci-1-1'],
    message: 'delete-scratch-orgs: NOT RUN — no Dev Hub configured'
  }
];

describe('org scripts without an org', () => {
  let home: string;
  beforeAll(() => {
    home = mkdtempSync(path.join(os.tmpdir(), 'no-org-'));
  });
  afterAll(() => rmSync(home, { recursive: true, force: true }));

  const runScript = (script: string, args: string[]): Promise<{ code: number; stderr: string }> =>
    new Promise((resolve) => {
      const env = {
        PATH: process.env.PATH,
        HOME: home,
        USERPROFILE: home,
        XDG_CONFIG_HOME: home,
        XDG_DATA_HOME: home,
        XDG_CACHE_HOME: home,
        SF_DISABLE_TELEMETRY: 'true'
      };
      execFile(
        process.execPath,
        [TS_NODE, '--transpile-only', path.join('scripts', 'org', script), ...args],
        { cwd: REPO_ROOT, env, timeout: 120_000 },
        (error, _stdout, stderr) => {
          resolve({ code: typeof error?.code === 'number' ? error.code : error === null ? 0 : -1, stderr });
        }
      );
    });

  it('each exits 2 and says it did not run', async () => {
    const results = await Promise.all(CASES.map((c) => runScript(c.script, c.args ?? [])));
    results.forEach((result, i) => {
      const { script, message } = CASES[i] as (typeof CASES)[number];
      expect({ script, code: result.code }).toEqual({ script, code: 2 });
      expect(result.stderr).toContain(message);
      expect(result.stderr).toContain('This is not a pass.');
    });
  }, 180_000);
});
