// Statements: control flow, exception handling, with, imports, and the per-statement line marker.
import type * as ast from "../../ast/nodes.js";
import type { CodeUnit } from "../code-unit.js";
import { compileExpression } from "./expressions.js";
import { compileCondition } from "./conditions.js";
import { storeTarget, compileAugAssign, deleteTarget, storeDisplayByRotation } from "./assignments.js";
import { storeName, loadName, attributeNameRef } from "./names.js";
import { compileFunctionDef, compileClassDef } from "./functions.js";
import { UnsupportedSyntax, compilerSyntaxError } from "./unsupported.js";
import { compileMatch } from "./match.js";
import { compileTryStar } from "./try-star.js";
import { compileIterableOperand } from "./iterable-operand.js";
import { constantTest, truthOfConstant, staticOutcome, skipDeadBranch } from "../reachability.js";

export function compileBody(unit: CodeUnit, body: readonly ast.Stmt[]): void {
  for (const statement of body) compileStatement(unit, statement);
}

export function compileStatement(unit: CodeUnit, node: ast.Stmt): void {
  const emitter = unit.emitter;
  emitter.line(`ln = ${node.lineno};`);
  switch (node.type) {
    case "Expr": {
      const display = unit.context.interactive && unit.kind === "module";
      // A constant used as a statement is dropped (3.6: a literal; 3.7+: also a folded value).
      if (!display && isConstantStatement(unit, node.value)) return;
      compileExpression(unit, node.value);
      const value = emitter.pop();
      // 'single' mode prints every expression statement of the top-level code, also inside
      // loops and ifs (compiler.c: c_interactive && nest level 1); IPython only ever compiles a
      // lone trailing expression this way.
      if (display) emitter.line(`{ const v = ${value}; ${value} = null; R.displayHook(v); }`);
      else emitter.line(`dec(${value}); ${value} = null;`);
      return;
    }
    case "Assign": {
      if (node.targets.length === 1 && storeDisplayByRotation(unit, node.targets[0]!, node.value)) return;
      compileExpression(unit, node.value);
      const value = emitter.slot(emitter.depth - 1);
      node.targets.forEach((target, index) => {
        if (index < node.targets.length - 1) {
          emitter.line(`${value}.refcount++;`);
          emitter.push(value);
        }
        storeTarget(unit, target);
      });
      return;
    }
    case "AugAssign":
      compileAugAssign(unit, node);
      return;
    case "AnnAssign":
      if (node.value !== null) {
        compileExpression(unit, node.value);
        storeTarget(unit, node.target);
      }
      if (unit.profile.annotations === "lazy") deferAnnotation(unit, node);
      return;
    case "Delete":
      for (const target of node.targets) deleteTarget(unit, target);
      return;
    case "Pass":
    case "Global":
    case "Nonlocal":
      return;
    case "If":
      compileIf(unit, node);
      return;
    case "While":
      compileWhile(unit, node);
      return;
    case "For":
      compileFor(unit, node);
      return;
    case "Break":
      compileBreak(unit, node);
      return;
    case "Continue": {
      const loop = unit.loops[unit.loops.length - 1];
      if (loop === undefined) throw compilerSyntaxError(unit, "'continue' not properly in loop", node);
      emitter.line(`continue ${loop.label};`);
      unit.reach.live = false;
      return;
    }
    case "Return":
      compileReturn(unit, node);
      unit.reach.live = false;
      return;
    case "Raise":
      compileRaise(unit, node);
      unit.reach.live = false;
      return;
    case "Try":
      compileTry(unit, node);
      return;
    case "Assert":
      compileAssert(unit, node);
      return;
    case "With": {
      // The statement after a with is reached whenever the with is: __exit__ may swallow an exception.
      const entry = unit.reach.live;
      compileWith(unit, node.items, node.body, 0);
      unit.reach.live = entry;
      return;
    }
    case "Import":
      compileImport(unit, node);
      return;
    case "ImportFrom":
      compileImportFrom(unit, node);
      return;
    case "FunctionDef":
      compileFunctionDef(unit, node);
      return;
    case "ClassDef":
      compileClassDef(unit, node);
      return;
    case "AsyncFunctionDef":
      throw new UnsupportedSyntax("async def", node.lineno);
    case "AsyncFor":
      throw new UnsupportedSyntax("async for", node.lineno);
    case "AsyncWith":
      throw new UnsupportedSyntax("async with", node.lineno);
    case "Match":
    case "TryStar": {
      // Every case and clause is taken as reachable when the statement is (not modelled finer).
      const entry = unit.reach.live;
      const compileClause = (clauseUnit: CodeUnit, body: readonly ast.Stmt[]): void => {
        compileBody(clauseUnit, body);
        unit.reach.live = entry;
      };
      if (node.type === "Match") compileMatch(unit, node, compileClause);
      else compileTryStar(unit, node, compileClause, deleteHandlerName);
      unit.reach.live = entry;
      return;
    }
    case "TypeAlias":
      throw new UnsupportedSyntax("the type statement", node.lineno);
  }
}

