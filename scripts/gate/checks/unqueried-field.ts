import { methodsOf, parseApex, type ApexMethod } from '../lib/apex-tree';
import type { CheckResult, Finding } from '../lib/finding';
import { apexSources } from '../lib/project';
import { MethodIndex } from './unqueried-field/calls';
import { MethodAnalysis, type UnqueriedRead } from './unqueried-field/method-analysis';

export type { UnqueriedRead } from './unqueried-field/method-analysis';

const CHECKER = 'unqueried-field';

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
  const sources = apexSources(root);
  const findings: Finding[] = analyzeUnqueriedFields(sources).map((r) => ({
    checker: CHECKER,
    file: r.file,
    line: r.line,
    message: r.message
  }));
  return { findings, info: [`${sources.size} Apex files checked`] };
}
