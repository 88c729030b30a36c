// The module type: attributes live in the module's dict; module-level __getattr__ (PEP 562);
// `module(name, doc=None)` as types.ModuleType builds it.
import type { PyObject } from "../object.js";
import { decref } from "../object.js";
import { rt } from "../state.js";
import type { BuiltinTypeSpec } from "../type-spec.js";
import type { PyType } from "../type.js";
import type { CallArgs } from "../slots.js";
import { textSlot } from "../spec-helpers.js";
import { PyModule, moduleDealloc, moduleTraverse, newModule, isSimulatorModule, moduleNameInDict } from "./module.js";
import { dictGetItem, dictSetItem, dictDeleteItem, newDict } from "./dict.js";
import { isDataDescriptor, typeLookup } from "../abstract/attributes.js";
import { PyStr } from "./str.js";
import { attributeError, typeError, Unsupported } from "../errors.js";
import { call, reprText } from "../abstract/object-protocol.js";
import { internName } from "./str.js";
import { gcTrack } from "../gc/tracking.js";
import { parseClinic } from "../../modules/arguments.js";
import { refuseModuleNamespace, simulatorModuleRepr } from "../../modules/module-namespace.js";
import { cpythonMayHave } from "../../modules/cpython-module-names.js";
import { isMissingBuiltin } from "../../modules/builtins.js";

export function moduleGetAttr(self: PyObject, name: PyObject): PyObject | null {
  const module = self as PyModule;
  return moduleAttribute(module, name, typeLookup(module.type, (name as PyStr).value), dictGetItem(module.dict, name));
}

/**
 * PyObject_GenericGetAttr over a module once its type's `descriptor` and the entry `inDict` of
 * its dict (borrowed) are known: a data descriptor of the type, then the module's dict, then
 * the type's other attributes (so `m.__doc__` and a `__repr__` set on the module come from its
 * dict), then PEP 562's hook. New reference, or null.
 */
export function moduleAttribute(module: PyModule, name: PyObject, descriptor: PyObject | null, inDict: PyObject | null): PyObject | null {
  const getter = descriptor === null ? null : descriptor.type.descrGet;
  if (getter !== null && isDataDescriptor(descriptor!)) return getter(descriptor!, module, module.type);
  if (inDict !== null) {
    inDict.refcount++;
    return inDict;
  }
  if (getter !== null) return getter(descriptor!, module, module.type);
  if (descriptor !== null) {
    descriptor.refcount++;
    return descriptor;
  }
  return moduleGetAttrHook(module, name);
}

/**
 * The last step of a module's getattr, once the type and the dict had nothing: a name CPython's
 * module has and the simulator's lacks is refused by name, else PEP 562's `__getattr__`.
 */
export function moduleGetAttrHook(module: PyModule, name: PyObject): PyObject | null {
  if (name instanceof PyStr && isSimulatorModule(module)) refuseUnsimulatedName(module, name.value);
  const hook = dictItem(module, "__getattr__");
  if (hook !== null) return call(hook, { values: [name], kwnames: null });
  return null;
}

/**
 * Names the lesson deleted from a module (`del sys.getrefcount`): CPython's module lacks them
 * too from then on, so looking one up is CPython's AttributeError, not a refusal.
 */
const deletedNames = new WeakMap<PyModule, Set<string>>();

function rememberDeleted(module: PyModule, name: string): void {
  let names = deletedNames.get(module);
  if (names === undefined) deletedNames.set(module, (names = new Set()));
  names.add(name);
}

/** Ends the cell when CPython's module may have `name`, which the simulator's lacks. */
function refuseUnsimulatedName(module: PyModule, name: string): void {
  if (deletedNames.get(module)?.has(name) === true) return;
  if (IMPORT_METADATA.has(name)) throw new Unsupported(`${module.name}.${name} (the import system's metadata of modules is not simulated)`);
  const missing = module === rt.builtins ? isMissingBuiltin(name) : cpythonMayHave(module.name, name, rt.profile.minor);
  if (missing) throw new Unsupported(`${module.name}.${name}`);
}

/** module.__dict__[name], borrowed, or null. */
function dictItem(module: PyModule, name: string): PyObject | null {
  const key = internName(name);
  const value = dictGetItem(module.dict, key);
  decref(key);
  return value;
}

/**
 * Attributes the import system gives a module it loads (its spec, loader, file...). An imported
 * module of the simulator has none of them; CPython's may or may not (sys has no __file__, math
 * from a shared library has one), so asking for one is refused rather than answered wrongly.
 */
const IMPORT_METADATA = new Set(["__spec__", "__loader__", "__file__", "__cached__", "__path__", "__builtins__"]);

