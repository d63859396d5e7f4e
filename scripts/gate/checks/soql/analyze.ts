import {
  type ApexToken,
  ApexErrorListener,
  Arth2ExpressionContext,
  ClassBodyDeclarationContext,
  ApexParserBaseListener,
  ApexParserFactory,
  ApexParseTreeWalker,
  DotExpressionContext,
  ExpressionContext,
  FieldDeclarationContext,
  FieldExpressionContext,
  FieldNameContext,
  FieldOrderListContext,
  FieldListContext,
  FieldSpecListContext,
  IdPrimaryContext,
  LiteralPrimaryContext,
  LogicalExpressionContext,
  PrimaryExpressionContext,
  QueryContext,
  SelectEntryContext,
  SoqlFunctionContext,
  SoqlLiteralContext,
  SoslClausesContext,
  SoslLiteralAltContext,
  SoslLiteralContext,
  SubExpressionContext,
  SubFieldEntryContext,
  SubQueryContext,
  TypeOfContext,
  WhereClauseContext,
  WhereLogicalExpressionContext
} from '@apexdevtools/apex-parser';
import type { ObjectSchema, Schema } from './schema';

/** A problem in one Apex source: position is 1-based line, 1-based column. */
export interface SoqlIssue {
  line: number;
  col: number;
  message: string;
}

interface Positioned {
  start: { line: number; column: number };
}

/** ANTLR's generated accessors return null for an absent optional child although typed non-null. */
function present<T>(value: T | null): T | undefined {
  return value ?? undefined;
}

/** Database methods whose first argument is a SOQL string. */
const DYNAMIC_QUERY_METHODS = new Set([
  'query',
  'querywithbinds',
  'countquery',
  'countquerywithbinds',
  'getquerylocator',
  'getquerylocatorwithbinds'
]);

/** Keeps the gist of ANTLR's messages: the `expecting {…150 tokens…}` list is noise. */
function shortSyntaxMessage(msg: string): string {
  return msg.replace(/ expecting \{[^}]{80,}\}/, '').replace(/\s+/g, ' ');
}

class CollectingErrorListener extends ApexErrorListener {
  readonly errors: SoqlIssue[] = [];
  constructor(private readonly lineOffset = 0) {
    super();
  }
  apexSyntaxError(line: number, column: number, msg: string): void {
    this.errors.push({ line: line + this.lineOffset, col: column + 1, message: shortSyntaxMessage(msg) });
  }
}

/** Decodes an Apex string literal token (`'…'`, with backslash escapes) to its value. */
export function apexStringValue(token: string): string {
  return token.slice(1, -1).replace(/\\(u[0-9a-fA-F]{4}|.)/g, (_m, esc: string) => {
    if (esc.length === 5) {
      return String.fromCharCode(parseInt(esc.slice(1), 16));
    }
    switch (esc) {
      case 'n':
        return '\n';
      case 't':
        return '\t';
      case 'r':
        return '\r';
      case 'b':
        return '\b';
      case 'f':
        return '\f';
      default:
        return esc;
    }
  });
}

/**
 * Resolves the object and field names of SOQL/SOSL against a Schema. One instance per query source;
 * issues carry the line of the name in the Apex file (or of the string literal for dynamic queries).
 */
class Resolver {
  readonly issues: SoqlIssue[] = [];

  constructor(
    private readonly schema: Schema,
    /** For a query parsed from a string literal: every issue points at the literal. */
    private readonly pinned?: { line: number; col: number }
  ) {}

  private report(at: Positioned, message: string): void {
    const where = this.pinned ?? { line: at.start.line, col: at.start.column + 1 };
    this.issues.push({ line: where.line, col: where.col, message });
  }

  private object(name: string, at: Positioned): ObjectSchema | undefined {
    const object = this.schema.get(name);
    if (!object) {
      this.report(
        at,
        `unknown object ${name} (not in force-app metadata nor in scripts/gate/standard-schema.json)`
      );
    }
    return object;
  }

