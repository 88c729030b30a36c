// `type`: calling a class, attribute lookup on classes (metatype first), class attribute updates.
import type { PyObject } from "../object.js";
import { decref, newRef } from "../object.js";
import { rt } from "../state.js";
import { PyType } from "../type.js";
import type { BuiltinTypeSpec } from "../type-spec.js";
import type { CallArgs } from "../slots.js";
import { textSlot } from "../spec-helpers.js";
import { typeLookup, missingAttribute, invalidateTypeCaches } from "../abstract/attributes.js";
import { typeError, attributeError } from "../errors.js";
import { typeNew, classAttributeChanged, computeMro, heapTypeBasicSize, heapTypeAllocationSize, HEAP_TYPE_ITEM_SIZE } from "../class-builder.js";
import { setTypeAttribute, deleteTypeAttribute, clearTypeNamespace, typeDict } from "../type-namespace.js";
import { removeSubclass } from "../type-subclasses.js";
import { PyStr, newStr } from "./str.js";
import { PyTuple, tupleObjectSize, newTupleStealing } from "./tuple.js";
import { newInt } from "./int.js";
import { newList } from "./list.js";
import { newMappingProxyOf } from "./mappingproxy.js";
import { newNone } from "../values.js";
import { gcUntrack } from "../gc/tracking.js";
import { freeObjectMemory } from "../memory/object-memory.js";
import { newBool } from "../values.js";
import { newDict } from "./dict.js";
import { builtinTypeCallBuildsTuple } from "../../profiles/type-vectorcall.js";
import { callThroughArgumentTuple, positionalArgumentTuple, offerArgumentTuple } from "../argument-tuple.js";
import { takeTpCallMark, checkVectorcallArguments } from "./type-call-route.js";
import { ClassKeysCache, keysObjectSize } from "../tables/index.js";
import { PyFunction } from "./function.js";
import { newInstance } from "./instance.js";
import { isObjectSlot } from "./object-spec.js";
import { callInitFunction, initIsDunderSlot } from "../slot-table.js";

function typeRepr(self: PyObject): string {
  const type = self as PyType;
  if (type.module === "builtins") return `<class '${type.qualname}'>`;
  return `<class '${type.module}.${type.qualname}'>`;
}

/**
 * Whether calling `type` builds an argument tuple on this version: always for heap types, and
 * per built-in type as profiles/type-vectorcall.ts says (asked once per type; `type` itself
 * depends on the call's arguments).
 */
export function classCallBuildsTuple(type: PyType, positionalCount: number, hasKeywords: boolean): boolean {
  if (type.heapType) return true;
  // The remembered answer is for calls without keywords (some vectorcalls pass those to tp_call).
  if (hasKeywords) return builtinTypeCallBuildsTuple(type.name, rt.profile.minor, positionalCount, hasKeywords);
  const known = type.callBuildsTuple;
  if (known !== null) return known;
  const builds = builtinTypeCallBuildsTuple(type.name, rt.profile.minor, positionalCount, hasKeywords);
  if (type !== rt.types.type) type.callBuildsTuple = builds;
  return builds;
}

/**
 * Calling a class: through tp_call with an argument tuple (and keyword dict) when the class has
 * no vectorcall on this version (profiles/type-vectorcall.ts), else straight to type_call.
 */
export function typeCall(self: PyObject, args: CallArgs): PyObject {
  const type = self as PyType;
  const vectorcall = !takeTpCallMark();
  const kwnames = args.kwnames;
  const keywordCount = kwnames === null ? 0 : kwnames.length;
  const positionalCount = args.values.length - keywordCount;
  if (!classCallBuildsTuple(type, positionalCount, keywordCount > 0)) return typeCallPacked(type, args, vectorcall);
  if (keywordCount > 0) return callThroughArgumentTuple(args, positionalCount, () => typeCallPacked(type, args, vectorcall));
  const tuple = positionalArgumentTuple(args.values);
  try {
    const init = plainClassInit(type);
    return init !== null ? constructWithPlainInit(type, init, args.values) : typeCallPacked(type, args, vectorcall);
  } finally {
    decref(tuple);
  }
}

/**
 * typeCall of `type(arg)` (one positional argument, borrowed), without the caller's argument
 * array: the 1-tuple's items serve as the call's values (neither changes during the call).
 */