/**
 * `1`, `'text'` or (3.7+) `(1, 2)`, `-7` as a statement: compiler_visit_stmt_expr drops it. 3.14
 * only drops a literal (its AST optimiser no longer folds operators).
 */
function isConstantStatement(unit: CodeUnit, value: ast.Expr): boolean {
  if (value.type === "Constant") return true;
  if (unit.profile.folding !== "ast") return false;
  return unit.context.folder.fold(value) !== undefined;
}

/** ≤3.9: the truth of an `if`/`while` test the compiler decides (expr_constant), else undefined. */
function compileTimeTruth(unit: CodeUnit, test: ast.Expr): boolean | undefined {
  if (unit.profile.unusedConstants !== "kept") return undefined;
  const constant = constantTest(unit, test);
  return constant === undefined ? undefined : truthOfConstant(constant);
}

function compileIf(unit: CodeUnit, node: ast.If): void {
  const emitter = unit.emitter;
  const decided = compileTimeTruth(unit, node.test);
  if (decided !== undefined) {
    // ≤3.9: only the branch taken is compiled; the test leaves nothing.
    if (decided) {
      compileBody(unit, node.body);
      skipDeadBranch(unit, node.orelse);
    } else {
      skipDeadBranch(unit, node.body);
      compileBody(unit, node.orelse);
    }
    return;
  }
  const entry = unit.reach.live;
  const outcome = staticOutcome(unit, node.test);
  const condition = compileCondition(unit, node.test);
  emitter.open(`if (${condition}) {`);
  unit.reach.live = entry && outcome !== false;
  compileBody(unit, node.body);
  const afterBody = unit.reach.live;
  unit.reach.live = entry && outcome !== true;
  if (node.orelse.length > 0) {
    emitter.middle("} else {");
    compileBody(unit, node.orelse);
  }
  emitter.close();
  unit.reach.live ||= afterBody;
}

function compileWhile(unit: CodeUnit, node: ast.While): void {
  const emitter = unit.emitter;
  const decided = compileTimeTruth(unit, node.test);
  if (decided === false) {
    // ≤3.9 `while 0:`: the body is not compiled, the else clause runs once.
    skipDeadBranch(unit, node.body, true);
    compileBody(unit, node.orelse);
    return;
  }
  const entry = unit.reach.live;
  const outcome = decided ?? staticOutcome(unit, node.test);
  const label = emitter.temporary("loop");
  const broke = node.orelse.length > 0 ? emitter.temporary("broke") : null;
  if (broke !== null) emitter.line(`let ${broke} = false;`);
  emitter.open(`${label}: for (;;) {`);
  emitter.line("loopStep(R);");
  const condition = decided === true ? "true" : compileCondition(unit, node.test);
  emitter.line(`if (!${condition}) break;`);
  const exits = { broken: false };
  unit.loops.push({ label, depth: emitter.depth, onBreak: broke === null ? "" : `${broke} = true;`, exits });
  unit.reach.live = entry && outcome !== false;
  compileBody(unit, node.body);
  unit.loops.pop();
  emitter.close();
  // The else clause (and the code after a loop without break) runs when the test is false.
  unit.reach.live = entry && outcome !== true;
  if (broke !== null) {
    emitter.open(`if (!${broke}) {`);
    compileBody(unit, node.orelse);
    emitter.close();
  }
  unit.reach.live ||= exits.broken;
}

