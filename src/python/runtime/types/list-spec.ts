// The list type: slots and methods (append, extend, insert, pop, remove, index, count, sort, …).
import { GENERIC_ALIAS_CLASS_GETITEM } from "../method-def.js";
import type { PyObject } from "../object.js";
import { decref } from "../object.js";
import { rt } from "../state.js";
import type { BuiltinTypeSpec } from "../type-spec.js";
import type { PyType } from "../type.js";
import type { CallArgs } from "../slots.js";
import { CompareOp } from "../slots.js";
import { slotItem, packedEquals, reverseSlots, repackSlot, objectItems } from "./list-packed-ints.js";
import { PyList, newList, listDealloc, listTraverse, listClear, listAppendStealing, preallocateExact, hasItemBuffer, LIST_OBJECT_SIZE, MAX_LIST_LENGTH } from "./list.js";
import { listSlice, listExtend as extendList, listAssignSlice, listInplaceRepeat as inplaceRepeatList, listInsert, listPop, listAssignItem, listDeleteExtended, listAssignExtended, sequenceFast } from "./list-ops.js";
import { sortList } from "./list-sort.js";
import { newNotImplemented, newNone, newBool } from "../values.js";
import { typeError, indexError, valueError, memoryError, PyRaise } from "../errors.js";
import { newInt } from "./int.js";
import { scalarEquals } from "./scalar-equality.js";
import { PySlice, sliceIndices } from "./slice.js";
import { richCompare, richCompareBool } from "../abstract/compare.js";
import { reprText } from "../abstract/object-protocol.js";
import { isTrue } from "../abstract/truth.js";
import { newListIterator, newListReverseIterator } from "./iterators.js";
import { allocateObject, subtypeObjectSize } from "../memory/object-memory.js";
import { gcTrack } from "../gc/tracking.js";
import { adoptSubtype } from "./instance.js";
import { textSlot } from "../spec-helpers.js";
import { refusePartialListing, refusePartialOperands } from "../../modules/partial-listings.js";
import { guardedRepr } from "./sequence-helpers.js";
import { containerRules } from "./container-rules.js";
import { checkPositional, checkConstructorArgs, unexpectedKeyword, subscriptIndex, repeatCount, ssizeArgument, sliceIndexArgument, intFlagArgument } from "./container-arguments.js";

function listOf(self: PyObject): PyList {
  return self as PyList;
}

/**
 * list_repr: `[...]` for a list inside its own repr; items are re-read as reprs may mutate it.
 * A packed int's repr is its value's decimal text (a safe integer's, which String gives).
 */
function listRepr(self: PyObject): string {
  refusePartialListing(self, "the repr");
  const list = listOf(self);
  if (list.storage.length === 0) return "[]";
  return guardedRepr(self, "[...]", () => {
    const parts: string[] = [];
    // Up to 3.13 the item's repr runs on the list's own (borrowed) reference; 3.14 holds one.
    const holdsItem = rt.profile.minor >= 14;
    for (let i = 0; i < list.storage.length; i++) {
      const item = list.storage[i]!;
      if (typeof item === "number") {
        parts.push(String(item));
        continue;
      }
      if (!holdsItem) {
        parts.push(reprText(item));
        continue;
      }
      item.refcount++;
      try {
        parts.push(reprText(item));
      } finally {
        decref(item);
      }
    }
    return `[${parts.join(", ")}]`;
  });
}

/** Whether the list keeps its own references to the items it compares (3.7+; 3.6 borrows them). */
function holdsItems(): boolean {
  return containerRules().list.holdsItemsWhileComparing;
}

/**
 * `==` of the items in slot `index` of two lists when a packed int takes part and the answer
 * needs no object (packedEquals); undefined otherwise.
 */
function packedSlotsEqual(left: PyList, right: PyList, index: number): boolean | undefined {
  const a = left.storage[index]!;
  const b = right.storage[index]!;
  if (typeof a === "number") return typeof b === "number" ? a === b : packedEquals(a, b);
  return typeof b === "number" ? packedEquals(b, a) : undefined;
}

