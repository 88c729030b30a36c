// set and frozenset: CPython's open-addressing table (tables/set-table.ts) holding owned keys.
import { PyObject } from "../object.js";
import { decref } from "../object.js";
import { rt } from "../state.js";
import { allocateObject, freeObjectMemory } from "../memory/object-memory.js";
import { gcTrack, gcUntrack } from "../gc/tracking.js";
import { SetTable, setOps, setSizeof } from "../tables/index.js";
import { richCompareBool } from "../abstract/compare.js";
import { CompareOp } from "../slots.js";
import type { BuiltinTypeSpec } from "../type-spec.js";
import type { PyType } from "../type.js";
import { BinaryOp } from "../type.js";
import { textSlot, splitArgs } from "../spec-helpers.js";
import { keyHash } from "./dict.js";
import { newBool, newNone, newNotImplemented } from "../values.js";
import { keyErrorFor, typeError, pyError } from "../errors.js";
import { newInt } from "./int.js";
import { collectItems, guardedRepr } from "./sequence-helpers.js";
import { reprText } from "../abstract/object-protocol.js";
import { newSnapshotIterator } from "./iterators.js";
import { adoptSubtype } from "./instance.js";

export class PySet extends PyObject {
  table: SetTable<PyObject>;

  constructor(type: PyType, table: SetTable<PyObject>) {
    super(type);
    this.table = table;
  }
}

const equals = (stored: PyObject, probe: PyObject): boolean => richCompareBool(stored, probe, CompareOp.Eq);

function emptyTable(): SetTable<PyObject> {
  return SetTable.forVersion<PyObject>(rt.profile, equals);
}

/** PySetObject without its table: 200 bytes, the GC header added by getsizeof. */
const SET_OBJECT_SIZE = 200;

function newSetObject(type: PyType, table: SetTable<PyObject>): PySet {
  const set = new PySet(type, table);
  allocateObject(set, SET_OBJECT_SIZE);
  rt.gc.countAllocation();
  gcTrack(set);
  return set;
}

/** Adds `key` (borrowed) to the table, increfing it only if it was not already there. */
function addKey(table: SetTable<PyObject>, key: PyObject): void {
  if (table.add(key, keyHash(key))) key.refcount++;
}

/** A new set of the given keys (borrowed). */
export function newSet(keys: readonly PyObject[]): PySet {
  const table = emptyTable();
  for (const key of keys) addKey(table, key);
  return newSetObject(rt.types.set, table);
}

/** A set built from owned references (BUILD_SET): duplicates are released. */
export function newSetStealing(keys: PyObject[]): PySet {
  const table = emptyTable();
  try {
    for (const key of keys) {
      if (!table.add(key, keyHash(key))) decref(key);
    }
  } catch (error) {
    for (const key of keys) if (!table.contains(key, keyHash(key))) decref(key);
    throw error;
  }
  return newSetObject(rt.types.set, table);
}

export function newFrozensetStealing(keys: PyObject[]): PySet {
  const set = newSetStealing(keys);
  set.type = rt.types.frozenset;
  return set;
}

/** Takes references to every key of a table produced by a set operation. */
function adopt(table: SetTable<PyObject>, type: PyType): PySet {
  for (const key of table.keys()) key.refcount++;
  return newSetObject(type, table);
}

export function setAddItem(set: PySet, key: PyObject): void {
  addKey(set.table, key);
}

function setDealloc(self: PyObject): void {
  const set = self as PySet;
  gcUntrack(set);
  rt.clearWeakrefs(set);
  const keys = set.table.keys();
  set.table = emptyTable();
  freeObjectMemory(set, SET_OBJECT_SIZE);
  rt.gc.countDeallocation();
  for (const key of keys) decref(key);
}

function setClear(self: PyObject): void {
  const set = self as PySet;
  const keys = set.table.keys();
  set.table = emptyTable();
  for (const key of keys) decref(key);
}

function tableOf(object: PyObject): SetTable<PyObject> | null {
  return object instanceof PySet ? object.table : null;
}

/** The table for an arbitrary iterable argument (a temporary set when it is not one). */
function withTable<T>(other: PyObject, use: (table: SetTable<PyObject>) => T): T {
  const table = tableOf(other);
  if (table !== null) return use(table);
  const temporary = newSetStealing(collectItems(other));
  try {
    return use(temporary.table);
  } finally {
    decref(temporary);
  }
}

function setRepr(self: PyObject): string {
  const set = self as PySet;
  const name = set.type.name;
  if (set.table.size === 0) return `${name}()`;
  return guardedRepr(self, `${name}(...)`, () => {
    const body = `{${set.table.keys().map((key) => reprText(key)).join(", ")}}`;
    return set.type === rt.types.set ? body : `${name}(${body})`;
  });
}

function binaryOperation(operation: (a: SetTable<PyObject>, b: SetTable<PyObject>) => SetTable<PyObject>) {
  return (a: PyObject, b: PyObject): PyObject => {
    const left = tableOf(a);
    const right = tableOf(b);
    if (left === null || right === null) return newNotImplemented();
    return adopt(operation(left, right), a.type === rt.types.frozenset || a.type.isSubtypeOf(rt.types.frozenset) ? rt.types.frozenset : rt.types.set);
  };
}

