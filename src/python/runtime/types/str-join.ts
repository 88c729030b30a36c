// str.join (PyUnicode_Join): one exact str item is returned itself; the rest is a new str.
import type { PyObject } from "../object.js";
import { decref } from "../object.js";
import { rt } from "../state.js";
import { typeError, PyRaise, raisedIs, discardRaise } from "../errors.js";
import { PyStr, newStr } from "./str.js";
import { PyList } from "./list.js";
import { PyTuple } from "./tuple.js";
import { getIter } from "../abstract/iteration.js";
import { collectItems } from "./sequence-helpers.js";
import { freshStr } from "./str-text.js";

/** PySequence_Fast(iterable, "can only join an iterable"): the items as new references. */
export function itemsOf(iterable: PyObject): PyObject[] {
  if (iterable instanceof PyList || iterable instanceof PyTuple) return collectItems(iterable);
  let iterator: PyObject;
  try {
    iterator = getIter(iterable);
  } catch (error) {
    if (error instanceof PyRaise && raisedIs(error, rt.exc.TypeError)) {
      discardRaise(error);
      throw typeError("can only join an iterable");
    }
    throw error;
  }
  try {
    return collectItems(iterator);
  } finally {
    decref(iterator);
  }
}

/** separator.join(iterable): a new reference. */
export function joinStrings(separator: PyStr, iterable: PyObject): PyObject {
  const items = itemsOf(iterable);
  try {
    if (items.length === 0) return newStr("");
    if (items.length === 1 && items[0]!.type === rt.types.str) {
      items[0]!.refcount++;
      return items[0]!;
    }
    const parts: string[] = [];
    for (const [index, item] of items.entries()) {
      if (!(item instanceof PyStr)) throw typeError(`sequence item ${index}: expected str instance, ${item.type.name} found`);
      parts.push(item.value);
    }
    return freshStr(parts.join(items.length === 1 ? "" : separator.value));
  } finally {
    for (const item of items) decref(item);
  }
}
