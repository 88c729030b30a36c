// dict objects: CPython's compact table (tables/dict-table.ts) holding owned references, allocation and tracking.
import { PyObject, decref } from "../object.js";
import { rt } from "../state.js";
import { scalarEquals } from "./scalar-equality.js";
import type { PyInt } from "./int.js";
import { allocateObject, freeObjectMemory, subtypeObjectSize } from "../memory/object-memory.js";
import { gcTrack, gcUntrack, isTracked } from "../gc/tracking.js";
import { DictTable, type DictKeyOps, dictRules, usableFraction } from "../tables/index.js";
import { richCompareBool, storedKeyEquals, keyComparesInPython } from "../abstract/compare.js";
import { CompareOp } from "../slots.js";
import { hash } from "../abstract/object-protocol.js";
import { PyStr, strHash } from "./str.js";
import type { PyHash } from "../hashing/hash-value.js";
import type { PyType } from "../type.js";

export class PyDict extends PyObject {
  table: DictTable<PyObject, PyObject>;
  /**
   * 3.13+: a materialised instance __dict__ that shows values the instance owns; such a dict
   * neither reports nor releases them.
   */
  sharedValuesOwner: PyObject | null;
  /**
   * A display being built (BUILD_MAP n, 3.11+): inserts still expected. `_PyDict_FromItems`
   * presizes a str-only table when every key is an exact str, which only the inserts reveal.
   */
  displayInsertsLeft = 0;
  displaySize = 0;

  constructor(table: DictTable<PyObject, PyObject>) {
    super(rt.types.dict);
    this.table = table;
    this.sharedValuesOwner = null;
  }
}

/**
 * While one dict operation runs, the answers of `stored == probe` it already got. The table
 * model looks a key up more than once for one CPython lookup (get, then set); with this, each
 * pair's `__eq__` runs once, as in CPython. Python code run by `__eq__` sees no memo.
 */
let equalityMemo: Map<PyObject, Map<PyObject, boolean>> | null = null;
/** True while an operation runs under asOneLookup (the memo is made on the first comparison). */
let memoActive = false;

function keyEquals(stored: PyObject, probe: PyObject): boolean {
  // Exact strs, ints and floats compare without running code: nothing to memoize.
  const scalar = scalarEquals(stored, probe);
  if (scalar !== undefined) return scalar;
  if (memoActive && equalityMemo === null) equalityMemo = new Map();
  const memo = equalityMemo;
  if (memo === null) return storedKeyEquals(stored, probe);
  let answers = memo.get(stored);
  const known = answers?.get(probe);
  if (known !== undefined) return known;
  equalityMemo = null;
  memoActive = false;
  let equal: boolean;
  try {
    equal = storedKeyEquals(stored, probe);
  } finally {
    equalityMemo = memo;
    memoActive = true;
  }
  if (answers === undefined) memo.set(stored, (answers = new Map()));
  answers.set(probe, equal);
  return equal;
}

/** Runs one dict operation whose several table lookups stand for a single CPython lookup. */
export function asOneLookup<T>(body: () => T): T {
  if (memoActive) return body();
  memoActive = true;
  try {
    return body();
  } finally {
    memoActive = false;
    equalityMemo = null;
  }
}

/** Key operations for tables of PyObjects: Python equality, and exact-str detection. */
export const OBJECT_KEY_OPS: DictKeyOps<PyObject> = {
  equals: keyEquals,
  strContent: (key) => (key.type === rt.types.str ? (key as PyStr).value : undefined),
};

/** PyDictObject: ma_used, ma_version_tag, ma_keys, ma_values. */
export const DICT_OBJECT_SIZE = 48;

/** PyDict_New's allocation: the dict free list first (exact dicts). */
function allocateDict(dict: PyDict): void {
  if (dict.type !== rt.types.dict || !rt.freeLists.dict.reuse(dict, DICT_OBJECT_SIZE)) {
    allocateObject(dict, DICT_OBJECT_SIZE);
    rt.gc.countAllocation();
  }
  // 3.14 tracks every dict; earlier versions only once a container goes in.
  if (rt.profile.minor >= 14) gcTrack(dict);
}

