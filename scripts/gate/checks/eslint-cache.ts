/**
 * ESLint's cache remembers each file's result by that file alone, but the type-checked rules on scripts/**
 * (typescript-eslint "recommended-type-checked") read the types of the files it imports: after an imported module
 * changes, a cached "no findings" can hide a new `no-unsafe-*` error. The gate therefore keeps the cache only while
 * every input a type can come from is unchanged, and empties it otherwise (a cold lint, ~25–40 s on 2 cores).
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

/** Where `npm run lint` keeps its cache (package.json "lint": --cache-location). */
export const ESLINT_CACHE_DIR = path.join('node_modules', '.cache', 'eslint');
const KEY_FILE = '.gate-inputs-key';

/** Folders whose TypeScript, JavaScript and JSON files types can come from. */
const TYPE_SOURCE_DIRS = ['scripts', 'lwc-src', 'types', 'test-utils', path.join('docs', 'api')];
const TYPE_SOURCE_FILE = /\.(ts|mts|cts|js|mjs|cjs|json)$/;
/** Root files that change what ESLint or TypeScript report. */
const ROOT_INPUTS = /^(tsconfig.*\.json|eslint\.config\.[cm]?js|package-lock\.json)$/;
const SKIPPED_DIRS = new Set(['node_modules', '.git', 'coverage', 'test-results']);

function listFiles(dir: string, out: string[]): void {
  if (!fs.existsSync(dir)) {
    return;
  }
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      if (!SKIPPED_DIRS.has(entry.name)) {
        listFiles(full, out);
      }
    } else if (TYPE_SOURCE_FILE.test(entry.name)) {
      out.push(full);
    }
  }
}

/**
 * A hash of every file a linted file's types can depend on (path and content).
 * @param root project root
 */
export function eslintInputsKey(root: string): string {
  const files: string[] = fs
    .readdirSync(root, { withFileTypes: true })
    .filter((entry) => entry.isFile() && ROOT_INPUTS.test(entry.name))
    .map((entry) => path.join(root, entry.name));
  for (const dir of TYPE_SOURCE_DIRS) {
    listFiles(path.join(root, dir), files);
  }
  const hash = createHash('sha256');
  for (const file of files.sort()) {
    hash.update(path.relative(root, file)).update('\0').update(fs.readFileSync(file)).update('\0');
  }
  return hash.digest('hex');
}

/**
 * Empties ESLint's cache unless it was written for exactly the current inputs, then records them.
 * @param root project root
 * @returns whether the cache was kept
 */
export function prepareEslintCache(root: string): boolean {
  const cacheDir = path.join(root, ESLINT_CACHE_DIR);
  const keyFile = path.join(cacheDir, KEY_FILE);
  const key = eslintInputsKey(root);
  const kept = fs.existsSync(keyFile) && fs.readFileSync(keyFile, 'utf8') === key;
  if (!kept) {
    fs.rmSync(cacheDir, { recursive: true, force: true });
    fs.mkdirSync(cacheDir, { recursive: true });
    fs.writeFileSync(keyFile, key);
  }
  return kept;
}
