// Creating classes: __build_class__, type.__new__ (heap types), C3 linearisation, __set_name__
// and __init_subclass__.
import type { PyObject } from "./object.js";
import { decref } from "./object.js";
import { callFromRuntime, keywordDict } from "./argument-tuple.js";
import { rt } from "./state.js";
import { PyType } from "./type.js";
import type { CallArgs } from "./slots.js";
import { typeError, valueError, Unsupported } from "./errors.js";
import { strRepr } from "./format/str-repr.js";
import { call, reprText } from "./abstract/object-protocol.js";
import { lookupAttr, typeLookup, invalidateTypeCaches } from "./abstract/attributes.js";
import { newDict, dictCopy, dictDeleteItem, dictForEach, dictGetItem, type PyDict } from "./types/dict.js";
import { PyStr, internName } from "./types/str.js";
import { PyTuple, newTuple, newTupleStealing } from "./types/tuple.js";
import { updateHeapTypeSlots, callWithKeywordsFromDict } from "./slot-table.js";
import { PyFunction } from "./types/function.js";
import { newCallableWrapper } from "./types/function-wrappers.js";
import { PyCell } from "./types/cell.js";
import { newSuper } from "./types/super.js";
import { gcTrack, gcUntrack } from "./gc/tracking.js";
import { instanceDealloc, instanceTraverse, instanceClear, overBuiltinTraverse, overBuiltinClear } from "./types/instance.js";
import { releaseAttributes } from "./instance-attributes.js";
import { addInstanceDescriptors } from "./heap-type-descriptors.js";
import { reindexNamespace, setTypeAttribute, deleteTypeAttribute } from "./type-namespace.js";
import { addSubclass } from "./type-subclasses.js";
import { getIter, iterNext } from "./abstract/iteration.js";
import { allocateObject } from "./memory/object-memory.js";
import { withTrashcan, withoutTrashcan } from "./memory/trashcan.js";
import { mangle } from "../compiler/symtable.js";
import { typeCallPacked } from "./types/type-object.js";

/** sizeof(PyHeapTypeObject) (type.__basicsize__) per CPython minor version, 64-bit. */
export function heapTypeBasicSize(minor: number): number {
  if (minor <= 7) return 864;
  if (minor <= 9) return 880;
  if (minor === 10) return 888;
  if (minor === 11) return 904;
  if (minor === 12) return 920;
  return 928;
}

/** type.__itemsize__: one PyMemberDef per __slots__ name, stored after the heap type. */
export const HEAP_TYPE_ITEM_SIZE = 40;

/** PyType_GenericAlloc(metatype, nslots): the items plus a sentinel PyMemberDef. */
export function heapTypeAllocationSize(slotCount: number): number {
  return heapTypeBasicSize(rt.profile.minor) + (slotCount + 1) * HEAP_TYPE_ITEM_SIZE;
}

/**
 * __build_class__(func, name, *bases, **kwds): the metaclass (explicit, or the most derived of
 * the bases' types), its __prepare__ namespace, the class body run in it, then
 * metaclass(name, bases, namespace, **kwds). Arguments are borrowed; returns a new reference.
 */
export function buildClass(body: PyObject, name: PyObject, bases: readonly PyObject[], keywordNames: readonly string[], keywordValues: readonly PyObject[]): PyObject {
  let metaclass: PyObject | null = null;
  const keywords: { names: string[]; values: PyObject[] } = { names: [], values: [] };
  keywordNames.forEach((keyword, index) => {
    if (keyword === "metaclass") metaclass = keywordValues[index]!;
    else {
      keywords.names.push(keyword);
      keywords.values.push(keywordValues[index]!);
    }
  });
  for (const base of bases) {
    if (base instanceof PyType) continue;
    // update_bases (PEP 560) and classes built by a non-type's type are not modelled.
    if (typeLookup(base.type, "__mro_entries__") !== null) throw new Unsupported("class bases with __mro_entries__ (PEP 560)");
    throw new Unsupported(`a class statement with a base that is not a class ('${base.type.name}' object)`);
  }
  if (metaclass === null) metaclass = bases.length > 0 ? (bases[0] as PyType).type : rt.types.type;
  if (metaclass instanceof PyType) metaclass = calculateMetaclass(metaclass, bases as PyType[]);
  const classKeywords = keywordNames.length > 0 ? classKeywordDicts(keywordNames, keywordValues) : [];
  const basesTuple = newTuple(bases);
  try {
    const kwnames = keywords.names.length > 0 ? keywords.names : null;
    const namespace = prepareNamespace(metaclass, name, basesTuple, keywords.values, kwnames);
    try {
      const result = (body as PyFunction).code.compiled!(body, namespace);
      decref(result);
      const metaclassArgs = { values: [name, basesTuple, namespace, ...keywords.values], kwnames };
      return callMetaclass(metaclass, metaclassArgs);
    } finally {
      decref(namespace);
    }
  } finally {
    decref(basesTuple);
    for (const dict of classKeywords) decref(dict);
  }
}

