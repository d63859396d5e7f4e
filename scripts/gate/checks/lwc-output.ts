import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { LWC_OUTPUT_DIR, LWC_SOURCE_DIR, compileLwc } from '../../build/build';
import type { CheckResult, Finding } from '../lib/finding';

const CHECKER = 'lwc-output';
const FIX = 'run `npm run build` and commit force-app/main/default/lwc';

/** Files under dir, relative with forward slashes, sorted. */
function listFiles(dir: string): string[] {
  if (!fs.existsSync(dir)) {
    return [];
  }
  return fs
    .readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((file) => fs.statSync(path.join(dir, file)).isFile())
    .map((file) => file.split(path.sep).join('/'))
    .sort();
}

/** 1-based line of the first difference between two texts. */
export function firstDifferentLine(expected: string, actual: string): number {
  const a = expected.split('\n');
  const b = actual.split('\n');
  const length = Math.max(a.length, b.length);
  for (let i = 0; i < length; i += 1) {
    if (a[i] !== b[i]) {
      return i + 1;
    }
  }
  return 1;
}

/**
 * Compares a fresh build (`fresh`, a temp folder) with the committed output (`committed`): a file
 * the build makes that is missing or different, and a committed file the build does not make, are
 * findings on the committed path.
 */
export function compareOutput(fresh: string, committed: string, displayDir: string): Finding[] {
  const findings: Finding[] = [];
  const expected = listFiles(fresh);
  const actual = new Set(listFiles(committed));
  const show = (file: string): string => `${displayDir}/${file}`;
  for (const file of expected) {
    if (!actual.has(file)) {
      findings.push({ checker: CHECKER, file: show(file), message: `missing: ${FIX}` });
      continue;
    }
    const want = fs.readFileSync(path.join(fresh, file));
    const have = fs.readFileSync(path.join(committed, file));
    if (!want.equals(have)) {
      findings.push({
        checker: CHECKER,
        file: show(file),
        line: firstDifferentLine(want.toString('utf8'), have.toString('utf8')),
        message: `stale or edited by hand (differs from the build of ${LWC_SOURCE_DIR}/): ${FIX}`
      });
    }
  }
  const made = new Set(expected);
  for (const file of actual) {
    if (!made.has(file)) {
      findings.push({
        checker: CHECKER,
        file: show(file),
        message: `not built from ${LWC_SOURCE_DIR}/ (a removed component or a hand-added file): ${FIX}`
      });
    }
  }
  return findings;
}

/**
 * The compiled LWCs are committed, so a clean checkout deploys with plain `sf project deploy start`
 * or `sf package version create`. This step compiles lwc-src into a temp folder and fails when the
 * committed force-app/main/default/lwc is not byte for byte that output. It runs before the build
 * step, which rewrites the folder in place.
 */
export function checkLwcOutput(root: string): CheckResult {
  if (!fs.existsSync(path.join(root, LWC_SOURCE_DIR))) {
    return { findings: [], info: [`no ${LWC_SOURCE_DIR}/: nothing to compare`] };
  }
  const fresh = fs.mkdtempSync(path.join(os.tmpdir(), 'gate-lwc-output-'));
  try {
    const build = compileLwc(root, fresh);
    if (build.findings.length > 0) {
      return {
        findings: [
          {
            checker: CHECKER,
            file: LWC_SOURCE_DIR,
            message: `${LWC_SOURCE_DIR}/ does not build (${build.findings.length} problem(s), listed by the build step): cannot compare the committed output`
          }
        ]
      };
    }
    const displayDir = LWC_OUTPUT_DIR.split(path.sep).join('/');
    const findings = compareOutput(fresh, path.join(root, LWC_OUTPUT_DIR), displayDir);
    return {
      findings,
      info: [`${build.components.length} components compared with ${displayDir}/`]
    };
  } finally {
    fs.rmSync(fresh, { recursive: true, force: true });
  }
}
