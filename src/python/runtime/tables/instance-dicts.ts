// Instance __dict__ storage: a class's shared keys (CACHED_KEYS) and split dicts, per version.

import type { HashVersion } from "../hashing/hash-rules.js";
import type { PyHash } from "../hashing/hash-value.js";
import { DictKeys, type DictKeyOps } from "./dict-keys.js";
import { DictTable } from "./dict-table.js";
import { DICT_MIN_SIZE } from "./key-size.js";
import { dictRules, type DictRules } from "./table-rules.js";

/** SHARED_KEYS_MAX_SIZE (3.11+): attribute names one class can share. */
const SHARED_KEYS_MAX_SIZE = 30;
/** 1 << NEXT_LOG2_SHARED_KEYS_MAX_SIZE: index slots of a 3.11+ class's shared keys. */
const SHARED_KEYS_TABLE_SIZE = 64;

/**
 * `CACHED_KEYS(tp)` of one heap type: the keys its instances' dicts share.
 *
 * Up to 3.10 (`_PyDict_NewKeysForClass`): an 8-slot split table that grows with the first
 * instance's attributes and is dropped (null) once instances disagree on order, delete an
 * attribute, or store a non-str key. From 3.11: a 64-slot table with 30 usable entries that
 * never grows; every new instance takes one usable entry away (down to 1), which is why
 * `sys.getsizeof(obj.__dict__)` shrinks as instances are created.
 */
export class ClassKeysCache<K, V> {
  readonly rules: DictRules;
  keys: DictKeys<K, V> | null;

  constructor(rules: DictRules) {
    this.rules = rules;
    if (rules.managedInstanceDicts) {
      this.keys = new DictKeys<K, V>(SHARED_KEYS_TABLE_SIZE, "split");
      this.keys.usable = SHARED_KEYS_MAX_SIZE;
    } else {
      this.keys = new DictKeys<K, V>(DICT_MIN_SIZE, "split");
    }
  }

  static forVersion<K, V>(version: HashVersion): ClassKeysCache<K, V> {
    return new ClassKeysCache<K, V>(dictRules(version));
  }

  /** Call once per new instance (`init_inline_values`, 3.11+; nothing before). */
  instanceCreated(): void {
    const keys = this.keys;
    if (this.rules.managedInstanceDicts && keys !== null && keys.usable > 1) keys.usable--;
  }
}

/**
 * One instance's attribute storage: its dict pointer (up to 3.10) or its inline values plus
 * managed dict (3.11+), modelled as one split `DictTable` made on first need. The caller keeps
 * one of these per instance.
 */
export class InstanceDictSlot<K, V> {
  dict: DictTable<K, V> | null = null;
  /** A `__dict__` object exists (3.11+ materialises it on first access). */
  materialized = false;
}

/** obj.__dict__ (`PyObject_GenericGetDict`): the dict, made on first access. */
export function instanceDict<K, V>(cache: ClassKeysCache<K, V>, slot: InstanceDictSlot<K, V>, ops: DictKeyOps<K>): DictTable<K, V> {
  slot.materialized = true;
  return storage(cache, slot, ops);
}

function storage<K, V>(cache: ClassKeysCache<K, V>, slot: InstanceDictSlot<K, V>, ops: DictKeyOps<K>): DictTable<K, V> {
  if (slot.dict === null) {
    slot.dict =
      cache.keys !== null
        ? DictTable.sharingKeys(cache.rules, ops, cache.keys)
        : DictTable.createWithRules<K, V>(cache.rules, ops);
  }
  return slot.dict;
}

/**
 * obj.name = value (`_PyObjectDict_SetItem`). Up to 3.10 a set that forced the shared table
 * to be rebuilt re-shares the new table when this instance was its only user, and otherwise
 * stops sharing for the whole class.
 */
export function setInstanceAttribute<K, V>(
  cache: ClassKeysCache<K, V>,
  slot: InstanceDictSlot<K, V>,
  ops: DictKeyOps<K>,
  name: K,
  hash: PyHash,
  value: V,
): void {
  if (cache.rules.managedInstanceDicts) {
    const dict = storage(cache, slot, ops);
    // The values path and the dict path agree for a store: the name joins the shared keys if
    // there is room, else the dict turns combined (and is then materialised).
    dict.set(name, hash, value);
    if (!dict.isSplit) slot.materialized = true;
    return;
  }
  const dict = instanceDict(cache, slot, ops);
  const cached = cache.keys;
  const wasShared = cached !== null && cached === dict.keysObject;
  dict.set(name, hash, value);
  if (wasShared && cache.keys === cached && cached !== dict.keysObject) {
    cache.keys = cached.refcount === 1 ? dict.makeKeysShared() : null;
    cached.refcount--;
  }
}

/**
 * del obj.name: false when absent (AttributeError). Up to 3.10 the dict turns combined and the
 * class stops sharing keys. From 3.11 the split dict just loses the value; on the inline-values
 * path (before `__dict__` exists, or from 3.13 while it still shares the values) the name is
 * first put into the shared keys if there is room, even when the attribute is missing.
 */
export function deleteInstanceAttribute<K, V>(
  cache: ClassKeysCache<K, V>,
  slot: InstanceDictSlot<K, V>,
  ops: DictKeyOps<K>,
  name: K,
  hash: PyHash,
): boolean {
  const rules = cache.rules;
  if (rules.managedInstanceDicts) {
    const dict = storage(cache, slot, ops);
    const valuesPath = dict.isSplit && (rules.valuesPathAfterMaterialize || !slot.materialized);
    if (valuesPath && !dict.insertSharedKey(name, hash)) slot.materialized = true;
    return dict.delete(name, hash) !== undefined;
  }
  const dict = instanceDict(cache, slot, ops);
  const removed = dict.delete(name, hash) !== undefined;
  if (cache.keys !== null) {
    cache.keys.refcount--;
    cache.keys = null;
  }
  return removed;
}