/**
 * The dicts __build_class__ keeps its keywords in while it runs (each holds every value): 3.6
 * is called through tp_call with them in a dict and copies it (`mkw`); 3.7+ makes `mkw` from
 * the keyword arguments (_PyStack_AsDict). `metaclass=` is then taken out of `mkw`.
 */
function classKeywordDicts(keywordNames: readonly string[], keywordValues: readonly PyObject[]): PyDict[] {
  const args = { values: keywordValues, kwnames: keywordNames };
  const passed = keywordDict(args, 0)!;
  const dicts = [passed];
  if (rt.profile.minor <= 6) dicts.push(dictCopy(passed));
  const metaclassKey = internName("metaclass");
  try {
    dictDeleteItem(dicts[dicts.length - 1]!, metaclassKey);
  } finally {
    decref(metaclassKey);
  }
  return dicts;
}

/**
 * metaclass(name, bases, namespace, **mkw): through tp_call with an argument tuple
 * (_PyObject_MakeTpCall). 3.10+ calls `type` itself by vectorcall first (type_vectorcall),
 * which unpacks the keywords (a new stack holding every argument, and a kwnames tuple) before
 * falling back to tp_call with a new keyword dict as well.
 */
function callMetaclass(metaclass: PyObject, args: CallArgs): PyObject {
  const kwnames = args.kwnames;
  const unpacks = kwnames !== null && rt.profile.minor >= 10 && metaclass === rt.types.type;
  const unpackedNames = unpacks ? newTupleStealing(kwnames.map((keyword) => internName(keyword))) : null;
  if (unpacks) for (const value of args.values) value.refcount++;
  try {
    const positionalCount = args.values.length - (kwnames?.length ?? 0);
    const argumentTuple = newTuple(args.values.slice(0, positionalCount));
    const keywordCopy = unpacks ? keywordDict(args, positionalCount) : null;
    try {
      // A metaclass whose instances are called by type_call takes this tuple as its own.
      if (metaclass instanceof PyType && metaclass.type.call === rt.types.type.call) return typeCallPacked(metaclass, args);
      return call(metaclass, args);
    } finally {
      decref(argumentTuple);
      if (keywordCopy !== null) decref(keywordCopy);
    }
  } finally {
    if (unpacks) for (const value of args.values) decref(value);
    if (unpackedNames !== null) decref(unpackedNames);
  }
}

/** metaclass.__prepare__(name, bases, **kwds), looked up as an attribute (a bound method, freed after the call). */
function prepareNamespace(metaclass: PyObject, name: PyObject, bases: PyObject, keywordValues: readonly PyObject[], kwnames: readonly string[] | null): PyObject {
  const prepare = lookupAttr(metaclass, internedKey("__prepare__"));
  if (prepare === null) return newDict();
  let namespace: PyObject;
  try {
    // __build_class__ has the keywords in a dict (mkw): the hook gets them unpacked from it.
    namespace = callWithKeywordsFromDict(prepare, { values: [name, bases, ...keywordValues], kwnames });
  } finally {
    decref(prepare);
  }
  if (namespace.type.getitem === null) {
    const typeName = namespace.type.name;
    decref(namespace);
    const owner = metaclass instanceof PyType ? metaclass.name : "<metaclass>";
    throw typeError(`${owner}.__prepare__() must return a mapping, not ${typeName}`);
  }
  return namespace;
}

