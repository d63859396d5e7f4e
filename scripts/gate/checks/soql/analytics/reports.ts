import * as path from 'node:path';
import { lineOf } from '../../../lib/project';
import type { AnalyticsIssue } from '../analytics';
import type { Schema } from '../schema';
import { resolveFieldPath, type ReportTypeInfo } from './report-types';
import { xmlLeaves, type XmlLeaf } from './xml-leaves';

export interface ReportInfo {
  /** `Folder/Name`, as a dashboard names it. */
  fullName: string;
  groupings: Set<string>;
  columns: Map<string, Set<string>>;
  aggregates: Set<string>;
}

/** Names a report may use besides columns: the record count and the grand-summary grouping context. */
const ROW_COUNT = 'rowcount';
const GRAND_SUMMARY = 'grand_summary';
const FORMULA_REFERENCE = /([A-Za-z_]\w*(?:\.[A-Za-z_]\w*)+):(SUM|AVG|MAX|MIN|UNIQUE)\b/gi;

/** Where a report names a column: element path (below Report/) → what the reference is, for messages. */
const COLUMN_PATHS: Record<string, string> = {
  'columns/field': 'column',
  'groupingsDown/field': 'grouping',
  'groupingsAcross/field': 'grouping',
  'filter/criteriaItems/column': 'filter',
  'timeFrameFilter/dateColumn': 'time frame',
  sortColumn: 'sort column',
  'buckets/sourceColumnName': 'bucket source'
};

export class ReportAnalyzer {
  readonly leaves: XmlLeaf[];
  readonly info: ReportInfo;
  references = 0;

  constructor(
    private readonly file: string,
    private readonly text: string,
    private readonly reportTypes: Map<string, ReportTypeInfo>,
    private readonly schema: Schema,
    private readonly issues: AnalyticsIssue[]
  ) {
    this.leaves = xmlLeaves(text);
    const folder = path.basename(path.dirname(file));
    this.info = {
      fullName: `${folder}/${path.basename(file, '.report-meta.xml')}`,
      groupings: new Set(this.values('groupingsDown/field', 'groupingsAcross/field')),
      columns: new Map(),
      aggregates: new Set(this.values('aggregates/developerName', 'buckets/developerName'))
    };
    for (const column of this.leaves.filter((l) => l.path === 'Report/columns/field')) {
      const aggregates = this.leaves
        .filter(
          (l) =>
            l.path === 'Report/columns/aggregateTypes' &&
            l.scope.get('columns') === column.scope.get('columns')
        )
        .map((l) => l.value.toLowerCase());
      this.info.columns.set(column.value.toLowerCase(), new Set(aggregates));
    }
  }

  private values(...paths: string[]): string[] {
    const wanted = new Set(paths.map((p) => `Report/${p}`));
    return this.leaves.filter((l) => wanted.has(l.path)).map((l) => l.value.toLowerCase());
  }

  private report(leaf: XmlLeaf | undefined, message: string): void {
    this.issues.push({ file: this.file, line: leaf ? lineOf(this.text, leaf.offset) : 1, message });
  }

  analyze(): void {
    const typeLeaf = this.leaves.find((l) => l.path === 'Report/reportType');
    const typeName = typeLeaf?.value ?? '';
    const reportType = typeName.endsWith('__c')
      ? this.reportTypes.get(typeName.slice(0, -3).toLowerCase())
      : undefined;
    if (typeName.endsWith('__c') && !reportType) {
      this.report(
        typeLeaf,
        `unknown report type ${typeName} (no reportTypes/${typeName.slice(0, -3)}.reportType-meta.xml)`
      );
    }
    this.checkFormat();
    for (const leaf of this.leaves) {
      const kind = COLUMN_PATHS[leaf.path.slice('Report/'.length)];
      if (kind !== undefined) {
        this.checkColumn(leaf, kind, reportType);
      }
    }
    if (reportType) {
      this.checkFormulas(reportType);
    }
    this.checkChart();
    this.checkGroupingContexts();
  }

  /** A column of a custom report type must be one its layout offers; other report types: `Object.Field`. */
  private checkColumn(leaf: XmlLeaf, kind: string, reportType: ReportTypeInfo | undefined): void {
    const value = leaf.value.toLowerCase();
    if (this.info.aggregates.has(value)) {
      return; // a bucket field
    }
    this.references++;
    if (reportType) {
      if (!reportType.columns.has(value)) {
        this.report(
          leaf,
          `${kind} ${leaf.value} is not a column of report type ${reportType.name}${this.columnHint(leaf.value, reportType)}`
        );
      }
      return;
    }
    const dot = leaf.value.indexOf('.');
    const object = dot > 0 ? this.schema.get(leaf.value.slice(0, dot)) : undefined;
    if (object) {
      const problem = resolveFieldPath(this.schema, object, leaf.value.slice(dot + 1));
      if (problem) {
        this.report(leaf, `${kind} ${leaf.value}: ${problem}`);
      }
    } else {
      this.references--; // a platform column name (CREATED_DATE, …): nothing here to check it against
    }
  }

