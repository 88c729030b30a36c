// One code object being compiled: its scope, constant table, names and the JS being emitted.
import type * as ast from "../ast/nodes.js";
import type { Profile } from "../profiles/profile.js";
import type { Scope } from "./symtable.js";
import type { ConstRef } from "./constants.js";
import { constantKey } from "./constants.js";
import { Emitter } from "./emitter.js";
import type { Folder } from "./fold.js";

export type UnitKind = "module" | "class" | "function" | "generator";

/** A constant slot of co_consts: a value, or a nested code object compiled from a unit. */
export type ConstEntry = { readonly kind: "value"; readonly ref: ConstRef } | { readonly kind: "code"; readonly unit: CodeUnit };

/** What the code generator needs from the whole compilation. */
export interface CompilationContext {
  readonly profile: Profile;
  readonly folder: Folder;
  readonly filename: string;
  /** 'single' mode: a trailing expression statement is displayed (PRINT_EXPR). */
  readonly interactive: boolean;
}

/** A block a `return` leaves: a finally clause (its body) or a with statement. */
export type UnwindBlock = { readonly kind: "finally"; readonly body: readonly ast.Stmt[] } | { readonly kind: "with" };

/** A loop being compiled: where `break` and `continue` go. */
export interface LoopContext {
  readonly label: string;
  /** Stack depth inside the loop body (the iterator of a `for` sits below it). */
  readonly depth: number;
  /** Code that releases what the loop holds, emitted before `break` leaves it. */
  readonly onBreak: string;
  /** Set when a reachable `break` leaves the loop (the code after it is then reachable). */
  readonly exits: { broken: boolean };
}

export class CodeUnit {
  readonly emitter = new Emitter();
  readonly consts: ConstEntry[] = [];
  private readonly constIndexes = new Map<string, number>();
  /** co_names in first-use order. */
  readonly names: string[] = [];
  /**
   * 3.13+: how many call sites keep a class-call specialisation (CS0, CS1, …; ops/class-call-site.ts).
   * A holder, so an inlined comprehension's view of the unit counts into the same code object.
   */
  readonly classCallSites = { count: 0 };
  /**
   * How many list/set/dict comprehensions were compiled inline into this code (a holder, shared
   * with the views). Before 3.12 each is a code object of its own in CPython, holding its own
   * constants and names, so this code's co_consts and co_names are refused (compile.ts).
   */
  readonly comprehensionsInlined = { count: 0 };
  /** Why this code's co_consts/co_names are not CPython's (read as a refusal), or null. */
  unfaithfulTables: string | null = null;
  /**
   * While compiling: how many exception handlers protect the code being compiled (try bodies,
   * except clauses, with bodies), and how many finally clauses enclose it. 3.13's close() of a
   * generator paused at a yield no handler protects skips GeneratorExit (types/generator.ts).
   */
  readonly protection = { handlers: 0, finallies: 0 };
  private readonly nameIndexes = new Map<string, number>();
  /** JS names of fast locals and cells by Python name. */
  readonly localVariables = new Map<string, string>();
  /**
   * Python names of locals in the order the code generator first loads, stores or deletes them
   * (co_varnames after the parameters: compiler_nameop adds each on first use). 3.12+ also records
   * the variables of comprehensions inlined here (PEP 709), which share this frame.
   */
  readonly localsInUseOrder = new Set<string>();
  /** Extra JS variables to declare (comprehension locals, temporaries): name → initializer. */
  readonly extraVariables = new Map<string, string>();
  readonly loops: LoopContext[] = [];
  /**
   * The try-finally and with blocks around the code being compiled (a holder's array, shared
   * with views). 3.8+ compile a `return` inside them by inlining each finally body (and, 3.9+,
   * each with's __exit__(None, None, None)) before the return: their constants come first.
   */
  readonly unwindBlocks: UnwindBlock[] = [];
  /** Lines of the body, collected for co_lnotab-free line tracking. */
  firstLine: number;
  readonly children: CodeUnit[] = [];
  /** 3.6 peephole results, appended after every other constant (not de-duplicated). */
  readonly lateConsts: ConstRef[] = [];
  /**
   * Per slot of `consts`: does the generated code refer to it (`referenced`), and does a
   * LOAD_CONST still load it after 3.14's CFG optimiser (`loaded`)? Fold operands are neither;
   * ints 0..255 under LOAD_SMALL_INT are referenced (the JS needs the object) but not loaded.
   */
  readonly constUse: { referenced: boolean; loaded: boolean }[] = [];
  /**
   * Whether the code being generated can run (CPython's reachability after the CFG optimiser:
   * code after return/raise/break/continue, branches of constant tests). A load in unreachable
   * code registers its constant's slot without loading it: 3.10–3.11 trim the unused slots at the
   * end of co_consts, 3.12+ drop every unused slot but the first (compile.ts). ≤3.9 skip the
   * dead branches of constant `if`/`while` tests entirely (codegen/reachability.ts). A holder, so
   * an inlined comprehension's view of the unit shares it.
   */
  readonly reach = { live: true };
  /** 3.14: values the CFG optimiser folded, appended after every codegen constant (flowgraph.c add_const). */
  readonly cfgConsts: { readonly ref: ConstRef; loaded: boolean }[] = [];
  private readonly cfgConstIndexes = new Map<string, number>();
  /**
   * Objects the interpreter supplies without a co_consts slot (3.14's LOAD_COMMON_CONSTANT):
   * names of built-in exception types, reached from the generated code as `KX<i>`.
   */
  readonly commonConstants: string[] = [];
  /** 3.14: a module's simple-name annotated assignments, in order, for its __annotate__. */
  readonly deferredAnnotations: ast.AnnAssign[] = [];
  /** Keyword-name arrays for calls (JS constants at factory level). */
  readonly keywordArrays: string[][] = [];
  /** Nesting of try blocks whose handlers need the stack depth at entry. */
  docstring: string | null = null;
  /** Parameter counts (co_argcount etc.) for function units. */
  argCount = 0;
  positionalOnlyCount = 0;
  kwonlyCount = 0;

