// Execution limits checked from generated code: step budget, wall clock, recursion depth.
import { rt } from "../state.js";
import { LimitExceeded, pyError, Unsupported, type PyRaise } from "../errors.js";
import type { PyObject } from "../object.js";

/** Steps between wall-clock checks (one step = one loop iteration or call). */
export const STEP_SLICE = 100_000;

/** Called when the step counter runs out: checks limits, runs a due collection, refills. */
export function tick(): void {
  const limits = rt.limits;
  limits.stepsUsed += STEP_SLICE - rt.ops.steps;
  rt.ops.steps = STEP_SLICE;
  if (limits.stepsUsed > limits.maxSteps) {
    throw new LimitExceeded("steps", `the cell ran more than ${limits.maxSteps.toLocaleString("en-US")} steps (an endless loop?)`);
  }
  if (Date.now() > limits.deadline) {
    throw new LimitExceeded("time", `the cell ran longer than ${Math.round(limits.timeoutMs / 1000)} s`);
  }
  if (rt.gc.pending) rt.gc.runPending();
}

/**
 * Nested runtime-to-Python calls that make a recursion "through C". Far below any C recursion
 * limit of CPython (hundreds of levels and more), and far above what a callback at the bottom
 * of a plain recursion (sorted's key, one __repr__) adds.
 */
const RECURSION_THROUGH_RUNTIME = 50;

/** RecursionErrors raised by the recursion limit (not by user code), while they live. */
const limitRecursionErrors = new WeakSet<PyObject>();

/**
 * One iteration of a generated loop: counts the step, and ticks when the slice runs out. One
 * shared function (V8 inlines it) rather than the check written out at every loop: a loop's own
 * call of tick has never run when V8 first compiles the hot loop (the slice outlasts the early
 * iterations), so the first tick threw that code away and V8 compiled the loop again (some
 * 20-60 ms for a big module-level loop); this one's call is primed with enterCall's. It takes
 * the ops object (the generated code's R) to stay under V8's size for always-inlined functions.
 */
export function loopStep(ops: { steps: number }): void {
  if (--ops.steps < 0) tick();
}

/** A Python call begins: CPython's recursion limit (RecursionError). */
export function enterCall(): void {
  if (++rt.callDepth > rt.recursionLimit) {
    rt.callDepth--;
    throw recursionLimitError();
  }
  if (--rt.ops.steps < 0) tick();
  if (rt.gc.pending) rt.gc.runPending();
}

function recursionLimitError(): PyRaise {
  if (rt.runtimeCallDepth >= RECURSION_THROUGH_RUNTIME && rt.profile.minor !== 11) {
    // A recursion through C (repr() calling __repr__, a slot calling a method, up to 3.10 also
    // f(*args)) meets one of CPython's C-level recursion checks first, except on 3.11: up to
    // 3.10 they share the frame counter, from 3.12 the C stack has a limit of its own. Which
    // one fires, at what depth, and its message (" while calling a Python object", " while
    // getting the repr of an object") depend on the C functions on the way.
    throw new Unsupported("a recursion through built-in code reaching the recursion limit (CPython stops it at a C-level check whose depth and message depend on the C functions on the way)");
  }
  const raised = pyError(rt.exc.RecursionError, "maximum recursion depth exceeded");
  limitRecursionErrors.add(raised.exception);
  return raised;
}

/**
 * Handling an exception (an except clause, a `with` that suppresses it). One the recursion limit
 * raised cannot be handled here: the depth it was raised at counts the kernel's own frames below
 * the cell, which differ between IPython and kernel versions, so whatever the handler does next
 * (print the depth, retry shallower) is not known.
 */
export function refuseHandlingRecursionLimit(exception: PyObject): void {
  if (limitRecursionErrors.has(exception)) {
    throw new Unsupported("handling a RecursionError from the recursion limit (the depth it is raised at counts the kernel's own frames, which vary)");
  }
}

export function leaveCall(): void {
  rt.callDepth--;
}

let callChecksPrimed = false;
const PRIMING_RUNS = 16;

/**
 * Runs enterCall's and loopStep's rare branches (tick, a due collection) once per process, while nothing is
 * due, so that V8 has seen their calls: it compiles a hot Python function with enterCall
 * inlined, and a call it has never seen run becomes a deoptimization there. The first step
 * check of a run then threw away the function's optimized code (fib's: some 20 ms of compiling
 * again). Leaves the step budget and the collector as they were; skipped while a collection is
 * due (the next cell tries again).
 */
export function primeCallChecks(): void {
  if (callChecksPrimed) return;
  const gc = rt.gc;
  if (gc.pending || gc.collecting || (gc.enabled && !gc.counts.every((count, generation) => count <= gc.thresholds[generation]!))) return;
  callChecksPrimed = true;
  const ops = rt.ops;
  const steps = ops.steps;
  const limits = rt.limits;
  // Limits no priming run can reach: the cell's own budget and deadline stay untouched.
  rt.limits = { maxSteps: 2 ** 30, stepsUsed: 0, deadline: Infinity, timeoutMs: 2 ** 30 };
  try {
    // First through tick (which runs the due collection), then through enterCall's own check;
    // several times, as V8 records what a function calls only from about its eighth run on.
    for (let run = 0; run < 2 * PRIMING_RUNS; run++) {
      ops.steps = run % 2;
      gc.pending = true;
      enterCall();
      leaveCall();
      ops.steps = 0;
      loopStep(ops);
    }
  } finally {
    gc.pending = false;
    ops.steps = steps;
    rt.limits = limits;
  }
}
