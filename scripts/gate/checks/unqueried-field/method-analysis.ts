import {
  ArrayExpressionContext,
  AssignExpressionContext,
  DotExpressionContext,
  EnhancedForControlContext,
  IdPrimaryContext,
  LiteralPrimaryContext,
  LocalVariableDeclarationContext,
  NewExpressionContext,
  PrimaryExpressionContext,
  SoqlPrimaryContext,
  type ApexParserRuleContext,
  type ExpressionContext
} from '@apexdevtools/apex-parser';
import { findAll, unwrap, type ApexMethod } from '../../lib/apex-tree';
import { apexStringValue } from '../soql/analyze';
import { callWithArgument, variableName, type MethodIndex } from './calls';
import { queryOfLiteral, relativeLine, selected, selectionOf, type Selection } from './selection';

export interface UnqueriedRead {
  file: string;
  line: number;
  message: string;
}

interface Binding {
  selection: Selection;
  /** A list/map/set of rows (element access needed) or one row. */
  collection: boolean;
}

const COLLECTION_TYPE = /^(list|map|set)<|\[\]$/i;

/** Follows query rows through one method body and into the methods they are passed to. */
export class MethodAnalysis {
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
      // The variable, or the element taken from it (rows[0], rows.get(0)), as an argument.
      this.follow(method, file, node as ExpressionContext, rows);
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

  /**
   * Rows passed as an argument to one of our methods or constructors (`helper(x)`, `new Row(rows[0])`):
   * analyze the callee with its parameter bound to them.
   */
  private follow(method: ApexMethod, file: string, argument: ExpressionContext, binding: Binding): void {
    const passed = callWithArgument(argument);
    const target = passed ? this.index.resolve(method, file, passed.call) : undefined;
    const param = passed ? target?.method.params[passed.position] : undefined;
    if (!target || !param) {
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
    const callee = passed?.call.creates ?? `${target.method.className}.${target.method.name}`;
    this.analyze(target.method, target.file, given, (paths) => {
      if (paths.length === 0) {
        return;
      }
      const unique = [...new Set(paths)];
      this.reads.push({
        file,
        line: argument.start.line,
        message:
          `${argument.getText()} (${binding.selection.object} rows from the query at ` +
          `${relativeLine(binding.selection, file)}) is passed to ${callee}, ` +
          `which reads ${unique.join(', ')}: not selected`
      });
    });
  }
}
