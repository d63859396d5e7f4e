import { FormalParameterContext, type ApexParserRuleContext } from '@apexdevtools/apex-parser';
import { classModifiers, fieldsOf, findAll, methodsOf, parseApex } from '../lib/apex-tree';
import type { CheckResult, Finding } from '../lib/finding';
import { apexSources } from '../lib/project';
import { CallGraph, type ClassInfo } from './test-independence/call-graph';
import type { IndependenceIssue } from './test-independence/issue';
import { isRunningTestIssues } from './test-independence/is-running-test';
import { runAsIssues } from './test-independence/run-as';
import { scheduleIssues } from './test-independence/schedules';

export type { IndependenceIssue } from './test-independence/issue';

const CHECKER = 'test-independence';

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
    for (const field of fieldsOf(tree)) {
      fieldTypes.set(field.name, field.type);
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
  const sources = apexSources(root);
  const findings: Finding[] = analyzeTestIndependence(sources).map((issue) => ({
    checker: CHECKER,
    file: issue.file,
    line: issue.line,
    message: issue.message
  }));
  return { findings, info: [`${sources.size} Apex files checked`] };
}