/** `{}` / PyDict_New(). New reference. */
export function newDict(): PyDict {
  const dict = new PyDict(DictTable.create<PyObject, PyObject>(rt.profile, OBJECT_KEY_OPS));
  allocateDict(dict);
  return dict;
}

/**
 * BUILD_MAP n: presized for `count` items. From 3.11 the table is str-only when all the keys
 * are exact strs: it starts so, and becomes general (as if made so) on the first other key.
 */
export function newDictPresized(count: number): PyDict {
  const strOnlyPossible = dictRules(rt.profile).unicodeEntries;
  const dict = new PyDict(DictTable.presized<PyObject, PyObject>(rt.profile, OBJECT_KEY_OPS, count, strOnlyPossible));
  if (strOnlyPossible && dict.table.kind === "unicode") {
    dict.displayInsertsLeft = count;
    dict.displaySize = count;
  }
  allocateDict(dict);
  return dict;
}

/** The display turned out to have a non-str key: rebuild as a general presized table. */
function presizeAsGeneral(dict: PyDict): void {
  const general = DictTable.presized<PyObject, PyObject>(rt.profile, OBJECT_KEY_OPS, dict.displaySize, false);
  for (const [key, hash, value] of dict.table.entriesWithHashes()) general.set(key, hash, value);
  dict.table = general;
}

/**
 * `dict_new` (calling the type): tp_alloc, never the free list; an exact dict starts
 * untracked, a subclass instance tracked.
 */
export function newDictFromTypeCall(type: PyType): PyDict {
  const dict = new PyDict(DictTable.fromTypeCall<PyObject, PyObject>(rt.profile, OBJECT_KEY_OPS));
  dict.type = type;
  allocateObject(dict, subtypeObjectSize(type, DICT_OBJECT_SIZE));
  dict.type = rt.types.dict;
  rt.gc.countAllocation();
  return dict;
}

/** A dict over an existing table (instance __dict__ materialisation, copies). Steals the table. */
export function newDictWithTable(table: DictTable<PyObject, PyObject>): PyDict {
  const dict = new PyDict(table);
  allocateDict(dict);
  let needsTracking = false;
  for (const value of table.valuesInOrder()) if (mayBeTracked(value)) needsTracking = true;
  if (needsTracking) gcTrack(dict);
  return dict;
}

/** _PyObject_GC_MAY_BE_TRACKED: a container that can take part in a cycle. */
export function mayBeTracked(object: PyObject): boolean {
  if (!object.type.layout.gc) return false;
  return object.type !== rt.types.tuple || isTracked(object);
}

/** The hash of a dict key (str hashes are cached on the object). */
export function keyHash(key: PyObject): PyHash {
  const type = key.type;
  if (type === rt.types.str) return strHash(key);
  if (type === rt.types.int) {
    // int_hash of a safe integer is the integer itself (-1 is reserved for errors).
    const value = (key as PyInt).value;
    if (typeof value === "number") return value === -1 ? -2 : value;
  }
  return hash(key);
}

/** d[key] lookup: borrowed reference or null. */
export function dictGetItem(dict: PyDict, key: PyObject): PyObject | null {
  const table = dict.table;
  if (key.type === rt.types.str && table.kind !== "general") return table.get(key) ?? null;
  return table.get(key, keyHash(key)) ?? null;
}

/** A lookup with a hash already computed (borrowed reference or null). */
export function dictGetItemWithHash(dict: PyDict, key: PyObject, keyHashValue: PyHash): PyObject | null {
  return dict.table.get(key, keyHashValue) ?? null;
}

/**
 * PyDict_SetItem: d[key] = value; both borrowed (the dict takes its own references). 3.11+
 * takes the dict's reference to the key before hashing it, so a key's __hash__ or __eq__ sees
 * one more reference than ≤3.10 (where the hash comes first); only a key of a Python class
 * (whose __hash__/__eq__ can be Python code) can tell.
 */