/**
 * The item in slot `index` for a comparison with `value`, or the comparison's answer when the
 * slot holds a packed int that needs no object for it (packedEquals).
 */
function itemOrPackedEquality(list: PyList, index: number, value: PyObject): PyObject | boolean {
  const slot = list.storage[index]!;
  if (typeof slot !== "number") return slot;
  return packedEquals(slot, value) ?? slotItem(list, index);
}

/** list_richcompare: lengths first for ==/!=, then the first differing items. */
function listRichCompare(self: PyObject, other: PyObject, op: CompareOp): PyObject {
  if (!(other instanceof PyList)) return newNotImplemented();
  refusePartialOperands(self, other, "a comparison");
  const left = listOf(self);
  if (left.storage.length !== other.storage.length && (op === CompareOp.Eq || op === CompareOp.Ne)) return newBool(op === CompareOp.Ne);
  let i = 0;
  for (; i < left.storage.length && i < other.storage.length; i++) {
    const packedEqual = packedSlotsEqual(left, other, i);
    if (packedEqual === true) continue;
    if (packedEqual === false) break;
    const a = slotItem(left, i);
    const b = slotItem(other, i);
    if (a === b) continue;
    const held = holdsItems();
    if (held) {
      a.refcount++;
      b.refcount++;
    }
    let equal: boolean;
    try {
      equal = richCompareBool(a, b, CompareOp.Eq);
    } finally {
      if (held) {
        decref(a);
        decref(b);
      }
    }
    if (!equal) break;
  }
  if (i >= left.storage.length || i >= other.storage.length) {
    const sizeA = left.storage.length;
    const sizeB = other.storage.length;
    const outcome = [sizeA < sizeB, sizeA <= sizeB, sizeA === sizeB, sizeA !== sizeB, sizeA > sizeB, sizeA >= sizeB][op]!;
    return newBool(outcome);
  }
  if (op === CompareOp.Eq) return newBool(false);
  if (op === CompareOp.Ne) return newBool(true);
  // The ordering comparison of the first differing items holds them from 3.13 (borrowed before).
  const a = slotItem(left, i);
  const b = slotItem(other, i);
  if (rt.profile.minor <= 12) return richCompare(a, b, op);
  a.refcount++;
  b.refcount++;
  try {
    return richCompare(a, b, op);
  } finally {
    decref(a);
    decref(b);
  }
}

/**
 * list_contains: `==` against each item, re-reading the size (comparisons may mutate). An item
 * whose comparison with `value` runs no code (scalarEquals) is compared without the reference
 * CPython holds on it meanwhile, which nothing could observe.
 */
export function listContains(self: PyObject, value: PyObject): boolean {
  const list = listOf(self);
  const itemFirst = containerRules().list.containsComparesItemFirst;
  for (let i = 0; i < list.storage.length; i++) {
    const item = itemOrPackedEquality(list, i, value);
    if (item === true) return true;
    if (item === false) continue;
    if (item === value) return true;
    const equal = scalarEquals(item, value);
    if (equal !== undefined) {
      if (equal) return true;
      continue;
    }
    const held = holdsItems();
    if (held) item.refcount++;
    try {
      if (itemFirst ? richCompareBool(item, value, CompareOp.Eq) : richCompareBool(value, item, CompareOp.Eq)) return true;
    } finally {
      if (held) decref(item);
    }
  }
  return false;
}

function listSubscript(self: PyObject, key: PyObject): PyObject {
  refusePartialListing(self, "indexing or slicing");
  const list = listOf(self);
  if (key.type.index !== null) {
    let index = subscriptIndex(key);
    if (index < 0) index += list.storage.length;
    if (index < 0 || index >= list.storage.length) throw indexError("list index out of range");
    // Indexing loops (`xs[i]` for each i) leave each int made again behind them, unless it is
    // packed again when the next index comes.
    if (list.indexedSlot !== index) repackSlot(list, list.indexedSlot);
    list.indexedSlot = index;
    const item = slotItem(list, index);
    item.refcount++;
    return item;
  }
  if (key instanceof PySlice) {
    const [start, stop, step, length] = sliceIndices(key, list.storage.length);
    if (length <= 0) return newList([]);
    if (step === 1) return listSlice(list, start, stop);
    const result: PyObject[] = [];
    for (let i = 0, at = start; i < length; i++, at += step) {
      const item = slotItem(list, at);
      item.refcount++;
      result.push(item);
    }
    return newList(result);
  }
  throw typeError(`list indices must be integers or slices, not ${key.type.name}`);
}

