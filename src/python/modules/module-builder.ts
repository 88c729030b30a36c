// Building a module object from JavaScript functions, values and Python source (the PyModuleDef
// of the simulator).
import type { PyObject } from "../runtime/object.js";
import { decref } from "../runtime/object.js";
import { rt } from "../runtime/state.js";
import type { MethodDef } from "../runtime/method-def.js";
import { newDict, dictSetItem } from "../runtime/types/dict.js";
import { newModule, type PyModule } from "../runtime/types/module.js";
import { internName, newStr } from "../runtime/types/str.js";
import { newBuiltinFunction } from "../runtime/types/builtin-function.js";
import { runModuleSource } from "./python-source.js";

export interface ModuleDefinition {
  readonly name: string;
  readonly functions: readonly MethodDef[];
  /** Other attributes (new references), computed when the module is created. */
  readonly values?: () => ReadonlyMap<string, PyObject>;
  /**
   * The C module that defines the functions, as CPython 3.9+ names them in argument errors
   * ("time.sleep() takes exactly one argument"); defaults to `name`.
   */
  readonly functionModule?: string;
  /**
   * Python source run in the module's namespace after functions and values are set: the
   * simulator's own implementation of modules CPython writes in Python (copy, string, weakref).
   */
  readonly source?: string;
}

/** How CPython names a module function in argument errors: "len", "sleep" (≤3.8), "time.sleep". */
function functionQualifiedName(definition: ModuleDefinition, name: string): string {
  if (definition.name === "builtins" || rt.profile.minor < 9) return name;
  return `${definition.functionModule ?? definition.name}.${name}`;
}

/** Creates the module object: one builtin_function_or_method per function, then the values. */
export function createModule(definition: ModuleDefinition): PyModule {
  const dict = newDict();
  const module = newModule(definition.name, dict);
  setModuleValue(module, "__name__", newStr(definition.name));
  // No __doc__ entry: the lookup falls through to the module type's docstring placeholder,
  // which refuses (CPython's modules carry documentation text the simulator does not).
  setModuleValue(module, "__package__", newStr(""));
  for (const def of definition.functions) {
    const func = newBuiltinFunction(def, module, functionQualifiedName(definition, def.name), false);
    setModuleValue(module, def.name, func);
  }
  if (definition.values !== undefined) for (const [name, value] of definition.values()) setModuleValue(module, name, value);
  if (definition.source !== undefined) {
    try {
      runModuleSource(module, definition.source);
    } catch (error) {
      decref(module);
      throw error;
    }
  }
  return module;
}

/** module.name = value; steals the reference to value. */
export function setModuleValue(module: PyModule, name: string, value: PyObject): void {
  const key = internName(name);
  dictSetItem(module.dict, key, value);
  decref(key);
  decref(value);
}
