// What differs between CPython versions, as one data record per version (see table.ts).
//
// Every version-dependent behaviour of the simulator reads a field here; nothing else in the
// simulator compares version numbers. Facts come from ../shared/cpython-facts/FACTS.md (the
// "key table" and its sections) and from CPython's sources where FACTS names them.

export type ProfileKey = "3.6" | "3.7" | "3.8" | "3.9" | "3.10" | "3.11" | "3.12" | "3.13" | "3.14";

export const PROFILE_KEYS: readonly ProfileKey[] = ["3.6", "3.7", "3.8", "3.9", "3.10", "3.11", "3.12", "3.13", "3.14"];

/** How refcounts of "immortal" objects behave (FACTS §1.4). */
export type Immortality =
  /** ≤3.10: no immortal objects; every object is counted. */
  | { readonly kind: "none" }
  /** 3.11: static objects start at 999 999 999 and are still counted. */
  | { readonly kind: "static-base"; readonly base: number }
  /** 3.12–3.13 (PEP 683): immortal objects read 4 294 967 295 and never move. */
  | { readonly kind: "fixed"; readonly reported: number; readonly memoryWord: number }
  /**
   * 3.14 (64-bit, derived from headers): 32-bit count 3<<30 followed by flags; an 8-byte read
   * includes the flags, so static and runtime-immortalised objects read differently.
   */
  | {
      readonly kind: "split";
      readonly reported: number;
      readonly staticMemoryWord: number;
      readonly runtimeMemoryWord: number;
    };

/** Where interned strings' refcounts end up (FACTS §1.5). */
export type InterningModel =
  /** ≤3.11: the interned dict's two references are not counted; the string is mortal. */
  | "counted"
  /** 3.12: every interned string is immortal. */
  | "immortal"
  /** 3.13+: names (co_names, identifiers) immortal; constants and sys.intern() results mortal. */
  | "names-immortal";

/**
 * What the simulator knows of the names CPython's process holds interned besides the lesson's:
 * every name its runtime, the kernel and each loaded module use, which no simulator can list.
 * Where an interned str's count depends on them (counted by their code on 3.11 and older,
 * immortal when they use it as a name on 3.13+), the count is refused, except for a name with
 * a digit outside both sets: such names are rare enough in modules that the standard library's
 * are the ones to fear, while names without a digit are too common to rule out.
 */
export interface KernelNames {
  /** Held in every process before user code runs (immortal on 3.13: a constant or sys.intern() finds them). */
  readonly atStartup: ReadonlySet<string>;
  /** Names with a digit a kernel may hold (standard-library modules, the driver). */
  readonly libraryDigitNames: ReadonlySet<string>;
}

/** How instance attributes are stored (FACTS §2.1, §2.2). */
export type InstanceDictModel =
  /** ≤3.10: every instance gets a real dict object (GC-tracked, counted by gc.collect). */
  | "dict"
  /** 3.11–3.12: inline values; reading __dict__ moves them into a new dict object. */
  | "inline-then-dict"
  /** 3.13+: inline values; a materialised __dict__ shares them and is not part of cycles. */
  | "inline-shared";

/** Which compiler stage folds constants, with what consequences (FACTS §3.3). */
export type FoldingModel =
  /** 3.6: peephole on bytecode; operands stay in co_consts, folded results appended. */
  | "peephole"
  /** 3.7–3.13: AST optimiser; folded values registered in the parser arena. */
  | "ast"
  /** 3.14: CFG optimiser; operands stay in co_consts, folded values not in the arena. */
  | "cfg";

export interface ObjectSizes {
  /** Bytes in front of a GC-tracked object (PyGC_Head). */
  readonly gcHeader: number;
  /** Extra bytes before the GC header of instances with a managed dict (3.11+) or weakref list (3.12+). */
  readonly managedPreHeader: number;
  /** 3.12+: the weakref list of heap-type instances lives in the pre-header too (no slot in the object). */
  readonly managedWeakref: boolean;
  /** 3.12+: subclasses of variable-size types (int, tuple) also keep their dict in the pre-header. */
  readonly managedDictForVariableSize: boolean;
  /** sys.getsizeof(0): 3.11+ counts one digit for zero. */
  readonly zeroIntSize: number;
  /** Header bytes of a compact ASCII str (PyASCIIObject): 48 until 3.11, 40 from 3.12. */
  readonly asciiStrHeader: number;
  /** Header bytes of a compact non-ASCII str (PyCompactUnicodeObject). */
  readonly compactStrHeader: number;
  /** sys.getsizeof of an instance of a plain class with no __slots__. */
  readonly instance: number;
  /** sys.getsizeof of a __slots__ instance with one slot. */
  readonly slotsInstanceOneSlot: number;
  /** sys.getsizeof(set()) and frozenset(). */
  readonly emptySet: number;
}

export interface Profile {
  readonly key: ProfileKey;
  readonly major: 3;
  readonly minor: number;
  /** The full version string the simulator reports in sys.version_info / sys.version. */
  readonly patchVersion: number;
  /** True when this profile was measured on a native interpreter; false when derived (3.14). */
  readonly measured: boolean;

