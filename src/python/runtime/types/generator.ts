// Generator objects: a JavaScript generator running the compiled body, with send/throw/close.
import { PyObject } from "../object.js";
import { decref, xdecref } from "../object.js";
import { rt } from "../state.js";
import { allocateObject, freeObjectMemory } from "../memory/object-memory.js";
import { gcTrack, gcUntrack } from "../gc/tracking.js";
import type { BuiltinTypeSpec } from "../type-spec.js";
import { textSlot, addressText } from "../spec-helpers.js";
import type { PyCode } from "./code.js";
import { PyRaise, typeError, valueError, pyError, runtimeError, discardRaise, Unsupported } from "../errors.js";
import { newNone } from "../values.js";
import type { PyStr } from "./str.js";
import type { PyFunction } from "./function.js";
import { getIter, iterNext } from "../abstract/iteration.js";
import { PyType } from "../type.js";
import { call } from "../abstract/object-protocol.js";
import { writeUnraisable } from "../unraisable.js";
import { newExceptionWithArgs, PyBaseException } from "./exceptions.js";
import { enterCall, leaveCall } from "../ops/limits.js";
import { newBool } from "../values.js";
import { newFrame, type PyFrame } from "./frame.js";
import type { FrameBlock } from "../memory/frame-memory.js";
import { liveFrameFor, rememberLiveFrame, forgetLiveFrame } from "./live-frames.js";
import { requestStopIteration, cancelStopIterationRequest, takeStopIterationRequest } from "./stop-iteration.js";

type Body = Generator<PyObject, PyObject | null, PyObject | null>;

export class PyGenerator extends PyObject {
  started = false;
  finished = false;
  running = false;
  /** The value of the generator's `return` (owned) from the step that finished it until its caller takes it. */
  returnValue: PyObject | null = null;
  /** gi_frame (owned) once asked for or made by an exception; dropped when the generator finishes. */
  frame: PyFrame | null = null;
  /** ≤3.10: the frame memory made at the call, until a frame object takes it over or it goes back. */
  frameBlock: FrameBlock | null = null;
  /** 3.12+: closed before it ever ran, its frame still holds the arguments until it is freed. */
  closedUnstarted = false;

  /**
   * 3.11+: the function being run (owned; the frame's f_funcobj) until the frame is cleared.
   * ≤3.10 frames hold only the code, so the generator does not keep its function alive.
   */
  func: PyFunction | null = null;
  /** ≤3.10: the frame's f_globals and f_builtins (owned), taken from the function at the call. */
  globals: PyObject | null = null;
  builtins: PyObject | null = null;
  /** gi_name and gi_qualname (owned): the function's names when it was called. */
  name: PyStr;
  qualname: PyStr;
  /**
   * The generator's frame's reference to the code (f_code) is counted here rather than by a
   * frame object. A frame object made for it (gi_frame, a traceback) carries that reference
   * instead. Clearing the frame drops it ≤3.11; 3.12+ keeps it until the generator goes (the
   * frame object then holds one of its own).
   */
  frameCodeHeld = true;
  /** 3.13: closed at a yield outside any handler, the frame keeps its function until the generator goes. */
  closedKeepingFunction = false;
  /** 3.13: the yield it is paused at: 0 outside any handler, 1 protected, 2 in a finally clause. */
  pausedAt = 0;
  /** The line of the yield it last paused at (its frame's f_lineno then); 0 when not known. */
  pausedLine = 0;

  constructor(
    readonly code: PyCode,
    func: PyFunction,
    readonly body: Body,
    /** Drops the locals bound at the call when the body never ran. */
    readonly releaseUnstarted: () => void,
    /**
     * Visits the frame's locals and value stack (what it owns). While the body runs, 3.11+
     * shows the collector nothing of it (the stack top is unset) and ≤3.10 only the locals.
     */
    readonly visitFrame: (visit: (child: PyObject) => void, running: boolean) => void,
  ) {
    super(rt.types.generator);
    this.name = func.name;
    this.qualname = func.qualname;
  }
}

/** PyGenObject with its frame (the size only shapes addresses). */
const GENERATOR_SIZE = 112;

