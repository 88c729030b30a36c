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
import { attributeError } from "../errors.js";
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
  const hookName = internName("__getattr__");
  const hook = dictGetItem(module.dict, hookName);
  decref(hookName);
  if (hook !== null) return call(hook, { values: [name], kwnames: null });
  return null;
}

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
