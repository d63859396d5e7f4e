import * as path from 'node:path';
import { lineOf } from '../../../lib/project';
import type { AnalyticsIssue } from '../analytics';
import type { ObjectSchema, Schema } from '../schema';
import { xmlLeaves, type XmlLeaf } from './xml-leaves';

export interface ReportTypeInfo {
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

export function analyzeReportType(
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
