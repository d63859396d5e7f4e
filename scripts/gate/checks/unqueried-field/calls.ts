import {
  ArgumentsContext,
  DotExpressionContext,
  DotMethodCallContext,
  ExpressionListContext,
  IdPrimaryContext,
  MethodCallContext,
  MethodCallExpressionContext,
  NewExpressionContext,
  PrimaryExpressionContext,
  type ApexParserRuleContext,
  type ExpressionContext
} from '@apexdevtools/apex-parser';
import { unwrap, type ApexMethod } from '../../lib/apex-tree';

/** The name of a bare variable reference (`rows`), lower case. */
export function variableName(expr: ExpressionContext): string | undefined {
  const inner = unwrap(expr);
  if (inner instanceof PrimaryExpressionContext) {
    const primary = inner.primary();
    if (primary instanceof IdPrimaryContext) {
      return primary.id().getText().toLowerCase();
    }
  }
  return undefined;
}

export interface Call {
  qualifier?: string;
  name: string;
  args: ExpressionContext[];
  /** A constructor call as written (`new Outer.Row`), for messages. */
  creates?: string;
}

/**
 * The method or constructor a call expression names and its arguments (`helper(x)`, `Other.helper(x)`,
 * `new Row(x)`, `new Outer.Row(x)`: a constructor is indexed as `Row.Row`).
 */
export function callOf(expr: ApexParserRuleContext): Call | undefined {
  if (expr instanceof NewExpressionContext) {
    const creator = expr.creator();
    const pairs = creator.createdName().idCreatedNamePair_list();
    const last = pairs[pairs.length - 1];
    const rest = creator.classCreatorRest();
    // Generic types (new List<Lead>(rows)) are the platform's, never one of our constructors.
    if (!rest || !last || pairs.some((p) => p.typeList())) {
      return undefined;
    }
    const name = last.anyId().getText();
    return {
      qualifier: name,
      name,
      args: rest.arguments().expressionList()?.expression_list() ?? [],
      creates: `new ${creator.createdName().getText()}`
    };
  }
  if (expr instanceof MethodCallExpressionContext) {
    const call = expr.methodCall();
    const id = call.id();
    if (!id) {
      return undefined;
    }
    return { name: id.getText(), args: call.expressionList()?.expression_list() ?? [] };
  }
  if (expr instanceof DotExpressionContext) {
    const call = expr.dotMethodCall();
    if (!call) {
      return undefined;
    }
    return {
      qualifier: expr.expression().getText(),
      name: call.anyId().getText(),
      args: call.expressionList()?.expression_list() ?? []
    };
  }
  return undefined;
}

/**
 * The call an expression is an argument of, and its position: `helper(x)`, `Other.helper(rows[0])`,
 * `new Row(rows.get(0))`.
 */
export function callWithArgument(argument: ExpressionContext): { call: Call; position: number } | undefined {
  const list = argument.parentCtx;
  if (!(list instanceof ExpressionListContext)) {
    return undefined;
  }
  const holder = list.parentCtx;
  let expr: ApexParserRuleContext | null | undefined;
  if (holder instanceof MethodCallContext || holder instanceof DotMethodCallContext) {
    expr = holder.parentCtx;
  } else if (holder instanceof ArgumentsContext) {
    // Arguments < ClassCreatorRest < Creator < NewExpression
    expr = holder.parentCtx?.parentCtx?.parentCtx;
  }
  const call = expr ? callOf(expr) : undefined;
  const position = call ? call.args.indexOf(argument) : -1;
  return call && position >= 0 ? { call, position } : undefined;
}

/** Index of every method of our classes, by `class.method/arity` (lower case). */
export class MethodIndex {
  readonly byKey = new Map<string, { method: ApexMethod; file: string }[]>();

  add(method: ApexMethod, file: string): void {
    const key = `${method.className}.${method.name}/${method.params.length}`.toLowerCase();
    this.byKey.set(key, [...(this.byKey.get(key) ?? []), { method, file }]);
  }

  /**
   * The only method a call can reach (same class when unqualified); when inner classes of two files share
   * a name, the caller's file's. Undefined when unknown or overloaded.
   */
  resolve(
    caller: ApexMethod,
    callerFile: string,
    call: Call
  ): { method: ApexMethod; file: string } | undefined {
    const owner =
      call.qualifier === undefined || call.qualifier.toLowerCase() === 'this'
        ? caller.className
        : call.qualifier;
    const found = this.byKey.get(`${owner}.${call.name}/${call.args.length}`.toLowerCase()) ?? [];
    const candidates = found.length > 1 ? found.filter((f) => f.file === callerFile) : found;
    return candidates.length === 1 ? candidates[0] : undefined;
  }
}
