/**
 * Rollup plugins of the workbench build: the platform-module resolver (fixtures, schema, i18n, …) and a
 * TypeScript transpile step for the workbench's own TS modules (and lwc-src when it is built here).
 */
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import * as ts from 'typescript';
import type { Plugin } from 'rollup';
import {
  generateRegistrySource,
  MissingFixtureError,
  expectedFixturePath,
  type FixtureRegistry
} from './fixtures';
import {
  apexModuleSource,
  componentOfFile,
  resolveWorkbenchSpecifier,
  valueModuleSource,
  type WorkbenchPaths
} from './modules';

const VIRTUAL = '\0workbench:';
const FIXTURES_ID = `${VIRTUAL}fixtures`;

export interface ResolverOptions {
  paths: WorkbenchPaths;
  registry: FixtureRegistry;
  /** Apex methods whose preview answer is computed: no fixture needed. */
  handlerKeys: ReadonlySet<string>;
  labels: Readonly<Record<string, string>>;
  /** Filled while bundling: every Apex method a component imports, with the importing component. */
  usedApex: Map<string, string | undefined>;
}

/** Resolves `@salesforce/*` platform imports to workbench modules; everything else passes through. */
export function workbenchResolver(options: ResolverOptions): Plugin {
  const values = new Map<string, unknown>();
  return {
    name: 'workbench-resolver',
    resolveId(source, importer) {
      if (source === 'workbench:fixtures') {
        return FIXTURES_ID;
      }
      if (importer?.startsWith(VIRTUAL) && path.isAbsolute(source)) {
        return source;
      }
      // JSON data (runtime/packagePhoneKey.ts reads the generated phone-key rules) as a virtual ES module, so
      // the LWC compiler, which has no JSON transformer, never sees the file.
      if (source.endsWith('.json') && importer && !importer.startsWith(VIRTUAL)) {
        return `${VIRTUAL}json:${path.resolve(path.dirname(importer.replace(/\?.*$/, '')), source)}`;
      }
      const resolved = resolveWorkbenchSpecifier(source, options.paths, options.labels);
      if (!resolved) {
        return null;
      }
      switch (resolved.kind) {
        case 'file':
          return resolved.file;
        case 'apex': {
          const component = componentOfFile(options.paths, importer);
          if (!options.registry.byKey.has(resolved.key) && !options.handlerKeys.has(resolved.key)) {
            const relativeImporter = importer
              ? path.relative(options.paths.projectRoot, importer.replace(/\?.*$/, ''))
              : undefined;
            this.error(
              new MissingFixtureError(
                resolved.key,
                expectedFixturePath(component, resolved.key),
                relativeImporter
              ).message
            );
          }
          options.usedApex.set(resolved.key, component);
          return `${VIRTUAL}apex:${resolved.key}`;
        }
        case 'value': {
          const id = `${VIRTUAL}value:${source}`;
          values.set(id, resolved.value);
          return id;
        }
        case 'unsupported':
          return this.error(`Workbench cannot provide "${source}": ${resolved.reason}.`);
      }
    },
    load(id) {
      if (id === FIXTURES_ID) {
        return generateRegistrySource(options.registry);
      }
      if (id.startsWith(`${VIRTUAL}apex:`)) {
        return apexModuleSource(id.slice(`${VIRTUAL}apex:`.length), options.paths.runtimeDir);
      }
      if (values.has(id)) {
        return valueModuleSource(values.get(id));
      }
      if (id.startsWith(`${VIRTUAL}json:`)) {
        return `export default ${readFileSync(id.slice(`${VIRTUAL}json:`.length), 'utf8')};`;
      }
      return null;
    }
  };
}

/**
 * Compiler options that keep LWC decorators intact (see scripts/build/build.ts): the same settings
 * `npm run build` uses for lwc-src.
 */
export const LWC_TS_OPTIONS: ts.CompilerOptions = {
  target: ts.ScriptTarget.ESNext,
  module: ts.ModuleKind.ESNext,
  experimentalDecorators: false,
  useDefineForClassFields: true,
  verbatimModuleSyntax: false,
  isolatedModules: true,
  sourceMap: false
};

/** Transpiles `.ts` modules one file at a time (types are checked by `npm run typecheck`, not here). */
export function typescriptTranspile(): Plugin {
  return {
    name: 'workbench-typescript',
    transform(code, id) {
      const file = id.replace(/\?.*$/, '');
      if (id.startsWith('\0') || !file.endsWith('.ts') || file.endsWith('.d.ts')) {
        return null;
      }
      const output = ts.transpileModule(code, {
        compilerOptions: LWC_TS_OPTIONS,
        fileName: file,
        reportDiagnostics: true
      });
      const errors = (output.diagnostics ?? []).filter((d) => d.category === ts.DiagnosticCategory.Error);
      if (errors.length > 0) {
        this.error(`${file}: ${ts.flattenDiagnosticMessageText(errors[0]?.messageText ?? '', '\n')}`);
      }
      return { code: output.outputText, map: null };
    }
  };
}
