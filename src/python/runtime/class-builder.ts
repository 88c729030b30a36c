// Creating classes: __build_class__, type.__new__ (heap types), C3 linearisation, __set_name__
// and __init_subclass__.
import type { PyObject } from "./object.js";
import { decref } from "./object.js";
import { rt } from "./state.js";
import { PyType } from "./type.js";
import type { CallArgs } from "./slots.js";
import { typeError } from "./errors.js";
import { call } from "./abstract/object-protocol.js";
import { getAttr, lookupAttr, typeLookup, invalidateTypeCaches } from "./abstract/attributes.js";
import { newDict, dictForEach, dictGetItem, dictDeleteItem, type PyDict } from "./types/dict.js";
import { PyStr, internName, newStr } from "./types/str.js";
import { PyTuple, newTuple } from "./types/tuple.js";
import { updateHeapTypeSlots } from "./slot-table.js";
import { PyFunction } from "./types/function.js";
import { newCallableWrapper } from "./types/function-wrappers.js";
import { PyCell } from "./types/cell.js";
import { gcTrack } from "./gc/tracking.js";
import { instanceDealloc, instanceTraverse, instanceClear } from "./types/instance.js";
import { addInstanceDescriptors } from "./heap-type-descriptors.js";
import { getIter, iterNext } from "./abstract/iteration.js";
import { allocateObject } from "./memory/object-memory.js";
import { withTrashcan, withoutTrashcan } from "./memory/trashcan.js";
/** PyHeapTypeObject on 64-bit 3.11 (the size only shapes addresses). */
const HEAP_TYPE_SIZE = 904;

/** __build_class__(func, name, *bases, **kwds): runs the class body, then the metaclass. */
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
  for (const base of bases) if (!(base instanceof PyType)) throw typeError("bases must be types");
  if (metaclass === null) metaclass = bases.length > 0 ? (bases[0] as PyType).type : rt.types.type;
  if (metaclass instanceof PyType) metaclass = calculateMetaclass(metaclass, bases as PyType[]);
  const namespace = newDict();
  try {
    const result = (body as PyFunction).code.compiled!(body, namespace);
    decref(result);
    const basesTuple = newTuple(bases);
    try {
      const cls = call(metaclass, { values: [name, basesTuple, namespace, ...keywords.values], kwnames: keywords.names.length > 0 ? keywords.names : null });
      const cellObject = dictGetItem(namespace, internedKey("__classcell__"));
      if (cellObject instanceof PyCell) {
        const old = cellObject.contents;
        cls.refcount++;
        cellObject.contents = cls;
        if (old !== null) decref(old);
      }
      return cls;
    } finally {
      decref(basesTuple);
    }
  } finally {
    decref(namespace);
  }
}

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
      throw typeError(`Cannot create a consistent method resolution\norder (MRO) for bases ${names}`);
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