function compileFor(unit: CodeUnit, node: ast.For): void {
  const emitter = unit.emitter;
  compileIterableOperand(unit, node.iter);
  const iterator = emitter.slot(emitter.depth - 1);
  emitter.line(`{ const it = getIter(${iterator}); dec(${iterator}); ${iterator} = it; }`);
  const label = emitter.temporary("loop");
  const broke = node.orelse.length > 0 ? emitter.temporary("broke") : null;
  if (broke !== null) emitter.line(`let ${broke} = false;`);
  emitter.open(`${label}: for (;;) {`);
  emitter.line("loopStep(R);");
  emitter.line(`{ const v = ${iterator}.type.iternext(${iterator}); if (v === null) break; ${emitter.reserve()} = v; }`);
  storeTarget(unit, node.target);
  const entry = unit.reach.live;
  const exits = { broken: false };
  unit.loops.push({ label, depth: emitter.depth, onBreak: broke === null ? "" : `${broke} = true;`, exits });
  compileBody(unit, node.body);
  unit.loops.pop();
  emitter.close();
  emitter.pop();
  unit.reach.live = entry;
  emitter.line(`dec(${iterator}); ${iterator} = null;`);
  if (broke !== null) {
    emitter.open(`if (!${broke}) {`);
    compileBody(unit, node.orelse);
    emitter.close();
  }
  unit.reach.live ||= exits.broken;
}

function compileBreak(unit: CodeUnit, node: ast.Break): void {
  const loop = unit.loops[unit.loops.length - 1];
  if (loop === undefined) throw compilerSyntaxError(unit, "'break' outside loop", node);
  unit.emitter.line(`${loop.onBreak} break ${loop.label};`);
  if (unit.reach.live) loop.exits.broken = true;
  unit.reach.live = false;
}

function compileReturn(unit: CodeUnit, node: ast.Return): void {
  const emitter = unit.emitter;
  if (!unit.isFunctionLike()) throw compilerSyntaxError(unit, "'return' outside function", node);
  // 3.8+ (compiler_return): a constant (or no) value is loaded after unwinding, another before.
  const constant = node.value === null || (unit.profile.folding === "ast" ? unit.context.folder.fold(node.value) !== undefined : node.value.type === "Constant");
  if (constant) registerUnwinding(unit);
  if (node.value === null) {
    if (unit.kind === "generator") {
      // A generator's bare return still loads None (LOAD_CONST None; RETURN_VALUE).
      unit.noneIndex();
      emitter.line("return null;");
      return;
    }
    emitter.line(`return (K${unit.noneIndex()}.refcount++, K${unit.noneIndex()});`);
    return;
  }
  compileExpression(unit, node.value);
  if (!constant) registerUnwinding(unit);
  const value = emitter.pop();
  emitter.line(`{ const r = ${value}; ${value} = null; return r; }`);
}

/**
 * 3.8+ inline what a `return` leaves, innermost first: each finally body (3.8+) and each with's
 * __exit__ call with three Nones (3.9+). Only their constants matter here, so a finally body is
 * compiled once more into JS that never runs (the finally clause itself runs it); one that
 * defines a function or class is not duplicated (CPython would make a second code object).
 */
