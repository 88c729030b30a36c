// ≤3.10: the memory of the frame every Python call runs in. CPython allocates a PyFrameObject per
// call (a GC object: gc.get_count() grows), unless the code object's zombie frame or the frame
// free list (200 blocks, emptied by full collections) supplies a block; a finished frame goes
// back to its code's zombie slot, else onto the free list, and only else is freed.
//
// The simulator runs calls as JavaScript closures, so here a frame is just its block: a run
// takes one at its start and gives it back at its end, unless a frame object made for the run
// (a traceback's, a generator's gi_frame) adopted it; that object gives it back when it dies.
import { rt } from "../state.js";
import { ParkedBlock, headerBytesOf } from "./object-memory.js";
import type { PyCode, CodeInfo } from "../types/code.js";

/** A frame's memory: the object address and the block's bytes (object plus GC header). */
export interface FrameBlock {
  readonly address: number;
  readonly bytes: number;
}

/** Where a code object keeps its zombie frame (co_zombieframe). */
export interface ZombieSlot {
  zombieFrame: FrameBlock | null;
}

/** A frame object's claim on the block of a run in progress (FrameMemory.adoptRun). */
export interface AdoptedRun {
  readonly block: FrameBlock;
  /** Which run: runs are numbered as they start. */
  readonly serial: number;
}

/** PyFrame_MAXFREELIST. */
const FRAME_FREE_LIST_CAPACITY = 200;

/** A guess at co_stacksize, which the simulator does not compute: it only shapes the frame's size. */
const ESTIMATED_STACK_SIZE = 4;

/** PyFrameObject's allocation: the fixed part per version plus one word per local and stack slot. */
export function frameObjectSize(code: PyCode): number {
  const info = code.info;
  let locals = localCounts.get(info);
  if (locals === undefined) {
    locals = new Set([...info.varnames, ...info.cellvars, ...info.freevars]).size;
    localCounts.set(info, locals);
  }
  return frameSizeFor(locals);
}

/** Distinct fast, cell and free variable names per code (read-only), counted once: every call asks. */
const localCounts = new WeakMap<CodeInfo, number>();

/** The frame size for a code object with `locals` fast, cell and free variables. */
function frameSizeFor(locals: number): number {
  const minor = rt.profile.minor;
  const slots = locals + ESTIMATED_STACK_SIZE;
  const fixed = minor <= 9 ? 368 : minor === 10 ? 360 : minor <= 12 ? 120 : 136;
  return fixed + 8 * slots;
}

const parkedFrame = new ParkedBlock("frame", 0);

export class FrameMemory {
  /** The free list, most recently freed last. */
  private readonly parked: FrameBlock[] = [];
  // The runs in progress, innermost last, as parallel arrays (no object per call).
  private readonly runCodes: PyCode[] = [];
  private readonly runDepths: number[] = [];
  private readonly runBlocks: FrameBlock[] = [];
  private readonly runAdopted: boolean[] = [];
  private readonly runSerials: number[] = [];
  private nextSerial = 0;

  /** _PyFrame_New_NoTrack's block for a run of `code`: zombie, free list (resized if small) or new. */
  acquire(code: PyCode): FrameBlock {
    return this.acquireFor(code, frameObjectSize(code));
  }

  /** The block for a frame of `size` bytes whose code keeps its zombie in `slot`. */
  acquireFor(slot: ZombieSlot, size: number): FrameBlock {
    const zombie = slot.zombieFrame;
    if (zombie !== null) {
      slot.zombieFrame = null;
      return zombie;
    }
    const header = headerBytesOf(rt.types.frame);
    const bytes = size + header;
    const parked = this.parked.pop();
    if (parked !== undefined) {
      if (roundedBytes(parked.bytes) >= bytes) return parked;
      // PyObject_GC_Resize: pymalloc moves a block that outgrows its size class.
      const address = rt.allocator.allocate(bytes, header, parkedFrame);
      rt.allocator.free(parked.address, header, parked.bytes);
      return { address, bytes };
    }
    const address = rt.allocator.allocate(bytes, header, parkedFrame);
    rt.gc.countAllocation();
    return { address, bytes };
  }

