import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { ESLINT_CACHE_DIR, eslintInputsKey, prepareEslintCache } from './eslint-cache';

function project(): string {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'eslint-cache-'));
  fs.mkdirSync(path.join(root, 'scripts', 'lib'), { recursive: true });
  fs.mkdirSync(path.join(root, 'force-app', 'classes'), { recursive: true });
  fs.writeFileSync(path.join(root, 'tsconfig.json'), '{}');
  fs.writeFileSync(
    path.join(root, 'scripts', 'a.ts'),
    "import { b } from './lib/b';\nexport const a = b();\n"
  );
  fs.writeFileSync(
    path.join(root, 'scripts', 'lib', 'b.ts'),
    'export function b(): number {\n  return 1;\n}\n'
  );
  fs.writeFileSync(path.join(root, 'force-app', 'classes', 'A.cls'), 'public class A {}\n');
  return root;
}

/** A result ESLint would have cached for a.ts. */
function cacheEntry(root: string): string {
  const entry = path.join(root, ESLINT_CACHE_DIR, 'cache-entry');
  fs.writeFileSync(entry, 'a.ts: no findings');
  return entry;
}

describe('ESLint cache kept only for unchanged type inputs', () => {
  it('keeps the cache while nothing a type can come from changed', () => {
    const root = project();
    expect(prepareEslintCache(root)).toBe(false);
    const entry = cacheEntry(root);
    expect(prepareEslintCache(root)).toBe(true);
    expect(fs.existsSync(entry)).toBe(true);
  });

  it('empties it when an imported module changes, though the importing file did not', () => {
    const root = project();
    prepareEslintCache(root);
    const entry = cacheEntry(root);
    // b() now returns `any`: a.ts breaks no-unsafe-assignment without a.ts changing.
    fs.writeFileSync(
      path.join(root, 'scripts', 'lib', 'b.ts'),
      'export function b(): any {\n  return 1;\n}\n'
    );
    expect(prepareEslintCache(root)).toBe(false);
    expect(fs.existsSync(entry)).toBe(false);
    expect(prepareEslintCache(root)).toBe(true);
  });

  it('empties it when the TypeScript or ESLint configuration changes', () => {
    const root = project();
    prepareEslintCache(root);
    const before = eslintInputsKey(root);
    fs.writeFileSync(path.join(root, 'tsconfig.json'), '{ "compilerOptions": { "strict": true } }');
    expect(eslintInputsKey(root)).not.toBe(before);
    fs.writeFileSync(path.join(root, 'eslint.config.mjs'), 'export default [];');
    expect(prepareEslintCache(root)).toBe(false);
  });

  it('keeps it when only Apex or metadata changes', () => {
    const root = project();
    prepareEslintCache(root);
    const entry = cacheEntry(root);
    fs.writeFileSync(path.join(root, 'force-app', 'classes', 'A.cls'), 'public class A { Integer n; }\n');
    expect(prepareEslintCache(root)).toBe(true);
    expect(fs.existsSync(entry)).toBe(true);
  });

  it('tells a renamed file from an unchanged one', () => {
    const root = project();
    const before = eslintInputsKey(root);
    fs.renameSync(path.join(root, 'scripts', 'lib', 'b.ts'), path.join(root, 'scripts', 'lib', 'c.ts'));
    expect(eslintInputsKey(root)).not.toBe(before);
  });
});
