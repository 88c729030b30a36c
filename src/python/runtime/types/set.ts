// set and frozenset objects: CPython's open-addressing table (tables/set-table.ts) holding owned keys.
import { PyObject } from "../object.js";
import { decref } from "../object.js";
import { rt } from "../state.js";
import type { Runtime } from "../runtime.js";
import { allocateObject, freeObjectMemory, subtypeObjectSize } from "../memory/object-memory.js";
import { gcTrack, gcUntrack } from "../gc/tracking.js";
import { SetTable, SET_MIN_SIZE } from "../tables/index.js";
import { richCompareBool, storedKeyEquals, keyComparesInPython } from "../abstract/compare.js";
import { CompareOp } from "../slots.js";
import type { PyType } from "../type.js";
import { PyDict, keyHash } from "./dict.js";
import { PyStr, strHash } from "./str.js";
import { scalarEquals } from "./scalar-equality.js";
import { PyRaise, discardRaise } from "../errors.js";
import { getIter, iterNext } from "../abstract/iteration.js";
import { tick } from "../ops/limits.js";
import type { PyHash } from "../hashing/hash-value.js";
import { adoptSubtype } from "./instance.js";
import { refusePartialListing } from "../../modules/partial-listings.js";

export class PySet extends PyObject {
  table: SetTable<PyObject>;
  /** The PyMem block of a table larger than the inline smalltable (0 when inline). */
  tableAddress = 0;
  tableBytes = 0;

  constructor(type: PyType, table: SetTable<PyObject>) {
    super(type);
    this.table = table;
  }
}

/**
 * Key equality; exact strs, ints and floats compare directly (nothing observes their comparison).
 * set_lookkey holds the stored key while its `==` runs (which may remove it from the set).
 */
const equals = (stored: PyObject, probe: PyObject): boolean => scalarEquals(stored, probe) ?? storedKeyEquals(stored, probe);

function emptyTable(): SetTable<PyObject> {
  return SetTable.forVersion<PyObject>(rt.profile, equals);
}

/** PySetObject without its table: 200 bytes, the GC header added by getsizeof. */
export const SET_OBJECT_SIZE = 200;
const SET_ENTRY_SIZE = 16;

/** A block standing for a set's separately allocated table (memory reads show nothing there). */
class SetTableMemory {
  constructor(readonly owner: PySet) {}
}

/**
 * Mirrors the table's PyMem block after an operation: set_table_resize allocates the new table
 * before freeing the old one; the inline smalltable needs none.
 */
export function syncTableMemory(set: PySet): void {
  const slots = set.table.mask + 1;
  const bytes = slots > SET_MIN_SIZE ? slots * SET_ENTRY_SIZE : 0;
  if (bytes === set.tableBytes) return;
  const oldAddress = set.tableAddress;
  const oldBytes = set.tableBytes;
  set.tableAddress = bytes === 0 ? 0 : rt.allocator.allocate(bytes, 0, new SetTableMemory(set));
  set.tableBytes = bytes;
  if (oldAddress !== 0) rt.allocator.free(oldAddress, 0, oldBytes);
}

/** make_new_set: tp_alloc (tracked, never a free list), an empty table. New reference. */
export function allocateSet(type: PyType): PySet {
  const base = type.isSubtypeOf(rt.types.frozenset) ? rt.types.frozenset : rt.types.set;
  const set = new PySet(base, emptyTable());
  set.type = type;
  allocateObject(set, subtypeObjectSize(type, SET_OBJECT_SIZE));
  set.type = base;
  rt.gc.countAllocation();
  adoptSubtype(set, type);
  gcTrack(set);
  return set;
}

// ---- single keys ---------------------------------------------------------------------------------

/** set_add_entry: stores `key` (borrowed) unless an equal key is there; takes a reference if stored. */
export function setAddEntry(set: PySet, key: PyObject, hash: PyHash): void {
  // set_add_entry takes its reference before looking (a Python `==` meanwhile sees it).
  key.refcount++;
  let stored = false;
  try {
    stored = set.table.add(key, hash);
  } finally {
    if (!stored) decref(key);
  }
  syncTableMemory(set);
}

