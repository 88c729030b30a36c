// Frame objects: what a traceback, a generator's gi_frame or f_back hands out for one run of a
// code object, holding the run's locals once it has finished (CPython's take_ownership).
//
// The simulator runs code as JavaScript closures, so a frame object exists only when something
// asks for one (as 3.11+ creates them lazily). While its run is still going the object is a
// view without references of its own; when the run ends (return or exception) the generated
// epilogue hands it the locals, the function (3.11+) or globals and builtins (≤3.10), and the
// class or module namespace. What a running frame cannot show (its current line, its live
// locals) is refused by name rather than guessed.
import { PyObject } from "../object.js";
import { rt } from "../state.js";
import { allocateObject, freeObjectMemory, headerBytesOf, ParkedBlock } from "../memory/object-memory.js";
import { frameObjectSize, type FrameBlock, type AdoptedRun } from "../memory/frame-memory.js";
import { gcTrack, gcUntrack } from "../gc/tracking.js";
import { withTrashcan } from "../memory/trashcan.js";
import type { BuiltinTypeSpec } from "../type-spec.js";
import { addressText } from "../spec-helpers.js";
import { CodeFlags, type PyCode } from "./code.js";
import { PyCell } from "./cell.js";
import { PyFunction } from "./function.js";
import { PyGenerator } from "./generator.js";
import { newDict, dictSetItem, dictDeleteItem, type PyDict } from "./dict.js";
import { internName, newStr } from "./str.js";
import { newInt } from "./int.js";
import { newNone, newBool } from "../values.js";
import { strReprText } from "./str-spec.js";
import { Unsupported, runtimeError } from "../errors.js";
import { forgetLiveFrame } from "./live-frames.js";

/** What a dead frame's block holds while it waits as a zombie or on the free list. */
const DEAD_FRAME = new ParkedBlock("frame", 0);

export class PyFrame extends PyObject {
  /** f_code (owned). */
  readonly code: PyCode;
  /** f_back (owned): null for a cell's own frame (its caller is the kernel), undefined while unknown. */
  back: PyFrame | null | undefined = undefined;
  /** f_lineno once known: set when an exception passes through the run and when the run ends. */
  line: number | null = null;
  /** The call depth (rt.callDepth) the run executes at: how a running frame is found again. */
  depth: number;
  /** True until the run ends; a running frame owns nothing but its code. */
  running = true;
  /** 3.11+: the function being run (owned; f_funcobj). */
  func: PyObject | null = null;
  /** f_globals and, ≤3.10, f_builtins (owned). */
  globals: PyObject | null = null;
  builtins: PyObject | null = null;
  /** A module's or class body's namespace: its f_locals (owned). */
  namespace: PyObject | null = null;
  /** Fast locals, cells and free-variable cells in localsplus order (values owned, null: unbound). */
  localNames: readonly string[] = [];
  localValues: (PyObject | null)[] = [];
  /** ≤3.12: the dict f_locals fills and keeps (PyFrame_FastToLocals), owned. */
  localsSnapshot: PyDict | null = null;
  /** Bytes allocated for the object (its slots depend on the code). */
  readonly size: number;
  /** ≤3.10: the call's frame block this object took over (frame-memory.ts), else null. */
  block: FrameBlock | null = null;
  /** The run whose block it took over (that run may still be going). */
  run: AdoptedRun | null = null;
  /** 3.11+: the run in progress holds a reference (frame_obj of its interpreter frame). */
  heldByRun = false;

  constructor(code: PyCode, depth: number, size: number) {
    super(rt.types.frame);
    this.code = code;
    this.depth = depth;
    this.size = size;
  }
}

const frameSize = frameObjectSize;

/** True for the code of a cell's top-level statement (its frame's caller is the kernel). */
export function isModuleCode(code: PyCode): boolean {
  return (code.info.flags & CodeFlags.Optimized) === 0 && code.info.name === "<module>";
}

/**
 * A frame object for a run of `code` at call depth `depth`, still running. New reference. ≤3.10
 * it is the memory the run already has: `generatorBlock` (a generator's frame) or the block of
 * the run in progress at that depth.
 */