export function dictSetItem(dict: PyDict, key: PyObject, value: PyObject): void {
  if (!key.type.heapType) {
    dictSetItemWithHash(dict, key, keyHash(key), value);
    return;
  }
  if (rt.profile.minor <= 10) {
    // ≤3.10 insertdict takes its references after the hash, before comparing keys.
    const hash = keyHash(key);
    key.refcount++;
    try {
      dictSetItemWithHash(dict, key, hash, value);
    } finally {
      key.refcount--;
    }
    return;
  }
  key.refcount++;
  try {
    dictSetItemWithHash(dict, key, keyHash(key), value);
  } finally {
    key.refcount--;
  }
}

/**
 * _PyDict_SetItem_Take2's count: the caller's reference becomes the dict's, so the key's hash
 * sees no extra one (MAP_ADD, 3.11+). Both borrowed here.
 */
export function dictSetItemHandingKey(dict: PyDict, key: PyObject, value: PyObject): void {
  dictSetItemWithHash(dict, key, keyHash(key), value);
}

/** insertdict with a known hash: the old value goes after the new one is stored. */
export function dictSetItemWithHash(dict: PyDict, key: PyObject, keyHashValue: PyHash, value: PyObject): void {
  if (dict.displayInsertsLeft > 0) {
    dict.displayInsertsLeft--;
    if (key.type !== rt.types.str && dict.table.kind === "unicode") {
      dict.displayInsertsLeft = 0;
      presizeAsGeneral(dict);
    }
  }
  // One CPython lookup (see asOneLookup), written out: this is the hot path of name stores.
  const outer = memoActive;
  memoActive = true;
  let old: PyObject | undefined;
  try {
    const table = dict.table;
    if (table.isCombinedGeneral) {
      // The insert's own lookup is the one a get would make: no second lookup needed.
      old = table.set(key, keyHashValue, value);
      value.refcount++;
      if (old === undefined) key.refcount++;
    } else {
      old = table.get(key, keyHashValue);
      value.refcount++;
      if (old === undefined) key.refcount++;
      table.set(key, keyHashValue, value);
    }
    if (dict.gcSlot < 0 && (mayBeTracked(value) || mayBeTracked(key))) gcTrack(dict);
  } finally {
    if (!outer) {
      memoActive = false;
      equalityMemo = null;
    }
  }
  // The replaced value goes last (its __del__ may use dicts).
  if (old !== undefined && --old.refcount === 0) old.type.dealloc(old);
}

/** Like dictSetItem but steals `value`. */
export function dictSetItemStealing(dict: PyDict, key: PyObject, value: PyObject): void {
  dictSetItem(dict, key, value);
  value.refcount--;
}

/**
 * Removes `key` and returns the removed value as a reference the caller now owns (the dict's
 * key reference is released), or null when absent.
 */
export function dictPopItemReference(dict: PyDict, key: PyObject, keyHashValue: PyHash = keyHash(key)): PyObject | null {
  return asOneLookup(() => {
    const table = dict.table;
    if (table.size === 0) return null;
    const storedKey = table.storedKey(key, keyHashValue);
    if (storedKey === undefined) return null;
    const value = table.delete(key, keyHashValue)!;
    if (--storedKey.refcount === 0) storedKey.type.dealloc(storedKey);
    return value;
  });
}

/** del d[key]: false when the key is missing. */
export function dictDeleteItem(dict: PyDict, key: PyObject): boolean {
  const value = dictPopItemReference(dict, key);
  if (value === null) return false;
  if (--value.refcount === 0) value.type.dealloc(value);
  return true;
}

export function dictSize(dict: PyDict): number {
  return dict.table.size;
}

/** Each key and value in order (borrowed), stopping early when `visit` returns false. */
export function dictForEach(dict: PyDict, visit: (key: PyObject, value: PyObject) => boolean | void): void {
  const table = dict.table;
  for (let position = table.nextPosition(0); position >= 0; position = table.nextPosition(position + 1)) {
    if (visit(table.keyAtPosition(position), table.valueAtPosition(position)) === false) return;
  }
}

/**
 * dict_dealloc: the table is given up (dispose: a shared keys table loses a sharer), then the
 * keys and values are released entry by entry, then the object goes to the free list.
 */
