// The list type: slots and methods (append, extend, insert, pop, remove, sort, …).
import type { PyObject } from "../object.js";
import { decref } from "../object.js";
import { rt } from "../state.js";
import type { BuiltinTypeSpec } from "../type-spec.js";
import type { PyType } from "../type.js";
import { CompareOp } from "../slots.js";
import { textSlot, splitArgs } from "../spec-helpers.js";
import { PyList, newList, listDealloc, listTraverse, listClear, resizeCapacity, setBuffer, listAppendStealing, LIST_OBJECT_SIZE } from "./list.js";
import { newNotImplemented, newNone } from "../values.js";
import { typeError, indexError, valueError } from "../errors.js";
import { newInt } from "./int.js";
import { PySlice, sliceIndices } from "./slice.js";
import { indexNumber } from "../abstract/conversions.js";
import { guardedRepr, itemsRepr, compareSequences, collectItems, indexOfItem, countOfItem, containsItem } from "./sequence-helpers.js";
import { newListIterator, newListReverseIterator } from "./iterators.js";
import { richCompareBool } from "../abstract/compare.js";
import { call } from "../abstract/object-protocol.js";
import { isTrue } from "../abstract/truth.js";
import { adoptSubtype } from "./instance.js";
import { reprText } from "../abstract/object-protocol.js";
import { memoryError } from "../errors.js";

function items(self: PyObject): PyObject[] {
  return (self as PyList).items;
}

function listRichCompare(self: PyObject, other: PyObject, op: CompareOp): PyObject {
  if (!(other instanceof PyList)) return newNotImplemented();
  return compareSequences(items(self), other.items, op);
}

function listGetItem(self: PyObject, key: PyObject): PyObject {
  const list = self as PyList;
  if (key instanceof PySlice) {
    const [start, , step, length] = sliceIndices(key, list.items.length);
    const result: PyObject[] = [];
    for (let i = 0, at = start; i < length; i++, at += step) {
      const item = list.items[at]!;
      item.refcount++;
      result.push(item);
    }
    return newList(result);
  }
  if (key.type.index === null) throw typeError(`list indices must be integers or slices, not ${key.type.name}`);
  let index = indexNumber(key);
  if (index < 0) index += list.items.length;
  const item = list.items[index];
  if (index < 0 || item === undefined) throw indexError("list index out of range");
  item.refcount++;
  return item;
}

/** Replaces `list[start:stop]` with `replacement` (owned references), like list_ass_slice. */
function assignSlice(list: PyList, start: number, stop: number, replacement: PyObject[]): void {
  const removed = list.items.splice(start, Math.max(0, stop - start), ...replacement);
  resizeCapacity(list, list.items.length);
  for (const item of removed) decref(item);
}

function listSetItem(self: PyObject, key: PyObject, value: PyObject | null): void {
  const list = self as PyList;
  if (key instanceof PySlice) {
    const [start, stop, step, length] = sliceIndices(key, list.items.length);
    if (value === null) {
      if (step === 1) {
        assignSlice(list, start, Math.max(start, stop), []);
        return;
      }
      const indexes = new Set<number>();
      for (let i = 0, at = start; i < length; i++, at += step) indexes.add(at);
      const removed: PyObject[] = [];
      list.items = list.items.filter((item, index) => {
        if (indexes.has(index)) {
          removed.push(item);
          return false;
        }
        return true;
      });
      resizeCapacity(list, list.items.length);
      for (const item of removed) decref(item);
      return;
    }
    const replacement = collectItems(value);
    if (step === 1) {
      assignSlice(list, start, Math.max(start, stop), replacement);
      return;
    }
    if (replacement.length !== length) {
      for (const item of replacement) decref(item);
      throw valueError(`attempt to assign sequence of size ${replacement.length} to extended slice of size ${length}`);
    }
    const old: PyObject[] = [];
    for (let i = 0, at = start; i < length; i++, at += step) {
      old.push(list.items[at]!);
      list.items[at] = replacement[i]!;
    }
    for (const item of old) decref(item);
    return;
  }
  if (key.type.index === null) throw typeError(`list indices must be integers or slices, not ${key.type.name}`);
  let index = indexNumber(key);
  if (index < 0) index += list.items.length;
  if (index < 0 || index >= list.items.length) throw indexError(value === null ? "list assignment index out of range" : "list assignment index out of range");
  const old = list.items[index]!;
  if (value === null) {
    list.items.splice(index, 1);
    resizeCapacity(list, list.items.length);
  } else {
    value.refcount++;
    list.items[index] = value;
  }
  decref(old);
}