/** The interned str for `name`, borrowed (interned names stay alive in the interned table). */
function internedKey(name: string): PyStr {
  const key = internName(name);
  key.refcount--;
  return key;
}

/** The most derived metaclass among the explicit one and the bases' types. */
function calculateMetaclass(metaclass: PyType, bases: readonly PyType[]): PyType {
  let winner = metaclass;
  for (const base of bases) {
    const candidate = base.type;
    if (winner.isSubtypeOf(candidate)) continue;
    if (candidate.isSubtypeOf(winner)) {
      winner = candidate;
      continue;
    }
    throw typeError("metaclass conflict: the metaclass of a derived class must be a (non-strict) subclass of the metaclasses of all its bases");
  }
  return winner;
}

/** C3 linearisation (mro_implementation). */
export function computeMro(type: PyType, bases: readonly PyType[]): PyType[] {
  const sequences: PyType[][] = bases.map((base) => [...base.mro]);
  sequences.push([...bases]);
  const result: PyType[] = [type];
  for (;;) {
    const remaining = sequences.filter((sequence) => sequence.length > 0);
    if (remaining.length === 0) return result;
    let candidate: PyType | null = null;
    for (const sequence of remaining) {
      const head = sequence[0]!;
      if (!remaining.some((other) => other.indexOf(head) > 0)) {
        candidate = head;
        break;
      }
    }
    if (candidate === null) {
      const names = [...new Set(remaining.map((sequence) => sequence[0]!.name))].join(", ");
      // 3.13 joined the message's two lines into one.
      const separator = rt.profile.minor >= 13 ? " " : "\n";
      throw typeError(`Cannot create a consistent method resolution${separator}order (MRO) for bases ${names}`);
    }
    result.push(candidate);
    for (const sequence of remaining) if (sequence[0] === candidate) sequence.shift();
  }
}

/** The base whose instance layout the new class extends (solid_base / best_base). */
function bestBase(bases: readonly PyType[]): PyType {
  let best: PyType | null = null;
  for (const base of bases) {
    if (!base.subclassable) throw typeError(`type '${base.name}' is not an acceptable base type`);
    const solid = solidBase(base);
    if (best === null) {
      best = base;
      continue;
    }
    const bestSolid = solidBase(best);
    if (bestSolid.isSubtypeOf(solid)) continue;
    if (solid.isSubtypeOf(bestSolid)) {
      best = base;
      continue;
    }
    throw typeError("multiple bases have instance lay-out conflict");
  }
  return best ?? rt.types.object;
}

function solidBase(type: PyType): PyType {
  let current = type;
  while (current.heapType && current.base !== null && current.slotNames.length === 0) current = current.base;
  return current;
}

/**
 * type.__new__(metatype, name, bases, namespace, **kwargs): a new heap type, built in CPython's
 * order (type_new → type_new_init → PyType_Ready → fixup_slot_dispatchers → __set_name__ →
 * __init_subclass__), so the objects it makes take the same places in memory: the (object,)
 * bases tuple when none were given, the namespace copy (tp_dict), the type object, the wrappers
 * of __new__/__init_subclass__/__class_getitem__, the __mro__ tuple, the __slots__ member and
 * __dict__/__weakref__ getset descriptors, and each base's subclass entry.
 */
