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
  IdPrimaryContext,
  LiteralPrimaryContext,
  PrimaryExpressionContext,
  SoqlLiteralContext,
  SoslLiteralAltContext,
  SoslLiteralContext,
  SubExpressionContext
} from '@apexdevtools/apex-parser';
import { present, Resolver, type SoqlIssue } from './resolver';
import type { Schema } from './schema';

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
 * Finds the queries of one Apex source (inline SOQL/SOSL, and `Database.query` calls whose text is known at
 * compile time) and resolves each with its own Resolver.
 */
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
