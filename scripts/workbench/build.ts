/**
 * Workbench build: bundles the workbench shell (scripts/workbench/app), our compiled components
 * (force-app/main/default/lwc, from `npm run build`), the real Lightning base components and SLDS into
 * dist/workbench/ — a static site that previews the package without an org, fed by the Jest fixtures.
 *
 * Nothing here reaches the package deployed to Salesforce: the workbench lives in scripts/workbench/
 * and uses devDependencies only.
 *
 * Measured workarounds (issue 7): `import.meta.env.SSR` → false and `process.env.NODE_ENV` replaced;
 * the combobox ElementInternals gate aliased to a closed gate; module aliases as absolute paths;
 * output to a directory (icon templates load as chunks); one version of lwc/@lwc/* everywhere.
 *
 * CLI: `npx ts-node --transpile-only scripts/workbench/build.ts [--no-compile] [--dev]`.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { rollup, type RollupLog } from 'rollup';
import lwc from '@lwc/rollup-plugin';
import replace from '@rollup/plugin-replace';
import { nodeResolve } from '@rollup/plugin-node-resolve';
import { buildLwc } from '../build/build';
import { findFixtures } from './lib/fixtures';
import {
  listComponents,
  lwcModuleRecords,
  readCustomLabels,
  SHELL_COMPONENTS,
  workbenchPaths,
  type ComponentSource
} from './lib/modules';
import { typescriptTranspile, workbenchResolver } from './lib/plugins';
import { COMPUTED_METHODS } from './runtime/previewHandlers';

export interface WorkbenchBuildOptions {
  projectRoot?: string;
  /** Output directory (default dist/workbench). */
  outDir?: string;
  /**
   * 'compile' (default): run `npm run build`'s buildLwc first and bundle its output.
   * 'compiled': bundle whatever force-app/main/default/lwc holds. 'lwc-src': transpile lwc-src here.
   */
  components?: 'compile' | ComponentSource;
  /** LWC development mode (engine warnings and checks); default production. */
  dev?: boolean;
  log?: (line: string) => void;
}

export interface WorkbenchBuildResult {
  outDir: string;
  seconds: number;
  /** Bytes of JavaScript written (entry + chunks). */
  jsBytes: number;
  chunkCount: number;
  componentSource: ComponentSource;
  components: string[];
  missingComponents: string[];
  /** Apex methods the components import → importing component. */
  apexMethods: string[];
  notes: string[];
}

const SLDS_ASSETS = [
  'styles/salesforce-lightning-design-system.min.css',
  'images',
  'icons/utility-sprite',
  'icons/standard-sprite',
  'icons/action-sprite',
  'icons/doctype-sprite',
  'icons/custom-sprite'
];

function copyRecursive(source: string, target: string): void {
  fs.cpSync(source, target, { recursive: true });
}

function directoryBytes(dir: string, extension: string): { bytes: number; files: number } {
  let bytes = 0;
  let files = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (entry.isFile() && entry.name.endsWith(extension)) {
      bytes += fs.statSync(path.join(entry.parentPath, entry.name)).size;
      files += 1;
    }
  }
  return { bytes, files };
}