export function newGenerator(
  code: PyCode,
  func: PyFunction,
  body: Body,
  releaseUnstarted: () => void,
  visitFrame: (visit: (child: PyObject) => void, running: boolean) => void,
): PyGenerator {
  // ≤3.11 the generator has gi_code besides its frame's f_code; 3.12+ only the frame holds it.
  code.refcount += rt.profile.minor <= 11 ? 2 : 1;
  const generator = new PyGenerator(code, func, body, releaseUnstarted, visitFrame);
  generator.name.refcount++;
  generator.qualname.refcount++;
  if (rt.profile.minor >= 11) {
    func.refcount++;
    generator.func = func;
  } else {
    func.globals.refcount++;
    generator.globals = func.globals;
    func.builtins.refcount++;
    generator.builtins = func.builtins;
  }
  // ≤3.10 the call makes the frame before the generator that takes it (frame-memory.ts).
  if (rt.profile.minor <= 10) generator.frameBlock = rt.freeLists.frame.acquire(code);
  allocateObject(generator, GENERATOR_SIZE);
  rt.gc.countAllocation();
  gcTrack(generator);
  return generator;
}

/**
 * Runs the body until its next yield. `sent` is owned (null for next()); `thrown` raises inside.
 * Returns the yielded value (owned) or null when the generator finished; then its `return`
 * value waits in returnValue for the caller (takeReturnValue).
 */
export function resumeGenerator(generator: PyGenerator, sent: PyObject | null, thrown: PyRaise | null, returning = false): PyObject | null {
  if (generator.running) throw valueError("generator already executing");
  if (generator.finished) {
    if (sent !== null) decref(sent);
    if (thrown !== null) throw thrown;
    return null;
  }
  enterCall();
  const depth = rt.callDepth;
  generator.started = true;
  generator.running = true;
  // While it runs, the generator's frame object is the frame of this run.
  const suspended = generator.frame;
  if (suspended !== null && suspended.running) {
    suspended.depth = depth;
    // Its line moves with the run now: unknown until the run pauses or ends again.
    suspended.line = null;
    rememberLiveFrame(suspended);
  }
  try {
    const step = returning ? generator.body.return(null) : thrown !== null ? generator.body.throw(thrown) : generator.body.next(sent);
    if (step.done) {
      generator.finished = true;
      generator.returnValue = step.value;
      return null;
    }
    return step.value;
  } catch (error) {
    generator.finished = true;
    if (error instanceof PyRaise && error.exception.type.isSubtypeOf(rt.exc.StopIteration)) {
      // PEP 479: a StopIteration escaping a generator becomes a RuntimeError.
      const replacement = runtimeError("generator raised StopIteration");
      (replacement.exception as PyBaseException).cause = error.exception;
      (replacement.exception as PyBaseException).context = error.exception;
      error.exception.refcount++;
      discardRaise(error);
      throw replacement;
    }
    throw error;
  } finally {
    keepSuspendedFrame(generator, depth);
    leaveCall();
    generator.running = false;
  }
}

/** After a step: a frame object the run made stays with the generator; a finished generator drops it. */
function keepSuspendedFrame(generator: PyGenerator, depth: number): void {
  const running = liveFrameFor(generator.code, depth) as PyFrame | null;
  if (running !== null) {
    forgetLiveFrame(running);
    if (running !== generator.frame) {
      running.refcount++;
      const old = generator.frame;
      generator.frame = running;
      handOverCode(generator);
      if (old !== null) decref(old);
    }
  }
  if (generator.finished) dropFrame(generator);
  else if (generator.frame !== null) generator.frame.line = generator.pausedLine;
}

/** A frame object now stands for the generator's frame: it carries the frame's reference to the code. */
function handOverCode(generator: PyGenerator): void {
  if (!generator.frameCodeHeld) return;
  generator.frameCodeHeld = false;
  generator.code.refcount--;
}

/** Clearing the frame: ≤3.11 its code reference goes; 3.12+ the generator keeps one until it is freed. */
function settleFrameCode(generator: PyGenerator): void {
  if (rt.profile.minor <= 11) {
    handOverCode(generator);
  } else if (!generator.frameCodeHeld) {
    generator.frameCodeHeld = true;
    generator.code.refcount++;
  }
}

