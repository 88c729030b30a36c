// Building a module object from JavaScript functions, values and Python source (the PyModuleDef
// of the simulator).
import type { PyObject } from "../runtime/object.js";
import { decref } from "../runtime/object.js";
import { rt } from "../runtime/state.js";
import type { MethodDef } from "../runtime/method-def.js";
import { newDict, dictSetItem } from "../runtime/types/dict.js";
import { newModule, type PyModule } from "../runtime/types/module.js";
import { internName, newStr, PyStr } from "../runtime/types/str.js";
import { newBuiltinFunction, PyBuiltinFunction } from "../runtime/types/builtin-function.js";
import { attributeError, Unsupported } from "../runtime/errors.js";
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
  /**
   * Names the real module has and the simulator does not: using one ends the cell as
   * unsupported instead of raising a misleading AttributeError.
   */
  readonly unsupported?: readonly string[];
  /**
   * The module's dict and `unsupported` hold every name the real module has on every version,
   * and the module is built into every CPython (so its import metadata is `__doc__`,
   * `__loader__` and `__spec__`): dir() can list it. Otherwise dir() of the module is refused.
   */
  readonly listsEveryName?: boolean;
}

/** The module-level __getattr__ that refuses names the simulator lacks (PEP 562 hook). */
const REFUSAL_HOOK: MethodDef = {
  name: "__getattr__",
  kind: "one",
  impl: (self, name) => {
    const module = self as PyModule;
    const text = name instanceof PyStr ? name.value : "?";
    const refused = REFUSED_NAMES.get(module.name);
    if (refused !== undefined && refused.has(text)) throw new Unsupported(`${module.name}.${text}`);
    throw attributeError(`module '${module.name}' has no attribute '${text}'`);
  },
};

/** Module name → names refused by REFUSAL_HOOK (the same for every runtime). */
const REFUSED_NAMES = new Map<string, ReadonlySet<string>>();

/** True for the hidden refusal hook, which dir() does not list (the real module has no such name). */
export function isRefusalHook(value: PyObject): boolean {
  return value instanceof PyBuiltinFunction && value.def === REFUSAL_HOOK;
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
  if (definition.unsupported !== undefined && definition.unsupported.length > 0) {
    if (!REFUSED_NAMES.has(definition.name)) REFUSED_NAMES.set(definition.name, new Set(definition.unsupported));
    setModuleValue(module, "__getattr__", newBuiltinFunction(REFUSAL_HOOK, module, "__getattr__", false));
  }
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
