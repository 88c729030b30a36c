// Code objects: the compiled form of a function, class body or statement, with its constants.
import { PyObject } from "../object.js";
import { rt } from "../state.js";
import { allocateObject, freeObjectMemory } from "../memory/object-memory.js";
import { freeFrameBlock, type FrameBlock, type ZombieSlot } from "../memory/frame-memory.js";
import type { PyTuple } from "./tuple.js";
import type { PyStr } from "./str.js";

/** co_flags bits the runtime reads. */
export const enum CodeFlags {
  Optimized = 0x1,
  NewLocals = 0x2,
  VarArgs = 0x4,
  VarKeywords = 0x8,
  Nested = 0x10,
  Generator = 0x20,
  NoFree = 0x40,
}

/**
 * The JavaScript a code object compiles to. For functions: binds `args` (owned by the frame
 * when `argsOwned`, else borrowed and increfed) and runs the body; returns a new reference.
 */
export type CompiledFunction = (
  func: PyObject,
  args: PyObject[],
  kwnames: readonly string[] | null,
  argsOwned: boolean,
) => PyObject;

/** Module code: (globals, builtins); class bodies: (function, namespace); functions: see above. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type CompiledCode = (...args: any[]) => PyObject;

export interface CodeInfo {
  readonly name: string;
  readonly qualname: string;
  readonly filename: string;
  readonly firstLineNumber: number;
  readonly argCount: number;
  readonly positionalOnlyCount: number;
  readonly keywordOnlyCount: number;
  readonly flags: number;
  /** co_varnames: parameters first, then other locals. */
  readonly varnames: readonly string[];
  readonly cellvars: readonly string[];
  readonly freevars: readonly string[];
  readonly names: readonly string[];
  readonly docstring: string | null;
}

export class PyCode extends PyObject {
  readonly info: CodeInfo;
  /** co_consts (owned). */
  readonly consts: PyTuple;
  /** co_names as interned str objects (owned). */
  names: PyTuple | null;
  /**
   * Why co_consts and co_names cannot be shown as CPython has them (the feature an unsupported
   * cell names), or null when they are faithful.
   */
  unfaithfulTables: string | null = null;
  /** co_name: the interned name (owned; set by the compiler). */
  name: PyStr | null = null;
  /**
   * 3.11+ co_qualname (owned), which functions made from the code share: the name itself at
   * module level, a str of its own for a nested or method qualname. Null up to 3.10, where
   * MAKE_FUNCTION takes the qualname from the enclosing code's constants.
   */
  qualname: PyStr | null = null;
  /** Set once the code generator has produced the body. */
  compiled: CompiledCode | null;
  /** The generated JavaScript (kept for debugging the compiler). */
  source: string;
  /** ≤3.10: co_zombieframe, the block of this code's last finished frame kept for its next run. */
  zombieFrame: FrameBlock | null = null;
  /** ≤3.10: the zombie frames of the inlined comprehensions' code objects, by site. */
  inlineFrames: Map<string, ZombieSlot> | null = null;

  constructor(info: CodeInfo, consts: PyTuple) {
    super(rt.types.code);
    this.info = info;
    this.consts = consts;
    this.names = null;
    this.compiled = null;
    this.source = "";
  }
}

/** Code objects are ~168 bytes plus their bytecode in CPython; the size only shapes addresses. */
const CODE_OBJECT_SIZE = 176;

/** A new code object; steals the reference to `consts`. */
export function newCode(info: CodeInfo, consts: PyTuple): PyCode {
  const code = new PyCode(info, consts);
  allocateObject(code, CODE_OBJECT_SIZE);
  return code;
}

export function codeDealloc(self: PyObject): void {
  const code = self as PyCode;
  if (code.zombieFrame !== null) freeFrameBlock(code.zombieFrame);
  code.zombieFrame = null;
  if (code.inlineFrames !== null) for (const slot of code.inlineFrames.values()) if (slot.zombieFrame !== null) freeFrameBlock(slot.zombieFrame);
  code.inlineFrames = null;
  freeObjectMemory(code, CODE_OBJECT_SIZE);
  const names = code.names;
  if (names !== null && --names.refcount === 0) names.type.dealloc(names);
  const consts = code.consts;
  if (--consts.refcount === 0) consts.type.dealloc(consts);
  for (const text of [code.name, code.qualname]) if (text !== null && --text.refcount === 0) text.type.dealloc(text);
}
