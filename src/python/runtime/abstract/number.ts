// The number protocol: binary and in-place operators with CPython's dispatch order.
import type { PyObject } from "../object.js";
import { rt } from "../state.js";
import { typeError } from "../errors.js";
import { BINARY_SYMBOLS, BinaryOp, type BinarySlot } from "../type.js";

/**
 * binary_op1: try type(a)'s slot, then type(b)'s when the types differ, giving a subclass of
 * a's type that overrides the slot the first go. Returns NotImplemented (new) when neither
 * handles it.
 */
function binaryOp1(a: PyObject, b: PyObject, op: BinaryOp): PyObject {
  const typeA = a.type;
  const typeB = b.type;
  const slotA: BinarySlot | null = typeA.binary[op]!;
  let slotB: BinarySlot | null = null;
  if (typeB !== typeA) {
    slotB = typeB.binary[op]!;
    if (slotB === slotA) slotB = null;
  }
  const notImplemented = rt.NotImplemented;
  if (slotA !== null) {
    if (slotB !== null && typeB.isSubtypeOf(typeA)) {
      const result = slotB(a, b);
      if (result !== notImplemented) return result;
      result.refcount--;
      slotB = null;
    }
    const result = slotA(a, b);
    if (result !== notImplemented) return result;
    result.refcount--;
  }
  if (slotB !== null) return slotB(a, b);
  notImplemented.refcount++;
  return notImplemented;
}

/** a OP b (PyNumber_Add etc.): new reference; TypeError when no operand supports it. */
export function binaryOp(a: PyObject, b: PyObject, op: BinaryOp): PyObject {
  const result = binaryOp1(a, b, op);
  if (result !== rt.NotImplemented) return result;
  result.refcount--;
  return sequenceFallback(a, b, op, false);
}

/** a OP= b (PyNumber_InPlaceAdd etc.): the in-place slot of a, then the binary operator. */
export function inplaceOp(a: PyObject, b: PyObject, op: BinaryOp): PyObject {
  const slot = a.type.inplace[op]!;
  if (slot !== null) {
    const result = slot(a, b);
    if (result !== rt.NotImplemented) return result;
    result.refcount--;
  }
  const result = binaryOp1(a, b, op);
  if (result !== rt.NotImplemented) return result;
  result.refcount--;
  return sequenceFallback(a, b, op, true);
}

/** `+` and `*` fall back to sq_concat / sq_repeat (lists, tuples, str) before failing. */
function sequenceFallback(a: PyObject, b: PyObject, op: BinaryOp, inplace: boolean): PyObject {
  if (op === BinaryOp.Add) {
    const concat = inplace ? a.type.inplaceConcat ?? a.type.concat : a.type.concat;
    if (concat !== null) return concat(a, b);
  } else if (op === BinaryOp.Mul) {
    const repeatA = inplace ? a.type.inplaceRepeat ?? a.type.repeat : a.type.repeat;
    if (repeatA !== null && b.type.index !== null) return repeatA(a, b);
    if (b.type.repeat !== null && a.type.index !== null) return b.type.repeat(b, a);
    if (repeatA !== null) throw typeError(`can't multiply sequence by non-int of type '${b.type.name}'`);
    if (b.type.repeat !== null) throw typeError(`can't multiply sequence by non-int of type '${a.type.name}'`);
  }
  throw unsupportedOperands(a, b, op, inplace);
}

export function unsupportedOperands(a: PyObject, b: PyObject, op: BinaryOp, inplace: boolean) {
  if (op === BinaryOp.Add && !inplace && a.type === rt.types.str) {
    return typeError(`can only concatenate str (not "${b.type.name}") to str`);
  }
  if (op === BinaryOp.Add && a.type === rt.types.list) {
    return typeError(`can only concatenate list (not "${b.type.name}") to list`);
  }
  if (op === BinaryOp.Add && a.type === rt.types.tuple) {
    return typeError(`can only concatenate tuple (not "${b.type.name}") to tuple`);
  }
  const symbol = BINARY_SYMBOLS[op]!;
  const shown = inplace ? (op === BinaryOp.Pow ? "**=" : `${symbol}=`) : symbol;
  return typeError(`unsupported operand type(s) for ${shown}: '${a.type.name}' and '${b.type.name}'`);
}

/** -a, +a, ~a, abs(a). */
export function unaryOp(a: PyObject, which: "negative" | "positive" | "invert" | "absolute"): PyObject {
  const slot = a.type[which];
  if (slot !== null) return slot(a);
  if (which === "absolute") throw typeError(`bad operand type for abs(): '${a.type.name}'`);
  const symbol = which === "negative" ? "-" : which === "positive" ? "+" : "~";
  throw typeError(`bad operand type for unary ${symbol}: '${a.type.name}'`);
}
