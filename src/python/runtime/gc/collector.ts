// The cycle collector of Python/gc.c: generations, thresholds and the collect algorithm.
//
// collect(n): merge the younger generations into n; gc_refs = refcount; subtract references
// between the collected objects (tp_traverse); whatever keeps gc_refs > 0, and everything it
// reaches, is alive. The rest is unreachable: PEP 442 finalizers run first (and may resurrect),
// weak references are cleared, then tp_clear breaks the cycles and refcounting frees them.
import type { PyObject } from "../object.js";
import { rt } from "../state.js";
import { clearFreeLists } from "./clear-free-lists.js";
import { GcLinks } from "./tracking.js";
import { KIND_DICT, KIND_OTHER, KIND_TUPLE, WalkRecord } from "./walk-record.js";
import { instanceTraverse, flatValueAt, type PyInstance } from "../types/instance.js";
import { dictTraverse, type PyDict } from "../types/dict.js";
import { listTraverse, listTraverseHeld } from "../types/list.js";
import type { PyGenerator } from "../types/generator.js";
import { callWeakrefCallback, detachWeakReferences, hasWeakReferences, type WeakReferenceLike } from "../weak-references.js";
import { inlineTableOf } from "../instance-attributes.js";

/** The generation (GcLinks.generation) of objects taking part in the running collection. */
const COLLECTING = 100;
const UNREACHABLE = 101;
/** Moved to the unreachable list by move_unreachable, until something reachable reaches it. */
const TENTATIVE = 102;
const GENERATIONS = 3;

export interface CollectionStats {
  collections: number;
  collected: number;
  uncollectable: number;
}

export class Collector {
  /** The generation lists (and the collection's own lists) of this runtime's tracked objects. */
  readonly links = new GcLinks();
  /** deduceUnreachable's scratch, reused by every collection. */
  private readonly walkRecord = new WalkRecord();
  /** Each generation's list head (a slot of `links`). */
  readonly generationHeads: number[];
  /** Allocations minus deallocations (generation 0), collections of the younger one (1, 2). */
  readonly counts = [0, 0, 0];
  thresholds: [number, number, number];
  enabled = true;
  collecting = false;
  /** A collection became due at an allocation; it runs at the next safe point. */
  pending = false;
  readonly stats: CollectionStats[] = [0, 1, 2].map(() => ({ collections: 0, collected: 0, uncollectable: 0 }));
  /** Objects whose finalizer already ran (PEP 442: at most once). */
  readonly finalized = new WeakSet<PyObject>();
  /** gc.garbage (legacy finalizers are never produced since PEP 442). */
  readonly garbage: PyObject[] = [];
  private longLivedTotal = 0;
  private longLivedPending = 0;
  /** Called after each collection with its generation and results (gc.callbacks). */
  onCollect: ((phase: "start" | "stop", generation: number, collected: number, uncollectable: number) => void) | null = null;

  constructor(thresholds: readonly [number, number, number]) {
    this.generationHeads = [this.links.newHead(), this.links.newHead(), this.links.newHead()];
    this.thresholds = [thresholds[0], thresholds[1], thresholds[2]];
  }

  /** A GC object was allocated (gc_alloc): may make a collection due. */
  countAllocation(): void {
    this.counts[0]!++;
    if (this.counts[0]! > this.thresholds[0] && this.enabled && this.thresholds[0] > 0 && !this.collecting) this.pending = true;
  }

  /** A GC object's memory was freed (PyObject_GC_Del). */
  countDeallocation(): void {
    if (this.counts[0]! > 0) this.counts[0]!--;
  }

  /** Runs a due automatic collection (collect_generations); called at safe points. */
  runPending(): void {
    this.pending = false;
    if (!this.enabled || this.collecting) return;
    for (let generation = GENERATIONS - 1; generation >= 0; generation--) {
      if (this.counts[generation]! > this.thresholds[generation]!) {
        // A full collection only when enough long-lived objects are pending (gc.c heuristic).
        if (generation === GENERATIONS - 1 && this.longLivedPending < this.longLivedTotal / 4) continue;
        this.collect(generation);
        return;
      }
    }
  }

