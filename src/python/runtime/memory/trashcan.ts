// CPython's trashcan: deallocations nested deeper than a fixed level are deferred, not recursed.
//
// Freeing the head of a million-node linked list would otherwise recurse a million levels
// (each node's dealloc drops the next node's last reference). CPython's container deallocators
// (Py_TRASHCAN_BEGIN/END) count their nesting; past the unwind level they park the object on a
// list and return, and when the outermost one finishes it frees the parked objects last-in,
// first-out. The order matters to lessons: it decides which freed block the next object gets.
import type { PyObject } from "../object.js";
import { rt } from "../state.js";
import { gcUntrack } from "../gc/tracking.js";

export class TrashcanState {
  /** Deallocations in progress (≤3.12's delete_nesting; 3.13+: the C recursion used). */
  nesting = 0;
  /** Parked objects; the last one parked is freed first. */
  readonly deferred: PyObject[] = [];
}

type Dealloc = (self: PyObject) => void;

const bodies = new WeakMap<Dealloc, Dealloc>();

/** Wraps a deallocator body in Py_TRASHCAN_BEGIN/END, as the profile's version does it. */
export function withTrashcan(body: Dealloc): Dealloc {
  const guarded = (self: PyObject): void => {
    const trash = rt.trashcan;
    const model = rt.profile.trashcan;
    const limit = model.style === "nesting" ? model.unwindLevel : model.depthLimit - model.headroom;
    if (trash.nesting >= limit) {
      // The deferred list links objects through their gc header, so they leave the collector first.
      gcUntrack(self);
      trash.deferred.push(self);
      return;
    }
    ++trash.nesting;
    try {
      body(self);
    } finally {
      if (model.style === "nesting") {
        --trash.nesting;
        // _PyTrash_end: the outermost deallocation frees what was parked.
        if (trash.nesting <= 0 && trash.deferred.length > 0) destroyDeferred(trash, true);
      } else {
        // 3.13+ Py_TRASHCAN_END: free parked objects as soon as there is headroom again.
        if (trash.deferred.length > 0 && model.depthLimit - trash.nesting > 2 * model.headroom) destroyDeferred(trash, false);
        --trash.nesting;
      }
    }
  };
  bodies.set(guarded, body);
  return guarded;
}

/**
 * The deallocator without its trashcan: a subclass's subtype_dealloc calls its base's body
 * directly (CPython's condition `Py_TYPE(op)->tp_dealloc == dealloc` skips the inner one).
 */
export function withoutTrashcan(dealloc: Dealloc): Dealloc {
  return bodies.get(dealloc) ?? dealloc;
}

/**
 * _PyTrash_thread_destroy_chain: last parked, first freed. Up to 3.12 each runs at nesting 1
 * (the chain counts as one level); 3.13+ runs them from the current depth.
 */
function destroyDeferred(trash: TrashcanState, countsAsLevel: boolean): void {
  while (trash.deferred.length > 0) {
    const object = trash.deferred.pop()!;
    if (countsAsLevel) ++trash.nesting;
    try {
      object.type.dealloc(object);
    } finally {
      if (countsAsLevel) --trash.nesting;
    }
  }
}