  constructor(
    readonly context: CompilationContext,
    readonly kind: UnitKind,
    readonly scope: Scope,
    readonly name: string,
    readonly qualname: string,
    firstLine: number,
    readonly parent: CodeUnit | null,
  ) {
    this.firstLine = firstLine;
  }

  get profile(): Profile {
    return this.context.profile;
  }

  /** Index of a constant in co_consts, adding it on first use (compiler_add_const); the code loads it. */
  constIndex(ref: ConstRef): number {
    const index = this.registerConst(ref);
    if (!this.reach.live) return index;
    const use = this.constUse[index]!;
    use.referenced = true;
    if (!this.isSmallIntLoad(ref)) use.loaded = true;
    return index;
  }

  /**
   * 3.14: a constant codegen emitted a LOAD_CONST for but the CFG optimiser folded away (an
   * operand of a folded expression). It keeps its slot only if it is slot 0.
   */
  operandConst(ref: ConstRef): void {
    this.registerConst(ref);
  }

  private registerConst(ref: ConstRef): number {
    const key = constantKey(ref);
    const existing = this.constIndexes.get(key);
    if (existing !== undefined) return existing;
    const index = this.consts.length;
    this.consts.push({ kind: "value", ref });
    this.constUse.push({ referenced: false, loaded: false });
    this.constIndexes.set(key, index);
    return index;
  }

  /** 3.14: LOAD_SMALL_INT replaces LOAD_CONST for exact ints 0..255 (flowgraph.c, _PY_IS_SMALL_INT). */
  private isSmallIntLoad(ref: ConstRef): boolean {
    if (!this.profile.loadSmallInt || ref.origin === "tuple" || ref.origin === "frozenset") return false;
    const value = ref.origin === "literal" ? ref.node.value : ref.value;
    return value.kind === "int" && value.value >= 0n && value.value < 256n;
  }

  /**
   * 3.14: the JS name of a value folded by the CFG optimiser. An equal constant already in
   * co_consts is reused (add_const looks it up first); otherwise the value is appended after
   * every constant codegen added.
   */
  cfgConstRef(ref: ConstRef): string {
    const key = constantKey(ref);
    const existing = this.constIndexes.get(key);
    if (existing !== undefined) return `K${this.constIndex(ref)}`;
    let index = this.cfgConstIndexes.get(key);
    if (index === undefined) {
      index = this.cfgConsts.length;
      this.cfgConsts.push({ ref, loaded: false });
      this.cfgConstIndexes.set(key, index);
    }
    if (this.reach.live && !this.isSmallIntLoad(ref)) this.cfgConsts[index]!.loaded = true;
    return `KC${index}`;
  }

  /** A folded constant the 3.6 peephole optimiser appends at the end of co_consts. */
  lateConstRef(ref: ConstRef): string {
    this.lateConsts.push(this.fromOwnConstants(ref));
    return `KL${this.lateConsts.length - 1}`;
  }

  /**
   * The peephole optimiser builds folded tuples and frozensets from the objects already in
   * co_consts, where equal literals were merged: `257, 257` becomes a tuple holding one 257 twice.
   */
  private fromOwnConstants(ref: ConstRef): ConstRef {
    if (ref.origin === "literal") {
      const index = this.constIndexes.get(constantKey(ref));
      const entry = index === undefined ? undefined : this.consts[index];
      return entry !== undefined && entry.kind === "value" ? entry.ref : ref;
    }
    if (ref.origin === "tuple" || ref.origin === "frozenset") return { ...ref, items: ref.items.map((item) => this.fromOwnConstants(item)) };
    return ref;
  }

