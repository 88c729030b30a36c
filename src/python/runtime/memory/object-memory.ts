// Giving objects addresses and taking them back: headers, sizes and per-type free lists.
import type { PyObject } from "../object.js";
import type { PyType } from "../type.js";
import { rt } from "../state.js";
import { SMALL_REQUEST_LIMIT } from "./allocator.js";

/** Bytes between the start of an object's block and the object's address (GC headers). */
export function headerBytesOf(type: PyType): number {
  const layout = type.layout;
  if (!layout.gc) return 0;
  const sizes = rt.profile.sizes;
  return layout.preHeader ? sizes.gcHeader + sizes.managedPreHeader : sizes.gcHeader;
}

/**
 * The object size of an instance of `type` when the built-in under it makes objects of
 * `builtinSize` bytes: PyType_GenericAlloc allocates the class's tp_basicsize, which adds the
 * pointers the class gives its instances (__dict__, __weakref__ and __slots__ members, where they
 * are not in the pre-header), so a class over list, dict, set or bytearray has a bigger block.
 */
export function subtypeObjectSize(type: PyType, builtinSize: number): number {
  if (!type.heapType) return builtinSize;
  let builtin = type.base!;
  while (builtin.heapType) builtin = builtin.base!;
  return builtinSize + type.layout.basicSize - builtin.layout.basicSize;
}

/** Gives `object` a fresh address for `size` bytes of object (headers added here). */
export function allocateObject(object: PyObject, size: number): void {
  const header = headerBytesOf(object.type);
  const bytes = size + header;
  const allocator = rt.allocator;
  if (bytes <= SMALL_REQUEST_LIMIT) {
    // The small-integer arena offset spares the hot path double arithmetic (see PyObject.arenaOffset).
    const offset = allocator.allocateSmall(bytes, header, object);
    if (offset < 2 ** 31) object.setArenaOffset(offset);
    else object.address = allocator.arenaBase + offset;
  } else {
    object.address = allocator.allocate(bytes, header, object);
  }
}

/** Returns the memory of an object allocated with `size` bytes. */
export function freeObjectMemory(object: PyObject, size: number): void {
  const header = headerBytesOf(object.type);
  const bytes = size + header;
  const offset = object.arenaOffset();
  if (offset >= 0 && bytes <= SMALL_REQUEST_LIMIT) rt.allocator.freeSmall(offset, header);
  else rt.allocator.free(object.address, header, bytes);
}

/**
 * What a ctypes read finds in a block parked on a type's free list: the object's memory is
 * untouched (its refcount word is 0) unless the free list is intrusive (3.14), where the word
 * links to the next parked block.
 */
export class ParkedBlock {
  constructor(
    readonly typeName: string,
    readonly firstWord: number,
  ) {}
}

/**
 * A per-type free list (list, dict, tuple, float, …): dead objects keep their memory, and the
 * next object of the same kind takes the most recently parked address (LIFO), as CPython's
 * `*_dealloc` / `*_alloc` pairs do.
 */
export class FreeList {
  /**
   * The parked blocks, most recent last, by their object's address: a small block in the arena
   * window as its arena offset (>= 0, a small integer: the hot path stays off doubles), any
   * other as minus the address.
   */
  private readonly parked: number[] = [];
  /** What every parked block reads as when the free list is not intrusive (up to 3.13). */
  private readonly untouched: ParkedBlock;
  /**
   * headerBytesOf the last type seen, kept because the free list sees one type: the generic
   * function reads fields of every type's and layout's shape, which V8 makes slow lookups.
   */
  private headerType: PyType | null = null;
  private header = 0;

  constructor(
    readonly typeName: string,
    readonly capacity: number,
  ) {
    this.untouched = new ParkedBlock(typeName, 0);
  }

  get size(): number {
    return this.parked.length;
  }

  /** Parks a dead object's block; false when the list is full (the caller frees the memory). */
  park(object: PyObject, size: number): boolean {
    const parked = this.parked;
    if (parked.length >= this.capacity) return false;
    const header = this.headerOf(object.type);
    // 3.14's intrusive free lists link each parked block to the one parked before it.
    const occupant = rt.profile.intrusiveFreeLists ? new ParkedBlock(this.typeName, parked.length > 0 ? parkedAddress(parked[parked.length - 1]!) : 0) : this.untouched;
    const offset = object.arenaOffset();
    if (offset >= 0 && size + header <= SMALL_REQUEST_LIMIT) {
      rt.allocator.replaceSmallOccupant(offset, header, occupant);
      parked.push(offset);
    } else {
      const address = object.address;
      rt.allocator.replaceOccupant(address, header, size + header, occupant);
      parked.push(-address);
    }
    return true;
  }

  /**
   * Frees every parked block, most recently parked first (the *_ClearFreeList functions that a
   * full collection calls). Parked blocks are all one type's and size's, so `header` and
   * `bytes` (object size plus header) describe each of them.
   */
  clear(header: number, bytes: number): void {
    for (let entry = this.parked.pop(); entry !== undefined; entry = this.parked.pop()) rt.allocator.free(parkedAddress(entry), header, bytes);
  }

  /** Gives `object` a parked address if there is one; false when the list is empty. */
  reuse(object: PyObject, size: number): boolean {
    const entry = this.parked.pop();
    if (entry === undefined) return false;
    const header = this.headerOf(object.type);
    if (entry >= 0) {
      object.setArenaOffset(entry);
      rt.allocator.replaceSmallOccupant(entry, header, object);
    } else {
      object.address = -entry;
      rt.allocator.replaceOccupant(-entry, header, size + header, object);
    }
    return true;
  }

  private headerOf(type: PyType): number {
    if (type !== this.headerType) {
      this.header = headerBytesOf(type);
      this.headerType = type;
    }
    return this.header;
  }
}

/** The address of a FreeList entry. */
function parkedAddress(entry: number): number {
  return entry >= 0 ? rt.allocator.arenaBase + entry : -entry;
}
