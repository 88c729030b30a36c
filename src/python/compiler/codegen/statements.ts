// Statements: control flow, exception handling, with, imports, and the per-statement line marker.
import type * as ast from "../../ast/nodes.js";
import type { CodeUnit } from "../code-unit.js";
import { compileExpression } from "./expressions.js";
import { compileCondition } from "./conditions.js";
import { storeTarget, compileAugAssign, deleteTarget } from "./assignments.js";
import { storeName, loadName, attributeNameRef } from "./names.js";
import { compileFunctionDef, compileClassDef } from "./functions.js";
import { UnsupportedSyntax, compilerSyntaxError } from "./unsupported.js";
import { compileMatch } from "./match.js";
import { compileTryStar } from "./try-star.js";
import { compileIterableOperand } from "./iterable-operand.js";

export function compileBody(unit: CodeUnit, body: readonly ast.Stmt[]): void {
  for (const statement of body) compileStatement(unit, statement);
}

export function compileStatement(unit: CodeUnit, node: ast.Stmt): void {
  const emitter = unit.emitter;
  emitter.line(`ln = ${node.lineno};`);
  switch (node.type) {
    case "Expr": {
      compileExpression(unit, node.value);
      const value = emitter.pop();
      // 'single' mode prints every expression statement of the top-level code, also inside
      // loops and ifs (compiler.c: c_interactive && nest level 1); IPython only ever compiles a
      // lone trailing expression this way.
      if (unit.context.interactive && unit.kind === "module") emitter.line(`{ const v = ${value}; ${value} = null; R.displayHook(v); }`);
      else emitter.line(`dec(${value}); ${value} = null;`);
      return;
    }
    case "Assign": {
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
      return;
    }
    case "Return":
      compileReturn(unit, node);
      return;
    case "Raise":
      compileRaise(unit, node);
      return;
    case "Try":
      compileTry(unit, node);
      return;
    case "Assert":
      compileAssert(unit, node);
      return;
    case "With":
      compileWith(unit, node.items, node.body, 0);
      return;
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
      compileMatch(unit, node, compileBody);
      return;
    case "TryStar":
      compileTryStar(unit, node, compileBody, deleteHandlerName);
      return;
    case "TypeAlias":
      throw new UnsupportedSyntax("the type statement", node.lineno);
  }
}

function compileIf(unit: CodeUnit, node: ast.If): void {
  const emitter = unit.emitter;
  const condition = compileCondition(unit, node.test);
  emitter.open(`if (${condition}) {`);
  compileBody(unit, node.body);
  if (node.orelse.length > 0) {
    emitter.middle("} else {");
    compileBody(unit, node.orelse);
  }
  emitter.close();
}

function compileWhile(unit: CodeUnit, node: ast.While): void {
  const emitter = unit.emitter;
  const label = emitter.temporary("loop");
  const broke = node.orelse.length > 0 ? emitter.temporary("broke") : null;
  if (broke !== null) emitter.line(`let ${broke} = false;`);
  emitter.open(`${label}: for (;;) {`);
  emitter.line("loopStep(R);");
  const condition = compileCondition(unit, node.test);
  emitter.line(`if (!${condition}) break;`);
  unit.loops.push({ label, depth: emitter.depth, onBreak: broke === null ? "" : `${broke} = true;` });
  compileBody(unit, node.body);
  unit.loops.pop();
  emitter.close();
  if (broke !== null) {
    emitter.open(`if (!${broke}) {`);
    compileBody(unit, node.orelse);
    emitter.close();
  }
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
  unit.loops.push({ label, depth: emitter.depth, onBreak: broke === null ? "" : `${broke} = true;` });
  compileBody(unit, node.body);
  unit.loops.pop();
  emitter.close();
  emitter.pop();
  emitter.line(`dec(${iterator}); ${iterator} = null;`);
  if (broke !== null) {
    emitter.open(`if (!${broke}) {`);
    compileBody(unit, node.orelse);
    emitter.close();
  }
}

