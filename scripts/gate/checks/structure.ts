import * as fs from 'node:fs';
import * as path from 'node:path';
import type { CheckResult, Finding } from '../lib/finding';
import { relativePath } from '../lib/finding';
import { isTestClass, mentions, stripCommentsAndStrings, topLevelKind } from '../lib/apex-source';
import { apexFiles, packageDirs, readSfdxProject, walkFiles } from '../lib/project';

const CHECKER = 'structure';

/** Accepted test class names for class X, in the order we suggest them (X_Tests is the convention). */
const TEST_NAME_SUFFIXES = ['_Tests', '_Test', 'Test', 'Tests'];

interface ApexSource {
  name: string;
  file: string;
  code: string;
  isTest: boolean;
}

/**
 * With `plugins.componentPrefix` set in sfdx-project.json (say `Vcl`), every Apex class and trigger
 * (`VclCallMatcher`), LWC bundle (`vclSyncLog`, in lwc-src/ and compiled) and permission set
 * (`Vcl_Admin`) starts with it: a namespace-less package cannot install into an org that already has a
 * component of the same name, and a prefix makes such a clash unlikely. Without the setting (the gate's
 * fixture project), nothing is checked. One finding per offending component.
 */
export function checkComponentPrefix(root: string): Finding[] {
  const prefix = readSfdxProject(root).componentPrefix;
  if (prefix === undefined) {
    return [];
  }
  if (typeof prefix !== 'string' || !/^[A-Z][A-Za-z0-9]*$/.test(prefix)) {
    return [
      {
        checker: CHECKER,
        file: 'sfdx-project.json',
        message: `plugins.componentPrefix must be a capitalised alphanumeric word such as "Vcl", not ${JSON.stringify(prefix)}`
      }
    ];
  }
  const lwcPrefix = prefix.charAt(0).toLowerCase() + prefix.slice(1);
  const findings: Finding[] = [];
  /** A finding on file (a component's source file, or an LWC's bundle folder) unless name starts with wanted. */
  const requirePrefix = (file: string, kind: string, name: string, wanted: string): void => {
    if (!name.startsWith(wanted)) {
      findings.push({
        checker: CHECKER,
        file: relativePath(root, file),
        message: `${kind} ${name} does not start with the component prefix ${wanted} (sfdx-project.json plugins.componentPrefix)`
      });
    }
  };
  for (const file of apexFiles(root)) {
    const trigger = file.endsWith('.trigger');
    requirePrefix(
      file,
      trigger ? 'trigger' : 'Apex class',
      path.basename(file).replace(/\.(cls|trigger)$/, ''),
      prefix
    );
  }
  const bundles = new Set<string>();
  for (const dir of packageDirs(root)) {
    for (const file of walkFiles(dir, (f) => /\.(permissionset-meta\.xml|js-meta\.xml)$/.test(f))) {
      if (file.endsWith('.permissionset-meta.xml')) {
        requirePrefix(file, 'permission set', path.basename(file, '.permissionset-meta.xml'), `${prefix}_`);
      } else if (path.basename(path.dirname(path.dirname(file))) === 'lwc') {
        bundles.add(path.dirname(file));
      }
    }
  }
  const lwcRoot = path.join(root, 'lwc-src');
  if (fs.existsSync(lwcRoot)) {
    for (const entry of fs.readdirSync(lwcRoot, { withFileTypes: true })) {
      if (entry.isDirectory() && fs.existsSync(path.join(lwcRoot, entry.name, `${entry.name}.js-meta.xml`))) {
        bundles.add(path.join(lwcRoot, entry.name));
      }
    }
  }
  for (const bundle of [...bundles].sort()) {
    requirePrefix(bundle, 'LWC', path.basename(bundle), lwcPrefix);
  }
  return findings;
}

/**
 * Every non-test Apex class has a test class (`<Name>_Tests`, `<Name>_Test`, `<Name>Test`) that
 * references it; every trigger has a test that references its handler or does DML on its object;
 * every LWC in lwc-src/<name>/ has a Jest test in its __tests__ folder.
 */
