// PyObject, the base of every simulated object: type, reference count and address.
//
// Reference discipline (as in CPython's C API, and named the same way in doc comments):
// - a function that returns a PyObject returns a **new reference** unless its doc says
//   "borrowed"; the caller owns it and must `decref` it or hand it on;
// - arguments are **borrowed** unless the doc says "steals";
// - `incref`/`decref` are the only ways a count changes; deallocation happens exactly when a
//   count reaches zero, through the type's `dealloc` slot.
import type { PyType } from "./type.js";
import type { DictTable } from "./tables/index.js";
import type { PyDict } from "./types/dict.js";

/**
 * Counts at or above this mark belong to immortal objects (3.12+); they never reach zero. It
 * sits below 2**31 so that an immortal count is still a small integer to V8: one object whose
 * `refcount` holds a larger number makes V8 box that field in a heap number for every object
 * of its shape (each new int of 3.12+ then paid an extra allocation). It stays far above 3.11's
 * static counts (999 999 999 plus the references taken), which are reported as they are.
 */
export const IMMORTAL_MARK = 1_610_612_736;

/**
 * Addresses are stored as a small integer (a Smi to V8) relative to one of two windows: the
 * arena region (runtime.ts), where nearly every object lives, and the static + large-block
 * region below it. An absolute address (about 2**47) would be a boxed double per object, and
 * one such object is enough to make V8 box the field for every object of its shape.
 * Offsets >= 0 are arena offsets; offsets in [-2**31, 0) are static-region offsets minus 2**31;
 * anything else is stored as `-address - 2**32`. Every address round-trips exactly (< 2**53).
 */
const ARENA_WINDOW = 0x7f3c_5a40_0000;
const STATIC_WINDOW = 0x55d4_a8e0_0000;
const WINDOW_SIZE = 2 ** 31;
/** The stored offset meaning address 0 (no block yet): odd, so no real block decodes to it. */
const NO_ADDRESS = -1;

function encodeAddress(address: number): number {
  if (address === 0) return NO_ADDRESS;
  const arenaOffset = address - ARENA_WINDOW;
  // `| 0` makes the result a small integer to V8 (arithmetic on doubles yields a heap number
  // even when the value is integral, and storing one turns the field into a boxed double).
  if (arenaOffset >= 0 && arenaOffset < WINDOW_SIZE) return arenaOffset | 0;
  const staticOffset = address - STATIC_WINDOW;
  if (staticOffset >= 0 && staticOffset < WINDOW_SIZE - 1) return (staticOffset - WINDOW_SIZE) | 0;
  return -address - 2 ** 32;
}

function decodeAddress(offset: number): number {
  if (offset >= 0) return ARENA_WINDOW + offset;
  if (offset >= -WINDOW_SIZE) return offset === NO_ADDRESS ? 0 : STATIC_WINDOW + offset + WINDOW_SIZE;
  return -offset - 2 ** 32;
}

export class PyObject {
  // The fields are assigned in the constructor, or by a subclass constructor that passes
  // HEADER_SET_BY_SUBCLASS (hence the `!`).
  /** ob_refcnt. Immortal objects hold IMMORTAL_MARK or more (see refcount reporting). */
  refcount!: number;
  /** The address, encoded by `encodeAddress` (UNALLOCATED_ADDRESS_OFFSET: no block yet). */
  protected addressOffset!: number;
  /** ob_type. A counted reference only for instances of heap types, as in CPython. */
  type!: PyType;
  /**
   * The object's slot in the collector's list links and generation marks (gc/tracking.ts),
   * -1 while untracked. Kinds whose exact objects are never tracked (int, str) leave it off
   * and read the prototype's -1: a field fewer is 8 bytes less for V8's scavenger to copy per
   * object, and those objects are made by the million. Tracking such an object (an instance
   * of a subclass) gives it the field then.
   */
  declare gcSlot: number;
  // No field for weak references or attribute storage: most objects never have either, and
  // every field costs each object 8 bytes that V8's scavenger copies. Weak reference lists live
  // beside the objects (weak-references.ts); attribute storage is a field of
  // `AttributedObject` and lives beside any other object (instance-attributes.ts).

  /**
   * `gcCapable` false: see `gcSlot` (exact objects of the kind are never gc-tracked).
   * HEADER_SET_BY_SUBCLASS: the subclass constructor assigns these fields itself.
   */
  constructor(type: PyType, gcCapable: boolean | typeof HEADER_SET_BY_SUBCLASS = true) {
    if (gcCapable === HEADER_SET_BY_SUBCLASS) return;
    this.refcount = 1;
    this.addressOffset = NO_ADDRESS;
    this.type = type;
    if (gcCapable) this.gcSlot = -1;
  }

