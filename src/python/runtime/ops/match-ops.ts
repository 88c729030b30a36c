// The runtime half of the match statement (PEP 634): MATCH_SEQUENCE/MAPPING, GET_LEN, MATCH_KEYS, MATCH_CLASS.
import type { PyObject } from "../object.js";
import { decref } from "../object.js";
import { rt } from "../state.js";
import { PyRaise, typeError, valueError } from "../errors.js";
import { PyType } from "../type.js";
import { PyTuple } from "../types/tuple.js";
import { PyStr, internName } from "../types/str.js";
import { newInt } from "../types/int.js";
import { newDict } from "../types/dict.js";
import { getItem, deleteItem, length } from "../abstract/items.js";
import { call } from "../abstract/object-protocol.js";
import { getAttr, lookupAttr } from "../abstract/attributes.js";
import { reprText } from "../abstract/object-protocol.js";
import { richCompareBool } from "../abstract/compare.js";
import { CompareOp } from "../slots.js";
import { isInstance } from "../../modules/builtins-introspection.js";
import { dictUpdate } from "./containers.js";

/** Py_TPFLAGS_SEQUENCE: the built-in sequences the simulator has (and their subclasses). */
export function matchSequence(subject: PyObject): boolean {
  const types = rt.types;
  const type = subject.type;
  return type.isSubtypeOf(types.list) || type.isSubtypeOf(types.tuple) || type.isSubtypeOf(types.range);
}

/** Py_TPFLAGS_MAPPING: dict, mappingproxy and their subclasses. */
export function matchMapping(subject: PyObject): boolean {
  const types = rt.types;
  return subject.type.isSubtypeOf(types.dict) || subject.type.isSubtypeOf(types.mappingproxy);
}

/** GET_LEN: len(subject) as a JS number. */
export function matchLength(subject: PyObject): number {
  return length(subject);
}

/** The subscript a sequence pattern with `*_` uses: subject[index] (a negative index counts from len()). */
export function matchItem(subject: PyObject, index: number): PyObject {
  const position = index >= 0 ? index : length(subject) + index;
  const key = newInt(position);
  try {
    return getItem(subject, key);
  } finally {
    decref(key);
  }
}

/** Equal keys among the evaluated keys of a mapping pattern (value patterns are not checked at compile time). */
function checkDuplicateKeys(keys: readonly PyObject[]): void {
  for (let index = 1; index < keys.length; index++) {
    for (let earlier = 0; earlier < index; earlier++) {
      if (richCompareBool(keys[earlier]!, keys[index]!, CompareOp.Eq)) throw valueError(`mapping pattern checks duplicate key (${reprText(keys[index]!)})`);
    }
  }
}

/**
 * MATCH_KEYS: the values of `keys` in the mapping (new references, in order), looked up with
 * `subject.get(key, dummy)`, or null when a key is missing.
 */
export function matchKeys(subject: PyObject, keys: readonly PyObject[]): PyObject[] | null {
  if (keys.length === 0) return [];
  checkDuplicateKeys(keys);
  const name = internName("get");
  let get: PyObject;
  try {
    get = getAttr(subject, name);
  } finally {
    decref(name);
  }
  const dummy = call(rt.types.object, { values: [], kwnames: null });
  const values: PyObject[] = [];
  try {
    for (const key of keys) {
      const value = call(get, { values: [key, dummy], kwnames: null });
      if (value === dummy) {
        decref(value);
        for (const taken of values) decref(taken);
        return null;
      }
      values.push(value);
    }
    return values;
  } catch (error) {
    for (const taken of values) decref(taken);
    throw error;
  } finally {
    decref(dummy);
    decref(get);
  }
}

/** `**rest`: a new dict of the mapping's items without the pattern's keys. */
export function matchRest(subject: PyObject, keys: readonly PyObject[]): PyObject {
  const rest = newDict();
  try {
    dictUpdate(rest, subject);
    for (const key of keys) deleteItem(rest, key);
  } catch (error) {
    decref(rest);
    throw error;
  }
  return rest;
}

/** The builtins whose class pattern with one positional sub-pattern matches the subject itself (_Py_TPFLAGS_MATCH_SELF). */
function matchesSelf(type: PyType): boolean {
  const types = rt.types as unknown as Record<string, PyType | undefined>;
  for (const name of ["bool", "bytearray", "bytes", "dict", "float", "frozenset", "int", "list", "set", "str", "tuple"]) {
    const builtin = types[name];
    if (builtin !== undefined && type.isSubtypeOf(builtin)) return true;
  }
  return false;
}

/** One attribute of a class pattern: a new reference, or null when the subject lacks it. */
function classAttribute(subject: PyObject, type: PyType, name: PyStr, seen: Set<string>): PyObject | null {
  if (seen.has(name.value)) throw typeError(`${type.name}() got multiple sub-patterns for attribute ${reprText(name)}`);
  seen.add(name.value);
  return lookupAttr(subject, name);
}

/**
 * MATCH_CLASS: the attributes the sub-patterns match (new references: positional ones named
 * by __match_args__, then keyword ones), or null when the subject is not an instance or lacks
 * one of them.
 */
export function matchClass(subject: PyObject, cls: PyObject, positional: number, keywords: readonly string[]): PyObject[] | null {
  if (!(cls instanceof PyType)) throw typeError(rt.profile.minor >= 12 ? "called match pattern must be a class" : "called match pattern must be a type");
  if (!isInstance(subject, cls)) return null;
  const seen = new Set<string>();
  const attributes: PyObject[] = [];
  try {
    if (positional > 0) {
      let matchArgs: PyObject | null;
      const name = internName("__match_args__");
      try {
        matchArgs = lookupAttr(cls, name);
      } finally {
        decref(name);
      }
      let matchSelf = false;
      if (matchArgs === null) {
        matchSelf = matchesSelf(cls);
      } else if (matchArgs.type !== rt.types.tuple) {
        const got = matchArgs.type.name;
        decref(matchArgs);
        throw typeError(`${cls.name}.__match_args__ must be a tuple (got ${got})`);
      }
      const names = matchArgs === null ? [] : (matchArgs as PyTuple).items;
      try {
        const allowed = matchSelf ? 1 : names.length;
        if (allowed < positional) {
          throw typeError(`${cls.name}() accepts ${allowed} positional sub-pattern${allowed === 1 ? "" : "s"} (${positional} given)`);
        }
        if (matchSelf) {
          subject.refcount++;
          attributes.push(subject);
        } else {
          for (let index = 0; index < positional; index++) {
            const attributeName = names[index]!;
            if (attributeName.type !== rt.types.str) throw typeError(`__match_args__ elements must be strings (got ${attributeName.type.name})`);
            const value = classAttribute(subject, cls, attributeName as PyStr, seen);
            if (value === null) {
              for (const taken of attributes) decref(taken);
              return null;
            }
            attributes.push(value);
          }
        }
      } finally {
        if (matchArgs !== null) decref(matchArgs);
      }
    }
    for (const keyword of keywords) {
      const name = internName(keyword);
      let value: PyObject | null;
      try {
        value = classAttribute(subject, cls, name, seen);
      } finally {
        decref(name);
      }
      if (value === null) {
        for (const taken of attributes) decref(taken);
        return null;
      }
      attributes.push(value);
    }
    return attributes;
  } catch (error) {
    if (error instanceof PyRaise) for (const taken of attributes.splice(0)) decref(taken);
    throw error;
  }
}
