/**
 * Checks an emitted LWC bundle with @lwc/compiler (the compiler the platform runs on deploy): every
 * .js, .html and .css file is compiled with transformSync; any error-level diagnostic is a finding.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { transformSync } from '@lwc/compiler';

export interface LwcFinding {
  /** File path as given (usually relative to the project root). */
  file: string;
  line: number;
  message: string;
}

/** @lwc/errors DiagnosticLevel: Fatal = 0, Error = 1, Warning = 2, Log = 3. */
const MAX_ERROR_LEVEL = 1;

interface DiagnosticLike {
  message?: string;
  level?: number;
  code?: number;
  location?: { line?: number } | null;
}

function toFinding(file: string, diagnostic: DiagnosticLike): LwcFinding {
  const message = (diagnostic.message ?? `LWC compiler error ${diagnostic.code ?? ''}`).split('\n')[0] ?? '';
  return { file, line: diagnostic.location?.line ?? 1, message: message.replace(/^.*?: (?=LWC\d+)/, '') };
}

/** Compiles one file of component `name`; returns its error-level findings. */
export function validateLwcFile(source: string, file: string, name: string): LwcFinding[] {
  try {
    const result = transformSync(source, path.basename(file), { name, namespace: 'c' });
    const warnings = (result.warnings ?? []) as DiagnosticLike[];
    return warnings
      .filter((w) => (w.level ?? MAX_ERROR_LEVEL) <= MAX_ERROR_LEVEL)
      .map((w) => toFinding(file, w));
  } catch (error) {
    return [toFinding(file, error as DiagnosticLike)];
  }
}

/**
 * Validates an emitted component folder: bundle shape (main .js, .js-meta.xml, name rules, c/ imports
 * that exist) and every .js/.html/.css through the LWC compiler. `displayDir` prefixes reported paths.
 */
export function validateLwcBundle(
  bundleDir: string,
  displayDir: string,
  knownComponents: ReadonlySet<string>
): LwcFinding[] {
  const name = path.basename(bundleDir);
  const findings: LwcFinding[] = [];
  const show = (file: string): string => path.join(displayDir, file).split(path.sep).join('/');
  if (!/^[a-z][A-Za-z0-9_]*$/.test(name) || name.includes('__') || name.endsWith('_')) {
    findings.push({
      file: show(''),
      line: 1,
      message: `component name "${name}" must start with a lowercase letter and contain only letters, digits and single underscores`
    });
  }
  for (const required of [`${name}.js`, `${name}.js-meta.xml`]) {
    if (!fs.existsSync(path.join(bundleDir, required))) {
      findings.push({ file: show(required), line: 1, message: `missing ${required}` });
    }
  }
  const files = fs.readdirSync(bundleDir, { recursive: true, encoding: 'utf8' }).sort();
  for (const rel of files) {
    const full = path.join(bundleDir, rel);
    if (!fs.statSync(full).isFile() || !/\.(js|html|css)$/.test(rel)) continue;
    const source = fs.readFileSync(full, 'utf8');
    findings.push(...validateLwcFile(source, show(rel), name));
    if (rel.endsWith('.html')) {
      source.split('\n').forEach((text, index) => {
        for (const match of text.matchAll(/<c-([a-z0-9_-]+)/g)) {
          const tag = match[1] ?? '';
          const target = tag.replace(/-([a-z0-9])/g, (_all: string, c: string) => c.toUpperCase());
          if (!knownComponents.has(target)) {
            findings.push({
              file: show(rel),
              line: index + 1,
              message: `<c-${tag}> refers to c/${target}, which is not a component in lwc-src`
            });
          }
        }
      });
    }
    if (rel.endsWith('.js')) {
      const lines = source.split('\n');
      lines.forEach((text, index) => {
        for (const match of text.matchAll(/\bfrom\s+['"]c\/([^'"/]+)['"]|\bimport\s+['"]c\/([^'"/]+)['"]/g)) {
          const target = match[1] ?? match[2] ?? '';
          if (!knownComponents.has(target)) {
            findings.push({
              file: show(rel),
              line: index + 1,
              message: `imports c/${target}, which is not a component in lwc-src`
            });
          }
        }
      });
    }
  }
  return findings;
}
