// PyObject, the base of every simulated object: type, reference count and address.
//
// Reference discipline (as in CPython's C API, and named the same way in doc comments):
// - a function that returns a PyObject returns a **new reference** unless its doc says
//   "borrowed"; the caller owns it and must `decref` it or hand it on;
// - arguments are **borrowed** unless the doc says "steals";
// - `incref`/`decref` are the only ways a count changes; deallocation happens exactly when a
//   count reaches zero, through the type's `dealloc` slot.
import type { PyType } from "./type.js";
import type { InstanceAttributes } from "./instance-attributes.js";

/** Counts at or above this mark belong to immortal objects (3.12+); they never reach zero. */
export const IMMORTAL_MARK = 2 ** 50;

/** Extra per-object state that only some objects need (instance attributes, weak references). */
export interface ObjectExtras {
  /** Weak references to this object, cleared when it dies. */
  weakrefs: PyObject[] | null;
}

export class PyObject {
  /** ob_refcnt. Immortal objects hold IMMORTAL_MARK or more (see refcount reporting). */
  refcount: number;
  /** id(): the simulated address of the object's first byte (ob_refcnt). */
  address: number;
  /** ob_type. A counted reference only for instances of heap types, as in CPython. */
  type: PyType;
  /** Generation list links; `gcGeneration` is -1 while untracked. */
  gcNext: PyObject | null;
  gcPrev: PyObject | null;
  gcGeneration: number;
  /** Scratch count used by the collector (gc_refs). */
  gcRefs: number;
  extras: ObjectExtras | null;
  /** Instance attributes (__dict__ storage) for objects whose type gives them one. */
  attributes: InstanceAttributes | null;

  constructor(type: PyType) {
    this.refcount = 1;
    this.address = 0;
    this.type = type;
    this.gcNext = null;
    this.gcPrev = null;
    this.gcGeneration = -1;
    this.gcRefs = 0;
    this.extras = null;
    this.attributes = null;
  }
}

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