export function typeNew(metatype: PyType, args: CallArgs): PyObject {
  const values = args.values;
  const positional = values.length - (args.kwnames?.length ?? 0);
  if (positional === 1 && metatype === rt.types.type && args.kwnames === null) {
    const type = values[0]!.type;
    type.refcount++;
    return type;
  }
  if (positional !== 3) throw typeError("type() takes 1 or 3 arguments");
  const [nameObject, basesObject, namespaceObject] = values as [PyObject, PyObject, PyObject];
  if (!(nameObject instanceof PyStr)) throw typeError(`type.__new__() argument 1 must be str, not ${nameObject.type.name}`);
  if (!(basesObject instanceof PyTuple)) throw typeError(`type.__new__() argument 2 must be tuple, not ${basesObject.type.name}`);
  if (namespaceObject.type !== rt.types.dict && !namespaceObject.type.isSubtypeOf(rt.types.dict)) {
    throw typeError(`type.__new__() argument 3 must be dict, not ${namespaceObject.type.name}`);
  }
  for (const item of basesObject.items) {
    if (!(item instanceof PyType)) throw new Unsupported(`type() with a base that is not a class ('${item.type.name}' object)`);
  }
  // _PyType_CalculateMetaclass: a more derived metaclass of the bases builds the class instead.
  const winner = calculateMetaclass(metatype, basesObject.items as PyType[]);
  if (winner !== metatype) {
    if (winner.new_ !== typeNew) return winner.new_!(winner, args);
    metatype = winner;
  }
  if (metatype !== rt.types.type && typeLookup(metatype, "mro") !== typeLookup(rt.types.type, "mro")) {
    throw new Unsupported("a metaclass that overrides mro()");
  }
  const namespace = namespaceObject as PyDict;
  // type_new_get_bases: no bases means a new (object,) tuple; otherwise the tuple given.
  let basesTuple: PyTuple;
  if (basesObject.items.length === 0) basesTuple = newTuple([rt.types.object]);
  else {
    basesObject.refcount++;
    basesTuple = basesObject;
  }
  let type: PyType;
  try {
    const bases = basesTuple.items as PyType[];
    const base = bestBase(bases);
    const slotsValue = dictGetItem(namespace, internedKey("__slots__"));
    const slotNames = slotsValue === null ? null : slotNamesOf(slotsValue, nameObject.value);
    if (slotNames !== null) {
      refuseSlotsOverVariableSize(slotNames, base);
      refuseSlotsShadowingClassVariables(slotNames, namespace);
      refuseSlotMembersOverBuiltin(slotNames, base);
    }
    // type_new_init: tp_dict is a copy of the namespace, made before the type object.
    const dict = dictCopy(namespace);
    type = new PyType(metatype, nameObject.value);
    type.heapType = true;
    type.dict = dict;
    type.basesTuple = basesTuple;
    type.bases = bases;
    type.base = base;
    base.refcount++;
    if (metatype.heapType) metatype.refcount++;
    describeLayout(type, base, slotNames);
    allocateObject(type, heapTypeAllocationSize(type.slotNames.length));
    rt.gc.countAllocation();
    gcTrack(type);
  } catch (error) {
    decref(basesTuple);
    throw error;
  }
  try {
    reindexNamespace(type);
    setAttributes(type);
    readyHeapType(type);
  } catch (error) {
    decref(type);
    throw error;
  }
  updateHeapTypeSlots(type);
  invalidateTypeCaches();
  setNames(type);
  initSubclass(type, args);
  return type;
}

/**
 * type_new_set_attrs: __module__ from the caller's globals when the body did not set it,
 * __qualname__ moved out of the dict into the type, __new__ made a staticmethod and
 * __init_subclass__/__class_getitem__ classmethods, the __class__ cell filled and removed.
 */
function setAttributes(type: PyType): void {
  if (!type.namespace.has("__module__")) {
    const globals = rt.currentGlobals;
    const moduleName = globals === null ? null : dictGetItem(globals, internedKey("__name__"));
    if (moduleName !== null) setTypeAttribute(type, "__module__", moduleName);
  }
  const moduleName = type.namespace.get("__module__");
  type.module = moduleName instanceof PyStr ? moduleName.value : "builtins";
  const qualname = type.namespace.get("__qualname__");
  if (qualname !== undefined) {
    if (!(qualname instanceof PyStr)) throw typeError(`type __qualname__ must be a str, not ${qualname.type.name}`);
    type.qualname = qualname.value;
    deleteTypeAttribute(type, "__qualname__");
  }
  wrapFunction(type, "__new__", rt.types.staticmethod);
  wrapFunction(type, "__init_subclass__", rt.types.classmethod);
  if (rt.profile.minor >= 7) wrapFunction(type, "__class_getitem__", rt.types.classmethod);
  const cell = type.namespace.get("__classcell__");
  if (cell !== undefined) {
    if (!(cell instanceof PyCell)) throw typeError(`__classcell__ must be a nonlocal cell, not ${reprText(cell.type)}`);
    const old = cell.contents;
    type.refcount++;
    cell.contents = type;
    if (old !== null) decref(old);
    deleteTypeAttribute(type, "__classcell__");
  }
}