export function setAddKey(set: PySet, key: PyObject): void {
  setAddEntry(set, key, keyHash(key));
}

/** Kept for the BUILD_SET path: adds a borrowed key. */
export function setAddItem(set: PySet, key: PyObject): void {
  setAddKey(set, key);
}

/** set_discard_entry: true when found (the stored key is released). */
export function setDiscardEntry(set: PySet, key: PyObject, hash: PyHash): boolean {
  const stored = set.table.find(key, hash);
  if (stored === undefined) return false;
  // Removed by the stored key itself: found by identity, without a second run of its `==`.
  set.table.discard(stored, hash);
  decref(stored);
  return true;
}

/** An unhashable set used as a key is looked up as a frozenset with its items (set_contains & co.). */
function withHashableKey<T>(key: PyObject, use: (key: PyObject, hash: PyHash) => T): T {
  let hash: PyHash;
  try {
    hash = keyHash(key);
  } catch (error) {
    if (!(error instanceof PyRaise) || !(key instanceof PySet) || key.type.isSubtypeOf(rt.types.frozenset) || !error.exception.type.isSubtypeOf(rt.exc.TypeError)) throw error;
    discardRaise(error);
    const frozen = makeNewSet(rt.types.frozenset, key);
    try {
      return use(frozen, keyHash(frozen));
    } finally {
      decref(frozen);
    }
  }
  return use(key, hash);
}

export function setContainsKey(set: PySet, key: PyObject): boolean {
  // An exact str's hash cannot fail (and is cached): the common `x in s` needs no fallback.
  if (key.type === rt.types.str) return set.table.contains(key, strHash(key));
  return withHashableKey(key, (probe, hash) => set.table.contains(probe, hash));
}

export function setDiscardKey(set: PySet, key: PyObject): boolean {
  return withHashableKey(key, (probe, hash) => setDiscardEntry(set, probe, hash));
}

// ---- whole-table changes with reference accounting -------------------------------------------------

/**
 * Runs a table-level operation on `set` and fixes the references: keys now present that were
 * not are increfed, keys that left are released (after the table is consistent).
 */
export function changeTable(set: PySet, change: () => void): void {
  const before = new Set(set.table.keys());
  try {
    change();
  } finally {
    const released: PyObject[] = [];
    const after = new Set(set.table.keys());
    for (const key of after) if (!before.has(key)) key.refcount++;
    for (const key of before) if (!after.has(key)) released.push(key);
    syncTableMemory(set);
    for (const key of released) decref(key);
  }
}

/** set_merge: `other` is a set or frozenset. */
export function setMerge(set: PySet, other: PySet): void {
  if (other === set || other.table.size === 0) return;
  if (set.table.fill > 0 && (anyKeyComparesInPython(other) || anyKeyComparesInPython(set))) {
    // Into a set with keys, set_merge adds one key at a time (set_add_entry holds it meanwhile).
    set.table.reserveFor(other.table.size);
    for (const [key, hash] of [...other.table.entries()]) setAddEntry(set, key, hash);
    return;
  }
  changeTable(set, () => set.table.merge(other.table));
}

function anyKeyComparesInPython(set: PySet): boolean {
  for (const [key] of set.table.entries()) if (keyComparesInPython(key)) return true;
  return false;
}

/**
 * 3.9+ hold each key they take from another table's entries while they look it up (its `==`
 * could otherwise free it); up to 3.8 the key is only borrowed from the table.
 */
function holdsWalkedKeys(): boolean {
  return rt.profile.minor >= 9;
}

/** Adds every key an iterable yields, in order, each released after it is stored. */
function addFromIterator(set: PySet, iterable: PyObject): void {
  const iterator = getIter(iterable);
  try {
    for (;;) {
      if (--rt.ops.steps < 0) tick();
      const key = iterNext(iterator);
      if (key === null) break;
      try {
        setAddKey(set, key);
      } finally {
        decref(key);
      }
    }
  } finally {
    decref(iterator);
  }
}