/** Builds dist/workbench. Throws with a readable message (missing fixture, compile error, …). */
export async function buildWorkbench(options: WorkbenchBuildOptions = {}): Promise<WorkbenchBuildResult> {
  const started = process.hrtime.bigint();
  const projectRoot = path.resolve(options.projectRoot ?? process.cwd());
  const paths = workbenchPaths(projectRoot);
  const outDir = path.resolve(projectRoot, options.outDir ?? path.join('dist', 'workbench'));
  const log = options.log ?? ((line: string) => console.log(line));
  const notes: string[] = [];

  let componentSource: ComponentSource = options.components === 'lwc-src' ? 'lwc-src' : 'compiled';
  if ((options.components ?? 'compile') === 'compile') {
    const result = buildLwc(projectRoot);
    if (result.findings.length > 0) {
      const lines = result.findings.map((f) => `  ${f.file}:${f.line}: ${f.message}`);
      throw new Error(`npm run build failed, so there is nothing to preview:\n${lines.join('\n')}`);
    }
    log(
      `workbench: compiled ${result.components.length} components with npm run build's buildLwc (${result.seconds.toFixed(1)} s)`
    );
  } else if (componentSource === 'compiled' && !fs.existsSync(paths.compiledLwcDir)) {
    componentSource = 'lwc-src';
    notes.push('force-app/main/default/lwc does not exist (run npm run build): transpiled lwc-src directly');
  }

  const components = listComponents(paths, componentSource);
  const present = new Set(components.map((c) => c.name));
  const missingComponents = SHELL_COMPONENTS.filter((name) => !present.has(name));
  for (const name of missingComponents) {
    notes.push(`c/${name} is not in lwc-src yet: the workbench shows a placeholder for it`);
  }

  const registry = findFixtures(paths.lwcSrcDir, projectRoot);
  notes.push(...registry.notes);
  const usedApex = new Map<string, string | undefined>();
  const mode = options.dev ? 'development' : 'production';

  const warnings: string[] = [];
  const bundle = await rollup({
    input: path.join(paths.workbenchDir, 'app', 'main.ts'),
    onLog(level, logEntry: RollupLog) {
      if (logEntry.code === 'UNRESOLVED_IMPORT') {
        // A module the workbench cannot provide would be undefined at run time: fail now.
        throw new Error(
          `${logEntry.message} (the workbench has no stand-in for it; see scripts/workbench/lib/modules.ts)`
        );
      }
      // Template warnings inside lightning-base-components are upstream's (LWC1137, LWC1149, …).
      const inDependency = (logEntry.id ?? logEntry.loc?.file ?? logEntry.message).includes('node_modules');
      if (level === 'warn' && !inDependency && logEntry.code !== 'CIRCULAR_DEPENDENCY') {
        warnings.push(logEntry.message);
      }
    },
    plugins: [
      workbenchResolver({
        paths,
        registry,
        handlerKeys: COMPUTED_METHODS,
        labels: readCustomLabels(projectRoot),
        usedApex
      }),
      typescriptTranspile(),
      lwc({
        rootDir: paths.appModulesDir,
        modules: lwcModuleRecords(paths, components),
        // lightning/modal (used by lightning/confirm) renders its body with lwc:component lwc:is.
        enableDynamicComponents: true
      }),
      replace({
        preventAssignment: true,
        values: {
          'import.meta.env.SSR': 'false',
          'process.env.NODE_ENV': JSON.stringify(mode),
          'process.env.SKIP_LWC_VERSION_MISMATCH_CHECK': 'false',
          'process.env.FORCE_NATIVE_SHADOW_MODE_FOR_TEST': 'false'
        }
      }),
      nodeResolve()
    ]
  });
  fs.rmSync(outDir, { recursive: true, force: true });
  fs.mkdirSync(outDir, { recursive: true });
  try {
    await bundle.write({
      dir: path.join(outDir, 'app'),
      format: 'es',
      entryFileNames: 'main.js',
      chunkFileNames: 'chunks/[name]-[hash].js'
    });
  } finally {
    await bundle.close();
  }

  const sldsRoot = path.join(projectRoot, 'node_modules', '@salesforce-ux', 'design-system', 'assets');
  for (const asset of SLDS_ASSETS) {
    copyRecursive(path.join(sldsRoot, asset), path.join(outDir, 'assets', asset));
  }
  fs.copyFileSync(path.join(paths.workbenchDir, 'app', 'index.html'), path.join(outDir, 'index.html'));

  const { bytes, files } = directoryBytes(path.join(outDir, 'app'), '.js');
  notes.push(...warnings.map((w) => `rollup: ${w}`));
  return {
    outDir,
    seconds: Number(process.hrtime.bigint() - started) / 1e9,
    jsBytes: bytes,
    chunkCount: files,
    componentSource,
    components: components.map((c) => c.name),
    missingComponents,
    apexMethods: [...usedApex.keys()].sort(),
    notes
  };
}

/** One-paragraph summary for logs. */
export function describeBuild(result: WorkbenchBuildResult, projectRoot: string): string {
  const mb = (result.jsBytes / 1024 / 1024).toFixed(2);
  return [
    `workbench: built ${path.relative(projectRoot, result.outDir) || '.'} in ${result.seconds.toFixed(1)} s ` +
      `(${result.chunkCount} JS files, ${mb} MB; components from ${result.componentSource}: ${result.components.join(', ') || 'none'})`,
    `workbench: Apex methods backed by fixtures or preview handlers: ${result.apexMethods.join(', ') || 'none'}`,
    ...result.notes.map((note) => `workbench: note: ${note}`)
  ].join('\n');
}

async function main(argv: string[]): Promise<number> {
  const projectRoot = process.cwd();
  try {
    const result = await buildWorkbench({
      projectRoot,
      components: argv.includes('--no-compile')
        ? 'compiled'
        : argv.includes('--lwc-src')
          ? 'lwc-src'
          : 'compile',
      dev: argv.includes('--dev')
    });
    console.log(describeBuild(result, projectRoot));
    return 0;
  } catch (error) {
    console.error(`workbench build failed: ${(error as Error).message}`);
    return 1;
  }
}

if (require.main === module) {
  void main(process.argv.slice(2)).then((code) => {
    process.exitCode = code;
  });
}
