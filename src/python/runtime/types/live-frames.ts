// The frame objects of runs still in progress, found again by (call depth, code) when the run
// meets another exception or ends, so one run keeps one frame object.
//
// Borrowed references: a running frame is owned by whoever asked for it (a traceback entry, a
// generator); its deallocation removes it from here. Generated epilogues read the count
// (`R.liveFrames`) so a function returns without a call when no frame waits for its locals.
import type { PyObject } from "../object.js";
import type { PyCode } from "./code.js";
import { rt } from "../state.js";

/** The part of a frame object this registry needs (frame.ts imports this file). */
interface LiveFrame extends PyObject {
  readonly code: PyCode;
  depth: number;
}

const live: LiveFrame[] = [];

function publishCount(): void {
  (rt.ops as unknown as { liveFrames: number }).liveFrames = live.length;
}

/** The running frame object of `code` at call depth `depth`, or null (borrowed). */
export function liveFrameFor(code: PyCode, depth: number): LiveFrame | null {
  for (let index = live.length - 1; index >= 0; index--) {
    const frame = live[index]!;
    if (frame.depth === depth && frame.code === code) return frame;
  }
  return null;
}

/** True while `frame`'s run is executing (not ended, not a suspended generator's). */
export function isExecutingFrame(frame: PyObject): boolean {
  return live.includes(frame as LiveFrame);
}

/** Records a frame whose run is in progress at `frame.depth`. */
export function rememberLiveFrame(frame: LiveFrame): void {
  live.push(frame);
  publishCount();
}

/** The run ended, was suspended (a generator's yield) or the frame object died. */
export function forgetLiveFrame(frame: LiveFrame): void {
  const index = live.lastIndexOf(frame);
  if (index < 0) return;
  live.splice(index, 1);
  publishCount();
}

/** A new cell starts from an empty registry (a cell stopped by a limit leaves none behind). */
export function resetLiveFrames(): void {
  live.length = 0;
  publishCount();
}