function dropFrame(generator: PyGenerator): void {
  settleFrameCode(generator);
  const frame = generator.frame;
  generator.frame = null;
  if (frame !== null) decref(frame);
  const block = generator.frameBlock;
  if (block !== null) {
    generator.frameBlock = null;
    rt.freeLists.frame.release(generator.code, block);
  }
  if (!generator.closedKeepingFunction) releaseFrameReferences(generator);
}

/** Clearing the frame drops what it held besides the locals: the function (3.11+) or globals and builtins (≤3.10). */
function releaseFrameReferences(generator: PyGenerator): void {
  const { func, globals, builtins } = generator;
  generator.func = null;
  generator.globals = null;
  generator.builtins = null;
  xdecref(func);
  xdecref(globals);
  xdecref(builtins);
}

/** The finished generator's `return` value (new reference), or null when it returned None or nothing. */
export function takeReturnValue(generator: PyGenerator): PyObject | null {
  const value = generator.returnValue;
  generator.returnValue = null;
  return value;
}

/** gen_iternext: the next value, or null at the end; a caller that asked gets StopIteration(value). */
function generatorNext(self: PyObject): PyObject | null {
  const generator = self as PyGenerator;
  const wantsStop = takeStopIterationRequest(generator);
  const value = resumeGenerator(generator, null, null);
  if (value !== null) return value;
  const returned = takeReturnValue(generator);
  if (returned === null) return null;
  if (wantsStop && returned !== rt.None) throw stopIterationStealing(returned);
  decref(returned);
  return null;
}

/** StopIteration(value) to raise; steals `value`. */
function stopIterationStealing(value: PyObject): PyRaise {
  try {
    return new PyRaise(newExceptionWithArgs(rt.exc.StopIteration, [value]));
  } finally {
    decref(value);
  }
}

/** An unstarted generator closed or thrown into ends without running (its locals are dropped). */
function finishUnstarted(generator: PyGenerator): void {
  generator.finished = true;
  generator.releaseUnstarted();
  dropFrame(generator);
}

/**
 * gen.close(): raise GeneratorExit inside; a generator that yields again is an error. Returns
 * the value the generator returned instead (new reference; 3.13+'s close() gives it), or null.
 */
export function closeGenerator(generator: PyGenerator): PyObject | null {
  if (!generator.started || generator.finished) {
    if (!generator.started && !generator.finished) {
      // 3.12+'s gen_close only marks a never-started generator completed; its frame (and the
      // arguments in it) goes with the generator.
      if (rt.profile.minor >= 12) {
        generator.finished = true;
        generator.closedUnstarted = true;
      } else {
        finishUnstarted(generator);
      }
    }
    return null;
  }
  if (rt.profile.minor === 13 && generator.pausedAt !== 1 && !generator.running) {
    // 3.13's gen_close: paused at a yield no handler protects, the generator completes without
    // GeneratorExit; only its locals are cleared, so the frame keeps the function.
    if (generator.pausedAt === 2) throw new Unsupported("closing a 3.13 generator paused at a yield inside a finally clause");
    generator.closedKeepingFunction = true;
    resumeGenerator(generator, null, null, true);
    return null;
  }
  const exit = pyError(rt.exc.GeneratorExit, null);
  try {
    const yielded = resumeGenerator(generator, null, exit);
    if (yielded !== null) {
      decref(yielded);
      throw runtimeError("generator ignored GeneratorExit");
    }
    return takeReturnValue(generator);
  } catch (error) {
    if (error instanceof PyRaise && (error.exception.type.isSubtypeOf(rt.exc.GeneratorExit) || error.exception.type.isSubtypeOf(rt.exc.StopIteration))) {
      discardRaise(error);
      return null;
    }
    throw error;
  }
}

function generatorFinalize(self: PyObject): void {
  const generator = self as PyGenerator;
  try {
    const returned = closeGenerator(generator);
    if (returned !== null) decref(returned);
  } catch (error) {
    if (error instanceof PyRaise) writeUnraisable(error, self);
    else throw error;
  }
}

