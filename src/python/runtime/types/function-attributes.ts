// A function's own attributes (func_dict) and the writable special attributes of functions.
//
// CPython keeps a plain dict pointer in PyFunctionObject: no shared keys and no inline values
// (those are for instances of classes), so the dict is an ordinary `PyDict_New()` dict made on
// the first store or the first read of __dict__, and it is a separate object in every version.
import type { PyObject } from "../object.js";
import { decref } from "../object.js";
import { rt } from "../state.js";
import { attributeError, typeError } from "../errors.js";
import { typeLookup } from "../abstract/attributes.js";
import { attributesOf, replaceInstanceDict, startAttributes } from "../instance-attributes.js";
import { newDict, dictSetItem, dictPopItemReference, PyDict } from "./dict.js";
import type { PyFunction } from "./function.js";
import type { PyStr } from "./str.js";

/**
 * The function's dict, made on first need (PyObject_GenericGetDict / _PyObjectDict_SetItem).
 * Borrowed. The storage shows the dict's own table, so the generic attribute lookup and the
 * suggestions read what the dict holds.
 */
export function functionDictObject(self: PyObject): PyDict {
  let attributes = attributesOf(self);
  if (attributes === null) attributes = startAttributes(self, false);
  let dict = attributes.dictObject;
  if (dict === null) {
    dict = newDict();
    attributes.dictObject = dict;
  }
  attributes.dict = dict.table;
  return dict;
}

/** func.__dict__: new reference. */
export function functionGetDict(self: PyObject): PyObject {
  const dict = functionDictObject(self);
  dict.refcount++;
  return dict;
}

/** func.__dict__ = value (PyObject_GenericSetDict): only a dict, never deleted. */
export function functionSetDict(self: PyObject, value: PyObject | null): void {
  if (value === null) throw typeError("cannot delete __dict__");
  if (!(value instanceof PyDict)) throw typeError(`__dict__ must be set to a dictionary, not a '${value.type.name}'`);
  replaceInstanceDict(self, value);
}

/**
 * tp_setattro of functions (PyObject_GenericSetAttr): a data descriptor of the type wins, else
 * the store goes to the dict, which even a failing `del` creates first, as CPython does.
 */
export function functionSetAttr(self: PyObject, nameObject: PyObject, value: PyObject | null): void {
  const name = nameObject as PyStr;
  const descriptor = typeLookup(self.type, name.value);
  const setter = descriptor?.type.descrSet ?? null;
  if (setter !== null) {
    setter(descriptor!, self, value);
    return;
  }
  const dict = functionDictObject(self);
  try {
    if (value !== null) {
      dictSetItem(dict, name, value);
      return;
    }
    const removed = dictPopItemReference(dict, name);
    if (removed === null) {
      // ≤3.10 turn the dict's KeyError into AttributeError(name); 3.11+ word it in full.
      throw attributeError(rt.profile.minor >= 11 ? `'${self.type.name}' object has no attribute '${name.value}'` : name.value);
    }
    decref(removed);
  } finally {
    // A store that grew the dict may have given it a new table.
    const attributes = attributesOf(self);
    if (attributes !== null && attributes.dictObject === dict) attributes.dict = dict.table;
  }
}

/** Setter of a read-only member of a function (__globals__, __closure__, __builtins__). */
export function readonlyMember(): never {
  throw attributeError("readonly attribute");
}

type FieldOf<T> = { [K in keyof PyFunction]: PyFunction[K] extends T ? K : never }[keyof PyFunction];

/**
 * Stores into a nullable field after checking the value (None and deletion clear it, as
 * func_set_defaults / func_set_kwdefaults / func_set_annotations do); the old value goes last.
 */
export function setNullableField(func: PyFunction, field: FieldOf<PyObject | null>, value: PyObject | null, accepts: (value: PyObject) => boolean, message: string): void {
  const next = value === rt.None ? null : value;
  if (next !== null && !accepts(next)) throw typeError(message);
  if (next !== null) next.refcount++;
  const record = func as unknown as Record<string, PyObject | null>;
  const old = record[field] ?? null;
  record[field] = next;
  if (old !== null) decref(old);
}
