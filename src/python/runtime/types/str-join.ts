// str.join (PyUnicode_Join): one exact str item is returned itself; the rest is a new str.
import type { PyObject } from "../object.js";
import { decref } from "../object.js";
import { rt } from "../state.js";
import { typeError, PyRaise, raisedIs, discardRaise } from "../errors.js";
import { PyStr, newStr, newLatin1StrObject } from "./str.js";
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

/**
 * separator.join(iterable): a new reference. A list or tuple is read in place, as
 * PySequence_Fast hands back the sequence itself: nothing here runs Python code, so no item
 * can go away while it is read, and the items' counts are left alone as CPython leaves them.
 */
export function joinStrings(separator: PyStr, iterable: PyObject): PyObject {
  if (iterable instanceof PyList || iterable instanceof PyTuple) return joinItems(separator, iterable.items);
  const items = itemsOf(iterable);
  try {
    return joinItems(separator, items);
  } finally {
    for (let i = 0; i < items.length; i++) decref(items[i]!);
  }
}

/** PyUnicode_Join over borrowed items: one exact str item is returned itself. */
function joinItems(separator: PyStr, items: readonly PyObject[]): PyObject {
  const count = items.length;
  if (count === 0) return newStr("");
  if (count === 1 && items[0]!.type === rt.types.str) {
    items[0]!.refcount++;
    return items[0]!;
  }
  const parts: string[] = [];
  // The widest part decides the result's storage width; all kind 1 means no rescan is needed.
  // Wider parts take the scanning path (surrogates can pair up across a boundary in JS text).
  let allLatin1 = count === 1 || separator.kind === 1;
  for (let index = 0; index < count; index++) {
    const item = items[index]!;
    if (!(item instanceof PyStr)) throw typeError(`sequence item ${index}: expected str instance, ${item.type.name} found`);
    if (item.kind !== 1) allLatin1 = false;
    parts.push(item.value);
  }
  const text = parts.join(count === 1 ? "" : separator.value);
  return allLatin1 && text.length > 0 ? newLatin1StrObject(text) : freshStr(text);
}
