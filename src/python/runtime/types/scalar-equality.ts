// `==` of two exact strs, ints or floats of one type, answered without the comparison machinery.
import type { PyObject } from "../object.js";
import { rt } from "../state.js";
import type { PyStr } from "./str.js";
import type { PyInt } from "./int.js";
import type { PyFloat } from "./float.js";

/**
 * `a == b` when both are of one exact type among str, int (JS-number values) and float: such a
 * comparison runs no Python code and cannot fail, so containers may skip the references and
 * bookkeeping they hold around a general one. Undefined for every other pair.
 */
export function scalarEquals(a: PyObject, b: PyObject): boolean | undefined {
  const type = a.type;
  if (type !== b.type) return undefined;
  const types = rt.types;
  if (type === types.str) return (a as PyStr).value === (b as PyStr).value;
  if (type === types.int || type === types.float) {
    const x = (a as PyInt | PyFloat).value;
    const y = (b as PyInt | PyFloat).value;
    return typeof x === "number" && typeof y === "number" ? x === y : undefined;
  }
  return undefined;
}
