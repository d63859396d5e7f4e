import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { compareOutput, firstDifferentLine } from './lwc-output';

function tree(files: Record<string, string>): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lwc-output-'));
  for (const [file, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    fs.writeFileSync(path.join(dir, file), text);
  }
  return dir;
}

const FRESH = {
  'a/a.js': 'export default 1;\n',
  'a/a.html': '<template>\n  <p>a</p>\n</template>\n',
  'a/a.js-meta.xml': '<x/>\n'
};

describe('lwc-output: committed compiled LWCs vs a fresh build', () => {
  const dirs: string[] = [];
  const make = (files: Record<string, string>): string => {
    const dir = tree(files);
    dirs.push(dir);
    return dir;
  };
  afterAll(() => dirs.forEach((dir) => fs.rmSync(dir, { recursive: true, force: true })));

  it('reports nothing when the committed output is the build, byte for byte', () => {
    expect(compareOutput(make(FRESH), make(FRESH), 'out')).toEqual([]);
  });

  it('names a missing, a changed (with its line) and an extra file, each once', () => {
    const committed = make({
      'a/a.js': 'export default 1;\n',
      'a/a.html': '<template>\n  <p>old</p>\n</template>\n',
      'gone/gone.js': 'export default 2;\n'
    });
    const findings = compareOutput(make(FRESH), committed, 'out');
    expect(findings.map((f) => `${f.file}:${f.line ?? '-'} ${f.message.split(':')[0]}`)).toEqual([
      'out/a/a.html:2 stale or edited by hand (differs from the build of lwc-src/)',
      'out/a/a.js-meta.xml:- missing',
      'out/gone/gone.js:- not built from lwc-src/ (a removed component or a hand-added file)'
    ]);
    expect(findings.every((f) => f.checker === 'lwc-output' && f.message.includes('npm run build'))).toBe(
      true
    );
  });

  it('treats a line-ending change as a difference (the comparison is byte for byte)', () => {
    const committed = make({ ...FRESH, 'a/a.js': 'export default 1;\r\n' });
    expect(compareOutput(make(FRESH), committed, 'out').map((f) => f.file)).toEqual(['out/a/a.js']);
  });

  it('finds the first differing line', () => {
    expect(firstDifferentLine('a\nb\nc', 'a\nb\nc')).toBe(1);
    expect(firstDifferentLine('a\nb\nc', 'a\nB\nc')).toBe(2);
    expect(firstDifferentLine('a\nb', 'a\nb\nc')).toBe(3);
  });
});
