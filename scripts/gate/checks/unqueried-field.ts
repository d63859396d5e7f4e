import * as fs from 'node:fs';
import {
  ArrayExpressionContext,
  AssignExpressionContext,
  DotExpressionContext,
  EnhancedForControlContext,
  IdPrimaryContext,
  LiteralPrimaryContext,
  LocalVariableDeclarationContext,
  MethodCallExpressionContext,
  NewExpressionContext,
  PrimaryExpressionContext,
  SoqlPrimaryContext,
  SubExpressionContext,
  CastExpressionContext,
  type ApexParserRuleContext,
  type ExpressionContext,
  type QueryContext
} from '@apexdevtools/apex-parser';
import type { CheckResult, Finding } from '../lib/finding';
import { relativePath } from '../lib/finding';
import { findAll, methodsOf, parseApex, parseWith, type ApexMethod } from '../lib/apex-tree';
import { apexFiles } from '../lib/project';
import { apexStringValue } from './soql/analyze';

const CHECKER = 'unqueried-field';

/** What one query returns: the object and the lower-cased field paths its SELECT list names. */
interface Selection {
  object: string;
  /** `name`, `matched_lead__r.name`, child relationship names; Id is implicit. */
  paths: Set<string>;
  /** Line of the query in its file. */
  line: number;
  file: string;
}

export interface UnqueriedRead {
  file: string;
  line: number;
  message: string;
}

/**
 * The selection of a SOQL query, or undefined when its rows are not plain records of its object
 * (aggregates, `FIELDS(…)`: nothing to check).
 */
function selectionOf(query: QueryContext, file: string, line: number): Selection | undefined {
  const paths = new Set<string>(['id']);
  for (const entry of query.selectList().selectEntry_list()) {
    const field = entry.fieldName();
    if (field) {
      paths.add(field.getText().toLowerCase());
      continue;
    }
    const fn = entry.soqlFunction();
    if (fn) {
      // toLabel(x), format(x), convertCurrency(x) return the field; aggregates return AggregateResult.
      if (!(fn.TOLABEL() || fn.FORMAT() || fn.getText().toLowerCase().startsWith('convertcurrency'))) {
        return undefined;
      }
      const inner = fn.fieldName();
      if (inner) {
        paths.add(inner.getText().toLowerCase());
      }
      continue;
    }
    const sub = entry.subQuery();
    if (sub) {
      paths.add(sub.fromNameList().fieldName(0).getText().toLowerCase());
      continue;
    }
    const typeOf = entry.typeOf();
    if (typeOf) {
      // Which fields come back depends on the related record's type: accept any path below it.
      paths.add(`${typeOf.fieldName().getText().toLowerCase()}.*`);
    }
  }
  const object = query.fromNameList().fieldName(0).getText();
  return { object, paths, line, file };
}

/** The query a string literal holds (`Database.query('SELECT …')`), when it parses. */
function queryOfLiteral(text: string): QueryContext | undefined {
  return parseWith(text, (parser) => parser.query());
}

function unwrap(expr: ExpressionContext): ExpressionContext {
  if (expr instanceof SubExpressionContext) {
    return unwrap(expr.expression());
  }
  if (expr instanceof CastExpressionContext) {
    return unwrap(expr.expression());
  }
  return expr;
}

/** The name of a bare variable reference (`rows`), lower case. */
function variableName(expr: ExpressionContext): string | undefined {
  const inner = unwrap(expr);
  if (inner instanceof PrimaryExpressionContext) {
    const primary = inner.primary();
    if (primary instanceof IdPrimaryContext) {
      return primary.id().getText().toLowerCase();
    }
  }
  return undefined;
}

/** The method a call expression names and its arguments (`helper(x)`, `Other.helper(x)`). */
function callOf(
  expr: ApexParserRuleContext
): { qualifier?: string; name: string; args: ExpressionContext[] } | undefined {
  if (expr instanceof MethodCallExpressionContext) {
    const call = expr.methodCall();
    const id = call.id();
    if (!id) {
      return undefined;
    }
    return { name: id.getText(), args: call.expressionList()?.expression_list() ?? [] };
  }
  if (expr instanceof DotExpressionContext) {
    const call = expr.dotMethodCall();
    if (!call) {
      return undefined;
    }
    return {
      qualifier: expr.expression().getText(),
      name: call.anyId().getText(),
      args: call.expressionList()?.expression_list() ?? []
    };
  }
  return undefined;
}

