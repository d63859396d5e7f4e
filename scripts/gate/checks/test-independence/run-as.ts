import { hasReason } from '../../lib/finding';
import { CallGraph, isTestMethod, userModeMarker } from './call-graph';
import type { IndependenceIssue } from './issue';

/** Test methods that reach user-mode code without System.runAs. */
export function runAsIssues(graph: CallGraph): IndependenceIssue[] {
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
        'VclTestUsers user with our permission set (or explain with `// reason: …`)'
    });
  }
  return issues;
}