/** type_new_staticmethod / type_new_classmethod: a plain function under `name` gets wrapped in place. */
function wrapFunction(type: PyType, name: string, wrapperType: PyType): void {
  const value = type.namespace.get(name);
  if (!(value instanceof PyFunction)) return;
  const wrapper = newCallableWrapper(wrapperType, value);
  setTypeAttribute(type, name, wrapper);
  decref(wrapper);
}

/**
 * PyType_Ready for a class: the __mro__ tuple, the descriptors of its __slots__, __dict__ and
 * __weakref__, __doc__ = None when absent, __hash__ = None when it defines __eq__ alone
 * (type_ready_set_hash), and its entry in each base's subclass registry.
 */
function readyHeapType(type: PyType): void {
  const mro = computeMro(type, type.bases);
  for (const entry of mro) entry.refcount++;
  type.mroTuple = newTupleStealing(mro);
  type.mro = mro;
  addInstanceDescriptors(type);
  if (!type.namespace.has("__doc__")) setTypeAttribute(type, "__doc__", rt.None);
  if (type.namespace.has("__eq__") && !type.namespace.has("__hash__")) setTypeAttribute(type, "__hash__", rt.None);
  for (const base of type.bases) addSubclass(base, type);
}

/** The instance layout a class gets from its base and its __slots__ (type_new_descriptors). */
function describeLayout(type: PyType, base: PyType, slotNames: string[] | null): void {
  type.layout = { ...base.layout, gc: true, preHeader: rt.profile.sizes.managedPreHeader > 0 && base === rt.types.object };
  // __slots__: named slots instead of a per-instance dict (and weakref list, unless listed).
  const solidBase = base === rt.types.object || base.heapType;
  if (slotNames !== null) {
    type.slotNames = slotNames.filter((name) => name !== "__dict__" && name !== "__weakref__");
    type.instancesHaveDict = base.instancesHaveDict || slotNames.includes("__dict__");
    type.instancesHaveWeakrefs = base.instancesHaveWeakrefs || slotNames.includes("__weakref__");
  } else {
    type.instancesHaveDict = true;
    // Variable-size bases (int, tuple, bytes) cannot take a weakref slot.
    type.instancesHaveWeakrefs = base.instancesHaveWeakrefs || (solidBase || base.layout.itemSize === 0);
  }
  // 3.11+ keep the dict (3.12+ also the weakref list) in a pre-header; in 3.11 subclasses of
  // variable-size bases (int, tuple, bytes) still keep a dict pointer after their items.
  const sizes = rt.profile.sizes;
  // A dict that a built-in base keeps in its own struct (exceptions, functions, modules, type)
  // stays there: only a dict a class adds is managed.
  const builtinBase = base.mro.find((candidate) => !candidate.heapType) ?? rt.types.object;
  // (str sizes its objects itself: its tp_itemsize is 0, unlike the simulator's layout.)
  const variableSized = base.layout.itemSize !== 0 && builtinBase !== rt.types.str;
  const dictInStruct = builtinBase.instancesHaveDict;
  const managedDict = type.instancesHaveDict && !dictInStruct && sizes.managedPreHeader > 0 && (!variableSized || sizes.managedDictForVariableSize);
  // A built-in whose struct has a weak reference list (set, frozenset) keeps it there.
  const managedWeakref = type.instancesHaveWeakrefs && sizes.managedWeakref && !builtinBase.instancesHaveWeakrefs;
  const basicSize = instanceBasicSize(base, type, managedDict, managedWeakref);
  type.layout = {
    ...type.layout,
    basicSize,
    // Up to 3.7 a class adding nothing to a base without GC (int, str, object with empty
    // __slots__) leaves its instances untracked; from 3.8 every class's instances are tracked.
    gc: rt.profile.minor >= 8 || base.layout.gc || basicSize > base.layout.basicSize,
    preHeader: managedDict || managedWeakref,
    // Only object.__new__ sets up inline values (a built-in base's constructor makes the
    // instances of a class over list, int...); 3.13 also wants nothing added to object's layout.
    inlineValues: managedDict && builtinBase === rt.types.object && (rt.profile.minor < 13 || basicSize === 16),
  };
  // A class over a class over a built-in (list, dict, ...) keeps the built-in's layout: it
  // deallocates and traverses as its base does, not as a plain instance.
  const overBuiltin = base.heapType && base.dealloc !== guardedInstanceDealloc;
  type.dealloc = overBuiltin ? base.dealloc : instanceDeallocFor(base);
  const plain = base === rt.types.object || base.heapType;
  // A built-in that keeps the dict in its own struct (exceptions), or that visits a heap class
  // itself (weak references, type), already does what subtype_traverse would add.
  const builtinTakesSubclass = dictInStruct || builtinBase === rt.types.weakref || builtinBase === rt.types.type;
  type.traverse = overBuiltin || builtinTakesSubclass ? base.traverse : plain ? instanceTraverse : overBuiltinTraverse(base.traverse);
  type.clear = overBuiltin || builtinTakesSubclass ? base.clear : plain ? instanceClear : overBuiltinClear(base.clear);
}

