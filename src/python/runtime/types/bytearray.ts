// bytearray objects: a mutable byte buffer with CPython's ob_alloc / ob_start bookkeeping
// (PyByteArray_Resize's growth and shrink rules drive sys.getsizeof), not GC-tracked.
import { PyObject } from "../object.js";
import { rt } from "../state.js";
import { allocateObject, freeObjectMemory, subtypeObjectSize } from "../memory/object-memory.js";
import { memoryError } from "../errors.js";

/** A stand-in occupant for a bytearray's byte buffer in the allocator. */
class ByteBuffer {
  constructor(readonly owner: PyByteArray) {}
}

/** PyByteArrayObject on 64-bit: head, ob_size, ob_alloc, ob_bytes, ob_start, ob_exports. */
export const BYTEARRAY_OBJECT_SIZE = 56;
/** Bytearrays larger than this are refused with MemoryError (the simulator's memory cap). */
const MAX_BYTEARRAY_LENGTH = 200_000_000;
const SMALL_REQUEST_LIMIT = 512;

export class PyByteArray extends PyObject {
  /** ob_bytes: the storage; the data is storage[start, start + size). */
  storage: Uint8Array;
  /** ob_start - ob_bytes: deleting from the front advances the start instead of moving bytes. */
  start: number;
  /** ob_size. */
  size: number;
  /** ob_alloc: bytes allocated for ob_bytes (0 while it is NULL); __sizeof__ adds it. */
  alloc: number;
  /** Allocator address of ob_bytes (0: NULL). */
  bufferAddress: number;

  constructor() {
    super(rt.types.bytearray);
    this.storage = new Uint8Array(0);
    this.start = 0;
    this.size = 0;
    this.alloc = 0;
    this.bufferAddress = 0;
  }

  /** The current contents as a view: copy it before anything can resize the bytearray. */
  get value(): Uint8Array {
    return this.storage.subarray(this.start, this.start + this.size);
  }
}

/** PyType_GenericNew: an empty bytearray with ob_bytes NULL. New reference. */
export function newEmptyByteArray(): PyByteArray {
  const bytearray = new PyByteArray();
  allocateObject(bytearray, BYTEARRAY_OBJECT_SIZE);
  return bytearray;
}

/** PyByteArray_FromStringAndSize(data, n): exactly n + 1 bytes allocated (none when empty). */
export function newByteArray(data: Uint8Array): PyByteArray {
  const bytearray = newEmptyByteArray();
  if (data.length > 0) {
    if (data.length > MAX_BYTEARRAY_LENGTH) throw memoryError();
    setBuffer(bytearray, data.length + 1, data);
  }
  bytearray.size = data.length;
  return bytearray;
}

/** Replaces ob_bytes with a fresh block of `alloc` bytes holding `data` at its start. */
function setBuffer(bytearray: PyByteArray, alloc: number, data: Uint8Array): void {
  const storage = new Uint8Array(alloc);
  storage.set(data.subarray(0, Math.min(data.length, alloc)));
  const oldAddress = bytearray.bufferAddress;
  const oldAlloc = bytearray.alloc;
  bytearray.bufferAddress = rt.allocator.allocate(alloc, 0, new ByteBuffer(bytearray));
  if (oldAddress !== 0) rt.allocator.free(oldAddress, 0, oldAlloc);
  bytearray.storage = storage;
  bytearray.start = 0;
  bytearray.alloc = alloc;
}

/**
 * PyObject_Realloc of ob_bytes: a pymalloc block stays while the new size fits its size class
 * without shrinking below three quarters of it; a larger block stays within its 16-byte rounding.
 */
function reallocBuffer(bytearray: PyByteArray, alloc: number): void {
  const old = bytearray.alloc;
  const data = bytearray.value;
  if (bytearray.bufferAddress !== 0) {
    const alignment = rt.profile.pymallocAlignment;
    const keep =
      old <= SMALL_REQUEST_LIMIT
        ? alloc <= Math.ceil(old / alignment) * alignment && 4 * alloc > 3 * Math.ceil(old / alignment) * alignment
        : alloc > SMALL_REQUEST_LIMIT && Math.ceil((alloc + 16) / 16) === Math.ceil((old + 16) / 16);
    if (keep) {
      const storage = new Uint8Array(alloc);
      storage.set(data.subarray(0, Math.min(data.length, alloc)));
      bytearray.storage = storage;
      bytearray.start = 0;
      bytearray.alloc = alloc;
      return;
    }
  }
  setBuffer(bytearray, alloc, data);
}

/**
 * PyByteArray_Resize(self, size): within the allocation a small shrink only moves ob_size, a
 * shrink below half reallocates exactly; growth over-allocates by 1/8 (+3 or +6) when moderate,
 * exactly when the new size is more than 1/8 above the old allocation. New bytes are zero.
 */
export function byteArrayResize(bytearray: PyByteArray, size: number): void {
  if (size === bytearray.size) return;
  if (size > MAX_BYTEARRAY_LENGTH) throw memoryError();
  let alloc = bytearray.alloc;
  const offset = bytearray.start;
  if (size + offset + 1 <= alloc) {
    if (size < Math.floor(alloc / 2)) {
      alloc = size + 1;
    } else {
      if (size > bytearray.size) bytearray.storage.fill(0, offset + bytearray.size, offset + size);
      bytearray.size = size;
      return;
    }
  } else if (size <= alloc * 1.125) {
    alloc = size + (size >> 3) + (size < 9 ? 3 : 6);
  } else {
    alloc = size + 1;
  }
  // A moved start means a fresh block (malloc + copy + free); otherwise a realloc.
  if (offset > 0) setBuffer(bytearray, alloc, bytearray.value);
  else reallocBuffer(bytearray, alloc);
  if (size > bytearray.size) bytearray.storage.fill(0, bytearray.size, size);
  bytearray.size = size;
}

/**
 * Deleting `count` bytes at the front, as bytearray_setslice_linear does: the logical start
 * advances, then the resize to the shorter size (which may reallocate exactly).
 */
export function byteArrayDropFront(bytearray: PyByteArray, count: number): void {
  const size = bytearray.size - count;
  bytearray.start += count;
  byteArrayResize(bytearray, size);
}

export function byteArrayDealloc(self: PyObject): void {
  const bytearray = self as PyByteArray;
  if (bytearray.bufferAddress !== 0) rt.allocator.free(bytearray.bufferAddress, 0, bytearray.alloc);
  bytearray.bufferAddress = 0;
  freeObjectMemory(bytearray, subtypeObjectSize(bytearray.type, BYTEARRAY_OBJECT_SIZE));
}