/** Index of every method of our classes, by `class.method/arity` (lower case). */
export class MethodIndex {
  readonly byKey = new Map<string, { method: ApexMethod; file: string }[]>();

  add(method: ApexMethod, file: string): void {
    const key = `${method.className}.${method.name}/${method.params.length}`.toLowerCase();
    this.byKey.set(key, [...(this.byKey.get(key) ?? []), { method, file }]);
  }

  /** The only method a call can reach (same class when unqualified); undefined when unknown or overloaded. */
  resolve(
    caller: ApexMethod,
    call: { qualifier?: string; name: string; args: ExpressionContext[] }
  ): { method: ApexMethod; file: string } | undefined {
    const owner =
      call.qualifier === undefined || call.qualifier.toLowerCase() === 'this'
        ? caller.className
        : call.qualifier;
    const found = this.byKey.get(`${owner}.${call.name}/${call.args.length}`.toLowerCase());
    return found?.length === 1 ? found[0] : undefined;
  }
}

interface Binding {
  selection: Selection;
  /** A list/map/set of rows (element access needed) or one row. */
  collection: boolean;
}

const COLLECTION_TYPE = /^(list|map|set)<|\[\]$/i;

/** Follows query rows through one method body and into the methods they are passed to. */
class MethodAnalysis {
  constructor(
    private readonly index: MethodIndex,
    private readonly reads: UnqueriedRead[],
    private readonly visited: Set<string>
  ) {}

  /** Rows an expression evaluates to (a query, a bound variable, an element of one), if any. */
  private rowsOf(expr: ExpressionContext, bindings: Map<string, Binding>, file: string): Binding | undefined {
    const inner = unwrap(expr);
    if (inner instanceof PrimaryExpressionContext) {
      const primary = inner.primary();
      if (primary instanceof SoqlPrimaryContext) {
        const selection = selectionOf(primary.soqlLiteral().query(), file, primary.start.line);
        return selection ? { selection, collection: true } : undefined;
      }
      if (primary instanceof IdPrimaryContext) {
        return bindings.get(primary.id().getText().toLowerCase());
      }
      return undefined;
    }
    if (inner instanceof ArrayExpressionContext) {
      const list = this.rowsOf(inner.expression(0), bindings, file);
      return list?.collection ? { ...list, collection: false } : undefined;
    }
    if (inner instanceof NewExpressionContext) {
      // new Map<Id, Lead>([SELECT …]), new List<Lead>(rows)
      const args = inner.creator().classCreatorRest()?.arguments().expressionList()?.expression_list() ?? [];
      const rows = args.length === 1 && args[0] ? this.rowsOf(args[0], bindings, file) : undefined;
      return rows?.collection ? rows : undefined;
    }
    if (inner instanceof DotExpressionContext) {
      const call = inner.dotMethodCall();
      if (!call) {
        return undefined;
      }
      const name = call.anyId().getText().toLowerCase();
      const target = inner
        .expression()
        .getText()
        .toLowerCase()
        .replace(/^system\./, '');
      if (target === 'database' && name === 'query') {
        const arg = call.expressionList()?.expression(0);
        const literal = arg ? unwrap(arg) : undefined;
        if (literal instanceof PrimaryExpressionContext) {
          const primary = literal.primary();
          const text =
            primary instanceof LiteralPrimaryContext
              ? primary.literal().StringLiteral()?.getText()
              : undefined;
          const query = text ? queryOfLiteral(apexStringValue(text)) : undefined;
          const selection = query ? selectionOf(query, file, literal.start.line) : undefined;
          return selection ? { selection, collection: true } : undefined;
        }
        return undefined;
      }
      const base = this.rowsOf(inner.expression(), bindings, file);
      if (base?.collection) {
        if (name === 'get' || name === 'remove') {
          return { ...base, collection: false };
        }
        if (name === 'values' || name === 'clone' || name === 'deepclone') {
          return base;
        }
      }
    }
    return undefined;
  }

