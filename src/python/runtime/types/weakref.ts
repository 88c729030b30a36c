// weakref.ref objects: a reference that does not keep its referent alive; callbacks, reuse of
// the basic reference, equality through the referents, a hash that survives the referent.
import { PyObject } from "../object.js";
import { decref } from "../object.js";
import { rt } from "../state.js";
import type { PyType } from "../type.js";
import { allocateObject, freeObjectMemory } from "../memory/object-memory.js";
import { gcTrack, gcUntrack } from "../gc/tracking.js";
import type { BuiltinTypeSpec } from "../type-spec.js";
import type { CallArgs } from "../slots.js";
import { CompareOp } from "../slots.js";
import { addressText, splitArgs } from "../spec-helpers.js";
import { addWeakReference, removeWeakReference, weakReferencesOf } from "../weak-references.js";
import { typeError, Unsupported } from "../errors.js";
import { newNone, newNotImplemented, newBool } from "../values.js";
import { hash } from "../abstract/object-protocol.js";
import { richCompare } from "../abstract/compare.js";
import { typeLookup, lookupAttr } from "../abstract/attributes.js";
import { attributesOf, initInstanceAttributes, traverseAttributes } from "../instance-attributes.js";
import { PyStr, newStr, internName } from "./str.js";
import { PyTuple } from "./tuple.js";
import { PyList } from "./list.js";
import type { PyHash } from "../hashing/hash-value.js";

export class PyWeakref extends PyObject {
  /** The referent (not an owned reference), or null once it died. */
  referent: PyObject | null;
  /** Called with this reference when the referent dies (owned), or null. */
  callback: PyObject | null;
  hashCache: PyHash | null = null;
  /** __slots__ values of a Python subclass (owned), as PyInstance keeps them. */
  slotValues: Map<string, PyObject> | null = null;

  constructor(type: PyType, referent: PyObject, callback: PyObject | null) {
    super(type);
    this.referent = referent;
    this.callback = callback;
  }
}

/** tp_basicsize of PyWeakReference: 56 until 3.10, 64 from 3.11 (vectorcall pointer). */
export function weakrefBasicSize(minor: number): number {
  return minor >= 11 ? 64 : 56;
}

/** Bytes an instance of `type` (ref or a Python subclass) occupies, without GC headers. */
function weakrefSize(type: PyType): number {
  return type.heapType ? type.layout.basicSize : weakrefBasicSize(rt.profile.minor);
}

/** Py_TYPE(o)->tp_name: a heap type's __name__, a built-in's dotted name. */
export function typeSlotName(type: PyType): string {
  if (type.heapType || type.module === "builtins") return type.name;
  return `${type.module}.${type.name}`;
}

/** Built-in types with tp_weaklistoffset (CPython's objects that accept weak references). */
function builtinSupportsWeakrefs(type: PyType): boolean {
  const types = rt.types;
  return [types.type, types.function, types.builtin_function_or_method, types.method, types.set, types.frozenset, types.generator, types.code, types.module].includes(type);
}

/** Names a class body listed in __slots__ (a str or an iterable of str). */
function declaredSlots(type: PyType): string[] | null {
  const slots = type.namespace.get("__slots__");
  if (slots === undefined) return null;
  if (slots instanceof PyStr) return [slots.value];
  if (slots instanceof PyTuple || slots instanceof PyList) return slots.items.filter((item): item is PyStr => item instanceof PyStr).map((item) => item.value);
  return [];
}

/**
 * _PyType_SUPPORTS_WEAKREFS: a class statement adds a weak reference list unless __slots__
 * leaves out "__weakref__", and never on top of a variable-sized base (int, tuple, bytes).
 */
export function supportsWeakrefs(type: PyType): boolean {
  let solid: PyType | null = type;
  while (solid !== null && solid.heapType) solid = solid.base;
  if (solid === null) return false;
  if (builtinSupportsWeakrefs(solid)) return true;
  // CPython's str has tp_itemsize 0, so its subclasses do get the list; the simulator lays str
  // out as variable-sized and would answer wrongly, so it refuses instead.
  if (solid === rt.types.str && type !== solid) throw new Unsupported(`weak references to instances of '${type.name}' (a str subclass)`);
  if (solid.layout.itemSize !== 0 || solid === rt.types.int || solid === rt.types.bool) return false;
  for (let current: PyType | null = type; current !== null && current.heapType; current = current.base) {
    const slots = declaredSlots(current);
    if (slots !== null) {
      if (slots.includes("__weakref__")) return true;
      continue;
    }
    // No __slots__ in the namespace: a class without __slots__ has a dict and no slot names.
    if (current.instancesHaveDict && current.slotNames.length === 0) return true;
    // The class declared __slots__ but the namespace does not show them: whether they list
    // "__weakref__" is unknown, so the simulator refuses instead of guessing.
    throw new Unsupported(`weak references to instances of '${current.name}' (a class with __slots__)`);
  }
  return false;
}

