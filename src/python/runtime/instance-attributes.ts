// Attribute storage of instances (and functions, modules' own attributes): per version, either a
// real __dict__ object from the first store (≤3.10) or inline values that become a dict object
// only when __dict__ is read (3.11+; shared with the instance from 3.13).
import { AttributedObject, type PyObject } from "./object.js";
import { rt } from "./state.js";
import { ClassKeysCache, InstanceDictSlot, instanceDict, setInstanceAttribute as tableSet, deleteInstanceAttribute as tableDelete } from "./tables/index.js";
import { DictTable } from "./tables/index.js";
import type { PyStr } from "./types/str.js";
import { strHash } from "./types/str.js";
import { OBJECT_KEY_OPS, newDictWithTable, trackDictIfNeeded, type PyDict } from "./types/dict.js";
import type { PyType } from "./type.js";

/**
 * An owner's attribute storage. It is its own dict slot (one object less per instance: the
 * collector walks millions of these).
 */
export class InstanceAttributes extends InstanceDictSlot<PyObject, PyObject> {
  get slot(): InstanceDictSlot<PyObject, PyObject> {
    return this;
  }
  /** The __dict__ object once it exists (owned). */
  dictObject: PyDict | null = null;
  /**
   * True while the instance itself owns the values (inline values, 3.11+), false once a dict
   * object owns them (always ≤3.10; after __dict__ is read in 3.11–3.12).
   */
  ownsValues: boolean;

  constructor(ownsValues: boolean) {
    super();
    this.ownsValues = ownsValues;
  }

  /** The table holding the values (made on first need). */
  table(cache: ClassKeysCache<PyObject, PyObject>): DictTable<PyObject, PyObject> {
    return instanceDict(cache, this.slot, OBJECT_KEY_OPS);
  }

  /** Visits what the owner references through its attributes (tp_traverse of the instance). */
  traverse(visit: (child: PyObject) => void): void {
    if (this.dictObject !== null && !this.ownsValues) {
      visit(this.dictObject);
      return;
    }
    this.dict?.visitValues(visit);
  }

  /**
   * The table whose values the owner references itself (what `traverse` walks when no dict
   * object owns them), or null.
   */
  get inlineTable(): DictTable<PyObject, PyObject> | null {
    return this.dictObject !== null && !this.ownsValues ? null : this.dict;
  }

