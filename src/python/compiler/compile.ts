// The compiler's entry point: AST → symbol table → code units → PyCode objects with JS bodies.
import type * as ast from "../ast/nodes.js";
import type { Profile } from "../profiles/profile.js";
import { decref, type PyObject } from "../runtime/object.js";
import { rt } from "../runtime/state.js";
import { buildSymbolTable, SymbolTableError } from "./symtable.js";
import { Folder } from "./fold.js";
import { CodeUnit, type CompilationContext } from "./code-unit.js";
import { compileBody } from "./codegen/statements.js";
import { compileModuleAnnotate } from "./codegen/functions.js";
import { storeName } from "./codegen/names.js";
import { assembleUnit } from "./assemble.js";
import { constantKey, type ConstRef } from "./constants.js";
import { newObjectForScalar } from "./literals.js";
import { newTupleStealing, type PyTuple } from "../runtime/types/tuple.js";
import { newFrozensetStealing } from "../runtime/types/set.js";
import { newCode, CodeFlags, type PyCode } from "../runtime/types/code.js";
import { intern, internName, isNameCharsOnly, newStr, PyStr } from "../runtime/types/str.js";
import { UnsupportedSyntax } from "./codegen/unsupported.js";

export type CompileMode = "exec" | "single";

export interface CompileOptions {
  readonly filename: string;
  readonly mode: CompileMode;
  /** The objects the parser made for each literal (borrowed: the caller keeps them alive). */
  readonly literals: ReadonlyMap<ast.Constant, PyObject>;
}

export interface CompileResult {
  readonly code: PyCode;
  /**
   * References the "parser arena" holds on folded constants (3.7–3.13). The caller releases them
   * when CPython would free the arena: right after compile() for IPython cells, after running the
   * unit for scripts and `python -i` lines.
   */
  readonly arena: PyObject[];
}

export { UnsupportedSyntax, SymbolTableError };

/** Compiles a module (exec) or one interactive statement (single). */
export function compileModule(module: ast.Module | ast.Interactive, options: CompileOptions): CompileResult {
  const profile = rt.profile;
  const scope = buildSymbolTable(module, profile.annotations === "lazy");
  const context: CompilationContext = {
    profile,
    folder: new Folder(profile),
    filename: options.filename,
    interactive: options.mode === "single",
  };
  const root = new CodeUnit(context, "module", scope, "<module>", "<module>", firstLineOf(module), null);
  const body = module.body;
  // 3.14: where the module's __annotate__ is stored (ANNOTATIONS_PLACEHOLDER), then the set of
  // executed annotations (_PyCodegen_Module).
  const annotationsStart = root.emitter.mark();
  if (scope.annotationScope !== null) {
    root.emitter.push("buildSet([])");
    storeName(root, "__conditional_annotations__");
  }
  if (options.mode === "exec" && isDocstring(body[0])) {
    // A module whose first statement is a string literal stores it as __doc__.
    root.emitter.line(`ln = ${body[0]!.lineno};`);
    const index = root.constIndex({ origin: "literal", node: (body[0] as ast.ExprStmt).value as ast.Constant });
    root.emitter.line(`storeName(G, ${root.nameRef("__doc__")}, ${root.nameCacheRef("__doc__")}, (K${index}.refcount++, K${index}));`);
    compileBody(root, body.slice(1));
  } else {
    compileBody(root, body);
  }
  compileModuleAnnotate(root, annotationsStart);
  // The closing LOAD_CONST None (3.10+: loaded only if the end of the code is reachable).
  if (root.reach.live || profile.unusedConstants === "kept") root.noneIndex();
  else root.operandConst({ origin: "folded", value: { kind: "None" } });
  const materializer = new Materializer(profile, options.literals);
  const code = materializer.codeFor(root);
  return { code, arena: materializer.arena };
}

function isDocstring(statement: ast.Stmt | undefined): boolean {
  return statement?.type === "Expr" && statement.value.type === "Constant" && statement.value.value.kind === "str";
}

