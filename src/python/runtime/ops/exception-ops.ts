// raise, except matching, the "being handled" stack (sys.exc_info, __context__) and `with`.
import type { PyObject } from "../object.js";
import { decref } from "../object.js";
import { rt } from "../state.js";
import { PyRaise, typeError, pyError, attributeError, Unsupported, LimitExceeded } from "../errors.js";
import { PyType } from "../type.js";
import { PyTuple } from "../types/tuple.js";
import { PyBaseException, addTracebackEntry } from "../types/exceptions.js";
import { call } from "../abstract/object-protocol.js";
import { isTrue } from "../abstract/truth.js";
import { lookupSpecial, callSpecial } from "../slot-table.js";
import type { PyCode } from "../types/code.js";
import { newTraceback } from "../types/traceback.js";
import { newNone } from "../values.js";
import { SimulatedCrash } from "../errors.js";

/** Exceptions being handled by enclosing except blocks, innermost last (owned references). */
const handledStack: PyObject[] = [];

export function currentHandled(): PyObject | null {
  return handledStack.length > 0 ? handledStack[handledStack.length - 1]! : null;
}

export function resetHandled(): void {
  for (const exception of handledStack.splice(0)) decref(exception);
}

/** Makes an exception instance from `raise X` (a class is called without arguments). */
function instantiate(value: PyObject): PyObject {
  if (value instanceof PyType) {
    if (!value.isSubtypeOf(rt.exc.BaseException)) throw typeError("exceptions must derive from BaseException");
    const instance = call(value, { values: [], kwnames: null });
    if (!(instance instanceof PyBaseException)) {
      const name = instance.type.name;
      decref(instance);
      throw typeError(`calling ${value.name} should have returned an instance of BaseException, not ${name}`);
    }
    return instance;
  }
  if (!(value instanceof PyBaseException)) throw typeError("exceptions must derive from BaseException");
  value.refcount++;
  return value;
}

/** Sets __context__ to the exception being handled, as CPython does on every raise. */
function chainContext(exception: PyBaseException): void {
  const handled = currentHandled();
  if (handled === null || handled === exception || exception.context !== null) return;
  handled.refcount++;
  exception.context = handled;
}

/** RAISE_VARARGS: steals `value` and `cause` (undefined: no `from`). */
export function raise(value: PyObject, cause: PyObject | undefined): never {
  let exception: PyObject;
  try {
    exception = instantiate(value);
  } finally {
    decref(value);
  }
  const instance = exception as PyBaseException;
  if (cause !== undefined) {
    try {
      let causeInstance: PyObject | null = null;
      if (cause !== rt.None) causeInstance = instantiate(cause);
      const old = instance.cause;
      instance.cause = causeInstance;
      instance.suppressContext = true;
      if (old !== null) decref(old);
    } catch (error) {
      decref(exception);
      throw error;
    } finally {
      decref(cause);
    }
  }
  chainContext(instance);
  throw new PyRaise(exception);
}

/** A bare `raise`: re-raises the exception being handled. */
export function reraise(): never {
  const handled = currentHandled();
  if (handled === null) throw pyError(rt.exc.RuntimeError, "No active exception to reraise");
  handled.refcount++;
  throw new PyRaise(handled);
}

function matchesType(exception: PyObject, type: PyObject): boolean {
  if (type instanceof PyTuple) return type.items.some((item) => matchesType(exception, item));
  if (!(type instanceof PyType) || !type.isSubtypeOf(rt.exc.BaseException)) {
    throw typeError("catching classes that do not inherit from BaseException is not allowed");
  }
  return exception.type.isSubtypeOf(type);
}

/** `except T:` test. */
export function matches(caught: PyRaise, type: PyObject): boolean {
  return matchesType(caught.exception, type);
}

/** Entering an except block: the exception becomes "being handled". */
export function enterHandler(caught: PyRaise): void {
  caught.exception.refcount++;
  handledStack.push(caught.exception);
}

export function exitHandler(): void {
  const exception = handledStack.pop();
  if (exception !== undefined) decref(exception);
}

/** `except T as e`: the exception object (new reference). */
export function exceptionObject(caught: PyRaise): PyObject {
  caught.exception.refcount++;
  return caught.exception;
}

/** The traceback object of an exception being handled (sys.exc_info()[2]). */
export function tracebackOf(exception: PyObject): PyObject {
  if (!(exception instanceof PyBaseException)) return newNone();
  if (exception.tracebackObject === null && exception.traceback.length > 0) exception.tracebackObject = newTraceback(exception.traceback);
  const traceback = exception.tracebackObject ?? rt.None;
  traceback.refcount++;
  return traceback;
}

/** assert failure: steals `message` (null when there is none). */
export function assertFail(message: PyObject | null): never {
  if (message === null) throw pyError(rt.exc.AssertionError, null);
  try {
    throw new PyRaise(rt.newExceptionWithArgs(rt.exc.AssertionError, [message]));
  } finally {
    decref(message);
  }
}

/** `with cm`: looks up __enter__/__exit__ on the type, calls __enter__. Returns [exit, value]. */
export function withEnter(manager: PyObject): [PyObject, PyObject] {
  const enter = lookupSpecial(manager, "__enter__");
  const exit = lookupSpecial(manager, "__exit__");
  if (enter === null || exit === null) {
    if (rt.profile.minor >= 11) {
      const missing = enter === null ? "" : " (missed __exit__ method)";
      throw typeError(`'${manager.type.name}' object does not support the context manager protocol${missing}`);
    }
    throw attributeError(enter === null ? "__enter__" : "__exit__");
  }
  const boundExit = exit.type.descrGet !== null ? exit.type.descrGet(exit, manager, manager.type) : (exit.refcount++, exit);
  try {
    return [boundExit, callSpecial(manager, enter, [])];
  } catch (error) {
    decref(boundExit);
    throw error;
  }
}

/** __exit__ with the exception; true when it asks to suppress it (the exception is dropped). */
export function withExitException(exit: PyObject, caught: PyRaise): boolean {
  const exception = caught.exception;
  enterHandler(caught);
  let result: PyObject;
  try {
    const traceback = tracebackOf(exception);
    try {
      result = call(exit, { values: [exception.type, exception, traceback], kwnames: null });
    } finally {
      decref(traceback);
    }
  } finally {
    exitHandler();
  }
  try {
    const suppress = isTrue(result);
    if (suppress) decref(exception);
    return suppress;
  } finally {
    decref(result);
  }
}

export function withExitNormal(exit: PyObject): void {
  decref(call(exit, { values: [rt.None, rt.None, rt.None], kwnames: null }));
}

/**
 * Records the frame an exception leaves (the function-level handler of every code object), so
 * tracebacks list the lines; simulator refusals remember the innermost line they happened at.
 */
export function traceback(error: unknown, code: PyCode, line: number): unknown {
  if (error instanceof PyRaise) {
    if (error.exception instanceof PyBaseException) addTracebackEntry(error.exception, code, line);
  } else if (error instanceof Unsupported || error instanceof LimitExceeded || error instanceof SimulatedCrash) {
    const located = error as { line?: number; filename?: string };
    if (located.line === undefined) {
      located.line = line;
      located.filename = code.info.filename;
    }
  }
  return error;
}
