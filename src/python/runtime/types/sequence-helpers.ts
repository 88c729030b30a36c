// Helpers shared by the containers: reprs that survive recursion, iteration to arrays, length hints.
import type { PyObject } from "../object.js";
import { decref } from "../object.js";
import { rt } from "../state.js";
import { getIter, iterNext } from "../abstract/iteration.js";
import { PyList } from "./list.js";
import { objectItems } from "./list-packed-ints.js";
import { PyTuple } from "./tuple.js";
import { tick } from "../ops/limits.js";
import { PyRaise, typeError, valueError, discardRaise } from "../errors.js";
import { lookupSpecial, callSpecial } from "../slot-table.js";
import { PyInt } from "./int.js";

/** Py_ReprEnter / Py_ReprLeave around a container repr: `[...]` when it contains itself. */
export function guardedRepr(self: PyObject, recursive: string, render: () => string): string {
  const active = rt.reprActive;
  if (active.has(self)) return recursive;
  active.add(self);
  try {
    return render();
  } finally {
    active.delete(self);
  }
}

/** All items of an iterable as owned references (fast paths for lists and tuples). */
export function collectItems(iterable: PyObject): PyObject[] {
  if (iterable instanceof PyList || iterable instanceof PyTuple) {
    const items = iterable instanceof PyList ? objectItems(iterable).slice() : iterable.items.slice();
    for (const item of items) item.refcount++;
    return items;
  }
  const result: PyObject[] = [];
  const iterator = getIter(iterable);
  try {
    for (;;) {
      if (--rt.ops.steps < 0) tick();
      const item = iterNext(iterator);
      if (item === null) break;
      result.push(item);
    }
  } catch (error) {
    for (const item of result) decref(item);
    throw error;
  } finally {
    decref(iterator);
  }
  return result;
}

/**
 * PyObject_LengthHint: len() when the type has one (a TypeError from it is ignored), else
 * `__length_hint__()` (NotImplemented → the default), else the default.
 */
export function lengthHint(object: PyObject, defaultValue: number): number {
  const lengthSlot = object.type.length;
  if (lengthSlot !== null) {
    try {
      return lengthSlot(object);
    } catch (error) {
      if (!(error instanceof PyRaise) || !error.exception.type.isSubtypeOf(rt.exc.TypeError)) throw error;
      discardRaise(error);
    }
  }
  const method = lookupSpecial(object, "__length_hint__");
  if (method === null) return defaultValue;
  let result: PyObject;
  try {
    result = callSpecial(object, method, []);
  } catch (error) {
    if (!(error instanceof PyRaise) || !error.exception.type.isSubtypeOf(rt.exc.TypeError)) throw error;
    discardRaise(error);
    return defaultValue;
  }
  try {
    if (result === rt.NotImplemented) return defaultValue;
    if (!(result instanceof PyInt)) throw typeError(`__length_hint__ must be an integer, not ${result.type.name}`);
    const hint = Number(result.value);
    if (hint < 0) throw valueError("__length_hint__() should return >= 0");
    return hint;
  } finally {
    decref(result);
  }
}
