// Cell objects: the shared variables of closures.
import { PyObject } from "../object.js";
import { rt } from "../state.js";
import { allocateObject, freeObjectMemory } from "../memory/object-memory.js";
import { gcTrack, gcUntrack } from "../gc/tracking.js";

export class PyCell extends PyObject {
  /** cell_contents (owned) or null when empty. */
  contents: PyObject | null;

  constructor(contents: PyObject | null) {
    super(rt.types.cell);
    this.contents = contents;
  }
}

const CELL_SIZE = 24;

/** A new cell; steals the reference to `contents`. */
export function newCell(contents: PyObject | null): PyCell {
  const cell = new PyCell(contents);
  allocateObject(cell, CELL_SIZE);
  rt.gc.countAllocation();
  gcTrack(cell);
  return cell;
}

export function cellDealloc(self: PyObject): void {
  const cell = self as PyCell;
  gcUntrack(cell);
  freeObjectMemory(cell, CELL_SIZE);
  rt.gc.countDeallocation();
  const contents = cell.contents;
  if (contents !== null && --contents.refcount === 0) contents.type.dealloc(contents);
}

export function cellTraverse(self: PyObject, visit: (child: PyObject) => void): void {
  const contents = (self as PyCell).contents;
  if (contents !== null) visit(contents);
}

export function cellClear(self: PyObject): void {
  const cell = self as PyCell;
  const contents = cell.contents;
  cell.contents = null;
  if (contents !== null && --contents.refcount === 0) contents.type.dealloc(contents);
}
