import type {
  FieldExpressionContext,
  FieldListContext,
  FieldNameContext,
  FieldOrderListContext,
  FieldSpecListContext,
  LogicalExpressionContext,
  QueryContext,
  SelectEntryContext,
  SoqlFunctionContext,
  SoslClausesContext,
  SubFieldEntryContext,
  SubQueryContext,
  TypeOfContext,
  WhereClauseContext,
  WhereLogicalExpressionContext
} from '@apexdevtools/apex-parser';
import type { ObjectSchema, Schema } from './schema';

/** A problem in one Apex source: position is 1-based line, 1-based column. */
export interface SoqlIssue {
  line: number;
  col: number;
  message: string;
}

interface Positioned {
  start: { line: number; column: number };
}

/** ANTLR's generated accessors return null for an absent optional child although typed non-null. */
export function present<T>(value: T | null): T | undefined {
  return value ?? undefined;
}

/**
 * Resolves the object and field names of SOQL/SOSL against a Schema. One instance per query source;
 * issues carry the line of the name in the Apex file (or of the string literal for dynamic queries).
 */
export class Resolver {
  readonly issues: SoqlIssue[] = [];

  constructor(
    private readonly schema: Schema,
    /** For a query parsed from a string literal: every issue points at the literal. */
    private readonly pinned?: { line: number; col: number }
  ) {}

  private report(at: Positioned, message: string): void {
    const where = this.pinned ?? { line: at.start.line, col: at.start.column + 1 };
    this.issues.push({ line: where.line, col: where.col, message });
  }

  private object(name: string, at: Positioned): ObjectSchema | undefined {
    const object = this.schema.get(name);
    if (!object) {
      this.report(
        at,
        `unknown object ${name} (not in force-app metadata nor in scripts/gate/standard-schema.json)`
      );
    }
    return object;
  }

  /** Resolves a dotted path (`Name`, `Account.Owner.Name`, `Matched_Lead__r.Phone`) from object. */
  resolvePath(object: ObjectSchema, parts: string[], at: Positioned, aliases: Set<string> = new Set()): void {
    let current = object;
    let names = parts;
    const first = parts[0]?.toLowerCase() ?? '';
    if (
      names.length > 1 &&
      !current.relationships.has(first) &&
      (aliases.has(first) || first === current.name.toLowerCase())
    ) {
      names = names.slice(1);
    }
    const field = names.pop();
    if (field === undefined) {
      return;
    }
    for (const rel of names) {
      const target = current.relationships.get(rel.toLowerCase());
      if (target === undefined) {
        const hint = current.fields.has(rel.toLowerCase()) ? ` (${rel} is a field, not a relationship)` : '';
        this.report(at, `unknown relationship ${rel} on ${current.name}${hint}`);
        return;
      }
      const next = this.schema.get(target);
      if (!next) {
        this.report(
          at,
          `relationship ${rel} on ${current.name} leads to ${target}, which scripts/gate/standard-schema.json does not list`
        );
        return;
      }
      current = next;
    }
    if (!current.fields.has(field.toLowerCase())) {
      this.report(at, `unknown field ${field} on ${current.name}`);
    }
  }

  private fieldName(object: ObjectSchema, ctx: FieldNameContext, aliases?: Set<string>): void {
    const parts = ctx.soqlId_list().map((id) => id.getText());
    this.resolvePath(object, parts, ctx, aliases);
  }

  private soqlFunction(object: ObjectSchema, ctx: SoqlFunctionContext, aliases?: Set<string>): void {
    const field = present(ctx.fieldName());
    if (field) {
      this.fieldName(object, field, aliases);
    }
    const dateField = present(ctx.dateFieldName());
    if (dateField) {
      this.fieldName(object, dateField.fieldName(), aliases);
    }
    const inner = present(ctx.soqlFunction());
    if (inner) {
      this.soqlFunction(object, inner, aliases);
    }
    for (const location of ctx.locationValue_list()) {
      const locationField = present(location.fieldName());
      if (locationField) {
        this.fieldName(object, locationField, aliases);
      }
    }
  }

