// raise, except matching, the "being handled" stack (sys.exc_info, __context__) and `with`.
import type { PyObject } from "../object.js";
import { decref } from "../object.js";
import { rt } from "../state.js";
import { PyRaise, typeError, pyError, attributeError, Unsupported, LimitExceeded } from "../errors.js";
import { PyType } from "../type.js";
import { PyTuple } from "../types/tuple.js";
import { PyBaseException, addTracebackEntry, outermostFrame } from "../types/exceptions.js";
import { call } from "../abstract/object-protocol.js";
import { isTrue } from "../abstract/truth.js";
import { lookupSpecial, callSpecial } from "../slot-table.js";
import type { PyCode } from "../types/code.js";
import { SimulatedCrash } from "../errors.js";
import { refuseHandlingRecursionLimit } from "./limits.js";
import { newFrame, finishFrame, type PyFrame } from "../types/frame.js";
import { liveFrameFor, rememberLiveFrame, forgetLiveFrame, resetLiveFrames } from "../types/live-frames.js";
import { dictSetItem } from "../types/dict.js";
import { internName } from "../types/str.js";
import { callFromRuntime } from "../argument-tuple.js";

/** Exceptions being handled by enclosing except blocks, innermost last (owned references). */
const handledStack: PyObject[] = [];
/**
 * ≤3.10: the type and traceback the thread's exc_info also holds for each handled exception,
 * as they were when handling began (owned references; 3.11+ exc_info holds the exception only).
 */
const handledTypesAndTracebacks: [PyObject, PyObject][] = [];

export function currentHandled(): PyObject | null {
  return handledStack.length > 0 ? handledStack[handledStack.length - 1]! : null;
}

/** sys.exc_info()[2] of the exception being handled (new reference): ≤3.10 exc_info's own. */
export function currentHandledTraceback(handled: PyObject): PyObject {
  const held = handledTypesAndTracebacks[handledTypesAndTracebacks.length - 1];
  if (rt.profile.minor >= 11 || held === undefined) return tracebackOf(handled);
  held[1].refcount++;
  return held[1];
}