export function newFrame(code: PyCode, depth: number, generatorBlock: FrameBlock | null = null): PyFrame {
  const frame = new PyFrame(code, depth, frameSize(code));
  const run = generatorBlock === null && rt.profile.minor <= 10 ? rt.freeLists.frame.adoptRun(code, depth) : null;
  const block = generatorBlock ?? run?.block ?? null;
  if (block !== null) {
    frame.address = block.address;
    rt.allocator.replaceOccupant(block.address, headerBytesOf(frame.type), block.bytes, frame);
    frame.block = block;
    frame.run = run;
  } else {
    allocateObject(frame, frame.size);
    rt.gc.countAllocation();
  }
  code.refcount++;
  if (isModuleCode(code)) {
    frame.back = null;
    // A cell's statements run in the notebook namespace, which is also their f_locals.
    const namespace = rt.currentGlobals;
    if (namespace !== null) {
      namespace.refcount++;
      frame.namespace = namespace;
    }
  }
  gcTrack(frame);
  return frame;
}

/**
 * The run of `frame` ended at `line`: the frame takes its own references to what the run had
 * (take_ownership). `func` is the function run (null for module code; a ≤3.10 generator's own
 * run passes the generator, which holds the frame's globals and builtins); `namespace` the module's
 * or class body's namespace; `names`/`values` the fast locals (values borrowed).
 */
export function finishFrame(
  frame: PyFrame,
  line: number,
  func: PyObject | null,
  namespace: PyObject | null,
  names: readonly string[] | null,
  values: readonly (PyObject | null)[] | null,
): void {
  frame.running = false;
  frame.line = line;
  const minor = rt.profile.minor;
  if (func !== null && minor >= 11) {
    func.refcount++;
    frame.func = func;
  }
  if (minor <= 10) {
    // A generator's frame takes them from the generator, which may have outlived its function.
    const holder = func instanceof PyFunction || func instanceof PyGenerator ? func : null;
    const globals = holder !== null ? holder.globals : namespace;
    const builtins = holder?.builtins ?? rt.builtins.dict;
    if (globals !== null) {
      globals.refcount++;
      frame.globals = globals;
    }
    builtins.refcount++;
    frame.builtins = builtins;
  }
  if (namespace !== null && frame.namespace === null) {
    namespace.refcount++;
    frame.namespace = namespace;
  }
  if (names !== null && values !== null) {
    frame.localNames = names;
    frame.localValues = values.map((value) => {
      if (value !== null) value.refcount++;
      return value;
    });
  }
}

/** Sets f_back of `frame` to `caller` when it is not known yet. */
export function linkCaller(frame: PyFrame, caller: PyFrame): void {
  if (frame.back !== undefined || frame === caller) return;
  caller.refcount++;
  frame.back = caller;
}

/** f_locals of a finished function frame as a new dict-shaped view: name → value (cells dereferenced). */
function forEachLocal(frame: PyFrame, visit: (name: string, value: PyObject | null) => void): void {
  frame.localNames.forEach((name, index) => {
    const value = frame.localValues[index] ?? null;
    visit(name, value instanceof PyCell ? value.contents : value);
  });
}

/** PyFrame_FastToLocals (≤3.12): fills the frame's own dict with its locals; new reference to it. */
export function frameLocalsSnapshot(frame: PyFrame): PyDict {
  let snapshot = frame.localsSnapshot;
  if (snapshot === null) {
    snapshot = newDict();
    frame.localsSnapshot = snapshot;
  }
  const dict = snapshot;
  forEachLocal(frame, (name, value) => {
    const key = internName(name);
    try {
      if (value === null) dictDeleteItem(dict, key);
      else dictSetItem(dict, key, value);
    } finally {
      if (--key.refcount === 0) key.type.dealloc(key);
    }
  });
  dict.refcount++;
  return dict;
}

/** frame.f_locals. */
function frameLocals(frame: PyFrame): PyObject {
  if (frame.namespace !== null) {
    frame.namespace.refcount++;
    return frame.namespace;
  }
  if (frame.running) throw new Unsupported("f_locals of a frame that is still running");
  if (rt.profile.minor >= 13) throw new Unsupported("frame.f_locals on 3.13+ (FrameLocalsProxy)");
  return frameLocalsSnapshot(frame);
}

/** Reading f_locals as IPython's traceback display does: only ≤3.12 keeps a snapshot of a finished function frame. */
export function touchFrameLocals(frame: PyFrame): void {
  if (frame.running || frame.namespace !== null || rt.profile.minor >= 13 || frame.localNames.length === 0) return;
  const snapshot = frameLocalsSnapshot(frame);
  snapshot.refcount--;
}

function frameLine(frame: PyFrame): number {
  if (frame.line === null) throw new Unsupported("the current line of a frame that is still running");
  if (frame.line === 0) throw new Unsupported("the line of a generator paused at a yield or generator expression spanning lines");
  return frame.line;
}