/** set_update_internal: a set merges, an exact dict presizes and adds its keys, else iteration. */
export function setUpdateInternal(set: PySet, other: PyObject): void {
  refusePartialListing(other, "a set");
  if (other instanceof PySet) {
    setMerge(set, other);
    return;
  }
  if (other.type === rt.types.dict) {
    const source = (other as PyDict).table;
    if (set.table.fill > 0 && (anyKeyComparesInPython(set) || source.keysInOrder().some(keyComparesInPython))) {
      set.table.reserveFor(source.size);
      for (const [key, hash] of [...source.entriesWithHashes()]) setAddEntry(set, key, hash);
      return;
    }
    changeTable(set, () => {
      set.table.reserveFor(source.size);
      for (const [key, hash] of source.entriesWithHashes()) set.table.add(key, hash);
    });
    return;
  }
  addFromIterator(set, other);
}

/** make_new_set(type, iterable). */
export function makeNewSet(type: PyType, iterable: PyObject | null): PySet {
  const set = allocateSet(type);
  if (iterable !== null) {
    try {
      setUpdateInternal(set, iterable);
    } catch (error) {
      decref(set);
      throw error;
    }
  }
  return set;
}

/** make_new_set_basetype: a set for set subclasses, a frozenset for frozenset subclasses. */
export function makeNewSetBasetype(type: PyType, iterable: PyObject | null): PySet {
  return makeNewSet(type.isSubtypeOf(rt.types.set) ? rt.types.set : rt.types.frozenset, iterable);
}

/** BUILD_SET: a set built from owned references (each released after the add). */
export function newSetStealing(keys: PyObject[]): PySet {
  const set = allocateSet(rt.types.set);
  let index = 0;
  try {
    for (; index < keys.length; index++) {
      const key = keys[index]!;
      setAddKey(set, key);
      decref(key);
    }
  } catch (error) {
    for (let rest = index; rest < keys.length; rest++) decref(keys[rest]!);
    decref(set);
    throw error;
  }
  return set;
}

/**
 * A frozenset constant (the compiler's): keys stolen, added in source order. From 3.9, where
 * such constants feed set displays, `merge_consts_recursive` rebuilds the constant from its own
 * iteration order, and `intern_string_constants` may rebuild it once more when it swapped an
 * identifier-like str (tables/set-constructs.ts documents the model).
 */
export function newFrozensetStealing(keys: PyObject[]): PySet {
  const set = allocateSet(rt.types.frozenset);
  for (const key of keys) {
    setAddKey(set, key);
    decref(key);
  }
  if (set.table.rules.constantDisplayMerges && set.table.size > 2) {
    const identifierLike = set.table.keys().some((key) => key instanceof PyStr && /^[A-Za-z0-9_]{2,}$/.test(key.value));
    for (let rebuild = identifierLike ? 2 : 1; rebuild > 0; rebuild--) {
      const rebuilt = emptyTable();
      for (const [key, hash] of set.table.entries()) rebuilt.add(key, hash);
      set.table = rebuilt;
    }
    syncTableMemory(set);
  }
  return set;
}

/** Where ≤3.9 keep the empty frozenset singleton (made on first request, never freed). */
const emptyFrozensets = new WeakMap<Runtime, PySet>();

/** frozenset() with no items: the singleton up to 3.9, a new object after. */
export function emptyFrozenset(type: PyType): PySet {
  if (rt.profile.minor >= 10 || type !== rt.types.frozenset) return allocateSet(type);
  let singleton = emptyFrozensets.get(rt);
  if (singleton === undefined) {
    singleton = allocateSet(rt.types.frozenset);
    emptyFrozensets.set(rt, singleton);
  }
  singleton.refcount++;
  return singleton;
}

export function setDealloc(self: PyObject): void {
  const set = self as PySet;
  gcUntrack(set);
  rt.clearWeakrefs(set);
  const keys = set.table.keys();
  set.table = emptyTable();
  for (const key of keys) decref(key);
  if (set.tableAddress !== 0) rt.allocator.free(set.tableAddress, 0, set.tableBytes);
  set.tableAddress = 0;
  set.tableBytes = 0;
  freeObjectMemory(set, subtypeObjectSize(set.type, SET_OBJECT_SIZE));
  rt.gc.countDeallocation();
}

/** set_clear_internal: the smalltable again, then the old keys are released. */
export function setClear(self: PyObject): void {
  const set = self as PySet;
  const keys = set.table.keys();
  set.table.clear();
  syncTableMemory(set);
  for (const key of keys) decref(key);
}

