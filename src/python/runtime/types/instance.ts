// Instances of classes defined in Python (subtype_dealloc and friends) and of plain `object`.
import { AttributedObject, HEADER_SET_BY_SUBCLASS, UNALLOCATED_ADDRESS_OFFSET, decref, type PyObject } from "../object.js";
import { rt } from "../state.js";
import { allocateObject, freeObjectMemory } from "../memory/object-memory.js";
import { gcTrack, gcUntrack, trackedSlot } from "../gc/tracking.js";
import { attributesOf, initInstanceAttributes, keysCacheOf, releaseAttributes, startAttributes, storageOf, traverseAttributes } from "../instance-attributes.js";
import type { PyType } from "../type.js";

/** An instance whose layout is plain `object` plus attribute storage. */
export class PyInstance extends AttributedObject {
  /** Values of __slots__ declared by the class and its bases, by slot name (owned). */
  slotValues: Map<string, PyObject> | null;
  /**
   * 3.11+ inline values kept flat (instance-attributes.ts): the values of the class's shared
   * keys by entry, set for a prefix of the entries, while they are all the instance's
   * attributes, in entry order, and nothing has asked for a table. A split `DictTable` stands
   * for exactly this state; without one the instance costs V8's collector and the simulator's
   * one object less. `flatLength` is the number of entries they were sized for (the shared
   * keys' count at the first store), -1 while there are none (the storage's `dict` is the
   * table then, or no attribute was stored yet). The first FLAT_FIELDS values are fields of
   * the instance itself (no array per instance: most classes have that few attributes, and
   * V8's scavenger and the cycle collector then meet one object per instance), the others are
   * in `flatRest`.
   */
  flatLength: number;
  flat0: PyObject | undefined;
  flat1: PyObject | undefined;
  flat2: PyObject | undefined;
  /** Flat values of entries FLAT_FIELDS and up (when `flatLength` exceeds FLAT_FIELDS). */
  flatRest: (PyObject | undefined)[] | null;
  // No field for the bytes allocated (3.13+ inline values make them more than instanceSize):
  // freeing a block needs only to know it is small, which instanceSize tells as well, since
  // inline values are added to 16-byte objects only and stay far below the small-block limit.

  constructor(type: PyType) {
    // PyObject's and AttributedObject's fields first, in their order (see HEADER_SET_BY_SUBCLASS).
    super(type, HEADER_SET_BY_SUBCLASS);
    this.refcount = 1;
    this.addressOffset = UNALLOCATED_ADDRESS_OFFSET;
    this.type = type;
    this.gcSlot = -1;
    this.dict = null;
    this.dictObject = null;
    this.attributeFlags = 0;
    this.slotValues = null;
    this.flatLength = -1;
    this.flat0 = undefined;
    this.flat1 = undefined;
    this.flat2 = undefined;
    this.flatRest = null;
  }
}

/** Flat inline values kept in PyInstance fields (flat0..flat2); later entries go to `flatRest`. */
export const FLAT_FIELDS = 3;

/** The flat inline value of `entry` (< flatLength), or undefined when unset. */
export function flatValueAt(instance: PyInstance, entry: number): PyObject | undefined {
  switch (entry) {
    case 0:
      return instance.flat0;
    case 1:
      return instance.flat1;
    case 2:
      return instance.flat2;
    default:
      return instance.flatRest![entry - FLAT_FIELDS];
  }
}

/** Sets the flat inline value of `entry` (< flatLength); the caller moves the references. */
export function setFlatValueAt(instance: PyInstance, entry: number, value: PyObject | undefined): void {
  switch (entry) {
    case 0:
      instance.flat0 = value;
      break;
    case 1:
      instance.flat1 = value;
      break;
    case 2:
      instance.flat2 = value;
      break;
    default:
      instance.flatRest![entry - FLAT_FIELDS] = value;
  }
}

/** Starts flat inline values sized for `length` entries, none set. */
export function startFlatValues(instance: PyInstance, length: number): void {
  instance.flatLength = length;
  if (length > FLAT_FIELDS) instance.flatRest = new Array<PyObject | undefined>(length - FLAT_FIELDS);
}