  /**
   * Variables of the method bound to query rows: locals whose every assignment is rows of one query,
   * for-each variables over rows, plus the given parameter bindings (from a caller).
   */
  private bind(method: ApexMethod, file: string, given: Map<string, Binding>): Map<string, Binding> {
    const bindings = new Map(given);
    const body = method.body;
    if (!body) {
      return bindings;
    }
    const assigned = new Map<string, ExpressionContext[]>();
    const declaredCollection = new Map<string, boolean>();
    for (const declaration of findAll(body, LocalVariableDeclarationContext)) {
      const collection = COLLECTION_TYPE.test(declaration.typeRef().getText());
      for (const declarator of declaration.variableDeclarators().variableDeclarator_list()) {
        const name = declarator.id().getText().toLowerCase();
        declaredCollection.set(name, collection);
        const init = declarator.expression();
        assigned.set(name, [...(assigned.get(name) ?? []), ...(init ? [init] : [])]);
      }
    }
    for (const assign of findAll(body, AssignExpressionContext)) {
      const name = variableName(assign.expression(0));
      if (name !== undefined) {
        assigned.set(name, [...(assigned.get(name) ?? []), assign.expression(1)]);
      }
    }
    // A parameter that the method reassigns holds more than the caller's rows.
    for (const name of given.keys()) {
      if ((assigned.get(name) ?? []).length > 0) {
        bindings.delete(name);
      }
    }
    // Two passes: `first = rows[0]` after `rows = [SELECT …]`.
    for (let pass = 0; pass < 2; pass++) {
      for (const [name, values] of assigned) {
        if (values.length === 0 || given.has(name)) {
          continue;
        }
        const rows = values.map((v) => this.rowsOf(v, bindings, file));
        const first = rows[0];
        if (first && rows.every((r) => r !== undefined && r.selection === first.selection)) {
          bindings.set(name, {
            selection: first.selection,
            collection: declaredCollection.get(name) ?? true
          });
        }
      }
      for (const loop of findAll(body, EnhancedForControlContext)) {
        const rows = this.rowsOf(loop.expression(), bindings, file);
        if (rows?.collection) {
          bindings.set(loop.id().getText().toLowerCase(), { ...rows, collection: false });
        }
      }
    }
    return bindings;
  }

  analyze(
    method: ApexMethod,
    file: string,
    given: Map<string, Binding>,
    via?: (fields: string[]) => void
  ): void {
    const bindings = this.bind(method, file, given);
    if (!method.body || bindings.size === 0) {
      return;
    }
    const missing: { line: number; path: string; binding: Binding }[] = [];
    for (const primary of findAll(method.body, IdPrimaryContext)) {
      const name = primary.id().getText().toLowerCase();
      const binding = bindings.get(name);
      if (!binding) {
        continue;
      }
      let node: ApexParserRuleContext = primary.parentCtx as ApexParserRuleContext;
      let rows = binding;
      // Element access first: rows[0].Name, byId.get(id).Name.
      while (rows.collection) {
        const parent = node.parentCtx;
        if (parent instanceof ArrayExpressionContext && parent.expression(0) === node) {
          node = parent;
        } else if (
          parent instanceof DotExpressionContext &&
          parent.expression() === node &&
          ['get', 'remove'].includes(parent.dotMethodCall()?.anyId().getText().toLowerCase() ?? '')
        ) {
          node = parent;
        } else {
          break;
        }
        rows = { ...rows, collection: false };
      }
      if (!rows.collection) {
        const path: string[] = [];
        let parent = node.parentCtx;
        while (
          parent instanceof DotExpressionContext &&
          parent.expression() === node &&
          !parent.dotMethodCall()
        ) {
          path.push(parent.anyId().getText());
          node = parent;
          parent = node.parentCtx;
        }
        const written =
          parent instanceof AssignExpressionContext &&
          parent.expression(0) === node &&
          parent.ASSIGN() !== null;
        if (path.length > 0 && !written && !selected(rows.selection, path)) {
          missing.push({ line: primary.start.line, path: path.join('.'), binding: rows });
        }
      }
      this.follow(method, file, primary, bindings);
    }
    if (via) {
      via(missing.map((m) => m.path));
      return;
    }
    for (const m of missing) {
      this.reads.push({
        file,
        line: m.line,
        message:
          `${m.path} is read from ${m.binding.selection.object} rows whose query ` +
          `(${relativeLine(m.binding.selection, file)}) does not select it`
      });
    }
  }

