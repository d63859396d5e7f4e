import {
  BlockContext,
  DotExpressionContext,
  IfStatementContext,
  LogAndExpressionContext,
  NegExpressionContext,
  PrimaryExpressionContext,
  type StatementContext,
  SubExpressionContext,
  type ApexParserRuleContext,
  type ExpressionContext
} from '@apexdevtools/apex-parser';
import { ancestor, findAll } from '../../lib/apex-tree';
import { hasReason } from '../../lib/finding';
import type { ClassInfo } from './call-graph';
import type { IndependenceIssue } from './issue';

/** Calls that start asynchronous work or a callout: what a Test.isRunningTest() branch may skip. */
// Matched on parse-tree text, which has no spaces (`returnSystem.enqueueJob(…)`): no leading \b.
const ASYNC_OR_CALLOUT =
  /(System\.enqueueJob|Database\.executeBatch|System\.schedule|System\.scheduleBatch|EventBus\.publish|Messaging\.sendEmail)\s*\(|\.send\s*\(/i;

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
export function isRunningTestIssues(
  trees: { cls: ClassInfo; tree: ApexParserRuleContext }[]
): IndependenceIssue[] {
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