/**
 * Takes the flat inline values off the instance as one array of `flatLength` entries (what a
 * split table holds); the instance has none afterwards.
 */
export function takeFlatValues(instance: PyInstance): (PyObject | undefined)[] {
  const length = instance.flatLength;
  const values = new Array<PyObject | undefined>(length);
  for (let entry = 0; entry < length; entry++) values[entry] = flatValueAt(instance, entry);
  clearFlatValues(instance);
  return values;
}

/** Forgets the flat inline values (their references were moved or dropped by the caller). */
export function clearFlatValues(instance: PyInstance): void {
  instance.flatLength = -1;
  instance.flat0 = undefined;
  instance.flat1 = undefined;
  instance.flat2 = undefined;
  instance.flatRest = null;
}

/** Bytes an instance of `type` occupies (without GC headers), for addresses and getsizeof. */
export function instanceSize(type: PyType): number {
  if (type === rt.types.object) return 16;
  return type.layout.basicSize;
}

/**
 * Bytes a new instance's block holds for the object: its size plus, from 3.13, the inline
 * values of a plain class (Py_TPFLAGS_INLINE_VALUES: managed dict, nothing but the object
 * header in the struct). Their size follows the class's shared keys at this moment
 * (_PyObject_InlineValuesSize): a byte per usable key, rounded up to pointers, then one pointer
 * per usable key plus one. The keys give up one usable slot per new instance (down to 1), so
 * the first instances of a fresh class land in ever smaller size classes and do not reuse
 * each other's freed blocks.
 */
function allocationSize(type: PyType): number {
  const size = instanceSize(type);
  const layout = type.layout;
  if (rt.profile.instanceDict !== "inline-shared" || !type.heapType || !type.instancesHaveDict || layout.basicSize !== 16 || layout.itemSize !== 0) return size;
  const keys = keysCacheOf(type).keys!;
  const usable = keys.nentries + keys.usable;
  return size + Math.ceil(usable / 8) * 8 + (usable + 1) * 8;
}

/** object.__new__(type): a bare instance of a heap type (or of object itself). */
export function newInstance(type: PyType): PyInstance {
  const instance = new PyInstance(type);
  allocateObject(instance, allocationSize(type));
  if (type.heapType) {
    type.refcount++;
    if (type.instancesHaveDict) initInstanceAttributes(instance);
    if (type.layout.gc) {
      rt.gc.countAllocation();
      // A new instance is untracked: its slot is set here, not by gcTrack, whose check of
      // gcSlot meets every shape of object and is a slow lookup to V8.
      instance.gcSlot = trackedSlot(instance);
    }
  }
  return instance;
}

/**
 * Makes an object built by a built-in type's constructor an instance of the heap subtype
 * `type` (class MyList(list)): it takes a reference to its class and gets attribute storage.
 */
export function adoptSubtype(object: PyObject, type: PyType): void {
  if (object.type === type) return;
  object.type = type;
  if (type.heapType) {
    type.refcount++;
    if (type.instancesHaveDict && attributesOf(object) === null) initInstanceAttributes(object);
    if (object.gcSlot < 0 && type.layout.gc) gcTrack(object);
  }
}

/**
 * subtype_dealloc: finalizer first (__del__, at most once, may resurrect), then weak
 * references, attributes, memory, and the instance's reference to its class.
 */
export function instanceDealloc(self: PyObject): void {
  const type = self.type;
  if (type.finalize !== null && !rt.gc.finalized.has(self)) {
    rt.gc.finalized.add(self);
    self.refcount = 1;
    type.finalize(self);
    if (--self.refcount !== 0) return; // resurrected
  }
  gcUntrack(self);
  rt.clearWeakrefs(self);
  releaseInstanceState(self as PyInstance);
  freeObjectMemory(self, instanceSize(type));
  if (type.heapType) {
    if (type.layout.gc) rt.gc.countDeallocation();
    if (--type.refcount === 0) type.type.dealloc(type);
  }
}