  private fieldExpression(object: ObjectSchema, expr: FieldExpressionContext, aliases?: Set<string>): void {
    const field = present(expr.fieldName());
    if (field) {
      this.fieldName(object, field, aliases);
    }
    const fn = present(expr.soqlFunction());
    if (fn) {
      this.soqlFunction(object, fn, aliases);
    }
    // A semi-join (`Id IN (SELECT WhoId FROM Task)`) is a query of its own object.
    const value = present(expr.value());
    const semiJoin = value ? present(value.subQuery()) : undefined;
    if (semiJoin) {
      this.subQuery(semiJoin, undefined);
    }
  }

  /** HAVING, WITH and SOSL WHERE conditions. */
  private logical(
    object: ObjectSchema,
    ctx: LogicalExpressionContext | undefined,
    aliases?: Set<string>
  ): void {
    for (const cond of ctx?.conditionalExpression_list() ?? []) {
      const nested = present(cond.logicalExpression());
      if (nested) {
        this.logical(object, nested, aliases);
      }
      const expr = present(cond.fieldExpression());
      if (expr) {
        this.fieldExpression(object, expr, aliases);
      }
    }
  }

  /** SOQL WHERE conditions (the grammar gives WHERE its own rules, adding FORMULA('…') comparisons). */
  private where(object: ObjectSchema, ctx: WhereClauseContext | undefined, aliases?: Set<string>): void {
    const visit = (logical: WhereLogicalExpressionContext): void => {
      for (const cond of logical.whereConditionalExpression_list()) {
        const nested = present(cond.whereLogicalExpression());
        if (nested) {
          visit(nested);
        }
        const expr = present(present(cond.whereFieldExpression())?.fieldExpression());
        if (expr) {
          this.fieldExpression(object, expr, aliases);
        }
      }
    };
    const logical = ctx ? present(ctx.whereLogicalExpression()) : undefined;
    if (logical) {
      visit(logical);
    }
  }

  private orderBy(
    object: ObjectSchema,
    list: FieldOrderListContext | undefined,
    aliases?: Set<string>
  ): void {
    for (const order of list?.fieldOrder_list() ?? []) {
      const field = present(order.fieldName());
      if (field) {
        this.fieldName(object, field, aliases);
      }
      const fn = present(order.soqlFunction());
      if (fn) {
        this.soqlFunction(object, fn, aliases);
      }
    }
  }

  private typeOf(object: ObjectSchema, ctx: TypeOfContext): void {
    const relParts = ctx
      .fieldName()
      .soqlId_list()
      .map((id) => id.getText());
    const rel = relParts.join('.');
    const target = object.relationships.get(rel.toLowerCase());
    if (relParts.length !== 1 || target === undefined) {
      this.report(ctx.fieldName(), `unknown relationship ${rel} on ${object.name} in TYPEOF`);
      return;
    }
    for (const when of ctx.whenClause_list()) {
      const whenObject = this.object(when.fieldName().getText(), when.fieldName());
      if (whenObject) {
        when
          .fieldNameList()
          .fieldName_list()
          .forEach((f) => this.fieldName(whenObject, f));
      }
    }
    const elseClause = present(ctx.elseClause());
    const elseObject = this.schema.get(target);
    if (elseClause && elseObject) {
      elseClause
        .fieldNameList()
        .fieldName_list()
        .forEach((f) => this.fieldName(elseObject, f));
    }
  }

  private selectEntry(
    object: ObjectSchema,
    entry: SelectEntryContext | SubFieldEntryContext,
    aliases: Set<string>
  ): void {
    const field = present(entry.fieldName());
    if (field) {
      this.fieldName(object, field, aliases);
      return;
    }
    const fn = present(entry.soqlFunction());
    if (fn) {
      this.soqlFunction(object, fn, aliases);
      return;
    }
    const sub = present(entry.subQuery());
    if (sub) {
      this.subQuery(sub, object);
      return;
    }
    const typeOf = present(entry.typeOf());
    if (typeOf) {
      this.typeOf(object, typeOf);
    }
  }

