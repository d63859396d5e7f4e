import * as fs from 'node:fs';
import {
  AccessLevelContext,
  BlockContext,
  ClassBodyDeclarationContext,
  DotExpressionContext,
  FieldDeclarationContext,
  FormalParameterContext,
  IdPrimaryContext,
  IfStatementContext,
  LocalVariableDeclarationContext,
  LogAndExpressionContext,
  MethodCallExpressionContext,
  NegExpressionContext,
  NewExpressionContext,
  PrimaryExpressionContext,
  ReturnStatementContext,
  RunAsStatementContext,
  SoqlPrimaryContext,
  StatementContext,
  SubExpressionContext,
  type ApexParserRuleContext,
  type ExpressionContext
} from '@apexdevtools/apex-parser';
import type { CheckResult, Finding } from '../lib/finding';
import { relativePath } from '../lib/finding';
import { ancestor, classModifiers, findAll, methodsOf, parseApex, type ApexMethod } from '../lib/apex-tree';
import { apexFiles } from '../lib/project';

const CHECKER = 'test-independence';
const REASON = /\/\/.*\breason:\s*\S/i;

/** Calls that start asynchronous work or a callout: what a Test.isRunningTest() branch may skip. */
// Matched on parse-tree text, which has no spaces (`returnSystem.enqueueJob(…)`): no leading \b.
const ASYNC_OR_CALLOUT =
  /(System\.enqueueJob|Database\.executeBatch|System\.schedule|System\.scheduleBatch|EventBus\.publish|Messaging\.sendEmail)\s*\(|\.send\s*\(/i;

interface ClassInfo {
  name: string;
  file: string;
  isTest: boolean;
  lines: string[];
  /** Declared types of fields by lower-case name. */
  fieldTypes: Map<string, string>;
}

interface Node {
  method: ApexMethod;
  cls: ClassInfo;
}

export interface IndependenceIssue {
  file: string;
  line: number;
  message: string;
}

function insideRunAs(ctx: ApexParserRuleContext, stop: ApexParserRuleContext): boolean {
  let node = ctx.parentCtx;
  while (node && node !== stop) {
    if (node instanceof RunAsStatementContext) {
      return true;
    }
    node = node.parentCtx;
  }
  return false;
}

/** First user-mode marker in a body, outside System.runAs blocks: WITH USER_MODE, AccessLevel.USER_MODE, `as user`. */
function userModeMarker(body: BlockContext): { line: number; text: string } | undefined {
  const candidates: { ctx: ApexParserRuleContext; text: string }[] = [
    ...findAll(body, SoqlPrimaryContext)
      .filter((q) => /WITHUSER_MODE/i.test(q.getText()))
      .map((ctx) => ({ ctx, text: 'WITH USER_MODE' })),
    ...findAll(body, DotExpressionContext)
      .filter((d) => !d.dotMethodCall() && /^(system\.)?accesslevel\.user_mode$/i.test(d.getText()))
      .map((ctx) => ({ ctx, text: 'AccessLevel.USER_MODE' })),
    ...findAll(body, AccessLevelContext)
      .filter((a) => a.USER())
      .map((ctx) => ({ ctx, text: 'DML as user' }))
  ];
  const found = candidates
    .filter((c) => !insideRunAs(c.ctx, body))
    .sort((a, b) => a.ctx.start.start - b.ctx.start.start)[0];
  return found ? { line: found.ctx.start.line, text: found.text } : undefined;
}

/** A test, by the reason comment rule of the suppressions step. */
function hasReason(lines: string[], line: number): boolean {
  return REASON.test(lines[line - 1] ?? '') || REASON.test(lines[line - 2] ?? '');
}

/** The call graph of our classes, approximated: see calleesOf. */
class CallGraph {
  readonly classes = new Map<string, ClassInfo>();
  private readonly methods = new Map<string, Node[]>();
  private readonly reach = new Map<Node, { path: string[]; marker: string } | null>();
  private readonly callees = new Map<Node, { callee: Node; line: number }[]>();

  add(cls: ClassInfo, methods: ApexMethod[]): void {
    this.classes.set(cls.name.toLowerCase(), cls);
    for (const method of methods) {
      const key = `${method.className}.${method.name}`.toLowerCase();
      this.methods.set(key, [...(this.methods.get(key) ?? []), { method, cls: this.classFor(method, cls) }]);
    }
  }

  private classFor(method: ApexMethod, file: ClassInfo): ClassInfo {
    return method.className.toLowerCase() === file.name.toLowerCase()
      ? file
      : { ...file, name: method.className };
  }

  private candidates(className: string, name: string, arity: number): Node[] {
    return (this.methods.get(`${className}.${name}`.toLowerCase()) ?? []).filter(
      (n) => n.method.params.length === arity
    );
  }

  /** The declared type of a variable visible in method (local, parameter or field of its class). */
  private typeOf(node: Node, variable: string): string | undefined {
    const lower = variable.toLowerCase();
    const param = node.method.params.find((p) => p.name.toLowerCase() === lower);
    if (param) {
      return param.type;
    }
    for (const local of node.method.body ? findAll(node.method.body, LocalVariableDeclarationContext) : []) {
      if (
        local
          .variableDeclarators()
          .variableDeclarator_list()
          .some((d) => d.id().getText().toLowerCase() === lower)
      ) {
        return local.typeRef().getText();
      }
    }
    return node.cls.fieldTypes.get(lower);
  }

  /**
   * Methods a body calls outside System.runAs, resolved among our classes: unqualified calls (same
   * class), `Class.method(…)`, `variable.method(…)` where the variable's declared type is one of our
   * classes, and `new Class(…)` (its constructors). Interface and virtual dispatch, calls through
   * Type.forName and trigger execution after DML are not followed.
   */
  calleesOf(node: Node): { callee: Node; line: number }[] {
    const cached = this.callees.get(node);
    if (cached) {
      return cached;
    }
    const computed = this.computeCallees(node);
    this.callees.set(node, computed);
    return computed;
  }

  private computeCallees(node: Node): { callee: Node; line: number }[] {
    const body = node.method.body;
    if (!body) {
      return [];
    }
    const out: { callee: Node; line: number }[] = [];
    const push = (nodes: Node[], ctx: ApexParserRuleContext): void => {
      if (!insideRunAs(ctx, body)) {
        out.push(...nodes.map((callee) => ({ callee, line: ctx.start.line })));
      }
    };
    for (const call of findAll(body, MethodCallExpressionContext)) {
      const id = call.methodCall().id();
      const args = call.methodCall().expressionList()?.expression_list().length ?? 0;
      if (id) {
        push(this.candidates(node.method.className, id.getText(), args), call);
      }
    }
    for (const dot of findAll(body, DotExpressionContext)) {
      const call = dot.dotMethodCall();
      if (!call) {
        continue;
      }
      const args = call.expressionList()?.expression_list().length ?? 0;
      const qualifier = dot.expression().getText();
      const owner = this.classes.has(qualifier.toLowerCase())
        ? qualifier
        : /^\w+$/.test(qualifier)
          ? this.typeOf(node, qualifier)
          : undefined;
      if (owner) {
        push(this.candidates(owner, call.anyId().getText(), args), dot);
      }
    }
    for (const created of findAll(body, NewExpressionContext)) {
      const name = created.creator().createdName().getText();
      if (this.classes.has(name.toLowerCase())) {
        const args =
          created.creator().classCreatorRest()?.arguments().expressionList()?.expression_list().length ?? 0;
        push(this.candidates(name, name, args), created);
      }
    }
    return out;
  }

  /** Whether node reaches user-mode code outside System.runAs, with the path that does. */
  reaches(node: Node, stack: Set<Node> = new Set()): { path: string[]; marker: string } | undefined {
    const cached = this.reach.get(node);
    if (cached !== undefined) {
      return cached ?? undefined;
    }
    if (stack.has(node)) {
      return undefined;
    }
    stack.add(node);
    const label = `${node.method.className}.${node.method.name}`;
    let result: { path: string[]; marker: string } | undefined;
    const marker = node.method.body ? userModeMarker(node.method.body) : undefined;
    if (marker) {
      result = { path: [label], marker: `${marker.text} at ${node.cls.file}:${marker.line}` };
    } else {
      for (const { callee } of this.calleesOf(node)) {
        const below = this.reaches(callee, stack);
        if (below) {
          result = { path: [label, ...below.path], marker: below.marker };
          break;
        }
      }
    }
    stack.delete(node);
    this.reach.set(node, result ?? null);
    return result;
  }

  nodes(): Node[] {
    return [...this.methods.values()].flat();
  }
}

function isTestMethod(method: ApexMethod): boolean {
  return method.modifiers.some((m) => m === '@istest' || m === 'testmethod' || m === '@testsetup');
}

/** Test methods that reach user-mode code without System.runAs. */
function runAsIssues(graph: CallGraph): IndependenceIssue[] {
  const issues: IndependenceIssue[] = [];
  for (const node of graph.nodes()) {
    if (!node.cls.isTest || !isTestMethod(node.method) || !node.method.body) {
      continue;
    }
    const own = userModeMarker(node.method.body);
    const reached = own
      ? { line: own.line, via: [] as string[], marker: `${own.text} at ${node.cls.file}:${own.line}` }
      : graph
          .calleesOf(node)
          .map(({ callee, line }) => ({ line, found: graph.reaches(callee) }))
          .filter((c) => c.found)
          .map((c) => ({ line: c.line, via: c.found?.path ?? [], marker: c.found?.marker ?? '' }))[0];
    if (!reached || hasReason(node.cls.lines, reached.line)) {
      continue;
    }
    const through = reached.via.length > 0 ? ` through ${reached.via.join(' → ')}` : '';
    issues.push({
      file: node.cls.file,
      line: reached.line,
      message:
        `${node.method.className}.${node.method.name} reaches user-mode code${through} (${reached.marker}) ` +
        'outside System.runAs: it passes only when the running admin holds the access; run it as a ' +
        'VoiceTestUsers user with our permission set (or explain with `// reason: …`)'
    });
  }
  return issues;
}

/**
 * Can a test give this job-name expression its own value? Yes when it mentions Test.isRunningTest(),
 * reads a non-final field (a @TestVisible name a test sets), or is a bare parameter (the caller, maybe a
 * test, names the job). A parameter that is only part of the name (`JOB_NAME + minute`) is not enough.
 */
function nameVariesInTests(expr: ExpressionContext, node: Node, graph: CallGraph, depth = 0): boolean {
  const text = expr.getText();
  if (/test\.isrunningtest\(\)/i.test(text) || depth > 3) {
    return true;
  }
  if (node.method.params.some((p) => p.name.toLowerCase() === text.toLowerCase())) {
    return true;
  }
  for (const id of findAll(expr, IdPrimaryContext)) {
    const name = id.id().getText().toLowerCase();
    if (node.method.params.some((p) => p.name.toLowerCase() === name)) {
      continue;
    }
    const field = findField(node, name);
    if (field && !field.final) {
      return true;
    }
    if (field?.init && nameVariesInTests(field.init, node, graph, depth + 1)) {
      return true;
    }
  }
  // jobName(minute): the name a same-class helper returns.
  for (const call of findAll(expr, MethodCallExpressionContext)) {
    const id = call.methodCall().id();
    for (const helper of graph
      .nodes()
      .filter(
        (n) =>
          n.cls.file === node.cls.file && id && n.method.name.toLowerCase() === id.getText().toLowerCase()
      )) {
      for (const ret of helper.method.body ? findAll(helper.method.body, ReturnStatementContext) : []) {
        const value = ret.expression();
        if (value && nameVariesInTests(value, helper, graph, depth + 1)) {
          return true;
        }
      }
    }
  }
  // VoiceTestRunIsolation.jobName(JOB_NAME): the name a helper of another of our classes returns.
  for (const dot of findAll(expr, DotExpressionContext)) {
    const call = dot.dotMethodCall();
    if (!call) {
      continue;
    }
    const className = dot.expression().getText().toLowerCase();
    const methodName = call.anyId().getText().toLowerCase();
    for (const helper of graph
      .nodes()
      .filter((n) => n.cls.name.toLowerCase() === className && n.method.name.toLowerCase() === methodName)) {
      for (const ret of helper.method.body ? findAll(helper.method.body, ReturnStatementContext) : []) {
        const value = ret.expression();
        if (value && nameVariesInTests(value, helper, graph, depth + 1)) {
          return true;
        }
      }
    }
  }
  return false;
}

function findField(node: Node, name: string): { final: boolean; init?: ExpressionContext } | undefined {
  const tree = node.method.ctx;
  let root: ApexParserRuleContext = tree;
  while (root.parentCtx) {
    root = root.parentCtx;
  }
  for (const field of findAll(root, FieldDeclarationContext)) {
    const declarator = field
      .variableDeclarators()
      .variableDeclarator_list()
      .find((d) => d.id().getText().toLowerCase() === name);
    if (declarator) {
      const declaration = ancestor(field, ClassBodyDeclarationContext);
      return {
        final: declaration?.modifier_list().some((m) => m.FINAL()) ?? false,
        init: declarator.expression() ?? undefined
      };
    }
  }
  return undefined;
}

/** System.schedule calls of production code whose job name a test cannot change, by node. */
function fixedNameSchedules(graph: CallGraph): Map<Node, number> {
  const out = new Map<Node, number>();
  for (const node of graph.nodes()) {
    if (node.cls.isTest || !node.method.body) {
      continue;
    }
    for (const dot of findAll(node.method.body, DotExpressionContext)) {
      const call = dot.dotMethodCall();
      if (
        call?.anyId().getText().toLowerCase() === 'schedule' &&
        dot.expression().getText().toLowerCase() === 'system'
      ) {
        const name = call.expressionList()?.expression(0);
        if (name && !nameVariesInTests(name, node, graph)) {
          out.set(node, dot.start.line);
        }
      }
    }
  }
  return out;
}

/** Test methods reaching a production System.schedule whose job name is the one the org's real job has. */
function scheduleIssues(graph: CallGraph): IndependenceIssue[] {
  const fixed = fixedNameSchedules(graph);
  const issues: IndependenceIssue[] = [];
  const reachesFixed = (node: Node, seen: Set<Node>): string[] | undefined => {
    if (fixed.has(node)) {
      return [`${node.method.className}.${node.method.name} (${node.cls.file}:${fixed.get(node) ?? 0})`];
    }
    if (seen.has(node)) {
      return undefined;
    }
    seen.add(node);
    for (const { callee } of graph.calleesOf(node)) {
      const below = reachesFixed(callee, seen);
      if (below) {
        return [`${node.method.className}.${node.method.name}`, ...below];
      }
    }
    return undefined;
  };
  for (const node of graph.nodes()) {
    if (!node.cls.isTest || !isTestMethod(node.method)) {
      continue;
    }
    for (const { callee, line } of graph.calleesOf(node)) {
      const path = reachesFixed(callee, new Set());
      if (path && !hasReason(node.cls.lines, line)) {
        issues.push({
          file: node.cls.file,
          line,
          message:
            `${node.method.className}.${node.method.name} schedules a job under the name production uses ` +
            `(${path.join(' → ')}): it fails in an org where that job is already scheduled; give test runs ` +
            'their own job name'
        });
        break;
      }
    }
  }
  return issues;
}

/** The condition parts joined by && (a Test.isRunningTest() guard may be one of several). */
function conjuncts(expr: ExpressionContext): ExpressionContext[] {
  if (expr instanceof LogAndExpressionContext) {
    return expr.expression_list().flatMap(conjuncts);
  }
  if (expr instanceof SubExpressionContext) {
    return conjuncts(expr.expression());
  }
  return [expr];
}

function statementsOf(statement: StatementContext | undefined): StatementContext[] {
  const block = statement?.block();
  return block ? block.statement_list() : statement ? [statement] : [];
}

/**
 * A Test.isRunningTest() use is a skip of async work or a callout when it is an `if` condition (alone
 * or and-ed) and either `if (!Test.isRunningTest() …) { only async/callout statements }` without else,
 * or `if (Test.isRunningTest() …) { return …; }` followed in its block by async/callout work.
 */
function skipsOnlyAsync(use: ApexParserRuleContext): boolean {
  const ifStatement = ancestor(use, IfStatementContext);
  if (!ifStatement || ifStatement.ELSE()) {
    return false;
  }
  const condition = ifStatement.parExpression().expression();
  const parts = conjuncts(condition);
  const negated = parts.some(
    (p) =>
      p instanceof NegExpressionContext &&
      p.BANG() &&
      /^test\.isrunningtest\(\)$/i.test(p.expression().getText())
  );
  const positive = parts.some((p) => /^test\.isrunningtest\(\)$/i.test(p.getText()));
  const thenStatements = statementsOf(ifStatement.statement(0));
  if (negated) {
    return thenStatements.length > 0 && thenStatements.every((s) => ASYNC_OR_CALLOUT.test(s.getText()));
  }
  if (positive && thenStatements.length === 1 && thenStatements[0]?.returnStatement()) {
    const enclosing = ifStatement.parentCtx;
    const block = enclosing?.parentCtx;
    if (block instanceof BlockContext) {
      const statements = block.statement_list();
      const after = statements.slice(statements.indexOf(enclosing as StatementContext) + 1);
      return after.some((s) => ASYNC_OR_CALLOUT.test(s.getText()));
    }
  }
  return false;
}

/** Test.isRunningTest() in production code that does more than skip async work or a callout. */
function isRunningTestIssues(trees: { cls: ClassInfo; tree: ApexParserRuleContext }[]): IndependenceIssue[] {
  const issues: IndependenceIssue[] = [];
  for (const { cls, tree } of trees) {
    if (cls.isTest) {
      continue;
    }
    for (const dot of findAll(tree, DotExpressionContext)) {
      const call = dot.dotMethodCall();
      if (
        call?.anyId().getText().toLowerCase() !== 'isrunningtest' ||
        dot.expression().getText().toLowerCase() !== 'test'
      ) {
        continue;
      }
      const use: ApexParserRuleContext =
        dot.parentCtx instanceof PrimaryExpressionContext ? dot.parentCtx : dot;
      if (skipsOnlyAsync(use) || hasReason(cls.lines, dot.start.line)) {
        continue;
      }
      issues.push({
        file: cls.file,
        line: dot.start.line,
        message:
          'Test.isRunningTest() changes what production code does under test (only skipping async work or a ' +
          'callout is accepted): tests then prove other code than the org runs; inject the difference instead, ' +
          'or explain with `// reason: …`'
      });
    }
  }
  return issues;
}

/** All three rules over a set of Apex sources (relative path → text). */
export function analyzeTestIndependence(sources: Map<string, string>): IndependenceIssue[] {
  const graph = new CallGraph();
  const trees: { cls: ClassInfo; tree: ApexParserRuleContext }[] = [];
  for (const [file, source] of sources) {
    if (file.endsWith('.trigger')) {
      continue;
    }
    const tree = parseApex(source);
    if (!tree) {
      continue;
    }
    const fieldTypes = new Map<string, string>();
    for (const field of findAll(tree, FieldDeclarationContext)) {
      for (const declarator of field.variableDeclarators().variableDeclarator_list()) {
        fieldTypes.set(declarator.id().getText().toLowerCase(), field.typeRef().getText());
      }
    }
    for (const param of findAll(tree, FormalParameterContext)) {
      fieldTypes.set(param.id().getText().toLowerCase(), param.typeRef().getText());
    }
    const methods = methodsOf(tree);
    const cls: ClassInfo = {
      name: file.replace(/^.*\//, '').replace(/\.cls$/, ''),
      file,
      isTest: classModifiers(tree).includes('@istest'),
      lines: source.split('\n'),
      fieldTypes
    };
    graph.add(cls, methods);
    trees.push({ cls, tree });
  }
  return [...runAsIssues(graph), ...scheduleIssues(graph), ...isRunningTestIssues(trees)];
}

/**
 * Tests that pass only in the org they were written in: test methods reaching user-mode code without
 * System.runAs, tests scheduling a job under the name production uses, Test.isRunningTest() branches
 * in production code that change more than async work or callouts. `// reason: …` on the line or the
 * line before accepts one deliberately.
 */
export function checkTestIndependence(root: string): CheckResult {
  const sources = new Map<string, string>();
  for (const file of apexFiles(root)) {
    sources.set(relativePath(root, file), fs.readFileSync(file, 'utf8'));
  }
  const findings: Finding[] = analyzeTestIndependence(sources).map((issue) => ({
    checker: CHECKER,
    file: issue.file,
    line: issue.line,
    message: issue.message
  }));
  return { findings, info: [`${sources.size} Apex files checked`] };
}
