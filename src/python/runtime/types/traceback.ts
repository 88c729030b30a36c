// Traceback objects (tb_next / tb_lineno) built from an exception's recorded frames.
import { PyObject } from "../object.js";
import { decref } from "../object.js";
import { rt } from "../state.js";
import { allocateObject, freeObjectMemory } from "../memory/object-memory.js";
import { gcTrack, gcUntrack } from "../gc/tracking.js";
import type { BuiltinTypeSpec } from "../type-spec.js";
import { textSlot, addressText } from "../spec-helpers.js";
import type { TracebackEntry } from "./exceptions.js";
import { newInt } from "./int.js";
import { newNone } from "../values.js";

export class PyTraceback extends PyObject {
  constructor(
    readonly next: PyTraceback | null,
    readonly entry: TracebackEntry,
  ) {
    super(rt.types.traceback);
  }
}

const TRACEBACK_SIZE = 48;

/** The chain of traceback objects for `entries` (outermost first). New reference to the head. */
export function newTraceback(entries: readonly TracebackEntry[]): PyTraceback | null {
  let next: PyTraceback | null = null;
  for (let index = entries.length - 1; index >= 0; index--) {
    const entry = entries[index]!;
    entry.code.refcount++;
    const traceback: PyTraceback = new PyTraceback(next, entry);
    allocateObject(traceback, TRACEBACK_SIZE);
    rt.gc.countAllocation();
    gcTrack(traceback);
    next = traceback;
  }
  return next;
}

export const TRACEBACK_SPEC: BuiltinTypeSpec = {
  name: "traceback",
  layout: { basicSize: TRACEBACK_SIZE, itemSize: 0, gc: true, preHeader: false },
  slots: {
    dealloc: (self) => {
      const traceback = self as PyTraceback;
      gcUntrack(traceback);
      freeObjectMemory(traceback, TRACEBACK_SIZE);
      rt.gc.countDeallocation();
      decref(traceback.entry.code);
      if (traceback.next !== null) decref(traceback.next);
    },
    traverse: (self, visit) => {
      const traceback = self as PyTraceback;
      visit(traceback.entry.code);
      if (traceback.next !== null) visit(traceback.next);
    },
    repr: textSlot((self) => `<traceback object at ${addressText(self)}>`),
  },
  getsets: [
    { name: "tb_lineno", get: (self) => newInt((self as PyTraceback).entry.line) },
    {
      name: "tb_next",
      get: (self) => {
        const next = (self as PyTraceback).next;
        if (next === null) return newNone();
        next.refcount++;
        return next;
      },
    },
    { name: "tb_frame", get: () => newNone() },
  ],
};