  /** The FROM object and its alias; undefined (reported) when unknown. */
  private from(
    ctx: QueryContext | SubQueryContext,
    parent: ObjectSchema | undefined
  ): ObjectSchema | undefined {
    const fromList = ctx.fromNameList();
    const fromName = fromList.fieldName(0);
    const name = fromName.getText();
    if (!parent) {
      return this.object(name, fromName);
    }
    const child = parent.children.get(name.toLowerCase());
    if (child === undefined) {
      this.report(fromName, `unknown child relationship ${name} on ${parent.name}`);
      return undefined;
    }
    return this.object(child, fromName);
  }

  private aliases(ctx: QueryContext | SubQueryContext): Set<string> {
    return new Set(
      ctx
        .fromNameList()
        .soqlId_list()
        .map((id) => id.getText().toLowerCase())
    );
  }

  /** A parenthesised query: a child-relationship sub-query when parent is given, else a semi-join. */
  subQuery(ctx: SubQueryContext, parent: ObjectSchema | undefined): void {
    const object = this.from(ctx, parent);
    if (!object) {
      return;
    }
    const aliases = this.aliases(ctx);
    ctx
      .subFieldList()
      .subFieldEntry_list()
      .forEach((entry) => this.selectEntry(object, entry, aliases));
    this.where(object, present(ctx.whereClause()), aliases);
    this.orderBy(object, present(ctx.orderByClause())?.fieldOrderList(), aliases);
  }

  query(ctx: QueryContext): void {
    const object = this.from(ctx, undefined);
    if (!object) {
      return;
    }
    const aliases = this.aliases(ctx);
    ctx
      .selectList()
      .selectEntry_list()
      .forEach((entry) => this.selectEntry(object, entry, aliases));
    this.where(object, present(ctx.whereClause()), aliases);
    const withClause = present(ctx.withClause());
    if (withClause) {
      this.logical(object, present(withClause.logicalExpression()), aliases);
    }
    const groupBy = present(ctx.groupByClause());
    if (groupBy) {
      for (const group of present(groupBy.fieldGroupByList())?.fieldGroupBy_list() ?? []) {
        const field = present(group.fieldName());
        if (field) {
          this.fieldName(object, field, aliases);
        }
        const fn = present(group.soqlFunction());
        if (fn) {
          this.soqlFunction(object, fn, aliases);
        }
      }
      this.logical(object, present(groupBy.logicalExpression()), aliases);
    }
    this.orderBy(object, present(ctx.orderByClause())?.fieldOrderList(), aliases);
  }

  sosl(ctx: SoslClausesContext): void {
    const visitSpecs = (list: FieldSpecListContext | undefined): void => {
      if (!list) {
        return;
      }
      const spec = list.fieldSpec();
      const objectId = spec.soslId(0);
      const object = this.object(objectId.getText(), objectId);
      if (object) {
        const visitFields = (fields: FieldListContext | undefined): void => {
          if (!fields) {
            return;
          }
          // TOLABEL(x) alias / FORMAT(x) alias: the first id is the field, the second its alias.
          const ids = fields.soslId_list();
          const fieldIds =
            present(fields.TOLABEL()) || present(fields.CONVERT_CURRENCY()) || present(fields.FORMAT())
              ? ids.slice(0, 1)
              : ids;
          for (const id of fieldIds) {
            this.resolvePath(object, id.getText().split('.'), id);
          }
          const fn = present(fields.soqlFunction());
          if (fn) {
            this.soqlFunction(object, fn);
          }
          fields.fieldList_list().forEach((f) => visitFields(f));
        };
        visitFields(present(spec.fieldList()));
        this.logical(object, present(spec.logicalExpression()));
        this.orderBy(object, present(spec.fieldOrderList()));
      }
      list.fieldSpecList_list().forEach((l) => visitSpecs(l));
    };
    visitSpecs(present(ctx.fieldSpecList()));
  }
}