function listConcat(self: PyObject, other: PyObject): PyObject {
  if (!(other instanceof PyList)) throw typeError(`can only concatenate list (not "${other.type.name}") to list`);
  const result = [...items(self), ...other.items];
  for (const item of result) item.refcount++;
  return newList(result);
}

function listRepeat(self: PyObject, count: PyObject): PyObject {
  const times = indexNumber(count);
  const source = items(self);
  if (times <= 0 || source.length === 0) return newList([]);
  if (source.length * times > 50_000_000) throw memoryError();
  const result: PyObject[] = new Array(source.length * times);
  for (let t = 0, at = 0; t < times; t++) for (let i = 0; i < source.length; i++, at++) result[at] = source[i]!;
  for (const item of source) item.refcount += times;
  return newList(result);
}

/** list.extend / += : appends every item of an iterable. */
export function listExtend(self: PyObject, iterable: PyObject): void {
  const list = self as PyList;
  const added = collectItems(iterable);
  if (added.length === 0) return;
  resizeCapacity(list, list.items.length + added.length);
  for (const item of added) list.items.push(item);
}

function listInplaceConcat(self: PyObject, other: PyObject): PyObject {
  listExtend(self, other);
  self.refcount++;
  return self;
}

function listInplaceRepeat(self: PyObject, count: PyObject): PyObject {
  const list = self as PyList;
  const times = indexNumber(count);
  if (times <= 0) {
    listClear(list);
  } else {
    const source = list.items.slice();
    resizeCapacity(list, source.length * times);
    for (let t = 1; t < times; t++) for (const item of source) {
      item.refcount++;
      list.items.push(item);
    }
  }
  self.refcount++;
  return self;
}

function listNew(type: PyType): PyObject {
  const list = newList([]);
  adoptSubtype(list, type);
  return list;
}

function listInit(self: PyObject, args: { values: readonly PyObject[]; kwnames: readonly string[] | null }): void {
  const { positional, keywords } = splitArgs(args);
  if (keywords.size > 0) throw typeError("list() takes no keyword arguments");
  if (positional.length > 1) throw typeError(`list expected at most 1 argument, got ${positional.length}`);
  const list = self as PyList;
  if (list.items.length > 0) listClear(list);
  if (positional.length === 1) {
    const source = positional[0]!;
    const added = collectItems(source);
    // list(iterable) preallocates exactly for sized inputs (list_preallocate_exact, 3.9+).
    if (rt.profile.minor >= 9 && source.type.length !== null) setBuffer(list, added.length);
    else resizeCapacity(list, added.length);
    for (const item of added) list.items.push(item);
  }
}

/** list.sort(key=None, reverse=False): stable, with < via rich comparison. */
function listSort(self: PyObject, args: { values: readonly PyObject[]; kwnames: readonly string[] | null }): PyObject {
  const { positional, keywords } = splitArgs(args);
  if (positional.length > 0) throw typeError("sort() takes no positional arguments");
  const key = keywords.get("key") ?? rt.None;
  const reverse = isTrue(keywords.get("reverse") ?? rt.False);
  const list = self as PyList;
  const original = list.items;
  list.items = [];
  try {
    const keyed = original.map((item) => ({ item, key: key === rt.None ? (item.refcount++, item) : call(key, { values: [item], kwnames: null }) }));
    try {
      const ordered = reverse ? keyed.slice().reverse() : keyed.slice();
      ordered.sort((a, b) => (richCompareBool(a.key, b.key, CompareOp.Lt) ? -1 : richCompareBool(b.key, a.key, CompareOp.Lt) ? 1 : 0));
      if (reverse) ordered.reverse();
      original.splice(0, original.length, ...ordered.map((entry) => entry.item));
    } finally {
      for (const entry of keyed) decref(entry.key);
    }
  } finally {
    const modified = list.items.length > 0;
    const mutated = list.items;
    list.items = original;
    if (modified) {
      for (const item of mutated) decref(item);
      // eslint-disable-next-line no-unsafe-finally
      throw valueError("list modified during sort");
    }
  }
  return newNone();
}