  /** Drops every reference (dealloc / tp_clear of the owner). */
  release(): void {
    const dictObject = this.dictObject;
    const table = this.dict;
    this.dictObject = null;
    this.dict = null;
    if (table !== null && this.ownsValues) {
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
}

/** The class-level shared keys for a heap type's instances (CACHED_KEYS). */
export function keysCacheOf(type: PyType): ClassKeysCache<PyObject, PyObject> {
  let cache = type.keysCache as ClassKeysCache<PyObject, PyObject> | null;
  if (cache === null) {
    cache = ClassKeysCache.forVersion<PyObject, PyObject>(rt.profile);
    type.keysCache = cache;
  }
  return cache;
}

/**
 * Attribute storage of objects that are not `AttributedObject`s: instances of classes derived
 * from built-in types other than object (class MyList(list)), which are rare. Weak keys, so an
 * object that is never deallocated (a session's leftovers) does not keep its entry.
 */
const attributesBeside = new WeakMap<PyObject, InstanceAttributes>();

/** The object's attribute storage, or null (none yet, or its type gives it none). */
export function attributesOf(object: PyObject): InstanceAttributes | null {
  if (object instanceof AttributedObject) return object.attributes;
  // Only a type with a __dict__ slot gives its instances storage: the common objects (ints,
  // lists, str...) answer without a lookup.
  if (!object.type.instancesHaveDict) return null;
  return attributesBeside.get(object) ?? null;
}

/** Sets (or with null, drops) the object's attribute storage; releasing the old one is the caller's. */
export function setAttributesOf(object: PyObject, attributes: InstanceAttributes | null): void {
  if (object instanceof AttributedObject) object.attributes = attributes;
  else if (attributes !== null) attributesBeside.set(object, attributes);
  else attributesBeside.delete(object);
}

export function hasInstanceAttributes(object: PyObject): boolean {
  return attributesOf(object) !== null;
}

/** Starts an instance's attribute storage (at creation, per version). */
export function initInstanceAttributes(object: PyObject): void {
  const model = rt.profile.instanceDict;
  setAttributesOf(object, new InstanceAttributes(model !== "dict"));
  if (model !== "dict") keysCacheOf(object.type).instanceCreated();
}

/** obj.name lookup in the instance's own attributes: borrowed, or null. */
export function instanceAttribute(object: PyObject, name: PyStr): PyObject | null {
  const table = attributesOf(object)!.dict;
  if (table === null) return null;
  if (table.kind !== "general") return table.get(name) ?? null;
  return table.get(name, strHash(name)) ?? null;
}

/** obj.name = value (value null: delete); false when deleting a missing attribute. */
export function setInstanceAttribute(object: PyObject, name: PyStr, value: PyObject | null): boolean {
  const attributes = attributesOf(object);
  if (attributes === null) return false;
  const current = attributes.dict;
  if (value !== null && current !== null && name.type === rt.types.str && (attributes.dictObject !== null || rt.profile.instanceDict !== "dict")) {
    // Rebinding an existing attribute: swap the value in place (one lookup, no key change).
    const old = current.replaceTextValue(name.value, value);
    if (old !== undefined) {
      value.refcount++;
      if (attributes.dictObject !== null) trackDictIfNeeded(attributes.dictObject, value);
      if (--old.refcount === 0) old.type.dealloc(old);
      return true;
    }
  }
  const cache = keysCacheOf(object.type);
  const hash = strHash(name);
  const table = attributes.table(cache);
  if (rt.profile.instanceDict === "dict" && attributes.dictObject === null) materialize(object);
  const storedKey = table.storedKey(name, hash);
  if (value === null) {
    if (storedKey === undefined) return false;
    const old = table.get(storedKey, hash)!;
    tableDelete(cache, attributes.slot, OBJECT_KEY_OPS, name, hash);
    syncDictTable(attributes);
    if (--storedKey.refcount === 0) storedKey.type.dealloc(storedKey);
    if (--old.refcount === 0) old.type.dealloc(old);
    return true;
  }
  const old = storedKey === undefined ? undefined : table.get(storedKey, hash);
  value.refcount++;
  if (storedKey === undefined) name.refcount++;
  tableSet(cache, attributes.slot, OBJECT_KEY_OPS, name, hash, value);
  syncDictTable(attributes);
  if (attributes.dictObject !== null) trackDictIfNeeded(attributes.dictObject, value);
  if (old !== undefined && --old.refcount === 0) old.type.dealloc(old);
  return true;
}

/** The instance's table may have been replaced (split → combined): keep the dict object on it. */
function syncDictTable(attributes: InstanceAttributes): void {
  if (attributes.dictObject !== null && attributes.dict !== null) attributes.dictObject.table = attributes.dict;
}

/** obj.__dict__: the dict object, made on first access (new reference). */
export function instanceDictObject(object: PyObject): PyDict {
  const attributes = attributesOf(object)!;
  if (attributes.dictObject === null) materialize(object);
  const dict = attributes.dictObject!;
  dict.refcount++;
  return dict;
}

function materialize(object: PyObject): void {
  const attributes = attributesOf(object)!;
  const table = attributes.table(keysCacheOf(object.type));
  const dict = newDictWithTable(table);
  attributes.dictObject = dict;
  switch (rt.profile.instanceDict) {
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

/** Replaces obj.__dict__ (assignment to __dict__). */
export function replaceInstanceDict(object: PyObject, dict: PyDict): void {
  const attributes = attributesOf(object)!;
  const fresh = new InstanceAttributes(false);
  dict.refcount++;
  fresh.dictObject = dict;
  fresh.dict = dict.table;
  setAttributesOf(object, fresh);
  attributes.release();
}
