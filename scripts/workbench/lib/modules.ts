/**
 * Module resolution for the workbench bundle: which file or generated module stands behind each
 * import a component can make. Pure functions over paths (unit tested); rollup wiring is in plugins.ts.
 *
 * - `c/<name>`                       → our component (compiled output, or lwc-src transpiled here)
 * - `lightning/<name>`               → lightning-base-components, except the platform-only modules
 *                                      below, which resolve to workbench stand-ins in runtime/
 * - `@salesforce/apex`               → runtime/apex.ts (refreshApex, getSObjectValue)
 * - `@salesforce/apex/Class.method`  → generated: an Apex method backed by the fixture registry
 * - `@salesforce/schema/Obj[.Field]` → generated: `{ objectApiName, fieldApiName }`
 * - `@salesforce/i18n/*`, `@salesforce/client/formFactor` → the base components' own en-US values
 * - `@salesforce/user/*`, `@salesforce/label/c.*`, permissions, resource URLs → generated constants
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { apexKeyFromSpecifier, type ApexKey } from './fixtures';

/** An `@lwc/module-resolver` alias or dir record (absolute paths: relative ones resolve per package). */
export type LwcModuleRecord = { name: string; path: string } | { dir: string } | { npm: string };

export interface WorkbenchPaths {
  projectRoot: string;
  workbenchDir: string;
  runtimeDir: string;
  appModulesDir: string;
  lwcSrcDir: string;
  compiledLwcDir: string;
  baseComponentsDir: string;
}

export function workbenchPaths(projectRoot: string): WorkbenchPaths {
  const workbenchDir = path.join(projectRoot, 'scripts', 'workbench');
  return {
    projectRoot,
    workbenchDir,
    runtimeDir: path.join(workbenchDir, 'runtime'),
    appModulesDir: path.join(workbenchDir, 'app', 'modules'),
    lwcSrcDir: path.join(projectRoot, 'lwc-src'),
    compiledLwcDir: path.join(projectRoot, 'force-app', 'main', 'default', 'lwc'),
    baseComponentsDir: path.join(projectRoot, 'node_modules', 'lightning-base-components')
  };
}

/** Platform modules that lightning-base-components does not provide (or provides platform-bound). */
export const PLATFORM_STAND_INS: Readonly<Record<string, string>> = {
  'lightning/navigation': 'navigation.ts',
  'lightning/platformShowToastEvent': 'platformShowToastEvent.ts',
  'lightning/uiRecordApi': 'uiRecordApi.ts',
  'lightning/refresh': 'refresh.ts',
  // The real picker searches the org through GraphQL; the stand-in offers sample records.
  'lightning/recordPicker': '../app/modules/wb/recordPicker/recordPicker.ts',
  // Measured (issue 7): with this gate open, lightning-combobox renders empty under synthetic shadow.
  '@salesforce/gate/bc.260.enableComboboxElementInternals': 'closedGate.ts'
};

/** Components the shell renders; a missing one becomes a placeholder (build warning, tests fail). */
export const SHELL_COMPONENTS = ['vclSetup', 'vclFieldMapping', 'vclSyncLog', 'vclCallLogPanel'] as const;

export type ComponentSource = 'compiled' | 'lwc-src';

export interface ComponentEntry {
  name: string;
  entry: string;
  source: ComponentSource;
}

const SCRIPT_EXTENSION: Record<ComponentSource, string> = { compiled: '.js', 'lwc-src': '.ts' };

/**
 * Lists our components: every `lwc-src/<name>/` folder (the source of truth for what exists), with the
 * compiled `force-app/main/default/lwc/<name>/<name>.js` when `source` is 'compiled' and it exists.
 * Folders with only templates or metadata are included when they have an html entry.
 */
export function listComponents(paths: WorkbenchPaths, source: ComponentSource): ComponentEntry[] {
  const names = new Set<string>();
  for (const dir of [paths.lwcSrcDir, source === 'compiled' ? paths.compiledLwcDir : undefined]) {
    if (dir && fs.existsSync(dir)) {
      for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
        if (entry.isDirectory() && !entry.name.startsWith('.') && !entry.name.startsWith('__')) {
          names.add(entry.name);
        }
      }
    }
  }
  const result: ComponentEntry[] = [];
  for (const name of [...names].sort()) {
    const baseDir = source === 'compiled' ? paths.compiledLwcDir : paths.lwcSrcDir;
    const candidates = [
      path.join(baseDir, name, `${name}${SCRIPT_EXTENSION[source]}`),
      path.join(baseDir, name, `${name}.html`)
    ];
    const entry = candidates.find((candidate) => fs.existsSync(candidate));
    if (entry) {
      result.push({ name, entry, source });
    }
  }
  return result;
}

/** The component a file belongs to (`…/lwc/<name>/…` or `lwc-src/<name>/…`), for error messages. */
export function componentOfFile(paths: WorkbenchPaths, file: string | undefined): string | undefined {
  if (!file) {
    return undefined;
  }
  const clean = file.replace(/\?.*$/, '');
  for (const base of [paths.compiledLwcDir, paths.lwcSrcDir]) {
    const relative = path.relative(base, clean);
    if (relative && !relative.startsWith('..') && !path.isAbsolute(relative)) {
      return relative.split(path.sep)[0];
    }
  }
  return undefined;
}

/**
 * Module records for `@lwc/rollup-plugin` (they take precedence over each package's own config, also
 * for imports made inside lightning-base-components).
 */