/** type.__new__(metatype, name, bases, namespace, **kwargs): a new heap type. */
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
  const namespace = namespaceObject as PyDict;
  const bases = basesObject.items.length > 0 ? (basesObject.items as PyType[]) : [rt.types.object];
  const base = bestBase(bases);

  const type = new PyType(metatype, nameObject.value);
  type.heapType = true;
  type.base = base;
  type.bases = [...bases];
  type.address = 0;
  metatype.refcount++;
  allocateObject(type, HEAP_TYPE_SIZE);
  for (const parent of bases) {
    parent.refcount++;
    parent.subclasses.push(type);
  }
  type.mro = computeMro(type, bases);
  type.layout = { ...base.layout, gc: true, preHeader: rt.profile.sizes.managedPreHeader > 0 && base === rt.types.object };

  // Copy the namespace, applying the implicit conversions of type_new.
  dictForEach(namespace, (key, value) => {
    if (!(key instanceof PyStr)) return;
    if (key.value === "__qualname__") {
      if (!(value instanceof PyStr)) throw typeError(`type __qualname__ must be a str, not ${value.type.name}`);
      type.qualname = value.value;
      return;
    }
    if (key.value === "__classcell__") return;
    let stored = value;
    if ((key.value === "__init_subclass__" || key.value === "__class_getitem__") && value instanceof PyFunction) {
      stored = newCallableWrapper(rt.types.classmethod, value);
    } else if (key.value === "__new__" && value instanceof PyFunction) {
      stored = newCallableWrapper(rt.types.staticmethod, value);
    } else {
      value.refcount++;
    }
    type.namespace.set(key.value, stored);
  });
  const moduleName = type.namespace.get("__module__");
  if (moduleName instanceof PyStr) type.module = moduleName.value;
  if (!type.namespace.has("__doc__")) {
    rt.None.refcount++;
    type.namespace.set("__doc__", rt.None);
  }

  // __slots__: named slots instead of a per-instance dict (and weakref list, unless listed).
  const slotsValue = dictGetItem(namespace, internedKey("__slots__"));
  const solidBase = base === rt.types.object || base.heapType;
  if (slotsValue !== null) {
    const names = slotNamesOf(slotsValue);
    type.slotNames = names.filter((name) => name !== "__dict__" && name !== "__weakref__");
    type.instancesHaveDict = base.instancesHaveDict || names.includes("__dict__");
    type.instancesHaveWeakrefs = base.instancesHaveWeakrefs || names.includes("__weakref__");
  } else {
    type.instancesHaveDict = true;
    // Variable-size bases (int, tuple, bytes) cannot take a weakref slot.
    type.instancesHaveWeakrefs = base.instancesHaveWeakrefs || (solidBase || base.layout.itemSize === 0);
  }
  // 3.11+ keep the dict (3.12+ also the weakref list) in a pre-header; in 3.11 subclasses of
  // variable-size bases (int, tuple, bytes) still keep a dict pointer after their items.
  const sizes = rt.profile.sizes;
  const variableSized = base.layout.itemSize !== 0;
  const managedDict = type.instancesHaveDict && sizes.managedPreHeader > 0 && (!variableSized || sizes.managedDictForVariableSize);
  const managedWeakref = type.instancesHaveWeakrefs && sizes.managedWeakref;
  type.layout = {
    ...type.layout,
    basicSize: instanceBasicSize(base, type, managedDict, managedWeakref),
    preHeader: managedDict || managedWeakref,
  };
  type.dealloc = instanceDeallocFor(base);
  type.traverse = base === rt.types.object || base.heapType ? instanceTraverse : base.traverse;
  type.clear = base === rt.types.object || base.heapType ? instanceClear : base.clear;
  addInstanceDescriptors(type);
  updateHeapTypeSlots(type);
  invalidateTypeCaches();
  rt.gc.countAllocation();
  gcTrack(type);

  setNames(type);
  initSubclass(type, args);
  return type;
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
  return withTrashcan((self: PyObject): void => {
    const type = self.type;
    if (type.finalize !== null && !rt.gc.finalized.has(self)) {
      rt.gc.finalized.add(self);
      self.refcount = 1;
      type.finalize(self);
      if (--self.refcount !== 0) return;
    }
    const attributes = self.attributes;
    self.attributes = null;
    attributes?.release();
    baseDealloc(self);
    if (type.heapType && --type.refcount === 0) type.type.dealloc(type);
  });
}

const guardedInstanceDealloc = withTrashcan(instanceDealloc);

function slotNamesOf(value: PyObject): string[] {
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

/** Calls __set_name__(owner, name) on every class attribute that defines it. */
function setNames(type: PyType): void {
  for (const [name, value] of [...type.namespace]) {
    const hook = typeLookup(value.type, "__set_name__");
    if (hook === null) continue;
    const nameObject = newStr(name);
    try {
      const bound = getAttr(value, internedKey("__set_name__"));
      try {
        decref(call(bound, { values: [type, nameObject], kwnames: null }));
      } finally {
        decref(bound);
      }
    } finally {
      decref(nameObject);
    }
  }
}

/** super(type, type).__init_subclass__(**kwargs) */
function initSubclass(type: PyType, args: CallArgs): void {
  const kwnames = args.kwnames;
  const keywordValues = kwnames === null ? [] : args.values.slice(args.values.length - kwnames.length);
  // super(type, type).__init_subclass__(**kwargs): the next definition on the MRO, bound to type.
  for (const base of type.mro.slice(1)) {
    const hook = base.namespace.get("__init_subclass__");
    if (hook === undefined) continue;
    const getter = hook.type.descrGet;
    const target = getter === null ? (hook.refcount++, hook) : getter(hook, null, type);
    try {
      decref(call(target, { values: keywordValues, kwnames }));
    } finally {
      decref(target);
    }
    return;
  }
}

/** Assigning a dunder to a class updates its slots and those of its subclasses. */
export function classAttributeChanged(type: PyType, name: string): void {
  invalidateTypeCaches();
  if (!name.startsWith("__") || !name.endsWith("__")) return;
  const visit = (current: PyType): void => {
    if (current.heapType) updateHeapTypeSlots(current);
    for (const subclass of current.subclasses) visit(subclass);
  };
  visit(type);
}

export { dictDeleteItem };
