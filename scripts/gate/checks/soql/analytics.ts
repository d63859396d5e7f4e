import * as fs from 'node:fs';
import * as path from 'node:path';
import { lineOf, packageDirs, walkFiles } from '../../lib/project';
import type { ObjectSchema, Schema } from './schema';

/** A problem in a report type, report or dashboard, at a 1-based line of file (absolute path). */
export interface AnalyticsIssue {
  file: string;
  line: number;
  message: string;
}

export interface AnalyticsAnalysis {
  issues: AnalyticsIssue[];
  reportTypes: number;
  reports: number;
  dashboards: number;
  /** References checked (columns, filters, groupings, chart and dashboard columns, formula fields). */
  references: number;
}

// ---------------------------------------------------------------------------------------------------
// XML leaves with positions. fast-xml-parser drops offsets, and a finding must point at its line, so
// the few shapes these files use (elements and text, no attributes that matter) are read by hand.
// ---------------------------------------------------------------------------------------------------

/** One text node: its element path from the root (`Report/columns/field`), text, offset and scopes. */
export interface XmlLeaf {
  path: string;
  value: string;
  offset: number;
  /** Element name → id of the nearest open element of that name (tells sibling components apart). */
  scope: Map<string, number>;
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

function decode(text: string): string {
  return text.replace(/&(amp|lt|gt|quot|apos);/g, (_, name: string) => ENTITIES[name] ?? '');
}

/** The non-blank text nodes of a metadata XML document, in document order. */
export function xmlLeaves(text: string): XmlLeaf[] {
  const leaves: XmlLeaf[] = [];
  const stack: { name: string; id: number }[] = [];
  let nextId = 0;
  const token = /<!--[\s\S]*?-->|<\?[\s\S]*?\?>|<(\/?)([\w:.-]+)[^>]*?(\/?)>|([^<]+)/g;
  for (let match = token.exec(text); match; match = token.exec(text)) {
    const [, closing, name, selfClosing, body] = match;
    if (name !== undefined) {
      if (closing) {
        stack.pop();
      } else if (!selfClosing) {
        stack.push({ name: name.replace(/^\w+:/, ''), id: nextId++ });
      }
    } else if (body !== undefined && body.trim() !== '' && stack.length > 0) {
      const scope = new Map<string, number>();
      stack.forEach((element) => scope.set(element.name, element.id));
      leaves.push({
        path: stack.map((element) => element.name).join('/'),
        value: decode(body.trim()),
        offset: match.index + (body.length - body.trimStart().length),
        scope
      });
    }
  }
  return leaves;
}

// ---------------------------------------------------------------------------------------------------
// Report types
// ---------------------------------------------------------------------------------------------------

interface ReportTypeInfo {
  name: string;
  file: string;
  /** `table$field` in lower case → as written: the columns its reports may name. */
  columns: Map<string, string>;
  /** `table.field` in lower case: how custom summary formulas name the same columns. */
  formulaColumns: Set<string>;
}

/**
 * Follows a report-type field path (`Status__c`, `Matched_Lead__c.Company`, `Matched_Contact__c.Account.Name`)
 * from object: every segment but the last is a lookup (a custom one by its field name, `X__c` → `X__r`).
 * Returns what is wrong, or undefined when every segment exists.
 */
export function resolveFieldPath(
  schema: Schema,
  object: ObjectSchema,
  fieldPath: string
): string | undefined {
  const segments = fieldPath.split('.');
  const field = segments.pop() ?? '';
  let current = object;
  for (const segment of segments) {
    const relationship = segment.toLowerCase().endsWith('__c') ? `${segment.slice(0, -3)}__r` : segment;
    const target = current.relationships.get(relationship.toLowerCase());
    if (target === undefined) {
      return `unknown lookup ${segment} on ${current.name}`;
    }
    const next = schema.get(target);
    if (!next) {
      return `lookup ${segment} on ${current.name} leads to ${target}, which scripts/gate/standard-schema.json does not list`;
    }
    current = next;
  }
  return current.fields.has(field.toLowerCase()) ? undefined : `unknown field ${field} on ${current.name}`;
}

/** The objects of a report type's join chain by table name (`Account`, `Account.Contacts`, …). */
function joinTables(
  schema: Schema,
  base: ObjectSchema,
  leaves: XmlLeaf[],
  report: (leaf: XmlLeaf, message: string) => void
): Map<string, ObjectSchema> {
  const tables = new Map<string, ObjectSchema>([[base.name.toLowerCase(), base]]);
  let table = base.name;
  let current: ObjectSchema | undefined = base;
  // Nested joins are ReportType/join/relationship, ReportType/join/join/relationship, … in order.
  for (const leaf of leaves.filter((l) => /^ReportType(\/join)+\/relationship$/.test(l.path))) {
    const child: string | undefined = current?.children.get(leaf.value.toLowerCase());
    const childObject: ObjectSchema | undefined = child === undefined ? undefined : schema.get(child);
    if (!current || !childObject) {
      if (current) {
        report(leaf, `unknown child relationship ${leaf.value} on ${current.name}`);
      }
      current = undefined;
      continue;
    }
    table = `${table}.${leaf.value}`;
    tables.set(table.toLowerCase(), childObject);
    current = childObject;
  }
  return tables;
}

function analyzeReportType(
  schema: Schema,
  file: string,
  text: string,
  issues: AnalyticsIssue[]
): { info?: ReportTypeInfo; references: number } {
  const leaves = xmlLeaves(text);
  const report = (leaf: XmlLeaf, message: string): void => {
    issues.push({ file, line: lineOf(text, leaf.offset), message });
  };
  const name = path.basename(file, '.reportType-meta.xml');
  const baseLeaf = leaves.find((l) => l.path === 'ReportType/baseObject');
  const base = baseLeaf ? schema.get(baseLeaf.value) : undefined;
  if (!baseLeaf || !base) {
    if (baseLeaf) {
      report(baseLeaf, `unknown base object ${baseLeaf.value} of report type ${name}`);
    } else {
      issues.push({ file, line: 1, message: `report type ${name} has no baseObject` });
    }
    return { references: 0 };
  }
  const tables = joinTables(schema, base, leaves, report);
  const info: ReportTypeInfo = { name, file, columns: new Map(), formulaColumns: new Set() };
  const byColumn = new Map<number | undefined, { field?: XmlLeaf; table?: XmlLeaf }>();
  for (const leaf of leaves) {
    const id = leaf.scope.get('columns');
    if (leaf.path === 'ReportType/sections/columns/field') {
      byColumn.set(id, { ...byColumn.get(id), field: leaf });
    } else if (leaf.path === 'ReportType/sections/columns/table') {
      byColumn.set(id, { ...byColumn.get(id), table: leaf });
    }
  }
  let references = 0;
  for (const { field, table } of byColumn.values()) {
    if (!field || !table) {
      continue;
    }
    references++;
    const object = tables.get(table.value.toLowerCase());
    if (!object) {
      report(table, `table ${table.value} is not the base object or a join of report type ${name}`);
      continue;
    }
    const problem = resolveFieldPath(schema, object, field.value);
    if (problem) {
      report(field, `${problem} (report type ${name}, table ${table.value})`);
      continue;
    }
    const column = `${table.value}$${field.value}`;
    info.columns.set(column.toLowerCase(), column);
    info.formulaColumns.add(`${table.value}.${field.value}`.toLowerCase());
  }
  return { info, references };
}

// ---------------------------------------------------------------------------------------------------
// Reports
// ---------------------------------------------------------------------------------------------------

interface ReportInfo {
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

class ReportAnalyzer {
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
function summaryProblem(
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
function groupBy(leaves: XmlLeaf[], element: string): XmlLeaf[][] {
  const groups = new Map<number | undefined, XmlLeaf[]>();
  for (const leaf of leaves) {
    const id = leaf.scope.get(element);
    groups.set(id, [...(groups.get(id) ?? []), leaf]);
  }
  return [...groups.values()];
}

// ---------------------------------------------------------------------------------------------------
// Dashboards
// ---------------------------------------------------------------------------------------------------

function analyzeDashboard(
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

// ---------------------------------------------------------------------------------------------------

/** A report or dashboard must sit in a folder the project defines (a package cannot use the org's). */
function checkFolder(file: string, suffix: string, folderSuffix: string, issues: AnalyticsIssue[]): void {
  const folderDir = path.dirname(file);
  const folderFile = `${folderDir}${folderSuffix}`;
  if (path.basename(folderDir) !== 'unfiled$public' && !fs.existsSync(folderFile)) {
    issues.push({
      file,
      line: 1,
      message: `folder ${path.basename(folderDir)} of ${path.basename(file, suffix)} has no ${path.basename(folderFile)} beside it`
    });
  }
}

/**
 * Checks every custom report type, report and dashboard under the package directories against the schema:
 * report-type columns name fields that exist (through lookups and joins); report columns, groupings,
 * filters, time frames, chart and summary-formula fields name columns their report type offers; dashboard
 * components name reports of the project and those reports' groupings and summaries.
 */
export function analyzeAnalytics(root: string, schema: Schema): AnalyticsAnalysis {
  const issues: AnalyticsIssue[] = [];
  const files = packageDirs(root).flatMap((dir) =>
    walkFiles(dir, (f) => /\.(reportType|report|dashboard)-meta\.xml$/.test(f))
  );
  const ofKind = (suffix: string): string[] => files.filter((f) => f.endsWith(suffix));
  let references = 0;

  const reportTypes = new Map<string, ReportTypeInfo>();
  for (const file of ofKind('.reportType-meta.xml')) {
    const result = analyzeReportType(schema, file, fs.readFileSync(file, 'utf8'), issues);
    references += result.references;
    if (result.info) {
      reportTypes.set(result.info.name.toLowerCase(), result.info);
    }
  }

  const reports = new Map<string, ReportInfo>();
  for (const file of ofKind('.report-meta.xml')) {
    checkFolder(file, '.report-meta.xml', '.reportFolder-meta.xml', issues);
    const analyzer = new ReportAnalyzer(file, fs.readFileSync(file, 'utf8'), reportTypes, schema, issues);
    analyzer.analyze();
    references += analyzer.references;
    reports.set(analyzer.info.fullName.toLowerCase(), analyzer.info);
  }

  const dashboards = ofKind('.dashboard-meta.xml');
  for (const file of dashboards) {
    checkFolder(file, '.dashboard-meta.xml', '.dashboardFolder-meta.xml', issues);
    references += analyzeDashboard(file, fs.readFileSync(file, 'utf8'), reports, issues);
  }
  issues.sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line);
  return {
    issues,
    reportTypes: reportTypes.size,
    reports: reports.size,
    dashboards: dashboards.length,
    references
  };
}
