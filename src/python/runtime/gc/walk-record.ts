// What a collection's first walk over its objects learned about each, for the second walk.
//
// deduce_unreachable walks the collected objects' references twice: subtract_refs, then
// move_unreachable's visit_reachable. Nothing runs between the two walks, so every tp_traverse
// visits the same children in the same order both times; the first walk records their slots
// here and the second replays them from these arrays, without touching the objects again (the
// collector's time is mostly memory reads of objects spread over the heap).

/** `kind` of an object that may be untracked after the collection (untrack_tuples, untrack_dicts). */
export const KIND_OTHER = 0;
export const KIND_TUPLE = 1;
export const KIND_DICT = 2;

export class WalkRecord {
  /** Where each parent slot's children begin in `children`. */
  start: Int32Array;
  /** Where they end (exclusive). */
  end: Int32Array;
  /** Each parent slot's KIND_*. */
  kind: Uint8Array;
  /** The children's slots, parent after parent, each parent's in its traverse order. */
  children: Int32Array;
  /** How much of `children` the current walk has filled. */
  count = 0;

  constructor() {
    this.start = new Int32Array(1024);
    this.end = new Int32Array(1024);
    this.kind = new Uint8Array(1024);
    this.children = new Int32Array(4096);
  }

  /** Starts a walk over objects whose slots are below `slotCapacity`. */
  reset(slotCapacity: number): void {
    if (this.start.length < slotCapacity) {
      this.start = new Int32Array(slotCapacity);
      this.end = new Int32Array(slotCapacity);
      this.kind = new Uint8Array(slotCapacity);
    }
    this.count = 0;
  }

  /** `children` with room for `more` slots after `count` (callers then store them directly). */
  reserve(more: number): Int32Array {
    const needed = this.count + more;
    if (needed > this.children.length) {
      const children = new Int32Array(Math.max(needed, this.children.length * 2));
      children.set(this.children.subarray(0, this.count));
      this.children = children;
    }
    return this.children;
  }

  push(slot: number): void {
    const children = this.count < this.children.length ? this.children : this.reserve(1);
    children[this.count++] = slot;
  }
}