function releaseInstanceState(instance: PyInstance): void {
  releaseSlotValues(instance);
  releaseAttributes(instance);
}

/**
 * subtype_dealloc's clear_slots, before the dict goes: the class's own __slots__ members first,
 * then each base's, each class's in sorted name order (its member table's). A value leaves its
 * slot before its reference is dropped, so a finalizer it runs finds the others still set.
 */
function releaseSlotValues(instance: PyInstance): void {
  const slots = instance.slotValues;
  if (slots === null) return;
  for (let type: PyType | null = instance.type; type !== null && type.heapType && type.traverse === instanceTraverse; type = type.base) {
    for (const name of sortedSlotNames(type)) {
      const value = slots.get(name);
      if (value === undefined) continue;
      slots.delete(name);
      decref(value);
    }
  }
  // Whatever a finalizer stored meanwhile (or a slot of no class on the way) goes last.
  for (const [name, value] of slots) {
    slots.delete(name);
    decref(value);
  }
  instance.slotValues = null;
}

/**
 * subtype_traverse, in CPython's order: the __slots__ members (the class's own first, then each
 * base's, each class's in sorted name order as its member table has them), then the values or
 * __dict__, then the class last. gc.get_referents shows this order, and the collector's moves
 * between lists follow it (collector.ts subtractChildren walks the common cases itself).
 */
export function instanceTraverse(self: PyObject, visit: (child: PyObject) => void): void {
  const instance = self as PyInstance;
  const slots = instance.slotValues;
  if (slots !== null) {
    for (let type: PyType | null = self.type; type !== null && type.heapType && type.traverse === instanceTraverse; type = type.base) {
      for (const name of sortedSlotNames(type)) {
        const value = slots.get(name);
        if (value !== undefined) visit(value);
      }
    }
  }
  const attributes = storageOf(instance);
  if (attributes !== null) traverseAttributes(attributes, visit);
  if (self.type.heapType) visit(self.type);
}

/** A class's __slots__ names in its member table's (sorted) order, computed once per class. */
const sortedSlotNamesByType = new WeakMap<PyType, readonly string[]>();
function sortedSlotNames(type: PyType): readonly string[] {
  if (type.slotNames.length === 0) return type.slotNames;
  let names = sortedSlotNamesByType.get(type);
  if (names === undefined) sortedSlotNamesByType.set(type, (names = [...type.slotNames].sort()));
  return names;
}

/**
 * subtype_clear: the __slots__ values first, in the order dealloc drops them, then the
 * attributes (cycles through the class stay). Up to 3.7 the __dict__ is left to the
 * collector's clear of the dict itself.
 */
export function instanceClear(self: PyObject): void {
  const instance = self as PyInstance;
  releaseSlotValues(instance);
  if (rt.profile.minor < 8) return;
  const attributes = storageOf(instance);
  if (attributes !== null) {
    const ownsValues = attributes.ownsValues;
    releaseAttributes(instance);
    // The instance keeps a (now empty) attribute storage, as CPython keeps its dict slot.
    startAttributes(instance, ownsValues);
  }
}

/**
 * subtype_traverse of a class over a built-in other than object (list, dict, int...): the
 * __dict__ the class added, the class, then what the built-in references.
 */
export function overBuiltinTraverse(baseTraverse: ((self: PyObject, visit: (child: PyObject) => void) => void) | null): (self: PyObject, visit: (child: PyObject) => void) => void {
  return (self, visit) => {
    const attributes = storageOf(self);
    if (attributes !== null) traverseAttributes(attributes, visit);
    visit(self.type);
    if (baseTraverse !== null) baseTraverse(self, visit);
  };
}

/** subtype_clear of a class over a built-in other than object: the __dict__ (3.8+), then the built-in's clear. */
export function overBuiltinClear(baseClear: ((self: PyObject) => void) | null): (self: PyObject) => void {
  return (self) => {
    if (rt.profile.minor >= 8 && storageOf(self) !== null) {
      releaseAttributes(self);
      startAttributes(self, false);
    }
    if (baseClear !== null) baseClear(self);
  };
}
