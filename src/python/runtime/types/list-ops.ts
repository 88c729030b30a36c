// The list operations of listobject.c with their allocation behaviour: extend, slice assignment, insert, pop, repeat.
import type { PyObject } from "../object.js";
import { decref } from "../object.js";
import { rt } from "../state.js";
import { PyRaise, typeError, indexError } from "../errors.js";
import { getIter, iterNext } from "../abstract/iteration.js";
import { tick } from "../ops/limits.js";
import { slotItem, packSlot, offsetsWithRoom, spliceSlots, repackSlot, objectItems } from "./list-packed-ints.js";
import { PyList, newList, listResize, preallocateExact, hasItemBuffer, listClear, packingFrom, MAX_LIST_LENGTH, PACK_FROM } from "./list.js";
import { PyTuple, newTuple } from "./tuple.js";
import { PySet } from "./set.js";
import { PyDict, dictForEach } from "./dict.js";
import type { PyDictView } from "./dict-views.js";
import { lengthHint } from "./sequence-helpers.js";
import { containerRules } from "./container-rules.js";
import { memoryError, Unsupported } from "../errors.js";
import { refusePartialListing } from "../../modules/partial-listings.js";

/** Temporary PyMem blocks CPython takes while moving items (recycle/garbage arrays). */
function withScratch<T>(bytes: number, body: () => T): T {
  const address = bytes > 0 ? rt.allocator.allocate(bytes, 0, SCRATCH) : 0;
  try {
    return body();
  } finally {
    if (address !== 0) rt.allocator.free(address, 0, bytes);
  }
}
const SCRATCH = Object.freeze({ scratch: true });

/** list_slice: a new list of a[low:high] (indices already clipped), capacity exact. */
export function listSlice(list: PyList, low: number, high: number): PyList {
  const length = high - low;
  if (length <= 0) return newList([]);
  if (list.packedOffsets === null) {
    const copied = list.items.slice(low, high);
    for (const item of copied) item.refcount++;
    return newList(copied);
  }
  const items: PyObject[] = [];
  for (let i = low; i < high; i++) {
    const item = slotItem(list, i);
    item.refcount++;
    items.push(item);
  }
  return newList(items);
}

/** PySequence_List(iterable): a new list extended by the iterable (over-allocates like extend). */
export function sequenceToList(iterable: PyObject): PyList {
  const list = newList([]);
  try {
    listExtend(list, iterable);
  } catch (error) {
    decref(list);
    throw error;
  }
  return list;
}

/**
 * PySequence_Fast: an exact list or tuple itself (new reference), else a list of the items of
 * `value`'s iterator; a non-iterable raises TypeError(`message`).
 */
export function sequenceFast(value: PyObject, message: string): PyList | PyTuple {
  refusePartialListing(value, "the items in order");
  if (value.type === rt.types.list || value.type === rt.types.tuple) {
    value.refcount++;
    return value as PyList | PyTuple;
  }
  let iterator: PyObject;
  try {
    iterator = getIter(value);
  } catch (error) {
    if (error instanceof PyRaise && error.exception.type.isSubtypeOf(rt.exc.TypeError)) {
      decref(error.exception);
      throw typeError(message);
    }
    throw error;
  }
  try {
    return sequenceToList(iterator);
  } finally {
    decref(iterator);
  }
}

/** list.extend / `+=` / LIST_EXTEND / list(iterable): list_extend of each version. */
export function listExtend(list: PyList, iterable: PyObject): void {
  refusePartialListing(iterable, "a list");
  const rules = containerRules().list;
  const type = iterable.type;
  if (type === rt.types.list || type === rt.types.tuple || iterable === list) {
    extendFast(list, type === rt.types.tuple ? (iterable as PyTuple).items.slice() : objectItems(iterable as PyList).slice());
    return;
  }
  if (rules.extendFromSetsAndDicts && (type === rt.types.set || type === rt.types.frozenset || type === rt.types.dict || type === rt.types.dict_keys || type === rt.types.dict_values || type === rt.types.dict_items)) {
    extendAllAtOnce(list, iterable);
    return;
  }
  extendByIteration(list, iterable);
}

/**
 * The list/tuple path: one resize (or, 3.10+, an exact preallocation into an empty list). The
 * list's own packed ints stay packed: the items it gains are shared, never packed.
 */
