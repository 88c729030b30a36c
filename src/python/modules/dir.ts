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
import { cpythonDir } from "./cpython-module-names.js";
import { ipythonNamespaceNames, missingBuiltinNames } from "./builtins.js";
import { sessionNamespace } from "./namespace-generation.js";
import { functionLocals } from "../runtime/ops/locals-ops.js";

/** An ordered set of names, as the dict CPython merges them into keeps first insertions. */
type NameSet = Set<string>;

function listOf(names: NameSet): PyObject {
  return newList([...names].map((name) => newStr(name)));
}

function addDictKeys(dict: PyDict, into: NameSet): void {
  dictForEach(dict, (key) => {
    if (key instanceof PyStr) into.add(key.value);
  });
}

/** merge_class_dict: the class's own names, then each base's, depth first. */
function mergeClassNames(type: PyType, into: NameSet): void {
  for (const name of type.namespace.keys()) into.add(name);
  for (const base of type.bases) mergeClassNames(base, into);
}

/**
 * The simulator's modules whose dir() is CPython's measured list on every build of a platform:
 * gc and _weakref, built into every CPython, whose names the simulator's module never lacks but
 * for the import metadata. The others are refused: sys gains names while a session runs
 * (sys.last_type, ...), math has a __file__ only where it is a shared library, time's and
 * ctypes' names depend on the platform's clocks and C types, and copy, string and weakref hold
 * private helpers of the simulator's Python source that CPython's do not.
 */
const LISTED_MODULES: ReadonlySet<string> = new Set(["gc", "_weakref"]);

/**
 * The names the real module has beyond the simulated module's dict. builtins lists the names the
 * simulator refuses by name; the modules of LISTED_MODULES list CPython's names for the version;
 * dir() of the simulator's other modules is refused. A module made in the cell lists its dict,
 * as in CPython.
 */
function namesBesideTheDict(module: PyModule): readonly string[] {
  if (rt.modules.get(module.name) !== module) return [];
  if (module === rt.builtins) return ["__doc__", ...missingBuiltinNames()];
  const names = LISTED_MODULES.has(module.name) ? cpythonDir(module.name, rt.profile.minor) : null;
  if (names === null) throw new Unsupported(`dir() of module '${module.name}' (the simulator has only part of its names)`);
  return names;
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
  if (globals === sessionNamespace()) for (const name of ipythonNamespaceNames()) names.add(name);
  return listOf(names);
}