export function typeCallOne(type: PyType, arg: PyObject): PyObject {
  // Called straight from generated code, so through the class's vectorcall; a mark left by a
  // tp_call route further out (a metaclass __call__ in Python calling a class) is not this call's.
  takeTpCallMark();
  const values = [arg];
  if (!classCallBuildsTuple(type, 1, false)) return typeCallPacked(type, { values, kwnames: null });
  arg.refcount++;
  const tuple = newTupleStealing(values);
  offerArgumentTuple(tuple);
  try {
    const init = plainClassInit(type);
    return init !== null ? constructWithPlainInit(type, init, values) : typeCallPacked(type, { values, kwnames: null });
  } finally {
    decref(tuple);
  }
}

/**
 * `cls()` without arguments for a class of metatype `type` whose __new__ and __init__ slots are
 * object's (`class P: pass`), or null for any other class. type_call would pass the empty tuple
 * (the shared singleton: no allocation, and its count is back where it was when the call ends),
 * object_new makes the instance and object_init has no arguments to check; no Python code runs
 * on the way, so the instance is made at once.
 */
export function constructPlainWithoutArguments(type: PyType): PyObject | null {
  const object = rt.types.object;
  if (type.type !== rt.types.type || !type.heapType || type.new_ !== object.new_ || type.init !== object.init || type.abstractMethods !== null) return null;
  // What typeCall leaves behind: its tp_call mark used up, the empty tuple offered as its argument tuple.
  takeTpCallMark();
  offerArgumentTuple(rt.emptyTuple);
  return newInstance(type);
}

/**
 * The __init__ of a class whose type_call is object_new's allocation then slot_tp_init calling
 * a Python function, or null. object_new's argument checks pass for such a class (its __new__
 * is object's, its __init__ is not), so a call without keywords is made by
 * constructWithPlainInit, without the call record and the checks on typeCallPacked's way.
 */
function plainClassInit(type: PyType): PyFunction | null {
  if (!type.heapType || type.new_ !== rt.types.object.new_ || !initIsDunderSlot(type) || type.abstractMethods !== null) return null;
  // 3.6's slot_tp_init binds __init__ first (slotInit's other way).
  if (rt.profile.minor < 7 || !isObjectSlot(type, "__new__")) return null;
  const init = typeLookup(type, "__init__");
  return init instanceof PyFunction ? init : null;
}

/** type_call for a class plainClassInit answered `init` for, with `values` (borrowed) and no keywords. */
function constructWithPlainInit(type: PyType, init: PyFunction, values: readonly PyObject[]): PyObject {
  const instance = newInstance(type);
  try {
    callInitFunction(instance, init, values);
  } catch (error) {
    decref(instance);
    throw error;
  }
  return instance;
}

/**
 * type_call once the arguments are packed (a call that already has its tuple, such as f(*args)
 * or a class statement's metaclass call, comes here directly): `type(x)`, or build with __new__
 * then __init__ when the result is an instance. `vectorcall`: not reached through type.__call__.
 */
export function typeCallPacked(type: PyType, args: CallArgs, vectorcall = true): PyObject {
  if (vectorcall) checkVectorcallArguments(type, args);
  if (type === rt.types.type && args.values.length === 1 && args.kwnames === null) {
    const result = args.values[0]!.type;
    result.refcount++;
    return result;
  }
  const construct = type.new_;
  if (construct === null) throw typeError(`cannot create '${type.module === "builtins" ? type.name : `${type.module}.${type.name}`}' instances`);
  const object = construct(type, args);
  if (!object.type.isSubtypeOf(type)) return object;
  const init = object.type.init;
  if (init !== null) {
    try {
      init(object, args);
    } catch (error) {
      decref(object);
      throw error;
    }
  }
  return object;
}

/** type_getattro: data descriptors of the metatype, then the class's MRO, then the metatype. */
function typeGetAttr(self: PyObject, name: PyObject): PyObject | null {
  const type = self as PyType;
  const text = (name as PyStr).value;
  const metaType = type.type;
  const metaAttribute = typeLookup(metaType, text);
  let metaGetter: PyType["descrGet"] = null;
  if (metaAttribute !== null) {
    metaGetter = metaAttribute.type.descrGet;
    if (metaGetter !== null && metaAttribute.type.descrSet !== null) return metaGetter(metaAttribute, type, metaType);
  }
  const attribute = typeLookup(type, text);
  if (attribute !== null) {
    const getter = attribute.type.descrGet;
    if (getter !== null) return getter(attribute, null, type);
    attribute.refcount++;
    return attribute;
  }
  if (metaGetter !== null) return metaGetter(metaAttribute!, type, metaType);
  if (metaAttribute !== null) {
    metaAttribute.refcount++;
    return metaAttribute;
  }
  return null;
}

