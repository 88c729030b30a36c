// The runtime half of try/except* (PEP 654): CHECK_EG_MATCH per clause and PREP_RERAISE_STAR at the end.
import type { PyObject } from "../object.js";
import { decref } from "../object.js";
import { rt } from "../state.js";
import { PyRaise, typeError } from "../errors.js";
import { PyType } from "../type.js";
import { PyTuple } from "../types/tuple.js";
import { PyBaseException } from "../types/exceptions.js";
import type { PyCode } from "../types/code.js";
import { liveFrameFor } from "../types/live-frames.js";
import { isExceptionGroup, exceptionGroupTypes, splitWith, collectLeaves, projectGroup, createExceptionGroup } from "../types/exception-group.js";
import { enterHandler, recordInRun, pushHandled, currentHandled } from "./exception-ops.js";

/** One try/except* handling one exception: what is left to match, and what the clauses raised. */
export interface ExceptStarState {
  /** The exception that reached the clauses (owned). */
  readonly original: PyObject;
  /** The part no clause matched yet (owned), null when nothing is left. */
  rest: PyObject | null;
  /** What each clause's body raised, in order (owned). */
  readonly raised: PyObject[];
  finished: boolean;
}

/** The exception reaches the clauses: it gets this run's traceback entry and becomes the one being handled. */
export function exceptStarBegin(caught: PyRaise, code: PyCode, line: number): ExceptStarState {
  enterHandler(caught, code, line);
  const original = caught.exception;
  original.refcount++;
  // The raise's own reference moves into the state.
  return { original, rest: original, raised: [], finished: false };
}

/** check_except_star_type_valid: exception classes only, and no exception groups. */
function checkClauseType(type: PyObject): void {
  const items = type instanceof PyTuple ? type.items : [type];
  for (const item of items) {
    if (!(item instanceof PyType) || !item.isSubtypeOf(rt.exc.BaseException)) throw typeError("catching classes that do not inherit from BaseException is not allowed");
    if (item.isSubtypeOf(exceptionGroupTypes().BaseExceptionGroup)) throw typeError("catching ExceptionGroup with except* is not allowed. Use except instead.");
  }
}

function typeMatches(exception: PyObject, type: PyObject): boolean {
  if (type instanceof PyTuple) return type.items.some((item) => typeMatches(exception, item));
  return type instanceof PyType && exception.type.isSubtypeOf(type);
}

/**
 * CHECK_EG_MATCH: the part of what is left that the clause's type matches (new reference), or
 * null. A whole group that matches is taken as it is; a bare exception is wrapped in a group
 * with an empty message; a group matching in part is split.
 */
export function exceptStarMatch(state: ExceptStarState, type: PyObject): PyObject | null {
  try {
    checkClauseType(type);
  } catch (error) {
    // Raised while the exception is being handled: it becomes the TypeError's context.
    if (error instanceof PyRaise && error.exception instanceof PyBaseException && error.exception.context === null) {
      const handled = currentHandled();
      if (handled !== null) {
        handled.refcount++;
        error.exception.context = handled;
      }
    }
    throw error;
  }
  const rest = state.rest;
  if (rest === null) return null;
  if (typeMatches(rest, type)) {
    state.rest = null;
    if (isExceptionGroup(rest)) return rest;
    try {
      return createExceptionGroup("", [rest]);
    } finally {
      decref(rest);
    }
  }
  if (!isExceptionGroup(rest)) return null;
  const [match, remaining] = splitWith(rest, type, true);
  state.rest = remaining;
  decref(rest);
  return match;
}

/** A clause matched: its part is the exception being handled while its body runs. */
export function exceptStarEnterHandler(match: PyObject): void {
  pushHandled(match);
}

/** A clause's body raised: the exception (with this run's traceback entry) waits for the end. */
export function exceptStarRaised(state: ExceptStarState, caught: PyRaise, code: PyCode, line: number): void {
  // A bare `raise` of a wrapped bare exception (no traceback yet) adds no entry, as RERAISE adds none.
  const exception = caught.exception;
  const bareReraise = caught.recordedFrame === null && exception instanceof PyBaseException && exception.tracebackObject === null && exception === currentHandled();
  if (!bareReraise) recordInRun(caught, code, line);
  state.raised.push(caught.exception);
}

/** Same traceback, cause and context: a part of the original group that was re-raised. */
function sameMetadata(exception: PyObject, original: PyObject): boolean {
  if (!(exception instanceof PyBaseException) || !(original instanceof PyBaseException)) return false;
  return exception.tracebackObject === original.tracebackObject && exception.cause === original.cause && exception.context === original.context;
}

/** _PyExc_PrepReraiseStar: what leaves the try statement (new reference), or null when everything was handled. */
function prepareReraise(original: PyObject, exceptions: readonly (PyObject | null)[]): PyObject | null {
  if (exceptions.length === 0) return null;
  if (!isExceptionGroup(original)) {
    // A bare exception was wrapped: at most one clause ran, so there is at most one thing to raise.
    const first = exceptions[0] ?? null;
    if (first !== null) first.refcount++;
    return first;
  }
  const raised: PyObject[] = [];
  const reraised: PyObject[] = [];
  for (const exception of exceptions) {
    if (exception === null) continue;
    (sameMetadata(exception, original) ? reraised : raised).push(exception);
  }
  const leaves = new Set<PyObject>();
  for (const exception of reraised) collectLeaves(exception, leaves);
  const reraisedGroup = projectGroup(original, leaves);
  if (raised.length === 0) return reraisedGroup;
  const parts = reraisedGroup === null ? raised : [...raised, reraisedGroup];
  try {
    if (parts.length === 1) {
      parts[0]!.refcount++;
      return parts[0]!;
    }
    return createExceptionGroup("", parts);
  } finally {
    if (reraisedGroup !== null) decref(reraisedGroup);
  }
}

/** The end of the clauses: raises what was not handled (RERAISE: no new traceback entry for this run). */
export function exceptStarFinish(state: ExceptStarState, code: PyCode): void {
  state.finished = true;
  let result: PyObject | null;
  try {
    result = prepareReraise(state.original, [...state.raised, state.rest]);
  } finally {
    releaseState(state);
  }
  if (result === null) return;
  const raise = new PyRaise(result);
  raise.recordedFrame = liveFrameFor(code, rt.callDepth);
  throw raise;
}

/** Leaving the clauses early (an error in a clause's type): the state's references go. */
export function exceptStarRelease(state: ExceptStarState): void {
  if (state.finished) return;
  state.finished = true;
  releaseState(state);
}

function releaseState(state: ExceptStarState): void {
  for (const exception of state.raised.splice(0)) decref(exception);
  if (state.rest !== null) decref(state.rest);
  state.rest = null;
  decref(state.original);
}
