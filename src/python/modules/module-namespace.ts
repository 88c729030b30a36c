// What the simulator can tell of its own modules' namespaces and reprs, and what it refuses:
// CPython's modules hold import metadata and names the simulator's do not.
import { Unsupported } from "../runtime/errors.js";
import { rt } from "../runtime/state.js";
import type { PyObject } from "../runtime/object.js";
import { isSimulatorModule, type PyModule } from "../runtime/types/module.js";
import { decref } from "../runtime/object.js";
import { dictGetItem } from "../runtime/types/dict.js";
import { internName } from "../runtime/types/str.js";
import { cpythonDir } from "./cpython-module-names.js";
import { missingBuiltinNames } from "./builtins.js";

/**
 * The simulator's modules are built into every CPython (sys, gc, time, ...) or not: math is a
 * shared library with a `__file__` in some builds (pyenv's) and built in in others (Debian's),
 * and the modules CPython writes in Python (copy, string, weakref, ctypes) show the path of
 * their source file, which depends on the installation.
 */
const BUILD_DEPENDENT_REPR: ReadonlySet<string> = new Set(["math"]);

/** repr() of one of the simulator's modules: `<module 'sys' (built-in)>`, or refused. */
export function simulatorModuleRepr(module: PyModule): string {
  const name = module.name;
  if (BUILD_DEPENDENT_REPR.has(name)) throw new Unsupported(`repr() of module '${name}' (built in or a shared library with a __file__, depending on how CPython was built)`);
  if (!rt.builtinModuleNames.has(name)) throw new Unsupported(`repr() of module '${name}' (it shows the path of its source file in the Python installation)`);
  return `<module '${name}' (built-in)>`;
}

/**
 * ImportError of `from m import name` names the module's file from 3.7 (math's shared library,
 * copy's source file): refused for the simulator's modules that are not built into CPython.
 */
export function refuseImportErrorLocation(module: PyModule, name: string): void {
  if (isSimulatorModule(module) && (BUILD_DEPENDENT_REPR.has(module.name) || !rt.builtinModuleNames.has(module.name))) {
    throw new Unsupported(`from ${module.name} import ${name}, which fails (CPython's ImportError shows the path of the module's file)`);
  }
}

/**
 * vars(m) / m.__dict__ of one of the simulator's modules: refused, because its dict is not the
 * one CPython's module has — it lacks the import metadata (`__doc__`, `__loader__`, `__spec__`,
 * `__file__` where there is one) and, for most modules, names the simulator does not provide,
 * so listing it or taking its len would answer wrongly.
 */
export function refuseModuleNamespace(module: PyModule): never {
  throw new Unsupported(`the dict of module '${module.name}' (vars(), __dict__, a function's globals: the simulator's module lacks the import metadata and other names of CPython's)`);
}

/** The simulator's module whose dict `object` is, if any (a function's globals, a referrer). */
function moduleOwning(object: PyObject): PyModule | null {
  for (const module of rt.modules.values()) if (module.dict === object) return module as PyModule;
  return null;
}

/** Refuses `dict` when it is the namespace of one of the simulator's modules (see refuseModuleNamespace). */
export function refuseIfModuleNamespace(dict: PyObject): void {
  const module = moduleOwning(dict);
  if (module !== null) refuseModuleNamespace(module);
}

/** gc.get_referrers: one of the simulator's module dicts among the referrers is refused by name. */
export function refuseModuleNamespaceAmong(objects: readonly PyObject[]): void {
  for (const object of objects) refuseIfModuleNamespace(object);
}

/**
 * `from m import *` of one of the simulator's modules without `__all__` binds every public name
 * of its dict: refused when CPython's module has a public name the simulator's lacks.
 */
export function refuseIncompleteStarImport(module: PyModule): void {
  if (!isSimulatorModule(module)) return;
  const names = module === rt.builtins ? missingBuiltinNames() : cpythonDir(module.name, rt.profile.minor);
  if (names === null) throw new Unsupported(`from ${module.name} import * (the names of module '${module.name}' on this version were not measured)`);
  for (const name of names) {
    if (name.startsWith("_") || dictHasName(module, name)) continue;
    throw new Unsupported(`from ${module.name} import * (the simulator's module lacks ${module.name}.${name})`);
  }
}

function dictHasName(module: PyModule, name: string): boolean {
  const key = internName(name);
  const found = dictGetItem(module.dict, key) !== null;
  decref(key);
  return found;
}
