import * as fs from 'node:fs';
import {
  Arth2ExpressionContext,
  AssignExpressionContext,
  DotExpressionContext,
  IdPrimaryContext,
  LiteralPrimaryContext,
  PrimaryExpressionContext,
  SoqlPrimaryContext,
  SoslPrimaryContext,
  VariableDeclaratorContext,
  type ApexParserRuleContext,
  type ExpressionContext
} from '@apexdevtools/apex-parser';
import type { CheckResult, Finding } from '../lib/finding';
import { relativePath } from '../lib/finding';
import { fieldsOf, findAll, methodsOf, parseApex, unwrap, type ApexMethod } from '../lib/apex-tree';
import { apexFiles } from '../lib/project';

const CHECKER = 'dynamic-soql';

/**
 * Methods that run a query string as it is. Their `…WithBinds` variants take values as binds and are
 * the fix; `Search.query` runs SOSL text the same way.
 */
const UNBOUND_QUERY_METHODS: Record<string, Set<string>> = {
  database: new Set(['query', 'countquery', 'getquerylocator', 'getcursor', 'getpaginationcursor']),
  search: new Set(['query'])
};

export interface DynamicSoqlIssue {
  line: number;
  message: string;
}

/** The pieces of a `+` concatenation, left to right (parentheses and casts looked through). */
function concatParts(expr: ExpressionContext): ExpressionContext[] {
  const inner = unwrap(expr);
  if (inner instanceof Arth2ExpressionContext && inner.ADD()) {
    return inner.expression_list().flatMap(concatParts);
  }
  return [inner];
}

function isEscapeCall(expr: ExpressionContext): boolean {
  if (!(expr instanceof DotExpressionContext)) {
    return false;
  }
  const call = expr.dotMethodCall();
  return (
    call !== null &&
    call.anyId().getText().toLowerCase() === 'escapesinglequotes' &&
    expr.expression().getText().toLowerCase() === 'string'
  );
}

/**
 * Class fields declared `final` with an initializer (constants), by lower-case name. A final field
 * without one is set in a constructor, from anything: not a constant.
 */
function finalFields(tree: ApexParserRuleContext): Map<string, ExpressionContext> {
  return new Map(
    fieldsOf(tree).flatMap((field) => (field.final && field.init ? [[field.name, field.init] as const] : []))
  );
}

/**
 * Every expression assigned to the local variable `name` in method (its declaration's initializer,
 * `name = …` and `name += …`); undefined when name is not a local of method (a parameter or field).
 */
function localAssignments(method: ApexMethod, name: string): ExpressionContext[] | undefined {
  if (!method.body) {
    return undefined;
  }
  const lower = name.toLowerCase();
  const declarators = findAll(method.body, VariableDeclaratorContext).filter(
    (d) => d.id().getText().toLowerCase() === lower
  );
  if (declarators.length === 0) {
    return undefined;
  }
  const values = declarators.flatMap((d) => (d.expression() ? [d.expression()] : []));
  for (const assign of findAll(method.body, AssignExpressionContext)) {
    if (assign.expression(0).getText().toLowerCase() === lower) {
      values.push(assign.expression(1));
    }
  }
  return values;
}

/**
 * Finds the parts of a query string that are neither constants nor escaped: literals, `final`
 * fields whose value is itself safe, `String.escapeSingleQuotes(…)` and local variables whose every
 * assignment is safe are fine; parameters, fields, method results and anything else are not.
 */
function unsafeParts(
  expr: ExpressionContext,
  method: ApexMethod,
  constants: Map<string, ExpressionContext>,
  seen: Set<string> = new Set()
): ExpressionContext[] {
  const out: ExpressionContext[] = [];
  for (const part of concatParts(expr)) {
    if (isEscapeCall(part)) {
      continue;
    }
    if (part instanceof PrimaryExpressionContext) {
      const primary = part.primary();
      // Literals, and inline [SELECT …] / [FIND …] (static: their `:binds` are bound).
      if (
        primary instanceof LiteralPrimaryContext ||
        primary instanceof SoqlPrimaryContext ||
        primary instanceof SoslPrimaryContext
      ) {
        continue;
      }
      if (primary instanceof IdPrimaryContext) {
        const name = primary.id().getText().toLowerCase();
        if (seen.has(name)) {
          continue;
        }
        seen.add(name);
        const assigned = localAssignments(method, name);
        if (assigned) {
          out.push(...assigned.flatMap((value) => unsafeParts(value, method, constants, seen)));
          continue;
        }
        const constant = constants.get(name);
        if (constant && !method.params.some((p) => p.name.toLowerCase() === name)) {
          if (unsafeParts(constant, method, constants, seen).length > 0) {
            out.push(part);
          }
          continue;
        }
      }
    }
    out.push(part);
  }
  return out;
}

/** Dynamic SOQL/SOSL in one Apex source whose text concatenates values that are neither bound nor escaped. */
export function analyzeDynamicSoql(source: string, kind: 'class' | 'trigger' = 'class'): DynamicSoqlIssue[] {
  const tree = parseApex(source, kind);
  if (!tree) {
    return [];
  }
  const constants = finalFields(tree);
  const issues: DynamicSoqlIssue[] = [];
  for (const method of methodsOf(tree)) {
    if (!method.body) {
      continue;
    }
    for (const call of findAll(method.body, DotExpressionContext)) {
      const dotCall = call.dotMethodCall();
      const target = call
        .expression()
        .getText()
        .toLowerCase()
        .replace(/^system\./, '');
      const name = dotCall?.anyId().getText().toLowerCase() ?? '';
      if (!dotCall || !UNBOUND_QUERY_METHODS[target]?.has(name)) {
        continue;
      }
      const arg = dotCall.expressionList()?.expression(0);
      if (!arg) {
        continue;
      }
      for (const part of unsafeParts(arg, method, constants)) {
        issues.push({
          line: part.start.line,
          message:
            `${call.expression().getText()}.${dotCall.anyId().getText()} (line ${call.start.line}) runs a query built ` +
            `from \`${part.getText()}\`, which is neither a constant nor escaped: pass it as a bind ` +
            '(Database.queryWithBinds / countQueryWithBinds / getQueryLocatorWithBinds) or wrap it in ' +
            'String.escapeSingleQuotes where it is concatenated'
        });
      }
    }
  }
  return issues;
}

/**
 * Every Apex class and trigger: a Database.query / countQuery / getQueryLocator / Search.query whose
 * string concatenates anything but constants fails, unless the piece goes through
 * String.escapeSingleQuotes at the concatenation. Not PMD's ApexSOQLInjection, which misses cases
 * (e.g. in some `without sharing` Batchable classes).
 */
export function checkDynamicSoql(root: string): CheckResult {
  const findings: Finding[] = [];
  const files = apexFiles(root);
  for (const file of files) {
    const issues = analyzeDynamicSoql(
      fs.readFileSync(file, 'utf8'),
      file.endsWith('.trigger') ? 'trigger' : 'class'
    );
    findings.push(
      ...issues.map((issue) => ({
        checker: CHECKER,
        file: relativePath(root, file),
        line: issue.line,
        message: issue.message
      }))
    );
  }
  return { findings, info: [`${files.length} Apex files checked`] };
}
