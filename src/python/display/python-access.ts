// Python-level operations the pretty printer performs the way IPython's Python code does them:
// getattr with a default, IPython's `_safe_getattr`, iteration, calls by name.
import type { PyObject } from "../runtime/object.js";
import { decref } from "../runtime/object.js";
import { rt } from "../runtime/state.js";
import { PyRaise, discardRaise, raisedIs } from "../runtime/errors.js";
import { lookupAttr } from "../runtime/abstract/attributes.js";
import { getIter, iterNext } from "../runtime/abstract/iteration.js";
import { call } from "../runtime/abstract/object-protocol.js";
import { internName, type PyStr } from "../runtime/types/str.js";
import { dictGetItem } from "../runtime/types/dict.js";

/** `getattr(obj, name, None)`: a new reference, or null when missing (AttributeError only). */
export function attributeOrNull(value: PyObject, name: string): PyObject | null {
  const nameObject = internName(name);
  try {
    return lookupAttr(value, nameObject);
  } catch (error) {
    if (error instanceof PyRaise && raisedIs(error, rt.exc.AttributeError)) {
      discardRaise(error);
      return null;
    }
    throw error;
  } finally {
    decref(nameObject);
  }
}

/** IPython's `_safe_getattr(obj, name, None)`: any Exception means "missing". New reference or null. */
export function safeAttribute(value: PyObject, name: string): PyObject | null {
  try {
    return attributeOrNull(value, name);
  } catch (error) {
    if (isCatchableException(error)) {
      discardRaise(error);
      return null;
    }
    throw error;
  }
}

/** True for what `except Exception:` catches (never simulator refusals or limits). */
export function isCatchableException(error: unknown): error is PyRaise {
  return error instanceof PyRaise && raisedIs(error, rt.exc.Exception);
}

/** Runs `body`; an `except Exception` around it returns `fallback()` instead. */
export function exceptException<T>(body: () => T, fallback: () => T): T {
  try {
    return body();
  } catch (error) {
    if (isCatchableException(error)) {
      discardRaise(error);
      return fallback();
    }
    throw error;
  }
}

/** The JS text of a str object (or str subclass), or null for anything else. */
export function textOf(value: PyObject | null): string | null {
  if (value === null || !value.type.isSubtypeOf(rt.types.str)) return null;
  return (value as PyStr).value;
}

/** `for item in iterable`, each item borrowed for the duration of `visit`; stops when it returns false. */
export function forEachItem(iterable: PyObject, visit: (item: PyObject) => boolean | void): void {
  const iterator = getIter(iterable);
  try {
    for (;;) {
      const item = iterNext(iterator);
      if (item === null) return;
      try {
        if (visit(item) === false) return;
      } finally {
        decref(item);
      }
    }
  } finally {
    decref(iterator);
  }
}

/** `callable(*args, **keywords)` with borrowed arguments; returns a new reference. */
export function callWith(callable: PyObject, args: readonly PyObject[], keywords: readonly (readonly [string, PyObject])[] = []): PyObject {
  if (keywords.length === 0) return call(callable, { values: args, kwnames: null });
  return call(callable, { values: [...args, ...keywords.map(([, value]) => value)], kwnames: keywords.map(([name]) => name) });
}

/** A builtin from the builtins module (borrowed), for calls IPython makes by name (sorted, list, dict). */
export function builtinNamed(name: string): PyObject {
  const key = internName(name);
  const found = dictGetItem(rt.builtins.dict, key);
  decref(key);
  if (found === null) throw new Error(`simulator bug: builtins.${name} is missing`);
  return found;
}
