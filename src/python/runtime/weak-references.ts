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

/** obj.__weakref__: the first weak reference to obj, or None. New reference. */
export function weakrefListHead(object: PyObject): PyObject {
  const first = object.extras?.weakrefs?.[0] ?? rt.None;
  first.refcount++;
  return first;
}

export function addWeakReference(object: PyObject, reference: WeakReferenceLike): void {
  if (object.extras === null) object.extras = { weakrefs: [] };
  if (object.extras.weakrefs === null) object.extras.weakrefs = [];
  object.extras.weakrefs.push(reference);
}

export function removeWeakReference(object: PyObject, reference: WeakReferenceLike): void {
  const list = object.extras?.weakrefs;
  if (!list) return;
  const index = list.indexOf(reference);
  if (index >= 0) list.splice(index, 1);
}

/**
 * PyObject_ClearWeakRefs: when `object` dies its weak references go dead, and their callbacks
 * run (most recent first, as CPython walks the list).
 */
export function clearWeakReferences(object: PyObject): void {
  const list = object.extras?.weakrefs;
  if (!list || list.length === 0) return;
  object.extras!.weakrefs = null;
  const pending: WeakReferenceLike[] = [];
  for (const reference of list as WeakReferenceLike[]) {
    reference.referent = null;
    if (reference.callback !== null) {
      reference.refcount++;
      pending.push(reference);
    }
  }
  for (const reference of pending.reverse()) {
    const callback = reference.callback!;
    reference.callback = null;
    try {
      const result = call(callback, { values: [reference], kwnames: null });
      if (--result.refcount === 0) result.type.dealloc(result);
    } catch (error) {
      if (error instanceof PyRaise) writeUnraisable(error, callback);
      else throw error;
    }
    if (--callback.refcount === 0) callback.type.dealloc(callback);
    if (--reference.refcount === 0) reference.type.dealloc(reference);
  }
}
