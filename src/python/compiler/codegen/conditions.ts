// Conditions (if, while, assert, ternary tests): compiled to a JS boolean, no bool object kept.
import type * as ast from "../../ast/nodes.js";
import type { CodeUnit } from "../code-unit.js";
import { compileExpression, comparisonTest, compileComparand } from "./expressions.js";
import { scalarOf } from "../constants.js";
import { openBorrowedComparison, closeBorrowed } from "./borrowed-operands.js";

/**
 * Emits the code that evaluates `node` for its truth and returns the name of a JS variable
 * (or a literal) holding the boolean. Every reference taken is released.
 */
export function compileCondition(unit: CodeUnit, node: ast.Expr): string {
  const emitter = unit.emitter;
  const constant = constantTruth(unit, node);
  if (constant !== undefined) return constant ? "true" : "false";
  const variable = emitter.temporary("c");
  emitter.line(`let ${variable};`);
  switch (node.type) {
    case "UnaryOp":
      if (node.op === "Not") {
        const inner = compileCondition(unit, node.operand);
        emitter.line(`${variable} = !${inner};`);
        return variable;
      }
      break;
    case "BoolOp": {
      const first = compileCondition(unit, node.values[0]!);
      emitter.line(`${variable} = ${first};`);
      for (let index = 1; index < node.values.length; index++) {
        emitter.open(node.op === "And" ? `if (${variable}) {` : `if (!${variable}) {`);
        const next = compileCondition(unit, node.values[index]!);
        emitter.line(`${variable} = ${next};`);
      }
      for (let index = 1; index < node.values.length; index++) emitter.close();
      return variable;
    }
    case "Compare":
      if (node.ops.length === 1) {
        const borrowed = openBorrowedComparison(unit, node.ops[0]!, node.left, node.comparators[0]!, variable);
        compileExpression(unit, node.left);
        compileComparand(unit, node.ops[0]!, node.comparators[0]!);
        const right = emitter.pop();
        const left = emitter.pop();
        emitter.line(`${variable} = ${comparisonTest(node.ops[0]!, left, right)}; dec(${right}); ${right} = null; dec(${left}); ${left} = null;`);
        if (borrowed) closeBorrowed(unit);
        return variable;
      }
      break;
    default:
      break;
  }
  compileExpression(unit, node);
  const value = emitter.pop();
  emitter.line(`${variable} = isTrue(${value}); dec(${value}); ${value} = null;`);
  return variable;
}

/** `while True:`, `if 1:`: CPython drops the test of a constant condition. */
function constantTruth(unit: CodeUnit, node: ast.Expr): boolean | undefined {
  if (node.type !== "Constant") return undefined;
  const folded = unit.context.folder.fold(node);
  const value = folded === undefined ? undefined : scalarOf(folded);
  if (value === undefined) return undefined;
  switch (value.kind) {
    case "bool":
      return value.value;
    case "int":
      return value.value !== 0n;
    case "None":
      return false;
    case "str":
      return value.value.length > 0;
    default:
      return undefined;
  }
}
