// Constant tests and unreachable code: which branches each version compiles, and which loads count.
//
// ≤3.9 (compiler_if/compiler_while with expr_constant): the branch a constant test never takes
// is not compiled at all; 3.8–3.9 still visit it with bytecode emission off, which records the
// names of global and namespace variables in co_names but adds no constant or local.
// 3.10+: everything is compiled (constants get their slots in code order) and the CFG optimiser
// turns a LOAD_CONST + conditional jump into a plain jump or nothing; a load the optimiser finds
// unreachable does not count as a use (code-unit.ts `reach`, compile.ts prunes the slots).
import type * as ast from "../ast/nodes.js";
import type { CodeUnit } from "./code-unit.js";
import type { ConstRef } from "./constants.js";
import { scalarOf } from "./constants.js";
import { compilerSyntaxError } from "./codegen/unsupported.js";
import { truthOfScalar } from "./fold.js";
import { forEachJump } from "./jump-statements.js";

/** The truth of a constant, as PyObject_IsTrue gives it; undefined for a value it cannot tell. */
export function truthOfConstant(ref: ConstRef): boolean | undefined {
  if (ref.origin === "tuple" || ref.origin === "frozenset") return ref.items.length > 0;
  return truthOfScalar(scalarOf(ref)!);
}

/**
 * The constant an `if`/`while`/`assert`/ternary test or a boolean operand is, when the version
 * sees one: 3.6 only a literal or `__debug__` (its AST is not folded); 3.7–3.13 whatever the AST
 * optimiser folds to a Constant (`not True`, `1 - 1`, `()`, `__debug__`); 3.14, whose CFG
 * optimiser folds operators, is taken as seeing literals only.
 */
export function constantTest(unit: CodeUnit, node: ast.Expr): ConstRef | undefined {
  if (unit.profile.folding !== "ast" && node.type !== "Constant" && !isDebugName(node)) return undefined;
  return unit.context.folder.fold(node);
}

export function isDebugName(node: ast.Expr): boolean {
  return node.type === "Name" && node.id === "__debug__" && node.ctx === "Load";
}

/**
 * Whether a condition (the test of an `if`, `while`, `assert`, ternary or comprehension filter)
 * always jumps one way in 3.10+, following compiler_jump_if through `not`, `and` and `or`: an
 * operand that decides the outcome makes the operands after it unreachable.
 */
export function staticOutcome(unit: CodeUnit, node: ast.Expr): boolean | undefined {
  if (unit.profile.unusedConstants === "kept") return undefined;
  return outcome(unit, node);
}

function outcome(unit: CodeUnit, node: ast.Expr): boolean | undefined {
  if (node.type === "UnaryOp" && node.op === "Not") {
    const inner = outcome(unit, node.operand);
    return inner === undefined ? undefined : !inner;
  }
  if (node.type === "BoolOp") {
    // `and`: a false operand decides (False); all true operands decide True. `or` mirrored.
    const deciding = node.op === "Or";
    let allKnown = true;
    for (const value of node.values) {
      const known = outcome(unit, value);
      if (known === deciding) return deciding;
      if (known === undefined) allKnown = false;
    }
    return allKnown ? !deciding : undefined;
  }
  const constant = constantTest(unit, node);
  return constant === undefined ? undefined : truthOfConstant(constant);
}

/** Runs `compile` with the code it generates unreachable (its loads register slots only). */
export function compileUnreachable(unit: CodeUnit, compile: () => void): void {
  const was = unit.reach.live;
  unit.reach.live = false;
  try {
    compile();
  } finally {
    unit.reach.live = was;
  }
}

/**
 * ≤3.9: the branch of a constant test that is never taken. 3.6–3.7 skip it; 3.8–3.9 visit it
 * without emitting bytecode, which still adds the names global and namespace variables load,
 * store or delete to co_names (compiler_nameop adds the name before the instruction is dropped);
 * attribute and import names, constants and locals are not added. Nested scopes are not entered,
 * except a comprehension's first iterable, evaluated in this scope.
 */
