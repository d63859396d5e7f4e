import * as fs from 'node:fs';
import * as path from 'node:path';
import { XMLValidator } from 'fast-xml-parser';
import type { CheckResult, Finding } from '../lib/finding';
import { relativePath } from '../lib/finding';
import { apexFiles, lineOf, packageDirs, readSfdxProject, walkFiles } from '../lib/project';

const CHECKER = 'metadata-xml';

/** The generated LWC bundles: copies of lwc-src, checked there instead. */
const GENERATED_LWC = path.join('force-app', 'main', 'default', 'lwc');

/**
 * Every XML file under the package directories, lwc-src and manifest/ is well-formed; every
 * .cls/.trigger has its -meta.xml; every <apiVersion> equals sfdx-project.json's sourceApiVersion.
 */
export function checkMetadataXml(root: string): CheckResult {
  const findings: Finding[] = [];
  const expectedVersion = readSfdxProject(root).sourceApiVersion;
  if (!expectedVersion) {
    findings.push({ checker: CHECKER, file: 'sfdx-project.json', message: 'sourceApiVersion is not set' });
  }
  const generated = path.join(root, GENERATED_LWC);
  const roots = [...packageDirs(root), path.join(root, 'lwc-src'), path.join(root, 'manifest')];
  const files = [
    ...new Set(
      roots.flatMap((dir) =>
        walkFiles(
          dir,
          (f) =>
            f.endsWith('.xml') &&
            !f.startsWith(generated + path.sep) &&
            !f.includes(`${path.sep}__tests__${path.sep}`)
        )
      )
    )
  ];
  for (const file of files) {
    const rel = relativePath(root, file);
    const text = fs.readFileSync(file, 'utf8');
    const result = XMLValidator.validate(text);
    if (result !== true) {
      findings.push({
        checker: CHECKER,
        file: rel,
        line: result.err.line,
        col: result.err.col,
        message: `malformed XML: ${result.err.msg}`
      });
      continue;
    }
    if (expectedVersion && file.endsWith('-meta.xml')) {
      for (const match of text.matchAll(/<apiVersion>\s*([^<]*?)\s*<\/apiVersion>/g)) {
        if (match[1] !== expectedVersion) {
          findings.push({
            checker: CHECKER,
            file: rel,
            line: lineOf(text, match.index ?? 0),
            message: `apiVersion ${match[1]} differs from sourceApiVersion ${expectedVersion} in sfdx-project.json`
          });
        }
      }
    }
  }
  for (const file of apexFiles(root)) {
    if (!fs.existsSync(`${file}-meta.xml`)) {
      findings.push({
        checker: CHECKER,
        file: relativePath(root, file),
        message: `missing ${path.basename(file)}-meta.xml`
      });
    }
  }
  return { findings, info: [`${files.length} XML files`] };
}