  // ---- calls and frames (FACTS §1.2)
  /** 3.11+: a Python-to-Python call moves the caller's argument references into the frame. */
  readonly frameStealsArguments: boolean;
  /** 3.14: locals loaded with LOAD_FAST_BORROW push no reference inside functions. */
  readonly borrowedLocalLoads: boolean;
  /** 3.7+: obj.method(...) calls without creating a bound method (LOAD_METHOD). */
  readonly loadMethod: boolean;

  // ---- refcounts
  readonly immortality: Immortality;
  readonly interning: InterningModel;
  /** The kernel's interned names the simulator knows (measured on 3.13.0, the best knowledge for every version). */
  readonly kernelNames: KernelNames;
  /**
   * One-character names the interpreter keeps as their own statically allocated identifier strs
   * (3.11–3.12): interning such a character (a literal, a variable name, sys.intern) yields that
   * object, not the Latin-1 singleton chr() and indexing return, so `chr(97) is 'a'` is False.
   * Measured over all 256 code points, in a cell and in a function.
   */
  readonly separateOneCharIdentifiers: string;
  /**
   * Starting refcounts of objects the interpreter already references many times before user
   * code runs (≤3.11 show real counts; the numbers are orders of magnitude from FACTS §1.4).
   */
  readonly baseRefcounts: Readonly<Record<"None" | "True" | "False" | "Ellipsis" | "NotImplemented" | "smallInt" | "emptyTuple" | "emptyStr" | "char" | "type", number>>;
  /** 3.6–3.10: `s += t` on a str with no other references grows it in place (keeps the id). */
  readonly strConcatInPlace: boolean;

  // ---- garbage collector (FACTS §2)
  readonly gcThresholds: readonly [number, number, number];
  readonly instanceDict: InstanceDictModel;
  /** 3.14: freed list/dict/tuple/int objects hold a free-list pointer in their first word. */
  readonly intrusiveFreeLists: boolean;

  // ---- deallocation
  /** How deep deallocation chains are cut (memory/trashcan.ts). */
  readonly trashcan: TrashcanModel;

  // ---- compiler (FACTS §1.3, §3.3)
  /** SyntaxWarnings of the compiler: none before 3.8; 3.12+ name the literal's type. */
  readonly compileWarnings: "none" | "untyped" | "typed";
  readonly folding: FoldingModel;
  /** Longest str/bytes a fold may produce. */
  readonly maxFoldedStrLength: number;
  /** Longest tuple a fold may produce. */
  readonly maxFoldedTupleLength: number;
  /** 3.8+: equal constants are merged across all code objects of one compilation. */
  readonly mergeConstantsAcrossCodeObjects: boolean;
  /**
   * Constant slots no reachable instruction loads (dead branches, code after return): kept
   * (≤3.9, which skip the dead branches of constant `if`/`while` tests instead), cut from the
   * end of co_consts (3.10–3.11 trim_unused_consts), or all dropped but slot 0 (3.12+
   * remove_unused_consts). Measured with constant tests, returns and raises on 3.6–3.13.
   */
  readonly unusedConstants: "kept" | "trailingTrimmed" | "removed";
  /** 3.9+: list/set displays of 3+ constants are built from a constant tuple/frozenset. */
  readonly constantDisplays: boolean;
  /**
   * How a def's annotations are compiled: a dict built at definition (≤3.9), a flat
   * (name, value, ...) tuple made into a dict on first use (3.10–3.13), or 3.14's lazy
   * `__annotate__` function (PEP 649/749) that `__annotations__` calls with format 1 on first use.
   */
  readonly annotations: "dict" | "tuple" | "lazy";
  /** ≤3.13: a function's co_consts starts with its docstring or None. */
  readonly functionConstsLeadingNone: boolean;
  /**
   * 3.14: ints 0..255 are loaded by LOAD_SMALL_INT, so no instruction loads their co_consts
   * slot and remove_unused_consts drops it (except slot 0, which it always keeps) — FACTS §3.3.
   */
  readonly loadSmallInt: boolean;
  /**
   * ≤3.13: keyword-only defaults are built by BUILD_CONST_KEY_MAP from one keys-tuple constant.
   * 3.14 removed that opcode: each name is loaded as its own constant before its value, then
   * BUILD_MAP (Python/codegen.c codegen_kwonlydefaults).
   */
  readonly buildConstKeyMap: boolean;

  // ---- memory layout (FACTS §5)
  readonly sizes: ObjectSizes;
  /** pymalloc block alignment: 8 until 3.7, 16 from 3.8. */
  readonly pymallocAlignment: number;
  /** pymalloc pool size: 4 KiB until 3.9, 16 KiB from 3.10. */
  readonly poolSize: number;

  // ---- hashing
  readonly stringHash: "siphash24" | "siphash13";
}

/**
 * ≤3.12: deallocations nested `unwindLevel` deep are deferred until the outermost one ends.
 * 3.13+: deallocation recurses until the C recursion budget is within `headroom` of its end;
 * deferred objects are freed as soon as the stack has unwound `headroom` levels again.
 * `depthLimit` stands for that budget (CPython 3.13: about 10 000 frames; the simulator uses
 * what a JavaScript stack holds, so chains deeper than it are freed in a different order).
 */
export type TrashcanModel =
  | { readonly style: "nesting"; readonly unwindLevel: number }
  | { readonly style: "headroom"; readonly depthLimit: number; readonly headroom: number };