/**
 * tp_basicsize of a class (type_new): the base's, one pointer per __slots__ name, and a pointer
 * for the __dict__ and the weakref list this class adds, unless they live in the pre-header
 * (managed dict 3.11+, managed weakref 3.12+). sys.getsizeof adds the GC header and pre-header.
 */
function instanceBasicSize(base: PyType, type: PyType, managedDict: boolean, managedWeakref: boolean): number {
  let size = base === rt.types.object ? 16 : base.layout.basicSize;
  size += 8 * type.slotNames.length;
  if (type.instancesHaveDict && !base.instancesHaveDict && !managedDict) size += 8;
  if (type.instancesHaveWeakrefs && !base.instancesHaveWeakrefs && !managedWeakref) size += 8;
  return size;
}

/** subtype_dealloc, inside the trashcan; a built-in base's own deallocator runs without its own. */
function instanceDeallocFor(base: PyType): (self: PyObject) => void {
  if (base === rt.types.object || base.heapType) return guardedInstanceDealloc;
  const baseDealloc = withoutTrashcan(base.dealloc);
  // The built-in base under the classes (subtype_dealloc's `base`): when it keeps no weak
  // reference list, a class above it added one, and it is cleared here, before the attributes.
  const clearsWeakrefs = !base.instancesHaveWeakrefs;
  return withTrashcan((self: PyObject): void => {
    const type = self.type;
    if (type.finalize !== null && !rt.gc.finalized.has(self)) {
      rt.gc.finalized.add(self);
      self.refcount = 1;
      type.finalize(self);
      if (--self.refcount !== 0) return;
    }
    // Built-ins without a GC header of their own (int, str, float) do not untrack in their dealloc.
    gcUntrack(self);
    if (clearsWeakrefs && type.instancesHaveWeakrefs) rt.clearWeakrefs(self);
    releaseAttributes(self);
    baseDealloc(self);
    if (type.heapType && --type.refcount === 0) type.type.dealloc(type);
  });
}

const guardedInstanceDealloc = withTrashcan(instanceDealloc);

/** The names __slots__ lists, private ones mangled with the class name (type_new_copy_slots). */
function slotNamesOf(value: PyObject, className: string): string[] {
  return rawSlotNames(value).map((name) => mangle(className, name));
}

/** type_new_slots: a variable-size base (int, tuple, bytes) takes no __slots__ names at all. */
function refuseSlotsOverVariableSize(slotNames: readonly string[], base: PyType): void {
  const builtinBase = base.mro.find((candidate) => !candidate.heapType) ?? rt.types.object;
  // (str's own tp_itemsize is 0, unlike the simulator's layout.)
  if (slotNames.length > 0 && base.layout.itemSize !== 0 && builtinBase !== rt.types.str) {
    throw typeError(`nonempty __slots__ not supported for subtype of '${base.name}'`);
  }
}