  /** Resolves a dotted path (`Name`, `Account.Owner.Name`, `Matched_Lead__r.Phone`) from object. */
  resolvePath(object: ObjectSchema, parts: string[], at: Positioned, aliases: Set<string> = new Set()): void {
    let current = object;
    let names = parts;
    const first = parts[0]?.toLowerCase() ?? '';
    if (
      names.length > 1 &&
      !current.relationships.has(first) &&
      (aliases.has(first) || first === current.name.toLowerCase())
    ) {
      names = names.slice(1);
    }
    const field = names.pop();
    if (field === undefined) {
      return;
    }
    for (const rel of names) {
      const target = current.relationships.get(rel.toLowerCase());
      if (target === undefined) {
        const hint = current.fields.has(rel.toLowerCase()) ? ` (${rel} is a field, not a relationship)` : '';
        this.report(at, `unknown relationship ${rel} on ${current.name}${hint}`);
        return;
      }
      const next = this.schema.get(target);
      if (!next) {
        this.report(
          at,
          `relationship ${rel} on ${current.name} leads to ${target}, which scripts/gate/standard-schema.json does not list`
        );
        return;
      }
      current = next;
    }
    if (!current.fields.has(field.toLowerCase())) {
      this.report(at, `unknown field ${field} on ${current.name}`);
    }
  }

  private fieldName(object: ObjectSchema, ctx: FieldNameContext, aliases?: Set<string>): void {
    const parts = ctx.soqlId_list().map((id) => id.getText());
    this.resolvePath(object, parts, ctx, aliases);
  }

  private soqlFunction(object: ObjectSchema, ctx: SoqlFunctionContext, aliases?: Set<string>): void {
    const field = present(ctx.fieldName());
    if (field) {
      this.fieldName(object, field, aliases);
    }
    const dateField = present(ctx.dateFieldName());
    if (dateField) {
      this.fieldName(object, dateField.fieldName(), aliases);
    }
    const inner = present(ctx.soqlFunction());
    if (inner) {
      this.soqlFunction(object, inner, aliases);
    }
    for (const location of ctx.locationValue_list()) {
      const locationField = present(location.fieldName());
      if (locationField) {
        this.fieldName(object, locationField, aliases);
      }
    }
  }

  private fieldExpression(object: ObjectSchema, expr: FieldExpressionContext, aliases?: Set<string>): void {
    const field = present(expr.fieldName());
    if (field) {
      this.fieldName(object, field, aliases);
    }
    const fn = present(expr.soqlFunction());
    if (fn) {
      this.soqlFunction(object, fn, aliases);
    }
    // A semi-join (`Id IN (SELECT WhoId FROM Task)`) is a query of its own object.
    const value = present(expr.value());
    const semiJoin = value ? present(value.subQuery()) : undefined;
    if (semiJoin) {
      this.subQuery(semiJoin, undefined);
    }
  }

  /** HAVING, WITH and SOSL WHERE conditions. */
  private logical(
    object: ObjectSchema,
    ctx: LogicalExpressionContext | undefined,
    aliases?: Set<string>
  ): void {
    for (const cond of ctx?.conditionalExpression_list() ?? []) {
      const nested = present(cond.logicalExpression());
      if (nested) {
        this.logical(object, nested, aliases);
      }
      const expr = present(cond.fieldExpression());
      if (expr) {
        this.fieldExpression(object, expr, aliases);
      }
    }
  }

  /** SOQL WHERE conditions (the grammar gives WHERE its own rules, adding FORMULA('…') comparisons). */
  private where(object: ObjectSchema, ctx: WhereClauseContext | undefined, aliases?: Set<string>): void {
    const visit = (logical: WhereLogicalExpressionContext): void => {
      for (const cond of logical.whereConditionalExpression_list()) {
        const nested = present(cond.whereLogicalExpression());
        if (nested) {
          visit(nested);
        }
        const expr = present(present(cond.whereFieldExpression())?.fieldExpression());
        if (expr) {
          this.fieldExpression(object, expr, aliases);
        }
      }
    };
    const logical = ctx ? present(ctx.whereLogicalExpression()) : undefined;
    if (logical) {
      visit(logical);
    }
  }

  private orderBy(
    object: ObjectSchema,
    list: FieldOrderListContext | undefined,
    aliases?: Set<string>
  ): void {
    for (const order of list?.fieldOrder_list() ?? []) {
      const field = present(order.fieldName());
      if (field) {
        this.fieldName(object, field, aliases);
      }
      const fn = present(order.soqlFunction());
      if (fn) {
        this.soqlFunction(object, fn, aliases);
      }
    }
  }

