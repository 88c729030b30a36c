// Inline caches of generated code, one per co_names entry: where a name was last found in a
// namespace dict, and what an attribute name last resolved to on a type.
import type { PyObject } from "../object.js";
import type { PyType } from "../type.js";
import { rt } from "../state.js";
import { typeLookup } from "../abstract/attributes.js";
import { type PyDict, dictGetItem } from "../types/dict.js";
import type { PyStr } from "../types/str.js";
import type { DictKeys } from "../tables/dict-keys.js";

/**
 * Where a name was last found in a namespace dict: the dict's keys table, the entry, and the
 * key object stored there. A combined table keeps a key at its entry until the key is deleted
 * (the entry is cleared) or the table is rebuilt (a new keys object); a popped entry can only
 * be reused by an append, which stores its own key object. So while the dict still uses the
 * same keys object and the entry still holds the same key object, the entry's value is the
 * name's value. A split table keeps its values outside the keys (their entry values are
 * always empty there), so it never answers from the cache.
 */
export class NameCache {
  keys: DictKeys<PyObject, PyObject> | null = null;
  entry = 0;
  key: PyObject | null = null;
  /**
   * For attribute names: `_PyType_Lookup(lookupType, name)` was `lookupResult` while the type
   * epoch (bumped by any change to any class namespace or MRO) was `lookupEpoch`.
   */
  lookupType: PyType | null = null;
  lookupEpoch = -1;
  lookupResult: PyObject | null = null;
  /**
   * A namespace dict the name was missing from (globals before builtins): its keys object then,
   * and that object's `usable` count. A name can only arrive by a new entry, which takes one
   * of `usable` (popitem gives none back) or makes a new keys object, so while both are the
   * same the name is still missing.
   */
  absentKeys: DictKeys<PyObject, PyObject> | null = null;
  absentUsable = -1;
  /**
   * For attribute names: a class's shared keys the name was missing from, and their entry
   * count then (instance-attributes.ts flatEntryCached).
   */
  absentSharedKeys: DictKeys<PyObject, PyObject> | null = null;
  absentSharedEntries = -1;
}

export function newNameCache(): NameCache {
  return new NameCache();
}

/** The cached entry of `cache` when it is still valid for `dict`, else -1. */
export function cachedEntry(dict: PyDict, cache: NameCache): number {
  const keys = dict.table.keysObject;
  if (keys !== cache.keys || keys === null) return -1;
  const entry = cache.entry;
  return keys.entryKeys[entry] === cache.key && keys.entryValues[entry] !== undefined ? entry : -1;
}

/** dict[name] for an exact str name: borrowed value or null; remembers where it was found. */
export function cachedDictGet(dict: PyDict, name: PyStr, cache: NameCache): PyObject | null {
  const keys = dict.table.keysObject;
  if (keys === cache.keys && keys !== null) {
    const entry = cache.entry;
    const value = keys.entryValues[entry];
    if (value !== undefined && keys.entryKeys[entry] === cache.key) return value;
  }
  const value = dictGetItem(dict, name);
  if (value !== null) rememberEntry(dict, name, cache);
  return value;
}

/**
 * cachedDictGet for a dict the name is often missing from (the globals of a function that
 * calls `len`): a miss is remembered (see NameCache.absentKeys), sparing the failed lookup the
 * next time.
 */
export function cachedDictGetOrAbsent(dict: PyDict, name: PyStr, cache: NameCache): PyObject | null {
  const table = dict.table;
  const keys = table.keysObject;
  if (keys === cache.absentKeys && keys !== null && keys.usable === cache.absentUsable) return null;
  const value = cachedDictGet(dict, name, cache);
  if (value === null && keys !== null && !table.isSplit) {
    cache.absentKeys = keys;
    cache.absentUsable = keys.usable;
  }
  return value;
}

/** Points `cache` at the entry holding `name` in a str-keyed combined table (else leaves it). */
export function rememberEntry(dict: PyDict, name: PyStr, cache: NameCache): void {
  const table = dict.table;
  const keys = table.keysObject;
  if (keys === null || keys.kind !== "unicode" || table.isSplit) return;
  const entry = keys.lookupText(name.value, table.ops);
  if (entry < 0 || keys.entryValues[entry] === undefined) return;
  cache.keys = keys;
  cache.entry = entry;
  cache.key = keys.entryKeys[entry]!;
}

/** typeLookup(type, name) (borrowed or null), answered from `cache` while no class changed. */
export function cachedTypeLookup(type: PyType, name: PyStr, cache: NameCache): PyObject | null {
  const epoch = rt.typeEpoch;
  if (cache.lookupType === type && cache.lookupEpoch === epoch) return cache.lookupResult;
  const found = typeLookup(type, name.value);
  cache.lookupType = type;
  cache.lookupEpoch = epoch;
  cache.lookupResult = found;
  return found;
}
