import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { scriptFiles } from './soql';

describe('soql: which TypeScript it reads for queries', () => {
  it('reads script modules, not tests, test fixtures (*.fixture.ts), declarations or gate fixture projects', () => {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'soql-files-'));
    try {
      const files = [
        'scripts/org/post-call.ts',
        'scripts/org/post-call.test.ts',
        'scripts/gate/self-test.fixture.ts',
        'scripts/types/platform.d.ts',
        'scripts/gate/fixtures/clean-project/scripts/org/call-notes.ts'
      ];
      for (const file of files) {
        fs.mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
        fs.writeFileSync(path.join(root, file), '');
      }
      expect(scriptFiles(root).map((file) => path.relative(root, file))).toEqual([
        'scripts/org/post-call.ts'
      ]);
    } finally {
      fs.rmSync(root, { recursive: true, force: true });
    }
  });
});