  private typeOf(object: ObjectSchema, ctx: TypeOfContext): void {
    const relParts = ctx
      .fieldName()
      .soqlId_list()
      .map((id) => id.getText());
    const rel = relParts.join('.');
    const target = object.relationships.get(rel.toLowerCase());
    if (relParts.length !== 1 || target === undefined) {
      this.report(ctx.fieldName(), `unknown relationship ${rel} on ${object.name} in TYPEOF`);
      return;
    }
    for (const when of ctx.whenClause_list()) {
      const whenObject = this.object(when.fieldName().getText(), when.fieldName());
      if (whenObject) {
        when
          .fieldNameList()
          .fieldName_list()
          .forEach((f) => this.fieldName(whenObject, f));
      }
    }
    const elseClause = present(ctx.elseClause());
    const elseObject = this.schema.get(target);
    if (elseClause && elseObject) {
      elseClause
        .fieldNameList()
        .fieldName_list()
        .forEach((f) => this.fieldName(elseObject, f));
    }
  }

  private selectEntry(
    object: ObjectSchema,
    entry: SelectEntryContext | SubFieldEntryContext,
    aliases: Set<string>
  ): void {
    const field = present(entry.fieldName());
    if (field) {
      this.fieldName(object, field, aliases);
      return;
    }
    const fn = present(entry.soqlFunction());
    if (fn) {
      this.soqlFunction(object, fn, aliases);
      return;
    }
    const sub = present(entry.subQuery());
    if (sub) {
      this.subQuery(sub, object);
      return;
    }
    const typeOf = present(entry.typeOf());
    if (typeOf) {
      this.typeOf(object, typeOf);
    }
  }

  /** The FROM object and its alias; undefined (reported) when unknown. */
  private from(
    ctx: QueryContext | SubQueryContext,
    parent: ObjectSchema | undefined
  ): ObjectSchema | undefined {
    const fromList = ctx.fromNameList();
    const fromName = fromList.fieldName(0);
    const name = fromName.getText();
    if (!parent) {
      return this.object(name, fromName);
    }
    const child = parent.children.get(name.toLowerCase());
    if (child === undefined) {
      this.report(fromName, `unknown child relationship ${name} on ${parent.name}`);
      return undefined;
    }
    return this.object(child, fromName);
  }

  private aliases(ctx: QueryContext | SubQueryContext): Set<string> {
    return new Set(
      ctx
        .fromNameList()
        .soqlId_list()
        .map((id) => id.getText().toLowerCase())
    );
  }

  /** A parenthesised query: a child-relationship sub-query when parent is given, else a semi-join. */
  subQuery(ctx: SubQueryContext, parent: ObjectSchema | undefined): void {
    const object = this.from(ctx, parent);
    if (!object) {
      return;
    }
    const aliases = this.aliases(ctx);
    ctx
      .subFieldList()
      .subFieldEntry_list()
      .forEach((entry) => this.selectEntry(object, entry, aliases));
    this.where(object, present(ctx.whereClause()), aliases);
    this.orderBy(object, present(ctx.orderByClause())?.fieldOrderList(), aliases);
  }

  query(ctx: QueryContext): void {
    const object = this.from(ctx, undefined);
    if (!object) {
      return;
    }
    const aliases = this.aliases(ctx);
    ctx
      .selectList()
      .selectEntry_list()
      .forEach((entry) => this.selectEntry(object, entry, aliases));
    this.where(object, present(ctx.whereClause()), aliases);
    const withClause = present(ctx.withClause());
    if (withClause) {
      this.logical(object, present(withClause.logicalExpression()), aliases);
    }
    const groupBy = present(ctx.groupByClause());
    if (groupBy) {
      for (const group of present(groupBy.fieldGroupByList())?.fieldGroupBy_list() ?? []) {
        const field = present(group.fieldName());
        if (field) {
          this.fieldName(object, field, aliases);
        }
        const fn = present(group.soqlFunction());
        if (fn) {
          this.soqlFunction(object, fn, aliases);
        }
      }
      this.logical(object, present(groupBy.logicalExpression()), aliases);
    }
    this.orderBy(object, present(ctx.orderByClause())?.fieldOrderList(), aliases);
  }