function firstLineOf(module: ast.Module | ast.Interactive): number {
  const first = module.body[0];
  return first === undefined ? 1 : first.lineno;
}

/** Builds the PyObjects of co_consts (merging and interning per version) and the code objects. */
class Materializer {
  readonly arena: PyObject[] = [];
  /** 3.8+: one cache of constants across every code object of the compilation. */
  private readonly cache = new Map<string, PyObject>();

  constructor(
    private readonly profile: Profile,
    private readonly literals: ReadonlyMap<ast.Constant, PyObject>,
  ) {}

  codeFor(unit: CodeUnit): PyCode {
    if (this.profile.folding === "cfg") return this.cfgCodeFor(unit);
    if (this.profile.unusedConstants !== "kept") return this.prunedCodeFor(unit);
    const values: PyObject[] = unit.consts.map((entry) => (entry.kind === "code" ? this.codeFor(entry.unit) : this.constant(entry.ref)));
    const lateIndexes: number[] = [];
    for (const ref of unit.lateConsts) {
      lateIndexes.push(values.length);
      values.push(this.constant(ref));
    }
    for (let index = 0; index < values.length; index++) values[index] = internConstant(values[index]!);
    const consts = newTupleStealing(values);
    return this.finishCode(unit, consts, consts.items, lateIndexes);
  }

  /**
   * 3.10–3.13: co_consts without the slots no reachable instruction loads. 3.10–3.11 cut the
   * tail after the last loaded slot (trim_unused_consts); 3.12–3.13 drop every unloaded slot
   * (remove_unused_consts). Both keep slot 0, which may be the docstring. The generated JS sees
   * the dropped slots as null: only unreachable code refers to them.
   */
  private prunedCodeFor(unit: CodeUnit): PyCode {
    // Tuples the optimiser folded (defaults) reuse an equal slot, else go after codegen's.
    const lateSlots: number[] = [];
    const lateKeys = new Map<string, number>();
    const codegenKeys = new Map<string, number>();
    unit.consts.forEach((entry, index) => {
      if (entry.kind === "value" && !codegenKeys.has(constantKey(entry.ref))) codegenKeys.set(constantKey(entry.ref), index);
    });
    const appended: ConstRef[] = [];
    for (const ref of unit.lateConsts) {
      const key = constantKey(ref);
      const existing = codegenKeys.get(key);
      if (existing !== undefined) {
        unit.constUse[existing]!.loaded = true;
        lateSlots.push(existing);
        continue;
      }
      let position = lateKeys.get(key);
      if (position === undefined) {
        position = unit.consts.length + appended.length;
        appended.push(ref);
        lateKeys.set(key, position);
      }
      lateSlots.push(position);
    }
    let lastLoaded = appended.length > 0 ? unit.consts.length - 1 : 0;
    unit.constUse.forEach((use, index) => {
      if (use.loaded) lastLoaded = Math.max(lastLoaded, index);
    });
    const keeps = (index: number): boolean => index === 0 || (this.profile.unusedConstants === "trailingTrimmed" ? index <= lastLoaded : unit.constUse[index]!.loaded);
    const kept: PyObject[] = [];
    const forCode: (PyObject | null)[] = unit.consts.map((entry, index) => {
      if (!keeps(index)) return null;
      const value = internConstant(entry.kind === "code" ? this.codeFor(entry.unit) : this.constant(entry.ref));
      kept.push(value);
      return value;
    });
    for (const ref of appended) {
      const value = internConstant(this.constant(ref));
      kept.push(value);
      forCode.push(value);
    }
    const consts = newTupleStealing(kept);
    return this.finishCode(unit, consts, forCode as PyObject[], lateSlots);
  }

