// Building and unpacking containers for generated code (BUILD_*, *_APPEND, UNPACK_*).
import type { PyObject } from "../object.js";
import { decref } from "../object.js";
import { rt } from "../state.js";
import { calleeDescription } from "./callee-description.js";
import { typeError, valueError, discardRaise, PyRaise } from "../errors.js";
import { newList, PyList, listAppendStealing } from "../types/list.js";
import { newTupleStealing, PyTuple } from "../types/tuple.js";
import { newSetStealing, setAddItem, setUpdateInternal, PySet } from "../types/set.js";
import { newDictPresized, dictSetItem, dictSetItemHandingKey, PyDict, dictGetItem, dictForEach } from "../types/dict.js";
import { newSliceStealing } from "../types/slice.js";
import { listExtend as extendList } from "../types/list-spec.js";
import { dictUpdateFrom } from "../types/dict-spec.js";
import { collectItems } from "../types/sequence-helpers.js";
import { getIter, iterNext } from "../abstract/iteration.js";
import { PyStr } from "../types/str.js";
import { PyFunction } from "../types/function.js";
import { setItem } from "../abstract/items.js";
import { whileRefcountUnknown } from "../memory/memory-reader.js";

export function buildList(items: PyObject[]): PyObject {
  return newList(items);
}

export function buildTuple(items: PyObject[]): PyObject {
  return newTupleStealing(items);
}

export function buildSet(items: PyObject[]): PyObject {
  return newSetStealing(items);
}

export function buildDict(count: number): PyObject {
  return newDictPresized(count);
}

export function buildSlice(lower: PyObject, upper: PyObject, step: PyObject): PyObject {
  return newSliceStealing(lower, upper, step);
}

/** LIST_APPEND (comprehensions): steals `value`. */
export function listAppend(list: PyObject, value: PyObject): void {
  listAppendStealing(list as PyList, value);
}

/** SET_ADD: steals `value`. */
export function setAdd(set: PyObject, value: PyObject): void {
  try {
    setAddItem(set as PySet, value);
  } finally {
    decref(value);
  }
}

/**
 * BUILD_MAP n, made after its n pairs were evaluated: `items` alternates key and value, all
 * borrowed. They are inserted in order while the stack still holds every pair (a key's
 * __hash__/__eq__ sees that reference), and released by the caller afterwards.
 */
export function buildMap(items: PyObject[]): PyObject {
  const dict = newDictPresized(items.length / 2);
  try {
    for (let index = 0; index < items.length; index += 2) dictSetItem(dict, items[index]!, items[index + 1]!);
  } catch (error) {
    decref(dict);
    throw error;
  }
  return dict;
}

/**
 * ≤3.8 BUILD_MAP_UNPACK: a display with `**` evaluates all its parts (dicts of its plain items,
 * and the unpacked mappings) before merging them, in order, into a new dict. Parts borrowed.
 */
export function mergeMappings(parts: PyObject[]): PyObject {
  const dict = newDictPresized(0);
  try {
    for (const part of parts) dictUpdate(dict, part);
  } catch (error) {
    decref(dict);
    throw error;
  }
  return dict;
}

/** BUILD_MAP entries (PyDict_SetItem): steals key and value. */
export function dictSetItemStealing(dict: PyObject, key: PyObject, value: PyObject): void {
  try {
    dictSetItem(dict as PyDict, key, value);
  } finally {
    decref(key);
    decref(value);
  }
}

/**
 * STORE_SUBSCR. 3.11+ specialises it for an exact dict once the site (3.12+) or the code (3.11)
 * is warm: STORE_SUBSCR_DICT hands the key's stack reference to the dict where the generic path
 * takes one more, so what a Python-level __hash__/__eq__ of the key sees of its count depends
 * on warm-up the simulator does not model. Reading that count meanwhile is refused.
 */
export function storeSubscript(container: PyObject, key: PyObject, value: PyObject): void {
  if (container.type !== rt.types.dict || !key.type.heapType || rt.profile.minor <= 10) {
    setItem(container, key, value);
    return;
  }
  const why = "the reference count of a dict key while `d[key] = value` stores it (3.11+ specialises that store after a warm-up)";
  whileRefcountUnknown(key, why, () => setItem(container, key, value));
}

/** MAP_ADD: steals key and value; 3.11+ hands the key's reference over before hashing it. */
export function mapAdd(dict: PyObject, key: PyObject, value: PyObject): void {
  try {
    if (rt.profile.minor >= 11) dictSetItemHandingKey(dict as PyDict, key, value);
    else dictSetItem(dict as PyDict, key, value);
  } finally {
    decref(key);
    decref(value);
  }
}

/**
 * LIST_EXTEND: `iterable` borrowed. `callable`: the callee when the list gathers a call's
 * positional arguments, which up to 3.8 (BUILD_TUPLE_UNPACK_WITH_CALL) names it in the error.
 */
export function listExtend(list: PyObject, iterable: PyObject, callable: PyObject | null = null): void {
  if (!isStarIterable(iterable)) {
    if (callable !== null && rt.profile.minor <= 8) throw starArgumentError(callable, iterable);
    throw typeError(`Value after * must be an iterable, not ${iterable.type.name}`);
  }
  extendList(list, iterable);
}

/** What check_args_iterable accepts after `*`: an iterable or a sequence. */
export function isStarIterable(iterable: PyObject): boolean {
  return iterable.type.iter !== null || iterable.type.getitem !== null;
}