function compileBreak(unit: CodeUnit, node: ast.Break): void {
  const loop = unit.loops[unit.loops.length - 1];
  if (loop === undefined) throw compilerSyntaxError(unit, "'break' outside loop", node);
  unit.emitter.line(`${loop.onBreak} break ${loop.label};`);
}

function compileReturn(unit: CodeUnit, node: ast.Return): void {
  const emitter = unit.emitter;
  if (!unit.isFunctionLike()) throw compilerSyntaxError(unit, "'return' outside function", node);
  if (node.value === null) {
    if (unit.kind === "generator") {
      emitter.line("return null;");
      return;
    }
    emitter.line(`return (K${unit.noneIndex()}.refcount++, K${unit.noneIndex()});`);
    return;
  }
  compileExpression(unit, node.value);
  const value = emitter.pop();
  emitter.line(`{ const r = ${value}; ${value} = null; return r; }`);
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
  const condition = compileCondition(unit, node.test);
  emitter.open(`if (!${condition}) {`);
  if (node.msg !== null) {
    compileExpression(unit, node.msg);
    const message = emitter.pop();
    emitter.line(`{ const m = ${message}; ${message} = null; assertFail(m); }`);
  } else {
    emitter.line("assertFail(null);");
  }
  emitter.close();
}

/**
 * try/except/else/finally as JS try/catch/finally. A handler first releases what the failed
 * code left on the stack, then marks the exception as being handled (sys.exc_info, __context__).
 */
function compileTry(unit: CodeUnit, node: ast.Try): void {
  const emitter = unit.emitter;
  const depth = emitter.depth;
  const hasFinally = node.finalbody.length > 0;
  const pending = hasFinally ? emitter.temporary("pending") : "";
  if (hasFinally) emitter.line(`let ${pending} = null;`);
  if (hasFinally) emitter.open("try {");
  const protection = unit.protection;
  if (hasFinally) protection.handlers++;
  if (node.handlers.length === 0) {
    compileBody(unit, node.body);
  } else {
    const completed = node.orelse.length > 0 ? emitter.temporary("completed") : null;
    if (completed !== null) emitter.line(`let ${completed} = false;`);
    emitter.open("try {");
    protection.handlers++;
    compileBody(unit, node.body);
    protection.handlers--;
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
    compileHandlers(unit, node.handlers, caught, kept);
    protection.handlers--;
    emitter.middle("} finally {");
    // The raise's own reference is CPython's stack slot: a matching clause pops it (or stores
    // it into `as name`); one that no clause matched propagates with it.
    emitter.line(`exitHandler(); if (!${kept}) discardCaught(${caught});`);
    emitter.close();
    emitter.close();
    if (completed !== null) {
      emitter.open(`if (${completed}) {`);
      compileBody(unit, node.orelse);
      emitter.close();
    }
  }
  if (hasFinally) protection.handlers--;
  if (hasFinally) compileFinallyClause(unit, node.finalbody, pending);
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

function compileHandlers(unit: CodeUnit, handlers: readonly ast.ExceptHandler[], caught: string, kept: string): void {
  const emitter = unit.emitter;
  let opened = 0;
  for (const handler of handlers) {
    emitter.line(`ln = ${handler.lineno};`);
    if (handler.exc_type === null) {
      compileHandlerBody(unit, handler, caught, kept);
      break;
    }
    compileExpression(unit, handler.exc_type);
    const type = emitter.pop();
    const matched = emitter.temporary("m");
    emitter.line(`const ${matched} = matches(${caught}, ${type}); dec(${type}); ${type} = null;`);
    emitter.open(`if (${matched}) {`);
    compileHandlerBody(unit, handler, caught, kept);
    emitter.middle("} else {");
    opened++;
  }
  const last = handlers[handlers.length - 1]!;
  if (last.exc_type !== null) emitter.line(`ln = ${caught}_ln; ${kept} = true; throw ${caught};`);
  for (let index = 0; index < opened; index++) emitter.close();
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
  compileWith(unit, items, body, index + 1);
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