  sosl(ctx: SoslClausesContext): void {
    const visitSpecs = (list: FieldSpecListContext | undefined): void => {
      if (!list) {
        return;
      }
      const spec = list.fieldSpec();
      const objectId = spec.soslId(0);
      const object = this.object(objectId.getText(), objectId);
      if (object) {
        const visitFields = (fields: FieldListContext | undefined): void => {
          if (!fields) {
            return;
          }
          // TOLABEL(x) alias / FORMAT(x) alias: the first id is the field, the second its alias.
          const ids = fields.soslId_list();
          const fieldIds =
            present(fields.TOLABEL()) || present(fields.CONVERT_CURRENCY()) || present(fields.FORMAT())
              ? ids.slice(0, 1)
              : ids;
          for (const id of fieldIds) {
            this.resolvePath(object, id.getText().split('.'), id);
          }
          const fn = present(fields.soqlFunction());
          if (fn) {
            this.soqlFunction(object, fn);
          }
          fields.fieldList_list().forEach((f) => visitFields(f));
        };
        visitFields(present(spec.fieldList()));
        this.logical(object, present(spec.logicalExpression()));
        this.orderBy(object, present(spec.fieldOrderList()));
      }
      list.fieldSpecList_list().forEach((l) => visitSpecs(l));
    };
    visitSpecs(present(ctx.fieldSpecList()));
  }
}

class QueryCollector extends ApexParserBaseListener {
  readonly issues: SoqlIssue[] = [];
  queries = 0;

  constructor(private readonly schema: Schema) {
    super();
  }

  /** Resolves one query (or SOSL search) and keeps its issues. */
  private check(resolve: (resolver: Resolver) => void, pinned?: { line: number; col: number }): void {
    this.queries++;
    const resolver = new Resolver(this.schema, pinned);
    resolve(resolver);
    this.issues.push(...resolver.issues);
  }

  enterSoqlLiteral = (ctx: SoqlLiteralContext): void => this.check((r) => r.query(ctx.query()));

  enterSoslLiteral = (ctx: SoslLiteralContext): void => this.check((r) => r.sosl(ctx.soslClauses()));

  enterSoslLiteralAlt = (ctx: SoslLiteralAltContext): void => this.check((r) => r.sosl(ctx.soslClauses()));

  /** `final String` fields (class constants) by lower-case name → their initializer. */
  private readonly constants = new Map<string, ExpressionContext>();
  /** Database.query… first arguments, resolved once every constant of the file is known. */
  private readonly dynamicQueries: ExpressionContext[] = [];

  enterFieldDeclaration = (ctx: FieldDeclarationContext): void => {
    const declaration = ctx.parentCtx?.parentCtx;
    const isFinal =
      declaration instanceof ClassBodyDeclarationContext &&
      declaration.modifier_list().some((m) => present(m.FINAL()) !== undefined);
    if (!isFinal || ctx.typeRef().getText().toLowerCase() !== 'string') {
      return;
    }
    for (const declarator of ctx.variableDeclarators().variableDeclarator_list()) {
      const init = present(declarator.expression());
      if (init) {
        this.constants.set(declarator.id().getText().toLowerCase(), init);
      }
    }
  };

  /** `Database.query('SELECT …')` and friends: checked when the query text is known, see finish(). */
  enterDotExpression = (ctx: DotExpressionContext): void => {
    const call = present(ctx.dotMethodCall());
    if (!call || !DYNAMIC_QUERY_METHODS.has(call.anyId().getText().toLowerCase())) {
      return;
    }
    const target = ctx.expression().getText().toLowerCase();
    if (target !== 'database' && target !== 'system.database') {
      return;
    }
    const arg = present(call.expressionList())?.expression(0);
    if (arg) {
      this.dynamicQueries.push(arg);
    }
  };

  /** The pieces of a `+` concatenation, left to right. */
  private concatParts(expr: ExpressionContext): ExpressionContext[] {
    if (expr instanceof Arth2ExpressionContext && present(expr.ADD())) {
      return expr.expression_list().flatMap((e) => this.concatParts(e));
    }
    if (expr instanceof SubExpressionContext) {
      return this.concatParts(expr.expression());
    }
    return [expr];
  }

  /** The compile-time value of a string literal or a `final String` constant of this file. */
  private constantValue(
    expr: ExpressionContext,
    seen: Set<string> = new Set()
  ): { text: string; at: ApexToken } | undefined {
    if (!(expr instanceof PrimaryExpressionContext)) {
      return undefined;
    }
    const primary = expr.primary();
    if (primary instanceof LiteralPrimaryContext) {
      const literal = present(primary.literal().StringLiteral());
      return literal ? { text: apexStringValue(literal.getText()), at: literal.symbol } : undefined;
    }
    if (primary instanceof IdPrimaryContext) {
      const name = primary.id().getText().toLowerCase();
      const init = this.constants.get(name);
      if (!init || seen.has(name)) {
        return undefined;
      }
      seen.add(name);
      const parts = this.concatParts(init).map((part) => this.constantValue(part, seen));
      const first = parts[0];
      if (!first || parts.some((part) => part === undefined)) {
        return undefined;
      }
      return { text: parts.map((part) => part?.text ?? '').join(''), at: first.at };
    }
    return undefined;
  }

