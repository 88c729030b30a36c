// Conditions (if, while, assert, ternary tests): compiled to a JS boolean, no bool object kept.
import type * as ast from "../../ast/nodes.js";
import type { CodeUnit } from "../code-unit.js";
import { compileExpression, comparisonTest, compileComparand } from "./expressions.js";
import { constantTest, truthOfConstant, staticOutcome, compileUnreachable } from "../reachability.js";
import { openBorrowedComparison, closeBorrowed } from "./borrowed-operands.js";

/**
 * Emits the code that evaluates `node` for its truth and returns the name of a JS variable
 * (or a literal) holding the boolean. Every reference taken is released.
 */
export function compileCondition(unit: CodeUnit, node: ast.Expr): string {
  const emitter = unit.emitter;
  const constant = constantTest(unit, node);
  if (constant !== undefined) {
    // ≤3.9 load the constant and jump on it; 3.10+'s optimiser replaces both by a jump (or
    // nothing), so the constant keeps its slot but no instruction loads it.
    if (unit.profile.unusedConstants === "kept") unit.constIndex(constant);
    else unit.operandConst(constant);
    return truthOfConstant(constant) ? "true" : "false";
  }
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
      // 3.10+: after an operand that decides the outcome the others are unreachable.
      let decided = staticOutcome(unit, node.values[0]!) === (node.op === "Or");
      for (let index = 1; index < node.values.length; index++) {
        emitter.open(node.op === "And" ? `if (${variable}) {` : `if (!${variable}) {`);
        const operand = node.values[index]!;
        let next = "";
        if (decided) compileUnreachable(unit, () => (next = compileCondition(unit, operand)));
        else next = compileCondition(unit, operand);
        emitter.line(`${variable} = ${next};`);
        decided ||= staticOutcome(unit, operand) === (node.op === "Or");
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
