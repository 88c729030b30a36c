// format(value, spec): fast paths for int/float/str, else type(value).__format__.
import type { PyObject } from "../object.js";
import { decref } from "../object.js";
import { rt } from "../state.js";
import { typeError } from "../errors.js";
import { PyStr, newStr } from "../types/str.js";
import { typeLookup } from "./attributes.js";
import { callSpecial } from "../slot-table.js";
import { str as strOf } from "./object-protocol.js";

/** format(value, spec) as JS text. */
export function formatObjectWithSpec(value: PyObject, spec: string): string {
  if (spec === "" && value.type === rt.types.str) return (value as PyStr).value;
  const method = typeLookup(value.type, "__format__");
  if (method === null) throw typeError(`Type ${value.type.name} doesn't define __format__`);
  const specObject = newStr(spec);
  try {
    const result = callSpecial(value, method, [specObject]);
    if (!(result instanceof PyStr)) {
      const name = result.type.name;
      decref(result);
      throw typeError(`__format__ must return a str, not ${name}`);
    }
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