function forEachReference(frame: PyFrame, visit: (child: PyObject) => void): void {
  visit(frame.code);
  if (frame.back) visit(frame.back);
  if (frame.func !== null) visit(frame.func);
  if (frame.globals !== null) visit(frame.globals);
  if (frame.builtins !== null) visit(frame.builtins);
  if (frame.namespace !== null) visit(frame.namespace);
  for (const value of frame.localValues) if (value !== null) visit(value);
  if (frame.localsSnapshot !== null) visit(frame.localsSnapshot);
}

/** frame_tp_clear / frame.clear(): drops the locals (the code, globals and f_back stay). */
function clearLocals(frame: PyFrame): void {
  const values = frame.localValues;
  frame.localValues = values.map(() => null);
  for (const value of values) if (value !== null && --value.refcount === 0) value.type.dealloc(value);
}

function frameDealloc(self: PyObject): void {
  const frame = self as PyFrame;
  gcUntrack(frame);
  if (frame.running) forgetLiveFrame(frame);
  const references: PyObject[] = [];
  forEachReference(frame, (child) => references.push(child));
  frame.localValues = [];
  frame.localsSnapshot = null;
  frame.back = undefined;
  const block = frame.block;
  if (block === null) {
    freeObjectMemory(frame, frame.size);
    rt.gc.countDeallocation();
  } else {
    rt.allocator.replaceOccupant(block.address, headerBytesOf(frame.type), block.bytes, DEAD_FRAME);
    const run = frame.run;
    // A run still going keeps its block; otherwise frame_dealloc's zombie / free list / free.
    if (run === null || !rt.freeLists.frame.disownRun(run.serial)) rt.freeLists.frame.release(frame.code, block);
    frame.block = null;
    frame.run = null;
  }
  for (const reference of references) if (--reference.refcount === 0) reference.type.dealloc(reference);
}

function frameRepr(self: PyObject): PyObject {
  const frame = self as PyFrame;
  return newStr(`<frame at ${addressText(frame)}, file ${strReprText(frame.code.info.filename)}, line ${frameLine(frame)}, code ${frame.code.info.name}>`);
}

export const FRAME_SPEC: BuiltinTypeSpec = {
  name: "frame",
  layout: { basicSize: 120, itemSize: 8, gc: true, preHeader: false },
  slots: {
    dealloc: withTrashcan(frameDealloc),
    traverse: (self, visit) => forEachReference(self as PyFrame, visit),
    clear: (self) => clearLocals(self as PyFrame),
    repr: frameRepr,
  },
  methods: [
    {
      name: "clear",
      kind: "noargs",
      impl: (self) => {
        const frame = self as PyFrame;
        if (frame.running) throw runtimeError("cannot clear an executing frame");
        clearLocals(frame);
        return newNone();
      },
    },
  ],
  getsets: [
    { name: "f_code", get: (self) => ((self as PyFrame).code.refcount++, (self as PyFrame).code) },
    { name: "f_lineno", get: (self) => newInt(frameLine(self as PyFrame)) },
    { name: "f_locals", get: (self) => frameLocals(self as PyFrame) },
    {
      name: "f_globals",
      get: (self) => {
        const frame = self as PyFrame;
        const globals = frame.func instanceof PyFunction ? frame.func.globals : frame.globals ?? (isModuleCode(frame.code) ? frame.namespace : null);
        if (globals === null) throw new Unsupported("f_globals of a frame that is still running");
        globals.refcount++;
        return globals;
      },
    },
    {
      name: "f_builtins",
      get: (self) => {
        const frame = self as PyFrame;
        const builtins = frame.func instanceof PyFunction ? frame.func.builtins : frame.builtins ?? rt.builtins.dict;
        builtins.refcount++;
        return builtins;
      },
    },
    {
      name: "f_back",
      get: (self) => {
        const back = (self as PyFrame).back;
        if (back === undefined) throw new Unsupported("f_back of a frame whose caller the simulator did not record");
        if (back === null) return newNone();
        back.refcount++;
        return back;
      },
    },
    {
      name: "f_lasti",
      get: () => {
        throw new Unsupported("f_lasti (bytecode offsets)");
      },
    },
    { name: "f_trace", get: () => newNone() },
    { name: "f_trace_lines", get: () => newBool(true) },
    { name: "f_trace_opcodes", get: () => newBool(false) },
  ],
};
