// tuple objects: storage, the per-length free lists, the empty-tuple singleton, PySequence_Tuple and _PyTuple_Resize.
import { PyObject } from "../object.js";
import { decref } from "../object.js";
import { rt } from "../state.js";
import type { PyType } from "../type.js";
import { allocateObject, freeObjectMemory, headerBytesOf, subtypeObjectSize } from "../memory/object-memory.js";
import { gcTrack, gcUntrack, isTracked, trackedSlot, untrackSlot, NO_SLOT } from "../gc/tracking.js";
import { memoryError } from "../errors.js";
import { getIter, iterNext } from "../abstract/iteration.js";
import { tick } from "../ops/limits.js";
import type { PyList } from "./list.js";
import { objectItems } from "./list-packed-ints.js";
import { refusePartialListing } from "../../modules/partial-listings.js";

export class PyTuple extends PyObject {
  /**
   * Owned references. Never changed once the tuple is visible to Python code (a reused
   * JavaScript object gets a new array; the dead tuple's array is left as it was).
   */
  items: PyObject[];

  constructor(items: PyObject[]) {
    super(rt.types.tuple);
    this.items = items;
  }
}

/**
 * Dead exact tuples kept for their JavaScript objects: argument tuples are made and freed on
 * every call of a class. The simulated address always comes from the allocator or the free
 * list, so nothing Python can see tells the difference.
 */
const SPARE_TUPLE_LIMIT = 256;

/** Tuples longer than this are refused with MemoryError (the simulator's memory cap). */
const MAX_TUPLE_LENGTH = 50_000_000;

/** sys.getsizeof of a tuple of `length` items (without the GC header). */
export function tupleObjectSize(length: number): number {
  return 24 + 8 * length;
}

/** The object size of a tuple of `type`: a class's instances come from PyType_GenericAlloc, which sizes one item more. */
export function tupleInstanceSize(type: PyType, length: number): number {
  return type.heapType ? subtypeObjectSize(type, tupleObjectSize(length + 1)) : tupleObjectSize(length);
}

/**
 * PyTuple_New(n) filled with `items` (steals every reference). The empty tuple is the shared
 * singleton. New tuples of 1..19 items reuse free-list slots (LIFO per length).
 */
export function newTupleStealing(items: PyObject[]): PyTuple {
  const length = items.length;
  if (length === 0) {
    rt.emptyTuple.refcount++;
    return rt.emptyTuple;
  }
  if (length > MAX_TUPLE_LENGTH) throw memoryError();
  const spare = rt.spareTuples;
  let tuple: PyTuple;
  if (spare.length > 0) {
    tuple = spare.pop()!;
    tuple.refcount = 1;
    tuple.items = items;
  } else {
    tuple = new PyTuple(items);
  }
  const size = tupleObjectSize(length);
  const freeList = length < rt.freeLists.tuple.length ? rt.freeLists.tuple[length] : undefined;
  if (freeList === undefined || !freeList.reuse(tuple, size)) {
    allocateObject(tuple, size);
    rt.gc.countAllocation();
  }
  if (tuple.gcSlot < 0) tuple.gcSlot = trackedSlot(tuple);
  return tuple;
}

/** A tuple of the given items (borrowed; each is increfed). */
export function newTuple(items: readonly PyObject[]): PyTuple {
  for (let i = 0; i < items.length; i++) items[i]!.refcount++;
  return newTupleStealing(items.slice());
}

export function tupleDealloc(self: PyObject): void {
  const tuple = self as PyTuple;
  const slot = tuple.gcSlot;
  if (slot >= 0) {
    untrackSlot(slot);
    tuple.gcSlot = NO_SLOT;
  }
  // CPython drops the items (last first) before the tuple's own memory goes back.
  const items = tuple.items;
  const length = items.length;
  for (let i = length - 1; i >= 0; i--) {
    // A tuple dropped while being filled has empty (NULL) slots.
    const item = items[i];
    if (item !== undefined && --item.refcount === 0) item.type.dealloc(item);
  }
  const size = tupleInstanceSize(tuple.type, length);
  const freeList = tuple.type === rt.types.tuple && length > 0 && length < rt.freeLists.tuple.length ? rt.freeLists.tuple[length] : undefined;
  if (freeList === undefined || !freeList.park(tuple, size)) {
    freeObjectMemory(tuple, size);
    rt.gc.countDeallocation();
  }
  // Exact tuples take no weak references and no attributes, so nothing else can hold a dead one.
  if (tuple.type === rt.types.tuple && rt.spareTuples.length < SPARE_TUPLE_LIMIT) rt.spareTuples.push(tuple);
}