  /** Objects tracked in `generation` (or all when undefined), oldest list last. */
  objects(generation?: number): PyObject[] {
    const heads = generation === undefined ? this.generationHeads : [this.generationHeads[generation]!];
    return heads.flatMap((head) => this.links.items(head));
  }

  /** gc.collect(generation): the number of unreachable objects found. */
  collect(generation: number): number {
    if (this.collecting) return 0;
    this.collecting = true;
    this.onCollect?.("start", generation, 0, 0);
    try {
      const found = this.collectGeneration(generation);
      if (generation === GENERATIONS - 1) clearFreeLists();
      this.onCollect?.("stop", generation, found, 0);
      return found;
    } finally {
      this.collecting = false;
    }
  }

  private collectGeneration(generation: number): number {
    const links = this.links;
    const heads = this.generationHeads;
    if (generation + 1 < GENERATIONS) this.counts[generation + 1]!++;
    for (let index = 0; index <= generation; index++) this.counts[index] = 0;
    const olderIndex = generation + 1 < GENERATIONS ? generation + 1 : generation;

    // gc_list_merge(GEN_HEAD(i), GEN_HEAD(generation)) for each younger i: the younger lists
    // follow the collected one, generation 0 first.
    const young = heads[generation]!;
    for (let index = 0; index < generation; index++) links.spliceAtEnd(heads[index]!, young);
    const old = heads[olderIndex]!;

    const unreachableHead = links.newHead();
    try {
      return this.collectInto(generation, young, old, olderIndex, unreachableHead);
    } finally {
      releaseHeadIfEmpty(links, unreachableHead);
    }
  }

  private collectInto(generation: number, young: number, old: number, olderIndex: number, unreachableHead: number): number {
    const links = this.links;
    const { reachable, tuples, dicts } = deduceUnreachable(links, this.walkRecord, young, unreachableHead, olderIndex, generation);
    let survivors = reachable - untrackAll(tuples, rt.gcUntrackIfAtomic);
    if (young !== old) {
      if (generation === GENERATIONS - 2) this.longLivedPending += survivors;
      links.spliceAtEnd(young, old);
    } else {
      // Dicts are untracked in full collections only (gc.c, bpo-14775).
      survivors -= untrackAll(dicts, rt.gcUntrackIfAtomic);
      this.longLivedPending = 0;
      this.longLivedTotal = survivors;
    }

    if (links.isEmpty(unreachableHead)) {
      this.stats[generation]!.collections++;
      return 0;
    }
    const freedReferences = clearWeakReferences(links, links.items(unreachableHead));
    const foundUnreachable = links.length(unreachableHead) + (rt.profile.minor <= 6 ? generatorFramesIn(links, unreachableHead) : 0);
    this.finalizeGarbage(unreachableHead);
    // handle_resurrected_objects: what a finalizer made reachable again joins the older
    // generation; the rest is final.
    const finalHead = links.newHead();
    let collected: number;
    try {
      deduceUnreachable(links, this.walkRecord, unreachableHead, finalHead, olderIndex, UNREACHABLE);
      if (rt.profile.minor <= 8 && !links.isEmpty(unreachableHead)) {
        // ≤3.8 check_garbage/revive_garbage: one resurrected object keeps the whole set alive.
        // 3.6 still reported every object it had found; 3.7–3.8 report none.
        for (let slot = links.next[finalHead]!; slot !== finalHead; slot = links.next[slot]!) links.generation[slot] = olderIndex;
        links.spliceAtEnd(unreachableHead, old);
        links.spliceAtEnd(finalHead, old);
        collected = rt.profile.minor <= 6 ? foundUnreachable : 0;
      } else {
        links.spliceAtEnd(unreachableHead, old);
        collected = rt.profile.minor <= 6 ? foundUnreachable : links.length(finalHead);
        deleteGarbage(links, finalHead, old, olderIndex);
      }
    } finally {
      releaseHeadIfEmpty(links, finalHead);
    }
    collected += freedReferences;
    const stats = this.stats[generation]!;
    stats.collections++;
    stats.collected += collected;
    return collected;
  }

