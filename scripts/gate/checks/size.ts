import * as fs from 'node:fs';
import * as path from 'node:path';
import { ConstructorDeclarationContext } from '@apexdevtools/apex-parser';
import type { CheckResult, Finding } from '../lib/finding';
import { relativePath } from '../lib/finding';
import { methodsOf, parseApex } from '../lib/apex-tree';
import { isTestClass } from '../lib/apex-source';
import { apexFiles, walkFiles } from '../lib/project';

const CHECKER = 'size';

/** The sizes the reference codebases keep (issue 14): a reader holds a class, a method, a module in mind. */
export const LIMITS = {
  apexClass: 400,
  apexTestClass: 500,
  apexMethod: 50,
  typescriptModule: 400,
  typescriptTest: 500
} as const;

/** TypeScript trees held to the module limit, and the folders inside them that are not ours to size. */
const TYPESCRIPT_ROOTS = ['scripts', 'lwc-src'];
const NOT_SIZED = new Set(['fixtures', '.generated', 'node_modules']);

/** Lines of a file as an editor numbers them (a final newline does not open a line). */
export function lineCount(text: string): number {
  if (text === '') {
    return 0;
  }
  const lines = text.split('\n').length;
  return text.endsWith('\n') ? lines - 1 : lines;
}

/** Findings for one Apex class or trigger: the file against its limit, each method and constructor against 50. */
export function apexSizeFindings(file: string, source: string): Finding[] {
  const findings: Finding[] = [];
  if (file.endsWith('.cls')) {
    const isTest = isTestClass(source);
    const limit = isTest ? LIMITS.apexTestClass : LIMITS.apexClass;
    const lines = lineCount(source);
    if (lines > limit) {
      findings.push({
        checker: CHECKER,
        file,
        line: 1,
        message: `${isTest ? 'test class' : 'class'} is ${lines} lines (limit ${limit})`
      });
    }
  }
  // A file that does not parse is the soql step's finding; its methods cannot be measured.
  const tree = parseApex(source, file.endsWith('.trigger') ? 'trigger' : 'class');
  for (const method of tree ? methodsOf(tree) : []) {
    // Signature line to closing brace; annotations and modifiers above the signature do not count.
    const lines = (method.ctx.stop?.line ?? method.line) - method.line + 1;
    if (lines > LIMITS.apexMethod) {
      const kind = method.ctx instanceof ConstructorDeclarationContext ? 'constructor' : 'method';
      findings.push({
        checker: CHECKER,
        file,
        line: method.line,
        message: `${kind} ${method.className}.${method.name} is ${lines} lines (limit ${LIMITS.apexMethod})`
      });
    }
  }
  return findings;
}

/** The finding for one TypeScript module, if it is over its limit (*.test.ts: the test limit). */
export function typescriptSizeFinding(file: string, source: string): Finding | undefined {
  const isTest = file.endsWith('.test.ts');
  const limit = isTest ? LIMITS.typescriptTest : LIMITS.typescriptModule;
  const lines = lineCount(source);
  if (lines <= limit) {
    return undefined;
  }
  return {
    checker: CHECKER,
    file,
    line: 1,
    message: `${isTest ? 'test module' : 'module'} is ${lines} lines (limit ${limit})`
  };
}

/** Every TypeScript source under scripts/ and lwc-src/ that is ours: no fixtures, nothing generated. */
export function sizedTypescriptFiles(root: string): string[] {
  return TYPESCRIPT_ROOTS.flatMap((dir) =>
    walkFiles(path.join(root, dir), (file) => file.endsWith('.ts')).filter(
      (file) =>
        !relativePath(root, file)
          .split('/')
          .some((segment) => NOT_SIZED.has(segment))
    )
  );
}

export function checkSize(root: string): CheckResult {
  const findings: Finding[] = [];
  for (const file of apexFiles(root)) {
    findings.push(...apexSizeFindings(relativePath(root, file), fs.readFileSync(file, 'utf8')));
  }
  for (const file of sizedTypescriptFiles(root)) {
    const finding = typescriptSizeFinding(relativePath(root, file), fs.readFileSync(file, 'utf8'));
    if (finding) {
      findings.push(finding);
    }
  }
  return { findings };
}