/** The reference without callback that `ref(o)` hands out again (CPython's list head). */
function basicReference(referent: PyObject): PyWeakref | null {
  for (const reference of weakReferencesOf(referent)) {
    if (reference.type === rt.types.weakref && (reference as PyWeakref).callback === null) return reference as PyWeakref;
  }
  return null;
}

/**
 * weakref_new/weakref___init__ argument parsing: ref(object[, callback]), positional only.
 * Returns the referent and the callback (null for None), both borrowed.
 */
function parseReferenceArguments(functionName: string, args: CallArgs): [PyObject, PyObject | null] {
  const { positional, keywords } = splitArgs(args);
  if (keywords.size > 0) throw typeError(rt.profile.minor < 7 ? "ref() does not take keyword arguments" : "ref() takes no keyword arguments");
  const plural = (count: number): string => (rt.profile.minor < 8 || count !== 1 ? "s" : "");
  if (positional.length < 1) throw typeError(`${functionName} expected at least 1 argument${plural(1)}, got ${positional.length}`);
  if (positional.length > 2) throw typeError(`${functionName} expected at most 2 argument${plural(2)}, got ${positional.length}`);
  const referent = positional[0]!;
  const callback = positional[1] === undefined || positional[1] === rt.None ? null : positional[1];
  return [referent, callback];
}

/**
 * True when the simulator clears weak references when objects of `type` die (their dealloc
 * calls PyObject_ClearWeakRefs); other referents are refused rather than left dangling.
 */
export function simulatorClearsWeakrefs(type: PyType): boolean {
  let solid: PyType | null = type;
  while (solid !== null && solid.heapType) solid = solid.base;
  const types = rt.types;
  if (solid === null) return false;
  if (solid.isSubtypeOf(rt.exc.BaseException)) return true;
  // A class that added the list over a built-in base without one: subtype_dealloc clears it.
  if (type.heapType && type.instancesHaveWeakrefs && !solid.instancesHaveWeakrefs) return true;
  return [types.object, types.type, types.function, types.set, types.frozenset, types.generator].includes(solid);
}

function weakrefNew(type: PyType, args: CallArgs): PyObject {
  const [referent, callback] = parseReferenceArguments("__new__", args);
  if (!supportsWeakrefs(referent.type)) throw typeError(`cannot create weak reference to '${typeSlotName(referent.type)}' object`);
  if (!simulatorClearsWeakrefs(referent.type)) throw new Unsupported(`weak references to '${typeSlotName(referent.type)}' objects`);
  const isBasic = callback === null && type === rt.types.weakref;
  if (isBasic) {
    const existing = basicReference(referent);
    if (existing !== null) {
      existing.refcount++;
      return existing;
    }
  }
  if (callback !== null) callback.refcount++;
  const reference = new PyWeakref(type, referent, callback);
  allocateObject(reference, weakrefSize(type));
  if (type.heapType) {
    type.refcount++;
    if (type.instancesHaveDict) initInstanceAttributes(reference);
  }
  rt.gc.countAllocation();
  gcTrack(reference);
  // The basic reference heads the list, as CPython's insert_head puts it.
  addWeakReference(referent, reference, isBasic);
  return reference;
}

export function weakrefDealloc(self: PyObject): void {
  const reference = self as PyWeakref;
  gcUntrack(reference);
  if (reference.referent !== null) removeWeakReference(reference.referent, reference);
  reference.referent = null;
  freeObjectMemory(reference, weakrefSize(reference.type));
  rt.gc.countDeallocation();
  const callback = reference.callback;
  reference.callback = null;
  const slots = reference.slotValues;
  reference.slotValues = null;
  if (callback !== null) decref(callback);
  if (slots !== null) for (const value of slots.values()) decref(value);
}

export function weakrefTraverse(self: PyObject, visit: (child: PyObject) => void): void {
  const reference = self as PyWeakref;
  if (self.type.heapType) {
    // subtype_traverse first: the __slots__ values (each class's in name order, own class
    // first), the __dict__, the class; then the reference's own callback.
    const slots = reference.slotValues;
    if (slots !== null) {
      for (let type: PyType | null = self.type; type !== null && type.heapType; type = type.base) {
        for (const name of [...type.slotNames].sort()) {
          const value = slots.get(name);
          if (value !== undefined) visit(value);
        }
      }
    }
    const attributes = attributesOf(reference);
    if (attributes !== null) traverseAttributes(attributes, visit);
    visit(self.type);
  }
  if (reference.callback !== null) visit(reference.callback);
}

