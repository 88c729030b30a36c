// Reading and writing names in a namespace dict from JavaScript.
import type { PyObject } from "../runtime/object.js";
import { decref } from "../runtime/object.js";
import { dictGetItem, dictSetItem, dictDeleteItem, type PyDict } from "../runtime/types/dict.js";
import { internName } from "../runtime/types/str.js";

/** namespace[name] = value; steals `value`. */
export function setNamespaceValue(namespace: PyDict, name: string, value: PyObject): void {
  const key = internName(name);
  dictSetItem(namespace, key, value);
  decref(key);
  decref(value);
}

/** namespace[name], borrowed, or null. */
export function namespaceValue(namespace: PyDict, name: string): PyObject | null {
  const key = internName(name);
  try {
    return dictGetItem(namespace, key);
  } finally {
    decref(key);
  }
}

export function deleteNamespaceValue(namespace: PyDict, name: string): void {
  const key = internName(name);
  dictDeleteItem(namespace, key);
  decref(key);
}
