// Attribute storage of instances (and functions, modules' own attributes): per version, either a
// real __dict__ object from the first store (≤3.10) or inline values that become a dict object
// only when __dict__ is read (3.11+; shared with the instance from 3.13).
import { AttributedObject, type PyObject } from "./object.js";
import { rt } from "./state.js";
import { ClassKeysCache, InstanceDictSlot, instanceDict, setInstanceAttribute as tableSet, deleteInstanceAttribute as tableDelete } from "./tables/index.js";
import { DictTable } from "./tables/index.js";
import type { DictKeys } from "./tables/dict-keys.js";
import type { PyStr } from "./types/str.js";
import { strHash } from "./types/str.js";
import { OBJECT_KEY_OPS, newDictWithTable, trackDictIfNeeded, type PyDict } from "./types/dict.js";
import { PyInstance, FLAT_FIELDS, flatValueAt, setFlatValueAt, startFlatValues, takeFlatValues, clearFlatValues } from "./types/instance.js";
import type { PyType } from "./type.js";
import type { InstanceDictModel } from "../profiles/profile.js";

/**
 * An owner's attribute storage: its dict slot (the table, made on first need) plus the
 * __dict__ object once it exists. An `AttributedObject` is its own storage (one JS object less
 * per instance: the collector and V8's scavenger walk millions of them); any other owner keeps
 * an `InstanceAttributes` beside it.
 */
export interface AttributeStorage extends InstanceDictSlot<PyObject, PyObject> {
  /** The __dict__ object once it exists (owned). */
  dictObject: PyDict | null;
  /**
   * True while the instance itself owns the values (inline values, 3.11+), false once a dict
   * object owns them (always ≤3.10; after __dict__ is read in 3.11–3.12).
   */
  ownsValues: boolean;
}

/** The storage of an owner that is not an `AttributedObject` (and a storage taken off its owner). */
export class InstanceAttributes extends InstanceDictSlot<PyObject, PyObject> implements AttributeStorage {
  dictObject: PyDict | null = null;
  ownsValues: boolean;

  constructor(ownsValues: boolean) {
    super();
    this.ownsValues = ownsValues;
  }
}

/** The table holding the values (made on first need). */
function tableOf(storage: AttributeStorage, cache: ClassKeysCache<PyObject, PyObject>): DictTable<PyObject, PyObject> {
  return instanceDict(cache, storage, OBJECT_KEY_OPS);
}

/** Visits what the owner references through its attributes (tp_traverse of the instance). */
export function traverseAttributes(storage: AttributeStorage, visit: (child: PyObject) => void): void {
  if (storage.dictObject !== null && !storage.ownsValues) {
    visit(storage.dictObject);
    return;
  }
  if (storage.dict === null) {
    const instance = flatInstanceOf(storage);
    if (instance === null) return;
    for (let entry = 0, length = instance.flatLength; entry < length; entry++) {
      const value = flatValueAt(instance, entry);
      if (value === undefined) break;
      visit(value);
    }
    return;
  }
  storage.dict.visitValues(visit);
}

// ---- flat inline values (PyInstance.flatLength, flat0...) ----------------------------------------
//
// From 3.11 an instance's attributes are usually exactly the first entries of its class's shared
// keys, stored in entry order: then the instance keeps just the values, and the split table
// that stands for them is made only when something needs a table (any caller of
// `attributesOf`, __dict__, a delete, a store out of that order). The hot paths (attribute
// loads and stores, the collector, deallocation) read the values themselves.

/** `storage` when it is a PyInstance with flat inline values, else null. */
function flatInstanceOf(storage: AttributeStorage): PyInstance | null {
  return storage instanceof PyInstance && storage.flatLength >= 0 ? storage : null;
}

/** The shared keys that flat inline values are laid out by (the instance's class's). */
function flatKeysOf(instance: PyInstance): DictKeys<PyObject, PyObject> {
  return keysCacheOf(instance.type).keys!;
}

