import {
  DotExpressionContext,
  IdPrimaryContext,
  MethodCallExpressionContext,
  ReturnStatementContext,
  type ApexParserRuleContext,
  type ExpressionContext
} from '@apexdevtools/apex-parser';
import { fieldsOf, findAll, type ApexField } from '../../lib/apex-tree';
import { hasReason } from '../../lib/finding';
import { isTestMethod, type CallGraph, type Node } from './call-graph';
import type { IndependenceIssue } from './issue';

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
    const helpers = graph
      .nodes()
      .filter(
        (n) =>
          n.cls.file === node.cls.file && id && n.method.name.toLowerCase() === id.getText().toLowerCase()
      );
    if (returnVariesInTests(helpers, graph, depth)) {
      return true;
    }
  }
  // VclTestRunIsolation.jobName(JOB_NAME): the name a helper of another of our classes returns.
  for (const dot of findAll(expr, DotExpressionContext)) {
    const call = dot.dotMethodCall();
    if (!call) {
      continue;
    }
    const className = dot.expression().getText().toLowerCase();
    const methodName = call.anyId().getText().toLowerCase();
    const helpers = graph
      .nodes()
      .filter((n) => n.cls.name.toLowerCase() === className && n.method.name.toLowerCase() === methodName);
    if (returnVariesInTests(helpers, graph, depth)) {
      return true;
    }
  }
  return false;
}

/** Whether a name one of these helpers returns can take a value a test gives it (see nameVariesInTests). */
function returnVariesInTests(helpers: Node[], graph: CallGraph, depth: number): boolean {
  return helpers.some((helper) =>
    (helper.method.body ? findAll(helper.method.body, ReturnStatementContext) : []).some((ret) => {
      const value = ret.expression();
      return value ? nameVariesInTests(value, helper, graph, depth + 1) : false;
    })
  );
}

function findField(node: Node, name: string): ApexField | undefined {
  let root: ApexParserRuleContext = node.method.ctx;
  while (root.parentCtx) {
    root = root.parentCtx;
  }
  return fieldsOf(root).find((field) => field.name === name);
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
export function scheduleIssues(graph: CallGraph): IndependenceIssue[] {
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