  /**
   * 3.14: co_consts as flowgraph.c leaves it. Codegen's constants come first, then the values
   * the CFG optimiser folded; remove_unused_consts then drops every slot no LOAD_CONST loads,
   * except slot 0 ("may be docstring; keep it always"). The generated JS still needs the objects
   * of small ints loaded by LOAD_SMALL_INT, so it gets its own array of every referenced value.
   */
  private cfgCodeFor(unit: CodeUnit): PyCode {
    const slots = [
      ...unit.consts.map((entry, index) => ({ entry, ...unit.constUse[index]! })),
      ...unit.cfgConsts.map(({ ref, loaded }) => ({ entry: { kind: "value" as const, ref }, referenced: true, loaded })),
    ];
    const kept: PyObject[] = [];
    const forCode: (PyObject | null)[] = [];
    const borrowedOnly: PyObject[] = [];
    slots.forEach(({ entry, referenced, loaded }, index) => {
      const keep = index === 0 || loaded;
      if (!keep && !referenced) {
        forCode.push(null);
        return;
      }
      let value = entry.kind === "code" ? this.codeFor(entry.unit) : this.constant(entry.ref);
      value = internConstant(value);
      forCode.push(value);
      if (keep) kept.push(value);
      else borrowedOnly.push(value);
    });
    const consts = newTupleStealing(kept);
    const code = this.finishCode(unit, consts, forCode as PyObject[], []);
    // Only ints 0..255 are referenced without a slot: the small-int cache keeps them alive.
    for (const value of borrowedOnly) decref(value);
    return code;
  }

  private finishCode(unit: CodeUnit, consts: PyTuple, codeConstants: readonly PyObject[], lateIndexes: readonly number[]): PyCode {
    const code = newCode(this.codeInfo(unit), consts);
    code.unfaithfulTables = unit.unfaithfulTables;
    if (this.profile.minor <= 11 && unit.comprehensionsInlined.count > 0) {
      code.unfaithfulTables = "co_consts and co_names of code with a list, set or dict comprehension before 3.12 (the comprehension's own code object is not modelled)";
    }
    code.name = internName(unit.name);
    if (this.profile.minor >= 11) {
      // compiler_set_qualname: a module-level name is its own qualname (the same object).
      code.qualname = unit.qualname === unit.name ? (code.name.refcount++, code.name) : newStr(unit.qualname);
    }
    const names = unit.names.map((name) => internName(name));
    code.names = newTupleStealing(names.slice());
    const source = assembleUnit(unit, unit.consts.length, lateIndexes, unit.cfgConsts.length, codeConstants.length);
    // LOAD_COMMON_CONSTANT operands follow the constants (borrowed: built-in types live forever).
    const common = unit.commonConstants.map((name) => (rt.exc as unknown as Record<string, PyObject>)[name]!);
    let factory: (K: readonly PyObject[], N: readonly PyObject[], R: unknown, CODE: PyCode) => unknown;
    try {
      factory = new Function("K", "N", "R", "CODE", source) as typeof factory;
    } catch (error) {
      throw new Error(`compiler bug: generated JavaScript for ${unit.qualname} does not parse: ${(error as Error).message}\n${source}`);
    }
    code.compiled = factory([...codeConstants, ...common], names, rt.ops, code) as PyCode["compiled"];
    code.source = source;
    return code;
  }