/** Turns flat inline values into the split table they stand for (nothing a program can see changes). */
function inflate(storage: AttributeStorage): void {
  if (!(storage instanceof PyInstance) || storage.flatLength < 0) return;
  const values = takeFlatValues(storage);
  const cache = keysCacheOf(storage.type);
  storage.dict = DictTable.adoptingSharedValues(cache.rules, OBJECT_KEY_OPS, cache.keys!, values);
}

/**
 * obj.name = value for an exact str name on a 3.11+ instance without a table or __dict__:
 * what the split table's store would do (tableOf on the first store, then setSharedText), kept
 * flat. False when the store leaves that shape (name not in the shared keys, or out of entry
 * order); the values are then a table again and the caller takes the general path.
 */
function setFlatValue(instance: PyInstance, name: PyStr, value: PyObject, cache: KeysEntryCache | null): boolean {
  const keys = flatKeysOf(instance);
  let length = instance.flatLength;
  if (length < 0) {
    // tableOf's first call: the storage counts as materialised, and the values (a split table's,
    // `DictTable.sharingKeys`) hold a reference to the shared keys, sized as they are now.
    instance.materialized = true;
    keys.refcount++;
    length = keys.nentries;
    startFlatValues(instance, length);
  }
  const entry = cache === null ? keys.lookupText(name.value, OBJECT_KEY_OPS) : flatEntryCached(keys, name, cache);
  if (entry >= 0 && entry < length) {
    const old = flatValueAt(instance, entry);
    if (old !== undefined) {
      setFlatValueAt(instance, entry, value);
      value.refcount++;
      if (--old.refcount === 0) old.type.dealloc(old);
      return true;
    }
    if (entry === 0 || flatValueAt(instance, entry - 1) !== undefined) {
      setFlatValueAt(instance, entry, value);
      value.refcount++;
      // As setInstanceAttribute's other paths: the storage counts as materialised, the name is referenced.
      instance.materialized = true;
      name.refcount++;
      return true;
    }
  }
  inflate(instance);
  return false;
}

/**
 * Drops the flat inline values' references, each key, then its value, in order. The values
 * leave the instance first (a deallocation they cause finds it without them); the common
 * sizes are taken into locals without an array.
 */
function releaseFlatValues(instance: PyInstance): void {
  const keys = flatKeysOf(instance);
  if (instance.flatLength > FLAT_FIELDS) {
    const values = takeFlatValues(instance);
    for (let entry = 0; entry < values.length; entry++) if (!releaseFlatEntry(keys, entry, values[entry])) return;
    return;
  }
  const first = instance.flat0;
  const second = instance.flat1;
  const third = instance.flat2;
  clearFlatValues(instance);
  if (releaseFlatEntry(keys, 0, first) && releaseFlatEntry(keys, 1, second)) releaseFlatEntry(keys, 2, third);
}

/** Drops entry `entry`'s key and then `value`; false when the entry is unset (the values end there). */
function releaseFlatEntry(keys: DictKeys<PyObject, PyObject>, entry: number, value: PyObject | undefined): boolean {
  if (value === undefined) return false;
  const key = keys.entryKeys[entry]!;
  if (--key.refcount === 0) key.type.dealloc(key);
  if (--value.refcount === 0) value.type.dealloc(value);
  return true;
}

/**
 * The table whose values the owner references itself (what `traverseAttributes` walks when no
 * dict object owns them), or null.
 */
export function inlineTableOf(storage: AttributeStorage): DictTable<PyObject, PyObject> | null {
  return storage.dictObject !== null && !storage.ownsValues ? null : storage.dict;
}

/**
 * Drops every reference a storage held, given its parts (already taken off the storage): the
 * dealloc / tp_clear of the owner.
 */
function releaseParts(dictObject: PyDict | null, table: DictTable<PyObject, PyObject> | null, ownsValues: boolean): void {
  if (table !== null && ownsValues) {
    if (dictObject !== null && dictObject.refcount > 1) {
      // 3.13+: the dict outlives the instance and keeps the values.
      dictObject.sharedValuesOwner = null;
    } else {
      if (dictObject !== null) dictObject.table = table.emptyLike();
      // The table is detached from everything now, so it can be walked while releasing: each
      // key, then its value, in order (no array of references per instance).
      for (let position = table.nextPosition(0); position >= 0; position = table.nextPosition(position + 1)) {
        const key = table.keyAtPosition(position);
        const value = table.valueAtPosition(position);
        if (--key.refcount === 0) key.type.dealloc(key);
        if (--value.refcount === 0) value.type.dealloc(value);
      }
    }
  }
  if (dictObject !== null && --dictObject.refcount === 0) dictObject.type.dealloc(dictObject);
}

