// list objects: items, the item buffer as CPython allocates it (list_resize, preallocation), the free list, dealloc.
import { PyObject } from "../object.js";
import { rt } from "../state.js";
import { allocateObject, freeObjectMemory, subtypeObjectSize } from "../memory/object-memory.js";
import { gcTrack, gcUntrack } from "../gc/tracking.js";
import { memoryError } from "../errors.js";
import { containerRules } from "./container-rules.js";
import type { PackedHolder } from "../memory/allocator.js";
import { type ListSlot, startPacking, packSlot, offsetsWithRoom, unpackList, stopPacking, releasePackedSlots, slotItem } from "./list-packed-ints.js";

/** A stand-in occupant for a list's item buffer in the allocator (memory reads show 0 there). */
class ItemBuffer {
  constructor(readonly owner: PyList) {}
}

/** pymalloc serves requests up to this many bytes; larger ones come from the system malloc. */
const SMALL_REQUEST_LIMIT = 512;
/**
 * `bufferAddress` of a buffer that lives in the system heap but is too small for the large-block
 * model (what `PyMem_Realloc(p, 0)` returns, and what such a block grows into while it stays at
 * most 512 bytes). It is not NULL: `ob_item != NULL` checks see a buffer.
 */
const SYSTEM_BLOCK = -1;

export class PyList extends PyObject implements PackedHolder {
  /**
   * ob_item[0:ob_size]: owned references; its length is ob_size. While `packedOffsets` is not
   * null, a slot may hold a packed int's value instead (list-packed-ints.ts): read `items`
   * unless the code handles those.
   */
  storage: ListSlot[];
  /** The arena offsets of the packed ints' blocks by slot, while the list packs ints (else null). */
  packedOffsets: Int32Array | null;
  /** The slot an index last read or wrote, to pack again at the next (list-packed-ints.ts repackSlot). */
  indexedSlot: number;
  /** The capacity CPython has (drives sys.getsizeof); -1 while list.sort() runs. */
  allocated: number;
  /** Address of the item buffer: 0 when ob_item is NULL, SYSTEM_BLOCK for an untracked system block. */
  bufferAddress: number;
  /** Bytes requested for the current buffer (what freeing it needs). */
  bufferBytes: number;

  constructor(items: PyObject[]) {
    super(rt.types.list);
    this.storage = items;
    this.packedOffsets = null;
    this.indexedSlot = -1;
    this.allocated = 0;
    this.bufferAddress = 0;
    this.bufferBytes = 0;
  }

  /** The items as objects (packed ints made again, and packing stopped). Re-read after any Python call. */
  get items(): PyObject[] {
    if (this.packedOffsets !== null) unpackList(this);
    return this.storage as PyObject[];
  }

  /** Replaces the items (the old storage's packed ints, if any, must have been dealt with). */
  set items(items: PyObject[]) {
    if (this.packedOffsets !== null) stopPacking(this);
    this.storage = items;
  }

  unpackAll(): void {
    unpackList(this);
  }
}

/** PyListObject without items: 40 bytes on 64-bit. */
export const LIST_OBJECT_SIZE = 40;
/** Lists larger than this are refused with MemoryError (the simulator's memory cap). */
export const MAX_LIST_LENGTH = 50_000_000;

/** PyList_New(n) filled with `items` (steals the references): capacity exactly n. New reference. */
export function newList(items: PyObject[] = []): PyList {
  if (items.length > MAX_LIST_LENGTH) throw memoryError();
  const list = new PyList(items);
  if (!rt.freeLists.list.reuse(list, LIST_OBJECT_SIZE)) {
    allocateObject(list, LIST_OBJECT_SIZE);
    rt.gc.countAllocation();
  }
  if (items.length > 0) {
    allocateBuffer(list, items.length * 8);
    list.allocated = items.length;
  }
  gcTrack(list);
  return list;
}

/** Same as newList: PyList_New(n) then filled with the items it steals. */
export function newListStealing(items: PyObject[]): PyList {
  return newList(items);
}

/** True when ob_item is not NULL (a buffer exists, possibly of capacity 0). */
export function hasItemBuffer(list: PyList): boolean {
  return list.bufferAddress !== 0;
}

/**
 * list_resize: makes room for `newSize` items, over-allocating as the version does. Call it
 * while `list.items.length` is still the size CPython's Py_SIZE has at that point (the "jump"
 * rule of 3.9+ compares against it); the caller then changes the items.
 */