  /** frame_dealloc's fate for the block of a finished frame of `code`. */
  release(code: ZombieSlot, block: FrameBlock): void {
    if (code.zombieFrame === null) {
      code.zombieFrame = block;
      return;
    }
    if (this.parked.length < FRAME_FREE_LIST_CAPACITY) {
      this.parked.push(block);
      return;
    }
    freeFrameBlock(block);
  }

  /** A run of `code` at call depth `depth` begins. */
  enter(code: PyCode, depth: number): void {
    this.runCodes.push(code);
    this.runDepths.push(depth);
    this.runBlocks.push(this.acquire(code));
    this.runAdopted.push(false);
    this.runSerials.push(this.nextSerial++);
  }

  /** The innermost run ended: its block goes back unless a frame object adopted it. */
  leave(): void {
    const code = this.runCodes.pop();
    if (code === undefined) return;
    this.runDepths.pop();
    this.runSerials.pop();
    const block = this.runBlocks.pop()!;
    if (!this.runAdopted.pop()) this.release(code, block);
  }

  /** A new frame object takes over the block of the run of `code` at `depth`; null when there is none. */
  adoptRun(code: PyCode, depth: number): AdoptedRun | null {
    for (let index = this.runCodes.length - 1; index >= 0; index--) {
      const runDepth = this.runDepths[index]!;
      if (runDepth < depth) return null;
      if (runDepth !== depth || this.runCodes[index] !== code) continue;
      if (this.runAdopted[index]) return null;
      this.runAdopted[index] = true;
      return { block: this.runBlocks[index]!, serial: this.runSerials[index]! };
    }
    return null;
  }

  /** The adopting frame object died: true (the run keeps its block) when the run is still going. */
  disownRun(serial: number): boolean {
    const index = this.runSerials.lastIndexOf(serial);
    if (index < 0) return false;
    this.runAdopted[index] = false;
    return true;
  }

  /** PyFrame_ClearFreeList (a full collection): frees the parked blocks, most recent first. */
  clearFreeList(): void {
    for (let block = this.parked.pop(); block !== undefined; block = this.parked.pop()) freeFrameBlock(block);
  }
}

/** PyObject_GC_Del of a frame block. */
export function freeFrameBlock(block: FrameBlock): void {
  rt.allocator.free(block.address, headerBytesOf(rt.types.frame), block.bytes);
  rt.gc.countDeallocation();
}

/** The bytes pymalloc gives a request (its size class), or the request itself past 512. */
function roundedBytes(bytes: number): number {
  const alignment = rt.allocator.alignmentBytes;
  return bytes > 512 ? bytes : Math.ceil(bytes / alignment) * alignment;
}

/** Generated ≤3.10 function prologue: the run of `code` takes its frame block. */
export function enterFrame(code: PyCode): void {
  rt.freeLists.frame.enter(code, rt.callDepth);
}

/** Generated ≤3.10 function epilogue: the run gives its frame block back. */
export function leaveFrame(): void {
  rt.freeLists.frame.leave();
}

/**
 * Generated ≤3.10 code around an inlined comprehension: the frame its code object's call would
 * have (`site` names the comprehension within `code`; `locals` counts its variables).
 */
export function enterInlineFrame(code: PyCode, site: string, locals: number): FrameBlock {
  return rt.freeLists.frame.acquireFor(inlineSlot(code, site), frameSizeFor(locals));
}

export function leaveInlineFrame(code: PyCode, site: string, block: FrameBlock): void {
  rt.freeLists.frame.release(inlineSlot(code, site), block);
}

function inlineSlot(code: PyCode, site: string): ZombieSlot {
  const slots = (code.inlineFrames ??= new Map());
  let slot = slots.get(site);
  if (slot === undefined) {
    slot = { zombieFrame: null };
    slots.set(site, slot);
  }
  return slot;
}
