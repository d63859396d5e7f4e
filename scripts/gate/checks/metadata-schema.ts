import * as fs from 'node:fs';
import * as path from 'node:path';
import * as ts from 'typescript';
import type { CheckResult, Finding } from '../lib/finding';
import { relativePath } from '../lib/finding';
import { packageDirs, walkFiles } from '../lib/project';
import { MetadataTypes } from './metadata-schema/types';
import { jsonToNode, parseMetadataXml, validateNode } from './metadata-schema/validate';

const CHECKER = 'metadata-schema';

/** The directories whose metadata is deployed: every package directory plus unpackaged/ when present. */
function metadataDirs(root: string): string[] {
  const dirs = new Set(packageDirs(root));
  const unpackaged = path.join(root, 'unpackaged');
  if (fs.existsSync(unpackaged)) {
    dirs.add(unpackaged);
  }
  return [...dirs];
}

/** config/*scratch-def*.json, the scratch org definitions `sf org create scratch` reads. */
function scratchDefinitions(root: string): string[] {
  const config = path.join(root, 'config');
  return fs.existsSync(config)
    ? fs
        .readdirSync(config)
        .filter((name) => /scratch-def.*\.json$/.test(name))
        .map((name) => path.join(config, name))
    : [];
}

/**
 * Every metadata file (`*-meta.xml`) of the package directories and unpackaged/, and every `settings`
 * entry of every scratch definition, against the Metadata API's types in @salesforce/types: the root
 * element names the type; each element must be a member of its parent's type, booleans/numbers/enum
 * values must be ones, and scalar members the type declares as required must be present (not in
 * scratch-def settings, which update only what they name). Malformed XML is metadata-xml's finding.
 */
export function checkMetadataSchema(root: string): CheckResult {
  const types = new MetadataTypes();
  const findings: Finding[] = [];
  const add = (file: string, line: number, message: string): void => {
    findings.push({ checker: CHECKER, file: relativePath(root, file), line, message });
  };
  const files = metadataDirs(root).flatMap((dir) => walkFiles(dir, (file) => file.endsWith('-meta.xml')));
  for (const file of files) {
    let node;
    try {
      node = parseMetadataXml(fs.readFileSync(file, 'utf8'));
    } catch {
      continue;
    }
    const type = types.type(node.name);
    if (!type) {
      add(
        file,
        node.line,
        `${node.name} is not a Metadata API type in @salesforce/types ${MetadataTypes.version()}`
      );
      continue;
    }
    for (const issue of validateNode(types, node, node.name, type)) {
      add(file, issue.line, issue.message);
    }
  }
  const definitions = scratchDefinitions(root);
  let settingsCount = 0;
  for (const file of definitions) {
    const json = ts.parseJsonText(file, fs.readFileSync(file, 'utf8'));
    const top = json.statements[0]?.expression;
    if (!top || !ts.isObjectLiteralExpression(top)) {
      continue;
    }
    const settings = top.properties.find(
      (p): p is ts.PropertyAssignment =>
        ts.isPropertyAssignment(p) && p.name.getText(json).replace(/"/g, '') === 'settings'
    );
    if (!settings || !ts.isObjectLiteralExpression(settings.initializer)) {
      continue;
    }
    for (const entry of settings.initializer.properties) {
      if (!ts.isPropertyAssignment(entry)) {
        continue;
      }
      settingsCount++;
      const key = entry.name.getText(json).replace(/"/g, '');
      const typeName = key.charAt(0).toUpperCase() + key.slice(1);
      const line = json.getLineAndCharacterOfPosition(entry.name.getStart(json)).line + 1;
      const type = types.type(typeName);
      if (!type || !typeName.endsWith('Settings')) {
        add(
          file,
          line,
          `settings.${key}: ${typeName} is not a settings type in @salesforce/types ${MetadataTypes.version()}`
        );
        continue;
      }
      const node = { ...jsonToNode(typeName, entry.initializer, json), line };
      for (const issue of validateNode(types, node, typeName, type, { skipRequired: true })) {
        add(file, issue.line, `settings.${key}: ${issue.message}`);
      }
    }
  }
  return {
    findings,
    info: [
      `${files.length} metadata files and ${settingsCount} scratch-def settings in ${definitions.length} definitions ` +
        `checked against @salesforce/types ${MetadataTypes.version()}`
    ]
  };
}
