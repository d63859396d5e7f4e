import { lineOf } from '../../../lib/project';
import type { AnalyticsIssue } from '../analytics';
import { groupBy, summaryProblem, type ReportInfo } from './reports';
import { xmlLeaves, type XmlLeaf } from './xml-leaves';

export function analyzeDashboard(
  file: string,
  text: string,
  reports: Map<string, ReportInfo>,
  issues: AnalyticsIssue[]
): number {
  let references = 0;
  const report = (leaf: XmlLeaf, message: string): void => {
    issues.push({ file, line: lineOf(text, leaf.offset), message });
  };
  const components = groupBy(
    xmlLeaves(text).filter((l) => l.scope.has('dashboardComponent')),
    'dashboardComponent'
  );
  for (const component of components) {
    const reportLeaf = component.find((l) => l.path.endsWith('dashboardComponent/report'));
    if (!reportLeaf) {
      continue;
    }
    references++;
    const target = reports.get(reportLeaf.value.toLowerCase());
    if (!target) {
      report(
        reportLeaf,
        `unknown report ${reportLeaf.value} (no reports/${reportLeaf.value}.report-meta.xml)`
      );
      continue;
    }
    for (const leaf of component.filter((l) => l.path.endsWith('dashboardComponent/groupingColumn'))) {
      references++;
      if (!target.groupings.has(leaf.value.toLowerCase())) {
        report(leaf, `grouping ${leaf.value} is not a grouping of report ${target.fullName}`);
      }
    }
    for (const summary of groupBy(
      component.filter((l) => l.path.includes('/chartSummary/')),
      'chartSummary'
    )) {
      const column = summary.find((l) => l.path.endsWith('/column'));
      if (column) {
        references++;
        const problem = summaryProblem(
          target,
          column.value,
          summary.find((l) => l.path.endsWith('/aggregate'))?.value
        );
        if (problem) {
          report(column, `chart summary ${problem}`);
        }
      }
    }
  }
  return references;
}
