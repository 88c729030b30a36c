// Name lookups for generated code: namespaces (LOAD_NAME), globals, cells, unbound errors.
import type { PyObject } from "../object.js";
import { decref } from "../object.js";
import { rt } from "../state.js";
import { pyError, nameError } from "../errors.js";
import { PyDict, dictGetItem, dictSetItem, dictDeleteItem } from "../types/dict.js";
import type { PyStr } from "../types/str.js";
import { PyCell, newCell as makeCell } from "../types/cell.js";
import { getItem, setItem, deleteItem } from "../abstract/items.js";
import { PyRaise, discardRaise, Unsupported } from "../errors.js";
import { isMissingBuiltin, isUnsimulatedIPythonName } from "../../modules/builtins.js";
import { setExceptionAttribute } from "../types/exceptions.js";
import { gcTrack, isTracked } from "../gc/tracking.js";
import { type NameCache, cachedDictGet, cachedDictGetOrAbsent, cachedEntry, rememberEntry } from "./name-cache.js";

/** MAINTAIN_TRACKING: a dict starts being tracked once it holds a possible cycle member. */
function mayBeTracked(value: PyObject): boolean {
  return value.type.layout.gc && (value.type !== rt.types.tuple || isTracked(value));
}

/** A lookup in a namespace that may be a dict subclass or another mapping (class bodies). */
function namespaceGet(namespace: PyObject, name: PyStr, cache: NameCache | null): PyObject | null {
  if (namespace.type === rt.types.dict) {
    const value = cache === null ? dictGetItem(namespace as PyDict, name) : cachedDictGet(namespace as PyDict, name, cache);
    if (value !== null) value.refcount++;
    return value;
  }
  try {
    return getItem(namespace, name);
  } catch (error) {
    if (error instanceof PyRaise && error.exception.type.isSubtypeOf(rt.exc.KeyError)) {
      discardRaise(error);
      return null;
    }
    throw error;
  }
}

/** LOAD_NAME: the local namespace, then globals, then builtins. New reference. */
export function loadName(namespace: PyObject, globals: PyObject, builtins: PyObject, name: PyStr, cache: NameCache): PyObject {
  const local = namespaceGet(namespace, name, cache);
  if (local !== null) return local;
  if (namespace !== globals) {
    const global = cachedDictGet(globals as PyDict, name, cache);
    if (global !== null) {
      global.refcount++;
      return global;
    }
  }
  const builtin = cachedDictGet(builtins as PyDict, name, cache);
  if (builtin !== null) {
    builtin.refcount++;
    return builtin;
  }
  throw missingName(name);
}

/**
 * loadName for generated code that counts the reference itself (so the increment keeps the
 * site's own type feedback): the value borrowed when the namespace is an exact dict (the same
 * lookups and errors as loadName), null when it is another mapping (then loadName is called).
 */
export function loadNameBorrowed(namespace: PyObject, globals: PyObject, builtins: PyObject, name: PyStr, cache: NameCache): PyObject | null {
  if (namespace.type !== rt.types.dict) return null;
  // The cache's answer first, kept small so that V8 inlines it at every site of a hot loop.
  const keys = (namespace as PyDict).table.keysObject;
  if (keys === cache.keys && keys !== null) {
    const value = keys.entryValues[cache.entry];
    if (value !== undefined && keys.entryKeys[cache.entry] === cache.key) return value;
  }
  return lookupNameBorrowed(namespace, globals, builtins, name, cache);
}

/** loadNameBorrowed past the cache of the local namespace. */
function lookupNameBorrowed(namespace: PyObject, globals: PyObject, builtins: PyObject, name: PyStr, cache: NameCache): PyObject {
  const local = cachedDictGetOrAbsent(namespace as PyDict, name, cache);
  if (local !== null) return local;
  if (namespace !== globals) {
    const global = cachedDictGetOrAbsent(globals as PyDict, name, cache);
    if (global !== null) return global;
  }
  const builtin = cachedDictGet(builtins as PyDict, name, cache);
  if (builtin !== null) return builtin;
  throw missingName(name);
}

/** loadGlobal, borrowed: generated code counts the reference itself (see loadNameBorrowed). */
export function loadGlobalBorrowed(globals: PyObject, builtins: PyObject, name: PyStr, cache: NameCache): PyObject {
  const global = cachedDictGetOrAbsent(globals as PyDict, name, cache) ?? cachedDictGet(builtins as PyDict, name, cache);
  if (global === null) throw missingName(name);
  return global;
}

/** LOAD_GLOBAL: globals then builtins. New reference. */
export function loadGlobal(globals: PyObject, builtins: PyObject, name: PyStr, cache: NameCache): PyObject {
  const global = cachedDictGetOrAbsent(globals as PyDict, name, cache) ?? cachedDictGet(builtins as PyDict, name, cache);
  if (global === null) throw missingName(name);
  global.refcount++;
  return global;
}