/** type_setattro: a metatype data descriptor, else the class's own namespace (heap types only). */
function typeSetAttr(self: PyObject, name: PyObject, value: PyObject | null): void {
  const type = self as PyType;
  const text = (name as PyStr).value;
  if (!type.heapType) {
    if (rt.profile.minor >= 10) throw typeError(`cannot set '${text}' attribute of immutable type '${type.name}'`);
    throw typeError(`can't set attributes of built-in/extension type '${type.name}'`);
  }
  const metaAttribute = typeLookup(type.type, text);
  if (metaAttribute !== null && metaAttribute.type.descrSet !== null) {
    metaAttribute.type.descrSet(metaAttribute, type, value);
    return;
  }
  if (value === null) {
    if (!type.namespace.has(text)) throw missingAttribute(type, text);
    deleteTypeAttribute(type, text);
  } else {
    setTypeAttribute(type, text, value);
  }
  classAttributeChanged(type, text);
}

/**
 * type_dealloc (heap types; static types are never freed): out of each base's subclass
 * registry, weak references cleared, then tp_base, tp_dict, tp_bases, tp_mro and tp_subclasses
 * released in CPython's order, and the memory last.
 */
function typeDealloc(self: PyObject): void {
  const type = self as PyType;
  if (!type.heapType) return;
  gcUntrack(type);
  for (const base of type.bases) removeSubclass(base, type);
  rt.clearWeakrefs(type);
  const references = [type.base, type.dict, type.basesTuple, type.mroTuple, type.subclassDict];
  type.base = null;
  type.dict = null;
  type.basesTuple = null;
  type.mroTuple = null;
  type.subclassDict = null;
  type.namespace.clear();
  invalidateTypeCaches();
  for (const reference of references) if (reference !== null) decref(reference);
  freeObjectMemory(type, heapTypeAllocationSize(type.slotNames.length));
  rt.gc.countDeallocation();
}

/** type_traverse: tp_dict, tp_mro, tp_bases and tp_base (and a heap metaclass, as subtype_traverse adds). */
function typeTraverse(self: PyObject, visit: (child: PyObject) => void): void {
  const type = self as PyType;
  if (!type.heapType) return;
  if (type.type.heapType) visit(type.type);
  if (type.dict !== null) visit(type.dict);
  if (type.mroTuple !== null) visit(type.mroTuple);
  if (type.basesTuple !== null) visit(type.basesTuple);
  if (type.base !== null) visit(type.base);
}

/** type_clear: empties tp_dict and drops tp_mro, which breaks every cycle through a class. */
function typeClear(self: PyObject): void {
  const type = self as PyType;
  if (!type.heapType) return;
  clearTypeNamespace(type);
  const mro = type.mroTuple;
  type.mroTuple = null;
  if (mro !== null) decref(mro);
}

/** type.__sizeof__: the type object, plus a class's shared instance-keys table. */
function typeSizeof(type: PyType): number {
  if (!type.heapType) return staticTypeSize(rt.profile.minor);
  let size = heapTypeBasicSize(rt.profile.minor);
  if (type.instancesHaveDict) size += sharedKeysSize(type);
  return size;
}

/** _PyDict_KeysSize(ht_cached_keys): the keys table a class's instances share, when it has one. */
function sharedKeysSize(type: PyType): number {
  const cache = (type.keysCache as ClassKeysCache<PyObject, PyObject> | null) ?? ClassKeysCache.forVersion<PyObject, PyObject>(rt.profile);
  return cache.keys === null ? 0 : keysObjectSize(cache.keys, cache.rules);
}

/** sizeof(PyTypeObject) per CPython minor version, 64-bit (static types have no GC header). */
function staticTypeSize(minor: number): number {
  if (minor <= 7) return 400;
  if (minor === 8) return 416;
  if (minor <= 10) return 408;
  if (minor === 11) return 424;
  if (minor === 12) return 432;
  return 416;
}

/** A built-in type's tuple (__mro__ / __bases__) made once, in the static region, on first request. */
function staticTuple(items: readonly PyObject[]): PyTuple {
  for (const item of items) item.refcount++;
  const tuple = new PyTuple(items.slice());
  tuple.address = rt.staticAddress(tupleObjectSize(items.length));
  rt.registerStatic(tuple, tupleObjectSize(items.length));
  return tuple;
}

function mroTupleOf(type: PyType): PyTuple {
  if (type.mroTuple === null) type.mroTuple = staticTuple(type.mro);
  return type.mroTuple;
}

