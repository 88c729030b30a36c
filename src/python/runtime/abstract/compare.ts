// Rich comparison with CPython's reflected-operand order and error messages.
import { type PyObject, decref } from "../object.js";
import { rt } from "../state.js";
import { typeError } from "../errors.js";
import { CompareOp } from "../slots.js";
import { isTrue } from "./truth.js";

/** The operator a comparison becomes when its operands are swapped. */
const SWAPPED: readonly CompareOp[] = [CompareOp.Gt, CompareOp.Ge, CompareOp.Eq, CompareOp.Ne, CompareOp.Lt, CompareOp.Le];
const SYMBOLS: readonly string[] = ["<", "<=", "==", "!=", ">", ">="];

/** do_richcompare: new reference (usually a bool). */
export function richCompare(a: PyObject, b: PyObject, op: CompareOp): PyObject {
  const notImplemented = rt.NotImplemented;
  const typeA = a.type;
  const typeB = b.type;
  let checkedReverse = false;
  if (typeA !== typeB && typeB.isSubtypeOf(typeA) && typeB.richcompare !== null) {
    checkedReverse = true;
    const result = typeB.richcompare(b, a, SWAPPED[op]!);
    if (result !== notImplemented) return result;
    result.refcount--;
  }
  if (typeA.richcompare !== null) {
    const result = typeA.richcompare(a, b, op);
    if (result !== notImplemented) return result;
    result.refcount--;
  }
  if (!checkedReverse && typeB.richcompare !== null) {
    const result = typeB.richcompare(b, a, SWAPPED[op]!);
    if (result !== notImplemented) return result;
    result.refcount--;
  }
  if (op === CompareOp.Eq) return newBool(a === b);
  if (op === CompareOp.Ne) return newBool(a !== b);
  throw typeError(`'${SYMBOLS[op]}' not supported between instances of '${typeA.name}' and '${typeB.name}'`);
}

/**
 * True when comparing `key` with another key may run Python code (a class's __eq__, also inside
 * a tuple or frozenset): then the references CPython's tables hold during a lookup are visible.
 */
export function keyComparesInPython(key: PyObject): boolean {
  const type = key.type;
  if (type.heapType) return true;
  if (type === rt.types.tuple) return (key as PyObject & { readonly items: readonly PyObject[] }).items.some(keyComparesInPython);
  return type === rt.types.frozenset;
}

/**
 * The hash tables' key comparison (lookdict, set_lookkey): `stored == probe` with the stored key
 * held while its `==` runs, since that code may remove it from the table.
 */
export function storedKeyEquals(stored: PyObject, probe: PyObject): boolean {
  stored.refcount++;
  try {
    return richCompareBool(stored, probe, CompareOp.Eq);
  } finally {
    decref(stored);
  }
}

/** PyObject_RichCompareBool: identity implies equality for Eq/Ne, as CPython's containers assume. */
export function richCompareBool(a: PyObject, b: PyObject, op: CompareOp): boolean {
  if (a === b) {
    if (op === CompareOp.Eq) return true;
    if (op === CompareOp.Ne) return false;
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

export function newBool(value: boolean): PyObject {
  const result = value ? rt.True : rt.False;
  result.refcount++;
  return result;
}
