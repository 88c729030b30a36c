// Attribute builtins: getattr, setattr, hasattr, delattr, vars, dir, globals, locals.
import type { PyObject } from "../runtime/object.js";
import { decref } from "../runtime/object.js";
import { rt } from "../runtime/state.js";
import type { CallArgs } from "../runtime/slots.js";
import type { MethodDef } from "../runtime/method-def.js";
import { typeError, PyRaise, discardRaise, type PyRaise as PyRaiseType } from "../runtime/errors.js";
import { newNone, newBool } from "../runtime/values.js";
import { PyStr, intern, internName } from "../runtime/types/str.js";
import { newList } from "../runtime/types/list.js";
import { getAttr, lookupAttr, setAttr } from "../runtime/abstract/attributes.js";
import { call } from "../runtime/abstract/object-protocol.js";
import { lookupSpecial, callBoundSpecial } from "../runtime/slot-table.js";
import { callThroughArgumentTuple } from "../runtime/argument-tuple.js";
import { collectItems } from "../runtime/types/sequence-helpers.js";
import { checkPositionalCount, rejectKeywords } from "./arguments.js";
import { namesInScope, scopeGlobals, scopeLocals } from "./dir.js";

/**
 * An attribute name as the lookups expect it: the exact str itself, or an interned exact str
 * with a str subclass's value (the attribute machinery hashes names as plain str). New reference.
 */
function exactName(name: PyObject): PyStr {
  if (name.type === rt.types.str) {
    name.refcount++;
    return name as PyStr;
  }
  return internName((name as PyStr).value);
}

/**
 * Drops the call's reference to its name, which _PyType_Lookup's cache may keep from now on
 * (PyStr.wasLookupName). While the call ran, that reference stood in for the cache's.
 */
function releaseLookupName(name: PyStr): void {
  name.markLookupName();
  decref(name);
}

/** The name argument of getattr/hasattr: ≤3.10 "getattr(): attribute name must be string". */
function lookupName(functionName: string, name: PyObject): PyStr {
  if (name.type.isSubtypeOf(rt.types.str)) return exactName(name);
  if (rt.profile.minor < 11) throw typeError(`${functionName}(): attribute name must be string`);
  throw typeError(`attribute name must be string, not '${name.type.name}'`);
}

/** The name argument of setattr/delattr (PyObject_SetAttr's check). New reference. */
function storeName(name: PyObject): PyStr {
  if (name.type.isSubtypeOf(rt.types.str)) {
    // PyObject_SetAttr interns the name in place first (immortal on 3.12, as every interned str).
    return intern(exactName(name), false);
  }
  throw typeError(`attribute name must be string, not '${name.type.name}'`);
}

function isAttributeError(error: unknown): error is PyRaiseType {
  return error instanceof PyRaise && error.exception.type.isSubtypeOf(rt.exc.AttributeError);
}

function getattr(_self: PyObject, args: CallArgs): PyObject {
  rejectKeywords("getattr", args);
  const values = args.values;
  checkPositionalCount("getattr", values.length, 2, 3);
  const object = values[0]!;
  const name = lookupName("getattr", values[1]!);
  try {
    const fallback = values[2];
    if (fallback === undefined) return getAttr(object, name);
    try {
      const value = lookupAttr(object, name);
      if (value !== null) return value;
    } catch (error) {
      if (!isAttributeError(error)) throw error;
      discardRaise(error);
    }
    fallback.refcount++;
    return fallback;
  } finally {
    releaseLookupName(name);
  }
}

function hasattr(_self: PyObject, args: CallArgs): PyObject {
  rejectKeywords("hasattr", args);
  const values = args.values;
  checkPositionalCount("hasattr", values.length, 2, 2);
  const name = lookupName("hasattr", values[1]!);
  try {
    const value = lookupAttr(values[0]!, name);
    if (value === null) return newBool(false);
    decref(value);
    return newBool(true);
  } catch (error) {
    if (!isAttributeError(error)) throw error;
    discardRaise(error);
    return newBool(false);
  } finally {
    releaseLookupName(name);
  }
}

function setattr(_self: PyObject, args: CallArgs): PyObject {
  rejectKeywords("setattr", args);
  const values = args.values;
  checkPositionalCount("setattr", values.length, 3, 3);
  const name = storeName(values[1]!);
  try {
    setAttr(values[0]!, name, values[2]!);
  } finally {
    releaseLookupName(name);
  }
  return newNone();
}

function delattr(_self: PyObject, args: CallArgs): PyObject {
  rejectKeywords("delattr", args);
  const values = args.values;
  checkPositionalCount("delattr", values.length, 2, 2);
  const name = storeName(values[1]!);
  try {
    setAttr(values[0]!, name, null);
  } finally {
    releaseLookupName(name);
  }
  return newNone();
}

function vars(_self: PyObject, args: CallArgs): PyObject {
  rejectKeywords("vars", args);
  const values = args.values;
  checkPositionalCount("vars", values.length, 0, 1);
  if (values.length === 0) return scopeLocals();
  const key = internName("__dict__");
  try {
    return getAttr(values[0]!, key);
  } catch (error) {
    if (!isAttributeError(error)) throw error;
    discardRaise(error);
    throw typeError("vars() argument must have __dict__ attribute");
  } finally {
    decref(key);
  }
}

/** PyObject_Dir: type(obj).__dir__(obj), then sorted into a new list. */
function dir(_self: PyObject, args: CallArgs): PyObject {
  rejectKeywords("dir", args);
  const values = args.values;
  checkPositionalCount("dir", values.length, 0, 1);
  if (values.length === 0) return sortedList(namesInScope());
  const object = values[0]!;
  const method = lookupSpecial(object, "__dir__");
  if (method === null) throw typeError("object does not provide __dir__");
  // _dir_object binds __dir__ (_PyObject_LookupSpecial), and the call packs the argument into a
  // tuple (METH_VARARGS; 3.6's call already did): measured inside __dir__, the object's refcount
  // is two above a plain method call's, one on 3.12.
  const minor = rt.profile.minor;
  if (minor === 6 || minor === 12) return sortedList(callBoundSpecial(object, method, []));
  return callThroughArgumentTuple(args, 1, () => sortedList(callBoundSpecial(object, method, [])));
}

/** list(names) sorted with list.sort(); consumes `names`. */
function sortedList(names: PyObject): PyObject {
  let list: PyObject;
  try {
    list = newList(collectItems(names));
  } finally {
    decref(names);
  }
  const key = internName("sort");
  try {
    const sort = getAttr(list, key);
    try {
      decref(call(sort, { values: [], kwnames: null }));
    } finally {
      decref(sort);
    }
  } catch (error) {
    decref(list);
    throw error;
  } finally {
    decref(key);
  }
  return list;
}

export const ATTRIBUTE_BUILTINS: readonly MethodDef[] = [
  { name: "getattr", kind: "keywords", impl: getattr },
  { name: "setattr", kind: "keywords", impl: setattr },
  { name: "hasattr", kind: "keywords", impl: hasattr },
  { name: "delattr", kind: "keywords", impl: delattr },
  { name: "vars", kind: "keywords", impl: vars },
  { name: "dir", kind: "keywords", impl: dir },
  { name: "globals", kind: "noargs", impl: () => scopeGlobals() },
  { name: "locals", kind: "noargs", impl: () => scopeLocals() },
];