/** A load found no binding: NameError, unless the name is a builtin (or IPython's) the simulator lacks. */
function missingName(name: PyStr): PyRaise {
  if (isMissingBuiltin(name.value)) throw new Unsupported(`the builtin '${name.value}'`);
  if (isUnsimulatedIPythonName(name.value)) throw new Unsupported(`IPython's '${name.value}'`);
  return nameErrorFor(name);
}

function nameErrorFor(name: PyStr): PyRaise {
  const error = nameError(name.value);
  setExceptionAttribute(error.exception, "name", name);
  return error;
}

/** STORE_NAME / STORE_GLOBAL: steals `value`. */
export function storeName(namespace: PyObject, name: PyStr, cache: NameCache, value: PyObject): void {
  const old = storeNameSwap(namespace, name, cache, value);
  if (old !== null && --old.refcount === 0) old.type.dealloc(old);
}

/**
 * storeName, except that when the name was bound in an exact dict the value it replaced is
 * returned for the caller to release (generated code does it at the site, keeping that site's
 * type feedback); null when nothing is left to release.
 */
export function storeNameSwap(namespace: PyObject, name: PyStr, cache: NameCache, value: PyObject): PyObject | null {
  if (namespace.type === rt.types.dict) {
    // The commonest case first, kept small so that V8 inlines it: rebinding a name the cache
    // knows, in a dict the collector already tracks or with a value that cannot make it tracked.
    const dict = namespace as PyDict;
    const entry = cachedEntry(dict, cache);
    if (entry >= 0 && (dict.gcSlot >= 0 || !mayBeTracked(value))) {
      const values = cache.keys!.entryValues;
      const old = values[entry]!;
      values[entry] = value;
      return old;
    }
  }
  return storeNameSwapSlow(namespace, name, cache, value);
}

function storeNameSwapSlow(namespace: PyObject, name: PyStr, cache: NameCache, value: PyObject): PyObject | null {
  if (namespace.type === rt.types.dict) {
    // Rebinding an existing name: swap the value in place (insertdict's existing-key case).
    const dict = namespace as PyDict;
    const entry = cachedEntry(dict, cache);
    let old: PyObject | undefined;
    if (entry >= 0) {
      const values = cache.keys!.entryValues;
      old = values[entry]!;
      values[entry] = value;
    } else {
      old = dict.table.replaceTextValue(name.value, value);
    }
    if (old !== undefined) {
      if (dict.gcSlot < 0 && mayBeTracked(value)) gcTrack(dict);
      if (entry < 0) rememberEntry(dict, name, cache);
      return old;
    }
  }
  try {
    if (namespace.type === rt.types.dict) dictSetItem(namespace as PyDict, name, value);
    else setItem(namespace, name, value);
  } finally {
    decref(value);
  }
  return null;
}

export function deleteName(namespace: PyObject, name: PyStr, raiseNameError: boolean): void {
  if (namespace.type === rt.types.dict) {
    if (!dictDeleteItem(namespace as PyDict, name) && raiseNameError) throw nameErrorFor(name);
    return;
  }
  deleteItem(namespace, name);
}

/** LOAD_CLASSDEREF: a class body reading a variable of the enclosing function. */
export function loadClassFree(namespace: PyObject, name: PyStr, cell: PyObject): PyObject {
  const local = namespaceGet(namespace, name, null);
  if (local !== null) return local;
  return loadCell(cell, name.value, true);
}

export function unboundLocal(name: string): never {
  const message = rt.profile.minor >= 11 ? `cannot access local variable '${name}' where it is not associated with a value` : `local variable '${name}' referenced before assignment`;
  throw pyError(rt.exc.UnboundLocalError, message);
}

/** LOAD_DEREF. New reference. */
export function loadCell(cell: PyObject, name: string, free: boolean): PyObject {
  const contents = (cell as PyCell).contents;
  if (contents !== null) {
    contents.refcount++;
    return contents;
  }
  if (!free) unboundLocal(name);
  const message =
    rt.profile.minor >= 11
      ? `cannot access free variable '${name}' where it is not associated with a value in enclosing scope`
      : `free variable '${name}' referenced before assignment in enclosing scope`;
  throw pyError(rt.exc.NameError, message);
}

/** STORE_DEREF: steals `value`. */
export function storeCell(cell: PyObject, value: PyObject): void {
  const target = cell as PyCell;
  const old = target.contents;
  target.contents = value;
  if (old !== null) decref(old);
}

export function deleteCell(cell: PyObject, name: string): void {
  const target = cell as PyCell;
  const old = target.contents;
  if (old === null) unboundLocal(name);
  target.contents = null;
  decref(old);
}

export function deleteCellQuiet(cell: PyObject): void {
  const target = cell as PyCell;
  const old = target.contents;
  target.contents = null;
  if (old !== null) decref(old);
}

/** The contents of a cell, borrowed (for super()'s first argument). */
export function cellValue(cell: PyObject): PyObject | null {
  return (cell as PyCell).contents;
}

/** MAKE_CELL: steals `value` (may be null). */
export function newCell(value: PyObject | null): PyObject {
  return makeCell(value);
}