  /** Why a column is missing from a report type: an unknown field, or a field the layout leaves out. */
  private columnHint(column: string, reportType: ReportTypeInfo): string {
    const dollar = column.indexOf('$');
    if (dollar < 0) {
      return ' (custom report type columns are written table$field)';
    }
    const object = this.schema.get(column.slice(0, dollar));
    const problem = object ? resolveFieldPath(this.schema, object, column.slice(dollar + 1)) : undefined;
    return problem ? ` (${problem})` : ` (add it to a section of ${path.basename(reportType.file)})`;
  }

  private checkFormulas(reportType: ReportTypeInfo): void {
    for (const leaf of this.leaves.filter((l) => l.path === 'Report/aggregates/calculatedFormula')) {
      for (const match of leaf.value.matchAll(FORMULA_REFERENCE)) {
        this.references++;
        const column = match[1] ?? '';
        if (!reportType.formulaColumns.has(column.toLowerCase())) {
          this.report(leaf, `formula field ${column} is not a column of report type ${reportType.name}`);
        }
      }
    }
  }

  /** The rules a deploy enforces on format and groupings, and that grouped fields are not also columns. */
  private checkFormat(): void {
    const formatLeaf = this.leaves.find((l) => l.path === 'Report/format');
    const down = this.leaves.filter((l) => l.path === 'Report/groupingsDown/field');
    const across = this.leaves.filter((l) => l.path === 'Report/groupingsAcross/field');
    const format = formatLeaf?.value;
    if (format === 'Tabular' && down.length + across.length > 0) {
      this.report(formatLeaf, 'a Tabular report cannot have groupings');
    } else if (format === 'Summary' && (down.length === 0 || across.length > 0)) {
      this.report(formatLeaf, 'a Summary report needs row groupings (groupingsDown) and no groupingsAcross');
    } else if (format === 'Matrix' && (down.length === 0 || across.length === 0)) {
      this.report(formatLeaf, 'a Matrix report needs both groupingsDown and groupingsAcross');
    }
    for (const grouping of [...down, ...across]) {
      if (this.info.columns.has(grouping.value.toLowerCase())) {
        this.report(grouping, `${grouping.value} is both a grouping and a column (a deploy rejects that)`);
      }
    }
  }

  private checkChart(): void {
    for (const leaf of this.leaves) {
      if (
        leaf.path === 'Report/chart/groupingColumn' ||
        leaf.path === 'Report/chart/secondaryGroupingColumn'
      ) {
        this.references++;
        if (!this.info.groupings.has(leaf.value.toLowerCase())) {
          this.report(leaf, `chart grouping ${leaf.value} is not a grouping of this report`);
        }
      }
    }
    const summaries = groupBy(
      this.leaves.filter((l) => l.path.startsWith('Report/chart/chartSummaries/')),
      'chartSummaries'
    );
    for (const summary of summaries) {
      const column = summary.find((l) => l.path.endsWith('/column'));
      const aggregate = summary.find((l) => l.path.endsWith('/aggregate'))?.value;
      if (column) {
        this.references++;
        const problem = summaryProblem(this.info, column.value, aggregate);
        if (problem) {
          this.report(column, `chart summary ${problem}`);
        }
      }
    }
  }

  private checkGroupingContexts(): void {
    for (const leaf of this.leaves) {
      if (/^Report\/aggregates\/(down|across)GroupingContext$/.test(leaf.path)) {
        const value = leaf.value.toLowerCase();
        if (value !== GRAND_SUMMARY && !this.info.groupings.has(value)) {
          this.report(
            leaf,
            `grouping context ${leaf.value} is not a grouping of this report (nor GRAND_SUMMARY)`
          );
        }
      }
    }
  }
}

/** What is wrong with a chart summary (report chart or dashboard component), or undefined. */
export function summaryProblem(
  report: ReportInfo,
  column: string,
  aggregate: string | undefined
): string | undefined {
  const value = column.toLowerCase();
  if (value === ROW_COUNT || report.aggregates.has(value)) {
    return undefined;
  }
  const aggregates = report.columns.get(value);
  if (!aggregates) {
    return `${column} is neither RowCount, a summary formula nor a column of ${report.fullName}`;
  }
  if (aggregate !== undefined && !aggregates.has(aggregate.toLowerCase())) {
    return `${aggregate} of ${column}: the column of ${report.fullName} does not summarize it (aggregateTypes)`;
  }
  return undefined;
}

/** Leaves split by the nearest enclosing element named element (one group per element). */
export function groupBy(leaves: XmlLeaf[], element: string): XmlLeaf[][] {
  const groups = new Map<number | undefined, XmlLeaf[]>();
  for (const leaf of leaves) {
    const id = leaf.scope.get(element);
    groups.set(id, [...(groups.get(id) ?? []), leaf]);
  }
  return [...groups.values()];
}
