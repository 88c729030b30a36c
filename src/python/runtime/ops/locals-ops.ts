// locals() called from a function: the dict of its fast locals and cells the running code offered (see codegen/locals-snapshot.ts).
import type { PyObject } from "../object.js";
import { rt } from "../state.js";
import { PyCell } from "../types/cell.js";
import { newDict, dictSetItem, dictDeleteItem, type PyDict } from "../types/dict.js";
import { internName } from "../types/str.js";

interface OfferedLocals {
  /** The call depth of the function that offered them: locals() must run at that depth. */
  readonly depth: number;
  readonly names: readonly string[];
  /** The current values (cells undereferenced, null when unbound), read at the moment of the call. */
  readonly values: () => readonly (PyObject | null)[];
  /** ≤3.12: the dict the frame keeps and refreshes on each call (owned by the frame). */
  readonly cached: () => PyDict | null;
  readonly keep: (dict: PyDict) => void;
}

let offered: OfferedLocals | null = null;

/** Generated code: the function is about to load the name `locals`. */
export function offerLocals(names: readonly string[], values: () => readonly (PyObject | null)[], cached: () => PyDict | null, keep: (dict: PyDict) => void): void {
  offered = { depth: rt.callDepth, names, values, cached, keep };
}

/**
 * locals() in the function at the current call depth, or null when that function offered
 * nothing. 3.13 (PEP 667) builds a new snapshot per call; before, the frame's one dict is
 * refreshed: bound names set, unbound ones removed (PyFrame_FastToLocals).
 */
export function functionLocals(): PyObject | null {
  const offer = offered;
  if (offer === null || offer.depth !== rt.callDepth) return null;
  const snapshot = rt.profile.minor >= 13;
  let dict = snapshot ? null : offer.cached();
  if (dict === null) {
    dict = newDict();
    if (!snapshot) offer.keep(dict);
  }
  const values = offer.values();
  offer.names.forEach((name, index) => {
    const slot = values[index] ?? null;
    const value = slot instanceof PyCell ? slot.contents : slot;
    const key = internName(name);
    try {
      if (value !== null) dictSetItem(dict, key, value);
      else if (!snapshot) dictDeleteItem(dict, key);
    } finally {
      if (--key.refcount === 0) key.type.dealloc(key);
    }
  });
  // The frame keeps its own reference (≤3.12); the caller gets another.
  if (!snapshot) dict.refcount++;
  return dict;
}
