// The floats the kernel's loop creates between two cells (the reference driver's timing of each
// cell), on the float free list the cells' own floats use.
//
// Around every cell the loop takes the time (`started`, the output sink's `last_flush`), then
// computes the elapsed time, and keeps the rounded milliseconds in its reply until the next cell
// ends. Each float replaces the previous cell's, which is freed just after. The net effect: the
// float a cell freed last is taken (it becomes the next cell's elapsed time) and a float of the
// kernel lies on top of the free list, so the next cell's first float gets neither.
import { decref, type PyObject } from "../runtime/object.js";
import { newFloat } from "../runtime/types/float.js";

export class KernelFloats {
  private started: PyObject | null = null;
  private elapsed: PyObject | null = null;
  private replyElapsed: PyObject | null = null;
  /** The output sink's `last_flush`, set when the sink is made (before the first cell). */
  private lastFlush: PyObject = newFloat(0);
  private cellsRun = 0;

  /** Runs what the loop does between the previous cell's user code and the next one's. */
  beforeCell(): void {
    if (this.cellsRun > 0) this.afterPreviousCell();
    this.cellsRun++;
    // sink.begin(): last_flush = time.monotonic(); then started = time.monotonic().
    this.lastFlush = replace(this.lastFlush, newFloat(0))!;
    this.started = replace(this.started, newFloat(0));
  }

  /**
   * A non-empty write during a cell: the sink compares `time.monotonic() - last_flush` with its
   * flush interval, so the clock reading and the difference come and go (the top two floats of
   * the free list trade places).
   */
  onWrite(): void {
    const clock = newFloat(0);
    const difference = newFloat(0);
    decref(clock);
    decref(difference);
  }

  private afterPreviousCell(): void {
    // reply = {...} drops the previous reply (and its elapsedMs).
    this.replyElapsed = replace(this.replyElapsed, null);
    // elapsed = time.monotonic() - started: the clock reading dies after the subtraction.
    const clock = newFloat(0);
    const difference = newFloat(0);
    decref(clock);
    this.elapsed = replace(this.elapsed, difference);
    // round(elapsed * 1000, 3): the product dies after rounding.
    const product = newFloat(0);
    const rounded = newFloat(0);
    decref(product);
    this.replyElapsed = rounded;
  }
}

/** Stores `next` where `previous` was and then frees `previous`, as a rebinding does. */
function replace(previous: PyObject | null, next: PyObject | null): PyObject | null {
  if (previous !== null) decref(previous);
  return next;
}
