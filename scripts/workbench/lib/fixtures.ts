/**
 * Fixture registry for the workbench: maps `'ApexClass.method'` to the Jest fixture JSON that stands
 * for that method's response (`lwc-src/<component>/__tests__/data/<ApexClass>.<method>.json`, the
 * naming rule in docs/development.md, "Adding a component"). The Jest tests and the workbench read the same files: one source of
 * sample data.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';

/** `ApexClass.method` — what follows `@salesforce/apex/` in an import. */
export type ApexKey = string;

export interface FixtureFile {
  /** `ApexClass.method`. */
  key: ApexKey;
  /** Component folder the fixture belongs to (`lwc-src/<component>/…`). */
  component: string;
  /** Path relative to the project root, with forward slashes (stable across machines). */
  relativePath: string;
  /** Parsed JSON content. */
  data: unknown;
}

export interface FixtureRegistry {
  /** One fixture per Apex method (see {@link findFixtures} for how duplicates are chosen). */
  byKey: Map<ApexKey, FixtureFile>;
  /**
   * Sample states: `<ApexClass>.<method>.<state>.json` (state: a camelCase word such as `urlNotSet`) is
   * what that method answers in that state; the workbench opened with `?state=<state>` uses it instead
   * of the default fixture (PREVIEW BEHAVIOUR — the same files the Jest tests use for that state).
   */
  states: Map<string, Map<ApexKey, FixtureFile>>;
  /** Non-fatal observations for the build log (duplicates that differ, ignored file names). */
  notes: string[];
}

const APEX_IDENTIFIER = '[A-Za-z][A-Za-z0-9_]*';
/** `ApexClass.method.json`: the default answer of that method. */
const FIXTURE_NAME = new RegExp(`^(${APEX_IDENTIFIER})\\.(${APEX_IDENTIFIER})\\.json$`);
/** `ApexClass.method.state.json`: its answer in a sample state (`urlNotSet`, `missingPermission`). */
const STATE_FIXTURE_NAME = new RegExp(
  `^(${APEX_IDENTIFIER})\\.(${APEX_IDENTIFIER})\\.([a-z][A-Za-z0-9]*)\\.json$`
);
const APEX_SPECIFIER = new RegExp(`^@salesforce/apex/(${APEX_IDENTIFIER})\\.(${APEX_IDENTIFIER})$`);

/** Error raised when a component needs sample data that does not exist; the message is user-facing. */
export class MissingFixtureError extends Error {
  constructor(
    readonly key: ApexKey,
    readonly expectedPath: string,
    readonly importer: string | undefined
  ) {
    super(
      `No sample data for Apex method ${key}` +
        (importer ? ` (imported by ${importer})` : '') +
        `. Add the fixture ${expectedPath} — the same JSON the component's Jest tests use ` +
        `(naming rule: lwc-src/<component>/__tests__/data/<ApexClass>.<method>.json).`
    );
    this.name = 'MissingFixtureError';
  }
}

/** Returns `ApexClass.method` for an `@salesforce/apex/ApexClass.method` specifier, else undefined. */
export function apexKeyFromSpecifier(specifier: string): ApexKey | undefined {
  const match = APEX_SPECIFIER.exec(specifier);
  return match ? `${match[1]}.${match[2]}` : undefined;
}

/** `{ key, state }` for a sample-state fixture file name (`X.y.urlNotSet.json`), else undefined. */
export function stateFixtureName(fileName: string): { key: ApexKey; state: string } | undefined {
  const match = STATE_FIXTURE_NAME.exec(fileName);
  return match ? { key: `${match[1]}.${match[2]}`, state: match[3] ?? '' } : undefined;
}

/** Returns `ApexClass.method` for a fixture file name, else undefined. */
export function apexKeyFromFixtureName(fileName: string): ApexKey | undefined {
  const match = FIXTURE_NAME.exec(fileName);
  return match ? `${match[1]}.${match[2]}` : undefined;
}

function toPosix(p: string): string {
  return p.split(path.sep).join('/');
}

