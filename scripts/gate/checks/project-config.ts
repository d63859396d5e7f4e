import * as fs from 'node:fs';
import * as path from 'node:path';
import Ajv, { type ErrorObject } from 'ajv';
import type { CheckResult, Finding } from '../lib/finding';
import { relativePath } from '../lib/finding';
import { lineOf, readSfdxProject, walkFiles } from '../lib/project';

const CHECKER = 'project-config';

/**
 * The JSON schemas the Salesforce CLI itself validates sfdx-project.json and scratch org definitions
 * with (shipped in @salesforce/core). Resolved from the gate, not from the project checked, so a
 * fixture project is checked against the same schemas.
 */
const SCHEMA_DIR = path.join(path.dirname(require.resolve('@salesforce/core')), '..', 'schemas');

interface JsonSchema {
  properties?: Record<string, JsonSchema>;
  [key: string]: unknown;
}

function loadSchema(name: string): JsonSchema {
  return JSON.parse(fs.readFileSync(path.join(SCHEMA_DIR, name), 'utf8')) as JsonSchema;
}

/** 1-based line of the first `"key"` in the file text (for findings); 1 when not found. */
function lineOfKey(text: string, key: string): number {
  const index = text.indexOf(`"${key}"`);
  return index < 0 ? 1 : lineOf(text, index);
}

function schemaErrors(errors: ErrorObject[] | null | undefined): string[] {
  return (errors ?? []).map((e) => `${e.instancePath || '(root)'} ${e.message ?? 'is invalid'}`);
}

/**
 * sfdx-project.json and every scratch org definition in config/ validate against the CLI's schemas.
 * The scratch-def schema accepts any key under `settings` (its settings object has no closed list), so
 * a misspelt settings type — `activitySettings` for `activitiesSettings` — is silently ignored when the
 * org is created. Every key under `settings` must therefore be one the schema names.
 */
export function checkProjectConfig(root: string): CheckResult {
  const findings: Finding[] = [];
  findings.push(...unpackageableComponents(root));
  const ajv = new Ajv({ allErrors: true, strict: false });
  const projectSchema = loadSchema('sfdx-project.schema.json');
  const scratchSchema = loadSchema('project-scratch-def.schema.json');
  const knownSettings = new Set(Object.keys(scratchSchema.properties?.settings?.properties ?? {}));

  const validate = (file: string, schema: JsonSchema): Record<string, unknown> | undefined => {
    const text = fs.readFileSync(path.join(root, file), 'utf8');
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch (e) {
      findings.push({ checker: CHECKER, file, line: 1, message: `not valid JSON: ${(e as Error).message}` });
      return undefined;
    }
    if (!ajv.validate(schema, json)) {
      for (const message of schemaErrors(ajv.errors)) {
        findings.push({ checker: CHECKER, file, line: 1, message: `schema: ${message}` });
      }
    }
    return typeof json === 'object' && json !== null ? (json as Record<string, unknown>) : undefined;
  };

  if (fs.existsSync(path.join(root, 'sfdx-project.json'))) {
    validate('sfdx-project.json', projectSchema);
  } else {
    findings.push({ checker: CHECKER, file: 'sfdx-project.json', message: 'missing' });
  }

  const configDir = path.join(root, 'config');
  const scratchDefs = fs.existsSync(configDir)
    ? fs.readdirSync(configDir).filter((f) => /scratch-def.*\.json$|-def\.json$/.test(f))
    : [];
  for (const name of scratchDefs.sort()) {
    const file = `config/${name}`;
    const def = validate(file, scratchSchema);
    const settings = def?.settings;
    if (typeof settings !== 'object' || settings === null) {
      continue;
    }
    const text = fs.readFileSync(path.join(root, file), 'utf8');
    for (const key of Object.keys(settings)) {
      if (!knownSettings.has(key)) {
        const hint = [...knownSettings].find((k) =>
          k.toLowerCase().startsWith(key.toLowerCase().slice(0, 6))
        );
        findings.push({
          checker: CHECKER,
          file,
          line: lineOfKey(text, key),
          message: `unknown settings type "${key}" (ignored by scratch org creation)${hint ? `; did you mean "${hint}"?` : ''}`
        });
      }
    }
  }
  return {
    findings,
    info: [`checked sfdx-project.json and ${scratchDefs.length} scratch org definition(s)`]
  };
}

/**
 * Metadata folders whose components only a managed (namespaced) package can contain. External client
 * apps "can be packaged in first-generation or second-generation managed packages"; in a namespace-less
 * unlocked package version creation rejects them, so they belong in a non-packaged directory.
 */
const MANAGED_ONLY_FOLDERS = new Map<string, string>([
  ['externalClientApps', 'ExternalClientApplication'],
  ['extlClntAppOauthSettings', 'ExtlClntAppOauthSettings'],
  ['extlClntAppGlobalOauthSets', 'ExtlClntAppGlobalOauthSettings'],
  ['extlClntAppOauthPolicies', 'ExtlClntAppOauthConfigurablePolicies']
]);

/** Components in a namespace-less package's directory that such a package cannot contain. */
function unpackageableComponents(root: string): Finding[] {
  let project;
  try {
    project = readSfdxProject(root);
  } catch {
    return []; // a missing or invalid sfdx-project.json is reported by the schema validation
  }
  if (project.namespace) {
    return [];
  }
  const findings: Finding[] = [];
  for (const dir of project.packageDirectories) {
    if (!dir.package) {
      continue;
    }
    const reported = new Set<string>();
    for (const file of walkFiles(path.join(root, dir.path))) {
      const segments = relativePath(root, file).split('/');
      const folderIndex = segments.findIndex((segment) => MANAGED_ONLY_FOLDERS.has(segment));
      if (folderIndex < 0) {
        continue;
      }
      const folder = segments.slice(0, folderIndex + 1).join('/');
      if (reported.has(folder)) {
        continue;
      }
      reported.add(folder);
      findings.push({
        checker: CHECKER,
        file: folder,
        message: `${MANAGED_ONLY_FOLDERS.get(segments[folderIndex] ?? '')} can only be packaged in a managed (namespaced) package; package "${dir.package}" is namespace-less — keep it in a directory without "package" (e.g. unpackaged/)`
      });
    }
  }
  return findings;
}
