// format(value, spec): fast paths for int/float/str, else type(value).__format__.
import type { PyObject } from "../object.js";
import { decref } from "../object.js";
import { rt } from "../state.js";
import { typeError } from "../errors.js";
import { PyStr, newStr } from "../types/str.js";
import { typeLookup } from "./attributes.js";
import { callBoundSpecial } from "../slot-table.js";
import { str as strOf } from "./object-protocol.js";

/**
 * PyObject_Format: `type(value).__format__(spec)`, a new reference to the str it returns (an
 * exact str with an empty spec is itself). `spec` is borrowed; null is the empty spec.
 */
export function formatToStr(value: PyObject, spec: PyStr | null): PyObject {
  if ((spec === null || spec.value === "") && value.type === rt.types.str) {
    value.refcount++;
    return value;
  }
  const method = typeLookup(value.type, "__format__");
  if (method === null) throw typeError(`Type ${value.type.name} doesn't define __format__`);
  const specObject = spec ?? newStr("");
  if (spec !== null) spec.refcount++;
  try {
    // PyObject_Format finds __format__ with _PyObject_LookupSpecial: called bound.
    const result = callBoundSpecial(value, method, [specObject]);
    if (!result.type.isSubtypeOf(rt.types.str)) {
      const name = result.type.name;
      decref(result);
      throw typeError(`__format__ must return a str, not ${name}`);
    }
    return result;
  } finally {
    decref(specObject);
  }
}

/** format(value, spec) as JS text. */
export function formatObjectWithSpec(value: PyObject, spec: string): string {
  if (spec === "" && value.type === rt.types.str) return (value as PyStr).value;
  const specObject = newStr(spec);
  try {
    const result = formatToStr(value, specObject) as PyStr;
    const text = result.value;
    decref(result);
    return text;
  } finally {
    decref(specObject);
  }
}

/** object.__format__ with an empty spec: str(self). */
export function formatObject(self: PyObject, _kind: "str"): PyObject {
  return strOf(self);
}
