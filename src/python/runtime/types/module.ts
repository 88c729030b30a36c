// Module objects: a name and a namespace dict.
import { PyObject } from "../object.js";
import { rt } from "../state.js";
import { allocateObject, freeObjectMemory } from "../memory/object-memory.js";
import { gcTrack, gcUntrack } from "../gc/tracking.js";
import { dictGetItem, type PyDict } from "./dict.js";
import { internName, PyStr } from "./str.js";
import { decref } from "../object.js";

export class PyModule extends PyObject {
  /**
   * False for a module made by `module.__new__` whose `__init__` has not run: up to 3.10 CPython
   * creates its dict only in `__init__` (its `__dict__` reads None until then).
   */
  initialised = true;

  constructor(
    /** The name it was created under (the import name of the simulator's modules). */
    readonly name: string,
    /** md_dict (owned). */
    readonly dict: PyDict,
  ) {
    super(rt.types.module);
  }
}

/** PyModuleObject: the object head, md_dict, md_def, md_state, md_weaklist and md_name (3.6-3.13). */
export const MODULE_SIZE = 56;

/** A module over `dict` (steals the reference). */
export function newModule(name: string, dict: PyDict): PyModule {
  const module = new PyModule(name, dict);
  allocateObject(module, MODULE_SIZE);
  rt.gc.countAllocation();
  gcTrack(module);
  return module;
}

/** Whether `module` is one the simulator made for `import` (or builtins, sys), not one a cell made. */
export function isSimulatorModule(module: PyModule): boolean {
  return rt.modules.get(module.name) === module;
}

/**
 * The name module errors and reprs show: `__name__` from the module's dict when it is a str
 * (PyModule_GetNameObject reads the dict, not the name the module was made with), else null.
 */
export function moduleNameInDict(module: PyModule): string | null {
  const key = internName("__name__");
  const value = dictGetItem(module.dict, key);
  decref(key);
  return value instanceof PyStr ? value.value : null;
}

export function moduleDealloc(self: PyObject): void {
  const module = self as PyModule;
  gcUntrack(module);
  freeObjectMemory(module, MODULE_SIZE);
  rt.gc.countDeallocation();
  const dict = module.dict;
  if (--dict.refcount === 0) dict.type.dealloc(dict);
}

export function moduleTraverse(self: PyObject, visit: (child: PyObject) => void): void {
  visit((self as PyModule).dict);
}