export function listResize(list: PyList, newSize: number): void {
  if (newSize > MAX_LIST_LENGTH) throw memoryError();
  const allocated = list.allocated;
  if (allocated >= newSize && newSize >= allocated >> 1) return;
  let capacity: number;
  if (containerRules().list.resize === "rounded") {
    capacity = (newSize + (newSize >> 3) + 6) & ~3;
    if (newSize - list.storage.length > capacity - newSize) capacity = (newSize + 3) & ~3;
  } else {
    capacity = newSize + (newSize >> 3) + (newSize < 9 ? 3 : 6);
  }
  if (newSize === 0) capacity = 0;
  reallocBuffer(list, capacity * 8);
  list.allocated = capacity;
}

/** list_preallocate_exact: a list without a buffer gets room for `size` items (even, 3.10+). */
export function preallocateExact(list: PyList, size: number): void {
  if (size > MAX_LIST_LENGTH) throw memoryError();
  const capacity = containerRules().list.preallocate === "even" ? (size + 1) & ~1 : size;
  allocateBuffer(list, capacity * 8);
  list.allocated = capacity;
}

/** PyMem_Malloc for the item buffer (the list must not have one). */
function allocateBuffer(list: PyList, bytes: number): void {
  list.bufferBytes = bytes;
  // PyMem_Malloc(0) is served by the system malloc (pymalloc refuses zero-byte requests).
  list.bufferAddress = bytes === 0 ? SYSTEM_BLOCK : rt.allocator.allocate(bytes, 0, new ItemBuffer(list));
}

/** PyMem_Free of a buffer that no list refers to any more. */
export function releaseBuffer(address: number, bytes: number): void {
  if (address !== 0 && address !== SYSTEM_BLOCK) rt.allocator.free(address, 0, bytes);
}

/** PyMem_Free of the item buffer, leaving ob_item NULL. */
export function freeBuffer(list: PyList): void {
  const address = list.bufferAddress;
  if (address !== 0 && address !== SYSTEM_BLOCK) rt.allocator.free(address, 0, list.bufferBytes);
  list.bufferAddress = 0;
  list.bufferBytes = 0;
}

/** The pymalloc size class (block size) serving a request of `bytes`. */
function blockSize(bytes: number): number {
  const alignment = rt.profile.pymallocAlignment;
  return Math.ceil(bytes / alignment) * alignment;
}

/**
 * PyMem_Realloc of the item buffer. A pymalloc block is kept when the new size still fits its
 * size class without shrinking below three quarters of it; otherwise a new block is taken and
 * the old one freed (in that order). Zero bytes, and anything a system block turns into while
 * it stays small, live in the system heap, which the model does not place.
 */
function reallocBuffer(list: PyList, bytes: number): void {
  const address = list.bufferAddress;
  if (address === 0) {
    if (bytes === 0) {
      list.bufferAddress = SYSTEM_BLOCK;
      list.bufferBytes = 0;
    } else {
      allocateBuffer(list, bytes);
    }
    return;
  }
  const oldBytes = list.bufferBytes;
  const inPool = address !== SYSTEM_BLOCK && oldBytes <= SMALL_REQUEST_LIMIT;
  if (inPool) {
    const size = blockSize(oldBytes);
    if (bytes <= size && 4 * bytes > 3 * size) {
      list.bufferBytes = bytes <= oldBytes ? oldBytes : bytes;
      return;
    }
    const fresh = bytes === 0 ? SYSTEM_BLOCK : rt.allocator.allocate(bytes, 0, new ItemBuffer(list));
    rt.allocator.free(address, 0, oldBytes);
    list.bufferAddress = fresh;
    list.bufferBytes = bytes;
    return;
  }
  // A system block stays in the system heap (glibc realloc).
  if (bytes > SMALL_REQUEST_LIMIT) {
    if (address !== SYSTEM_BLOCK && Math.ceil((bytes + 16) / 16) === Math.ceil((oldBytes + 16) / 16)) {
      list.bufferBytes = bytes;
      return;
    }
    const fresh = rt.allocator.allocate(bytes, 0, new ItemBuffer(list));
    if (address !== SYSTEM_BLOCK) rt.allocator.free(address, 0, oldBytes);
    list.bufferAddress = fresh;
    list.bufferBytes = bytes;
    return;
  }
  if (address !== SYSTEM_BLOCK) rt.allocator.free(address, 0, oldBytes);
  list.bufferAddress = SYSTEM_BLOCK;
  list.bufferBytes = bytes;
}