function extendFast(list: PyList, source: PyObject[]): void {
  const count = source.length;
  if (count === 0) return;
  const storage = list.storage;
  if (storage.length + count > MAX_LIST_LENGTH) throw memoryError();
  if (!hasItemBuffer(list) && containerRules().list.extendPreallocatesEmpty) preallocateExact(list, count);
  else listResize(list, storage.length + count);
  for (const item of source) {
    item.refcount++;
    storage.push(item);
  }
  keepOffsetsRoom(list);
}

/** Room in a packing list's offsets table for every slot (offsetsWithRoom), after it grew. */
function keepOffsetsRoom(list: PyList): void {
  const offsets = list.packedOffsets;
  if (offsets !== null) offsetsWithRoom(list, offsets, list.storage.length - 1);
}

/**
 * 3.13+ list_extend_set / list_extend_dict / list_extend_dictitems: list_resize(m + n), then
 * the table walked in place (no iterator object); items views pack a tuple per entry.
 */
function extendAllAtOnce(list: PyList, iterable: PyObject): void {
  const type = iterable.type;
  if (type === rt.types.set || type === rt.types.frozenset) {
    const keys = (iterable as PySet).table.keys();
    listResize(list, list.storage.length + keys.length);
    for (const key of keys) {
      key.refcount++;
      list.storage.push(key);
    }
    keepOffsetsRoom(list);
    return;
  }
  const view = type === rt.types.dict ? null : (iterable as PyDictView);
  const dict = view === null ? (iterable as PyDict) : view.dict;
  const kind = view === null ? "keys" : view.kind;
  const entries: [PyObject, PyObject][] = [];
  dictForEach(dict, (key, value) => void entries.push([key, value]));
  listResize(list, list.storage.length + entries.length);
  for (const [key, value] of entries) {
    if (kind === "items") {
      list.storage.push(newTuple([key, value]));
      continue;
    }
    const item = kind === "keys" ? key : value;
    item.refcount++;
    list.storage.push(item);
  }
  keepOffsetsRoom(list);
}

/**
 * The general path: room for the length hint (default 8), appends, then a cut back. An exact
 * list packs the ints only it refers to from its PACK_FROM-th item on, as appends do
 * (list(range(n)), list(map(...))); the item just stored is packable at once, since the
 * iterator's reference became the list's.
 */
function extendByIteration(list: PyList, iterable: PyObject): void {
  const iterator = getIter(iterable);
  try {
    const hint = lengthHint(iterable, 8);
    const size = list.storage.length;
    if (size + hint <= MAX_LIST_LENGTH) {
      if (!hasItemBuffer(list) && containerRules().list.extendPreallocatesEmpty) {
        if (hint > 0) preallocateExact(list, hint);
      } else {
        listResize(list, size + hint);
      }
    }
    for (;;) {
      if (--rt.ops.steps < 0) tick();
      const item = iterNext(iterator);
      if (item === null) break;
      // Re-read: the iteration may have run code that replaced or unpacked the storage.
      const storage = list.storage;
      const index = storage.length;
      if (index >= list.allocated) {
        try {
          listResize(list, index + 1);
        } catch (error) {
          decref(item);
          throw error;
        }
      }
      let offsets = list.packedOffsets;
      if (offsets === null && index === PACK_FROM) offsets = packingFrom(list, item);
      storage.push(item);
      if (offsets !== null) packSlot(list, offsetsWithRoom(list, offsets, index), index);
    }
    if (list.storage.length < list.allocated) listResize(list, list.storage.length);
  } finally {
    decref(iterator);
  }
}

/**
 * list_ass_slice: a[low:high] = replacement (null deletes). Items that leave are released
 * last-first after the list is consistent again. 3.13 parses the value before this point.
 */
export function listAssignSlice(list: PyList, low: number, high: number, value: PyObject | null): void {
  if (value !== null && value === list) {
    const copy = listSlice(list, 0, list.items.length);
    try {
      listAssignSlice(list, low, high, copy);
    } finally {
      decref(copy);
    }
    return;
  }
  const sequence = value === null ? null : sequenceFast(value, "can only assign an iterable");
  const replacement = sequence === null ? [] : sequence.items.slice();
  const size = list.storage.length;
  if (low < 0) low = 0;
  else if (low > size) low = size;
  if (high < low) high = low;
  else if (high > size) high = size;
  const removedCount = high - low;
  const delta = replacement.length - removedCount;
  if (size + delta === 0) {
    if (sequence !== null) decref(sequence);
    listClear(list);
    return;
  }
  try {
    withScratch(removedCount > 8 ? removedCount * 8 : 0, () => {
      if (delta < 0) listResize(list, size + delta);
      else if (delta > 0) listResize(list, size + delta);
      for (const item of replacement) item.refcount++;
      const removed = spliceSlots(list, low, removedCount, replacement);
      for (let k = removed.length - 1; k >= 0; k--) decref(removed[k]!);
    });
  } finally {
    if (sequence !== null) decref(sequence);
  }
}