  /** A bound variable passed as an argument to one of our methods: analyze the callee with it bound. */
  private follow(
    method: ApexMethod,
    file: string,
    primary: IdPrimaryContext,
    bindings: Map<string, Binding>
  ): void {
    // helper(x): MethodCallExpression > MethodCall > ExpressionList > PrimaryExpression(x) > IdPrimary.
    const argument = primary.parentCtx;
    const callExpr = argument?.parentCtx?.parentCtx?.parentCtx;
    const resolved = callExpr ? callOf(callExpr) : undefined;
    if (!resolved || !(argument instanceof PrimaryExpressionContext)) {
      return;
    }
    const position = resolved.args.indexOf(argument);
    const target = position >= 0 ? this.index.resolve(method, resolved) : undefined;
    const param = target?.method.params[position];
    const binding = bindings.get(primary.id().getText().toLowerCase());
    if (!target || !param || !binding) {
      return;
    }
    const key = `${target.file}:${target.method.line}:${param.name}:${binding.selection.file}:${binding.selection.line}`;
    if (this.visited.has(key)) {
      return;
    }
    this.visited.add(key);
    const given = new Map([
      [param.name.toLowerCase(), { ...binding, collection: COLLECTION_TYPE.test(param.type) }]
    ]);
    this.analyze(target.method, target.file, given, (paths) => {
      if (paths.length === 0) {
        return;
      }
      const unique = [...new Set(paths)];
      this.reads.push({
        file,
        line: primary.start.line,
        message:
          `${primary.getText()} (${binding.selection.object} rows from the query at ` +
          `${relativeLine(binding.selection, file)}) is passed to ${target.method.className}.${target.method.name}, ` +
          `which reads ${unique.join(', ')}: not selected`
      });
    });
  }
}

function relativeLine(selection: Selection, file: string): string {
  return selection.file === file ? `line ${selection.line}` : `${selection.file}:${selection.line}`;
}

/** True when a read path is returned by the selection (a prefix of a selected path counts). */
function selected(selection: Selection, path: string[]): boolean {
  const read = path.join('.').toLowerCase();
  for (const p of selection.paths) {
    if (p === read || p.startsWith(`${read}.`)) {
      return true;
    }
    if (p.endsWith('.*') && (read === p.slice(0, -2) || read.startsWith(p.slice(0, -1)))) {
      return true;
    }
  }
  // The Id of a related record comes back with any of its fields (Matched_Lead__r.Id).
  if (path.length > 1 && path[path.length - 1]?.toLowerCase() === 'id') {
    const relation = path.slice(0, -1).join('.').toLowerCase();
    return [...selection.paths].some((p) => p.startsWith(`${relation}.`));
  }
  return false;
}

/**
 * Finds reads of fields a record's SOQL query did not select ("SObject row was retrieved via SOQL
 * without querying the requested field"), over a set of Apex sources (relative path → text), so a
 * record passed to another of our classes' methods is followed there.
 */
export function analyzeUnqueriedFields(sources: Map<string, string>): UnqueriedRead[] {
  const index = new MethodIndex();
  const methods: { method: ApexMethod; file: string }[] = [];
  for (const [file, source] of sources) {
    const tree = parseApex(source, file.endsWith('.trigger') ? 'trigger' : 'class');
    if (!tree) {
      continue;
    }
    for (const method of methodsOf(tree)) {
      index.add(method, file);
      methods.push({ method, file });
    }
  }
  const reads: UnqueriedRead[] = [];
  const analysis = new MethodAnalysis(index, reads, new Set());
  for (const { method, file } of methods) {
    analysis.analyze(method, file, new Map());
  }
  const seen = new Set<string>();
  return reads.filter((r) => {
    const key = `${r.file}:${r.line}:${r.message}`;
    return seen.has(key) ? false : (seen.add(key), true);
  });
}

/**
 * Every Apex class: a record from a SOQL query (inline, or Database.query with a literal) read for a
 * field its query did not select, in the same method or in one of our methods it is passed to.
 */
export function checkUnqueriedFields(root: string): CheckResult {
  const sources = new Map<string, string>();
  for (const file of apexFiles(root)) {
    sources.set(relativePath(root, file), fs.readFileSync(file, 'utf8'));
  }
  const findings: Finding[] = analyzeUnqueriedFields(sources).map((r) => ({
    checker: CHECKER,
    file: r.file,
    line: r.line,
    message: r.message
  }));
  return { findings, info: [`${sources.size} Apex files checked`] };
}
