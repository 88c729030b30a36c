// One simulated interpreter: its profile, memory, collector, built-in types and singletons.
//
// Everything mutable about a simulated CPython lives here, so two sessions (two lessons, or one
// lesson on two profiles) never share a refcount. `bootstrap.ts` fills the fields in.
import type { Profile } from "../profiles/profile.js";
import { Allocator } from "./memory/allocator.js";
import type { PyObject } from "./object.js";
import { ARENA_WINDOW_START } from "./object.js";
import type { PyType } from "./type.js";
import type { BuiltinTypes, ExceptionTypes } from "./builtin-type-registry.js";
import type { PyInt } from "./types/int.js";
import type { PyStr } from "./types/str.js";
import type { PyTuple } from "./types/tuple.js";
import type { PyModule } from "./types/module.js";
import type { Collector } from "./gc/collector.js";
import type { FreeLists } from "./memory/free-lists.js";
import type { ExecutionLimits } from "./limits.js";
import type { PyBytes } from "./types/bytes.js";
import type { PyDict } from "./types/dict.js";
import type { Ops } from "./ops/index.js";
import { TrashcanState } from "./memory/trashcan.js";

/** The start of the region static objects (types, None, small ints) are placed in. */
const STATIC_REGION = 0x55d4_a8e0_0000;
/** The start of the first pymalloc arena. */
const ARENA_REGION = ARENA_WINDOW_START;
/** The start of the system-malloc region used for blocks over 512 bytes. */
const LARGE_REGION = 0x55d4_aa61_0000;
/** The recursion limit an IPython session starts with (jedi sets it on import). */
const IPYTHON_RECURSION_LIMIT = 3000;
/** What occupies the blocks standing for the objects CPython's startup leaves in every size class. */
const STARTUP_RESIDENT = "an object made at interpreter startup";

export class Runtime {
  readonly allocator: Allocator;
  private staticCursor = STATIC_REGION;

  types!: BuiltinTypes;
  exc!: ExceptionTypes;
  None!: PyObject;
  True!: PyInt;
  False!: PyInt;
  Ellipsis!: PyObject;
  NotImplemented!: PyObject;
  /** Dead int objects whose JavaScript objects new ints reuse (types/int.ts). */
  readonly spareInts: PyInt[] = [];
  /** Dead tuple objects whose JavaScript objects new tuples reuse (types/tuple.ts). */
  readonly spareTuples: PyTuple[] = [];
  /** The cached ints -5..256, index = value + 5. */
  smallInts!: PyInt[];
  emptyTuple!: PyTuple;
  emptyStr!: PyStr;
  /** The one-character strings U+0000..U+00FF (CPython's latin-1 singletons). */
  latin1Chars!: PyStr[];
  /** The strs repr(False) and repr(True) return, index = the bool's value (bool-repr.ts); null until made. */
  readonly boolReprs: [PyStr | null, PyStr | null] = [null, null];
  /** sys.intern's table: value → the interned str (a borrowed entry; see str.ts). */
  readonly interned = new Map<string, PyStr>();
  emptyBytes!: PyBytes;
  /** b'\x00'..b'\xff' singletons. */
  singleBytes!: PyBytes[];
  gc!: Collector;
  /** Deallocations deferred past the trashcan's nesting level (memory/trashcan.ts). */
  readonly trashcan = new TrashcanState();
  /** What generated code calls (see ops/index.ts). */
  ops!: Ops;
  freeLists!: FreeLists;
  builtins!: PyModule;
  sys!: PyModule;
  /** sys.modules: name → module (owned references). */
  readonly modules = new Map<string, PyModule>();
  limits!: ExecutionLimits;
  /** Text written to sys.stdout / sys.stderr by the running cell, in order. */
  output: string[] = [];
  outputLength = 0;
  /** Called for every non-empty write to the cell's output (the session models the kernel's work per write). */
  outputWriteHook: (() => void) | null = null;
  /** sys.get_int_max_str_digits() (3.11+ and backports). */
  maxStrDigits = 4300;
  /**
   * Reference counts the simulator cannot tell right now: `refcountUnknownOf` is one object
   * whose count depends on what it does not model (`refcountUnknownWhy` names that count),
   * `refcountsUnknownWhile` says why every count is unknown (null: known). Reading one ends
   * the cell as unsupported.
   */
  refcountUnknownOf: PyObject | null = null;
  refcountUnknownWhy = "";
  refcountsUnknownWhile: string | null = null;
  /** Containers whose repr is being computed (Py_ReprEnter). */
  readonly reprActive = new Set<PyObject>();
  /** The module namespace cells run in (globals()). */
  currentGlobals: PyDict | null = null;
  /** sys.modules. */
  sysModulesDict: PyDict | null = null;
  /** ctypes integer types by name, and their C sizes. */
  readonly ctypesTypes = new Map<string, PyType>();
  readonly ctypesIntegers = new Map<PyType, { readonly size: 4 | 8; readonly signed: boolean }>();
  /** Names of modules whose repr says "(built-in)". */
  readonly builtinModuleNames = new Set(["builtins", "sys", "gc", "time", "math", "_ctypes", "_weakref"]);
  /** Source lines of compiled cells by filename, for tracebacks. */
  private readonly sources = new Map<string, string[]>();
  /** Objects in the static region, by address (types, singletons). */
  private readonly staticObjects = new Map<number, { object: PyObject; size: number }>();
  private staticAddresses: number[] = [];
  /** Hooks filled by bootstrap.ts (they would otherwise make module cycles). */
  clearWeakrefs!: (object: PyObject) => void;
  gcUntrackIfAtomic!: (object: PyObject) => void;
  /** Incremented whenever any class namespace changes; attribute caches compare against it. */
  typeEpoch = 0;
  /** Current depth of Python calls (for RecursionError). */
  callDepth = 0;
  /**
   * Python calls made from runtime code (slots, a builtin's callback) now running: CPython's C
   * stack under them, which from 3.12 has a recursion limit of its own.
   */
  runtimeCallDepth = 0;
  /**
   * sys.getrecursionlimit(): 3000, as in an IPython session (importing jedi, which IPython's
   * completer needs, raises CPython's default of 1000; sessions in `python -i` style lower it
   * again). A Python recursion that outgrows the JavaScript stack first ends the cell as
   * unsupported (see session.ts).
   */
  recursionLimit = IPYTHON_RECURSION_LIMIT;
  /** Line of the statement running now, for unsupported-feature messages. */
  currentLine = 0;

