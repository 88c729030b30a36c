// Helpers shared by list and tuple: reprs that survive recursion, comparison, iteration to arrays.
import type { PyObject } from "../object.js";
import { decref } from "../object.js";
import { rt } from "../state.js";
import { CompareOp } from "../slots.js";
import { richCompare, richCompareBool } from "../abstract/compare.js";
import { reprText } from "../abstract/object-protocol.js";
import { getIter, iterNext } from "../abstract/iteration.js";
import { newBool } from "../values.js";
import { PyList } from "./list.js";
import { PyTuple } from "./tuple.js";
import { tick } from "../ops/limits.js";

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

export function itemsRepr(items: readonly PyObject[]): string {
  const parts: string[] = [];
  // Items may change while their reprs run; index each time like CPython.
  for (let i = 0; i < items.length; i++) {
    const item = items[i]!;
    item.refcount++;
    try {
      parts.push(reprText(item));
    } finally {
      decref(item);
    }
  }
  return parts.join(", ");
}

/** Lexicographic rich comparison of two item arrays (list_richcompare / tuplerichcompare). */
export function compareSequences(left: readonly PyObject[], right: readonly PyObject[], op: CompareOp): PyObject {
  if ((op === CompareOp.Eq || op === CompareOp.Ne) && left.length !== right.length) return newBool(op === CompareOp.Ne);
  let i = 0;
  for (; i < left.length && i < right.length; i++) {
    const a = left[i]!;
    const b = right[i]!;
    a.refcount++;
    b.refcount++;
    try {
      if (!richCompareBool(a, b, CompareOp.Eq)) break;
    } finally {
      decref(a);
      decref(b);
    }
  }
  if (i >= left.length || i >= right.length) {
    const difference = left.length - right.length;
    switch (op) {
      case CompareOp.Lt:
        return newBool(difference < 0);
      case CompareOp.Le:
        return newBool(difference <= 0);
      case CompareOp.Eq:
        return newBool(difference === 0);
      case CompareOp.Ne:
        return newBool(difference !== 0);
      case CompareOp.Gt:
        return newBool(difference > 0);
      case CompareOp.Ge:
        return newBool(difference >= 0);
    }
  }
  if (op === CompareOp.Eq) return newBool(false);
  if (op === CompareOp.Ne) return newBool(true);
  return richCompare(left[i]!, right[i]!, op);
}

/** All items of an iterable as owned references (fast paths for lists and tuples). */
export function collectItems(iterable: PyObject): PyObject[] {
  if (iterable instanceof PyList || iterable instanceof PyTuple) {
    const items = iterable.items.slice();
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

/** The index of `item` in `items` between bounds, by ==, or -1. */
export function indexOfItem(items: readonly PyObject[], item: PyObject, start: number, stop: number): number {
  for (let i = start; i < stop && i < items.length; i++) {
    const candidate = items[i]!;
    if (candidate === item) return i;
    candidate.refcount++;
    try {
      if (richCompareBool(candidate, item, CompareOp.Eq)) return i;
    } finally {
      decref(candidate);
    }
  }
  return -1;
}

export function countOfItem(items: readonly PyObject[], item: PyObject): number {
  let count = 0;
  for (let i = 0; i < items.length; i++) {
    const candidate = items[i]!;
    if (candidate === item) {
      count++;
      continue;
    }
    candidate.refcount++;
    try {
      if (richCompareBool(candidate, item, CompareOp.Eq)) count++;
    } finally {
      decref(candidate);
    }
  }
  return count;
}

/** The `in` test on an item array (list_contains / tuplecontains). */
export function containsItem(items: readonly PyObject[], item: PyObject): boolean {
  for (let i = 0; i < items.length; i++) {
    const candidate = items[i]!;
    if (candidate === item) return true;
    // Fast path for str items: equal text means equal without dispatch.
    if (candidate.type === item.type && candidate.type === rt.types.str) {
      if ((candidate as unknown as { value: string }).value === (item as unknown as { value: string }).value) return true;
      continue;
    }
    candidate.refcount++;
    try {
      if (richCompareBool(candidate, item, CompareOp.Eq)) return true;
    } finally {
      decref(candidate);
    }
  }
  return false;
}
