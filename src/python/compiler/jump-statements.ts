// The return, break and continue statements of a block, with whether a loop of the block encloses
// each: what the compiler checks where a jump may not go (except* clauses, dead branches).
import type * as ast from "../ast/nodes.js";

export type JumpStatement = ast.Return | ast.Break | ast.Continue;

/**
 * Calls `visit` for each return, break and continue in `body`, in source order, with `inLoop`
 * true when a loop inside `body` encloses it (or `inLoop` was true to begin with). Nested
 * function and class bodies are their own scopes and are not entered.
 */
export function forEachJump(body: readonly ast.Stmt[], inLoop: boolean, visit: (statement: JumpStatement, inLoop: boolean) => void): void {
  for (const statement of body) {
    switch (statement.type) {
      case "Return":
      case "Break":
      case "Continue":
        visit(statement, inLoop);
        break;
      case "For":
      case "AsyncFor":
      case "While":
        forEachJump(statement.body, true, visit);
        forEachJump(statement.orelse, inLoop, visit);
        break;
      case "If":
        forEachJump(statement.body, inLoop, visit);
        forEachJump(statement.orelse, inLoop, visit);
        break;
      case "With":
      case "AsyncWith":
        forEachJump(statement.body, inLoop, visit);
        break;
      case "Try":
      case "TryStar":
        forEachJump(statement.body, inLoop, visit);
        for (const handler of statement.handlers) forEachJump(handler.body, inLoop, visit);
        forEachJump(statement.orelse, inLoop, visit);
        forEachJump(statement.finalbody, inLoop, visit);
        break;
      case "Match":
        for (const matchCase of statement.cases) forEachJump(matchCase.body, inLoop, visit);
        break;
      default:
        break;
    }
  }
}