export function checkStructure(root: string): CheckResult {
  const findings: Finding[] = [];
  const classes: ApexSource[] = [];
  const triggers: ApexSource[] = [];
  for (const file of apexFiles(root)) {
    const source = fs.readFileSync(file, 'utf8');
    const entry = {
      name: path.basename(file).replace(/\.(cls|trigger)$/, ''),
      file,
      code: stripCommentsAndStrings(source),
      isTest: file.endsWith('.cls') && isTestClass(source)
    };
    if (file.endsWith('.trigger')) {
      triggers.push(entry);
    } else if (entry.isTest || topLevelKind(source) === 'class') {
      // Interfaces and enums hold no executable code, so they need no test of their own.
      classes.push(entry);
    }
  }
  const byName = new Map(classes.map((c) => [c.name.toLowerCase(), c]));
  const tests = classes.filter((c) => c.isTest);

  for (const cls of classes.filter((c) => !c.isTest)) {
    const candidates = TEST_NAME_SUFFIXES.map((suffix) => byName.get(`${cls.name}${suffix}`.toLowerCase()));
    const test = candidates.find((c) => c !== undefined);
    if (!test) {
      findings.push({
        checker: CHECKER,
        file: relativePath(root, cls.file),
        line: 1,
        message: `Apex class ${cls.name} has no test class (expected ${cls.name}_Tests)`
      });
    } else if (!test.isTest) {
      findings.push({
        checker: CHECKER,
        file: relativePath(root, test.file),
        line: 1,
        message: `${test.name} is named as the test of ${cls.name} but is not annotated @IsTest`
      });
    } else if (!mentions(test.code, cls.name)) {
      findings.push({
        checker: CHECKER,
        file: relativePath(root, test.file),
        line: 1,
        message: `test class ${test.name} never references ${cls.name}`
      });
    }
  }

  for (const trigger of triggers) {
    const header = /\btrigger\s+\w+\s+on\s+(\w+)/i.exec(trigger.code);
    if (!header) {
      continue; // unparsable trigger: the soql step reports the syntax error
    }
    const objectName = header[1] ?? '';
    const handlers = classes.filter((c) => !c.isTest && mentions(trigger.code, c.name)).map((c) => c.name);
    // DML (statement or Database.x: the keyword matches both), or EventBus.publish for a platform event.
    const dml = /\b(insert|update|upsert|delete|undelete)\b|\bEventBus\s*\.\s*publish\b/i;
    const covered = tests.some(
      (t) => handlers.some((h) => mentions(t.code, h)) || (dml.test(t.code) && mentions(t.code, objectName))
    );
    if (!covered) {
      findings.push({
        checker: CHECKER,
        file: relativePath(root, trigger.file),
        line: 1,
        message: `trigger ${trigger.name} on ${objectName} has no test: no @IsTest class references ${
          handlers.length > 0 ? handlers.join(', ') : 'its handler'
        } or does DML on ${objectName}`
      });
    }
  }

  const lwcRoot = path.join(root, 'lwc-src');
  let components = 0;
  if (fs.existsSync(lwcRoot)) {
    for (const entry of fs.readdirSync(lwcRoot, { withFileTypes: true })) {
      const dir = path.join(lwcRoot, entry.name);
      const isComponent =
        entry.isDirectory() &&
        ['.ts', '.js'].some((ext) => fs.existsSync(path.join(dir, `${entry.name}${ext}`)));
      if (!isComponent) {
        continue;
      }
      components++;
      const testsDir = path.join(dir, '__tests__');
      const hasTest =
        fs.existsSync(testsDir) && fs.readdirSync(testsDir).some((f) => /\.(test|spec)\.(ts|js)$/.test(f));
      if (!hasTest) {
        findings.push({
          checker: CHECKER,
          file: relativePath(root, dir),
          message: `LWC ${entry.name} has no Jest test (expected lwc-src/${entry.name}/__tests__/${entry.name}.test.ts)`
        });
      }
    }
  }
  findings.push(...checkComponentPrefix(root));
  return {
    findings,
    info: [
      `${classes.length - tests.length} classes, ${tests.length} test classes, ${triggers.length} triggers, ${components} LWCs`
    ]
  };
}