function inplaceOperation(update: (set: PySet, other: PySet) => void) {
  return (a: PyObject, b: PyObject): PyObject => {
    if (!(b instanceof PySet)) return newNotImplemented();
    update(a as PySet, b);
    a.refcount++;
    return a;
  };
}

/** Replaces a set's table with `next`, fixing references: keys that left are released. */
function replaceTable(set: PySet, next: SetTable<PyObject>): void {
  const before = new Set(set.table.keys());
  for (const key of next.keys()) if (!before.delete(key)) key.refcount++;
  set.table = next;
  for (const key of before) decref(key);
}

function setRichCompare(self: PyObject, other: PyObject, op: CompareOp): PyObject {
  const left = (self as PySet).table;
  const right = tableOf(other);
  if (right === null) return newNotImplemented();
  switch (op) {
    case CompareOp.Eq:
      return newBool(left.size === right.size && setOps.isSubset(left, right));
    case CompareOp.Ne:
      return newBool(!(left.size === right.size && setOps.isSubset(left, right)));
    case CompareOp.Le:
      return newBool(setOps.isSubset(left, right));
    case CompareOp.Ge:
      return newBool(setOps.isSubset(right, left));
    case CompareOp.Lt:
      return newBool(left.size < right.size && setOps.isSubset(left, right));
    case CompareOp.Gt:
      return newBool(left.size > right.size && setOps.isSubset(right, left));
  }
}

function setNew(type: PyType, args: { values: readonly PyObject[]; kwnames: readonly string[] | null }): PyObject {
  const { positional, keywords } = splitArgs(args);
  const name = type.isSubtypeOf(rt.types.frozenset) ? "frozenset" : "set";
  if (keywords.size > 0) throw typeError(`${name}() takes no keyword arguments`);
  if (positional.length > 1) throw typeError(`${name} expected at most 1 argument, got ${positional.length}`);
  if (type === rt.types.frozenset && positional.length === 1 && positional[0]!.type === rt.types.frozenset) {
    positional[0]!.refcount++;
    return positional[0]!;
  }
  const set = newSetStealing(positional.length === 1 && type.isSubtypeOf(rt.types.frozenset) ? collectItems(positional[0]!) : []);
  set.type = rt.types.set;
  adoptSubtype(set, type);
  return set;
}

function setInit(self: PyObject, args: { values: readonly PyObject[]; kwnames: readonly string[] | null }): void {
  if (self.type.isSubtypeOf(rt.types.frozenset)) return;
  const { positional } = splitArgs(args);
  const set = self as PySet;
  if (set.table.size > 0) setClear(set);
  if (positional.length === 1) for (const item of collectItems(positional[0]!)) {
    if (!set.table.add(item, keyHash(item))) decref(item);
  }
}