function generatorDealloc(self: PyObject): void {
  const generator = self as PyGenerator;
  if (generator.started && !generator.finished) {
    self.refcount = 1;
    generatorFinalize(self);
    if (--self.refcount !== 0) return;
  } else if (!generator.started && (!generator.finished || generator.closedUnstarted)) {
    generator.closedUnstarted = false;
    finishUnstarted(generator);
  }
  dropFrame(generator);
  gcUntrack(generator);
  rt.clearWeakrefs(generator);
  freeObjectMemory(generator, GENERATOR_SIZE);
  rt.gc.countDeallocation();
  const returned = generator.returnValue;
  generator.returnValue = null;
  if (returned !== null) decref(returned);
  generator.closedKeepingFunction = false;
  releaseFrameReferences(generator);
  decref(generator.name);
  decref(generator.qualname);
  // ≤3.11 gi_code; 3.12+ the code its cleared frame kept.
  decref(generator.code);
}

function throwArguments(args: readonly PyObject[]): PyRaise {
  const first = args[0];
  if (first === undefined) throw typeError("throw expected at least 1 argument, got 0");
  if (first instanceof PyType && first.isSubtypeOf(rt.exc.BaseException)) {
    const value = args[1];
    const exception = value === undefined || value === rt.None ? call(first, { values: [], kwnames: null }) : value instanceof PyBaseException ? (value.refcount++, value) : call(first, { values: [value], kwnames: null });
    return new PyRaise(exception);
  }
  if (first instanceof PyBaseException) {
    first.refcount++;
    return new PyRaise(first);
  }
  throw typeError("exceptions must be classes or instances deriving from BaseException, not " + first.type.name);
}

export const GENERATOR_SPEC: BuiltinTypeSpec = {
  name: "generator",
  layout: { basicSize: GENERATOR_SIZE, itemSize: 0, gc: true, preHeader: false },
  slots: {
    dealloc: generatorDealloc,
    traverse: (self, visit) => {
      const generator = self as PyGenerator;
      visit(generator.code);
      if (generator.func !== null) visit(generator.func);
      if (generator.globals !== null) visit(generator.globals);
      if (generator.builtins !== null) visit(generator.builtins);
      if (generator.returnValue !== null) visit(generator.returnValue);
      if (generator.frame !== null) visit(generator.frame);
      if (!generator.finished || generator.closedUnstarted) generator.visitFrame(visit, generator.running);
    },
    finalize: generatorFinalize,
    iter: (self) => {
      self.refcount++;
      return self;
    },
    iternext: generatorNext,
    repr: textSlot((self) => `<generator object ${(self as PyGenerator).qualname.value} at ${addressText(self)}>`),
  },
  methods: [
    {
      name: "send",
      kind: "one",
      impl: (self, value) => {
        const generator = self as PyGenerator;
        if (!generator.started && value !== rt.None) throw typeError("can't send non-None value to a just-started generator");
        value.refcount++;
        const result = resumeGenerator(generator, value, null);
        if (result === null) throw stopIterationWith(generator);
        return result;
      },
    },
    {
      name: "throw",
      kind: "positional",
      varargsUntil: 10,
      impl: (self, args) => {
        const generator = self as PyGenerator;
        const raised = throwArguments(args);
        if (!generator.started) {
          finishUnstarted(generator);
          throw raised;
        }
        const result = resumeGenerator(generator, null, raised);
        if (result === null) throw stopIterationWith(generator);
        return result;
      },
    },
    {
      name: "close",
      kind: "noargs",
      impl: (self) => {
        const returned = closeGenerator(self as PyGenerator);
        if (returned !== null && rt.profile.minor >= 13) return returned;
        if (returned !== null) decref(returned);
        return newNone();
      },
    },
  ],
  getsets: [
    { name: "__name__", get: (self) => ((self as PyGenerator).name.refcount++, (self as PyGenerator).name) },
    { name: "__qualname__", get: (self) => ((self as PyGenerator).qualname.refcount++, (self as PyGenerator).qualname) },
    { name: "gi_running", get: (self) => newBool((self as PyGenerator).running) },
    { name: "gi_code", get: (self) => ((self as PyGenerator).code.refcount++, (self as PyGenerator).code) },
    { name: "gi_frame", get: (self) => generatorFrame(self as PyGenerator) },
    { name: "gi_yieldfrom", get: (self) => delegatedIterator(self as PyGenerator) },
    // 3.11+: paused at a yield (not before its first step, not running, not finished).
    { name: "gi_suspended", since: 11, get: (self) => newBool(isSuspended(self as PyGenerator)) },
  ],
};

