// Module objects: a name and a namespace dict.
import { PyObject } from "../object.js";
import { rt } from "../state.js";
import { allocateObject, freeObjectMemory } from "../memory/object-memory.js";
import { gcTrack, gcUntrack } from "../gc/tracking.js";
import type { PyDict } from "./dict.js";

export class PyModule extends PyObject {
  constructor(
    readonly name: string,
    /** md_dict (owned). */
    readonly dict: PyDict,
  ) {
    super(rt.types.module);
  }
}

const MODULE_SIZE = 72;

/** A module over `dict` (steals the reference). */
export function newModule(name: string, dict: PyDict): PyModule {
  const module = new PyModule(name, dict);
  allocateObject(module, MODULE_SIZE);
  rt.gc.countAllocation();
  gcTrack(module);
  return module;
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