function registerUnwinding(unit: CodeUnit): void {
  if (unit.profile.minor < 8) return;
  // The copy of a finally body that defines a function or class comes first in co_consts.
  if (unit.unwindBlocks.some((block) => block.kind !== "with" && definesScopes(block.body))) {
    unit.unfaithfulTables = "co_consts and co_names of code whose `return` leaves a finally body that defines a function or class (3.8+ compile a copy of that body there)";
  }
  if (unit.profile.folding === "cfg") return;
  const blocks = unit.unwindBlocks;
  const saved = blocks.slice();
  const live = unit.reach.live;
  try {
    for (let index = saved.length - 1; index >= 0; index--) {
      const block = saved[index]!;
      blocks.length = index;
      if (block.kind === "with") {
        if (unit.profile.minor >= 9) unit.noneIndex();
        continue;
      }
      registerBodyConstants(unit, block.body);
    }
  } finally {
    blocks.length = 0;
    blocks.push(...saved);
    unit.reach.live = live;
  }
}

/**
 * Gives the constants (and names) of `body` their slots now, where CPython compiles a copy of it,
 * by compiling it into JS that never runs. A body that defines a function or class is left
 * alone: CPython's copy would be a second code object.
 */
function registerBodyConstants(unit: CodeUnit, body: readonly ast.Stmt[]): void {
  if (definesScopes(body)) return;
  const emitter = unit.emitter;
  const depth = emitter.depth;
  const live = unit.reach.live;
  emitter.open("if (false) {");
  compileBody(unit, body);
  emitter.close();
  emitter.depth = depth;
  unit.reach.live = live;
}

function definesScopes(body: readonly ast.Stmt[]): boolean {
  const found = { scope: false };
  const visit = (node: unknown): void => {
    if (found.scope || node === null || typeof node !== "object") return;
    if (Array.isArray(node)) {
      for (const child of node) visit(child);
      return;
    }
    const type = (node as { type?: unknown }).type;
    if (typeof type !== "string") return;
    if (["FunctionDef", "AsyncFunctionDef", "ClassDef", "Lambda", "GeneratorExp", "ListComp", "SetComp", "DictComp"].includes(type)) {
      found.scope = true;
      return;
    }
    for (const child of Object.values(node)) if (child !== null && typeof child === "object") visit(child);
  };
  visit(body);
  return found.scope;
}

/**
 * 3.14 (PEP 649, codegen_annassign): a module-level `name: annotation` is not evaluated here; it
 * joins the module's __annotate__, and its index goes into __conditional_annotations__ (every
 * module-level annotation counts as conditional) so __annotate__ knows it was executed.
 */
function deferAnnotation(unit: CodeUnit, node: ast.AnnAssign): void {
  if (unit.kind === "class") throw new UnsupportedSyntax("annotations in a class body (3.14 compiles them into __annotate_func__, evaluated with __classdict__)", node.lineno);
  if (unit.kind !== "module") return;
  if (node.target.type !== "Name" || !node.simple) throw new UnsupportedSyntax("annotation of an attribute, subscript or parenthesized target (3.14)", node.lineno);
  const index = unit.deferredAnnotations.length;
  unit.deferredAnnotations.push(node);
  loadName(unit, "__conditional_annotations__");
  const set = unit.emitter.pop();
  const key = unit.constIndex({ origin: "folded", value: { kind: "int", value: BigInt(index) } });
  unit.emitter.line(`setAdd(${set}, (K${key}.refcount++, K${key})); dec(${set}); ${set} = null;`);
}

function compileRaise(unit: CodeUnit, node: ast.Raise): void {
  const emitter = unit.emitter;
  if (node.exc === null) {
    emitter.line("reraise();");
    return;
  }
  compileExpression(unit, node.exc);
  let cause = "undefined";
  if (node.cause !== null) {
    compileExpression(unit, node.cause);
    cause = emitter.pop();
  }
  const exception = emitter.pop();
  const releaseCause = cause === "undefined" ? "" : `${cause} = null;`;
  emitter.line(`{ const e = ${exception}, c = ${cause}; ${exception} = null; ${releaseCause} raise(e, c); }`);
}

