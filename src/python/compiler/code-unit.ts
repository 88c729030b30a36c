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

/** A loop being compiled: where `break` and `continue` go. */
export interface LoopContext {
  readonly label: string;
  /** Stack depth inside the loop body (the iterator of a `for` sits below it). */
  readonly depth: number;
  /** Code that releases what the loop holds, emitted before `break` leaves it. */
  readonly onBreak: string;
}

export class CodeUnit {
  readonly emitter = new Emitter();
  readonly consts: ConstEntry[] = [];
  private readonly constIndexes = new Map<string, number>();
  /** co_names in first-use order. */
  readonly names: string[] = [];
  private readonly nameIndexes = new Map<string, number>();
  /** JS names of fast locals and cells by Python name. */
  readonly localVariables = new Map<string, string>();
  /** Extra JS variables to declare (comprehension locals, temporaries): name → initializer. */
  readonly extraVariables = new Map<string, string>();
  readonly loops: LoopContext[] = [];
  /** Lines of the body, collected for co_lnotab-free line tracking. */
  firstLine: number;
  readonly children: CodeUnit[] = [];
  /** 3.6 peephole results, appended after every other constant (not de-duplicated). */
  readonly lateConsts: ConstRef[] = [];
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

  /** Index of a constant in co_consts, adding it on first use (compiler_add_const). */
  constIndex(ref: ConstRef): number {
    const key = constantKey(ref);
    const existing = this.constIndexes.get(key);
    if (existing !== undefined) return existing;
    const index = this.consts.length;
    this.consts.push({ kind: "value", ref });
    this.constIndexes.set(key, index);
    return index;
  }

  /** A folded constant the 3.6 peephole optimiser appends at the end of co_consts. */
  lateConstRef(ref: ConstRef): string {
    this.lateConsts.push(ref);
    return `KL${this.lateConsts.length - 1}`;
  }

  /** A code object constant (never merged with another). */
  codeConstIndex(unit: CodeUnit): number {
    const index = this.consts.length;
    this.consts.push({ kind: "code", unit });
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
    }
    return variable;
  }

  /** Declares an extra JS variable (initialised once at function entry). */
  declare(prefix: string, initializer = "null"): string {
    const name = this.emitter.temporary(prefix);
    this.extraVariables.set(name, initializer);
    return name;
  }

  isFunctionLike(): boolean {
    return this.kind === "function" || this.kind === "generator";
  }
}

/** The statements of a block, as the code generator walks them. */
export type Body = readonly ast.Stmt[];
