// How Python exceptions and simulator refusals travel through JavaScript code.
//
// A Python exception is thrown as a PyRaise holding the exception instance (a reference owned by
// the PyRaise). It deliberately does not extend Error: capturing a JS stack trace on every
// Python raise would be slow, and a JS Error means a simulator bug, never a Python exception.
import type { PyObject } from "./object.js";
import type { PyType } from "./type.js";
import { rt } from "./state.js";
import type { FormatError } from "./format/index.js";

export class PyRaise {
  /**
   * The frame object whose traceback entry this raise already has (borrowed, compared only):
   * an exception caught and re-raised in one run of a code object gets one entry for it, as
   * CPython's RERAISE adds none.
   */
  recordedFrame: PyObject | null = null;

  /** The exception instance; this PyRaise owns one reference to it. */
  constructor(public exception: PyObject) {}
}

/**
 * The simulator does not support something the cell uses. It ends the cell with status
 * "unsupported" naming the feature; Python code cannot catch it.
 */
export class Unsupported extends Error {
  override name = "Unsupported";
  constructor(readonly feature: string) {
    super(`unsupported: ${feature}`);
  }
}

/**
 * What would crash a real interpreter (reading address 0 through ctypes): the cell ends with
 * status "crash", as the python runner reports a segfault. Not catchable by Python.
 */
export class SimulatedCrash extends Error {
  override name = "SimulatedCrash";
  constructor(readonly what: string) {
    super(`Segmentation fault (simulated): ${what}`);
  }
}

/** A per-cell limit (step budget, wall-clock timeout) ended the cell; not catchable by Python. */
export class LimitExceeded extends Error {
  override name = "LimitExceeded";
  constructor(readonly limit: "steps" | "time", message: string) {
    super(message);
  }
}

/**
 * Builds an instance of exception type `type` with `message` (null: no arguments) and returns it
 * as a PyRaise to throw.
 */
export function pyError(type: PyType, message: string | null): PyRaise {
  return new PyRaise(message === null ? rt.newExceptionWithArgs(type, []) : rt.newException(type, message));
}

/** Drops a caught exception that will not propagate (its instance reference is released). */
export function discardRaise(raised: PyRaise): void {
  const exception = raised.exception;
  if (--exception.refcount === 0) exception.type.dealloc(exception);
}

export function typeError(message: string): PyRaise {
  return pyError(rt.exc.TypeError, message);
}

export function valueError(message: string): PyRaise {
  return pyError(rt.exc.ValueError, message);
}

export function indexError(message: string): PyRaise {
  return pyError(rt.exc.IndexError, message);
}

export function keyErrorFor(key: PyObject): PyRaise {
  return new PyRaise(rt.newExceptionWithArgs(rt.exc.KeyError, [key]));
}

export function attributeError(message: string): PyRaise {
  return pyError(rt.exc.AttributeError, message);
}

export function nameError(name: string): PyRaise {
  return pyError(rt.exc.NameError, `name '${name}' is not defined`);
}

export function zeroDivisionError(message: string): PyRaise {
  return pyError(rt.exc.ZeroDivisionError, message);
}

export function runtimeError(message: string): PyRaise {
  return pyError(rt.exc.RuntimeError, message);
}

/** MemoryError: what the simulator raises when a request passes its memory cap. */
export function memoryError(): PyRaise {
  return pyError(rt.exc.MemoryError, null);
}

export function overflowError(message: string): PyRaise {
  return pyError(rt.exc.OverflowError, message);
}

/** A kernel error (formatting, parsing, arithmetic) as the Python exception it describes. */
export function pyRaiseFromFormatError(error: FormatError): PyRaise {
  const type = error.pythonType === "MemoryError" ? rt.exc.MemoryError : rt.exc[error.pythonType];
  return error.pythonType === "MemoryError" ? pyError(type, null) : pyError(type, error.message);
}

/** True when the raised exception is an instance of `type` (or a subclass). */
export function raisedIs(raised: PyRaise, type: PyType): boolean {
  return raised.exception.type.isSubtypeOf(type);
}
