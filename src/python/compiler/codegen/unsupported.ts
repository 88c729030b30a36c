// A construct the simulator does not implement (refused by name), and compile-time SyntaxErrors.
import type * as ast from "../../ast/nodes.js";
import type { CodeUnit } from "../code-unit.js";
import { SymbolTableError } from "../symtable.js";

export class UnsupportedSyntax extends Error {
  override name = "UnsupportedSyntax";
  constructor(
    readonly feature: string,
    readonly line: number,
  ) {
    super(`unsupported: ${feature}`);
  }
}

/**
 * A SyntaxError CPython's compiler (not its parser) raises: 'return' outside function, two
 * starred targets, … Reported like the symbol table's errors, at the node's position.
 */
export function compilerSyntaxError(unit: CodeUnit, message: string, node: ast.Located): SymbolTableError {
  const offset = unit.profile.minor >= 8 ? node.col_offset + 1 : 0;
  return new SymbolTableError(message, node.lineno, offset);
}
