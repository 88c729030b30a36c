// tuple objects: storage, the per-length free lists and the empty-tuple singleton.
import { PyObject } from "../object.js";
import { rt } from "../state.js";
import { allocateObject, freeObjectMemory } from "../memory/object-memory.js";
import { gcTrack, gcUntrack } from "../gc/tracking.js";

export class PyTuple extends PyObject {
  /** Owned references. Never mutated once the tuple is visible to Python code. */
  readonly items: PyObject[];

  constructor(items: PyObject[]) {
    super(rt.types.tuple);
    this.items = items;
  }
}

/** sys.getsizeof of a tuple of `length` items (without the GC header). */
export function tupleObjectSize(length: number): number {
  return 24 + 8 * length;
}

/**
 * A tuple that takes ownership of `items` (steals every reference). The empty tuple is the
 * shared singleton. New tuples of 1..19 items reuse free-list slots (LIFO per length).
 */
export function newTupleStealing(items: PyObject[]): PyTuple {
  const length = items.length;
  if (length === 0) {
    rt.emptyTuple.refcount++;
    return rt.emptyTuple;
  }
  const tuple = new PyTuple(items);
  const size = tupleObjectSize(length);
  const freeList = length < rt.freeLists.tuple.length ? rt.freeLists.tuple[length] : undefined;
  if (freeList === undefined || !freeList.reuse(tuple, size)) {
    allocateObject(tuple, size);
    rt.gc.countAllocation();
  }
  gcTrack(tuple);
  return tuple;
}

/** A tuple of the given items (borrowed; each is increfed). */
export function newTuple(items: readonly PyObject[]): PyTuple {
  for (let i = 0; i < items.length; i++) items[i]!.refcount++;
  return newTupleStealing(items.slice());
}

export function tupleDealloc(self: PyObject): void {
  const tuple = self as PyTuple;
  gcUntrack(tuple);
  // CPython drops the items (last first) before the tuple's own memory goes back.
  const items = tuple.items;
  const length = items.length;
  for (let i = length - 1; i >= 0; i--) {
    const item = items[i]!;
    if (--item.refcount === 0) item.type.dealloc(item);
  }
  const size = tupleObjectSize(length);
  const freeList = tuple.type === rt.types.tuple && length < rt.freeLists.tuple.length ? rt.freeLists.tuple[length] : undefined;
  if (freeList === undefined || !freeList.park(tuple, size)) {
    freeObjectMemory(tuple, size);
    rt.gc.countDeallocation();
  }
}

export function tupleTraverse(self: PyObject, visit: (child: PyObject) => void): void {
  const items = (self as PyTuple).items;
  for (let i = 0; i < items.length; i++) visit(items[i]!);
}