/**
 * Releases the object's attributes (dealloc, tp_clear). The object has no storage afterwards,
 * already while references are dropped; with `keepStorage` it keeps an empty one (a function's
 * tp_clear leaves its dict slot's storage in place).
 */
export function releaseAttributes(object: PyObject, keepStorage = false): void {
  if (object instanceof AttributedObject) {
    if (!object.hasAttributes) return;
    if (object instanceof PyInstance && object.flatLength >= 0) {
      if (!keepStorage) object.dropAttributes();
      releaseFlatValues(object);
      return;
    }
    const dictObject = object.dictObject;
    const table = object.dict;
    const ownsValues = object.ownsValues;
    object.dictObject = null;
    object.dict = null;
    if (!keepStorage) object.dropAttributes();
    releaseParts(dictObject, table, ownsValues);
    return;
  }
  const storage = attributesBeside.get(object);
  if (storage === undefined) return;
  const dictObject = storage.dictObject;
  const table = storage.dict;
  storage.dictObject = null;
  storage.dict = null;
  if (!keepStorage) attributesBeside.delete(object);
  releaseParts(dictObject, table, storage.ownsValues);
}

/** The class-level shared keys for a heap type's instances (CACHED_KEYS). */
export function keysCacheOf(type: PyType): ClassKeysCache<PyObject, PyObject> {
  let cache = type.keysCache as ClassKeysCache<PyObject, PyObject> | null;
  if (cache === null) {
    cache = ClassKeysCache.forVersion<PyObject, PyObject>(rt.profile);
    if (!sharesKeys(type)) cache.keys = null;
    type.keysCache = cache;
  }
  return cache;
}

/**
 * Whether a type's instances' dicts share the class's keys (split tables). Built-in types
 * (exceptions, functions) never do. Classes do up to 3.10; from 3.11 not when a built-in base
 * keeps the dict in its own struct (exceptions), and on 3.11 only when the dict is managed (not
 * over int, tuple, bytes).
 */
function sharesKeys(type: PyType): boolean {
  if (!type.heapType) return false;
  const minor = rt.profile.minor;
  if (minor <= 10) return true;
  const builtinBase = type.mro.find((candidate) => !candidate.heapType) ?? rt.types.object;
  if (builtinBase.instancesHaveDict) return false;
  // 3.11: a managed dict is what puts the pre-header in front of the object.
  return minor > 11 || type.layout.preHeader;
}

/**
 * How `type`'s instances keep their attributes: the profile's model for those that get inline
 * values (3.11+), else a real __dict__ from the first attribute (every instance up to 3.10).
 */
export function dictModelOf(type: PyType): InstanceDictModel {
  return type.layout.inlineValues === true ? rt.profile.instanceDict : "dict";
}

/**
 * Attribute storage of objects that are not `AttributedObject`s: instances of classes derived
 * from built-in types other than object (class MyList(list)), which are rare. Weak keys, so an
 * object that is never deallocated (a session's leftovers) does not keep its entry.
 */
const attributesBeside = new WeakMap<PyObject, InstanceAttributes>();

/**
 * The object's attribute storage, or null (none yet, or its type gives it none). Flat inline
 * values become their table first, so `dict` is the table for every caller.
 */
export function attributesOf(object: PyObject): AttributeStorage | null {
  const storage = storageOf(object);
  if (storage !== null) inflate(storage);
  return storage;
}

/**
 * The object's attribute storage as it is (its values may be flat, with `dict` null): for the
 * paths that read flat values themselves.
 */
export function storageOf(object: PyObject): AttributeStorage | null {
  if (object instanceof AttributedObject) return object.hasAttributes ? object : null;
  // Only a type with a __dict__ slot gives its instances storage: the common objects (ints,
  // lists, str...) answer without a lookup.
  if (!object.type.instancesHaveDict) return null;
  return attributesBeside.get(object) ?? null;
}

