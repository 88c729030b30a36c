// Building a module object from JavaScript functions and values (the PyModuleDef of the simulator).
import type { PyObject } from "../runtime/object.js";
import { decref } from "../runtime/object.js";
import { rt } from "../runtime/state.js";
import type { MethodDef } from "../runtime/method-def.js";
import { newDict, dictSetItem } from "../runtime/types/dict.js";
import { newModule, type PyModule } from "../runtime/types/module.js";
import { internName, newStr } from "../runtime/types/str.js";
import { newBuiltinFunction } from "../runtime/types/builtin-function.js";

export interface ModuleDefinition {
  readonly name: string;
  readonly functions: readonly MethodDef[];
  /** Other attributes (new references), computed when the module is created. */
  readonly values?: () => ReadonlyMap<string, PyObject>;
}

/** Creates the module object: one builtin_function_or_method per function, then the values. */
export function createModule(definition: ModuleDefinition): PyModule {
  const dict = newDict();
  const module = newModule(definition.name, dict);
  setModuleValue(module, "__name__", newStr(definition.name));
  setModuleValue(module, "__doc__", (rt.None.refcount++, rt.None));
  setModuleValue(module, "__package__", newStr(""));
  for (const def of definition.functions) {
    const func = newBuiltinFunction(def, module, definition.name === "builtins" ? def.name : `${def.name}`, false);
    setModuleValue(module, def.name, func);
  }
  if (definition.values !== undefined) for (const [name, value] of definition.values()) setModuleValue(module, name, value);
  return module;
}

/** module.name = value; steals the reference to value. */
export function setModuleValue(module: PyModule, name: string, value: PyObject): void {
  const key = internName(name);
  dictSetItem(module.dict, key, value);
  decref(key);
  decref(value);
}