/** f(*x) of a non-iterable x: the error that names the callee. */
export function starArgumentError(callable: PyObject, iterable: PyObject): PyRaise {
  return typeError(`${calleeDescription(callable)} argument after * must be an iterable, not ${iterable.type.name}`);
}

/** SET_UPDATE ({*x}, and 3.9+'s constant displays): _PySet_Update, a set_merge for sets. `iterable` borrowed. */
export function setUpdate(set: PyObject, iterable: PyObject): void {
  setUpdateInternal(set as PySet, iterable);
}

/**
 * DICT_UPDATE ({**mapping}): `mapping` borrowed. Any AttributeError of the update (no keys(),
 * or one raised inside it) becomes CPython's TypeError.
 */
export function dictUpdate(dict: PyObject, mapping: PyObject): void {
  try {
    dictUpdateFrom(dict as PyDict, mapping);
  } catch (error) {
    if (!(error instanceof PyRaise) || !error.exception.type.isSubtypeOf(rt.exc.AttributeError)) throw error;
    discardRaise(error);
    throw typeError(`'${mapping.type.name}' object is not a mapping`);
  }
}

/** DICT_MERGE for f(**mapping): keys must be str and must not repeat. */
export function dictMergeKeywords(dict: PyObject, mapping: PyObject, callable: PyObject): void {
  const source = mapping instanceof PyDict ? mapping : null;
  const entries: [PyObject, PyObject][] = [];
  if (source !== null) dictForEach(source, (key, value) => void entries.push([key, value]));
  else {
    const temporary = newDictPresized(0);
    try {
      try {
        dictUpdateFrom(temporary, mapping);
      } catch (error) {
        // As DICT_UPDATE: an AttributeError of the update (no keys(), or one it raised) is reworded.
        if (!(error instanceof PyRaise) || !error.exception.type.isSubtypeOf(rt.exc.AttributeError)) throw error;
        discardRaise(error);
        throw typeError(`${calleeDescription(callable)} argument after ** must be a mapping, not ${mapping.type.name}`);
      }
      dictForEach(temporary, (key, value) => {
        key.refcount++;
        value.refcount++;
        entries.push([key, value]);
      });
    } finally {
      decref(temporary);
    }
  }
  try {
    for (const [key, value] of entries) {
      if (!(key instanceof PyStr)) throw typeError(rt.profile.minor >= 9 ? "keywords must be strings" : `${calleeDescription(callable)} keywords must be strings`);
      if (dictGetItem(dict as PyDict, key) !== null) throw typeError(`${calleeDescription(callable)} got multiple values for keyword argument '${key.value}'`);
      dictSetItem(dict as PyDict, key, value);
    }
  } finally {
    if (source === null) for (const [key, value] of entries) {
      decref(key);
      decref(value);
    }
  }
}

/** A keyword argument of a starred call: steals `value`. */
export function dictSetKeyword(dict: PyObject, name: PyStr, value: PyObject, callable: PyObject): void {
  try {
    if (dictGetItem(dict as PyDict, name) !== null) throw typeError(`${calleeDescription(callable)} got multiple values for keyword argument '${name.value}'`);
    dictSetItem(dict as PyDict, name, value);
  } finally {
    decref(value);
  }
}

/** LIST_TO_TUPLE: steals the list. */
export function listToTuple(list: PyObject): PyObject {
  const items = (list as PyList).items;
  for (const item of items) item.refcount++;
  const tuple = newTupleStealing(items.slice());
  decref(list);
  return tuple;
}

function unpackMessage(expected: number, got: number | null): string {
  if (got !== null && got < expected) return `not enough values to unpack (expected ${expected}, got ${got})`;
  if (rt.profile.minor >= 14 && got !== null) return `too many values to unpack (expected ${expected}, got ${got})`;
  return `too many values to unpack (expected ${expected})`;
}

/** UNPACK_SEQUENCE: `count` owned references, in order. */
export function unpack(value: PyObject, count: number): PyObject[] {
  if (value.type === rt.types.tuple || value.type === rt.types.list) {
    const items = (value as PyTuple | PyList).items;
    if (items.length !== count) throw valueError(unpackMessage(count, items.length));
    const result = items.slice();
    for (const item of result) item.refcount++;
    return result;
  }
  if (value.type.iter === null && value.type.getitem === null) throw typeError(`cannot unpack non-iterable ${value.type.name} object`);
  const iterator = getIter(value);
  const result: PyObject[] = [];
  try {
    for (;;) {
      const item = iterNext(iterator);
      if (item === null) break;
      if (result.length === count) {
        decref(item);
        throw valueError(unpackMessage(count, null));
      }
      result.push(item);
    }
    if (result.length < count) throw valueError(unpackMessage(count, result.length));
  } catch (error) {
    for (const item of result) decref(item);
    throw error;
  } finally {
    decref(iterator);
  }
  return result;
}

/** UNPACK_EX: `before` items, a list of the rest, then `after` items. */
export function unpackEx(value: PyObject, before: number, after: number): PyObject[] {
  if (value.type.iter === null && value.type.getitem === null) throw typeError(`cannot unpack non-iterable ${value.type.name} object`);
  const items = collectItems(value);
  if (items.length < before + after) {
    for (const item of items) decref(item);
    throw valueError(`not enough values to unpack (expected at least ${before + after}, got ${items.length})`);
  }
  const middle = items.slice(before, items.length - after);
  return [...items.slice(0, before), newList(middle), ...items.slice(items.length - after)];
}