/** Gives the object a new empty storage (any old one must have been released). */
export function startAttributes(object: PyObject, ownsValues: boolean): AttributeStorage {
  if (object instanceof AttributedObject) {
    object.startAttributes(ownsValues);
    return object;
  }
  const storage = new InstanceAttributes(ownsValues);
  attributesBeside.set(object, storage);
  return storage;
}

export function hasInstanceAttributes(object: PyObject): boolean {
  return storageOf(object) !== null;
}

/** Starts an instance's attribute storage (at creation, per version). */
export function initInstanceAttributes(object: PyObject): void {
  const model = dictModelOf(object.type);
  startAttributes(object, model !== "dict");
  if (model !== "dict") keysCacheOf(object.type).instanceCreated();
}
/** obj.name lookup in the instance's own attributes: borrowed, or null. */
export function instanceAttribute(object: PyObject, name: PyStr): PyObject | null {
  return storedAttribute(storageOf(object)!, name);
}

/** `instanceAttribute` once the storage is known (the attribute-load hot path; `storageOf`'s storage). */
export function storedAttribute(storage: AttributeStorage, name: PyStr): PyObject | null {
  let table = storage.dict;
  if (table === null) {
    const instance = flatInstanceOf(storage);
    if (instance === null) return null;
    if (name.type === rt.types.str) {
      const entry = flatKeysOf(instance).lookupText(name.value, OBJECT_KEY_OPS);
      return entry < 0 || entry >= instance.flatLength ? null : (flatValueAt(instance, entry) ?? null);
    }
    inflate(storage);
    table = storage.dict!;
  }
  if (table.kind !== "general") return table.get(name) ?? null;
  return table.get(name, strHash(name)) ?? null;
}

/**
 * Where an attribute name was last found in a keys object (an inline cache of generated code,
 * ops/name-cache.ts's NameCache): the keys object, the entry, and the key object stored there.
 */
export interface KeysEntryCache {
  keys: DictKeys<PyObject, PyObject> | null;
  entry: number;
  key: PyObject | null;
  /** Shared keys the name was last missing from, and their entry count then (see flatEntryCached). */
  absentSharedKeys: DictKeys<PyObject, PyObject> | null;
  absentSharedEntries: number;
}

/**
 * `storedAttribute` for an attribute load site, answered from `cache` while the storage's table
 * uses the keys object the name was last found in. Only str-only tables (split or unicode,
 * looked up by text, never calling __eq__) are cached: a keys object keeps a key at its entry
 * until the key is deleted (the entry loses the key object) or the table is rebuilt (a new keys
 * object), so the cached entry still holds the name's value, or no value in this table.
 */
export function cachedStoredAttribute(storage: AttributeStorage, name: PyStr, cache: KeysEntryCache): PyObject | null {
  const table = storage.dict;
  if (table === null) {
    const instance = flatInstanceOf(storage);
    if (instance === null) return null;
    if (name.type !== rt.types.str) return storedAttribute(storage, name);
    const entry = flatEntryCached(flatKeysOf(instance), name, cache);
    return entry >= 0 && entry < instance.flatLength ? (flatValueAt(instance, entry) ?? null) : null;
  }
  const keys = table.keysObject;
  // (3.6–3.10 turn a str-only table general in place when a non-str key probes it.)
  if (keys === cache.keys && keys !== null && keys.kind !== "general") {
    const entry = cache.entry;
    if (keys.entryKeys[entry] === cache.key) return table.valueOfEntry(entry) ?? null;
  }
  if (keys === null || keys.kind === "general") return table.get(name, strHash(name)) ?? null;
  // A split table's keys are shared keys: see flatEntryCached for why a miss stays one.
  const split = table.isSplit;
  if (split && keys === cache.absentSharedKeys && keys.nentries === cache.absentSharedEntries) return null;
  const entry = keys.lookupText(name.value, table.ops);
  if (entry < 0) {
    if (split) {
      cache.absentSharedKeys = keys;
      cache.absentSharedEntries = keys.nentries;
    }
    return null;
  }
  cache.keys = keys;
  cache.entry = entry;
  cache.key = keys.entryKeys[entry]!;
  return table.valueOfEntry(entry) ?? null;
}

