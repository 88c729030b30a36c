// The per-type free lists of one runtime, sized as CPython 3.6–3.13 sizes them.
import type { Profile } from "../../profiles/profile.js";
import { FreeList } from "./object-memory.js";
import { FrameMemory } from "./frame-memory.js";

/** PyTuple_MAXSAVESIZE / PyTuple_MAXFREELIST. */
const TUPLE_LENGTHS = 20;
const TUPLE_PER_LENGTH = 2000;

export interface FreeLists {
  /** Index = tuple length (1..19); index 0 unused (the empty tuple is a singleton). */
  readonly tuple: FreeList[];
  readonly list: FreeList;
  readonly dict: FreeList;
  readonly float: FreeList;
  /** ≤3.8: bound methods (PyMethod_MAXFREELIST). */
  readonly method: FreeList;
  /** ≤3.10: the frames of calls (zombie frames, the frame free list, the runs in progress). */
  readonly frame: FrameMemory;
}

export function createFreeLists(_profile: Profile): FreeLists {
  const tuple: FreeList[] = [];
  for (let length = 0; length < TUPLE_LENGTHS; length++) tuple.push(new FreeList("tuple", length === 0 ? 0 : TUPLE_PER_LENGTH));
  return {
    tuple,
    list: new FreeList("list", 80),
    dict: new FreeList("dict", 80),
    float: new FreeList("float", 100),
    method: new FreeList("method", 256),
    frame: new FrameMemory(),
  };
}