/**
 * Scans `<lwcSrcDir>/<component>/__tests__/data/*.json`. When two components hold a fixture for the
 * same method, the first component in alphabetical order wins; a note is recorded if the contents differ
 * so the screens engineer can align them.
 */
export function findFixtures(lwcSrcDir: string, projectRoot: string): FixtureRegistry {
  const byKey = new Map<ApexKey, FixtureFile>();
  const states = new Map<string, Map<ApexKey, FixtureFile>>();
  const notes: string[] = [];
  if (!fs.existsSync(lwcSrcDir)) {
    return { byKey, states, notes };
  }
  const components = fs
    .readdirSync(lwcSrcDir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort();
  for (const component of components) {
    const dataDir = path.join(lwcSrcDir, component, '__tests__', 'data');
    if (!fs.existsSync(dataDir)) {
      continue;
    }
    for (const fileName of fs.readdirSync(dataDir).sort()) {
      if (!fileName.endsWith('.json')) {
        continue;
      }
      const absolute = path.join(dataDir, fileName);
      const relativePath = toPosix(path.relative(projectRoot, absolute));
      const stateName = stateFixtureName(fileName);
      const key = apexKeyFromFixtureName(fileName) ?? stateName?.key;
      if (!key) {
        notes.push(`not an Apex fixture name, ignored: ${relativePath}`);
        continue;
      }
      let data: unknown;
      try {
        data = JSON.parse(fs.readFileSync(absolute, 'utf8')) as unknown;
      } catch (error) {
        throw new Error(`Fixture ${relativePath} is not valid JSON: ${(error as Error).message}`);
      }
      if (stateName) {
        const inState = states.get(stateName.state) ?? new Map<ApexKey, FixtureFile>();
        if (!inState.has(key)) {
          inState.set(key, { key, component, relativePath, data });
        }
        states.set(stateName.state, inState);
        continue;
      }
      const existing = byKey.get(key);
      if (existing) {
        if (JSON.stringify(existing.data) !== JSON.stringify(data)) {
          notes.push(`${key}: ${relativePath} differs from ${existing.relativePath}; using the latter`);
        }
        continue;
      }
      byKey.set(key, { key, component, relativePath, data });
    }
  }
  return { byKey, states, notes };
}

/** Where a component's fixture for `key` is expected to live. */
export function expectedFixturePath(component: string | undefined, key: ApexKey): string {
  return `lwc-src/${component ?? '<component>'}/__tests__/data/${key}.json`;
}

/** Throws {@link MissingFixtureError} unless the registry holds `key`. */
export function requireFixture(
  registry: FixtureRegistry,
  key: ApexKey,
  importerComponent: string | undefined,
  importer?: string
): FixtureFile {
  const fixture = registry.byKey.get(key);
  if (!fixture) {
    throw new MissingFixtureError(key, expectedFixturePath(importerComponent, key), importer);
  }
  return fixture;
}

/**
 * Source of the generated ES module holding every fixture (embedded JSON, so the browser needs no
 * fetch): `export default { 'Class.method': {...} }` plus `sources` naming each file.
 */
export function generateRegistrySource(registry: FixtureRegistry): string {
  const keys = [...registry.byKey.keys()].sort();
  const lines: string[] = [
    '// Generated by scripts/workbench/build.ts from lwc-src/**/__tests__/data/*.json. Do not edit.',
    'export const sources = {',
    ...keys.map(
      (key) => `  ${JSON.stringify(key)}: ${JSON.stringify(registry.byKey.get(key)?.relativePath)},`
    ),
    '};',
    'export default {',
    ...keys.map((key) => `  ${JSON.stringify(key)}: ${JSON.stringify(registry.byKey.get(key)?.data)},`),
    '};',
    'export const states = {',
    ...[...registry.states.keys()].sort().flatMap((state) => {
      const inState = registry.states.get(state) ?? new Map<ApexKey, FixtureFile>();
      return [
        `  ${JSON.stringify(state)}: {`,
        ...[...inState.keys()]
          .sort()
          .map((key) => `    ${JSON.stringify(key)}: ${JSON.stringify(inState.get(key)?.data)},`),
        '  },'
      ];
    }),
    '};',
    ''
  ];
  return lines.join('\n');
}
