/**
 * Generates TypeScript declarations for the platform modules our LWCs import:
 *
 * - `.generated/types/apex.d.ts`: one `declare module '@salesforce/apex/<Class>.<method>'` per
 *   `@AuraEnabled` static method of every top-level class in force-app, plus the DTO / SObject
 *   interfaces under `declare module '@salesforce/apex-types'` (naming scheme: see TYPES_HEADER).
 * - `.generated/types/schema.d.ts`: `@salesforce/schema/<Object>` and `<Object>.<Field>` (plus one
 *   level of relationship spanning, `<Object>.<Lookup__r>.<Field>`) from object metadata and the
 *   standard field list in sobject-model.ts.
 *
 * Loading: apex-model.ts (loadApexClasses) and sobject-model.ts; rendering: apex-declarations.ts,
 * schema-declarations.ts and lwc-paths.ts.
 *
 * CLI: `ts-node scripts/build/generate-types.ts [--project <dir>] [--out <dir>]`
 * (defaults: the current directory, `<project>/.generated/types`).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { loadApexClasses } from './apex-model';
import { renderApexDeclarations } from './apex-declarations';
import { renderLwcPathsTsconfig } from './lwc-paths';
import { renderSchemaDeclarations } from './schema-declarations';
import { loadSObjects } from './sobject-model';

export interface GenerateResult {
  methods: number;
  interfaces: number;
  objects: number;
  files: string[];
  warnings: string[];
}

/** Generates apex.d.ts, schema.d.ts and lwc-paths.tsconfig.json for the project into outDir. */
export function generateTypes(projectRoot: string, outDir: string): GenerateResult {
  const root = path.resolve(projectRoot);
  const out = path.resolve(outDir);
  const { classes, warnings } = loadApexClasses(root);
  const sobjects = loadSObjects(root);
  const apex = renderApexDeclarations(classes, sobjects);
  const schema = renderSchemaDeclarations(sobjects);
  fs.mkdirSync(out, { recursive: true });
  const files = [
    path.join(out, 'apex.d.ts'),
    path.join(out, 'schema.d.ts'),
    path.join(out, 'lwc-paths.tsconfig.json')
  ];
  writeIfChanged(files[0] ?? '', apex);
  writeIfChanged(files[1] ?? '', schema);
  writeIfChanged(files[2] ?? '', renderLwcPathsTsconfig(root, out));
  return {
    methods: (apex.match(/^declare module '@salesforce\/apex\//gm) ?? []).length,
    interfaces: (apex.match(/^ {2}export (interface|type) /gm) ?? []).length,
    objects: sobjects.size,
    files,
    warnings
  };
}

function writeIfChanged(file: string, content: string): void {
  if (fs.existsSync(file) && fs.readFileSync(file, 'utf8') === content) return;
  fs.writeFileSync(file, content);
}

/** Parses `--project <dir> --out <dir>` (both optional). */
export function parseCliArgs(argv: string[], cwd: string): { project: string; out: string } {
  let project = cwd;
  let out: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const value = argv[i + 1];
    if ((arg === '--project' || arg === '--out') && value === undefined) {
      throw new Error(`${arg} needs a directory`);
    }
    if (arg === '--project' && value !== undefined) {
      project = path.resolve(cwd, value);
      i++;
    } else if (arg === '--out' && value !== undefined) {
      out = path.resolve(cwd, value);
      i++;
    } else {
      throw new Error(
        `unknown argument ${arg ?? ''}; usage: generate-types.ts [--project <dir>] [--out <dir>]`
      );
    }
  }
  return { project, out: out ?? path.join(project, '.generated', 'types') };
}

export function main(argv: string[]): number {
  try {
    const { project, out } = parseCliArgs(argv, process.cwd());
    const result = generateTypes(project, out);
    for (const warning of result.warnings) console.error(`warning: ${warning}`);
    console.log(
      `generated types: ${result.methods} Apex methods, ${result.interfaces} Apex types, ${result.objects} objects → ${path.relative(process.cwd(), out) || '.'}`
    );
    return 0;
  } catch (error) {
    console.error(`generate-types: ${error instanceof Error ? error.message : String(error)}`);
    return 1;
  }
}

if (require.main === module) {
  process.exitCode = main(process.argv.slice(2));
}