  private codeInfo(unit: CodeUnit) {
    const scope = unit.scope;
    let flags = 0;
    if (unit.isFunctionLike()) flags |= CodeFlags.Optimized | CodeFlags.NewLocals;
    if (scope.hasVarargs) flags |= CodeFlags.VarArgs;
    if (scope.hasVarkeywords) flags |= CodeFlags.VarKeywords;
    if (unit.kind === "generator") flags |= CodeFlags.Generator;
    if (unit.parent !== null && unit.parent.kind !== "module") flags |= CodeFlags.Nested;
    // CO_NOFREE went away in 3.11.
    if (scope.frees.length === 0 && scope.cells.size === 0 && this.profile.minor <= 10) flags |= CodeFlags.NoFree;
    // An __annotate__ function's parameter is `.format` in the symbol table and `format` in
    // co_varnames (codegen_leave_annotations_scope).
    const varnames = unit.isFunctionLike() ? [...scope.parameters, ...this.localsAfterParameters(unit)].map((name) => (name === ".format" ? "format" : name)) : [];
    return {
      name: unit.name,
      qualname: unit.qualname,
      filename: unit.context.filename,
      firstLineNumber: unit.firstLine,
      argCount: unit.argCount,
      positionalOnlyCount: unit.positionalOnlyCount,
      keywordOnlyCount: unit.kwonlyCount,
      flags,
      varnames,
      cellvars: [...scope.cells],
      freevars: [...scope.frees],
      names: unit.names,
      docstring: unit.docstring,
    };
  }

  /**
   * co_varnames after the parameters: fast locals in the order the code first uses them.
   * ≤3.9 never compile the dead branch of a constant test, so a local only used there is not
   * one; 3.10+ compile everything, and any local the generated code never touched goes last.
   */
  private localsAfterParameters(unit: CodeUnit): string[] {
    const scope = unit.scope;
    // A cell that is not a parameter is only in co_cellvars.
    const isLocal = (name: string): boolean => scope.access.get(name) === "fast";
    const ordered = [...unit.localsInUseOrder].filter((name) => !scope.parameters.includes(name) && (isLocal(name) || !scope.access.has(name)));
    if (this.profile.unusedConstants === "kept") return ordered;
    const untouched = [...scope.access.keys()].filter((name) => isLocal(name) && !scope.parameters.includes(name) && !unit.localsInUseOrder.has(name));
    return [...ordered, ...untouched];
  }

  /** A new reference to the object for `ref` (merged with an equal one from the cache in 3.8+). */
  private constant(ref: ConstRef): PyObject {
    const merge = this.profile.mergeConstantsAcrossCodeObjects;
    const key = merge ? constantKey(ref) : "";
    if (merge) {
      const cached = this.cache.get(key);
      if (cached !== undefined) {
        cached.refcount++;
        return cached;
      }
    }
    const object = this.build(ref);
    if (merge) this.cache.set(key, object);
    return object;
  }

  private build(ref: ConstRef): PyObject {
    switch (ref.origin) {
      case "literal": {
        const object = this.literals.get(ref.node);
        if (object === undefined) throw new Error("compiler bug: literal without an object");
        object.refcount++;
        return object;
      }
      case "folded": {
        const object = newObjectForScalar(ref.value);
        this.toArena(object);
        return object;
      }
      case "tuple": {
        const tuple = newTupleStealing(ref.items.map((item) => this.constant(item)));
        if (!ref.byCompiler) this.toArena(tuple);
        return tuple;
      }
      case "frozenset": {
        const set = newFrozensetStealing(ref.items.map((item) => this.constant(item)));
        if (!ref.byCompiler) this.toArena(set);
        return set;
      }
    }
  }

  /** 3.7–3.13 register folded values in the parser arena (one more reference while it lives). */
  private toArena(object: PyObject): void {
    if (this.profile.folding !== "ast") return;
    object.refcount++;
    this.arena.push(object);
  }
}

/** intern_string_constants: name-like str constants (also inside tuples) become interned. */
function internConstant(object: PyObject): PyObject {
  if (object instanceof PyStr) {
    if (object.type === rt.types.str && isNameCharsOnly(object.value)) return intern(object, false);
    return object;
  }
  if (object.type === rt.types.tuple) {
    const items = (object as PyTuple).items;
    for (let index = 0; index < items.length; index++) items[index] = internConstant(items[index]!);
  }
  return object;
}

export function syntaxErrorFromSymtable(error: SymbolTableError): { msg: string; lineno: number; offset: number } {
  return { msg: error.message, lineno: error.lineno, offset: error.offset };
}
