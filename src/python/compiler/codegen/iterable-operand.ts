// Displays CPython reads only to iterate or search (`for x in [...]`, a comprehension's
// generators, `x in [...]`): constants fold to one constant, and from 3.8 a list display of
// anything but starred items is built as a tuple (ast_opt.c's fold_iter).
import type * as ast from "../../ast/nodes.js";
import type { CodeUnit } from "../code-unit.js";
import { compileExpression, pushConstant } from "./expressions.js";

export function compileIterableOperand(unit: CodeUnit, node: ast.Expr): void {
  if (node.type !== "List" && node.type !== "Set") return compileExpression(unit, node);
  const folded = unit.context.folder.foldIterable(node);
  if (folded !== undefined) return pushConstant(unit, folded, node);
  if (node.type === "List" && unit.profile.minor >= 8 && !node.elts.some((element) => element.type === "Starred")) {
    return compileExpression(unit, { ...node, type: "Tuple" } as ast.Tuple);
  }
  compileExpression(unit, node);
}