// ---- algebra -----------------------------------------------------------------------------------------

/** set_copy: make_new_set_basetype(type(so), so). */
export function setCopy(set: PySet): PySet {
  return makeNewSetBasetype(set.type, set);
}

/** set_intersection(so, other). */
export function setIntersection(set: PySet, other: PyObject): PySet {
  if (other === set) return setCopy(set);
  const result = makeNewSetBasetype(set.type, null);
  try {
    if (other instanceof PySet) {
      let probed: PySet = set;
      let walked: PySet = other;
      if (other.table.size > set.table.size) {
        probed = other;
        walked = set;
      }
      const holds = holdsWalkedKeys();
      for (const [key, hash] of walked.table.entries()) {
        if (holds) key.refcount++;
        try {
          if (probed.table.contains(key, hash)) setAddEntry(result, key, hash);
        } finally {
          if (holds) decref(key);
        }
      }
      return result;
    }
    const iterator = getIter(other);
    try {
      for (;;) {
        const key = iterNext(iterator);
        if (key === null) break;
        try {
          const hash = keyHash(key);
          if (set.table.contains(key, hash)) {
            setAddEntry(result, key, hash);
            if (result.table.size >= set.table.size) break;
          }
        } finally {
          decref(key);
        }
      }
    } finally {
      decref(iterator);
    }
    return result;
  } catch (error) {
    decref(result);
    throw error;
  }
}

/** Swaps two sets' tables (set_swap_bodies); references move with the keys. */
export function swapBodies(a: PySet, b: PySet): void {
  a.table.swapBodies(b.table);
  const address = a.tableAddress;
  const bytes = a.tableBytes;
  a.tableAddress = b.tableAddress;
  a.tableBytes = b.tableBytes;
  b.tableAddress = address;
  b.tableBytes = bytes;
}

/** set_intersection_update: the intersection's body replaces the set's. */
export function setIntersectionUpdate(set: PySet, other: PyObject): void {
  const result = setIntersection(set, other);
  swapBodies(set, result);
  decref(result);
}

/** set_difference_update_internal. */
export function setDifferenceUpdate(set: PySet, other: PyObject): void {
  if (other === set) {
    setClear(set);
    return;
  }
  // 3.6 returns at once for an empty set (no iteration, no purge).
  if (set.table.size === 0 && set.table.rules.differenceUpdateSkipsEmpty) return;
  if (other instanceof PySet) {
    const temporary = other.table.size >> 3 > set.table.size ? setIntersection(set, other) : null;
    const walked = temporary ?? other;
    const holds = holdsWalkedKeys();
    try {
      for (const [key, hash] of walked.table.entries()) {
        if (holds) key.refcount++;
        try {
          setDiscardEntry(set, key, hash);
        } finally {
          if (holds) decref(key);
        }
      }
    } finally {
      if (temporary !== null) decref(temporary);
    }
  } else {
    const iterator = getIter(other);
    try {
      for (;;) {
        const key = iterNext(iterator);
        if (key === null) break;
        try {
          setDiscardKey(set, key);
        } finally {
          decref(key);
        }
      }
    } finally {
      decref(iterator);
    }
  }
  set.table.purgeDummiesIfMany();
  syncTableMemory(set);
}

/** set_copy_and_difference. */
function copyAndDifference(set: PySet, other: PyObject): PySet {
  const result = setCopy(set);
  try {
    setDifferenceUpdate(result, other);
  } catch (error) {
    decref(result);
    throw error;
  }
  return result;
}

/** set_difference(so, other). */
export function setDifference(set: PySet, other: PyObject): PySet {
  let otherSize: number;
  if (other instanceof PySet) otherSize = other.table.size;
  else if (other.type === rt.types.dict) otherSize = (other as PyDict).table.size;
  else return copyAndDifference(set, other);
  if (set.table.size >> 2 > otherSize) return copyAndDifference(set, other);
  const result = makeNewSetBasetype(set.type, null);
  const holds = holdsWalkedKeys();
  for (const [key, hash] of set.table.entries()) {
    if (holds) key.refcount++;
    try {
      const present = other instanceof PySet ? other.table.contains(key, hash) : (other as PyDict).table.has(key, hash);
      if (!present) setAddEntry(result, key, hash);
    } catch (error) {
      decref(result);
      throw error;
    } finally {
      if (holds) decref(key);
    }
  }
  return result;
}

