// try/except* (PEP 654, 3.11+): each clause takes its matching part of the exception group; what is left, or raised, leaves at the end.
import type * as ast from "../../ast/nodes.js";
import type { CodeUnit } from "../code-unit.js";
import { compileExpression } from "./expressions.js";
import { storeName } from "./names.js";
import { SymbolTableError } from "../symtable.js";
import { forEachJump } from "../jump-statements.js";

type CompileBody = (unit: CodeUnit, body: readonly ast.Stmt[]) => void;
type DeleteName = (unit: CodeUnit, name: string) => void;

/**
 * The clauses run inside a JS catch: exceptStarBegin records the exception's traceback entry
 * and makes it the one being handled; each clause's exceptStarMatch splits off its part (the
 * clause body runs with that part handled and bound to its name); exceptions the bodies raise
 * are collected; exceptStarFinish raises what remains as CPython's PREP_RERAISE_STAR builds it.
 */
export function compileTryStar(unit: CodeUnit, node: ast.TryStar, compileBody: CompileBody, deleteHandlerName: DeleteName): void {
  for (const handler of node.handlers) checkClauseBody(handler.body);
  const emitter = unit.emitter;
  const depth = emitter.depth;
  const hasFinally = node.finalbody.length > 0;
  if (hasFinally) emitter.open("try {");
  const completed = node.orelse.length > 0 ? emitter.temporary("completed") : null;
  if (completed !== null) emitter.line(`let ${completed} = false;`);
  emitter.open("try {");
  compileBody(unit, node.body);
  if (completed !== null) emitter.line(`${completed} = true;`);
  const caught = emitter.temporary("e");
  emitter.middle(`} catch (${caught}) {`);
  emitter.line(`if (!(${caught} instanceof PyRaise)) throw ${caught};`);
  emitter.line(emitter.unwindMarker(depth));
  const state = emitter.temporary("star");
  emitter.line(`const ${state} = exceptStarBegin(${caught}, CODE, ln);`);
  emitter.open("try {");
  for (const handler of node.handlers) {
    emitter.line(`ln = ${handler.lineno};`);
    compileExpression(unit, handler.exc_type!);
    const type = emitter.pop();
    const match = emitter.temporary("m");
    emitter.line(`const ${match} = exceptStarMatch(${state}, ${type}); dec(${type}); ${type} = null;`);
    emitter.open(`if (${match} !== null) {`);
    emitter.line(`exceptStarEnterHandler(${match});`);
    const raised = emitter.temporary("e");
    emitter.open("try {");
    if (handler.name !== null) {
      emitter.push(match);
      storeName(unit, handler.name);
    } else {
      emitter.line(`dec(${match});`);
    }
    compileBody(unit, handler.body);
    emitter.middle(`} catch (${raised}) {`);
    emitter.line(`if (!(${raised} instanceof PyRaise)) throw ${raised};`);
    emitter.line(emitter.unwindMarker(depth));
    emitter.line(`exceptStarRaised(${state}, ${raised}, CODE, ln);`);
    emitter.middle("} finally {");
    emitter.line("exitHandler();");
    if (handler.name !== null) {
      emitter.push("(None.refcount++, None)");
      storeName(unit, handler.name);
      deleteHandlerName(unit, handler.name);
    }
    emitter.close();
    emitter.close();
  }
  emitter.line(`exceptStarFinish(${state}, CODE);`);
  emitter.middle("} finally {");
  emitter.line(`exitHandler(); exceptStarRelease(${state});`);
  emitter.close();
  emitter.close();
  if (completed !== null) {
    emitter.open(`if (${completed}) {`);
    compileBody(unit, node.orelse);
    emitter.close();
  }
  if (hasFinally) {
    emitter.middle("} finally {");
    compileBody(unit, node.finalbody);
    emitter.close();
  }
}

/** The compiler's SyntaxError at the statement, with its span. */
function clauseExitError(statement: ast.Stmt): SymbolTableError {
  return new SymbolTableError("'break', 'continue' and 'return' cannot appear in an except* block", statement.lineno, statement.col_offset + 1, statement.end_lineno, statement.end_col_offset + 1);
}

/** 'break', 'continue' and 'return' may not leave an except* clause (loops inside it may use break and continue). */
function checkClauseBody(body: readonly ast.Stmt[]): void {
  forEachJump(body, false, (statement, inLoop) => {
    if (statement.type === "Return" || !inLoop) throw clauseExitError(statement);
  });
}
