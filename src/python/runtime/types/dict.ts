// dict objects: CPython's compact table (tables/dict-table.ts) holding owned references.
import { PyObject } from "../object.js";
import { rt } from "../state.js";
import { allocateObject, freeObjectMemory } from "../memory/object-memory.js";
import { gcTrack, gcUntrack, isTracked } from "../gc/tracking.js";
import { DictTable, type DictKeyOps } from "../tables/index.js";
import { richCompareBool } from "../abstract/compare.js";
import { CompareOp } from "../slots.js";
import { hash } from "../abstract/object-protocol.js";
import { PyStr, strHash } from "./str.js";
import type { PyHash } from "../hashing/hash-value.js";

export class PyDict extends PyObject {
  table: DictTable<PyObject, PyObject>;
  /**
   * 3.13+: a materialised instance __dict__ that shows values the instance owns; such a dict
   * neither reports nor releases them.
   */
  sharedValuesOwner: PyObject | null;

  constructor(table: DictTable<PyObject, PyObject>) {
    super(rt.types.dict);
    this.table = table;
    this.sharedValuesOwner = null;
  }
}

/** Key operations for tables of PyObjects: Python equality, and exact-str detection. */
export const OBJECT_KEY_OPS: DictKeyOps<PyObject> = {
  equals: (stored, probe) => richCompareBool(stored, probe, CompareOp.Eq),
  strContent: (key) => (key.type === rt.types.str ? (key as PyStr).value : undefined),
};

/** PyDictObject: ma_used, ma_version_tag, ma_keys, ma_values. */
export const DICT_OBJECT_SIZE = 48;

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

/** BUILD_MAP n: presized for `count` items. */
export function newDictPresized(count: number): PyDict {
  const dict = new PyDict(DictTable.presized<PyObject, PyObject>(rt.profile, OBJECT_KEY_OPS, count, false));
  allocateDict(dict);
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
function mayBeTracked(object: PyObject): boolean {
  if (!object.type.layout.gc) return false;
  return object.type !== rt.types.tuple || isTracked(object);
}

/** The hash of a dict key (str hashes are cached on the object). */
export function keyHash(key: PyObject): PyHash {
  return key.type === rt.types.str ? strHash(key) : hash(key);
}

/** d[key] lookup: borrowed reference or null. */
export function dictGetItem(dict: PyDict, key: PyObject): PyObject | null {
  const table = dict.table;
  if (key.type === rt.types.str && table.kind !== "general") return table.get(key) ?? null;
  return table.get(key, keyHash(key)) ?? null;
}

/** d[key] = value; both borrowed (the dict takes its own references). */
export function dictSetItem(dict: PyDict, key: PyObject, value: PyObject): void {
  const table = dict.table;
  const keyHashValue = keyHash(key);
  const storedKey = table.storedKey(key, keyHashValue);
  const old = storedKey === undefined ? undefined : table.get(storedKey, keyHashValue);
  value.refcount++;
  if (storedKey === undefined) key.refcount++;
  table.set(key, keyHashValue, value);
  if (dict.gcGeneration < 0 && (mayBeTracked(value) || mayBeTracked(key))) gcTrack(dict);
  if (old !== undefined && --old.refcount === 0) old.type.dealloc(old);
}

/** Like dictSetItem but steals `value`. */
export function dictSetItemStealing(dict: PyDict, key: PyObject, value: PyObject): void {
  dictSetItem(dict, key, value);
  value.refcount--;
}

/** del d[key]: false when the key is missing. */
export function dictDeleteItem(dict: PyDict, key: PyObject): boolean {
  const table = dict.table;
  const keyHashValue = keyHash(key);
  const storedKey = table.storedKey(key, keyHashValue);
  if (storedKey === undefined) return false;
  const value = table.delete(key, keyHashValue)!;
  if (--storedKey.refcount === 0) storedKey.type.dealloc(storedKey);
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

export function dictDealloc(self: PyObject): void {
  const dict = self as PyDict;
  gcUntrack(dict);
  const references: PyObject[] = [];
  if (dict.sharedValuesOwner === null) {
    dictForEach(dict, (key, value) => {
      references.push(key, value);
    });
  }
  dict.table = DictTable.create<PyObject, PyObject>(rt.profile, OBJECT_KEY_OPS);
  for (const reference of references) if (--reference.refcount === 0) reference.type.dealloc(reference);
  if (dict.type !== rt.types.dict || !rt.freeLists.dict.park(dict, DICT_OBJECT_SIZE)) {
    freeObjectMemory(dict, DICT_OBJECT_SIZE);
    rt.gc.countDeallocation();
  }
}

export function dictTraverse(self: PyObject, visit: (child: PyObject) => void): void {
  if ((self as PyDict).sharedValuesOwner !== null) return;
  dictForEach(self as PyDict, (key, value) => {
    visit(key);
    visit(value);
  });
}

/** tp_clear / dict.clear(). */
export function dictClear(self: PyObject): void {
  const dict = self as PyDict;
  const references: PyObject[] = [];
  dictForEach(dict, (key, value) => {
    references.push(key, value);
  });
  dict.table = dict.table.emptyLike();
  for (const reference of references) if (--reference.refcount === 0) reference.type.dealloc(reference);
}

/** Starts tracking a dict once a container is stored in it (MAINTAIN_TRACKING). */
export function trackDictIfNeeded(dict: PyDict, value: PyObject): void {
  if (dict.gcGeneration < 0 && mayBeTracked(value)) gcTrack(dict);
}

/** The collector stops tracking dicts that hold only atomic values (≤3.13). */
export function untrackDictIfAtomic(self: PyObject): void {
  if (rt.profile.minor >= 14) return;
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

/** sys.getsizeof(d) without the GC header. */
export function dictSizeof(dict: PyDict): number {
  return dict.table.sizeof();
}
