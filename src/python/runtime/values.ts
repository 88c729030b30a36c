// New references to the singletons and small values every part of the runtime returns.
import type { PyObject } from "./object.js";
import { rt } from "./state.js";
import { newInt } from "./types/int.js";
import { normalize } from "./types/int-value.js";
import type { PyHash } from "./hashing/hash-value.js";

export function newNone(): PyObject {
  rt.None.refcount++;
  return rt.None;
}

export function newBool(value: boolean): PyObject {
  const result = value ? rt.True : rt.False;
  result.refcount++;
  return result;
}

export function newNotImplemented(): PyObject {
  rt.NotImplemented.refcount++;
  return rt.NotImplemented;
}

/** An int object for a hash value. */
export function newIntFromHash(hash: PyHash): PyObject {
  return newInt(typeof hash === "number" ? hash : normalize(hash));
}