  /** LOAD_COMMON_CONSTANT: a built-in exception type, borrowed. */
  commonConstant(name: string): string {
    let index = this.commonConstants.indexOf(name);
    if (index < 0) {
      index = this.commonConstants.length;
      this.commonConstants.push(name);
    }
    return `KX${index}`;
  }

  /** A code object constant (never merged with another). */
  codeConstIndex(unit: CodeUnit): number {
    const index = this.consts.length;
    this.consts.push({ kind: "code", unit });
    this.constUse.push({ referenced: this.reach.live, loaded: this.reach.live });
    return index;
  }

  /** None as a constant. */
  noneIndex(): number {
    return this.constIndex({ origin: "folded", value: { kind: "None" } });
  }

  /** A str constant (for docstrings, qualnames, names tuples). */
  strConstIndex(value: string): number {
    return this.constIndex({ origin: "folded", value: { kind: "str", value } });
  }

  /** The JS expression for a str constant (borrowed). */
  strConstRef(value: string): string {
    return `K${this.strConstIndex(value)}`;
  }

  /**
   * A view of this unit for an inlined comprehension: same code, constants and names, but the
   * comprehension's scope, with its own JS variables for the comprehension's locals.
   */
  inlineScope(scope: Scope): CodeUnit {
    this.comprehensionsInlined.count++;
    const view = Object.create(this) as CodeUnit & { scope: Scope; localVariables: Map<string, string> };
    (view as { scope: Scope }).scope = scope;
    const own = new Map<string, string>();
    (view as { localVariables: Map<string, string> }).localVariables = own;
    view.localVariable = (name: string): string => {
      const access = scope.lookup(name);
      if (access === "free") return this.localVariable(name);
      let variable = own.get(name);
      if (variable === undefined) {
        variable = this.declare(`q_${name.replace(/[^A-Za-z0-9_$]/g, "_")}_`);
        own.set(name, variable);
        if (this.profile.minor >= 12 && access === "fast") this.localsInUseOrder.add(name);
      }
      return variable;
    };
    return view;
  }

  /** Index in co_names (attribute and global names). */
  nameIndex(name: string): number {
    const existing = this.nameIndexes.get(name);
    if (existing !== undefined) return existing;
    const index = this.names.length;
    this.names.push(name);
    this.nameIndexes.set(name, index);
    return index;
  }

  /** The JS expression for co_names[i] (an interned str object, borrowed). */
  nameRef(name: string): string {
    return `N${this.nameIndex(name)}`;
  }

  /** The JS expression for the inline cache of namespace lookups of co_names[i] (ops/name-cache.ts). */
  nameCacheRef(name: string): string {
    return `NC${this.nameIndex(name)}`;
  }

  /** The JS expression for co_consts[i] (borrowed). */
  constRef(index: number): string {
    return `K${index}`;
  }

  keywordArray(names: string[]): string {
    const key = JSON.stringify(names);
    let index = this.keywordArrays.findIndex((existing) => JSON.stringify(existing) === key);
    if (index < 0) {
      index = this.keywordArrays.length;
      this.keywordArrays.push(names);
    }
    return `W${index}`;
  }

  /** A JS variable name for a Python local (fast or cell) of this unit. */
  localVariable(name: string): string {
    let variable = this.localVariables.get(name);
    if (variable === undefined) {
      variable = `l${this.localVariables.size}_${name.replace(/[^A-Za-z0-9_$]/g, "_")}`;
      this.localVariables.set(name, variable);
      this.localsInUseOrder.add(name);
    }
    return variable;
  }

  /** Declares an extra JS variable (initialised once at function entry). */
  declare(prefix: string, initializer = "null"): string {
    const name = this.emitter.temporary(prefix);
    this.extraVariables.set(name, initializer);
    return name;
  }

  /**
   * 3.14: the JS flag telling whether parameter `name` holds a borrowed reference (passed from a
   * caller's LOAD_FAST_BORROW), or null when this frame never holds one there. Only plain
   * (non-cell) parameters among the first 30 of a non-generator function can: a generator's
   * frame outlives the call, and a cell owns what it holds.
   */
  borrowFlag(name: string): string | null {
    if (!this.profile.borrowedLocalLoads || this.kind !== "function") return null;
    const index = this.scope.parameters.indexOf(name);
    if (index < 0 || index >= 30 || this.scope.lookup(name) !== "fast") return null;
    return `${this.localVariable(name)}_b`;
  }

  isFunctionLike(): boolean {
    return this.kind === "function" || this.kind === "generator";
  }
}

/** The statements of a block, as the code generator walks them. */
export type Body = readonly ast.Stmt[];
