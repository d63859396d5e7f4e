import {
  DotExpressionContext,
  IdPrimaryContext,
  MethodCallExpressionContext,
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

/** The method a call expression names and its arguments (`helper(x)`, `Other.helper(x)`). */
export function callOf(
  expr: ApexParserRuleContext
): { qualifier?: string; name: string; args: ExpressionContext[] } | undefined {
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

/** Index of every method of our classes, by `class.method/arity` (lower case). */
export class MethodIndex {
  readonly byKey = new Map<string, { method: ApexMethod; file: string }[]>();

  add(method: ApexMethod, file: string): void {
    const key = `${method.className}.${method.name}/${method.params.length}`.toLowerCase();
    this.byKey.set(key, [...(this.byKey.get(key) ?? []), { method, file }]);
  }

  /** The only method a call can reach (same class when unqualified); undefined when unknown or overloaded. */
  resolve(
    caller: ApexMethod,
    call: { qualifier?: string; name: string; args: ExpressionContext[] }
  ): { method: ApexMethod; file: string } | undefined {
    const owner =
      call.qualifier === undefined || call.qualifier.toLowerCase() === 'this'
        ? caller.className
        : call.qualifier;
    const found = this.byKey.get(`${owner}.${call.name}/${call.args.length}`.toLowerCase());
    return found?.length === 1 ? found[0] : undefined;
  }
}