  /**
   * Checks each dynamic query whose text is known: the whole argument when it is made of literals and
   * `final String` constants, else its constant prefix when that alone is a complete query
   * (`FIELDS_CONSTANT + whereClause`, `'SELECT COUNT() FROM X ' + filter`).
   */
  finish(): void {
    for (const arg of this.dynamicQueries) {
      const parts = this.concatParts(arg);
      const known: { text: string; at: ApexToken }[] = [];
      for (const part of parts) {
        const value = this.constantValue(part);
        if (!value) {
          break;
        }
        known.push(value);
      }
      const first = known[0];
      if (!first) {
        continue;
      }
      const whole = known.length === parts.length;
      const pinned = { line: first.at.line, col: first.at.column + 1 };
      const listener = new CollectingErrorListener();
      const { parser } = ApexParserFactory.createLexerAndParser(known.map((k) => k.text).join(''), listener);
      const query = parser.query();
      if (listener.errors.length > 0) {
        if (whole) {
          this.issues.push({
            ...pinned,
            message: `query string does not parse as SOQL: ${listener.errors.map((e) => e.message).join('; ')}`
          });
        }
        continue;
      }
      this.check((r) => r.query(query), pinned);
    }
  }
}

export interface ApexAnalysis {
  syntaxErrors: SoqlIssue[];
  issues: SoqlIssue[];
  queries: number;
}

/** Parses one Apex class or trigger; returns its syntax errors and the SOQL/SOSL names it cannot resolve. */
export function analyzeApex(source: string, kind: 'class' | 'trigger', schema: Schema): ApexAnalysis {
  const listener = new CollectingErrorListener();
  const { parser } = ApexParserFactory.createLexerAndParser(source, listener);
  const tree = kind === 'trigger' ? parser.triggerUnit() : parser.compilationUnit();
  const collector = new QueryCollector(schema);
  if (listener.errors.length === 0) {
    ApexParseTreeWalker.DEFAULT.walk(collector, tree);
    collector.finish();
  }
  return { syntaxErrors: listener.errors, issues: collector.issues, queries: collector.queries };
}

/** Parses anonymous Apex (what `executeAnonymous` runs); returns its syntax errors and unresolved names. */
export function analyzeAnonymousApex(source: string, schema: Schema): ApexAnalysis {
  const listener = new CollectingErrorListener();
  const { parser } = ApexParserFactory.createLexerAndParser(source, listener);
  const tree = parser.anonymousUnit();
  const collector = new QueryCollector(schema);
  if (listener.errors.length === 0) {
    ApexParseTreeWalker.DEFAULT.walk(collector, tree);
    collector.finish();
  }
  return { syntaxErrors: listener.errors, issues: collector.issues, queries: collector.queries };
}

/**
 * One SOQL query (`SELECT …`) or SOSL search (`FIND {…} …`) as the API takes it, checked as the Apex
 * inline query `[text]`, so `:name` binds are accepted. Positions are within text (line 1, col 1 = its start).
 */
export function analyzeQueryText(text: string, schema: Schema): ApexAnalysis {
  // The API's `FIND {term}` is Apex's `FIND 'term'` (same length, so positions hold).
  const apexText = text.replace(/^(\s*find\s*)\{([^}]*)\}/i, (_m, find: string, term: string) => {
    return `${find}'${term.replace(/['\\]/g, ' ')}'`;
  });
  const listener = new CollectingErrorListener();
  const { parser } = ApexParserFactory.createLexerAndParser(`[${apexText}]`, listener);
  const tree = parser.primary();
  const trailing = parser.getTokenStream().LT(1);
  if (listener.errors.length === 0 && trailing && trailing.type !== -1) {
    listener.apexSyntaxError(
      trailing.line,
      trailing.column,
      `unexpected '${trailing.text ?? ''}' after the query`
    );
  }
  const collector = new QueryCollector(schema);
  if (listener.errors.length === 0) {
    ApexParseTreeWalker.DEFAULT.walk(collector, tree);
  }
  // Undo the `[` added in front of line 1.
  const unshift = (issue: SoqlIssue): SoqlIssue =>
    issue.line === 1 ? { ...issue, col: Math.max(1, issue.col - 1) } : issue;
  return {
    syntaxErrors: listener.errors.map(unshift),
    issues: collector.issues.map(unshift),
    queries: collector.queries
  };
}
