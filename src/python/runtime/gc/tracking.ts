// GC tracking: linking container objects into the youngest generation and out again.
//
// Generations are circular doubly linked lists with a sentinel head each, as in CPython, so
// untracking is O(1). The links live in typed arrays indexed by a slot that each tracked object
// holds (PyObject.gcSlot), not in object fields: moving an object between lists writes plain
// integers (no V8 write barriers, compact memory), and untracked objects carry one field for
// all of it.
import type { PyObject } from "../object.js";
import { rt } from "../state.js";

/** gcSlot of an object that is in no list. */
export const NO_SLOT = -1;

/** The list links of one collector's tracked objects and list heads, by slot. */
export class GcLinks {
  next: Int32Array;
  prev: Int32Array;
  /** gc_refs: the collector's scratch count (doubles: immortal refcounts exceed 32 bits). */
  refs: Float64Array;
  /**
   * Each tracked object's generation (0–2; the collector's marks while it runs). Kept here
   * rather than on the object: one field less on every simulated object, and the collector's
   * walks read it without touching the object.
   */
  generation: Int8Array;
  /** The object in each slot; null for list heads and free slots. */
  readonly objects: (PyObject | null)[] = [];
  /** Released slots, reused last-released-first (which slot an object gets is not observable). */
  private readonly freeSlots: number[] = [];

  constructor(capacity = 1024) {
    this.next = new Int32Array(capacity);
    this.prev = new Int32Array(capacity);
    this.refs = new Float64Array(capacity);
    this.generation = new Int8Array(capacity);
  }

  /** A slot for `object` (null: a list head); its links are unset. */
  take(object: PyObject | null): number {
    const reused = this.freeSlots.pop();
    if (reused !== undefined) {
      this.objects[reused] = object;
      return reused;
    }
    const slot = this.objects.length;
    if (slot === this.next.length) this.grow();
    this.objects.push(object);
    return slot;
  }

  release(slot: number): void {
    this.objects[slot] = null;
    this.freeSlots.push(slot);
  }

  /** A new empty list: its head's slot. */
  newHead(): number {
    const head = this.take(null);
    this.next[head] = head;
    this.prev[head] = head;
    return head;
  }

  /** Inserts `slot` at the end of the list headed by `head`. */
  append(head: number, slot: number): void {
    const next = this.next;
    const prev = this.prev;
    const last = prev[head]!;
    next[last] = slot;
    prev[slot] = last;
    next[slot] = head;
    prev[head] = slot;
  }

  remove(slot: number): void {
    const next = this.next;
    const prev = this.prev;
    const before = prev[slot]!;
    const after = next[slot]!;
    next[before] = after;
    prev[after] = before;
  }

  /** gc_list_move: unlinks `slot` and appends it to the list headed by `head`. */
  moveToEnd(slot: number, head: number): void {
    this.remove(slot);
    this.append(head, slot);
  }

  /** gc_list_merge(from, to): every slot of `from`, in order, after the last of `to`; `from` ends empty. */
  spliceAtEnd(from: number, to: number): void {
    const next = this.next;
    const prev = this.prev;
    if (next[from] === from) return;
    const first = next[from]!;
    const last = prev[from]!;
    const toLast = prev[to]!;
    next[toLast] = first;
    prev[first] = toLast;
    next[last] = to;
    prev[to] = last;
    next[from] = from;
    prev[from] = from;
  }

  isEmpty(head: number): boolean {
    return this.next[head] === head;
  }

  /** The objects of the list headed by `head`, in order. */
  items(head: number): PyObject[] {
    const items: PyObject[] = [];
    for (let slot = this.next[head]!; slot !== head; slot = this.next[slot]!) items.push(this.objects[slot]!);
    return items;
  }

  length(head: number): number {
    let length = 0;
    for (let slot = this.next[head]!; slot !== head; slot = this.next[slot]!) length++;
    return length;
  }

  private grow(): void {
    const capacity = this.next.length * 2;
    const next = new Int32Array(capacity);
    next.set(this.next);
    const prev = new Int32Array(capacity);
    prev.set(this.prev);
    const refs = new Float64Array(capacity);
    refs.set(this.refs);
    const generation = new Int8Array(capacity);
    generation.set(this.generation);
    this.generation = generation;
    this.next = next;
    this.prev = prev;
    this.refs = refs;
  }
}

/** PyObject_GC_Track: the object joins generation 0. */
export function gcTrack(object: PyObject): void {
  if (object.gcSlot >= 0) return;
  object.gcSlot = trackedSlot(object);
}

/**
 * gcTrack's list work for an object that is not tracked: links it into generation 0 and returns
 * the slot to store in its gcSlot. Hot callers that see one class of object (tuples) read and
 * write gcSlot themselves: the generic functions meet every object shape, and V8 makes their
 * field accesses slow lookups.
 */
export function trackedSlot(object: PyObject): number {
  const collector = rt.gc;
  const links = collector.links;
  const slot = links.take(object);
  links.append(collector.generationHeads[0]!, slot);
  links.generation[slot] = 0;
  return slot;
}

/** PyObject_GC_UnTrack. */
export function gcUntrack(object: PyObject): void {
  const slot = object.gcSlot;
  if (slot < 0) return;
  untrackSlot(slot);
  object.gcSlot = NO_SLOT;
}

/** gcUntrack's list work for a tracked object's `slot` (the caller resets its gcSlot; see trackedSlot). */
export function untrackSlot(slot: number): void {
  const links = rt.gc.links;
  links.remove(slot);
  links.release(slot);
}

export function isTracked(object: PyObject): boolean {
  return object.gcSlot >= 0;
}
