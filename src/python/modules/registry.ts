// The modules `import` can find: created on first import, cached in sys.modules.
import type { PyObject } from "../runtime/object.js";
import { decref } from "../runtime/object.js";
import { rt } from "../runtime/state.js";
import { createModule, type ModuleDefinition } from "./module-builder.js";
import type { PyModule } from "../runtime/types/module.js";
import { dictSetItem } from "../runtime/types/dict.js";
import { internName } from "../runtime/types/str.js";
import { GC_MODULE } from "./gc.js";
import { MATH_MODULE } from "./math.js";
import { CTYPES_MODULE } from "./ctypes.js";
import { TIME_MODULE } from "./time.js";
import { STRING_MODULE } from "./string.js";
import { COPY_MODULE } from "./copy.js";
import { WEAKREF_C_MODULE } from "./weakref-c.js";
import { WEAKREF_MODULE } from "./weakref.js";

/** Modules the simulator implements, by import name. */
const DEFINITIONS = new Map<string, ModuleDefinition>([
  ["gc", GC_MODULE],
  ["math", MATH_MODULE],
  ["ctypes", CTYPES_MODULE],
  ["time", TIME_MODULE],
  ["string", STRING_MODULE],
  ["copy", COPY_MODULE],
  ["_weakref", WEAKREF_C_MODULE],
  ["weakref", WEAKREF_MODULE],
]);

/** Adds a module definition (other files register theirs: time, math, string, …). */
export function registerModule(definition: ModuleDefinition): void {
  DEFINITIONS.set(definition.name, definition);
}

/** The module object for `name` (new reference), or null when the simulator has none. */
export function importModule(name: string): PyObject | null {
  const cached = rt.modules.get(name);
  if (cached !== undefined) {
    cached.refcount++;
    return cached;
  }
  const definition = DEFINITIONS.get(name);
  if (definition === undefined) return null;
  const module: PyModule = createModule(definition);
  rt.modules.set(name, module);
  addToSysModules(name, module);
  module.refcount++;
  return module;
}

/** sys.modules[name] = module, once sys exists (builtins and sys themselves are added at bootstrap). */
export function addToSysModules(name: string, module: PyModule): void {
  if (rt.sysModulesDict === null) return;
  const key = internName(name);
  dictSetItem(rt.sysModulesDict, key, module);
  decref(key);
}

/** Whether the simulator has a module of this import name. */
export function isImplementedModule(name: string): boolean {
  return DEFINITIONS.has(name) || rt.modules.has(name);
}

/** The implemented modules that are packages in CPython (their submodules are not simulated). */
const PACKAGES: ReadonlySet<string> = new Set(["ctypes"]);

/** Whether `import name.sub` may find a submodule (else "'name' is not a package"). */
export function isImplementedPackage(name: string): boolean {
  return PACKAGES.has(name);
}