  /**
   * finalize_garbage: each object's tp_finalize runs at most once (PEP 442), in list order. A
   * finalizer may free other objects of the list (their dealloc unlinks them), so each object
   * is moved to a `seen` list before its finalizer runs.
   */
  private finalizeGarbage(unreachableHead: number): void {
    const links = this.links;
    const seen = links.newHead();
    try {
      // `links.next` is read afresh each time: a finalizer may track objects (growing the arrays).
      for (let slot = links.next[unreachableHead]!; slot !== unreachableHead; slot = links.next[unreachableHead]!) {
        const object = links.objects[slot]!;
        links.moveToEnd(slot, seen);
        const finalize = object.type.finalize;
        if (finalize === null || this.finalized.has(object)) continue;
        this.finalized.add(object);
        object.refcount++;
        finalize(object);
        if (--object.refcount === 0) object.type.dealloc(object);
      }
      links.spliceAtEnd(seen, unreachableHead);
    } finally {
      releaseHeadIfEmpty(links, seen);
    }
  }
}

/**
 * deduce_unreachable over the list headed by `young`: gc_refs = refcount minus the references
 * from the list's own objects (update_refs + subtract_refs, in one walk), then
 * move_unreachable: the walk keeps an object with gc_refs > 0 in place and marks what it
 * reaches; an object with gc_refs = 0 moves to `unreachableHead` for now, and back to the end
 * of `young` if a later object reaches it. This reordering is CPython's and decides the order
 * of gc.get_objects(), of finalizers and of deallocations. The first walk records each
 * object's tracked children in `record`; the second replays them (walk-record.ts).
 *
 * `member` is the generation the list's objects carry on entry (0..`member` for the young
 * generations, UNREACHABLE for the second pass over the unreachable list); reachable objects
 * leave with `olderIndex`, unreachable ones with UNREACHABLE. Returns how many stayed, and the
 * tuples and dicts among them in list order (the candidates for untracking).
 */
function deduceUnreachable(
  links: GcLinks,
  record: WalkRecord,
  young: number,
  unreachableHead: number,
  olderIndex: number,
  member: number,
): { reachable: number; tuples: PyObject[]; dicts: PyObject[] } {
  // The links' arrays are read through `links` while traverse functions run: one that tracked
  // an object would grow them. Past that walk, only the collector touches them.
  const objects = links.objects;
  record.reset(links.next.length);
  const unreachablePass = member === UNREACHABLE;
  const subtract = (child: PyObject): void => subtractChild(links, record, child, unreachablePass, member);
  const tupleType = rt.types.tuple;
  const dictType = rt.types.dict;
  for (let slot = links.next[young]!; slot !== young; slot = links.next[slot]!) {
    const object = objects[slot]!;
    if (links.generation[slot] !== COLLECTING) {
      links.generation[slot] = COLLECTING;
      links.refs[slot] = object.refcount;
    }
    const type = object.type;
    record.kind[slot] = type === tupleType ? KIND_TUPLE : type === dictType ? KIND_DICT : KIND_OTHER;
    record.start[slot] = record.count;
    subtractChildren(links, record, object, unreachablePass, member, subtract);
    record.end[slot] = record.count;
  }

  const { next, generation, refs } = links;
  const { start, end, kind, children } = record;
  const tuples: PyObject[] = [];
  const dicts: PyObject[] = [];
  let reachable = 0;
  let previous = young;
  for (let slot = next[young]!; slot !== young; slot = next[previous]!) {
    if (refs[slot]! > 0) {
      // visit_reachable on each child: one still counted as unreachable moves back to the end
      // of `young`, with gc_refs 1; one not walked yet gets gc_refs 1 if it had 0.
      for (let index = start[slot]!, limit = end[slot]!; index < limit; index++) {
        const child = children[index]!;
        const childGeneration = generation[child]!;
        if (childGeneration === TENTATIVE) {
          links.moveToEnd(child, young);
          generation[child] = COLLECTING;
          refs[child] = 1;
        } else if (childGeneration === COLLECTING && refs[child] === 0) {
          refs[child] = 1;
        }
      }
      generation[slot] = olderIndex;
      reachable++;
      const slotKind = kind[slot];
      if (slotKind === KIND_TUPLE) tuples.push(objects[slot]!);
      else if (slotKind === KIND_DICT) dicts.push(objects[slot]!);
      previous = slot;
    } else {
      links.moveToEnd(slot, unreachableHead);
      generation[slot] = TENTATIVE;
    }
  }
  for (let slot = next[unreachableHead]!; slot !== unreachableHead; slot = next[slot]!) generation[slot] = UNREACHABLE;
  return { reachable, tuples, dicts };
}

