// The collector's untrack_tuples: a surviving tuple of atomic items stops being tracked.
import type { PyObject } from "../object.js";
import { rt } from "../state.js";
import { gcUntrack, isTracked } from "../gc/tracking.js";
import type { PyTuple } from "./tuple.js";

export function tupleUntrackIfAtomic(object: PyObject): void {
  if (rt.profile.minor >= 14) return;
  for (const item of (object as PyTuple).items) {
    // A NULL slot (a tuple still being filled) keeps it tracked, as _PyTuple_MaybeUntrack does.
    if (item === undefined) return;
    if (item.type.layout.gc && (item.type !== rt.types.tuple || isTracked(item))) return;
  }
  gcUntrack(object);
}
