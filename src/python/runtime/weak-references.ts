// Weak references held on objects: the list head for __weakref__ and clearing on death.
import type { PyObject } from "./object.js";
import { rt } from "./state.js";
import { call } from "./abstract/object-protocol.js";
import { PyRaise } from "./errors.js";
import { writeUnraisable } from "./unraisable.js";

/** An object that refers weakly to another; cleared (and its callback called) when it dies. */
export interface WeakReferenceLike extends PyObject {
  /** The referent, or null once cleared (not an owned reference). */
  referent: PyObject | null;
  /** Callback to call after clearing (owned), or null. */
  callback: PyObject | null;
}

/**
 * The weak references to each object that has any, in the order `addWeakReference` keeps.
 * Beside the objects rather than a field of each: few objects are ever weakly referenced, and
 * a field would cost every object 8 bytes. Weak keys, so a referent that is never deallocated
 * (a session's leftovers) does not keep its entry.
 */
const listsByReferent = new WeakMap<PyObject, PyObject[]>();
/**
 * How many lists `listsByReferent` holds (at least: an entry V8 drops with its key is still
 * counted). While it is 0, which is most of the time, a dying object needs no lookup.
 */
let listCount = 0;

/** The weak references to `object` (borrowed; the stored list, empty when none). */
export function weakReferencesOf(object: PyObject): readonly PyObject[] {
  if (listCount === 0) return NO_REFERENCES;
  return listsByReferent.get(object) ?? NO_REFERENCES;
}

const NO_REFERENCES: readonly PyObject[] = Object.freeze([]);

/** True when some weak reference refers to `object`. */
export function hasWeakReferences(object: PyObject): boolean {
  return listCount !== 0 && listsByReferent.has(object);
}

/** obj.__weakref__: the first weak reference to obj, or None. New reference. */
export function weakrefListHead(object: PyObject): PyObject {
  const first = weakReferencesOf(object)[0] ?? rt.None;
  first.refcount++;
  return first;
}

/** Adds `reference` to the end of `object`'s list, or at its head (CPython's basic reference). */
export function addWeakReference(object: PyObject, reference: WeakReferenceLike, atHead = false): void {
  let list = listsByReferent.get(object);
  if (list === undefined) {
    list = [];
    listsByReferent.set(object, list);
    listCount++;
  }
  if (atHead) list.unshift(reference);
  else list.push(reference);
}

export function removeWeakReference(object: PyObject, reference: WeakReferenceLike): void {
  const list = listsByReferent.get(object);
  if (list === undefined) return;
  const index = list.indexOf(reference);
  if (index >= 0) list.splice(index, 1);
  if (list.length === 0) dropList(object);
}

function dropList(object: PyObject): void {
  if (listsByReferent.delete(object)) listCount--;
}

/**
 * PyObject_ClearWeakRefs: when `object` dies its weak references go dead, and their callbacks
 * run (most recent first, as CPython walks the list).
 */
export function clearWeakReferences(object: PyObject): void {
  if (listCount === 0) return;
  const pending = detachWeakReferences(object);
  for (const reference of pending) {
    reference.refcount++;
    callWeakrefCallback(reference);
    if (--reference.refcount === 0) reference.type.dealloc(reference);
  }
}

/**
 * Clears the weak references to `object` (they read None from now on) and returns those with
 * a callback, in the order their callbacks are due: most recent first. Borrowed.
 */
export function detachWeakReferences(object: PyObject): WeakReferenceLike[] {
  const list = listsByReferent.get(object);
  if (list === undefined) return [];
  dropList(object);
  const pending: WeakReferenceLike[] = [];
  for (const reference of list as WeakReferenceLike[]) {
    reference.referent = null;
    if (reference.callback !== null) pending.push(reference);
  }
  return pending.reverse();
}

/** Calls a cleared reference's callback with it, once (the reference drops the callback first). */
export function callWeakrefCallback(reference: WeakReferenceLike): void {
  const callback = reference.callback;
  if (callback === null) return;
  reference.callback = null;
  try {
    const result = call(callback, { values: [reference], kwnames: null });
    if (--result.refcount === 0) result.type.dealloc(result);
  } catch (error) {
    if (error instanceof PyRaise) writeUnraisable(error, callback);
    else throw error;
  }
  if (--callback.refcount === 0) callback.type.dealloc(callback);
}
