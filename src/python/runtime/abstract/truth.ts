// Truth testing (PyObject_IsTrue): nb_bool, then length, then true.
import type { PyObject } from "../object.js";
import { rt } from "../state.js";

export function isTrue(value: PyObject): boolean {
  if (value === rt.True) return true;
  if (value === rt.False || value === rt.None) return false;
  const type = value.type;
  if (type.bool !== null) return type.bool(value);
  if (type.length !== null) return type.length(value) !== 0;
  return true;
}