/**
 * The entry of `name` in a class's shared keys (flat inline values are laid out by them), or
 * -1, answered from `cache`: the same cache as a split table's (the keys, the entry, the key
 * object there), plus the keys' entry count when the name was last missing from them. Shared
 * keys only ever gain entries (a table that would drop one is combined first), so while the
 * keys object and its count are the same the name is still missing: a method call's check that
 * the instance does not shadow the method (`p.norm2()`) costs no lookup.
 */
function flatEntryCached(keys: DictKeys<PyObject, PyObject>, name: PyStr, cache: KeysEntryCache): number {
  const cachedEntry = cache.entry;
  if (keys === cache.keys && keys.entryKeys[cachedEntry] === cache.key) return cachedEntry;
  if (keys === cache.absentSharedKeys && keys.nentries === cache.absentSharedEntries) return -1;
  const entry = keys.lookupText(name.value, OBJECT_KEY_OPS);
  if (entry < 0) {
    cache.absentSharedKeys = keys;
    cache.absentSharedEntries = keys.nentries;
    return -1;
  }
  cache.keys = keys;
  cache.entry = entry;
  cache.key = keys.entryKeys[entry]!;
  return entry;
}

/**
 * obj.name = value at an attribute store site, once no data descriptor of the type claims the
 * name: what setInstanceAttribute does for an instance whose attributes are (or are about to
 * start as) flat inline values, with the entry answered from `cache`. False, changing nothing
 * a program can see, when the instance has no such storage or the store leaves that shape: the
 * caller then takes the general path (genericSetAttr).
 */
export function storeFlatAttributeCached(instance: PyInstance, name: PyStr, value: PyObject, cache: KeysEntryCache): boolean {
  if (instance.flatLength < 0 && (!instance.hasAttributes || instance.dict !== null || instance.dictObject !== null || dictModelOf(instance.type) === "dict")) return false;
  return setFlatValue(instance, name, value, cache);
}

/**
 * The instance's own attribute that an attribute load site's cache points at (`self.x` in a
 * method): a flat inline value, or a str-only table's value at the cached entry of the keys it
 * was found in (as cachedStoredAttribute would answer). Undefined when the cache does not
 * apply or the entry has no value: the caller then looks the name up.
 */
export function ownValueFromCache(instance: PyInstance, cache: KeysEntryCache): PyObject | undefined {
  const entry = cache.entry;
  const table = instance.dict;
  if (table === null) {
    // Also false while the instance has no flat values (flatLength -1).
    if (entry >= instance.flatLength) return undefined;
    const keys = (instance.type.keysCache as ClassKeysCache<PyObject, PyObject>).keys;
    if (keys !== cache.keys || keys === null || keys.entryKeys[entry] !== cache.key) return undefined;
    return flatValueAt(instance, entry);
  }
  const keys = table.keysObject;
  if (keys !== cache.keys || keys === null || keys.kind === "general" || keys.entryKeys[entry] !== cache.key) return undefined;
  return table.valueOfEntry(entry);
}