  constructor(readonly profile: Profile) {
    this.allocator = new Allocator({
      poolSize: profile.poolSize,
      alignment: profile.pymallocAlignment,
      arenaStart: ARENA_REGION,
      largeStart: LARGE_REGION,
    });
    this.allocator.reserveStartupBlocks(STARTUP_RESIDENT);
  }

  /** An address in the static region for an object that is never freed (types, singletons). */
  staticAddress(size: number): number {
    const address = this.staticCursor;
    this.staticCursor += Math.ceil(size / 16) * 16 + 16;
    return address;
  }

  /** Records an object placed in the static region, so memory reads can find it. */
  registerStatic(object: PyObject, size: number): void {
    this.staticObjects.set(object.address, { object, size });
    this.staticAddresses = [];
  }

  isStaticObject(object: PyObject): boolean {
    return this.staticObjects.get(object.address)?.object === object;
  }

  /** The static object covering `address`, and the offset into it. */
  staticObjectAt(address: number): { object: PyObject; offset: number } | null {
    const exact = this.staticObjects.get(address);
    if (exact !== undefined) return { object: exact.object, offset: 0 };
    if (this.staticAddresses.length === 0) this.staticAddresses = [...this.staticObjects.keys()].sort((a, b) => a - b);
    let low = 0;
    let high = this.staticAddresses.length - 1;
    while (low <= high) {
      const middle = (low + high) >> 1;
      if (this.staticAddresses[middle]! <= address) low = middle + 1;
      else high = middle - 1;
    }
    const start = this.staticAddresses[high];
    if (start === undefined) return null;
    const entry = this.staticObjects.get(start)!;
    return address < start + entry.size ? { object: entry.object, offset: address - start } : null;
  }

  /** The live object whose address is exactly `address`, or null. */
  objectAtAddress(address: number): PyObject | null {
    const located = this.allocator.locate(address);
    if (located.kind === "object" && located.offset === 0) {
      const occupant = located.object as PyObject;
      if (typeof occupant === "object" && occupant !== null && "refcount" in occupant && occupant.refcount > 0) return occupant;
    }
    const staticObject = this.staticObjects.get(address);
    return staticObject === undefined ? null : staticObject.object;
  }

  registerSource(filename: string, source: string): void {
    this.sources.set(filename, source.split("\n"));
  }

  sourceLine(filename: string, line: number): string | null {
    return this.sources.get(filename)?.[line - 1] ?? null;
  }

  /** Builds an exception instance of `type` with a str message (args = (message,)). */
  newException!: (type: PyType, message: string) => PyObject;
  /** Builds an exception instance of `type` with the given args (borrowed). */
  newExceptionWithArgs!: (type: PyType, args: readonly PyObject[]) => PyObject;
}