/** gc_clear: the reference goes dead and drops its callback (the collector breaks cycles here). */
export function weakrefClear(self: PyObject): void {
  const reference = self as PyWeakref;
  if (reference.referent !== null) removeWeakReference(reference.referent, reference);
  reference.referent = null;
  const callback = reference.callback;
  reference.callback = null;
  if (callback !== null) decref(callback);
}

/** Calling a reference: the referent (new reference) or None once it died. */
function weakrefCall(self: PyObject, args: CallArgs): PyObject {
  const { positional, keywords } = splitArgs(args);
  const minor = rt.profile.minor;
  if (minor >= 11) {
    if (keywords.size > 0) throw typeError("weakref() takes no keyword arguments");
    if (positional.length > 0) throw typeError(`weakref expected 0 arguments, got ${positional.length}`);
  } else {
    const [keyword] = keywords.keys();
    if (keyword !== undefined) throw typeError(minor < 7 ? `'${keyword}' is an invalid keyword argument for this function` : `'${keyword}' is an invalid keyword argument for __call__()`);
    if (positional.length > 0) throw typeError(`__call__() takes at most 0 arguments (${positional.length} given)`);
  }
  const referent = (self as PyWeakref).referent;
  if (referent === null) return newNone();
  referent.refcount++;
  return referent;
}

function weakrefHash(self: PyObject): PyHash {
  const reference = self as PyWeakref;
  if (reference.hashCache !== null) return reference.hashCache;
  const referent = reference.referent;
  if (referent === null) throw typeError("weak object has gone away");
  referent.refcount++;
  try {
    reference.hashCache = hash(referent);
  } finally {
    decref(referent);
  }
  return reference.hashCache;
}

/** Live references compare by their referents; a dead one is only equal to itself. */
function weakrefRichCompare(self: PyObject, other: PyObject, op: CompareOp): PyObject {
  if ((op !== CompareOp.Eq && op !== CompareOp.Ne) || !(other instanceof PyWeakref)) return newNotImplemented();
  const mine = (self as PyWeakref).referent;
  const theirs = other.referent;
  if (mine === null || theirs === null) {
    const same = self === other;
    return newBool(op === CompareOp.Eq ? same : !same);
  }
  mine.refcount++;
  theirs.refcount++;
  try {
    return richCompare(mine, theirs, op);
  } finally {
    decref(mine);
    decref(theirs);
  }
}

/**
 * The referent's __name__ shown in the repr: ≤3.10 any attribute (instances and modules
 * included), 3.11+ only what the referent's type defines (functions, classes).
 */
function referentName(referent: PyObject): string | null {
  let name: PyObject | null = null;
  if (rt.profile.minor >= 11) {
    const descriptor = typeLookup(referent.type, "__name__");
    if (descriptor === null) return null;
    const getter = descriptor.type.descrGet;
    name = getter === null ? (descriptor.refcount++, descriptor) : getter(descriptor, referent, referent.type);
  } else {
    const key = internName("__name__");
    try {
      name = lookupAttr(referent, key);
    } finally {
      decref(key);
    }
  }
  if (name === null) return null;
  try {
    return name instanceof PyStr ? name.value : null;
  } finally {
    decref(name);
  }
}

function weakrefRepr(self: PyObject): PyObject {
  const referent = (self as PyWeakref).referent;
  if (referent === null) return newStr(`<weakref at ${addressText(self)}; dead>`);
  referent.refcount++;
  try {
    const name = referentName(referent);
    const suffix = name === null ? "" : ` (${name})`;
    return newStr(`<weakref at ${addressText(self)}; to '${typeSlotName(referent.type)}' at ${addressText(referent)}${suffix}>`);
  } finally {
    decref(referent);
  }
}

/** The type's names per version: `weakref` until 3.9, `weakref.ReferenceType` from 3.10. */
function modernNames(): boolean {
  return rt.profile.minor >= 10;
}

export const WEAKREF_SPEC: BuiltinTypeSpec = {
  get name() {
    return modernNames() ? "ReferenceType" : "weakref";
  },
  get qualname() {
    return modernNames() ? "ReferenceType" : "weakref";
  },
  get module() {
    return modernNames() ? "weakref" : "builtins";
  },
  layout: (profile) => ({ basicSize: weakrefBasicSize(profile.minor), itemSize: 0, gc: true, preHeader: false }),
  subclassable: true,
  slots: {
    new_: weakrefNew,
    init: (_self, args) => {
      parseReferenceArguments("__init__", args);
    },
    call: weakrefCall,
    dealloc: weakrefDealloc,
    traverse: weakrefTraverse,
    clear: weakrefClear,
    hash: weakrefHash,
    richcompare: weakrefRichCompare,
    repr: weakrefRepr,
  },
  getsets: [
    {
      name: "__callback__",
      get: (self) => {
        const callback = (self as PyWeakref).callback ?? rt.None;
        callback.refcount++;
        return callback;
      },
    },
  ],
};

