// list objects: items, CPython's over-allocation (for sys.getsizeof), the free list, dealloc.
import { PyObject } from "../object.js";
import { rt } from "../state.js";
import { allocateObject, freeObjectMemory } from "../memory/object-memory.js";
import { gcTrack, gcUntrack } from "../gc/tracking.js";
import { pyError } from "../errors.js";

/** A stand-in occupant for a list's item buffer in the allocator (memory reads show 0 there). */
class ItemBuffer {
  constructor(readonly owner: PyList) {}
}

export class PyList extends PyObject {
  /** Owned references; `items.length` is ob_size. */
  items: PyObject[];
  /** ob_allocated: the capacity CPython would have (drives sys.getsizeof). */
  allocated: number;
  /** Address of the item buffer (0 when none), allocated like PyMem_Malloc would. */
  bufferAddress: number;

  constructor(items: PyObject[]) {
    super(rt.types.list);
    this.items = items;
    this.allocated = 0;
    this.bufferAddress = 0;
  }
}

/** PyListObject without items: 40 bytes on 64-bit. */
export const LIST_OBJECT_SIZE = 40;
/** Lists larger than this are refused with MemoryError (the simulator's memory cap). */
const MAX_LIST_LENGTH = 50_000_000;

/** PyList_New(0)-style empty list: from the free list when possible. New reference. */
export function newList(items: PyObject[] = []): PyList {
  const list = new PyList(items);
  if (!rt.freeLists.list.reuse(list, LIST_OBJECT_SIZE)) {
    allocateObject(list, LIST_OBJECT_SIZE);
    rt.gc.countAllocation();
  }
  if (items.length > 0) setBuffer(list, items.length);
  gcTrack(list);
  return list;
}

/** A list holding `items` exactly (PyList_New(n) then filled): steals the references. */
export function newListStealing(items: PyObject[]): PyList {
  return newList(items);
}

/**
 * list_resize: the capacity CPython reaches when the size becomes `newSize`. Over-allocation
 * differs by version (3.6–3.8 vs 3.9+); shrinking below half the capacity reallocates.
 */
export function resizeCapacity(list: PyList, newSize: number): void {
  if (newSize > MAX_LIST_LENGTH) throw pyError(rt.exc.MemoryError, "");
  const allocated = list.allocated;
  if (allocated >= newSize && newSize >= allocated >> 1) return;
  let capacity: number;
  if (newSize === 0) {
    capacity = 0;
  } else if (rt.profile.minor >= 9) {
    capacity = (newSize + (newSize >> 3) + 6) & ~3;
    if (newSize - list.items.length > capacity - newSize) capacity = (newSize + 3) & ~3;
  } else {
    capacity = newSize + (newSize >> 3) + (newSize < 9 ? 3 : 6);
  }
  setBuffer(list, capacity);
}

/** Sets the capacity exactly (PyList_New(n), list_preallocate_exact), reallocating the buffer. */
export function setBuffer(list: PyList, capacity: number): void {
  if (list.bufferAddress !== 0) rt.allocator.free(list.bufferAddress, 0, list.allocated * 8);
  list.bufferAddress = capacity === 0 ? 0 : rt.allocator.allocate(capacity * 8, 0, new ItemBuffer(list));
  list.allocated = capacity;
}

export function listDealloc(self: PyObject): void {
  const list = self as PyList;
  gcUntrack(list);
  const items = list.items;
  for (let i = items.length - 1; i >= 0; i--) {
    const item = items[i]!;
    if (--item.refcount === 0) item.type.dealloc(item);
  }
  list.items = [];
  setBuffer(list, 0);
  if (list.type !== rt.types.list || !rt.freeLists.list.park(list, LIST_OBJECT_SIZE)) {
    freeObjectMemory(list, LIST_OBJECT_SIZE);
    rt.gc.countDeallocation();
  }
}

export function listTraverse(self: PyObject, visit: (child: PyObject) => void): void {
  const items = (self as PyList).items;
  for (let i = 0; i < items.length; i++) visit(items[i]!);
}

/** tp_clear: empties the list (used by the collector to break cycles). */
export function listClear(self: PyObject): void {
  const list = self as PyList;
  const items = list.items;
  list.items = [];
  setBuffer(list, 0);
  for (let i = items.length - 1; i >= 0; i--) {
    const item = items[i]!;
    if (--item.refcount === 0) item.type.dealloc(item);
  }
}

/** Appends (steals the reference to `item`), growing the capacity as list.append does. */
export function listAppendStealing(list: PyList, item: PyObject): void {
  const size = list.items.length;
  if (size === list.allocated) resizeCapacity(list, size + 1);
  list.items.push(item);
}