/**
 * subtract_refs for one reference, recorded in `record` when the child is tracked: a child in
 * the collected generations (0..`argument`; UNREACHABLE ones in the unreachable list's second
 * pass) gets its gc_refs started (minus this reference) or decremented.
 */
function subtractChild(links: GcLinks, record: WalkRecord, child: PyObject, unreachablePass: boolean, argument: number): void {
  const slot = child.gcSlot;
  if (slot < 0) return; // untracked
  record.push(slot);
  const childGeneration = links.generation[slot]!;
  if (childGeneration === COLLECTING) {
    links.refs[slot]--;
  } else if (unreachablePass ? childGeneration === UNREACHABLE : childGeneration <= argument) {
    links.generation[slot] = COLLECTING;
    links.refs[slot] = child.refcount - 1;
  }
}

/**
 * tp_traverse of `object` with `subtractChild` for each reference. Instances whose values are
 * inline (nearly all of them: the collector's bulk) are walked here, in instanceTraverse's
 * order, without a callback per reference; everything else goes through its type's traverse
 * with `subtract`.
 */
function subtractChildren(
  links: GcLinks,
  record: WalkRecord,
  object: PyObject,
  unreachablePass: boolean,
  argument: number,
  subtract: (child: PyObject) => void,
): void {
  const type = object.type;
  const traverse = type.traverse;
  if (traverse === null) return;
  if (traverse === dictTraverse) {
    subtractDict(links, record, object as PyDict, unreachablePass, argument, subtract);
    return;
  }
  if (traverse === listTraverse) {
    // A packed int (list-packed-ints.ts) is untracked: subtractChild would skip its object.
    listTraverseHeld(object, subtract);
    return;
  }
  if (traverse !== instanceTraverse) {
    traverse(object, subtract);
    return;
  }
  const instance = object as PyInstance;
  // Flat inline values (the usual 3.11+ instance): a set prefix of the entries, in entry order.
  // (An object of another class that uses instanceTraverse has no such field.)
  const flatLength = instance.flatLength as number | undefined;
  if (flatLength !== undefined && flatLength >= 0 && instance.slotValues === null) {
    // subtractChild written out for the collector's bulk (the values read from the instance's
    // fields, the recorded slots stored directly).
    const generation = links.generation;
    const refs = links.refs;
    const children = record.reserve(flatLength);
    let count = record.count;
    for (let entry = 0; entry < flatLength; entry++) {
      const value = flatValueAt(instance, entry);
      if (value === undefined) break;
      const slot = value.gcSlot;
      if (slot < 0) continue;
      children[count++] = slot;
      const childGeneration = generation[slot]!;
      if (childGeneration === COLLECTING) refs[slot]--;
      else if (unreachablePass ? childGeneration === UNREACHABLE : childGeneration <= argument) {
        generation[slot] = COLLECTING;
        refs[slot] = value.refcount - 1;
      }
    }
    record.count = count;
    if (type.heapType) subtractChild(links, record, type, unreachablePass, argument);
    return;
  }
  const attributes = instance.hasAttributes ? instance : null;
  const table = attributes === null ? null : inlineTableOf(attributes);
  const values = table === null ? null : table.valuesInEntryOrder;
  if (instance.slotValues !== null || (table !== null && values === null)) {
    traverse(object, subtract);
    return;
  }
  if (values !== null) {
    for (let entry = 0, used = table!.size; entry < used; entry++) subtractChild(links, record, values[entry]!, unreachablePass, argument);
  } else if (attributes !== null && attributes.dictObject !== null && !attributes.ownsValues) {
    // The values live in the __dict__ object (≤3.10, or read in 3.11–3.12): it is the reference.
    subtractChild(links, record, attributes.dictObject, unreachablePass, argument);
  }
  if (type.heapType) subtractChild(links, record, type, unreachablePass, argument);
}