  /** id(): the simulated address of the object's first byte (ob_refcnt). */
  get address(): number {
    return decodeAddress(this.addressOffset);
  }

  set address(address: number) {
    this.addressOffset = encodeAddress(address);
  }

  /**
   * The address minus the arena window's start when it lies in the window's first 2 GiB (where
   * nearly every object lives), else -1: hot allocator paths work on this small integer.
   */
  arenaOffset(): number {
    const offset = this.addressOffset;
    return offset >= 0 ? offset : -1;
  }

  /** Sets the address to the arena window's start plus `offset` (0 <= offset < 2**31). */
  setArenaOffset(offset: number): void {
    this.addressOffset = offset | 0;
  }
}

/**
 * What the constructor of a class made by the million (PyInstance) passes up to PyObject and
 * AttributedObject so that they assign nothing: it assigns their fields itself, in their order.
 * Their constructors see objects of every class, so V8's stores there are megamorphic (some 100
 * ns per object when V8 does not inline them into the caller, which its inlining budget often
 * prevents); stores written in the subclass's constructor see only its own objects.
 */
export const HEADER_SET_BY_SUBCLASS = null;

/** PyObject.addressOffset of an object without a block yet (address 0). */
export const UNALLOCATED_ADDRESS_OFFSET = NO_ADDRESS;

// What `gcSlot` reads on an object that never got the field: untracked.
PyObject.prototype.gcSlot = -1;

/** `attributeFlags` bits of an AttributedObject. */
const HAS_ATTRIBUTES = 1;
const OWNS_VALUES = 2;
const MATERIALIZED = 4;

/**
 * The base of objects that usually have attribute storage (instances of classes, functions,
 * exceptions): each is its own storage (instance-attributes.ts's AttributeStorage), rather
 * than pointing at one, which saves every instance a JS object. Use `attributesOf` on an
 * object of unknown class.
 */
export class AttributedObject extends PyObject {
  /** The attribute table (the storage's dict slot), made on first need. */
  dict!: DictTable<PyObject, PyObject> | null;
  /** The __dict__ object once it exists (owned). */
  dictObject!: PyDict | null;
  /** HAS_ATTRIBUTES, OWNS_VALUES and MATERIALIZED: one small integer rather than three fields. */
  protected attributeFlags!: number;

  /** `header`: HEADER_SET_BY_SUBCLASS when the subclass assigns these fields too (see PyObject). */
  constructor(type: PyType, header: typeof HEADER_SET_BY_SUBCLASS | undefined = undefined) {
    super(type, header);
    if (header === HEADER_SET_BY_SUBCLASS) return;
    this.dict = null;
    this.dictObject = null;
    this.attributeFlags = 0;
  }

  /** The object has attribute storage (its type gives it a __dict__ slot, and it was started). */
  get hasAttributes(): boolean {
    return (this.attributeFlags & HAS_ATTRIBUTES) !== 0;
  }

  /** Starts empty storage (instance-attributes.ts `startAttributes`). */
  startAttributes(ownsValues: boolean): void {
    this.dict = null;
    this.dictObject = null;
    this.attributeFlags = ownsValues ? HAS_ATTRIBUTES | OWNS_VALUES : HAS_ATTRIBUTES;
  }

  /** Ends the storage (its parts were taken off and released). */
  dropAttributes(): void {
    this.attributeFlags = 0;
  }

  /** AttributeStorage.ownsValues. */
  get ownsValues(): boolean {
    return (this.attributeFlags & OWNS_VALUES) !== 0;
  }

  set ownsValues(owns: boolean) {
    this.attributeFlags = owns ? this.attributeFlags | OWNS_VALUES : this.attributeFlags & ~OWNS_VALUES;
  }

  /** InstanceDictSlot.materialized: a __dict__ object exists or the table went combined. */
  get materialized(): boolean {
    return (this.attributeFlags & MATERIALIZED) !== 0;
  }

  set materialized(materialized: boolean) {
    this.attributeFlags = materialized ? this.attributeFlags | MATERIALIZED : this.attributeFlags & ~MATERIALIZED;
  }
}

/** The start of the window `arenaOffset` counts from: the allocator's arena region must begin here. */
export const ARENA_WINDOW_START = ARENA_WINDOW;

export function incref(object: PyObject): void {
  object.refcount++;
}

export function xincref(object: PyObject | null): void {
  if (object !== null) object.refcount++;
}

/** Drops a reference; deallocates through the type's slot when it was the last one. */
export function decref(object: PyObject): void {
  if (--object.refcount === 0) object.type.dealloc(object);
}

export function xdecref(object: PyObject | null): void {
  if (object !== null && --object.refcount === 0) object.type.dealloc(object);
}

/** Returns `object` as a new reference (Py_NewRef). */
export function newRef<T extends PyObject>(object: T): T {
  object.refcount++;
  return object;
}
