// Operators for generated code, with fast paths for exact ints, floats and strs.
import type { PyObject } from "../object.js";
import { rt } from "../state.js";
import { BinaryOp } from "../type.js";
import { CompareOp } from "../slots.js";
import { binaryOp, inplaceOp, unaryOp } from "../abstract/number.js";
import { richCompare, richCompareBool } from "../abstract/compare.js";
import { contains as containsSlow } from "../abstract/items.js";
import { isTrue } from "../abstract/truth.js";
import { PyInt, newInt } from "../types/int.js";
import { modulo } from "../types/int-value.js";
import { newIntSum, newIntRemainder } from "../types/int-result-identity.js";
import { PyFloat, newFloat } from "../types/float.js";
import { PyStr, newStr, strTextsEqual } from "../types/str.js";
import { joinsSurrogates } from "../types/str-surrogates.js";

const MAX_SAFE = Number.MAX_SAFE_INTEGER;

/** a OP b. Both borrowed; new reference. */
export function binary(a: PyObject, b: PyObject, op: BinaryOp): PyObject {
  const types = rt.types;
  if (a.type === types.int && b.type === types.int) {
    const x = (a as PyInt).value;
    const y = (b as PyInt).value;
    if (typeof x === "number" && typeof y === "number") {
      if (op === BinaryOp.Add) {
        const sum = x + y;
        if (sum <= MAX_SAFE && sum >= -MAX_SAFE) return newIntSum(sum, x, y);
      } else if (op === BinaryOp.Sub) {
        const difference = x - y;
        if (difference <= MAX_SAFE && difference >= -MAX_SAFE) return newIntSum(difference, x, y);
      } else if (op === BinaryOp.Mul) {
        const product = x * y;
        if (product <= MAX_SAFE && product >= -MAX_SAFE) return newInt(product === 0 ? 0 : product);
      } else if (y !== 0 && (op === BinaryOp.Mod || op === BinaryOp.FloorDiv)) {
        // Python's floor semantics: the remainder takes the divisor's sign.
        let remainder = x % y;
        if (remainder !== 0 && remainder < 0 !== y < 0) remainder += y;
        if (op === BinaryOp.Mod) return newIntRemainder(a as PyInt, b as PyInt, remainder === 0 ? 0 : remainder);
        const quotient = (x - remainder) / y;
        return newInt(quotient === 0 ? 0 : quotient);
      } else if (op === BinaryOp.And && (x | 0) === x && (y | 0) === y) {
        return newInt(x & y);
      }
    }
  } else if (a.type === types.float && b.type === types.float) {
    const x = (a as PyFloat).value;
    const y = (b as PyFloat).value;
    if (op === BinaryOp.Add) return newFloat(x + y);
    if (op === BinaryOp.Sub) return newFloat(x - y);
    if (op === BinaryOp.Mul) return newFloat(x * y);
  } else if (op === BinaryOp.Add && a.type === types.str && b.type === types.str) {
    const left = a as PyStr;
    const right = b as PyStr;
    // Two lone surrogates meeting take the slot's path, which refuses them.
    if (left.length > 0 && right.length > 0 && !joinsSurrogates(left.value, right.value)) return newStr(left.value + right.value);
  }
  return binaryOp(a, b, op);
}

/**
 * True when `a` and `b` are both exact ints held as JS numbers: the guard of the per-operator
 * entry points below, which generated code calls for the commonest operators so V8 can inline a
 * short int path at every site.
 */
function bothSmallInts(a: PyObject, b: PyObject): boolean {
  const int = rt.types.int;
  return a.type === int && b.type === int && typeof (a as PyInt).value === "number" && typeof (b as PyInt).value === "number";
}

/** a + b (same result as binary(a, b, Add)). */
export function binaryAdd(a: PyObject, b: PyObject): PyObject {
  return addInts(a, b) ?? binary(a, b, BinaryOp.Add);
}

/** a - b (same result as binary(a, b, Sub)). */
export function binarySub(a: PyObject, b: PyObject): PyObject {
  return subInts(a, b) ?? binary(a, b, BinaryOp.Sub);
}

/** a * b (same result as binary(a, b, Mul)). */
export function binaryMul(a: PyObject, b: PyObject): PyObject {
  return mulInts(a, b) ?? binary(a, b, BinaryOp.Mul);
}

/** a % b (same result as binary(a, b, Mod)). */
export function binaryMod(a: PyObject, b: PyObject): PyObject {
  return modInts(a, b) ?? binary(a, b, BinaryOp.Mod);
}

/** a += b (same result as inplace(a, b, Add)). */
export function inplaceAdd(a: PyObject, b: PyObject): PyObject {
  // ints have no in-place add: `+=` on them is `+` (inplace's own int path), so the
  // borrowed-operand helper answers first, checking the operands once.
  return addInts(a, b) ?? inplace(a, b, BinaryOp.Add);
}

/** compareBool(a, b, Lt). */
export function lessThan(a: PyObject, b: PyObject): boolean {
  return lessInts(a, b) ?? compareBool(a, b, CompareOp.Lt);
}

/** compareBool(a, b, Gt). */
export function greaterThan(a: PyObject, b: PyObject): boolean {
  return greaterInts(a, b) ?? compareBool(a, b, CompareOp.Gt);
}

