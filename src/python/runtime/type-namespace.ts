// A class's namespace: the dict object (tp_dict) owns the references, and `type.namespace` is a
// JavaScript index over it (borrowed values) so that typeLookup stays a Map read.
//
// Heap types: every change goes through this file, which updates the index before the dict (a
// value released by the dict may run Python code that looks the name up again). Built-in types:
// the Map owns the values (they never die) and the dict is a static copy made on first request.
import type { PyObject } from "./object.js";
import { decref } from "./object.js";
import { rt } from "./state.js";
import type { PyType } from "./type.js";
import { PyDict, OBJECT_KEY_OPS, dictSetItem, dictDeleteItem, dictForEach, dictClear } from "./types/dict.js";
import { DictTable } from "./tables/index.js";
import { PyStr, internName } from "./types/str.js";
import { invalidateTypeCaches } from "./abstract/attributes.js";

/** PyDictObject's size: a static dict takes this much of the static region. */
const STATIC_DICT_SIZE = 48;

/** A dict object in the static region (CPython makes these at startup): never freed, never counted by gc. */
export function newStaticDict(): PyDict {
  const dict = new PyDict(DictTable.create<PyObject, PyObject>(rt.profile, OBJECT_KEY_OPS));
  dict.address = rt.staticAddress(STATIC_DICT_SIZE);
  rt.registerStatic(dict, STATIC_DICT_SIZE);
  return dict;
}

/** tp_dict of `type`. Borrowed. A built-in type's is made here on first request. */
export function typeDict(type: PyType): PyDict {
  const existing = type.dict;
  if (existing !== null) return existing;
  const dict = newStaticDict();
  for (const [name, value] of type.namespace) {
    const key = internName(name);
    dictSetItem(dict, key, value);
    decref(key);
  }
  type.dict = dict;
  return dict;
}

/** Rebuilds the index from the dict (after the dict was made or changed as a whole). */
export function reindexNamespace(type: PyType): void {
  const index = type.namespace;
  index.clear();
  dictForEach(type.dict!, (key, value) => {
    if (key instanceof PyStr) index.set(key.value, value);
  });
  invalidateTypeCaches();
}

/** type.__dict__[name] = value (value borrowed): PyDict_SetItem on tp_dict. */
export function setTypeAttribute(type: PyType, name: string, value: PyObject): void {
  const dict = typeDict(type);
  type.namespace.set(name, value);
  invalidateTypeCaches();
  const key = internName(name);
  try {
    dictSetItem(dict, key, value);
  } finally {
    decref(key);
  }
}

/** del type.__dict__[name]: false when the name is not there. */
export function deleteTypeAttribute(type: PyType, name: string): boolean {
  if (!type.namespace.has(name)) return false;
  type.namespace.delete(name);
  invalidateTypeCaches();
  const key = internName(name);
  try {
    return dictDeleteItem(typeDict(type), key);
  } finally {
    decref(key);
  }
}

/** PyDict_Clear(tp_dict), as type_clear does to break a class's cycles. */
export function clearTypeNamespace(type: PyType): void {
  type.namespace.clear();
  invalidateTypeCaches();
  if (type.dict !== null) dictClear(type.dict);
}
