// Per-cell execution limits of the simulator: a step budget and a wall-clock deadline.

export interface ExecutionLimits {
  /** Steps (loop iterations and calls) the cell may take. */
  maxSteps: number;
  stepsUsed: number;
  /** Date.now() value after which the cell is stopped. */
  deadline: number;
  timeoutMs: number;
}

export function newLimits(timeoutMs: number, maxSteps: number): ExecutionLimits {
  return { maxSteps, stepsUsed: 0, deadline: Date.now() + timeoutMs, timeoutMs };
}
