// The simulator's deterministic clock: time advances with the work a session does, never with
// the host's wall clock, so timing cells print plausible numbers that are the same on every run.
//
// Elapsed virtual time = work + sleeps + clock reads + gaps between cells, where
// - work is the cell's step count (loop iterations and calls, see runtime/ops/limits.ts) times
//   NANOSECONDS_PER_STEP, about what CPython spends on one simple loop iteration;
// - sleeps are what time.sleep() asked for (they do not count as CPU time);
// - each clock read costs NANOSECONDS_PER_READ, so two reads in a row differ as they do in
//   CPython (a perf_counter() call takes tens of nanoseconds);
// - between two cells a notebook kernel idles for a moment: CELL_GAP_NANOSECONDS.
// The clocks start at fixed, plausible values (an epoch in November 2023, a machine up for a few
// hours, an interpreter that used a little CPU to start).
import type { Runtime } from "../runtime/runtime.js";
import type { ExecutionLimits } from "../runtime/limits.js";
import { rt } from "../runtime/state.js";
import { STEP_SLICE } from "../runtime/ops/limits.js";

export const NANOSECONDS_PER_STEP = 20n;
export const NANOSECONDS_PER_READ = 60n;
export const CELL_GAP_NANOSECONDS = 2_000_000n;

/** time.time() at the start of every session: 2023-11-14 22:13:20 UTC. */
export const EPOCH_START_NANOSECONDS = 1_700_000_000_000_000_000n;
/** time.monotonic() / perf_counter() at the start: a machine up for about 3.4 hours. */
export const MONOTONIC_START_NANOSECONDS = 12_345_678_901_234n;
/** time.process_time() at the start: the CPU an interpreter uses to start up. */
export const PROCESS_START_NANOSECONDS = 48_213_000n;

interface ClockState {
  /** The limits object of the cell seen last: a new one means a new cell began. */
  cellLimits: ExecutionLimits | null;
  /** Steps of the current cell seen at the last read (the cell's steps only grow). */
  cellSteps: number;
  /** Work of finished cells, including the gaps between cells. */
  finishedCellsNanoseconds: bigint;
  sleptNanoseconds: bigint;
  readsNanoseconds: bigint;
}

const clocks = new WeakMap<Runtime, ClockState>();

function clockState(): ClockState {
  let state = clocks.get(rt);
  if (state === undefined) {
    state = { cellLimits: null, cellSteps: 0, finishedCellsNanoseconds: 0n, sleptNanoseconds: 0n, readsNanoseconds: 0n };
    clocks.set(rt, state);
  }
  return state;
}

/** Steps the running cell has taken so far (the counter runs down from STEP_SLICE between ticks). */
function currentCellSteps(): number {
  return rt.limits.stepsUsed + (STEP_SLICE - rt.ops.steps);
}

/** Brings the state up to date with the running cell; returns the CPU work so far (ns). */
function observeWork(state: ClockState): bigint {
  if (state.cellLimits !== rt.limits) {
    if (state.cellLimits !== null) {
      state.finishedCellsNanoseconds += BigInt(state.cellSteps) * NANOSECONDS_PER_STEP + CELL_GAP_NANOSECONDS;
    }
    state.cellLimits = rt.limits;
    state.cellSteps = 0;
  }
  state.cellSteps = Math.max(state.cellSteps, currentCellSteps());
  return state.finishedCellsNanoseconds + BigInt(state.cellSteps) * NANOSECONDS_PER_STEP;
}

/** One clock read: virtual nanoseconds since the session began, wall-clock style (with sleeps). */
export function readElapsedNanoseconds(): bigint {
  const state = clockState();
  state.readsNanoseconds += NANOSECONDS_PER_READ;
  return observeWork(state) + state.sleptNanoseconds + state.readsNanoseconds;
}

/** One CPU-clock read: like readElapsedNanoseconds without the sleeps. */
export function readProcessNanoseconds(): bigint {
  const state = clockState();
  state.readsNanoseconds += NANOSECONDS_PER_READ;
  return observeWork(state) + state.readsNanoseconds;
}

/** time.sleep(): the clock jumps by the requested time. */
export function sleepNanoseconds(duration: bigint): void {
  clockState().sleptNanoseconds += duration;
}
