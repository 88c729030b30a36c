// GC tracking: linking container objects into the youngest generation and out again.
//
// Generations are circular doubly linked lists through PyObject.gcNext/gcPrev with a sentinel
// head each, as in CPython, so untracking is O(1).
import { PyObject } from "../object.js";
import { rt } from "../state.js";

/** A generation's list head. Its own fields are the only ones used. */
export function newListHead(): PyObject {
  const head = Object.create(PyObject.prototype) as PyObject;
  head.gcNext = head;
  head.gcPrev = head;
  head.gcGeneration = -2;
  return head;
}

/** Inserts `object` at the end of the list headed by `head`. */
export function listAppend(head: PyObject, object: PyObject): void {
  const last = head.gcPrev!;
  last.gcNext = object;
  object.gcPrev = last;
  object.gcNext = head;
  head.gcPrev = object;
}

export function listRemove(object: PyObject): void {
  object.gcPrev!.gcNext = object.gcNext;
  object.gcNext!.gcPrev = object.gcPrev;
  object.gcNext = null;
  object.gcPrev = null;
}

/** PyObject_GC_Track: the object joins generation 0. */
export function gcTrack(object: PyObject): void {
  if (object.gcGeneration >= 0) return;
  listAppend(rt.gc.generationHeads[0]!, object);
  object.gcGeneration = 0;
}

/** PyObject_GC_UnTrack. */
export function gcUntrack(object: PyObject): void {
  if (object.gcGeneration < 0) return;
  listRemove(object);
  object.gcGeneration = -1;
}

export function isTracked(object: PyObject): boolean {
  return object.gcGeneration >= 0;
}