/** list_ass_subscript: item and slice assignment and deletion. */
function listAssignSubscript(self: PyObject, key: PyObject, value: PyObject | null): void {
  refusePartialListing(self, "item assignment or deletion");
  const list = listOf(self);
  if (key.type.index !== null) {
    let index = subscriptIndex(key);
    if (index < 0) index += list.storage.length;
    listAssignItem(list, index, value);
    return;
  }
  if (!(key instanceof PySlice)) throw typeError(`list indices must be integers or slices, not ${key.type.name}`);
  const rules = containerRules().list;
  if (value !== null && rules.sliceAssignmentParsesValueFirst) {
    // 3.13: the value becomes a sequence before the indices are adjusted.
    const sequence = value === list ? listSlice(list, 0, list.storage.length) : sequenceFast(value, "must assign iterable to extended slice");
    try {
      assignSliceWith(list, key, sequence);
    } finally {
      decref(sequence);
    }
    return;
  }
  let [start, stop, step, length] = sliceIndices(key, list.storage.length);
  if (step === 1) {
    listAssignSlice(list, start, stop, value);
    return;
  }
  if ((step < 0 && start < stop) || (step > 0 && start > stop)) stop = start;
  if (value === null) {
    listDeleteExtended(list, start, step, length);
    return;
  }
  const sequence = value === list ? listSlice(list, 0, list.storage.length) : sequenceFast(value, "must assign iterable to extended slice");
  try {
    assignExtended(list, start, step, length, sequence.items);
  } finally {
    decref(sequence);
  }
}

function assignSliceWith(list: PyList, key: PySlice, sequence: PyObject & { items: PyObject[] }): void {
  const [start, stop, step, length] = sliceIndices(key, list.storage.length);
  if (step === 1) {
    listAssignSlice(list, start, stop, sequence);
    return;
  }
  assignExtended(list, start, step, length, sequence.items);
}

function assignExtended(list: PyList, start: number, step: number, length: number, items: readonly PyObject[]): void {
  if (items.length !== length) throw valueError(`attempt to assign sequence of size ${items.length} to extended slice of size ${length}`);
  listAssignExtended(list, start, step, items.slice());
}

function listConcat(self: PyObject, other: PyObject): PyObject {
  if (!(other instanceof PyList)) throw typeError(`can only concatenate list (not "${other.type.name}") to list`);
  refusePartialOperands(self, other, "a concatenation");
  const items = [...objectItems(listOf(self)), ...objectItems(other)];
  if (items.length === 0) return newList([]);
  for (const item of items) item.refcount++;
  return newList(items);
}

function listRepeat(self: PyObject, countObject: PyObject): PyObject {
  refusePartialListing(self, "a repetition");
  const times = repeatCount(countObject);
  const source = objectItems(listOf(self));
  if (times <= 0 || source.length === 0) return newList([]);
  if (source.length > MAX_LIST_LENGTH / times) throw memoryError();
  const result: PyObject[] = new Array(source.length * times);
  for (let t = 0, at = 0; t < times; t++) for (let i = 0; i < source.length; i++, at++) result[at] = source[i]!;
  for (const item of source) item.refcount += times;
  return newList(result);
}

/** list.extend / `+=` (LIST_EXTEND goes through here too). */
export function listExtend(self: PyObject, iterable: PyObject): void {
  extendList(listOf(self), iterable);
}

function listInplaceConcat(self: PyObject, other: PyObject): PyObject {
  extendList(listOf(self), other);
  self.refcount++;
  return self;
}

