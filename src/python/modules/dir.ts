// dir(): attribute names of an object (its own, its class's and the bases'), sorted.
import type { PyObject } from "../runtime/object.js";
import { rt } from "../runtime/state.js";
import { newList } from "../runtime/types/list.js";
import { newStr, PyStr } from "../runtime/types/str.js";
import { PyType } from "../runtime/type.js";
import { PyModule } from "../runtime/types/module.js";
import { dictForEach } from "../runtime/types/dict.js";
import { Unsupported } from "../runtime/errors.js";
import { compareStrings } from "../runtime/types/str-spec.js";

function sortedList(names: Iterable<string>): PyObject {
  const strings = [...new Set(names)].map((name) => newStr(name));
  strings.sort((a, b) => compareStrings(a, b));
  return newList(strings);
}

function namespaceNames(type: PyType, into: Set<string>): void {
  for (const base of type.mro) for (const name of base.namespace.keys()) into.add(name);
}

export function dirNames(object: PyObject): PyObject {
  const names = new Set<string>();
  if (object instanceof PyModule) {
    dictForEach(object.dict, (key) => {
      if (key instanceof PyStr) names.add(key.value);
    });
    return sortedList(names);
  }
  if (object instanceof PyType) {
    namespaceNames(object, names);
    for (const base of object.type.mro) for (const name of base.namespace.keys()) if (object.type !== rt.types.type) names.add(name);
    return sortedList(names);
  }
  const table = object.attributes?.slot.dict;
  if (table) for (const key of table.keysInOrder()) if (key instanceof PyStr) names.add(key.value);
  namespaceNames(object.type, names);
  return sortedList(names);
}

/** The module namespace the running cell sees (globals()). New reference. */
export function scopeGlobals(): PyObject {
  const globals = rt.currentGlobals;
  if (globals === null) throw new Unsupported("globals() outside a notebook cell");
  globals.refcount++;
  return globals;
}

/** locals(): the globals at module level; inside functions the simulator does not expose frames. */
export function scopeLocals(): PyObject {
  if (rt.callDepth > 0) throw new Unsupported("locals() inside a function");
  return scopeGlobals();
}

export function dirOfScope(): PyObject {
  const globals = rt.currentGlobals;
  if (globals === null || rt.callDepth > 0) throw new Unsupported("dir() without arguments inside a function");
  const names: string[] = [];
  dictForEach(globals, (key) => {
    if (key instanceof PyStr) names.push(key.value);
  });
  return sortedList(names);
}