function compileAssert(unit: CodeUnit, node: ast.Assert): void {
  const emitter = unit.emitter;
  const entry = unit.reach.live;
  const outcome = staticOutcome(unit, node.test);
  const condition = compileCondition(unit, node.test);
  emitter.open(`if (!${condition}) {`);
  // 3.10+: `assert True` never raises (the message is unreachable); after `assert False` nothing runs.
  unit.reach.live = entry && outcome !== true;
  if (node.msg !== null) {
    compileExpression(unit, node.msg);
    const message = emitter.pop();
    emitter.line(`{ const m = ${message}; ${message} = null; assertFail(m); }`);
  } else {
    emitter.line("assertFail(null);");
  }
  emitter.close();
  unit.reach.live = entry && outcome !== false;
}

/**
 * try/except/else/finally as JS try/catch/finally. A handler first releases what the failed
 * code left on the stack, then marks the exception as being handled (sys.exc_info, __context__).
 */
function compileTry(unit: CodeUnit, node: ast.Try): void {
  const emitter = unit.emitter;
  const depth = emitter.depth;
  const hasFinally = node.finalbody.length > 0;
  // Handlers and the finally clause are reached through exceptions whenever the try is.
  const entry = unit.reach.live;
  let normalExit: boolean;
  const pending = hasFinally ? emitter.temporary("pending") : "";
  if (hasFinally) emitter.line(`let ${pending} = null;`);
  if (hasFinally) emitter.open("try {");
  // 3.8 compiles the finally clause before the block it protects.
  if (hasFinally && unit.profile.minor === 8) registerBodyConstants(unit, node.finalbody);
  if (hasFinally) unit.unwindBlocks.push({ kind: "finally", body: node.finalbody });
  const protection = unit.protection;
  if (hasFinally) protection.handlers++;
  if (node.handlers.length === 0) {
    compileBody(unit, node.body);
    normalExit = unit.reach.live;
  } else {
    const completed = node.orelse.length > 0 ? emitter.temporary("completed") : null;
    if (completed !== null) emitter.line(`let ${completed} = false;`);
    emitter.open("try {");
    protection.handlers++;
    compileBody(unit, node.body);
    protection.handlers--;
    const afterBody = unit.reach.live;
    // 3.11+ compile the else clause right after the body, before the handlers.
    if (node.orelse.length > 0 && unit.profile.minor >= 11 && unit.profile.folding !== "cfg") registerBodyConstants(unit, node.orelse);
    unit.reach.live = afterBody;
    if (completed !== null) emitter.line(`${completed} = true;`);
    const caught = emitter.temporary("e");
    emitter.middle(`} catch (${caught}) {`);
    emitter.line(`if (!(${caught} instanceof PyRaise)) throw ${caught};`);
    emitter.line(emitter.unwindMarker(depth));
    emitter.line(`enterHandler(${caught}, CODE, ln);`);
    // An exception no clause matches leaves with the line it was raised at, not a clause's.
    emitter.line(`const ${caught}_ln = ln;`);
    const kept = emitter.temporary("kept");
    emitter.line(`let ${kept} = false;`);
    emitter.open("try {");
    protection.handlers++;
    const handlerExit = compileHandlers(unit, node.handlers, caught, kept, entry);
    protection.handlers--;
    emitter.middle("} finally {");
    // The raise's own reference is CPython's stack slot: a matching clause pops it (or stores
    // it into `as name`); one that no clause matched propagates with it.
    emitter.line(`exitHandler(); if (!${kept}) discardCaught(${caught});`);
    emitter.close();
    emitter.close();
    unit.reach.live = afterBody;
    if (completed !== null) {
      emitter.open(`if (${completed}) {`);
      compileBody(unit, node.orelse);
      emitter.close();
    }
    normalExit = unit.reach.live || handlerExit;
  }
  if (hasFinally) protection.handlers--;
  if (hasFinally) {
    unit.unwindBlocks.pop();
    // ≤3.7: the body's normal exit pushes None for END_FINALLY before the finally clause.
    if (unit.profile.minor <= 7) unit.noneIndex();
    unit.reach.live = entry;
    compileFinallyClause(unit, node.finalbody, pending);
    unit.reach.live &&= normalExit;
  } else {
    unit.reach.live = normalExit;
  }
}