/**
 * __slots__ members in a class over a built-in other than object (list, dict, Exception...):
 * only plain instances and weak references keep slot values in the simulator.
 */
function refuseSlotMembersOverBuiltin(slotNames: readonly string[], base: PyType): void {
  if (!slotNames.some((name) => name !== "__dict__" && name !== "__weakref__")) return;
  const builtinBase = base.mro.find((candidate) => !candidate.heapType) ?? rt.types.object;
  if (builtinBase === rt.types.object || builtinBase === rt.types.weakref) return;
  throw new Unsupported(`__slots__ members in a class over the built-in type '${builtinBase.name}'`);
}

/** type_new_copy_slots: a slot and a class attribute of the same name cannot both exist. */
function refuseSlotsShadowingClassVariables(slotNames: readonly string[], namespace: PyDict): void {
  for (const name of slotNames) {
    if (name === "__dict__" || name === "__weakref__") continue;
    if (dictGetItem(namespace, internedKey(name)) !== null) throw valueError(`${strRepr(name)} in __slots__ conflicts with class variable`);
  }
}

function rawSlotNames(value: PyObject): string[] {
  if (value instanceof PyStr) return [value.value];
  const names: string[] = [];
  const iterator = getIter(value);
  try {
    for (;;) {
      const item = iterNext(iterator);
      if (item === null) break;
      if (!(item instanceof PyStr)) {
        const name = item.type.name;
        decref(item);
        throw typeError(`__slots__ items must be strings, not '${name}'`);
      }
      names.push(item.value);
      decref(item);
    }
  } finally {
    decref(iterator);
  }
  return names;
}

/**
 * type_new_set_names: __set_name__(owner, name) on every class attribute whose type defines it,
 * walking a copy of the class dict (so the hooks may change the class).
 */
function setNames(type: PyType): void {
  const snapshot = dictCopy(type.dict!);
  try {
    const entries: [PyObject, PyObject][] = [];
    dictForEach(snapshot, (key, value) => {
      entries.push([key, value]);
    });
    for (const [key, value] of entries) {
      const hook = typeLookup(value.type, "__set_name__");
      if (hook === null) continue;
      const getter = hook.type.descrGet;
      const bound = getter === null ? (hook.refcount++, hook) : getter(hook, value, value.type);
      try {
        decref(callFromRuntime(bound, [type, key]));
      } finally {
        decref(bound);
      }
    }
  } finally {
    decref(snapshot);
  }
}

/**
 * type_new_init_subclass: super(type, type).__init_subclass__(**kwargs), i.e. the next
 * definition after the class on its MRO, bound to the class. The super object is made and
 * dropped as in CPython.
 */
function initSubclass(type: PyType, args: CallArgs): void {
  const kwnames = args.kwnames;
  const keywordValues = kwnames === null ? [] : args.values.slice(args.values.length - kwnames.length);
  const proxy = newSuper(type, type);
  let target: PyObject | null = null;
  try {
    for (const base of type.mro.slice(1)) {
      const hook = base.namespace.get("__init_subclass__");
      if (hook === undefined) continue;
      const getter = hook.type.descrGet;
      target = getter === null ? (hook.refcount++, hook) : getter(hook, null, type);
      break;
    }
  } finally {
    decref(proxy);
  }
  if (target === null) return;
  try {
    // type_new has the keywords in a dict: the hook is called with them unpacked from it.
    decref(callWithKeywordsFromDict(target, { values: keywordValues, kwnames }));
  } finally {
    decref(target);
  }
}

/** Assigning a dunder to a class updates its slots and those of its subclasses. */
export function classAttributeChanged(type: PyType, name: string): void {
  invalidateTypeCaches();
  // PyType_Modified: the class and every subclass get a new version.
  const bump = (current: PyType): void => {
    current.versionTag++;
    for (const subclass of current.subclasses) bump(subclass);
  };
  bump(type);
  if (!name.startsWith("__") || !name.endsWith("__")) return;
  const visit = (current: PyType): void => {
    if (current.heapType) updateHeapTypeSlots(current);
    for (const subclass of current.subclasses) visit(subclass);
  };
  visit(type);
}