/** obj.name = value (value null: delete); false when deleting a missing attribute. */
export function setInstanceAttribute(object: PyObject, name: PyStr, value: PyObject | null): boolean {
  const attributes = storageOf(object);
  if (attributes === null) return false;
  const model = dictModelOf(object.type);
  if (attributes.dict === null && attributes.dictObject === null && object instanceof PyInstance && model !== "dict") {
    if (value !== null && name.type === rt.types.str && setFlatValue(object, name, value, null)) return true;
    inflate(attributes);
  }
  let current = attributes.dict;
  if (value !== null && name.type === rt.types.str && (attributes.dictObject !== null || model !== "dict")) {
    // An attribute whose name the table already holds (rebinding, or a name the class's
    // shared keys know): the value goes in place, by the name's text (one lookup, no hashing).
    if (current === null) current = tableOf(attributes, keysCacheOf(object.type));
    const old = current.isSplit ? current.setSharedText(name.value, value) : current.replaceTextValue(name.value, value);
    if (old !== undefined) {
      value.refcount++;
      if (old === null) {
        // As the general path below: the storage counts as materialised, the name is referenced.
        attributes.materialized = true;
        name.refcount++;
      }
      if (attributes.dictObject !== null) trackDictIfNeeded(attributes.dictObject, value);
      if (old !== null && --old.refcount === 0) old.type.dealloc(old);
      return true;
    }
  }
  const cache = keysCacheOf(object.type);
  const hash = strHash(name);
  const table = tableOf(attributes, cache);
  if (model === "dict" && attributes.dictObject === null) materialize(object);
  const storedKey = table.storedKey(name, hash);
  if (value === null) {
    if (storedKey === undefined) return false;
    const old = table.get(storedKey, hash)!;
    tableDelete(cache, attributes, OBJECT_KEY_OPS, name, hash);
    syncDictTable(attributes);
    if (--storedKey.refcount === 0) storedKey.type.dealloc(storedKey);
    if (--old.refcount === 0) old.type.dealloc(old);
    return true;
  }
  const old = storedKey === undefined ? undefined : table.get(storedKey, hash);
  value.refcount++;
  if (storedKey === undefined) name.refcount++;
  tableSet(cache, attributes, OBJECT_KEY_OPS, name, hash, value);
  syncDictTable(attributes);
  if (attributes.dictObject !== null) trackDictIfNeeded(attributes.dictObject, value);
  if (old !== undefined && --old.refcount === 0) old.type.dealloc(old);
  return true;
}

/** The instance's table may have been replaced (split → combined): keep the dict object on it. */
function syncDictTable(attributes: AttributeStorage): void {
  if (attributes.dictObject !== null && attributes.dict !== null) attributes.dictObject.table = attributes.dict;
}

/** obj.__dict__: the dict object, made on first access (new reference). */
export function instanceDictObject(object: PyObject): PyDict {
  const attributes = attributesOf(object)!;
  if (attributes.dictObject === null) {
    if (attributes.dict === null && rt.profile.minor === 11 && dictModelOf(object.type) === "dict") {
      // 3.11's PyObject_GenericGetDict makes a plain new dict for an instance without inline
      // values (only an attribute store starts one with the class's shared keys).
      attributes.materialized = true;
      attributes.dict = DictTable.createWithRules<PyObject, PyObject>(keysCacheOf(object.type).rules, OBJECT_KEY_OPS);
    }
    materialize(object);
  }
  const dict = attributes.dictObject!;
  dict.refcount++;
  return dict;
}

function materialize(object: PyObject): void {
  const attributes = attributesOf(object)!;
  const table = tableOf(attributes, keysCacheOf(object.type));
  const dict = newDictWithTable(table);
  attributes.dictObject = dict;
  switch (dictModelOf(object.type)) {
    case "dict":
      attributes.ownsValues = false;
      break;
    case "inline-then-dict":
      // 3.11–3.12: the values move into the dict object.
      attributes.ownsValues = false;
      break;
    case "inline-shared":
      // 3.13+: the dict shows the instance's values; the instance keeps owning them.
      dict.sharedValuesOwner = object;
      break;
  }
}

/**
 * Replaces obj.__dict__ (assignment to __dict__): the object's storage becomes `dict`, then
 * the old storage (if any) is released.
 */
export function replaceInstanceDict(object: PyObject, dict: PyDict): void {
  dict.refcount++;
  let oldDictObject: PyDict | null = null;
  let oldTable: DictTable<PyObject, PyObject> | null = null;
  let oldOwnsValues = false;
  const old = attributesOf(object);
  if (old !== null) {
    oldDictObject = old.dictObject;
    oldTable = old.dict;
    oldOwnsValues = old.ownsValues;
    old.dictObject = null;
    old.dict = null;
  }
  const fresh = startAttributes(object, false);
  fresh.dictObject = dict;
  fresh.dict = dict.table;
  if (old !== null) releaseParts(oldDictObject, oldTable, oldOwnsValues);
}