export function tupleTraverse(self: PyObject, visit: (child: PyObject) => void): void {
  const items = (self as PyTuple).items;
  for (let i = items.length - 1; i >= 0; i--) {
    const item = items[i];
    if (item !== undefined) visit(item);
  }
}

/** pymalloc serves requests up to this many bytes. */
const SMALL_REQUEST_LIMIT = 512;

/**
 * PyObject_Realloc of an object's block from `oldSize` to `newSize` bytes (object sizes, the
 * header is added here): a pymalloc block stays when the new size fits its size class and is
 * more than three quarters of it; otherwise the object moves to a new block and the old block
 * is freed.
 */
export function reallocateObject(object: PyObject, oldSize: number, newSize: number): void {
  const header = headerBytesOf(object.type);
  const oldBytes = oldSize + header;
  const newBytes = newSize + header;
  if (oldBytes <= SMALL_REQUEST_LIMIT) {
    const alignment = rt.profile.pymallocAlignment;
    const blockSize = Math.ceil(oldBytes / alignment) * alignment;
    if (newBytes <= blockSize && 4 * newBytes > 3 * blockSize) return;
  } else if (newBytes > SMALL_REQUEST_LIMIT && Math.ceil((newBytes + 16) / 16) === Math.ceil((oldBytes + 16) / 16)) {
    return;
  }
  const oldAddress = object.address;
  object.address = rt.allocator.allocate(newBytes, header, object);
  rt.allocator.free(oldAddress, header, oldBytes);
}

/**
 * _PyTuple_Resize on a tuple nobody else sees yet; returns the tuple to use afterwards (a
 * resized empty tuple is replaced; 3.11+ shrinking to nothing gives the singleton).
 */
export function resizeTuple(tuple: PyTuple, newSize: number): PyTuple {
  const oldSize = tuple.items.length;
  if (oldSize === newSize) return tuple;
  if (oldSize === 0) {
    decref(tuple);
    return newTupleStealing(new Array<PyObject>(newSize));
  }
  if (newSize === 0 && rt.profile.minor >= 11) {
    decref(tuple);
    return newTupleStealing([]);
  }
  const tracked = isTracked(tuple);
  if (tracked) gcUntrack(tuple);
  for (let i = oldSize - 1; i >= newSize; i--) {
    const item = tuple.items[i];
    tuple.items.length = i;
    if (item !== undefined) decref(item);
  }
  tuple.items.length = newSize;
  reallocateObject(tuple, tupleObjectSize(oldSize), tupleObjectSize(newSize));
  gcTrack(tuple);
  return tuple;
}

/**
 * PySequence_Tuple: a tuple itself, a list's items, or an iterator drained into a tuple that
 * starts at the length hint (default 10) and grows by `n + 10 + (n + 10) / 4`.
 */
export function tupleFromIterable(iterable: PyObject, lengthHint: (object: PyObject, fallback: number) => number): PyTuple {
  refusePartialListing(iterable, "a tuple");
  if (iterable.type === rt.types.tuple) {
    iterable.refcount++;
    return iterable as PyTuple;
  }
  // A list's packed ints are made again (list-packed-ints.ts), the list still packing.
  if (iterable.type === rt.types.list) return newTuple(objectItems(iterable as PyList));
  const iterator = getIter(iterable);
  let result: PyTuple | null = null;
  try {
    let capacity = lengthHint(iterable, 10);
    result = newTupleStealing(new Array<PyObject>(capacity));
    let count = 0;
    for (;; ++count) {
      if (--rt.ops.steps < 0) tick();
      const item = iterNext(iterator);
      if (item === null) break;
      if (count >= capacity) {
        capacity += 10;
        capacity += capacity >> 2;
        if (capacity > MAX_TUPLE_LENGTH) {
          decref(item);
          throw memoryError();
        }
        result = resizeTuple(result, capacity);
      }
      result.items[count] = item;
    }
    if (count < capacity) result = resizeTuple(result, count);
    const done = result;
    result = null;
    return done;
  } finally {
    if (result !== null) decref(result);
    decref(iterator);
  }
}