export function listDealloc(self: PyObject): void {
  const list = self as PyList;
  gcUntrack(list);
  // Items go last-first while the list still holds them, then the buffer, then the object.
  const storage = list.storage;
  const offsets = list.packedOffsets;
  if (offsets !== null) {
    list.items = [];
    releasePackedSlots(storage, offsets);
  } else {
    for (let i = storage.length - 1; i >= 0; i--) {
      const item = storage[i] as PyObject;
      if (--item.refcount === 0) item.type.dealloc(item);
    }
  }
  list.items = [];
  freeBuffer(list);
  list.allocated = 0;
  if (list.type !== rt.types.list || !rt.freeLists.list.park(list, LIST_OBJECT_SIZE)) {
    freeObjectMemory(list, subtypeObjectSize(list.type, LIST_OBJECT_SIZE));
    rt.gc.countDeallocation();
  }
}

/** list_traverse, last item first; a packed int is made again for its visit (the list keeps packing). */
export function listTraverse(self: PyObject, visit: (child: PyObject) => void): void {
  const list = self as PyList;
  const storage = list.storage;
  for (let i = storage.length - 1; i >= 0; i--) {
    const slot = storage[i]!;
    visit(typeof slot === "number" ? slotItem(list, i) : slot);
  }
}

/**
 * listTraverse without the packed ints, for walks that only look for tracked objects or for
 * objects they already hold (the collector, gc.get_referrers): a packed int is untracked and
 * no object but the list's slot.
 */
export function listTraverseHeld(self: PyObject, visit: (child: PyObject) => void): void {
  const storage = (self as PyList).storage;
  for (let i = storage.length - 1; i >= 0; i--) {
    const slot = storage[i]!;
    if (typeof slot !== "number") visit(slot);
  }
}

/**
 * list_clear: empties the list first (ob_item NULL, capacity 0), then drops the items
 * last-first, then frees the old buffer. Used by clear(), tp_clear and emptying slices.
 */
export function listClear(self: PyObject): void {
  const list = self as PyList;
  if (list.bufferAddress === 0) return;
  const storage = list.storage;
  const offsets = list.packedOffsets;
  const address = list.bufferAddress;
  const bytes = list.bufferBytes;
  list.items = [];
  list.bufferAddress = 0;
  list.bufferBytes = 0;
  list.allocated = 0;
  if (offsets !== null) {
    releasePackedSlots(storage, offsets);
  } else {
    for (let i = storage.length - 1; i >= 0; i--) {
      const item = storage[i] as PyObject;
      if (--item.refcount === 0) item.type.dealloc(item);
    }
  }
  if (address !== SYSTEM_BLOCK) rt.allocator.free(address, 0, bytes);
}

/**
 * Appends (steals the reference to `item`), growing the capacity as list.append does. An exact
 * list that reaches PACK_FROM items with an int packs its ints from then on, each when the next
 * item comes (the caller of list.append still holds the item it appends).
 */
export function listAppendStealing(list: PyList, item: PyObject): void {
  const storage = list.storage;
  const size = storage.length;
  let offsets = list.packedOffsets;
  if (offsets === null && size === PACK_FROM) offsets = packingFrom(list, item);
  if (size >= list.allocated) listResize(list, size + 1);
  // At each power of two from RESERVE_FROM to RESERVE_UNTIL, the JS array gets room to double.
  if ((size & (size - 1)) === 0 && size >= RESERVE_FROM && size <= RESERVE_UNTIL) reserveRoom(storage, size);
  if (offsets !== null) {
    offsets = offsetsWithRoom(list, offsets, size);
    if (size > 0) packSlot(list, offsets, size - 1);
  }
  storage.push(item);
}

/**
 * Lists start packing ints (list-packed-ints.ts) when an append or extend finds this many
 * items: short lists, made by the million in some loops, are not worth the offsets table and
 * registration.
 */
export const PACK_FROM = 64;

/**
 * The offsets table of an exact list that starts packing now, PACK_FROM items in, because an
 * int comes next (null if it does not start).
 */
export function packingFrom(list: PyList, item: PyObject): Int32Array | null {
  if (item.type !== rt.types.int || list.type !== rt.types.list) return null;
  startPacking(list);
  return list.packedOffsets;
}

/** Lists shorter than this grow their JS array by push alone. */
const RESERVE_FROM = 4096;
/** Past this many items push's smaller (1.5x) growth holds less spare memory than doubling. */
const RESERVE_UNTIL = 1 << 22;

/**
 * Makes room in `items` (whose length is `size`) for `size + 15` more items without changing
 * its contents or length: V8's own growth on push (1.5x, a copy each time) is most of the cost
 * of appending to a long list. Raising the length allocates the larger backing store; lowering
 * it again keeps that store, since V8 trims one only when less than half of it (minus 16
 * slots) stays in use. Only speed depends on this: the items are the same.
 */
function reserveRoom(items: ListSlot[], size: number): void {
  items.length = 2 * size + 15;
  items.length = size;
}
