// The set and frozenset types: slots, operators and methods as setobject.c defines them.
import { unsupportedReduceMethod } from "../method-def.js";
import { GENERIC_ALIAS_CLASS_GETITEM } from "../method-def.js";
import type { PyObject } from "../object.js";
import { decref } from "../object.js";
import { rt } from "../state.js";
import type { BuiltinTypeSpec } from "../type-spec.js";
import type { PyType } from "../type.js";
import type { CallArgs } from "../slots.js";
import { CompareOp } from "../slots.js";
import { BinaryOp } from "../type.js";
import { textSlot } from "../spec-helpers.js";
import { newBool, newNone, newNotImplemented } from "../values.js";
import { keyErrorFor, pyError } from "../errors.js";
import { newInt } from "./int.js";
import { reprText } from "../abstract/object-protocol.js";
import { guardedRepr } from "./sequence-helpers.js";
import { sequenceToList } from "./list-ops.js";
import { setSizeof } from "../tables/index.js";
import { newSetIterator } from "./set-iterator.js";
import { checkNoKeywords, checkUnpacked } from "./container-arguments.js";
import {
  PySet,
  makeNewSet,
  emptyFrozenset,
  setDealloc,
  setClear,
  setAddKey,
  setDiscardKey,
  setContainsKey,
  setUpdateInternal,
  setCopy,
  setIntersection,
  setIntersectionUpdate,
  setDifference,
  setDifferenceUpdate,
  setSymmetricDifference,
  setSymmetricDifferenceUpdate,
  setIsSubset,
  setIsSuperset,
  setIsDisjoint,
  swapBodies,
  syncTableMemory,
} from "./set.js";
import type { PyList } from "./list.js";

function setOf(self: PyObject): PySet {
  return self as PySet;
}

/** set_repr: `{...}` through a list of the keys; `Name(...)` inside its own repr. */
function setRepr(self: PyObject): string {
  const set = setOf(self);
  const name = set.type.name;
  return guardedRepr(self, `${name}(...)`, () => {
    if (set.table.size === 0) return `${name}()`;
    const keys = sequenceToList(set) as PyList;
    let body: string;
    try {
      body = reprText(keys).slice(1, -1);
    } finally {
      decref(keys);
    }
    return set.type === rt.types.set ? `{${body}}` : `${name}({${body}})`;
  });
}

function setRichCompare(self: PyObject, other: PyObject, op: CompareOp): PyObject {
  if (!(other instanceof PySet)) return newNotImplemented();
  const set = setOf(self);
  switch (op) {
    case CompareOp.Eq:
      return newBool(set.table.size === other.table.size && setIsSubset(set, other));
    case CompareOp.Ne:
      return newBool(!(set.table.size === other.table.size && setIsSubset(set, other)));
    case CompareOp.Le:
      return newBool(setIsSubset(set, other));
    case CompareOp.Ge:
      return newBool(setIsSuperset(set, other));
    case CompareOp.Lt:
      return newBool(set.table.size < other.table.size && setIsSubset(set, other));
    case CompareOp.Gt:
      return newBool(set.table.size > other.table.size && setIsSuperset(set, other));
  }
}

function bothSets(a: PyObject, b: PyObject): a is PySet {
  return a instanceof PySet && b instanceof PySet;
}

const SET_BINARY = new Map<number, (a: PyObject, b: PyObject) => PyObject>([
  [
    BinaryOp.Or,
    (a, b) => {
      if (!bothSets(a, b)) return newNotImplemented();
      const result = setCopy(a);
      if (a !== b) {
        try {
          setUpdateInternal(result, b);
        } catch (error) {
          decref(result);
          throw error;
        }
      }
      return result;
    },
  ],
  [BinaryOp.And, (a, b) => (bothSets(a, b) ? setIntersection(a, b) : newNotImplemented())],
  [BinaryOp.Sub, (a, b) => (bothSets(a, b) ? setDifference(a, b) : newNotImplemented())],
  [BinaryOp.Xor, (a, b) => (bothSets(a, b) ? setSymmetricDifference(a, b) : newNotImplemented())],
]);

function inplace(update: (set: PySet, other: PyObject) => void) {
  return (a: PyObject, b: PyObject): PyObject => {
    if (!(b instanceof PySet)) return newNotImplemented();
    update(setOf(a), b);
    a.refcount++;
    return a;
  };
}