/** dictTraverse (each value, then its key) for tables in entry order, else through `subtract`. */
function subtractDict(
  links: GcLinks,
  record: WalkRecord,
  dict: PyDict,
  unreachablePass: boolean,
  argument: number,
  subtract: (child: PyObject) => void,
): void {
  if (dict.sharedValuesOwner !== null) return;
  const table = dict.table;
  const values = table.valuesByEntry;
  if (values === null) {
    dictTraverse(dict, subtract);
    return;
  }
  const keys = table.keysObject!.entryKeys;
  for (let entry = 0, limit = table.entryCount; entry < limit; entry++) {
    const value = values[entry];
    if (value === undefined) continue;
    subtractChild(links, record, value, unreachablePass, argument);
    subtractChild(links, record, keys[entry]!, unreachablePass, argument);
  }
}

/** Untracks the atomic ones among `candidates` (untrack_tuples / untrack_dicts); returns how many. */
function untrackAll(candidates: readonly PyObject[], untrack: (object: PyObject) => void): number {
  let untracked = 0;
  for (const candidate of candidates) {
    untrack(candidate);
    if (candidate.gcSlot < 0) untracked++;
  }
  return untracked;
}

/**
 * delete_garbage: tp_clear on each object in list order, which breaks the cycles; refcounting
 * frees objects as they lose their last reference (and unlinks them from the list). An object
 * still in the list after its clear lives on in the older generation.
 */
function deleteGarbage(links: GcLinks, finalHead: number, old: number, olderIndex: number): void {
  // `links.next` is read afresh each time: tp_clear and deallocations may track objects.
  for (let slot = links.next[finalHead]!; slot !== finalHead; slot = links.next[finalHead]!) {
    const object = links.objects[slot]!;
    const clear = object.type.clear;
    if (clear !== null) {
      object.refcount++;
      clear(object);
      if (--object.refcount === 0) object.type.dealloc(object);
    }
    if (links.next[finalHead] === slot && links.objects[slot] === object) {
      links.moveToEnd(slot, old);
      links.generation[slot] = olderIndex;
    }
  }
}

/** A collection's own list head goes back to the pool once it is empty (always, unless a collection failed midway). */
function releaseHeadIfEmpty(links: GcLinks, head: number): void {
  if (links.isEmpty(head)) links.release(head);
}

/**
 * handle_weakrefs, before any finalizer: every weak reference to an unreachable object is
 * cleared first, then the callbacks run, in the order found, of the references that are not
 * garbage themselves (one in the garbage dies with it, its callback never called). A reference
 * that dies once its callback has run counts as collected. Returns how many did.
 */
function clearWeakReferences(links: GcLinks, unreachable: readonly PyObject[]): number {
  const due: WeakReferenceLike[] = [];
  for (const object of unreachable) {
    if (!hasWeakReferences(object)) continue;
    for (const reference of detachWeakReferences(object)) {
      const slot = reference.gcSlot;
      if (slot >= 0 && links.generation[slot] === UNREACHABLE) continue;
      reference.refcount++;
      due.push(reference);
    }
  }
  let freed = 0;
  for (const reference of due) {
    callWeakrefCallback(reference);
    if (--reference.refcount === 0) {
      reference.type.dealloc(reference);
      freed++;
    }
  }
  return freed;
}

/**
 * Up to 3.10 a generator owns a frame object, itself tracked by the collector; the simulator
 * keeps only its memory (`frameBlock`). 3.6 reports every unreachable object it found, so each
 * generator still holding its frame counts one more.
 */
function generatorFramesIn(links: GcLinks, head: number): number {
  let frames = 0;
  for (let slot = links.next[head]!; slot !== head; slot = links.next[slot]!) {
    const object = links.objects[slot]!;
    if (object.type === rt.types.generator && (object as PyGenerator).frameBlock !== null) frames++;
  }
  return frames;
}