function methodsFor(mutable: boolean) {
  const readOnly = [
    { name: "copy", kind: "noargs" as const, impl: (self: PyObject) => adopt((self as PySet).table.copy(), self.type === rt.types.frozenset ? rt.types.frozenset : rt.types.set) },
    {
      name: "union",
      kind: "positional" as const,
      impl: (self: PyObject, args: readonly PyObject[]) => {
        let table = (self as PySet).table.copy();
        for (const other of args) table = withTable(other, (otherTable) => setOps.union(table, otherTable));
        return adopt(table, self.type === rt.types.frozenset ? rt.types.frozenset : rt.types.set);
      },
    },
    {
      name: "intersection",
      kind: "positional" as const,
      impl: (self: PyObject, args: readonly PyObject[]) => {
        let table = (self as PySet).table.copy();
        for (const other of args) table = withTable(other, (otherTable) => setOps.intersection(table, otherTable));
        return adopt(table, self.type === rt.types.frozenset ? rt.types.frozenset : rt.types.set);
      },
    },
    {
      name: "difference",
      kind: "positional" as const,
      impl: (self: PyObject, args: readonly PyObject[]) => {
        let table = (self as PySet).table.copy();
        for (const other of args) table = withTable(other, (otherTable) => setOps.difference(table, otherTable));
        return adopt(table, self.type === rt.types.frozenset ? rt.types.frozenset : rt.types.set);
      },
    },
    {
      name: "symmetric_difference",
      kind: "one" as const,
      impl: (self: PyObject, other: PyObject) =>
        withTable(other, (otherTable) => adopt(setOps.symmetricDifference((self as PySet).table, otherTable), self.type === rt.types.frozenset ? rt.types.frozenset : rt.types.set)),
    },
    { name: "issubset", kind: "one" as const, impl: (self: PyObject, other: PyObject) => withTable(other, (table) => newBool(setOps.isSubset((self as PySet).table, table))) },
    { name: "issuperset", kind: "one" as const, impl: (self: PyObject, other: PyObject) => withTable(other, (table) => newBool(setOps.isSubset(table, (self as PySet).table))) },
    { name: "isdisjoint", kind: "one" as const, impl: (self: PyObject, other: PyObject) => withTable(other, (table) => newBool(setOps.isDisjoint((self as PySet).table, table))) },
    { name: "__sizeof__", kind: "noargs" as const, impl: (self: PyObject) => newInt(setSizeof((self as PySet).table) - rt.profile.sizes.gcHeader) },
  ];
  if (!mutable) return readOnly;
  return [
    ...readOnly,
    {
      name: "add",
      kind: "one" as const,
      impl: (self: PyObject, key: PyObject) => {
        addKey((self as PySet).table, key);
        return newNone();
      },
    },
    {
      name: "discard",
      kind: "one" as const,
      impl: (self: PyObject, key: PyObject) => {
        removeKey(self as PySet, key);
        return newNone();
      },
    },
    {
      name: "remove",
      kind: "one" as const,
      impl: (self: PyObject, key: PyObject) => {
        if (!removeKey(self as PySet, key)) throw keyErrorFor(key);
        return newNone();
      },
    },
    {
      name: "pop",
      kind: "noargs" as const,
      impl: (self: PyObject) => {
        const key = (self as PySet).table.pop();
        if (key === undefined) throw pyError(rt.exc.KeyError, "pop from an empty set");
        return key;
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
      name: "update",
      kind: "positional" as const,
      impl: (self: PyObject, args: readonly PyObject[]) => {
        for (const other of args) for (const item of collectItems(other)) {
          if (!(self as PySet).table.add(item, keyHash(item))) decref(item);
        }
        return newNone();
      },
    },
    {
      name: "intersection_update",
      kind: "positional" as const,
      impl: (self: PyObject, args: readonly PyObject[]) => {
        const set = self as PySet;
        for (const other of args) replaceTable(set, withTable(other, (table) => setOps.intersection(set.table, table)));
        return newNone();
      },
    },
    {
      name: "difference_update",
      kind: "positional" as const,
      impl: (self: PyObject, args: readonly PyObject[]) => {
        const set = self as PySet;
        for (const other of args) replaceTable(set, withTable(other, (table) => setOps.difference(set.table, table)));
        return newNone();
      },
    },
  ];
}

function removeKey(set: PySet, key: PyObject): boolean {
  const hash = keyHash(key);
  const stored = set.table.find(key, hash);
  if (stored === undefined) return false;
  set.table.discard(key, hash);
  decref(stored);
  return true;
}

function frozensetHash(self: PyObject): number | bigint {
  const hash = (self as PySet).table.frozensetHash();
  return hash >= -9007199254740991n && hash <= 9007199254740991n ? Number(hash) : hash;
}

const SET_LAYOUT = { basicSize: SET_OBJECT_SIZE, itemSize: 0, gc: true, preHeader: false };

function commonSlots() {
  return {
    dealloc: setDealloc,
    traverse: (self: PyObject, visit: (child: PyObject) => void) => {
      for (const key of (self as PySet).table.keys()) visit(key);
    },
    clear: setClear,
    repr: textSlot(setRepr),
    richcompare: setRichCompare,
    length: (self: PyObject) => (self as PySet).table.size,
    contains: (self: PyObject, key: PyObject) => {
      try {
        return (self as PySet).table.contains(key, keyHash(key));
      } catch (error) {
        throw error;
      }
    },
    iter: (self: PyObject) =>
      newSnapshotIterator(rt.types.set_iterator, self, (self as PySet).table.keys(), () => (self as PySet).table.size, "Set changed size during iteration"),
    new_: setNew,
    init: setInit,
  };
}

const SET_BINARY = new Map<number, (a: PyObject, b: PyObject) => PyObject>([
  [BinaryOp.Or, binaryOperation(setOps.union)],
  [BinaryOp.And, binaryOperation(setOps.intersection)],
  [BinaryOp.Sub, binaryOperation(setOps.difference)],
  [BinaryOp.Xor, binaryOperation(setOps.symmetricDifference)],
]);

export const SET_SPEC: BuiltinTypeSpec = {
  name: "set",
  layout: SET_LAYOUT,
  subclassable: true,
  slots: { ...commonSlots(), hash: null },
  binary: SET_BINARY,
  inplace: new Map<number, (a: PyObject, b: PyObject) => PyObject>([
    [BinaryOp.Or, inplaceOperation((set, other) => replaceTable(set, setOps.union(set.table, other.table)))],
    [BinaryOp.And, inplaceOperation((set, other) => replaceTable(set, setOps.intersection(set.table, other.table)))],
    [BinaryOp.Sub, inplaceOperation((set, other) => replaceTable(set, setOps.difference(set.table, other.table)))],
    [BinaryOp.Xor, inplaceOperation((set, other) => replaceTable(set, setOps.symmetricDifference(set.table, other.table)))],
  ]),
  methods: methodsFor(true),
};

export const FROZENSET_SPEC: BuiltinTypeSpec = {
  name: "frozenset",
  layout: SET_LAYOUT,
  subclassable: true,
  slots: { ...commonSlots(), hash: frozensetHash },
  binary: SET_BINARY,
  methods: methodsFor(false),
};

export { emptyTable };
