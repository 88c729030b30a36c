// Lists of ints kept as JS numbers: an int only its list refers to is held as its value and block.
//
// A loop that fills a list with millions of ints made millions of JS objects that V8 must keep
// and copy, which cost more than CPython's whole loop. An exact int whose only reference is
// its list's (refcount 1) is invisible to Python except through the list and through its
// memory, so the list may hold its value in the slot instead, with its block's arena offset
// beside it; the allocator records the block as PACKED_OCCUPANT. Nothing else changes: the
// block stays allocated, and the object made again on demand (same value, address, refcount 1)
// is indistinguishable from the one dropped.
//
// Lists start packing when they grow long by appends (list.ts listAppendStealing), which pack
// the slot before the one being appended (the caller's reference to that item is gone by
// then), or by extends over an iterator (list-ops.ts), which pack the item just stored. Any
// use of `list.items` makes every object again and stops packing, so the generic code never
// sees a number (it must not keep `items` across Python code, as always). The common
// operations read `list.storage` and handle packed slots themselves: those that need an item's
// object make that one (slotItem), those that only compare or show it read its value, and
// iteration and indexing pack an item again once the loop has dropped it (repackSlot).
import type { PyObject } from "../object.js";
import { rt } from "../state.js";
import { PACKED_OCCUPANT } from "../memory/allocator.js";
import { PyInt, intObjectAt, recycleIntObject } from "./int.js";
import type { PyFloat } from "./float.js";
import type { PyList } from "./list.js";

/** A list slot: the item, or the value of a packed int (whose block offset is in `packedOffsets`). */
export type ListSlot = PyObject | number;

/** Lets an exact list pack its ints from now on (its present items stay objects). */
export function startPacking(list: PyList): void {
  list.packedOffsets = new Int32Array(2 * list.storage.length + 16);
  rt.allocator.packedHolders.add(list);
}

/**
 * Packs slot `index` if it holds an exact int that only the list refers to, whose value is a JS
 * number and whose block is in the arena window (where `packedOffsets` can name it).
 */
export function packSlot(list: PyList, offsets: Int32Array, index: number): void {
  const item = list.storage[index]!;
  if (typeof item === "number" || item.type !== rt.types.int || item.refcount !== 1) return;
  const value = (item as PyInt).value;
  const offset = item.arenaOffset();
  if (typeof value !== "number" || offset < 0) return;
  list.storage[index] = value;
  offsets[index] = offset;
  rt.allocator.replaceSmallOccupant(offset, 0, PACKED_OCCUPANT);
  recycleIntObject(item as PyInt);
}

/**
 * `packedOffsets` with room for slot `index` (grown by doubling, or to the index). Whatever
 * lengthens a packing list's storage keeps this room for every slot: a sort moves offsets
 * along with the slots, and a write past a typed array's end would be lost without a sound.
 */
export function offsetsWithRoom(list: PyList, offsets: Int32Array, index: number): Int32Array {
  if (index < offsets.length) return offsets;
  const grown = new Int32Array(Math.max(offsets.length * 2, index + 16));
  grown.set(offsets);
  list.packedOffsets = grown;
  return grown;
}

/**
 * `storage.splice(start, removeCount, ...inserted)` with the packed offsets moved alongside;
 * the removed items come back as objects (packed ones made again), still owned by the caller.
 */
export function spliceSlots(list: PyList, start: number, removeCount: number, inserted: readonly PyObject[]): PyObject[] {
  for (let i = start; i < start + removeCount; i++) slotItem(list, i);
  const oldLength = list.storage.length;
  const removed = list.storage.splice(start, removeCount, ...inserted) as PyObject[];
  let offsets = list.packedOffsets;
  if (offsets !== null && removeCount !== inserted.length) {
    offsets = offsetsWithRoom(list, offsets, list.storage.length);
    offsets.copyWithin(start + inserted.length, start + removeCount, oldLength);
  }
  return removed;
}