function isSuspended(generator: PyGenerator): boolean {
  return generator.started && !generator.running && !generator.finished;
}

/**
 * gi_yieldfrom: None unless the generator is paused inside `yield from`; the simulator does not
 * record which iterator a paused generator delegates to, so that case is refused by name.
 */
function delegatedIterator(generator: PyGenerator): PyObject {
  if (!isSuspended(generator)) return newNone();
  throw new Unsupported("gi_yieldfrom of a paused generator");
}

/** gi_frame: the generator's frame object, made on first need; None once it finished. */
function generatorFrame(generator: PyGenerator): PyObject {
  if (generator.finished) return newNone();
  let frame = generator.frame;
  if (frame === null) {
    frame = newFrame(generator.code, generator.running ? rt.callDepth : -1, generator.frameBlock);
    generator.frameBlock = null;
    if (!generator.started) frame.line = generator.code.info.firstLineNumber;
    else if (!generator.running) frame.line = generator.pausedLine;
    generator.frame = frame;
    handOverCode(generator);
    if (generator.running) rememberLiveFrame(frame);
  }
  // The generator keeps its reference; the caller gets one of its own.
  frame.refcount++;
  return frame;
}

/** The StopIteration that send()/throw() raise when the generator finished (takes its return value). */
function stopIterationWith(generator: PyGenerator): PyRaise {
  const value = takeReturnValue(generator);
  if (value === null || value === rt.None) {
    if (value !== null) decref(value);
    return pyError(rt.exc.StopIteration, null);
  }
  return stopIterationStealing(value);
}

// ---- yield from ----------------------------------------------------------------------------

export function yieldFromIter(iterable: PyObject): PyObject {
  return getIter(iterable);
}

let lastYieldFromResult: PyObject | null = null;

/** One step of `yield from`: the next value to yield (owned), or null when the iterator ended. */
export function yieldFromStep(iterator: PyObject, sent: PyObject | null): PyObject | null {
  if (iterator instanceof PyGenerator) {
    // ≤3.11 YIELD_FROM keeps its reference to the sent value until the send returns.
    const held = sent !== null && rt.profile.minor <= 11 ? sent : null;
    if (held !== null) held.refcount++;
    let value: PyObject | null;
    try {
      value = resumeGenerator(iterator, sent, null);
    } finally {
      if (held !== null) decref(held);
    }
    if (value === null) setYieldFromResult(takeReturnValue(iterator));
    return value;
  }
  if (sent !== null) decref(sent);
  requestStopIteration(iterator);
  try {
    const value = iterNext(iterator);
    if (value === null) setYieldFromResult(null);
    return value;
  } catch (error) {
    // The iterator's StopIteration carries the `yield from` expression's value.
    if (!(error instanceof PyRaise) || !error.exception.type.isSubtypeOf(rt.exc.StopIteration)) throw error;
    const value = (error.exception as PyBaseException).args.items[0] ?? null;
    if (value !== null) value.refcount++;
    discardRaise(error);
    setYieldFromResult(value);
    return null;
  } finally {
    cancelStopIterationRequest();
  }
}

/** Steals `value`. */
function setYieldFromResult(value: PyObject | null): void {
  const old = lastYieldFromResult;
  lastYieldFromResult = value;
  if (old !== null) decref(old);
}

/** The value of a finished `yield from` expression (new reference). */
export function yieldFromResult(): PyObject {
  const result = lastYieldFromResult;
  lastYieldFromResult = null;
  return result ?? newNone();
}