export function dictDealloc(self: PyObject): void {
  const dict = self as PyDict;
  gcUntrack(dict);
  const references: PyObject[] = [];
  if (dict.sharedValuesOwner === null) {
    const table = dict.table;
    const values = table.valuesByEntry;
    if (values !== null) {
      const keys = table.keysObject!.entryKeys;
      for (let entry = 0, limit = table.entryCount; entry < limit; entry++) {
        const value = values[entry];
        if (value !== undefined) references.push(keys[entry]!, value);
      }
    } else {
      dictForEach(dict, (key, value) => {
        references.push(key, value);
      });
    }
  }
  dict.table.dispose();
  dict.table = DictTable.create<PyObject, PyObject>(rt.profile, OBJECT_KEY_OPS);
  for (const reference of references) if (--reference.refcount === 0) reference.type.dealloc(reference);
  if (dict.type !== rt.types.dict || !rt.freeLists.dict.park(dict, DICT_OBJECT_SIZE)) {
    freeObjectMemory(dict, subtypeObjectSize(dict.type, DICT_OBJECT_SIZE));
    rt.gc.countDeallocation();
  }
}

/**
 * dict_traverse: each entry's value, then its key (str-only tables: values only; strs are not
 * tracked). The collector has its own copy of this walk (gc/collector.ts traverseDict).
 */
export function dictTraverse(self: PyObject, visit: (child: PyObject) => void): void {
  const dict = self as PyDict;
  if (dict.sharedValuesOwner !== null) return;
  // A str-only table's keys are never containers: dict_traverse visits only its values.
  if (dict.table.kind !== "general") {
    dictForEach(dict, (_key, value) => visit(value));
    return;
  }
  dictForEach(dict, (key, value) => {
    visit(value);
    visit(key);
  });
}

/** tp_clear / dict.clear(): back to the empty keys, then the old entries are released. */
export function dictClear(self: PyObject): void {
  const dict = self as PyDict;
  if (dict.table.size === 0 && dict.table.kind === "empty") return;
  const references: PyObject[] = [];
  if (dict.sharedValuesOwner === null) {
    dictForEach(dict, (key, value) => {
      references.push(key, value);
    });
  }
  dict.table.clear();
  for (const reference of references) if (--reference.refcount === 0) reference.type.dealloc(reference);
}

/** Starts tracking a dict once a container is stored in it (MAINTAIN_TRACKING). */
export function trackDictIfNeeded(dict: PyDict, value: PyObject): void {
  if (dict.gcSlot < 0 && mayBeTracked(value)) gcTrack(dict);
}

/** The collector stops tracking dicts that hold only atomic values (≤3.13). */
export function untrackDictIfAtomic(self: PyObject): void {
  if (rt.profile.minor >= 14) return;
  const table = (self as PyDict).table;
  const values = table.valuesByEntry;
  if (values !== null) {
    // Straight over the entry arrays: full collections run this for every tracked dict.
    const keys = table.keysObject!.entryKeys;
    for (let entry = 0, limit = table.entryCount; entry < limit; entry++) {
      const value = values[entry];
      if (value !== undefined && (mayBeTracked(keys[entry]!) || mayBeTracked(value))) return;
    }
    gcUntrack(self);
    return;
  }
  let atomic = true;
  dictForEach(self as PyDict, (key, value) => {
    if (mayBeTracked(key) || mayBeTracked(value)) {
      atomic = false;
      return false;
    }
    return true;
  });
  if (atomic) gcUntrack(self);
}

/** sys.getsizeof(d) with the GC header. */
export function dictSizeof(dict: PyDict): number {
  return dict.table.sizeof();
}

/**
 * PyDict_Copy: an empty dict is a new one (3.7+), a split dict a shared-keys copy (a fresh
 * object), a clean combined table a clone (free list), anything else a new dict merged into.
 * The copy is tracked when the original is (3.7+ clones and split copies) or as inserts go.
 */
