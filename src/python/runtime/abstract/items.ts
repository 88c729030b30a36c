// Subscription, length and membership (PyObject_GetItem, len(), `in`).
import type { PyObject } from "../object.js";
import { decref } from "../object.js";
import { typeError } from "../errors.js";
import { CompareOp } from "../slots.js";
import { richCompareBool } from "./compare.js";
import { getIter, iterNext } from "./iteration.js";
import { PyType } from "../type.js";
import { rt } from "../state.js";
import { typeLookup } from "./attributes.js";
import { call } from "./object-protocol.js";

export function getItem(container: PyObject, key: PyObject): PyObject {
  const slot = container.type.getitem;
  if (slot !== null) return slot(container, key);
  if (container instanceof PyType) return classGetItem(container, key);
  throw typeError(`'${container.type.name}' object is not subscriptable`);
}

/** type[key]: the class's __class_getitem__ (a classmethod), else the not-subscriptable error. */
function classGetItem(type: PyType, key: PyObject): PyObject {
  // __class_getitem__ (PEP 560) is 3.7+.
  const hook = rt.profile.minor >= 7 ? typeLookup(type, "__class_getitem__") : null;
  if (hook === null) throw typeError(rt.profile.minor >= 11 ? `type '${type.name}' is not subscriptable` : "'type' object is not subscriptable");
  const bound = hook.type.descrGet !== null ? hook.type.descrGet(hook, null, type) : (hook.refcount++, hook);
  try {
    return call(bound, { values: [key], kwnames: null });
  } finally {
    decref(bound);
  }
}

export function setItem(container: PyObject, key: PyObject, value: PyObject): void {
  const slot = container.type.setitem;
  if (slot === null) throw typeError(`'${container.type.name}' object does not support item assignment`);
  slot(container, key, value);
}

export function deleteItem(container: PyObject, key: PyObject): void {
  const slot = container.type.setitem;
  if (slot === null) throw typeError(`'${container.type.name}' object does not support item deletion`);
  slot(container, key, null);
}

/** len(value). */
export function length(value: PyObject): number {
  const slot = value.type.length;
  if (slot === null) throw typeError(`object of type '${value.type.name}' has no len()`);
  return slot(value);
}

/** Membership by iterating and comparing with == (the fallback of `in`). */
export function containsByIteration(container: PyObject, item: PyObject): boolean {
  const iterator = getIter(container);
  try {
    for (;;) {
      const next = iterNext(iterator);
      if (next === null) return false;
      // 3.9+ compare `element == item`; up to 3.8 `item == element` (bpo-37648).
      let equal: boolean;
      try {
        equal = rt.profile.minor >= 9 ? richCompareBool(next, item, CompareOp.Eq) : richCompareBool(item, next, CompareOp.Eq);
      } catch (error) {
        decref(next);
        throw error;
      }
      decref(next);
      if (equal) return true;
    }
  } finally {
    decref(iterator);
  }
}

/** `item in container` (PySequence_Contains): sq_contains, else iteration with ==. */
export function contains(container: PyObject, item: PyObject): boolean {
  const slot = container.type.contains;
  if (slot !== null) return slot(container, item);
  if (container.type.iter === null && container.type.getitem === null) {
    throw typeError(`argument of type '${container.type.name}' is not iterable`);
  }
  return containsByIteration(container, item);
}