/** A new cell starts with nothing being handled and no frame still running. */
export function resetHandled(): void {
  for (const exception of handledStack.splice(0)) decref(exception);
  for (const [type, traceback] of handledTypesAndTracebacks.splice(0)) {
    decref(type);
    decref(traceback);
  }
  resetLiveFrames();
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
      if (cause !== rt.None) {
        const derives = cause instanceof PyType ? cause.isSubtypeOf(rt.exc.BaseException) : cause instanceof PyBaseException;
        if (!derives) throw typeError("exception causes must derive from BaseException");
        causeInstance = instantiate(cause);
      }
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

/** A bare `raise`: re-raises the exception being handled, adding no traceback entry (RERAISE). */
export function reraise(): never {
  const handled = currentHandled();
  if (handled === null) throw pyError(rt.exc.RuntimeError, "No active exception to reraise");
  handled.refcount++;
  const raised = new PyRaise(handled);
  raised.recordedFrame = outermostFrame(handled);
  throw raised;
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

/**
 * Entering an except block: the exception becomes "being handled". Given the running code and
 * line, the exception first gets its traceback entry for this run (raised or arrived here).
 */
export function enterHandler(caught: PyRaise, code?: PyCode, line?: number): void {
  refuseHandlingRecursionLimit(caught.exception);
  if (code !== undefined && line !== undefined) recordInRun(caught, code, line);
  pushHandled(caught.exception);
}

/** A finally clause entered by an exception passing through: it is being handled meanwhile. */
export function enterFinally(passing: PyRaise): void {
  pushHandled(passing.exception);
}

/** An except* clause's matched part becomes the exception being handled (takes its own reference). */
export function pushHandled(exception: PyObject): void {
  exception.refcount++;
  handledStack.push(exception);
  if (rt.profile.minor <= 10) {
    exception.type.refcount++;
    handledTypesAndTracebacks.push([exception.type, tracebackOf(exception)]);
  }
}

export function exitHandler(): void {
  const exception = handledStack.pop();
  const held = rt.profile.minor <= 10 ? handledTypesAndTracebacks.pop() : undefined;
  if (exception !== undefined) decref(exception);
  if (held !== undefined) {
    decref(held[0]);
    decref(held[1]);
  }
}

/** `except T as e`: the exception object (new reference). */
export function exceptionObject(caught: PyRaise): PyObject {
  caught.exception.refcount++;
  return caught.exception;
}

/** The traceback object of an exception being handled (sys.exc_info()[2]): new reference. */
export function tracebackOf(exception: PyObject): PyObject {
  const traceback = (exception instanceof PyBaseException ? exception.tracebackObject : null) ?? rt.None;
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
    // 3.6 calls __enter__ bound (a reference to the manager) after dropping the stack's reference,
    // which the caller here releases after the call: not counted meanwhile.
    if (rt.profile.minor <= 6) {
      manager.refcount--;
      try {
        return [boundExit, callSpecial(manager, enter, [])];
      } finally {
        manager.refcount++;
      }
    }
    return [boundExit, callSpecial(manager, enter, [])];
  } catch (error) {
    decref(boundExit);
    throw error;
  }
}

/** __exit__ with the exception; true when it asks to suppress it (the exception is dropped). */
export function withExitException(exit: PyObject, caught: PyRaise, code?: PyCode, line?: number): boolean {
  if (code !== undefined && line !== undefined) recordInRun(caught, code, line);
  const exception = caught.exception;
  pushHandled(exception);
  let result: PyObject;
  try {
    // ≤3.10 the traceback is the one on the stack (a reference of its own); 3.11+ passes the
    // exception's __traceback__ borrowed (WITH_EXCEPT_START drops the reference it fetched).
    const traceback = tracebackOf(exception);
    if (rt.profile.minor >= 11) traceback.refcount--;
    try {
      result = callFromRuntime(exit, [exception.type, exception, traceback]);
    } finally {
      if (rt.profile.minor <= 10) decref(traceback);
    }
  } finally {
    exitHandler();
  }
  try {
    const suppress = isTrue(result);
    if (suppress) {
      refuseHandlingRecursionLimit(exception);
      decref(exception);
    }
    return suppress;
  } finally {
    decref(result);
  }
}

export function withExitNormal(exit: PyObject): void {
  // ≤3.7 WITH_CLEANUP_START calls it as C code does (callFromRuntime); 3.8+ by vectorcall.
  decref(callFromRuntime(exit, [rt.None, rt.None, rt.None]));
}

/**
 * PyTraceback_Here for the run of `code` at the current call depth: the exception arrived in
 * this run (raised here or by a callee) and is caught here; its frame object stays running.
 */
export function recordInRun(caught: PyRaise, code: PyCode, line: number): void {
  const exception = caught.exception;
  if (!(exception instanceof PyBaseException)) return;
  let frame = liveFrameFor(code, rt.callDepth) as PyFrame | null;
  if (frame !== null && caught.recordedFrame === frame) return;
  if (frame === null) {
    frame = newFrame(code, rt.callDepth);
    rememberLiveFrame(frame);
    addTracebackEntry(exception, frame, line);
    // 3.11+: the frame object made for the entry stays referenced by the running frame until
    // it ends (so it outlives the traceback, and a later exception here finds it again).
    if (rt.profile.minor >= 11) frame.heldByRun = true;
    else decref(frame);
  } else {
    addTracebackEntry(exception, frame, line);
  }
  caught.recordedFrame = frame;
}

/**
 * The end of a run of `code` (the handler and epilogue every code object's generated function
 * has). With an exception (`error`) leaving the run, the exception gets this run's traceback
 * entry unless it already has it; then (and at a normal end, `error` null) the run's frame
 * object, if one exists, takes its own references to what the run held: the function (`func`),
 * a module's or class body's `namespace`, and the fast locals (`names`, borrowed `values`).
 * Simulator refusals remember the innermost line they happened at. Returns `error`.
 */
export function traceback(
  error: unknown,
  code: PyCode,
  line: number,
  func: PyObject | null = null,
  namespace: PyObject | null = null,
  names: readonly string[] | null = null,
  values: readonly (PyObject | null)[] | null = null,
): unknown {
  const depth = rt.callDepth;
  if (error === null || error instanceof PyRaise) {
    let frame = liveFrameFor(code, depth) as PyFrame | null;
    let created = false;
    if (error !== null && error.exception instanceof PyBaseException && (frame === null || error.recordedFrame !== frame)) {
      if (frame === null) {
        frame = newFrame(code, depth);
        created = true;
      }
      addTracebackEntry(error.exception, frame, line);
      error.recordedFrame = frame;
    }
    if (frame !== null) {
      finishFrame(frame, line, func, namespace, names, values);
      if (created) decref(frame);
      else {
        forgetLiveFrame(frame);
        if (frame.heldByRun) {
          frame.heldByRun = false;
          decref(frame);
        }
      }
    }
  } else if (error instanceof Unsupported || error instanceof LimitExceeded || error instanceof SimulatedCrash) {
    const located = error as { line?: number; filename?: string };
    if (located.line === undefined) {
      located.line = line;
      located.filename = code.info.filename;
    }
  }
  return error;
}

/**
 * What IPython leaves in sys after an uncaught exception (InteractiveShell._get_exc_info):
 * last_type, last_value, last_traceback, and 3.12+'s last_exc.
 */
export function rememberLastException(exception: PyObject): void {
  const traceback = (exception instanceof PyBaseException ? exception.tracebackObject : null) ?? rt.None;
  const entries: [string, PyObject][] = [
    ["last_type", exception.type],
    ["last_value", exception],
    ["last_traceback", traceback],
  ];
  if (rt.profile.minor >= 12) entries.push(["last_exc", exception]);
  for (const [name, value] of entries) {
    const key = internName(name);
    dictSetItem(rt.sys.dict, key, value);
    decref(key);
  }
}
