// repr, str, hash, call and type-name helpers every other part of the runtime uses.
import type { PyObject } from "../object.js";
import { decref } from "../object.js";
import { rt } from "../state.js";
import { typeError } from "../errors.js";
import type { CallArgs } from "../slots.js";
import type { PyStr } from "../types/str.js";
import type { PyHash } from "../hashing/hash-value.js";

const NO_KEYWORDS: readonly string[] | null = null;

/** repr(value): a new reference to a str. */
export function repr(value: PyObject): PyStr {
  const slot = value.type.repr;
  if (slot === null) throw new Error(`simulator bug: type ${value.type.name} has no repr`);
  const result = slot(value);
  if (!result.type.isSubtypeOf(rt.types.str)) {
    const name = result.type.name;
    decref(result);
    throw typeError(`__repr__ returned non-string (type ${name})`);
  }
  return result as PyStr;
}

/** repr(value) as a JS string. */
export function reprText(value: PyObject): string {
  const result = repr(value);
  const text = result.value;
  decref(result);
  return text;
}

/** str(value): a new reference to a str (the value itself for exact str). */
export function str(value: PyObject): PyStr {
  if (value.type === rt.types.str) {
    value.refcount++;
    return value as PyStr;
  }
  const slot = value.type.str ?? value.type.repr;
  if (slot === null) throw new Error(`simulator bug: type ${value.type.name} has no str`);
  const result = slot(value);
  if (!result.type.isSubtypeOf(rt.types.str)) {
    const name = result.type.name;
    decref(result);
    throw typeError(`__str__ returned non-string (type ${name})`);
  }
  return result as PyStr;
}

export function strText(value: PyObject): string {
  const result = str(value);
  const text = result.value;
  decref(result);
  return text;
}

/** hash(value), raising TypeError for unhashable types. */
export function hash(value: PyObject): PyHash {
  const slot = value.type.hash;
  if (slot === null) throw typeError(`unhashable type: '${value.type.name}'`);
  return slot(value);
}

/** callable(args...): new reference. */
export function call(callable: PyObject, args: CallArgs): PyObject {
  const slot = callable.type.call;
  if (slot === null) throw typeError(`'${callable.type.name}' object is not callable`);
  return slot(callable, args);
}

/** callable(*values) with positional arguments only (borrowed). */
export function callPositional(callable: PyObject, values: readonly PyObject[]): PyObject {
  return call(callable, { values, kwnames: NO_KEYWORDS });
}

export function callable(value: PyObject): boolean {
  return value.type.call !== null;
}
