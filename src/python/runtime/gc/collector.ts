// The cycle collector of Python/gc.c: generations, thresholds and the collect algorithm.
//
// collect(n): merge the younger generations into n; gc_refs = refcount; subtract references
// between the collected objects (tp_traverse); whatever keeps gc_refs > 0, and everything it
// reaches, is alive. The rest is unreachable: PEP 442 finalizers run first (and may resurrect),
// weak references are cleared, then tp_clear breaks the cycles and refcounting frees them.
import type { PyObject } from "../object.js";
import { rt } from "../state.js";
import { listAppend, listRemove, newListHead } from "./tracking.js";

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

    // Gather the young objects (this generation and the younger ones).
    const young: PyObject[] = [];
    for (let index = 0; index <= generation; index++) {
      const head = heads[index]!;
      for (let object = head.gcNext!; object !== head; object = object.gcNext!) young.push(object);
    }
    const olderIndex = generation + 1 < GENERATIONS ? generation + 1 : generation;

    // update_refs / subtract_refs
    for (const object of young) {
      object.gcRefs = object.refcount;
      object.gcGeneration = COLLECTING;
    }
    const subtract = (child: PyObject): void => {
      if (child.gcGeneration === COLLECTING) child.gcRefs--;
    };
    for (const object of young) object.type.traverse?.(object, subtract);

    // move_unreachable: everything reachable from an object with external references lives.
    const reachable: PyObject[] = [];
    for (const object of young) {
      if (object.gcRefs > 0) {
        object.gcGeneration = olderIndex;
        reachable.push(object);
      }
    }
    const markReachable = (child: PyObject): void => {
      if (child.gcGeneration === COLLECTING) {
        child.gcGeneration = olderIndex;
        reachable.push(child);
      }
    };
    for (let index = 0; index < reachable.length; index++) {
      const object = reachable[index]!;
      object.type.traverse?.(object, markReachable);
    }
    const unreachable = young.filter((object) => object.gcGeneration === COLLECTING);

    // Survivors move to the older generation, in their original order.
    const olderHead = heads[olderIndex]!;
    for (const object of young) {
      if (object.gcGeneration === olderIndex) {
        listRemove(object);
        listAppend(olderHead, object);
        untrackIfAtomic(object);
      }
    }
    if (generation === GENERATIONS - 2) this.longLivedPending += reachable.length;
    if (generation === GENERATIONS - 1) {
      this.longLivedPending = 0;
      this.longLivedTotal = this.objects(GENERATIONS - 1).length;
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

/** Survivors that can never be part of a cycle stop being tracked (untrack_tuples/dicts). */
function untrackIfAtomic(object: PyObject): void {
  const untrack = object.type === rt.types.tuple || object.type === rt.types.dict ? rt.gcUntrackIfAtomic : null;
  if (untrack !== null) untrack(object);
}

/** handle_weakrefs: weak references to unreachable objects are cleared before any tp_clear. */
function clearWeakReferences(unreachable: readonly PyObject[]): void {
  for (const object of unreachable) {
    if (object.extras !== null && object.extras.weakrefs !== null) rt.clearWeakrefs(object);
  }
}