function listInplaceRepeat(self: PyObject, countObject: PyObject): PyObject {
  inplaceRepeatList(listOf(self), repeatCount(countObject));
  self.refcount++;
  return self;
}

/** list.__new__ is PyType_GenericAlloc: a fresh block, never the free list. */
function listNew(type: PyType): PyObject {
  const list = new PyList([]);
  // The header size of the block is the subtype's (allocateObject reads the object's type).
  list.type = type;
  allocateObject(list, subtypeObjectSize(type, LIST_OBJECT_SIZE));
  list.type = rt.types.list;
  rt.gc.countAllocation();
  adoptSubtype(list, type);
  gcTrack(list);
  return list;
}

/** list.__init__(iterable=()): empties the list, then extends it (3.8/3.9 preallocate sized inputs). */
function listInit(self: PyObject, args: CallArgs): void {
  const positional = checkConstructorArgs("list", args, 1);
  const list = listOf(self);
  if (hasItemBuffer(list)) listClear(list);
  if (positional.length === 0) return;
  const iterable = positional[0]!;
  if (containerRules().list.initPreallocatesSized && iterable.type.length !== null) {
    let size = -1;
    try {
      size = iterable.type.length(iterable);
    } catch (error) {
      if (!(error instanceof PyRaise) || !error.exception.type.isSubtypeOf(rt.exc.TypeError)) throw error;
      decref(error.exception);
    }
    if (size > 0 && !hasItemBuffer(list)) preallocateExact(list, size);
  }
  extendList(list, iterable);
}

/** list.sort(*, key=None, reverse=False). */
function listSortMethod(self: PyObject, args: CallArgs): PyObject {
  const kwnames = args.kwnames ?? [];
  const positionalCount = args.values.length - kwnames.length;
  if (rt.profile.minor === 6) {
    if (positionalCount > 0) throw typeError("must use keyword argument for key function");
  } else if (positionalCount > 0) {
    throw typeError("sort() takes no positional arguments");
  }
  let key: PyObject = rt.None;
  let reverse = false;
  kwnames.forEach((name, index) => {
    const value = args.values[positionalCount + index]!;
    if (name === "key") key = value;
    else if (name === "reverse") reverse = intFlagArgument(value, isTrue);
    else unexpectedKeyword("sort", name);
  });
  refusePartialListing(self, "sort()");
  sortList(listOf(self), key === rt.None ? null : key, reverse);
  return newNone();
}

function listIndex(self: PyObject, args: readonly PyObject[]): PyObject {
  checkPositional("index", args, 1, 3);
  refusePartialListing(self, "index()");
  const list = listOf(self);
  const value = args[0]!;
  let start = args[1] === undefined ? 0 : sliceIndexArgument(args[1]);
  let stop = args[2] === undefined ? Number.MAX_SAFE_INTEGER : sliceIndexArgument(args[2]);
  if (start < 0) {
    start += list.storage.length;
    if (start < 0) start = 0;
  }
  if (stop < 0) {
    stop += list.storage.length;
    if (stop < 0) stop = 0;
  }
  for (let i = start; i < stop && i < list.storage.length; i++) {
    const item = itemOrPackedEquality(list, i, value);
    if (item === true) return newInt(i);
    if (item === false) continue;
    if (!holdsItems()) {
      if (richCompareBool(item, value, CompareOp.Eq)) return newInt(i);
      continue;
    }
    item.refcount++;
    try {
      if (richCompareBool(item, value, CompareOp.Eq)) return newInt(i);
    } finally {
      decref(item);
    }
  }
  if (containerRules().messages.listIndexNamesValue) throw valueError(`${reprText(value)} is not in list`);
  throw valueError("list.index(x): x not in list");
}