/**
 * The finally clause, after the protected block's `try {`. An exception passing through gets
 * this frame's traceback entry (at the line it came from) as it arrives, then is the exception
 * being handled while the clause runs (sys.exc_info(), the __context__ of one it raises). The
 * clause re-raises it when it completes; a return, break or continue in it, or its own
 * exception, drops it there.
 */
function compileFinallyClause(unit: CodeUnit, body: readonly ast.Stmt[], pending: string): void {
  const emitter = unit.emitter;
  const passing = emitter.temporary("e");
  const completed = emitter.temporary("done");
  emitter.middle(`} catch (${passing}) { if (!(${passing} instanceof PyRaise)) throw ${passing}; recordInRun(${passing}, CODE, ln); ${pending} = ${passing}; } finally {`);
  emitter.line(`if (${pending} !== null) enterFinally(${pending});`);
  emitter.line(`let ${completed} = false;`);
  emitter.open("try {");
  unit.protection.finallies++;
  compileBody(unit, body);
  unit.protection.finallies--;
  emitter.line(`${completed} = true;`);
  emitter.middle("} finally {");
  emitter.line(`if (${pending} !== null) { exitHandler(); if (!${completed}) { discardCaught(${pending}); ${pending} = null; } }`);
  emitter.close();
  emitter.line(`if (${pending} !== null) { const p = ${pending}; ${pending} = null; throw p; }`);
  emitter.close();
}

/** Compiles the except clauses; returns whether one of them can complete normally. */
function compileHandlers(unit: CodeUnit, handlers: readonly ast.ExceptHandler[], caught: string, kept: string, entry: boolean): boolean {
  const emitter = unit.emitter;
  let opened = 0;
  let exit = false;
  for (const handler of handlers) {
    unit.reach.live = entry;
    emitter.line(`ln = ${handler.lineno};`);
    if (handler.exc_type === null) {
      compileHandlerBody(unit, handler, caught, kept);
      exit ||= unit.reach.live;
      break;
    }
    compileExpression(unit, handler.exc_type);
    const type = emitter.pop();
    const matched = emitter.temporary("m");
    emitter.line(`const ${matched} = matches(${caught}, ${type}); dec(${type}); ${type} = null;`);
    emitter.open(`if (${matched}) {`);
    compileHandlerBody(unit, handler, caught, kept);
    exit ||= unit.reach.live;
    emitter.middle("} else {");
    opened++;
  }
  const last = handlers[handlers.length - 1]!;
  if (last.exc_type !== null) emitter.line(`ln = ${caught}_ln; ${kept} = true; throw ${caught};`);
  for (let index = 0; index < opened; index++) emitter.close();
  return exit;
}

function compileHandlerBody(unit: CodeUnit, handler: ast.ExceptHandler, caught: string, kept: string): void {
  const emitter = unit.emitter;
  if (handler.name === null) {
    // POP_TOP: only the handled-exception state keeps the exception now.
    emitter.line(`${kept} = true; discardCaught(${caught});`);
    compileBody(unit, handler.body);
    return;
  }
  // `except E as name:` binds the exception (moving the raise's reference) and deletes the
  // name when the handler ends.
  emitter.push(`(${kept} = true, ${caught}.exception)`);
  storeName(unit, handler.name);
  emitter.open("try {");
  compileBody(unit, handler.body);
  emitter.middle("} finally {");
  emitter.push(`(None.refcount++, None)`);
  storeName(unit, handler.name);
  deleteHandlerName(unit, handler.name);
  emitter.close();
}

/** The name bound by `except … as name` is deleted at the end of the handler. */
export function deleteHandlerName(unit: CodeUnit, rawName: string): void {
  const name = unit.scope.mangle(rawName);
  const access = unit.scope.lookup(name);
  if (access === "fast") {
    const variable = unit.localVariable(name);
    unit.emitter.line(`if (${variable} !== null) { const old = ${variable}; ${variable} = null; dec(old); }`);
  } else if (access === "name" || access === "global") {
    unit.emitter.line(`deleteName(${access === "global" ? "G" : unit.kind === "class" ? "NS" : "G"}, ${unit.nameRef(name)}, false);`);
  } else {
    unit.emitter.line(`deleteCellQuiet(${unit.localVariable(name)});`);
  }
}