const SET_INPLACE = new Map<number, (a: PyObject, b: PyObject) => PyObject>([
  [BinaryOp.Or, inplace(setUpdateInternal)],
  [BinaryOp.And, inplace(setIntersectionUpdate)],
  [BinaryOp.Sub, inplace(setDifferenceUpdate)],
  [BinaryOp.Xor, inplace(setSymmetricDifferenceUpdate)],
]);

/** set_intersection_multi. */
function intersectionMulti(set: PySet, others: readonly PyObject[]): PySet {
  if (others.length === 0) return setCopy(set);
  set.refcount++;
  let result: PySet = set;
  for (const other of others) {
    try {
      const next = setIntersection(result, other);
      decref(result);
      result = next;
    } catch (error) {
      decref(result);
      throw error;
    }
  }
  return result;
}

/** set_difference_multi. */
function differenceMulti(set: PySet, others: readonly PyObject[]): PySet {
  if (others.length === 0) return setCopy(set);
  const result = setDifference(set, others[0]!);
  try {
    for (const other of others.slice(1)) setDifferenceUpdate(result, other);
  } catch (error) {
    decref(result);
    throw error;
  }
  return result;
}

function unionMulti(set: PySet, others: readonly PyObject[]): PySet {
  const result = setCopy(set);
  try {
    for (const other of others) if (other !== set) setUpdateInternal(result, other);
  } catch (error) {
    decref(result);
    throw error;
  }
  return result;
}

function readOnlyMethods() {
  return [
    { name: "copy", kind: "noargs" as const, impl: (self: PyObject) => (self.type === rt.types.frozenset ? (self.refcount++, self) : setCopy(setOf(self))) },
    { name: "difference", kind: "positional" as const, impl: (self: PyObject, args: readonly PyObject[]) => differenceMulti(setOf(self), args) },
    { name: "intersection", kind: "positional" as const, impl: (self: PyObject, args: readonly PyObject[]) => intersectionMulti(setOf(self), args) },
    { name: "isdisjoint", kind: "one" as const, impl: (self: PyObject, other: PyObject) => newBool(setIsDisjoint(setOf(self), other)) },
    { name: "issubset", kind: "one" as const, impl: (self: PyObject, other: PyObject) => newBool(setIsSubset(setOf(self), other)) },
    { name: "issuperset", kind: "one" as const, impl: (self: PyObject, other: PyObject) => newBool(setIsSuperset(setOf(self), other)) },
    unsupportedReduceMethod("set"),
    { name: "__sizeof__", kind: "noargs" as const, impl: (self: PyObject) => newInt(setSizeof(setOf(self).table) - rt.profile.sizes.gcHeader + (self.type.layout.basicSize - SET_OBJECT_BYTES)) },
    { name: "symmetric_difference", kind: "one" as const, impl: (self: PyObject, other: PyObject) => setSymmetricDifference(setOf(self), other) },
    { name: "union", kind: "positional" as const, impl: (self: PyObject, args: readonly PyObject[]) => unionMulti(setOf(self), args) },
  ];
}

function mutableMethods() {
  return [
    {
      name: "add",
      kind: "one" as const,
      impl: (self: PyObject, key: PyObject) => {
        setAddKey(setOf(self), key);
        return newNone();
      },
    },
    {
      name: "clear",
      kind: "noargs" as const,
      impl: (self: PyObject) => {
        setClear(self);
        return newNone();
      },
    },
    {
      name: "difference_update",
      kind: "positional" as const,
      impl: (self: PyObject, args: readonly PyObject[]) => {
        for (const other of args) setDifferenceUpdate(setOf(self), other);
        return newNone();
      },
    },
    {
      name: "discard",
      kind: "one" as const,
      impl: (self: PyObject, key: PyObject) => {
        setDiscardKey(setOf(self), key);
        return newNone();
      },
    },
    {
      name: "intersection_update",
      kind: "positional" as const,
      impl: (self: PyObject, args: readonly PyObject[]) => {
        const result = intersectionMulti(setOf(self), args);
        swapBodies(setOf(self), result);
        decref(result);
        return newNone();
      },
    },
    {
      name: "pop",
      kind: "noargs" as const,
      impl: (self: PyObject) => {
        const set = setOf(self);
        const key = set.table.pop();
        if (key === undefined) throw pyError(rt.exc.KeyError, "pop from an empty set");
        syncTableMemory(set);
        return key;
      },
    },
    {
      name: "remove",
      kind: "one" as const,
      impl: (self: PyObject, key: PyObject) => {
        if (!setDiscardKey(setOf(self), key)) throw keyErrorFor(key);
        return newNone();
      },
    },
    {
      name: "symmetric_difference_update",
      kind: "one" as const,
      impl: (self: PyObject, other: PyObject) => {
        setSymmetricDifferenceUpdate(setOf(self), other);
        return newNone();
      },
    },
    {
      name: "update",
      kind: "positional" as const,
      impl: (self: PyObject, args: readonly PyObject[]) => {
        for (const other of args) setUpdateInternal(setOf(self), other);
        return newNone();
      },
    },
  ];
}

