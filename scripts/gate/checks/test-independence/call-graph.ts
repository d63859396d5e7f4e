import {
  AccessLevelContext,
  type BlockContext,
  DotExpressionContext,
  LocalVariableDeclarationContext,
  MethodCallExpressionContext,
  NewExpressionContext,
  RunAsStatementContext,
  SoqlPrimaryContext,
  type ApexParserRuleContext
} from '@apexdevtools/apex-parser';
import { findAll, type ApexMethod } from '../../lib/apex-tree';

export interface ClassInfo {
  name: string;
  file: string;
  isTest: boolean;
  lines: string[];
  /** Declared types of fields by lower-case name. */
  fieldTypes: Map<string, string>;
}

export interface Node {
  method: ApexMethod;
  cls: ClassInfo;
}

export function isTestMethod(method: ApexMethod): boolean {
  return method.modifiers.some((m) => m === '@istest' || m === 'testmethod' || m === '@testsetup');
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
export function userModeMarker(body: BlockContext): { line: number; text: string } | undefined {
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

/** The call graph of our classes, approximated: see calleesOf. */
export class CallGraph {
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
