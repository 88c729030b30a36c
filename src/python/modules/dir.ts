// dir(): the names object.__dir__, type.__dir__ and module.__dir__ report, and the scope
// helpers behind dir(), vars(), globals() and locals() without arguments.
import type { PyObject } from "../runtime/object.js";
import { decref } from "../runtime/object.js";
import { rt } from "../runtime/state.js";
import { newList } from "../runtime/types/list.js";
import { newStr, PyStr } from "../runtime/types/str.js";
import { PyType } from "../runtime/type.js";
import { PyModule } from "../runtime/types/module.js";
import { PyDict, dictForEach } from "../runtime/types/dict.js";
import { Unsupported } from "../runtime/errors.js";
import { optionalAttribute } from "./optional-attribute.js";
import { isRefusalHook } from "./module-builder.js";
import { definitionOf } from "./registry.js";
import { missingBuiltinNames } from "./builtins.js";
import { functionLocals } from "../runtime/ops/locals-ops.js";

/** An ordered set of names, as the dict CPython merges them into keeps first insertions. */
type NameSet = Set<string>;

function listOf(names: NameSet): PyObject {
  return newList([...names].map((name) => newStr(name)));
}

function addDictKeys(dict: PyDict, into: NameSet): void {
  dictForEach(dict, (key, value) => {
    if (key instanceof PyStr && !isRefusalHook(value)) into.add(key.value);
  });
}

/** merge_class_dict: the class's own names, then each base's, depth first. */
function mergeClassNames(type: PyType, into: NameSet): void {
  for (const name of type.namespace.keys()) into.add(name);
  for (const base of type.bases) mergeClassNames(base, into);
}

/** What the import system puts in a module built into the interpreter, beyond __name__ and __package__. */
const BUILT_IN_MODULE_METADATA = ["__doc__", "__loader__", "__spec__"];

/**
 * The names the real module has beyond the simulated module's dict: the ones the simulator
 * refuses by name, and the import metadata. builtins and the modules whose definition lists
 * every name answer; the simulator's other modules (sys, math, ...) have only part of the real
 * module's names, or names that depend on how CPython was built (`math.__file__` exists where
 * math is a shared library, not in Debian's build), so their dir() is refused. A module made
 * in the cell lists its dict, as in CPython.
 */
function namesBesideTheDict(module: PyModule): readonly string[] {
  if (rt.modules.get(module.name) !== module) return [];
  if (module === rt.builtins) return ["__doc__", ...missingBuiltinNames()];
  const definition = definitionOf(module);
  if (definition?.listsEveryName !== true) throw new Unsupported(`dir() of module '${module.name}' (the simulator has only part of its names)`);
  return [...BUILT_IN_MODULE_METADATA, ...(definition.unsupported ?? [])];
}

/**
 * What `object.__dir__()` returns (new reference; dir() sorts it). Instances: the __dict__'s
 * keys (reading __dict__, which makes the dict object exist as in CPython) and the names of
 * __class__ and its bases. Classes: their own and their bases' names, not the metaclass's.
 * Modules: the keys of their dict.
 */
export function dirNames(object: PyObject): PyObject {
  const names: NameSet = new Set();
  if (object instanceof PyModule) {
    addDictKeys(object.dict, names);
    for (const name of namesBesideTheDict(object)) names.add(name);
    return listOf(names);
  }
  if (object instanceof PyType) {
    mergeClassNames(object, names);
    return listOf(names);
  }
  const dict = optionalAttribute(object, "__dict__");
  if (dict !== null) {
    if (dict instanceof PyDict) addDictKeys(dict, names);
    decref(dict);
  }
  const itsClass = optionalAttribute(object, "__class__");
  if (itsClass !== null) {
    if (itsClass instanceof PyType) mergeClassNames(itsClass, names);
    decref(itsClass);
  }
  return listOf(names);
}

/** The module namespace the running cell sees (globals()). New reference. */
export function scopeGlobals(): PyObject {
  const globals = rt.currentGlobals;
  if (globals === null) throw new Unsupported("globals() outside a notebook cell");
  globals.refcount++;
  return globals;
}

/** locals(): the globals at module level; in a function, the dict of its locals the function's code offered. */
export function scopeLocals(): PyObject {
  if (rt.callDepth > 0) return functionLocals() ?? refuseLocals();
  return scopeGlobals();
}

function refuseLocals(): never {
  throw new Unsupported("locals() inside a class body, a comprehension, or through another name");
}

/** dir() without arguments: the sorted names of the current (module-level) scope. */
export function namesInScope(): PyObject {
  const globals = rt.currentGlobals;
  if (globals === null || rt.callDepth > 0) throw new Unsupported("dir() without arguments inside a function");
  const names: NameSet = new Set();
  addDictKeys(globals, names);
  return listOf(names);
}
