// PEP 649/749 (3.14): a function's lazy `__annotate__` and the `__annotations__` it computes on first use.
import type { PyObject } from "../object.js";
import { decref } from "../object.js";
import { rt } from "../state.js";
import type { GetSetDef } from "../type-spec.js";
import type { PyType } from "../type.js";
import { PyFunction } from "./function.js";
import { newDescriptor } from "./descriptors.js";
import { newInt } from "./int.js";
import { PyDict } from "./dict.js";
import { typeError } from "../errors.js";
import { callPositional, callable } from "../abstract/object-protocol.js";

/** annotationlib.Format.VALUE: what `__annotations__` asks `__annotate__` for. */
const FORMAT_VALUE = 1;

/**
 * func_get_annotation_dict (Objects/funcobject.c, 3.14): with no cached dict, call
 * `__annotate__(1)` once and keep its result. Returns a new reference, or null when there is no
 * callable `__annotate__` (the caller then makes an empty dict, as before 3.14).
 */
export function annotationsFromAnnotate(func: PyFunction): PyObject | null {
  if (func.annotations !== null || func.annotate === null || !callable(func.annotate)) return null;
  const format = newInt(FORMAT_VALUE);
  let result: PyObject;
  try {
    result = callPositional(func.annotate, [format]);
  } finally {
    decref(format);
  }
  if (!(result instanceof PyDict)) {
    const typeName = result.type.name;
    decref(result);
    throw typeError(`__annotate__ returned non-dict of type '${typeName}'`);
  }
  // The call may have run code that set __annotations__ meanwhile; the new result wins, as in C.
  const old = func.annotations;
  func.annotations = result;
  if (old !== null) decref(old);
  result.refcount++;
  return result;
}

/** Setting `__annotations__` drops `__annotate__` (func_set_annotations). */
export function dropAnnotate(func: PyFunction): void {
  const old = func.annotate;
  func.annotate = null;
  if (old !== null) decref(old);
}

const ANNOTATE_GETSET: GetSetDef = {
  name: "__annotate__",
  get: (self) => {
    const value = (self as PyFunction).annotate ?? rt.None;
    value.refcount++;
    return value;
  },
  set: (self, value) => {
    const func = self as PyFunction;
    if (value === null) throw typeError("__annotate__ cannot be deleted");
    if (value !== rt.None && !callable(value)) throw typeError("__annotate__ must be callable or None");
    // A new callable invalidates the cached dict; None keeps it (test_annotations.check_annotations).
    if (value !== rt.None && func.annotations !== null) {
      const cached = func.annotations;
      func.annotations = null;
      decref(cached);
    }
    const old = func.annotate;
    if (value === rt.None) {
      func.annotate = null;
    } else {
      value.refcount++;
      func.annotate = value;
    }
    if (old !== null) decref(old);
  },
};

/** The `function` type's `__annotate__` attribute, which only exists from 3.14. */
export function versionedFunctionAttributes(type: PyType): ReadonlyMap<string, PyObject> {
  if (rt.profile.annotations !== "lazy") return new Map();
  return new Map([[ANNOTATE_GETSET.name, newDescriptor("getset", type, ANNOTATE_GETSET.name, null, ANNOTATE_GETSET)]]);
}