/** list.reverse(): the slots reversed in place, packed offsets alongside. */
export function reverseSlots(list: PyList): void {
  const storage = list.storage;
  storage.reverse();
  list.packedOffsets?.subarray(0, storage.length).reverse();
}

/**
 * `==` between a packed int's value and `other` when it runs no code and makes nothing (an
 * exact int, a bool or an exact float: equal numbers); undefined when the int object is needed.
 */
export function packedEquals(value: number, other: PyObject): boolean | undefined {
  const type = other.type;
  const types = rt.types;
  // A bigint value is never a safe integer's (int-value.ts), and a safe integer is exactly a
  // double, which is how CPython compares an int with a float (NaN equals nothing).
  if (type === types.int || type === types.bool || type === types.float) return (other as PyInt | PyFloat).value === value;
  return undefined;
}

/** The item in slot `index` (borrowed), made again if it was packed; the slot then holds it. */
export function slotItem(list: PyList, index: number): PyObject {
  const slot = list.storage[index]!;
  if (typeof slot !== "number") return slot;
  const int = intObjectAt(slot, list.packedOffsets![index]!);
  list.storage[index] = int;
  return int;
}

/**
 * The items as objects (packed ints made again) for a caller that copies or reads them at once:
 * unlike `list.items` the list keeps packing, so the array must not be kept across anything
 * that may pack a slot again (an append, an iterator's next, an index).
 */
export function objectItems(list: PyList): readonly PyObject[] {
  if (list.packedOffsets !== null) {
    const storage = list.storage;
    for (let i = 0; i < storage.length; i++) if (typeof storage[i] === "number") slotItem(list, i);
  }
  return list.storage as PyObject[];
}

/**
 * Packs slot `index` again once its int is back to the list's reference alone: an iterator
 * passes each item on and the loop drops it, and a long loop would otherwise leave every int
 * made again (millions of objects V8 must keep) behind it.
 */
export function repackSlot(list: PyList, index: number): void {
  const offsets = list.packedOffsets;
  if (offsets !== null && index >= 0 && index < list.storage.length) packSlot(list, offsets, index);
}

/** Makes every packed slot's int again and stops packing (what `list.items` does first). */
export function unpackList(list: PyList): void {
  const offsets = list.packedOffsets!;
  const storage = list.storage;
  for (let i = 0; i < storage.length; i++) {
    const slot = storage[i]!;
    if (typeof slot === "number") storage[i] = intObjectAt(slot, offsets[i]!);
  }
  stopPacking(list);
}

/** Packs again with `offsets` (a sort took the list's storage and gives it back). */
export function resumePacking(list: PyList, offsets: Int32Array): void {
  list.packedOffsets = offsets;
  rt.allocator.packedHolders.add(list);
}

/** Forgets the packing state (every slot holds its object, or the storage is being replaced). */
export function stopPacking(list: PyList): void {
  list.packedOffsets = null;
  rt.allocator.packedHolders.delete(list);
}

/**
 * Drops the references of a list's old storage last-first, as list_dealloc and list_clear do
 * (the list no longer holds it): a packed int is freed where it is (int_dealloc of an exact int
 * is only the free of its block). The ints still packed stay readable while other items'
 * deallocations run code.
 */
export function releasePackedSlots(storage: ListSlot[], offsets: Int32Array): void {
  const allocator = rt.allocator;
  const holder = {
    unpackAll(): void {
      for (let i = 0; i < storage.length; i++) {
        const slot = storage[i]!;
        if (typeof slot === "number") storage[i] = intObjectAt(slot, offsets[i]!);
      }
    },
  };
  allocator.packedHolders.add(holder);
  try {
    while (storage.length > 0) {
      const index = storage.length - 1;
      const slot = storage.pop()!;
      if (typeof slot === "number") allocator.freeSmall(offsets[index]!, 0);
      else if (--slot.refcount === 0) slot.type.dealloc(slot);
    }
  } finally {
    allocator.packedHolders.delete(holder);
  }
}