export const LIST_SPEC: BuiltinTypeSpec = {
  name: "list",
  layout: { basicSize: LIST_OBJECT_SIZE, itemSize: 0, gc: true, preHeader: false },
  subclassable: true,
  slots: {
    dealloc: listDealloc,
    traverse: listTraverse,
    clear: listClear,
    repr: textSlot((self) => guardedRepr(self, "[...]", () => `[${itemsRepr(items(self))}]`)),
    richcompare: listRichCompare,
    hash: null,
    length: (self) => items(self).length,
    getitem: listGetItem,
    setitem: listSetItem,
    contains: (self, item) => containsItem(items(self), item),
    concat: listConcat,
    repeat: listRepeat,
    inplaceConcat: listInplaceConcat,
    inplaceRepeat: listInplaceRepeat,
    iter: (self) => newListIterator(self as PyList),
    new_: listNew,
    init: listInit,
  },
  methods: [
    {
      name: "append",
      kind: "one",
      impl: (self, item) => {
        item.refcount++;
        listAppendStealing(self as PyList, item);
        return newNone();
      },
    },
    {
      name: "extend",
      kind: "one",
      impl: (self, iterable) => {
        listExtend(self, iterable);
        return newNone();
      },
    },
    {
      name: "insert",
      kind: "positional",
      impl: (self, args) => {
        if (args.length !== 2) throw typeError(`insert expected 2 arguments, got ${args.length}`);
        const list = self as PyList;
        let index = indexNumber(args[0]!);
        const length = list.items.length;
        if (index < 0) index = Math.max(0, index + length);
        if (index > length) index = length;
        const item = args[1]!;
        item.refcount++;
        resizeCapacity(list, length + 1);
        list.items.splice(index, 0, item);
        return newNone();
      },
    },
    {
      name: "pop",
      kind: "positional",
      impl: (self, args) => {
        if (args.length > 1) throw typeError(`pop expected at most 1 argument, got ${args.length}`);
        const list = self as PyList;
        if (list.items.length === 0) throw indexError("pop from empty list");
        let index = args.length === 0 ? list.items.length - 1 : indexNumber(args[0]!);
        if (index < 0) index += list.items.length;
        if (index < 0 || index >= list.items.length) throw indexError("pop index out of range");
        const [item] = list.items.splice(index, 1);
        resizeCapacity(list, list.items.length);
        return item!;
      },
    },
    {
      name: "remove",
      kind: "one",
      impl: (self, value) => {
        const list = self as PyList;
        const index = indexOfItem(list.items, value, 0, list.items.length);
        if (index < 0) throw valueError(rt.profile.minor >= 13 ? "list.remove(x): x not in list" : "list.remove(x): x not in list");
        const [item] = list.items.splice(index, 1);
        resizeCapacity(list, list.items.length);
        decref(item!);
        return newNone();
      },
    },
    {
      name: "index",
      kind: "positional",
      impl: (self, args) => {
        if (args.length < 1) throw typeError("index expected at least 1 argument, got 0");
        const list = self as PyList;
        const length = list.items.length;
        const clamp = (value: PyObject | undefined, fallback: number): number => {
          if (value === undefined) return fallback;
          let index = indexNumber(value);
          if (index < 0) index = Math.max(0, index + length);
          return Math.min(index, length);
        };
        const found = indexOfItem(list.items, args[0]!, clamp(args[1], 0), clamp(args[2], length));
        if (found < 0) throw valueError(rt.profile.minor >= 13 ? "list.index(x): x not in list" : `${reprText(args[0]!)} is not in list`);
        return newInt(found);
      },
    },
    { name: "count", kind: "one", impl: (self, value) => newInt(countOfItem(items(self), value)) },
    {
      name: "reverse",
      kind: "noargs",
      impl: (self) => {
        items(self).reverse();
        return newNone();
      },
    },
    { name: "sort", kind: "keywords", impl: listSort },
    {
      name: "copy",
      kind: "noargs",
      impl: (self) => {
        const copy = items(self).slice();
        for (const item of copy) item.refcount++;
        return newList(copy);
      },
    },
    {
      name: "clear",
      kind: "noargs",
      impl: (self) => {
        listClear(self);
        return newNone();
      },
    },
    { name: "__reversed__", kind: "noargs", impl: (self) => newListReverseIterator(self as PyList) },
    { name: "__sizeof__", kind: "noargs", impl: (self) => newInt(LIST_OBJECT_SIZE + 8 * (self as PyList).allocated) },
  ],
};
