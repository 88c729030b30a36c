// int (and the storage of bool): arbitrary-precision values, the small-int cache, sizes.
import { PyObject } from "../object.js";
import { rt } from "../state.js";
import type { PyType } from "../type.js";
import { allocateObject, freeObjectMemory } from "../memory/object-memory.js";
import { type IntValue, digitCount } from "./int-value.js";

export class PyInt extends PyObject {
  /** Never changes while the object is alive (ints are immutable); see `newIntObject`. */
  value: IntValue;

  constructor(value: IntValue) {
    super(rt.types.int, false);
    this.value = value;
  }
}

/** sys.getsizeof of an int: 24 bytes of header plus 4 per 30-bit digit (zero per profile). */
export function intObjectSize(value: IntValue): number {
  // The common cases first (one or two 30-bit digits: a number is a safe integer, below 2**53,
  // so it never needs three): this runs for every int made and freed.
  if (typeof value === "number" && value !== 0) return value < 0x4000_0000 && value > -0x4000_0000 ? 28 : 32;
  const digits = digitCount(value);
  if (digits === 0) return rt.profile.sizes.zeroIntSize;
  return 24 + 4 * digits;
}

/** An int object for `value`: the cached object for -5..256, else a new one. New reference. */
export function newInt(value: IntValue): PyInt {
  if (typeof value === "number" && value >= -5 && value <= 256) {
    const cached = rt.smallInts[value + 5]!;
    cached.refcount++;
    return cached;
  }
  return newIntObject(value);
}

/** Dead exact ints kept for reuse by this many: making and freeing ints is the hottest path of loops. */
const SPARE_INT_LIMIT = 1024;

/** A PyInt holding `value` with refcount 1 and no block yet: a dead int's JS object when one is kept. */
function spareOrNewInt(value: IntValue): PyInt {
  const int = rt.spareInts.pop();
  if (int === undefined) return new PyInt(value);
  int.refcount = 1;
  int.value = value;
  return int;
}

/**
 * Always a new int object (what the parser builds for large literals). New reference.
 * The JavaScript object may be a dead int's (`rt.spareInts`); the simulated address is always
 * a fresh allocation, so nothing Python can see tells the difference.
 */
export function newIntObject(value: IntValue): PyInt {
  const int = spareOrNewInt(value);
  // Ints have no GC header: the block starts at the object.
  const size = intObjectSize(value);
  const allocator = rt.allocator;
  if (size <= 512) {
    // allocateSmall's offset from the arena start is the object's arena offset (runtime.ts
    // starts the arenas at the object encoding's window), unless the arenas outgrew 2 GiB.
    const offset = allocator.allocateSmall(size, 0, int);
    if (offset < 2 ** 31) int.setArenaOffset(offset);
    else int.address = allocator.arenaBase + offset;
  } else {
    int.address = allocator.allocate(size, 0, int);
  }
  return int;
}

/**
 * The object of an exact int whose block at arena offset `offset` is already allocated and held
 * packed (list-packed-ints.ts): no allocation, the block's occupant becomes the object. It is
 * owned by whoever held it packed (refcount 1).
 */
export function intObjectAt(value: number, offset: number): PyInt {
  const int = spareOrNewInt(value);
  int.setArenaOffset(offset);
  rt.allocator.replaceSmallOccupant(offset, 0, int);
  return int;
}

/** Keeps the JS object of an exact int nothing refers to any more for `newIntObject` to reuse. */
export function recycleIntObject(int: PyInt): void {
  if (rt.spareInts.length < SPARE_INT_LIMIT) rt.spareInts.push(int);
}

/**
 * The object size of an int of a class over int: long_subtype_new asks tp_alloc for the value's
 * digits (at least one from 3.12), PyType_GenericAlloc adds one more to the class's basic size
 * and rounds up to a pointer.
 */
export function intSubtypeObjectSize(type: PyType, value: IntValue): number {
  const digits = Math.max(digitCount(value), rt.profile.minor >= 12 ? 1 : 0);
  return Math.ceil((type.layout.basicSize + 4 * (digits + 1)) / 8) * 8;
}

export function intDealloc(self: PyObject): void {
  if (self.type.heapType) {
    freeObjectMemory(self, intSubtypeObjectSize(self.type, (self as PyInt).value));
    return;
  }
  const size = intObjectSize((self as PyInt).value);
  const offset = self.arenaOffset();
  if (offset >= 0 && size <= 512) rt.allocator.freeSmall(offset, 0);
  else rt.allocator.free(self.address, 0, size);
  if (self.type === rt.types.int) recycleIntObject(self as PyInt);
}

/** True for int and its subclasses (bool included). */
export function isInt(object: PyObject): object is PyInt {
  return object instanceof PyInt;
}