/** list_inplace_repeat: `l *= n`. */
export function listInplaceRepeat(list: PyList, times: number): void {
  const size = list.items.length;
  if (size === 0 || times === 1) return;
  if (times < 1) {
    listClear(list);
    return;
  }
  if (size > MAX_LIST_LENGTH / times) throw memoryError();
  listResize(list, size * times);
  const source = list.items.slice(0, size);
  for (const item of source) item.refcount += times - 1;
  for (let t = 1; t < times; t++) for (let i = 0; i < size; i++) list.items.push(source[i]!);
}

/** ins1: list.insert(where, item) (item borrowed). */
export function listInsert(list: PyList, where: number, item: PyObject): void {
  const size = list.storage.length;
  listResize(list, size + 1);
  if (where < 0) {
    where += size;
    if (where < 0) where = 0;
  }
  if (where > size) where = size;
  item.refcount++;
  spliceSlots(list, where, 0, [item]);
}

/** list.pop(index): the item (the list's reference moves to the caller; a packed int made again). */
export function listPop(list: PyList, index: number): PyObject {
  const size = list.storage.length;
  if (size === 0) throw indexError("pop from empty list");
  if (index < 0) index += size;
  if (index < 0 || index >= size) throw indexError("pop index out of range");
  const item = slotItem(list, index);
  if (size === 1 && containerRules().list.popToEmptyClears) {
    // The extra reference survives list_clear and becomes the caller's.
    item.refcount++;
    listClear(list);
    return item;
  }
  listResize(list, size - 1);
  if (index === size - 1) list.storage.pop();
  else spliceSlots(list, index, 1, []);
  return item;
}

/** list_ass_item: l[i] = value, or del l[i] when value is null (index already normalised). */
export function listAssignItem(list: PyList, index: number, value: PyObject | null): void {
  if (index < 0 || index >= list.storage.length) throw indexError("list assignment index out of range");
  if (value === null) {
    if (containerRules().list.deleteItemResizes) {
      listAssignSlice(list, index, index + 1, null);
      return;
    }
    const [old] = spliceSlots(list, index, 1, []);
    decref(old!);
    return;
  }
  if (list.indexedSlot !== index) repackSlot(list, list.indexedSlot);
  list.indexedSlot = index;
  const old = slotItem(list, index);
  value.refcount++;
  list.storage[index] = value;
  decref(old);
}

/** Extended-slice deletion (step != 1): items shift down, one resize, the garbage in order. */
export function listDeleteExtended(list: PyList, start: number, step: number, count: number): void {
  if (count <= 0) return;
  if (step < 0) {
    const stop = start + 1;
    start = stop + step * (count - 1) - 1;
    step = -step;
  }
  withScratch(count * 8, () => {
    const garbage: PyObject[] = [];
    const kept: PyObject[] = [];
    const items = list.items;
    for (let i = 0; i < items.length; i++) {
      if (i >= start && (i - start) % step === 0 && garbage.length < count) garbage.push(items[i]!);
      else kept.push(items[i]!);
    }
    list.items = kept;
    listResize(list, kept.length);
    for (const item of garbage) decref(item);
  });
}

/** Extended-slice assignment (step != 1) of exactly `count` items from `sequence`. */
export function listAssignExtended(list: PyList, start: number, step: number, replacement: readonly PyObject[]): void {
  const count = replacement.length;
  if (count === 0) return;
  const last = start + step * (count - 1);
  if (start >= list.items.length || last >= list.items.length || last < 0) {
    // Only reachable when iterating the value shrank the list (CPython then writes out of bounds).
    throw new Unsupported("an extended slice assignment whose value shrank the list while it was read");
  }
  withScratch(count * 8, () => {
    const garbage: PyObject[] = [];
    for (let i = 0, at = start; i < count; i++, at += step) {
      garbage.push(list.items[at]!);
      const item = replacement[i]!;
      item.refcount++;
      list.items[at] = item;
    }
    for (const item of garbage) decref(item);
  });
}