/** set(iterable=()): set_new makes an empty set, set_init fills it. */
function setNew(type: PyType, args: CallArgs): PyObject {
  if (type === rt.types.set) checkNoKeywords("set", args);
  return makeNewSet(type, null);
}

function setInit(self: PyObject, args: CallArgs): void {
  checkNoKeywords("set", args);
  checkUnpacked(self.type.name, args.values, 0, 1);
  const set = setOf(self);
  if (set.table.fill > 0) setClear(set);
  if (args.values.length === 1) setUpdateInternal(set, args.values[0]!);
}

/** frozenset(iterable=()): idempotent on frozensets; the empty one is a singleton up to 3.9. */
function frozensetNew(type: PyType, args: CallArgs): PyObject {
  if (type === rt.types.frozenset) checkNoKeywords("frozenset", args);
  checkUnpacked(type.name, args.values, 0, 1);
  const iterable = args.values[0] ?? null;
  if (type !== rt.types.frozenset) return makeNewSet(type, iterable);
  if (iterable !== null) {
    if (iterable.type === rt.types.frozenset) {
      iterable.refcount++;
      return iterable;
    }
    const result = makeNewSet(type, iterable);
    if (result.table.size > 0 || rt.profile.minor >= 10) return result;
    decref(result);
  }
  return emptyFrozenset(type);
}

function frozensetHash(self: PyObject): number | bigint {
  const hash = setOf(self).table.frozensetHash();
  return hash >= -9007199254740991n && hash <= 9007199254740991n ? Number(hash) : hash;
}

/** PySetObject without the GC header (set.ts allocates the same size). */
const SET_OBJECT_BYTES = 200;
const SET_LAYOUT = { basicSize: SET_OBJECT_BYTES, itemSize: 0, gc: true, preHeader: false };

function setContains(self: PyObject, key: PyObject): boolean {
  return setContainsKey(setOf(self), key);
}

function traverseSet(self: PyObject, visit: (child: PyObject) => void): void {
  for (const key of setOf(self).table.keys()) visit(key);
}

export const SET_SPEC: BuiltinTypeSpec = {
  name: "set",
  layout: SET_LAYOUT,
  subclassable: true,
  slots: {
    dealloc: setDealloc,
    traverse: traverseSet,
    clear: setClear,
    repr: textSlot(setRepr),
    richcompare: setRichCompare,
    hash: null,
    length: (self) => setOf(self).table.size,
    contains: setContains,
    iter: (self) => newSetIterator(setOf(self)),
    new_: setNew,
    init: setInit,
  },
  binary: SET_BINARY,
  inplace: SET_INPLACE,
  methods: [...readOnlyMethods(), ...mutableMethods(), GENERIC_ALIAS_CLASS_GETITEM],
};

export const FROZENSET_SPEC: BuiltinTypeSpec = {
  name: "frozenset",
  layout: SET_LAYOUT,
  subclassable: true,
  slots: {
    dealloc: setDealloc,
    traverse: traverseSet,
    clear: setClear,
    repr: textSlot(setRepr),
    richcompare: setRichCompare,
    hash: frozensetHash,
    length: (self) => setOf(self).table.size,
    contains: setContains,
    iter: (self) => newSetIterator(setOf(self)),
    new_: frozensetNew,
  },
  binary: SET_BINARY,
  methods: [...readOnlyMethods(), GENERIC_ALIAS_CLASS_GETITEM],
};
