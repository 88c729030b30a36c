// The argument tuple (and keyword dict) CPython builds to call through tp_call or a METH_VARARGS
// function: objects that hold the arguments during the call and show in gc counts and addresses.
import type { PyObject } from "./object.js";
import { decref } from "./object.js";
import { rt } from "./state.js";
import type { CallArgs } from "./slots.js";
import { PyDict, newDict, newDictPresized, dictSetItem } from "./types/dict.js";
import { internName } from "./types/str.js";
import { PyTuple, newTupleStealing } from "./types/tuple.js";
import { keywordDictBeforeTuple } from "../profiles/type-vectorcall.js";
import { PyMethod } from "./types/method.js";
import { call } from "./abstract/object-protocol.js";

/**
 * What _PyObject_MakeTpCall (_PyObject_FastCallKeywords before 3.8) does around tp_call: the
 * positional arguments as a new tuple, the keywords as a new dict, both released after the call.
 */
export function callThroughArgumentTuple(args: CallArgs, positionalCount: number, run: () => PyObject): PyObject {
  const dictFirst = keywordDictBeforeTuple(rt.profile.minor);
  let keywords: PyDict | null = dictFirst ? keywordDict(args, positionalCount) : null;
  const tuple = positionalArgumentTuple(args.values, positionalCount);
  if (!dictFirst) keywords = keywordDict(args, positionalCount);
  try {
    return run();
  } finally {
    decref(tuple);
    if (keywords !== null) decref(keywords);
  }
}

/**
 * callThroughArgumentTuple's tuple of the first `length` values (borrowed): for a call without
 * keywords the caller makes it directly (no closure), runs the call and then releases it.
 */
export function positionalArgumentTuple(values: readonly PyObject[], length = values.length): PyTuple {
  const items = new Array<PyObject>(length);
  for (let i = 0; i < length; i++) {
    const value = values[i]!;
    value.refcount++;
    items[i] = value;
  }
  return (offeredTuple = newTupleStealing(items));
}

/** The argument tuple a call made most recently (borrowed): see takeArgumentTuple. */
let offeredTuple: PyTuple | null = null;

/** Records `tuple` as the argument tuple of the call about to run (a class call's own or f(*t)'s). */
export function offerArgumentTuple(tuple: PyTuple): void {
  offeredTuple = tuple;
}

/** A call that skips its argument tuple (it would leave no trace) offers none. */
export function forgetArgumentTuple(): void {
  offeredTuple = null;
}

/**
 * The argument tuple of the call in progress when it holds exactly `values` (a new reference),
 * else null. BaseException_new keeps the tuple type_call hands it as the exception's args
 * rather than making one; the check guards against a tuple of an earlier call.
 */
export function takeArgumentTuple(values: readonly PyObject[]): PyTuple | null {
  const tuple = offeredTuple;
  offeredTuple = null;
  if (tuple === null || tuple.refcount <= 0 || tuple.items.length !== values.length) return null;
  for (let i = 0; i < values.length; i++) if (tuple.items[i] !== values[i]) return null;
  tuple.refcount++;
  return tuple;
}

/** _PyStack_AsDict: the keyword arguments as a new dict (PyDict_New up to five keys). */
export function keywordDict(args: CallArgs, positionalCount: number): PyDict | null {
  const names = args.kwnames;
  if (names === null || names.length === 0) return null;
  const dict = names.length <= 5 ? newDict() : newDictPresized(names.length);
  for (let i = 0; i < names.length; i++) {
    const key = internName(names[i]!);
    dictSetItem(dict, key, args.values[positionalCount + i]!);
    decref(key);
  }
  return dict;
}


/**
 * A call C code makes with positional arguments (a key function, a map or filter function, a
 * bound special method): up to 3.7 its fast call has no case for a bound method, which is
 * called through tp_call with the arguments in a new tuple meanwhile.
 */
export function callFromRuntime(callable: PyObject, values: readonly PyObject[]): PyObject {
  const args = { values, kwnames: null };
  if (rt.profile.minor <= 7 && values.length > 0 && callable instanceof PyMethod) return callThroughArgumentTuple(args, values.length, () => call(callable, args));
  return call(callable, args);
}