/** with a as x, b as y: nested context managers, exited in reverse order. */
function compileWith(unit: CodeUnit, items: readonly ast.WithItem[], body: readonly ast.Stmt[], index: number): void {
  const emitter = unit.emitter;
  if (index === items.length) {
    compileBody(unit, body);
    return;
  }
  const item = items[index]!;
  compileExpression(unit, item.context_expr);
  const manager = emitter.pop();
  const exit = emitter.temporary("exit");
  const exited = emitter.temporary("exited");
  emitter.open("{");
  emitter.line(`const entered = withEnter(${manager}); dec(${manager}); ${manager} = null;`);
  emitter.line(`const ${exit} = entered[0]; let ${exited} = false;`);
  emitter.open("try {");
  if (item.optional_vars !== null) {
    emitter.push("entered[1]");
    storeTarget(unit, item.optional_vars);
  } else {
    emitter.line("dec(entered[1]);");
  }
  unit.protection.handlers++;
  unit.unwindBlocks.push({ kind: "with" });
  compileWith(unit, items, body, index + 1);
  unit.unwindBlocks.pop();
  // The normal exit: ≤3.7 push None for WITH_CLEANUP_START; 3.9+ call __exit__(None, None, None).
  if (unit.profile.minor !== 8 && unit.profile.folding !== "cfg") unit.noneIndex();
  unit.protection.handlers--;
  const caught = emitter.temporary("e");
  emitter.middle(`} catch (${caught}) {`);
  emitter.line(`if (!(${caught} instanceof PyRaise)) throw ${caught};`);
  emitter.line(`${exited} = true;`);
  emitter.line(`if (!withExitException(${exit}, ${caught}, CODE, ln)) throw ${caught};`);
  emitter.middle("} finally {");
  emitter.line(`if (!${exited}) withExitNormal(${exit});`);
  emitter.line(`dec(${exit});`);
  emitter.close();
  emitter.close();
}

function compileImport(unit: CodeUnit, node: ast.Import): void {
  const emitter = unit.emitter;
  for (const alias of node.names) {
    const level = unit.constIndex({ origin: "folded", value: { kind: "int", value: 0n } });
    const fromlist = unit.noneIndex();
    void level;
    void fromlist;
    // IMPORT_NAME's operand, then (`import a.b as c`) each submodule IMPORT_FROM/LOAD_ATTR takes.
    unit.nameIndex(alias.name);
    if (alias.asname !== null) for (const part of alias.name.split(".").slice(1)) unit.nameIndex(part);
    const top = alias.name.split(".")[0]!;
    emitter.push(`importName(${JSON.stringify(alias.name)}, null, 0, ${alias.asname !== null})`);
    storeName(unit, alias.asname ?? top);
  }
}

function compileImportFrom(unit: CodeUnit, node: ast.ImportFrom): void {
  const emitter = unit.emitter;
  unit.constIndex({ origin: "folded", value: { kind: "int", value: BigInt(node.level) } });
  const names = node.names.map((alias) => alias.name);
  unit.constIndex({ origin: "tuple", items: names.map((name) => ({ origin: "folded", value: { kind: "str", value: name } })) });
  const moduleName = node.module ?? "";
  unit.nameIndex(moduleName);
  const module = emitter.push(`importName(${JSON.stringify(moduleName)}, ${JSON.stringify(names)}, ${node.level}, false)`);
  if (names.length === 1 && names[0] === "*") {
    if (unit.isFunctionLike()) throw new UnsupportedSyntax("import * inside a function", node.lineno);
    emitter.line(`importStar(${module}, ${unit.kind === "class" ? "NS" : "G"});`);
  } else {
    for (const alias of node.names) {
      emitter.push(`importFrom(${module}, ${attributeNameRef(unit, alias.name)})`);
      storeName(unit, alias.asname ?? alias.name);
    }
  }
  emitter.pop();
  emitter.line(`dec(${module}); ${module} = null;`);
}
