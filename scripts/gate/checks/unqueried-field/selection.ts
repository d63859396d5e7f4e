import type { QueryContext } from '@apexdevtools/apex-parser';
import { parseWith } from '../../lib/apex-tree';

/** What one query returns: the object and the lower-cased field paths its SELECT list names. */
export interface Selection {
  object: string;
  /** `name`, `matched_lead__r.name`, child relationship names; Id is implicit. */
  paths: Set<string>;
  /** Line of the query in its file. */
  line: number;
  file: string;
}

/**
 * The selection of a SOQL query, or undefined when its rows are not plain records of its object
 * (aggregates, `FIELDS(…)`: nothing to check).
 */
export function selectionOf(query: QueryContext, file: string, line: number): Selection | undefined {
  const paths = new Set<string>(['id']);
  for (const entry of query.selectList().selectEntry_list()) {
    const field = entry.fieldName();
    if (field) {
      paths.add(field.getText().toLowerCase());
      continue;
    }
    const fn = entry.soqlFunction();
    if (fn) {
      // toLabel(x), format(x), convertCurrency(x) return the field; aggregates return AggregateResult.
      if (!(fn.TOLABEL() || fn.FORMAT() || fn.getText().toLowerCase().startsWith('convertcurrency'))) {
        return undefined;
      }
      const inner = fn.fieldName();
      if (inner) {
        paths.add(inner.getText().toLowerCase());
      }
      continue;
    }
    const sub = entry.subQuery();
    if (sub) {
      paths.add(sub.fromNameList().fieldName(0).getText().toLowerCase());
      continue;
    }
    const typeOf = entry.typeOf();
    if (typeOf) {
      // Which fields come back depends on the related record's type: accept any path below it.
      paths.add(`${typeOf.fieldName().getText().toLowerCase()}.*`);
    }
  }
  const object = query.fromNameList().fieldName(0).getText();
  return { object, paths, line, file };
}

/** The query a string literal holds (`Database.query('SELECT …')`), when it parses. */
export function queryOfLiteral(text: string): QueryContext | undefined {
  return parseWith(text, (parser) => parser.query());
}

export function relativeLine(selection: Selection, file: string): string {
  return selection.file === file ? `line ${selection.line}` : `${selection.file}:${selection.line}`;
}

/** True when a read path is returned by the selection (a prefix of a selected path counts). */
export function selected(selection: Selection, path: string[]): boolean {
  const read = path.join('.').toLowerCase();
  for (const p of selection.paths) {
    if (p === read || p.startsWith(`${read}.`)) {
      return true;
    }
    if (p.endsWith('.*') && (read === p.slice(0, -2) || read.startsWith(p.slice(0, -1)))) {
      return true;
    }
  }
  // The Id of a related record comes back with any of its fields (Matched_Lead__r.Id).
  if (path.length > 1 && path[path.length - 1]?.toLowerCase() === 'id') {
    const relation = path.slice(0, -1).join('.').toLowerCase();
    return [...selection.paths].some((p) => p.startsWith(`${relation}.`));
  }
  return false;
}
