// The module type: attributes live in the module's dict; module-level __getattr__ (PEP 562).
import type { PyObject } from "../object.js";
import { decref } from "../object.js";
import { rt } from "../state.js";
import type { BuiltinTypeSpec } from "../type-spec.js";
import { textSlot } from "../spec-helpers.js";
import { PyModule, moduleDealloc, moduleTraverse } from "./module.js";
import { dictGetItem, dictSetItem, dictDeleteItem } from "./dict.js";
import { genericGetAttr } from "../abstract/attributes.js";
import { PyStr } from "./str.js";
import { attributeError, Unsupported } from "../errors.js";
import { call } from "../abstract/object-protocol.js";
import { internName } from "./str.js";

export function moduleGetAttr(self: PyObject, name: PyObject): PyObject | null {
  const found = genericGetAttr(self, name);
  if (found !== null) return found;
  const module = self as PyModule;
  const value = dictGetItem(module.dict, name);
  if (value !== null) {
    value.refcount++;
    return value;
  }
  return moduleGetAttrHook(module, name);
}

/** The last step of a module's getattr, once the type and the dict had nothing: PEP 562's `__getattr__`. */
export function moduleGetAttrHook(module: PyModule, name: PyObject): PyObject | null {
  if (name instanceof PyStr && IMPORT_METADATA.has(name.value) && rt.modules.get(module.name) === module) {
    throw new Unsupported(`${module.name}.${name.value} (the import system's metadata of modules is not simulated)`);
  }
  const hookName = internName("__getattr__");
  const hook = dictGetItem(module.dict, hookName);
  decref(hookName);
  if (hook !== null) return call(hook, { values: [name], kwnames: null });
  return null;
}

/**
 * Attributes the import system gives a module it loads (its spec, loader, file...). An imported
 * module of the simulator has none of them; CPython's may or may not (sys has no __file__, math
 * from a shared library has one), so asking for one is refused rather than answered wrongly.
 */
const IMPORT_METADATA = new Set(["__spec__", "__loader__", "__file__", "__cached__", "__path__", "__builtins__"]);

function moduleSetAttr(self: PyObject, name: PyObject, value: PyObject | null): void {
  const module = self as PyModule;
  if (value === null) {
    if (!dictDeleteItem(module.dict, name)) throw attributeError(`module '${module.name}' has no attribute '${(name as PyStr).value}'`);
    return;
  }
  dictSetItem(module.dict, name, value);
}

export const MODULE_SPEC: BuiltinTypeSpec = {
  name: "module",
  layout: { basicSize: 72, itemSize: 0, gc: true, preHeader: false },
  subclassable: true,
  slots: {
    dealloc: moduleDealloc,
    traverse: moduleTraverse,
    getattro: moduleGetAttr,
    setattro: moduleSetAttr,
    repr: textSlot((self) => {
      const module = self as PyModule;
      return rt.builtinModuleNames.has(module.name) ? `<module '${module.name}' (built-in)>` : `<module '${module.name}'>`;
    }),
  },
  getsets: [
    {
      name: "__dict__",
      get: (self) => {
        const dict = (self as PyModule).dict;
        dict.refcount++;
        return dict;
      },
    },
  ],
};