export function lwcModuleRecords(paths: WorkbenchPaths, components: ComponentEntry[]): LwcModuleRecord[] {
  const records: LwcModuleRecord[] = Object.entries(PLATFORM_STAND_INS).map(([name, file]) => ({
    name,
    path: path.join(paths.runtimeDir, file)
  }));
  const present = new Set(components.map((component) => component.name));
  for (const component of components) {
    records.push({ name: `c/${component.name}`, path: component.entry });
  }
  for (const name of SHELL_COMPONENTS) {
    if (!present.has(name)) {
      records.push({
        name: `c/${name}`,
        path: path.join(paths.appModulesDir, 'wb', 'missingComponent', 'missingComponent.ts')
      });
    }
  }
  records.push({ dir: paths.appModulesDir });
  records.push({ npm: 'lightning-base-components' });
  return records;
}

/** What a `@salesforce/*` (or workbench) specifier resolves to. */
export type WorkbenchModule =
  | { kind: 'file'; file: string }
  | { kind: 'apex'; key: ApexKey }
  | { kind: 'value'; value: unknown }
  | { kind: 'unsupported'; reason: string };

const SCHEMA = /^@salesforce\/schema\/([A-Za-z0-9_]+)(?:\.([A-Za-z0-9_.]+))?$/;

/** Sample running user (an 18-character User id). */
export const SAMPLE_USER_ID = '0055g00000WbUserAAA'; // = SAMPLE_USERS[0] in runtime/sampleRecords.ts

/**
 * Resolves the platform-scoped imports the workbench provides; undefined for anything else (left to
 * the LWC resolver: `c/*`, `lightning/*`, base-component internals, npm packages).
 */
export function resolveWorkbenchSpecifier(
  specifier: string,
  paths: WorkbenchPaths,
  labels: Readonly<Record<string, string>> = {}
): WorkbenchModule | undefined {
  if (specifier === '@salesforce/apex') {
    return { kind: 'file', file: path.join(paths.runtimeDir, 'apex.ts') };
  }
  if (specifier.startsWith('@salesforce/apex/')) {
    const key = apexKeyFromSpecifier(specifier);
    return key
      ? { kind: 'apex', key }
      : { kind: 'unsupported', reason: `not an Apex method import (expected @salesforce/apex/Class.method)` };
  }
  const schema = SCHEMA.exec(specifier);
  if (schema) {
    const [, objectApiName, fieldApiName] = schema;
    return { kind: 'value', value: fieldApiName ? { objectApiName, fieldApiName } : { objectApiName } };
  }
  if (specifier.startsWith('@salesforce/i18n/') || specifier === '@salesforce/client/formFactor') {
    const file = path.join(
      paths.baseComponentsDir,
      'scopedImports',
      `@${specifier.slice(1).replace(/\//g, '-')}.js`
    );
    return fs.existsSync(file)
      ? { kind: 'file', file }
      : { kind: 'unsupported', reason: 'no en-US value for it in lightning-base-components/scopedImports' };
  }
  switch (specifier) {
    case '@salesforce/user/Id':
      return { kind: 'value', value: SAMPLE_USER_ID };
    case '@salesforce/user/isGuest':
      return { kind: 'value', value: false };
    case '@salesforce/community/Id':
      return { kind: 'value', value: undefined };
    default:
      break;
  }
  if (specifier.startsWith('@salesforce/label/c.')) {
    const name = specifier.slice('@salesforce/label/c.'.length);
    return { kind: 'value', value: labels[name] ?? name };
  }
  if (
    specifier.startsWith('@salesforce/customPermission/') ||
    specifier.startsWith('@salesforce/userPermission/')
  ) {
    // The workbench plays an admin who holds every permission.
    return { kind: 'value', value: true };
  }
  if (specifier.startsWith('@salesforce/resourceUrl/')) {
    return { kind: 'value', value: `/resources/${specifier.slice('@salesforce/resourceUrl/'.length)}` };
  }
  if (specifier.startsWith('@salesforce/messageChannel/')) {
    return { kind: 'value', value: { channel: specifier.slice('@salesforce/messageChannel/'.length) } };
  }
  return undefined;
}

/** Source of a generated constant module. */
export function valueModuleSource(value: unknown): string {
  return `export default ${value === undefined ? 'undefined' : JSON.stringify(value)};\n`;
}

/** Source of a generated Apex method module (imports the runtime by absolute path). */
export function apexModuleSource(key: ApexKey, runtimeDir: string): string {
  const runtime = JSON.stringify(path.join(runtimeDir, 'apexRuntime.ts'));
  return `import { createApexMethod } from ${runtime};\nexport default createApexMethod(${JSON.stringify(key)});\n`;
}

/**
 * Custom labels from `force-app/**\/labels/*.labels-meta.xml` (name → value), so `@salesforce/label/c.X`
 * shows the text an org would.
 */
export function readCustomLabels(projectRoot: string): Record<string, string> {
  const labels: Record<string, string> = {};
  const forceApp = path.join(projectRoot, 'force-app');
  const visit = (dir: string): void => {
    if (!fs.existsSync(dir)) {
      return;
    }
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) {
        visit(full);
      } else if (entry.name.endsWith('.labels-meta.xml')) {
        const xml = fs.readFileSync(full, 'utf8');
        for (const match of xml.matchAll(/<labels>([\s\S]*?)<\/labels>/g)) {
          const body = match[1] ?? '';
          const name = /<fullName>([^<]+)<\/fullName>/.exec(body)?.[1];
          const value = /<value>([\s\S]*?)<\/value>/.exec(body)?.[1];
          if (name && value !== undefined) {
            labels[name] = value
              .replace(/&lt;/g, '<')
              .replace(/&gt;/g, '>')
              .replace(/&quot;/g, '"')
              .replace(/&apos;/g, "'")
              .replace(/&amp;/g, '&');
          }
        }
      }
    }
  };
  visit(forceApp);
  return labels;
}