function basesTupleOf(type: PyType): PyTuple {
  if (type.basesTuple === null) type.basesTuple = staticTuple(type.bases);
  return type.basesTuple;
}

/** type.__module__ = value: stored in the class dict (type_set_module). */
function setModule(self: PyObject, value: PyObject | null): void {
  const type = self as PyType;
  if (!type.heapType) {
    if (rt.profile.minor >= 10) throw typeError(`cannot set '__module__' attribute of immutable type '${type.name}'`);
    throw typeError(`can't set attributes of built-in/extension type '${type.name}'`);
  }
  if (value === null) throw typeError(`cannot delete '__module__' attribute of immutable type '${type.name}'`);
  setTypeAttribute(type, "__module__", value);
  type.module = value instanceof PyStr ? value.value : "builtins";
}

function strAttribute(get: (type: PyType) => string, set?: (type: PyType, value: string) => void) {
  return {
    get: (self: PyObject) => newStr(get(self as PyType)),
    set: (self: PyObject, value: PyObject | null) => {
      const type = self as PyType;
      if (set === undefined || !type.heapType) throw typeError(`cannot set attribute of immutable type '${type.name}'`);
      if (!(value instanceof PyStr)) throw typeError(`can only assign string to ${type.name}.__name__, not '${value?.type.name ?? "NoneType"}'`);
      set(type, value.value);
    },
  };
}

export const TYPE_SPEC: BuiltinTypeSpec = {
  name: "type",
  base: "object",
  layout: (profile) => ({ basicSize: heapTypeBasicSize(profile.minor), itemSize: HEAP_TYPE_ITEM_SIZE, gc: true, preHeader: false }),
  subclassable: true,
  slots: {
    dealloc: typeDealloc,
    traverse: typeTraverse,
    clear: typeClear,
    repr: textSlot(typeRepr),
    call: typeCall,
    getattro: typeGetAttr,
    setattro: typeSetAttr,
    new_: typeNew,
    init: () => undefined,
  },
  methods: [
    { name: "__sizeof__", kind: "noargs", impl: (self) => newInt(typeSizeof(self as PyType)) },
    {
      name: "mro",
      kind: "noargs",
      impl: (self) => newList(computeMro(self as PyType, (self as PyType).bases).map((type) => (type.refcount++, type))),
    },
    {
      name: "__subclasses__",
      kind: "noargs",
      impl: (self) => newList((self as PyType).subclasses.map((type) => (type.refcount++, type))),
    },
    {
      name: "__instancecheck__",
      kind: "one",
      impl: (self, instance) => newBool(instance.type.isSubtypeOf(self as PyType)),
    },
    {
      name: "__subclasscheck__",
      kind: "one",
      impl: (self, other) => {
        if (!(other instanceof PyType)) throw typeError("issubclass() arg 1 must be a class");
        return newBool(other.isSubtypeOf(self as PyType));
      },
    },
    { name: "__prepare__", kind: "keywords", binding: "class", impl: () => newDict() },
  ],
  getsets: [
    { name: "__name__", ...strAttribute((type) => type.name, (type, value) => (type.name = value)) },
    { name: "__qualname__", ...strAttribute((type) => type.qualname, (type, value) => (type.qualname = value)) },
    {
      name: "__module__",
      get: (self) => {
        const type = self as PyType;
        if (!type.heapType) return newStr(type.module);
        const stored = type.namespace.get("__module__");
        if (stored === undefined) throw attributeError("__module__");
        stored.refcount++;
        return stored;
      },
      set: setModule,
    },
    { name: "__bases__", get: (self) => newRef(basesTupleOf(self as PyType)) },
    {
      name: "__base__",
      get: (self) => {
        const base = (self as PyType).base;
        if (base === null) return newNone();
        base.refcount++;
        return base;
      },
    },
    { name: "__mro__", get: (self) => newRef(mroTupleOf(self as PyType)) },
    { name: "__basicsize__", get: (self) => newInt((self as PyType).layout.basicSize) },
    { name: "__itemsize__", get: (self) => newInt((self as PyType).layout.itemSize) },
    { name: "__dict__", get: (self) => newMappingProxyOf(typeDict(self as PyType)) },
    {
      name: "__doc__",
      get: (self) => {
        const doc = (self as PyType).namespace.get("__doc__");
        if (doc === undefined) return newNone();
        const getter = doc.type.descrGet;
        if (getter !== null) return getter(doc, null, self as PyType);
        doc.refcount++;
        return doc;
      },
    },
  ],
};

export { attributeError };
