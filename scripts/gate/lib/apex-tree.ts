import {
  ApexErrorListener,
  ApexParserFactory,
  ClassBodyDeclarationContext,
  type ApexParser,
  CastExpressionContext,
  ClassDeclarationContext,
  ConstructorDeclarationContext,
  FieldDeclarationContext,
  SubExpressionContext,
  MethodDeclarationContext,
  type BlockContext,
  type ExpressionContext,
  type ApexParserRuleContext as ParserRuleContext
} from '@apexdevtools/apex-parser';

/**
 * Parse-tree helpers shared by the Apex checks that look inside method bodies (unqueried-field,
 * dynamic-soql, test-independence). Syntax errors are the soql step's findings: a file that does not
 * parse is skipped here.
 */

class CountingListener extends ApexErrorListener {
  errors = 0;
  apexSyntaxError(): void {
    this.errors++;
  }
}

/** What `rule` parses from source (e.g. `(p) => p.query()`), or undefined when it has syntax errors. */
export function parseWith<T>(source: string, rule: (parser: ApexParser) => T): T | undefined {
  const listener = new CountingListener();
  const { parser } = ApexParserFactory.createLexerAndParser(source, listener);
  const tree = rule(parser);
  return listener.errors === 0 ? tree : undefined;
}

/** Trees by kind and source: dynamic-soql, unqueried-field and test-independence parse the same files. */
const parsedTrees = new Map<string, ParserRuleContext | undefined>();

/** The parse tree of a class or trigger, or undefined when it has syntax errors. Shared: read it only. */
export function parseApex(
  source: string,
  kind: 'class' | 'trigger' = 'class'
): ParserRuleContext | undefined {
  const key = `${kind}\n${source}`;
  if (!parsedTrees.has(key)) {
    parsedTrees.set(
      key,
      parseWith(source, (parser) => (kind === 'trigger' ? parser.triggerUnit() : parser.compilationUnit()))
    );
  }
  return parsedTrees.get(key);
}

type Ctor<T> = abstract new (...args: never[]) => T;

/** Every descendant of ctx (ctx included) that is an instance of type, in source order. */
export function findAll<T>(ctx: ParserRuleContext, type: Ctor<T>): T[] {
  const out: T[] = [];
  const visit = (node: ParserRuleContext): void => {
    if (node instanceof type) {
      out.push(node);
    }
    for (const child of node.children ?? []) {
      if ('children' in child || 'start' in child) {
        visit(child as ParserRuleContext);
      }
    }
  };
  visit(ctx);
  return out;
}

/** The nearest ancestor of ctx (ctx excluded) that is an instance of type. */
export function ancestor<T>(ctx: ParserRuleContext, type: Ctor<T>): T | undefined {
  let node = ctx.parentCtx;
  while (node) {
    if (node instanceof type) {
      return node;
    }
    node = node.parentCtx;
  }
  return undefined;
}

/** The expression inside any parentheses and casts (`((List<Lead>) rows)` → `rows`). */
export function unwrap(expr: ExpressionContext): ExpressionContext {
  if (expr instanceof SubExpressionContext) {
    return unwrap(expr.expression());
  }
  if (expr instanceof CastExpressionContext) {
    return unwrap(expr.expression());
  }
  return expr;
}

export interface ApexMethod {
  /** As written; constructors carry their class name. */
  name: string;
  className: string;
  /** Lower-cased modifiers and annotations (`private`, `static`, `@istest`, `testmethod`). */
  modifiers: string[];
  params: { name: string; type: string }[];
  body: BlockContext | undefined;
  ctx: MethodDeclarationContext | ConstructorDeclarationContext;
  line: number;
}

function modifiersOf(declaration: ClassBodyDeclarationContext): string[] {
  return declaration.modifier_list().map((m) => {
    const annotation = m.annotation();
    return annotation ? `@${annotation.id().getText().toLowerCase()}` : m.getText().toLowerCase();
  });
}

/** Methods and constructors of every class (inner classes included) in a parse tree. */
export function methodsOf(tree: ParserRuleContext): ApexMethod[] {
  const out: ApexMethod[] = [];
  for (const declaration of findAll(tree, ClassBodyDeclarationContext)) {
    const member = declaration.memberDeclaration();
    const method = member?.methodDeclaration() ?? undefined;
    const constructor = member?.constructorDeclaration() ?? undefined;
    const ctx = method ?? constructor;
    if (!ctx) {
      continue;
    }
    const className = ancestor(declaration, ClassDeclarationContext)?.id().getText() ?? '';
    const params = (ctx.formalParameters().formalParameterList()?.formalParameter_list() ?? []).map((p) => ({
      name: p.id().getText(),
      type: p.typeRef().getText()
    }));
    out.push({
      name: method ? method.id().getText() : className,
      className,
      modifiers: modifiersOf(declaration),
      params,
      body: ctx.block() ?? undefined,
      ctx,
      line: ctx.start.line
    });
  }
  return out;
}

/** The class-level annotations and modifiers of the top-level class (lower case), e.g. `@istest`. */
export function classModifiers(tree: ParserRuleContext): string[] {
  const declaration = findAll(tree, ClassDeclarationContext)[0];
  const typeDeclaration = declaration?.parentCtx;
  const modifiers: string[] = [];
  for (const child of typeDeclaration?.children ?? []) {
    const text = (child as ParserRuleContext).getText?.() ?? '';
    if (child !== declaration && text) {
      modifiers.push(text.toLowerCase().replace(/\(.*$/, ''));
    }
  }
  return modifiers;
}

export interface ApexField {
  /** Lower case. */
  name: string;
  type: string;
  final: boolean;
  init: ExpressionContext | undefined;
}

/** Every field of every class (inner classes included) in a parse tree, one per declarator, in source order. */
export function fieldsOf(tree: ParserRuleContext): ApexField[] {
  return findAll(tree, FieldDeclarationContext).flatMap((field) => {
    const final =
      ancestor(field, ClassBodyDeclarationContext)
        ?.modifier_list()
        .some((m) => m.FINAL()) ?? false;
    return field
      .variableDeclarators()
      .variableDeclarator_list()
      .map((declarator) => ({
        name: declarator.id().getText().toLowerCase(),
        type: field.typeRef().getText(),
        final,
        init: declarator.expression() ?? undefined
      }));
  });
}