function moduleSetAttr(self: PyObject, name: PyObject, value: PyObject | null): void {
  const module = self as PyModule;
  if (!module.initialised) throw new Unsupported("attributes of a module whose __init__ has not run (3.10 and older)");
  if (value === null) {
    if (dictDeleteItem(module.dict, name)) {
      if (name instanceof PyStr) rememberDeleted(module, name.value);
      return;
    }
    const text = (name as PyStr).value;
    // PyObject_GenericSetAttr turned the dict's KeyError into AttributeError(name) until 3.11.
    throw attributeError(rt.profile.minor >= 11 ? `'${module.type.name}' object has no attribute '${text}'` : text);
  }
  dictSetItem(module.dict, name, value);
}

/** module.__new__: an empty module (its dict filled by __init__). */
function moduleNew(type: PyType): PyObject {
  // A subclass's instances would need the class's own layout (its size, weak references).
  if (type !== rt.types.module) throw new Unsupported("instances of a subclass of module (types.ModuleType)");
  const module = newModule("?", newDict());
  // Up to 3.10 the dict only exists once __init__ has run (module_init makes it).
  if (rt.profile.minor <= 10) module.initialised = false;
  return module;
}

/** module.__init__(name, doc=None): module_init_dict's five entries, in its order. */
function moduleInit(self: PyObject, args: CallArgs): void {
  const minor = rt.profile.minor;
  const [name, doc] = parseClinic(args, { name: minor < 7 ? "module.__init__" : "module", parameters: ["name", "doc"], positionalOnly: 0, required: 1 }) as [PyObject, PyObject | undefined];
  if (!(name instanceof PyStr)) {
    const which = minor < 7 ? "module.__init__() argument 1" : minor < 8 ? "module() argument 1" : "module() argument 'name'";
    throw typeError(`${which} must be str, not ${name.type.name}`);
  }
  const module = self as PyModule;
  module.initialised = true;
  const entries: [string, PyObject][] = [
    ["__name__", name],
    ["__doc__", doc ?? rt.None],
    ["__package__", rt.None],
    ["__loader__", rt.None],
    ["__spec__", rt.None],
  ];
  for (const [key, value] of entries) {
    const interned = internName(key);
    dictSetItem(module.dict, interned, value);
    decref(interned);
  }
  // 3.13 tracks a new module's dict from the start (measured: gc.is_tracked(vars(m)) is True).
  if (minor >= 13 && module.dict.gcSlot < 0) gcTrack(module.dict);
}

/**
 * module_repr: importlib's _module_repr for a module with neither spec nor loader — its
 * `__name__` (or '?') and, when set, its `__file__`. A module of the simulator shows what the
 * simulator knows of it (module-namespace.ts); a spec, a loader or a module-level __getattr__
 * (which importlib's getattr calls would consult) is refused.
 */
function moduleRepr(self: PyObject): string {
  const module = self as PyModule;
  if (isSimulatorModule(module)) return simulatorModuleRepr(module);
  if (!module.initialised) return "<module '?'>";
  if (dictItem(module, "__getattr__") !== null) throw new Unsupported("repr() of a module with a module-level __getattr__");
  const spec = dictItem(module, "__spec__");
  if (spec !== null && spec !== rt.None) throw new Unsupported("repr() of a module with a __spec__ (module specs are not simulated)");
  const loader = dictItem(module, "__loader__");
  if (loader !== null && loader !== rt.None && !(loader instanceof PyStr)) throw new Unsupported("repr() of a module with a __loader__ other than None or a str");
  const name = dictItem(module, "__name__");
  const nameText = name === null ? "'?'" : reprText(name);
  const file = dictItem(module, "__file__");
  if (file !== null) return `<module ${nameText} from ${reprText(file)}>`;
  if (loader !== null && loader !== rt.None) return `<module ${nameText} (${reprText(loader)})>`;
  return `<module ${nameText}>`;
}

export const MODULE_SPEC: BuiltinTypeSpec = {
  name: "module",
  layout: { basicSize: 56, itemSize: 0, gc: true, preHeader: false },
  subclassable: true,
  slots: {
    dealloc: moduleDealloc,
    traverse: moduleTraverse,
    getattro: moduleGetAttr,
    setattro: moduleSetAttr,
    new_: moduleNew,
    init: moduleInit,
    repr: textSlot(moduleRepr),
  },
  getsets: [
    {
      name: "__dict__",
      get: (self) => {
        const module = self as PyModule;
        if (!module.initialised) {
          rt.None.refcount++;
          return rt.None;
        }
        if (isSimulatorModule(module)) refuseModuleNamespace(module);
        const dict = module.dict;
        dict.refcount++;
        return dict;
      },
    },
  ],
};