/** set_symmetric_difference_update. */
export function setSymmetricDifferenceUpdate(set: PySet, other: PyObject): void {
  if (other === set) {
    setClear(set);
    return;
  }
  if (other.type === rt.types.dict) {
    for (const [key, hash] of (other as PyDict).table.entriesWithHashes()) {
      key.refcount++;
      try {
        if (!setDiscardEntry(set, key, hash)) setAddEntry(set, key, hash);
      } finally {
        decref(key);
      }
    }
    return;
  }
  const otherSet = other instanceof PySet ? (other.refcount++, other) : makeNewSetBasetype(set.type, other);
  const holds = holdsWalkedKeys();
  try {
    for (const [key, hash] of otherSet.table.entries()) {
      if (holds) key.refcount++;
      try {
        if (!setDiscardEntry(set, key, hash)) setAddEntry(set, key, hash);
      } finally {
        if (holds) decref(key);
      }
    }
  } finally {
    decref(otherSet);
  }
}

/** set_symmetric_difference: a set of `other` updated by `set`. */
export function setSymmetricDifference(set: PySet, other: PyObject): PySet {
  const result = makeNewSetBasetype(set.type, other);
  try {
    setSymmetricDifferenceUpdate(result, set);
  } catch (error) {
    decref(result);
    throw error;
  }
  return result;
}

/** set_issubset. */
export function setIsSubset(set: PySet, other: PyObject): boolean {
  if (!(other instanceof PySet)) {
    const temporary = makeNewSet(rt.types.set, other);
    try {
      return setIsSubset(set, temporary);
    } finally {
      decref(temporary);
    }
  }
  if (set.table.size > other.table.size) return false;
  const holds = holdsWalkedKeys();
  for (const [key, hash] of set.table.entries()) {
    if (holds) key.refcount++;
    try {
      if (!other.table.contains(key, hash)) return false;
    } finally {
      if (holds) decref(key);
    }
  }
  return true;
}

/**
 * set_issuperset. Up to 3.10 another iterable becomes a set first (every item hashed); 3.11+
 * looks its items up one by one and stops at the first one missing.
 */
export function setIsSuperset(set: PySet, other: PyObject): boolean {
  if (other instanceof PySet) return setIsSubset(other, set);
  if (rt.profile.minor >= 11) return !anyItemWhereContained(set, other, false);
  const temporary = makeNewSet(rt.types.set, other);
  try {
    return setIsSubset(temporary, set);
  } finally {
    decref(temporary);
  }
}

/**
 * True when `iterable` yields an item whose membership in `set` is `present` (stops there):
 * issuperset's search for a missing item, isdisjoint's for a shared one.
 */
function anyItemWhereContained(set: PySet, iterable: PyObject, present: boolean): boolean {
  const iterator = getIter(iterable);
  try {
    for (;;) {
      const key = iterNext(iterator);
      if (key === null) return false;
      try {
        if (setContainsKey(set, key) === present) return true;
      } finally {
        decref(key);
      }
    }
  } finally {
    decref(iterator);
  }
}

/** set_isdisjoint. */
export function setIsDisjoint(set: PySet, other: PyObject): boolean {
  if (other === set) return set.table.size === 0;
  if (other instanceof PySet && (other.type === rt.types.set || other.type === rt.types.frozenset)) {
    let probed: PySet = set;
    let walked: PySet = other;
    if (other.table.size > set.table.size) {
      probed = other;
      walked = set;
    }
    const holds = holdsWalkedKeys();
    for (const [key, hash] of walked.table.entries()) {
      if (holds) key.refcount++;
      try {
        if (probed.table.contains(key, hash)) return false;
      } finally {
        if (holds) decref(key);
      }
    }
    return true;
  }
  return !anyItemWhereContained(set, other, true);
}


export { SET_SPEC, FROZENSET_SPEC } from "./set-spec.js";
