/**
 * `npm run build`: generates the Apex/schema types, then compiles every TypeScript LWC in
 * lwc-src/<name>/ into force-app/main/default/lwc/<name>/ and checks the output with @lwc/compiler.
 *
 * - `.ts` → `.js` with tsc's transpiler (target ESNext, experimentalDecorators false,
 *   useDefineForClassFields true: the only settings that keep LWC decorators as decorators).
 * - `.html`, `.css`, `.svg`, `.js-meta.xml` (and plain `.js` helpers) are copied; `.ts` sources and
 *   `__tests__`/`__mocks__` never reach force-app.
 * - The output folder is deleted first, so it is always a fresh build of lwc-src. It is committed (a
 *   plain `sf project deploy start` from a clean checkout needs it); the gate's lwc-output step rebuilds
 *   into a temp folder and fails when the committed files differ, so a stale or hand-edited bundle
 *   cannot pass. Same input, byte-identical output: no timestamps, no absolute paths, LF line ends.
 * Fails (exit 1) with `path:line: message` on any transpile or LWC compiler error.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as ts from 'typescript';
import { generateTypes } from './generate-types';
import { listComponents } from './lwc-paths';
import { type LwcFinding, validateLwcBundle } from './validate-lwc';

export const LWC_SOURCE_DIR = 'lwc-src';
export const LWC_OUTPUT_DIR = path.join('force-app', 'main', 'default', 'lwc');

/** tsc options for LWC sources. Changing any of the first three breaks decorators (LWC1104). */
export const LWC_TRANSPILE_OPTIONS: ts.CompilerOptions = {
  target: ts.ScriptTarget.ESNext,
  experimentalDecorators: false,
  useDefineForClassFields: true,
  module: ts.ModuleKind.ESNext,
  moduleResolution: ts.ModuleResolutionKind.Bundler,
  isolatedModules: true,
  sourceMap: false,
  removeComments: false,
  newLine: ts.NewLineKind.LineFeed
};

const COPIED_EXTENSIONS = ['.html', '.css', '.svg', '.js-meta.xml', '.js'];
const SKIPPED_DIRS = new Set(['__tests__', '__mocks__', '__snapshots__', '__fixtures__']);
const IGNORED_FILES = new Set(['tsconfig.json', 'jsconfig.json', '.eslintrc.json', '.DS_Store']);

export interface BuildResult {
  components: string[];
  findings: LwcFinding[];
  seconds: number;
  typeWarnings: string[];
}

const posix = (p: string): string => p.split(path.sep).join('/');

/** Transpiles one LWC TypeScript file; syntax errors become findings. */
export function transpileLwc(source: string, displayPath: string): { code: string; findings: LwcFinding[] } {
  const out = ts.transpileModule(source, {
    compilerOptions: LWC_TRANSPILE_OPTIONS,
    fileName: path.basename(displayPath),
    reportDiagnostics: true
  });
  const findings = (out.diagnostics ?? []).map((d) => {
    const line = d.file && d.start !== undefined ? d.file.getLineAndCharacterOfPosition(d.start).line + 1 : 1;
    return { file: displayPath, line, message: ts.flattenDiagnosticMessageText(d.messageText, '\n') };
  });
  return { code: out.outputText, findings };
}

function copyComponent(srcDir: string, outDir: string, displaySrc: string, findings: LwcFinding[]): void {
  fs.mkdirSync(outDir, { recursive: true });
  for (const entry of fs.readdirSync(srcDir, { withFileTypes: true })) {
    const src = path.join(srcDir, entry.name);
    const display = posix(path.join(displaySrc, entry.name));
    if (entry.isDirectory()) {
      if (!SKIPPED_DIRS.has(entry.name)) copyComponent(src, path.join(outDir, entry.name), display, findings);
      continue;
    }
    if (IGNORED_FILES.has(entry.name) || entry.name.endsWith('.d.ts')) continue;
    if (entry.name.endsWith('.ts')) {
      const { code, findings: transpileFindings } = transpileLwc(fs.readFileSync(src, 'utf8'), display);
      findings.push(...transpileFindings);
      fs.writeFileSync(path.join(outDir, entry.name.replace(/\.ts$/, '.js')), code);
    } else if (COPIED_EXTENSIONS.some((ext) => entry.name.endsWith(ext))) {
      if (entry.name.endsWith('.js') && !entry.name.endsWith('.js-meta.xml')) {
        if (fs.existsSync(src.replace(/\.js$/, '.ts'))) {
          findings.push({
            file: display,
            line: 1,
            message: 'both .js and .ts exist: keep only the .ts source'
          });
          continue;
        }
      }
      fs.copyFileSync(src, path.join(outDir, entry.name));
    } else {
      findings.push({ file: display, line: 1, message: 'unsupported file in an LWC bundle (not copied)' });
    }
  }
}

/** Builds every component of lwc-src into force-app/main/default/lwc (after generating types). */
export function buildLwc(projectRoot: string): BuildResult {
  const root = path.resolve(projectRoot);
  const typeResult = generateTypes(root, path.join(root, '.generated', 'types'));
  return { ...compileLwc(root, path.join(root, LWC_OUTPUT_DIR)), typeWarnings: typeResult.warnings };
}

/**
 * Compiles every component of lwc-src into outRoot (emptied first). The output depends only on
 * lwc-src (types are not read by the transpiler), so the gate can compile into a temp folder and
 * compare it with the committed force-app/main/default/lwc.
 */
export function compileLwc(projectRoot: string, outRoot: string): Omit<BuildResult, 'typeWarnings'> {
  const started = process.hrtime.bigint();
  const root = path.resolve(projectRoot);
  const srcRoot = path.join(root, LWC_SOURCE_DIR);
  fs.rmSync(outRoot, { recursive: true, force: true });
  fs.mkdirSync(outRoot, { recursive: true });

  const findings: LwcFinding[] = [];
  const components = listComponents(root);
  if (fs.existsSync(srcRoot)) {
    for (const entry of fs.readdirSync(srcRoot, { withFileTypes: true })) {
      if (!entry.isDirectory() || entry.name.startsWith('.') || SKIPPED_DIRS.has(entry.name)) continue;
      if (!components.includes(entry.name)) {
        findings.push({
          file: posix(path.join(LWC_SOURCE_DIR, entry.name)),
          line: 1,
          message: `component folder without ${entry.name}.ts`
        });
      }
    }
  }
  const known = new Set(components);
  for (const name of components) {
    const outDir = path.join(outRoot, name);
    copyComponent(path.join(srcRoot, name), outDir, posix(path.join(LWC_SOURCE_DIR, name)), findings);
    findings.push(...validateLwcBundle(outDir, path.join(LWC_OUTPUT_DIR, name), known));
  }
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  return { components, findings, seconds };
}

export function main(): number {
  const result = buildLwc(process.cwd());
  for (const warning of result.typeWarnings) console.error(`warning: ${warning}`);
  for (const f of result.findings) console.error(`${f.file}:${f.line}: ${f.message}`);
  if (result.findings.length > 0) {
    console.error(
      `build failed: ${result.findings.length} problem(s) in ${result.components.length} components`
    );
    return 1;
  }
  console.log(`built ${result.components.length} components in ${result.seconds.toFixed(1)} s`);
  return 0;
}

if (require.main === module) {
  process.exitCode = main();
}