function listCount(self: PyObject, value: PyObject): PyObject {
  refusePartialListing(self, "count()");
  const list = listOf(self);
  let count = 0;
  for (let i = 0; i < list.storage.length; i++) {
    const item = itemOrPackedEquality(list, i, value);
    if (item === true) {
      count++;
      continue;
    }
    if (item === false) continue;
    if (item === value) {
      count++;
      continue;
    }
    if (!holdsItems()) {
      if (richCompareBool(item, value, CompareOp.Eq)) count++;
      continue;
    }
    item.refcount++;
    try {
      if (richCompareBool(item, value, CompareOp.Eq)) count++;
    } finally {
      decref(item);
    }
  }
  return newInt(count);
}

function listRemove(self: PyObject, value: PyObject): PyObject {
  refusePartialListing(self, "remove()");
  const list = listOf(self);
  for (let i = 0; i < list.storage.length; i++) {
    const item = itemOrPackedEquality(list, i, value);
    let equal: boolean;
    if (typeof item === "boolean") {
      equal = item;
    } else {
      const held = holdsItems();
      if (held) item.refcount++;
      try {
        equal = richCompareBool(item, value, CompareOp.Eq);
      } finally {
        if (held) decref(item);
      }
    }
    if (equal) {
      listAssignSlice(list, i, i + 1, null);
      return newNone();
    }
  }
  throw valueError("list.remove(x): x not in list");
}

export const LIST_SPEC: BuiltinTypeSpec = {
  name: "list",
  layout: { basicSize: LIST_OBJECT_SIZE, itemSize: 0, gc: true, preHeader: false },
  subclassable: true,
  slots: {
    dealloc: listDealloc,
    traverse: listTraverse,
    clear: listClear,
    repr: textSlot(listRepr),
    richcompare: listRichCompare,
    hash: null,
    length: (self) => listOf(self).storage.length,
    getitem: listSubscript,
    setitem: listAssignSubscript,
    contains: listContains,
    concat: listConcat,
    repeat: listRepeat,
    inplaceConcat: listInplaceConcat,
    inplaceRepeat: listInplaceRepeat,
    iter: (self) => newListIterator(listOf(self)),
    new_: listNew,
    init: listInit,
  },
  methods: [
    { name: "__reversed__", kind: "noargs", impl: (self) => newListReverseIterator(listOf(self)) },
    { name: "__sizeof__", kind: "noargs", impl: (self) => newInt(self.type.layout.basicSize + 8 * listOf(self).allocated) },
    {
      name: "clear",
      kind: "noargs",
      impl: (self) => {
        listClear(self);
        return newNone();
      },
    },
    {
      name: "copy",
      kind: "noargs",
      impl: (self) => {
        refusePartialListing(self, "a copy");
        return listSlice(listOf(self), 0, listOf(self).storage.length);
      },
    },
    {
      name: "append",
      kind: "one",
      impl: (self, item) => {
        item.refcount++;
        listAppendStealing(listOf(self), item);
        return newNone();
      },
    },
    {
      name: "insert",
      kind: "positional",
      impl: (self, args) => {
        checkPositional("insert", args, 2, 2);
        refusePartialListing(self, "insert()");
        listInsert(listOf(self), ssizeArgument(args[0]!), args[1]!);
        return newNone();
      },
    },
    {
      name: "extend",
      kind: "one",
      impl: (self, iterable) => {
        extendList(listOf(self), iterable);
        return newNone();
      },
    },
    {
      name: "pop",
      kind: "positional",
      varargsUntil: 6,
      impl: (self, args) => {
        checkPositional("pop", args, 0, 1);
        refusePartialListing(self, "pop()");
        return listPop(listOf(self), args.length === 0 ? -1 : ssizeArgument(args[0]!));
      },
    },
    { name: "remove", kind: "one", impl: listRemove },
    { name: "index", kind: "positional", impl: listIndex, varargsUntil: 6 },
    { name: "count", kind: "one", impl: listCount },
    {
      name: "reverse",
      kind: "noargs",
      impl: (self) => {
        reverseSlots(listOf(self));
        return newNone();
      },
    },
    { name: "sort", kind: "keywords", impl: listSortMethod },
    GENERIC_ALIAS_CLASS_GETITEM,
  ],
};