export function skipDeadBranch(unit: CodeUnit, body: readonly ast.Stmt[], loopBody = false): void {
  if (unit.profile.minor < 8) return;
  checkJumps(unit, body, loopBody || unit.loops.length > 0);
  const record = (name: string): void => {
    const mangled = unit.scope.mangle(name);
    const access = unit.scope.lookup(mangled);
    if (access === "global" || access === "name") unit.nameIndex(mangled);
  };
  for (const statement of body) visitNames(statement, record);
}

/** 3.8–3.9 still report a misplaced return, break or continue in a branch they do not emit. */
function checkJumps(unit: CodeUnit, body: readonly ast.Stmt[], inLoop: boolean): void {
  forEachJump(body, inLoop, (statement, insideLoop) => {
    if (statement.type === "Return") {
      if (!unit.isFunctionLike()) throw compilerSyntaxError(unit, "'return' outside function", statement);
    } else if (!insideLoop) {
      throw compilerSyntaxError(unit, statement.type === "Break" ? "'break' outside loop" : "'continue' not properly in loop", statement);
    }
  });
}

/** Calls `record` for each Name of this scope in the order the compiler visits them. */
function visitNames(node: unknown, record: (name: string) => void): void {
  if (node === null || typeof node !== "object") return;
  if (Array.isArray(node)) {
    for (const child of node) visitNames(child, record);
    return;
  }
  const n = node as ast.Node & Record<string, unknown>;
  switch (n.type) {
    case "Name":
      record((n as ast.Name).id);
      return;
    case "FunctionDef":
    case "AsyncFunctionDef":
      visitNames((n as ast.FunctionDef).decorator_list, record);
      visitNames((n as ast.FunctionDef).args.defaults, record);
      visitNames((n as ast.FunctionDef).args.kw_defaults, record);
      record((n as ast.FunctionDef).name);
      return;
    case "ClassDef":
      visitNames((n as ast.ClassDef).decorator_list, record);
      visitNames((n as ast.ClassDef).bases, record);
      visitNames((n as ast.ClassDef).keywords, record);
      record((n as ast.ClassDef).name);
      return;
    case "Lambda":
      visitNames((n as ast.Lambda).args.defaults, record);
      visitNames((n as ast.Lambda).args.kw_defaults, record);
      return;
    case "ListComp":
    case "SetComp":
    case "GeneratorExp":
    case "DictComp":
      visitNames((n as ast.ListComp).generators[0]?.iter, record);
      return;
    case "Assign":
      visitNames((n as ast.Assign).value, record);
      visitNames((n as ast.Assign).targets, record);
      return;
    case "AnnAssign":
      visitNames((n as ast.AnnAssign).value, record);
      visitNames((n as ast.AnnAssign).target, record);
      return;
    case "For":
      visitNames((n as ast.For).iter, record);
      visitNames((n as ast.For).target, record);
      visitNames((n as ast.For).body, record);
      visitNames((n as ast.For).orelse, record);
      return;
    case "Constant":
      return;
    case "Import":
    case "ImportFrom":
      // IMPORT_NAME's own name is not recorded; the store of the bound name is.
      for (const alias of (n as ast.Import).names) if (alias.name !== "*") record(alias.asname ?? alias.name.split(".")[0]!);
      return;
    case "ExceptHandler":
      visitNames((n as ast.ExceptHandler).exc_type, record);
      if ((n as ast.ExceptHandler).name !== null) record((n as ast.ExceptHandler).name!);
      visitNames((n as ast.ExceptHandler).body, record);
      return;
    case "Global":
    case "Nonlocal":
      return;
    default:
      for (const key in n) {
        if (key === "type") continue;
        const child = n[key];
        if (child !== null && typeof child === "object") visitNames(child, record);
      }
  }
}
