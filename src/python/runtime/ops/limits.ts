// Execution limits checked from generated code: step budget, wall clock, recursion depth.
import { rt } from "../state.js";
import { LimitExceeded, pyError } from "../errors.js";

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

/** A Python call begins: CPython's recursion limit (RecursionError). */
export function enterCall(): void {
  if (++rt.callDepth > rt.recursionLimit) {
    rt.callDepth--;
    throw pyError(rt.exc.RecursionError, "maximum recursion depth exceeded");
  }
  if (--rt.ops.steps < 0) tick();
  if (rt.gc.pending) rt.gc.runPending();
}

export function leaveCall(): void {
  rt.callDepth--;
}
