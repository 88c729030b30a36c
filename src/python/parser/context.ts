// Expression contexts and target checks: CPython's set_expr_context, get_expr_name and
// get_invalid_target, used to build Store/Del nodes and to word "cannot assign to ..." errors.
import type { Expr, ExprContext } from "../ast/nodes.js";
import { atLeast, type LanguageVersion } from "./language-version.js";

/**
 * A copy of `expr` with `ctx` (recursively through tuples, lists and starred); other nodes are
 * returned unchanged. Copies, never mutation: memoized Load nodes may be shared.
 */
export function setExprContext(expr: Expr, ctx: ExprContext): Expr {
  const span = {
    lineno: expr.lineno,
    col_offset: expr.col_offset,
    end_lineno: expr.end_lineno,
    end_col_offset: expr.end_col_offset,
  };
  switch (expr.type) {
    case "Name":
      return { type: "Name", id: expr.id, ctx, ...span };
    case "Tuple":
      return { type: "Tuple", elts: expr.elts.map((element) => setExprContext(element, ctx)), ctx, ...span };
    case "List":
      return { type: "List", elts: expr.elts.map((element) => setExprContext(element, ctx)), ctx, ...span };
    case "Subscript":
      return { type: "Subscript", value: expr.value, slice: expr.slice, ctx, ...span };
    case "Attribute":
      return { type: "Attribute", value: expr.value, attr: expr.attr, ctx, ...span };
    case "Starred":
      return { type: "Starred", value: setExprContext(expr.value, ctx), ctx, ...span };
    default:
      return expr;
  }
}

/** How CPython names an expression in messages ("cannot assign to function call"). */
export function exprName(expr: Expr, version: LanguageVersion): string {
  // 3.8 and 3.9 said "operator", "Ellipsis" and "dict display".
  const older = !atLeast(version, 3, 10);
  // 3.6 and 3.7 said "literal" for displays and f-strings and "keyword" for None/True/False.
  const oldest = !atLeast(version, 3, 8);
  switch (expr.type) {
    case "Attribute":
      return "attribute";
    case "Subscript":
      return "subscript";
    case "Starred":
      return "starred";
    case "Name":
      return "name";
    case "List":
      return "list";
    case "Tuple":
      return "tuple";
    case "Lambda":
      return "lambda";
    case "Call":
      return "function call";
    case "BoolOp":
    case "BinOp":
    case "UnaryOp":
      return older ? "operator" : "expression";
    case "GeneratorExp":
      return "generator expression";
    case "Yield":
    case "YieldFrom":
      return "yield expression";
    case "Await":
      return "await expression";
    case "ListComp":
      return "list comprehension";
    case "SetComp":
      return "set comprehension";
    case "DictComp":
      return "dict comprehension";
    case "Dict":
      return oldest ? "literal" : older ? "dict display" : "dict literal";
    case "Set":
      return oldest ? "literal" : "set display";
    case "JoinedStr":
    case "FormattedValue":
      return oldest ? "literal" : "f-string expression";
    case "Constant":
      switch (expr.value.kind) {
        case "None":
          return oldest ? "keyword" : "None";
        case "bool":
          return oldest ? "keyword" : expr.value.value ? "True" : "False";
        case "Ellipsis":
          return older ? "Ellipsis" : "ellipsis";
        default:
          return "literal";
      }
    case "Compare":
      return "comparison";
    case "IfExp":
      return "conditional expression";
    case "NamedExpr":
      return "named expression";
    case "Slice":
      return "slice";
  }
}

export type TargetsType = "star" | "del" | "for";

/** The first sub-expression that cannot be a target, or null (CPython's get_invalid_target). */
export function invalidTarget(expr: Expr | null, targetsType: TargetsType): Expr | null {
  if (expr === null) return null;
  switch (expr.type) {
    case "List":
    case "Tuple":
      for (const element of expr.elts) {
        const child = invalidTarget(element, targetsType);
        if (child !== null) return child;
      }
      return null;
    case "Starred":
      if (targetsType === "del") return expr;
      return invalidTarget(expr.value, targetsType);
    case "Compare":
      // `a in b` in `for a in b` parses as a comparison: look at its left side.
      if (targetsType === "for") {
        return expr.ops[0] === "In" ? invalidTarget(expr.left, targetsType) : null;
      }
      return expr;
    case "Name":
    case "Subscript":
    case "Attribute":
      return null;
    default:
      return expr;
  }
}