export function dictCopy(source: PyDict): PyDict {
  const table = source.table;
  const rules = dictRules(rt.profile);
  const isSplit = table.isSplit || (table.kind === "empty" && rules.copyOfClearedSharesEmptyKeys);
  const clones = !isSplit && rules.copyClones && table.size > 0 && table.size >= Math.floor((table.entryCount * 2) / 3);
  const copyTable = table.copy();
  let copy: PyDict;
  if (isSplit) {
    copy = new PyDict(copyTable);
    allocateObject(copy, DICT_OBJECT_SIZE);
    rt.gc.countAllocation();
  } else {
    copy = new PyDict(copyTable);
    allocateDict(copy);
  }
  dictForEach(copy, (key, value) => {
    key.refcount++;
    value.refcount++;
  });
  if (isSplit || clones) {
    if (isTracked(source) && !isTracked(copy)) gcTrack(copy);
  } else if (!isTracked(copy)) {
    let needsTracking = false;
    dictForEach(copy, (key, value) => {
      if (mayBeTracked(key) || mayBeTracked(value)) {
        needsTracking = true;
        return false;
      }
      return true;
    });
    if (needsTracking) gcTrack(copy);
  }
  return copy;
}

/**
 * dict_merge of an exact dict (or dict subclass without its own __iter__) into `target`: the
 * table merge (one resize, then inserts in order), with references for what went in or out.
 */
export function dictMergeDict(target: PyDict, source: PyDict, override: boolean): void {
  target.displayInsertsLeft = 0;
  if (target === source || source.table.size === 0) return;
  const from = source.table;
  // 3.10+ clones a clean, not oversized table into an empty dict, tracking state included.
  const clones =
    target.table.size === 0 &&
    dictRules(rt.profile).mergeClonesIntoEmpty &&
    !from.isSplit &&
    from.size === from.entryCount &&
    (from.keysSize === 8 || usableFraction(from.keysSize / 2) < from.size);
  if (!clones && override && (anyKeyComparesInPython(from) || anyKeyComparesInPython(target.table))) {
    mergeEntryByEntry(target, source);
    return;
  }
  const before = new Map<PyObject, PyObject>();
  dictForEach(target, (key, value) => void before.set(key, value));
  asOneLookup(() => target.table.merge(from, override));
  if (clones && isTracked(source) && !isTracked(target)) gcTrack(target);
  reconcile(target, before);
}

function anyKeyComparesInPython(table: DictTable<PyObject, PyObject>): boolean {
  for (let position = table.nextPosition(0); position >= 0; position = table.nextPosition(position + 1)) {
    if (keyComparesInPython(table.keyAtPosition(position))) return true;
  }
  return false;
}

/**
 * dict_merge inserting entry by entry, as CPython does, when a key's __eq__ may see the counts:
 * the merge holds the source's key and value, and insertdict takes its own references before
 * it compares; each insert is complete (references taken, old value released) before the next.
 */
function mergeEntryByEntry(target: PyDict, source: PyDict): void {
  target.table.reserveForMerge(source.table);
  for (const [key, keyHashValue, value] of [...source.table.entriesWithHashes()]) {
    key.refcount += 2;
    value.refcount += 2;
    try {
      dictSetItemWithHash(target, key, keyHashValue, value);
    } finally {
      key.refcount--;
      value.refcount--;
      decref(value);
      decref(key);
    }
  }
}

/**
 * After a table-level change of `dict` whose previous content was `before`, takes references
 * for what is new and releases what left (values replaced, keys dropped).
 */
export function reconcile(dict: PyDict, before: Map<PyObject, PyObject>): void {
  const released: PyObject[] = [];
  const seenKeys = new Set<PyObject>();
  dictForEach(dict, (key, value) => {
    seenKeys.add(key);
    const oldValue = before.get(key);
    if (oldValue === undefined) {
      key.refcount++;
      value.refcount++;
    } else if (oldValue !== value) {
      value.refcount++;
      released.push(oldValue);
    }
  });
  for (const [key, value] of before) {
    if (!seenKeys.has(key)) released.push(key, value);
  }
  if (dict.gcSlot < 0) {
    dictForEach(dict, (key, value) => {
      if (mayBeTracked(key) || mayBeTracked(value)) {
        gcTrack(dict);
        return false;
      }
      return true;
    });
  }
  for (const object of released) if (--object.refcount === 0) object.type.dealloc(object);
}

