// Int fast paths that read a binary operator's or comparison's operands without counting them.
//
// `n - 1`, `i < n`, `t += i`: CPython pushes both operands (two references counted and released
// again) and its specialised instruction then finds two ints. When both operands are plain
// loads that run no code (a fast local, an int literal, a name in a namespace dict), the
// generated code first offers them uncounted to an ops helper (addInts, lessInts...): for two
// exact ints held as JS numbers it answers directly, and nothing between the loads and the
// answer could have looked at the counts. Anything else gets null back and takes the usual way,
// which loads the operands again with their counts, so errors, unbound locals and every other
// type behave exactly as before.
import type * as ast from "../../ast/nodes.js";
import type { CodeUnit } from "../code-unit.js";

const BINARY_HELPERS: ReadonlyMap<ast.Operator, string> = new Map([
  ["Add", "addInts"],
  ["Sub", "subInts"],
  ["Mult", "mulInts"],
  ["Mod", "modInts"],
]);

const COMPARE_HELPERS: ReadonlyMap<ast.CmpOperator, string> = new Map([
  ["Lt", "lessInts"],
  ["LtE", "lessEqualInts"],
  ["Gt", "greaterInts"],
  ["GtE", "greaterEqualInts"],
  ["Eq", "equalInts"],
  ["NotEq", "notEqualInts"],
]);

/** Names of the ops helpers, for the generated code's destructuring of R. */
export const BORROWED_OPERAND_HELPERS: readonly string[] = [...BINARY_HELPERS.values(), ...COMPARE_HELPERS.values()];

/**
 * A borrowed read of an operand: `setup`, a JS condition that must hold first (it may also
 * assign the value to a temporary), or null; and the expression to pass to the helper. Null
 * when the operand is not such a plain load.
 */
interface BorrowedOperand {
  readonly setup: string | null;
  readonly value: string;
}

/**
 * A function-wide JS variable holding a borrowed operand (never released: it owns nothing).
 * One per side for the whole unit, not one per site, so deep recursion keeps its frames small.
 */
function borrowedTemporary(unit: CodeUnit, name: "bl" | "br"): string {
  unit.extraVariables.set(name, "null");
  return name;
}

function borrowedOperand(unit: CodeUnit, node: ast.Expr, side: "bl" | "br"): BorrowedOperand | null {
  if (node.type === "Constant") {
    if (node.value.kind !== "int") return null;
    const folded = unit.context.folder.fold(node);
    if (folded === undefined) return null;
    // The same registration the operand's own LOAD_CONST makes (compileExpression repeats it).
    return { setup: null, value: `K${unit.constIndex(folded)}` };
  }
  if (node.type !== "Name") return null;
  const name = unit.scope.mangle(node.id);
  switch (unit.scope.lookup(name)) {
    case "fast": {
      const variable = unit.localVariable(name);
      return { setup: `${variable} !== null`, value: variable };
    }
    case "global": {
      if (name === "locals") return null;
      const temporary = borrowedTemporary(unit, side);
      return { setup: `(${temporary} = loadGlobalBorrowed(G, B, ${unit.nameRef(name)}, ${unit.nameCacheRef(name)})) !== null`, value: temporary };
    }
    case "name": {
      const temporary = borrowedTemporary(unit, side);
      const namespace = unit.kind === "class" ? "NS" : "G";
      return { setup: `(${temporary} = loadNameBorrowed(${namespace}, G, B, ${unit.nameRef(name)}, ${unit.nameCacheRef(name)})) !== null`, value: temporary };
    }
    default:
      return null;
  }
}

/** The JS expression of a borrowed attempt (the helper's answer, or null), or null when an operand is not plain. */
function borrowedAttempt(unit: CodeUnit, helper: string, left: ast.Expr, right: ast.Expr): string | null {
  const leftOperand = borrowedOperand(unit, left, "bl");
  if (leftOperand === null) return null;
  const rightOperand = borrowedOperand(unit, right, "br");
  if (rightOperand === null) return null;
  const setups = [leftOperand.setup, rightOperand.setup].filter((setup) => setup !== null);
  const call = `${helper}(${leftOperand.value}, ${rightOperand.value})`;
  return setups.length > 0 ? `${setups.join(" && ")} ? ${call} : null` : call;
}

/**
 * Opens the borrowed attempt of `left OP right` (binary or in-place: ints have no in-place
 * operators), whose result goes straight to the next stack slot (which is empty). Returns true
 * when it did: the caller then emits the usual counted code, which runs only when the attempt
 * found no answer, and calls closeBorrowed after it.
 */
export function openBorrowedBinary(unit: CodeUnit, op: ast.Operator, left: ast.Expr, right: ast.Expr): boolean {
  const helper = BINARY_HELPERS.get(op);
  if (helper === undefined) return false;
  const attempt = borrowedAttempt(unit, helper, left, right);
  if (attempt === null) return false;
  const emitter = unit.emitter;
  emitter.open(`if ((${emitter.slot(emitter.depth)} = ${attempt}) === null) {`);
  return true;
}

/** Opens the borrowed attempt of a comparison whose JS boolean goes to `variable` (see openBorrowedBinary). */
export function openBorrowedComparison(unit: CodeUnit, op: ast.CmpOperator, left: ast.Expr, right: ast.Expr, variable: string): boolean {
  const helper = COMPARE_HELPERS.get(op);
  if (helper === undefined) return false;
  const attempt = borrowedAttempt(unit, helper, left, right);
  if (attempt === null) return false;
  unit.emitter.open(`if ((${variable} = ${attempt}) === null) {`);
  return true;
}

export function closeBorrowed(unit: CodeUnit): void {
  unit.emitter.close();
}
