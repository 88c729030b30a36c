// The cycle collector of Python/gc.c: generations, thresholds and the collect algorithm.
//
// collect(n): merge the younger generations into n; gc_refs = refcount; subtract references
// between the collected objects (tp_traverse); whatever keeps gc_refs > 0, and everything it
// reaches, is alive. The rest is unreachable: PEP 442 finalizers run first (and may resurrect),
// weak references are cleared, then tp_clear breaks the cycles and refcounting frees them.
import type { PyObject } from "../object.js";
import { rt } from "../state.js";
import { newListHead } from "./tracking.js";

/** gcGeneration value of objects taking part in the running collection. */
const COLLECTING = 100;
const UNREACHABLE = 101;
const GENERATIONS = 3;

export interface CollectionStats {
  collections: number;
  collected: number;
  uncollectable: number;
}

export class Collector {
  readonly generationHeads: PyObject[];
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
    this.generationHeads = [newListHead(), newListHead(), newListHead()];
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
    const result: PyObject[] = [];
    const first = generation ?? 0;
    const last = generation ?? GENERATIONS - 1;
    for (let index = first; index <= last; index++) {
      const head = this.generationHeads[index]!;
      for (let object = head.gcNext!; object !== head; object = object.gcNext!) result.push(object);
    }
    return result;
  }

  /** gc.collect(generation): the number of unreachable objects found. */
  collect(generation: number): number {
    if (this.collecting) return 0;
    this.collecting = true;
    this.onCollect?.("start", generation, 0, 0);
    try {
      const found = this.collectGeneration(generation);
      this.onCollect?.("stop", generation, found, 0);
      return found;
    } finally {
      this.collecting = false;
    }
  }

  private collectGeneration(generation: number): number {
    const heads = this.generationHeads;
    if (generation + 1 < GENERATIONS) this.counts[generation + 1]!++;
    for (let index = 0; index <= generation; index++) this.counts[index] = 0;
    const olderIndex = generation + 1 < GENERATIONS ? generation + 1 : generation;

    // update_refs + subtract_refs in one walk: gc_refs = refcount minus the references from
    // other young objects. A young object (generation 0..n, not yet COLLECTING) gets its
    // gc_refs set when the walk or a reference first reaches it, so no separate pass is needed.
    const subtract = (child: PyObject): void => {
      const childGeneration = child.gcGeneration;
      if (childGeneration === COLLECTING) {
        child.gcRefs--;
      } else if (childGeneration >= 0 && childGeneration <= generation) {
        child.gcGeneration = COLLECTING;
        child.gcRefs = child.refcount - 1;
      }
    };
    // The same walk counts the young objects and notes the tuples and dicts among them (the
    // ones that may be untracked if they survive), in young order.
    let youngCount = 0;
    const untrackCandidates: PyObject[] = [];
    const tupleType = rt.types.tuple;
    const dictType = rt.types.dict;
    for (let index = 0; index <= generation; index++) {
      const head = heads[index]!;
      for (let object = head.gcNext!; object !== head; object = object.gcNext!) {
        if (object.gcGeneration !== COLLECTING) {
          object.gcGeneration = COLLECTING;
          object.gcRefs = object.refcount;
        }
        youngCount++;
        const type = object.type;
        if (type === tupleType || type === dictType) untrackCandidates.push(object);
        type.traverse?.(object, subtract);
      }
    }

    // move_unreachable: everything reachable from an object with external references lives.
    // Each root is marked with everything it reaches before the walk goes on (depth first);
    // the set found is the same as marking all roots first, and only its size is kept.
    let survivorCount = 0;
    const pending: PyObject[] = [];
    const markReachable = (child: PyObject): void => {
      if (child.gcGeneration === COLLECTING) {
        child.gcGeneration = olderIndex;
        survivorCount++;
        pending.push(child);
      }
    };
    for (let index = 0; index <= generation; index++) {
      const head = heads[index]!;
      for (let object = head.gcNext!; object !== head; object = object.gcNext!) {
        if (object.gcGeneration !== COLLECTING || object.gcRefs <= 0) continue;
        object.gcGeneration = olderIndex;
        survivorCount++;
        object.type.traverse?.(object, markReachable);
        while (pending.length > 0) {
          const reached = pending.pop()!;
          reached.type.traverse?.(reached, markReachable);
        }
      }
    }

    const { unreachable, olderCount } =
      survivorCount === youngCount
        ? this.moveAllYoung(generation, olderIndex, untrackCandidates, youngCount)
        : this.moveSurvivors(generation, olderIndex, untrackCandidates);
    if (generation === GENERATIONS - 2) this.longLivedPending += survivorCount;
    if (generation === GENERATIONS - 1) {
      this.longLivedPending = 0;
      this.longLivedTotal = olderCount;
    }

    if (unreachable.length === 0) {
      this.stats[generation]!.collections++;
      return 0;
    }
    for (const object of unreachable) object.gcGeneration = UNREACHABLE;
    const found = unreachable.length;

    // Keep every unreachable object alive while we work on them.
    for (const object of unreachable) object.refcount++;
    clearWeakReferences(unreachable);
    this.runFinalizers(unreachable);
    const resurrected = this.findResurrected(unreachable, olderIndex);
    for (const object of unreachable) {
      if (resurrected.has(object)) continue;
      if (object.gcGeneration === UNREACHABLE) object.type.clear?.(object);
    }
    for (const object of unreachable) {
      if (object.gcGeneration === UNREACHABLE) {
        // Still tracked after tp_clear: it lives on in the older generation.
        object.gcGeneration = olderIndex;
      }
      if (--object.refcount === 0) object.type.dealloc(object);
    }
    const stats = this.stats[generation]!;
    stats.collections++;
    stats.collected += found - resurrected.size;
    return found;
  }

  /**
   * Survivors move to the older generation's list, appended in young order (generation 0
   * first); unreachable objects stay in their own lists, in order, so when the older list is
   * the collected generation itself its unreachable objects come first. Tuples and dicts that
   * survive may then be untracked (untrack_tuples/dicts), in the same order.
   *
   * The lists are relinked in one walk that writes a link only where it changes: a run of
   * survivors (or of unreachable objects) keeps its links, so the usual collection where
   * nearly everything survives costs reads, not a remove and an append per object.
   * Returns the unreachable objects in young order and the older list's length afterwards.
   */
  private moveSurvivors(
    generation: number,
    olderIndex: number,
    youngCandidates: readonly PyObject[],
  ): { unreachable: PyObject[]; olderCount: number } {
    const heads = this.generationHeads;
    const unreachable: PyObject[] = [];
    let firstSurvivor: PyObject | null = null;
    let lastSurvivor: PyObject | null = null;
    let survivorCount = 0;
    let keptInOlder = 0;
    for (let index = 0; index <= generation; index++) {
      const head = heads[index]!;
      let keptTail = head;
      let object = head.gcNext!;
      while (object !== head) {
        const next = object.gcNext!;
        if (object.gcGeneration === COLLECTING) {
          link(keptTail, object);
          keptTail = object;
          unreachable.push(object);
          if (index === olderIndex) keptInOlder++;
        } else {
          if (lastSurvivor === null) firstSurvivor = object;
          else link(lastSurvivor, object);
          lastSurvivor = object;
          survivorCount++;
        }
        object = next;
      }
      link(keptTail, head);
    }
    const olderHead = heads[olderIndex]!;
    let olderCount = keptInOlder;
    if (firstSurvivor !== null) {
      link(olderHead.gcPrev!, firstSurvivor);
      link(lastSurvivor!, olderHead);
      olderCount += survivorCount;
    }
    if (olderIndex !== generation) olderCount = -1; // only a full collection needs the count
    const survivingCandidates = youngCandidates.filter((candidate) => candidate.gcGeneration === olderIndex);
    return { unreachable, olderCount: this.untrackAtomic(survivingCandidates, olderCount) };
  }

  /**
   * moveSurvivors when every young object survived: the young lists are spliced whole onto the
   * older list, in young order, without visiting their objects.
   */
  private moveAllYoung(
    generation: number,
    olderIndex: number,
    candidates: readonly PyObject[],
    youngCount: number,
  ): { unreachable: PyObject[]; olderCount: number } {
    const heads = this.generationHeads;
    let first: PyObject | null = null;
    let last: PyObject | null = null;
    for (let index = 0; index <= generation; index++) {
      const head = heads[index]!;
      if (head.gcNext === head) continue;
      if (last === null) first = head.gcNext!;
      else link(last, head.gcNext!);
      last = head.gcPrev!;
      head.gcNext = head;
      head.gcPrev = head;
    }
    if (first !== null) {
      const olderHead = heads[olderIndex]!;
      link(olderHead.gcPrev!, first);
      link(last!, olderHead);
    }
    // In a full collection the older list now holds exactly the young objects.
    const olderCount = olderIndex === generation ? youngCount : -1;
    return { unreachable: [], olderCount: this.untrackAtomic(candidates, olderCount) };
  }

  /** untrack_tuples/dicts over the surviving candidates, in order; keeps `olderCount` (≥ 0) exact. */
  private untrackAtomic(candidates: readonly PyObject[], olderCount: number): number {
    for (const candidate of candidates) {
      rt.gcUntrackIfAtomic(candidate);
      if (candidate.gcGeneration < 0 && olderCount >= 0) olderCount--;
    }
    return olderCount;
  }

  private runFinalizers(unreachable: readonly PyObject[]): void {
    for (const object of unreachable) {
      const finalize = object.type.finalize;
      if (finalize === null || this.finalized.has(object)) continue;
      this.finalized.add(object);
      finalize(object);
    }
  }

  /**
   * handle_resurrected_objects: after finalizers, an unreachable object that now has a reference
   * from outside the unreachable set lives again, with everything it reaches.
   */
  private findResurrected(unreachable: readonly PyObject[], olderIndex: number): Set<PyObject> {
    const resurrected = new Set<PyObject>();
    for (const object of unreachable) object.gcRefs = object.refcount - 1; // minus our own hold
    const subtract = (child: PyObject): void => {
      if (child.gcGeneration === UNREACHABLE) child.gcRefs--;
    };
    for (const object of unreachable) if (object.gcGeneration === UNREACHABLE) object.type.traverse?.(object, subtract);
    const queue = unreachable.filter((object) => object.gcGeneration === UNREACHABLE && object.gcRefs > 0);
    const mark = (child: PyObject): void => {
      if (child.gcGeneration === UNREACHABLE && !resurrected.has(child)) {
        resurrected.add(child);
        queue.push(child);
      }
    };
    for (const object of queue) resurrected.add(object);
    for (let index = 0; index < queue.length; index++) queue[index]!.type.traverse?.(queue[index]!, mark);
    for (const object of resurrected) object.gcGeneration = olderIndex;
    return resurrected;
  }
}

/** Links `next` after `previous`, writing only the fields that change. */
function link(previous: PyObject, next: PyObject): void {
  if (previous.gcNext !== next) previous.gcNext = next;
  if (next.gcPrev !== previous) next.gcPrev = previous;
}

/** handle_weakrefs: weak references to unreachable objects are cleared before any tp_clear. */
function clearWeakReferences(unreachable: readonly PyObject[]): void {
  for (const object of unreachable) {
    if (object.extras !== null && object.extras.weakrefs !== null) rt.clearWeakrefs(object);
  }
}
