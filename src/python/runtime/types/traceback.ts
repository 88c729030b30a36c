// Traceback objects: one per frame an exception passed through (PyTraceback_Here), linked from
// the outermost frame (the exception's __traceback__) to the innermost by tb_next.
import { PyObject } from "../object.js";
import { rt } from "../state.js";
import { allocateObject, freeObjectMemory } from "../memory/object-memory.js";
import { gcTrack, gcUntrack } from "../gc/tracking.js";
import { withTrashcan } from "../memory/trashcan.js";
import type { BuiltinTypeSpec } from "../type-spec.js";
import { textSlot, addressText } from "../spec-helpers.js";
import { newInt } from "./int.js";
import { newNone } from "../values.js";
import { Unsupported } from "../errors.js";
import type { PyFrame } from "./frame.js";

export class PyTraceback extends PyObject {
  constructor(
    /** tb_next (owned), the entry of the frame the exception came from. */
    public next: PyTraceback | null,
    /** tb_frame (owned); null only after tp_clear. */
    public frame: PyFrame | null,
    /** tb_lineno: the line the frame was at when the exception passed. */
    readonly line: number,
  ) {
    super(rt.types.traceback);
  }
}

/** PyTracebackObject on 64-bit: header, tb_next, tb_frame, tb_lasti and tb_lineno. */
const TRACEBACK_SIZE = 40;

/** tb_create_raw: a new entry for `frame` at `line` in front of `next`. Steals neither. */
export function newTraceback(next: PyTraceback | null, frame: PyFrame, line: number): PyTraceback {
  if (next !== null) next.refcount++;
  frame.refcount++;
  const traceback = new PyTraceback(next, frame, line);
  allocateObject(traceback, TRACEBACK_SIZE);
  rt.gc.countAllocation();
  gcTrack(traceback);
  return traceback;
}

function tracebackDealloc(self: PyObject): void {
  const traceback = self as PyTraceback;
  gcUntrack(traceback);
  const next = traceback.next;
  const frame = traceback.frame;
  traceback.next = null;
  traceback.frame = null;
  freeObjectMemory(traceback, TRACEBACK_SIZE);
  rt.gc.countDeallocation();
  if (next !== null && --next.refcount === 0) next.type.dealloc(next);
  if (frame !== null && --frame.refcount === 0) frame.type.dealloc(frame);
}

/** tb_clear: what the cycle collector breaks (tb_next and tb_frame). */
function tracebackClear(self: PyObject): void {
  const traceback = self as PyTraceback;
  const next = traceback.next;
  const frame = traceback.frame;
  traceback.next = null;
  traceback.frame = null;
  if (next !== null && --next.refcount === 0) next.type.dealloc(next);
  if (frame !== null && --frame.refcount === 0) frame.type.dealloc(frame);
}

export const TRACEBACK_SPEC: BuiltinTypeSpec = {
  name: "traceback",
  layout: { basicSize: TRACEBACK_SIZE, itemSize: 0, gc: true, preHeader: false },
  slots: {
    dealloc: withTrashcan(tracebackDealloc),
    traverse: (self, visit) => {
      const traceback = self as PyTraceback;
      if (traceback.next !== null) visit(traceback.next);
      if (traceback.frame !== null) visit(traceback.frame);
    },
    clear: tracebackClear,
    repr: textSlot((self) => `<traceback object at ${addressText(self)}>`),
  },
  getsets: [
    { name: "tb_lineno", get: (self) => newInt((self as PyTraceback).line) },
    {
      name: "tb_next",
      get: (self) => {
        const next = (self as PyTraceback).next;
        if (next === null) return newNone();
        next.refcount++;
        return next;
      },
    },
    {
      name: "tb_frame",
      get: (self) => {
        const frame = (self as PyTraceback).frame;
        if (frame === null) return newNone();
        frame.refcount++;
        return frame;
      },
    },
    {
      name: "tb_lasti",
      get: () => {
        throw new Unsupported("tb_lasti (bytecode offsets)");
      },
    },
  ],
};