// ---- borrowed operands ---------------------------------------------------------------------
//
// Generated code calls these with operands it has not counted (a local's or a constant's own
// reference, or a namespace's) before it pushes them the usual way. When both are exact ints
// held as JS numbers the result comes back at once: no Python code runs on that path, so no one
// could have seen the counts the operands' stack references would have added for the moment.
// Otherwise null, and the caller loads the operands with their counts and runs the operator.

/** a + b for exact ints within the safe range (a new reference), else null. */
export function addInts(a: PyObject, b: PyObject): PyObject | null {
  if (!bothSmallInts(a, b)) return null;
  const x = (a as PyInt).value as number;
  const y = (b as PyInt).value as number;
  const sum = x + y;
  return sum <= MAX_SAFE && sum >= -MAX_SAFE ? newIntSum(sum, x, y) : null;
}

/** a - b (see addInts). */
export function subInts(a: PyObject, b: PyObject): PyObject | null {
  if (!bothSmallInts(a, b)) return null;
  const x = (a as PyInt).value as number;
  const y = (b as PyInt).value as number;
  const difference = x - y;
  return difference <= MAX_SAFE && difference >= -MAX_SAFE ? newIntSum(difference, x, y) : null;
}

/** a * b (see addInts). */
export function mulInts(a: PyObject, b: PyObject): PyObject | null {
  if (!bothSmallInts(a, b)) return null;
  const product = ((a as PyInt).value as number) * ((b as PyInt).value as number);
  // `product === 0 ? 0 : product` turns -0 into 0.
  return product <= MAX_SAFE && product >= -MAX_SAFE ? newInt(product === 0 ? 0 : product) : null;
}

/** a % b with a nonzero divisor (see addInts): the remainder takes the divisor's sign. */
export function modInts(a: PyObject, b: PyObject): PyObject | null {
  if (!bothSmallInts(a, b)) return null;
  const divisor = (b as PyInt).value as number;
  return divisor === 0 ? null : newIntRemainder(a as PyInt, b as PyInt, modulo((a as PyInt).value as number, divisor));
}

/** a < b for exact ints, else null (see addInts). */
export function lessInts(a: PyObject, b: PyObject): boolean | null {
  return bothSmallInts(a, b) ? ((a as PyInt).value as number) < ((b as PyInt).value as number) : null;
}

/** a <= b (see lessInts). */
export function lessEqualInts(a: PyObject, b: PyObject): boolean | null {
  return bothSmallInts(a, b) ? ((a as PyInt).value as number) <= ((b as PyInt).value as number) : null;
}

/** a > b (see lessInts). */
export function greaterInts(a: PyObject, b: PyObject): boolean | null {
  return bothSmallInts(a, b) ? ((a as PyInt).value as number) > ((b as PyInt).value as number) : null;
}

/** a >= b (see lessInts). */
export function greaterEqualInts(a: PyObject, b: PyObject): boolean | null {
  return bothSmallInts(a, b) ? ((a as PyInt).value as number) >= ((b as PyInt).value as number) : null;
}

/** a == b (see lessInts). */
export function equalInts(a: PyObject, b: PyObject): boolean | null {
  return bothSmallInts(a, b) ? (a as PyInt).value === (b as PyInt).value : null;
}

/** a != b (see lessInts). */
export function notEqualInts(a: PyObject, b: PyObject): boolean | null {
  return bothSmallInts(a, b) ? (a as PyInt).value !== (b as PyInt).value : null;
}

/** a OP= b. */
export function inplace(a: PyObject, b: PyObject, op: BinaryOp): PyObject {
  const types = rt.types;
  if ((a.type === types.int && b.type === types.int) || (a.type === types.float && b.type === types.float)) return binary(a, b, op);
  return inplaceOp(a, b, op);
}

export function negative(a: PyObject): PyObject {
  return unaryOp(a, "negative");
}

export function positive(a: PyObject): PyObject {
  return unaryOp(a, "positive");
}

export function invert(a: PyObject): PyObject {
  return unaryOp(a, "invert");
}

export function compare(a: PyObject, b: PyObject, op: CompareOp): PyObject {
  return richCompare(a, b, op);
}

/** A comparison whose result only decides a branch: a JS boolean. */
export function compareBool(a: PyObject, b: PyObject, op: CompareOp): boolean {
  const types = rt.types;
  if (a.type === types.int && b.type === types.int) {
    const x = (a as PyInt).value;
    const y = (b as PyInt).value;
    if (typeof x === "number" && typeof y === "number") {
      switch (op) {
        case CompareOp.Lt:
          return x < y;
        case CompareOp.Le:
          return x <= y;
        case CompareOp.Eq:
          return x === y;
        case CompareOp.Ne:
          return x !== y;
        case CompareOp.Gt:
          return x > y;
        case CompareOp.Ge:
          return x >= y;
      }
    }
  }
  if (a.type === types.str && b.type === types.str && (op === CompareOp.Eq || op === CompareOp.Ne)) {
    return strTextsEqual(a as PyStr, b as PyStr) === (op === CompareOp.Eq);
  }
  const result = richCompare(a, b, op);
  if (result === rt.True) {
    result.refcount--;
    return true;
  }
  if (result === rt.False) {
    result.refcount--;
    return false;
  }
  try {
    return isTrue(result);
  } finally {
    if (--result.refcount === 0) result.type.dealloc(result);
  }
}

/** `item in container`. */
export function contains(container: PyObject, item: PyObject): boolean {
  return containsSlow(container, item);
}

export { isTrue, richCompareBool };
