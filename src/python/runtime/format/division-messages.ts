// CPython's ZeroDivisionError wording per operation and version (it changed in 3.9, 3.11, 3.13, 3.14).

import { atLeast, type FormatVersion } from "./format-error.js";

export type DivisionOperation = "truediv" | "floordiv" | "mod" | "divmod";

/** The message of `a <op> 0` for floats (either operand a float). */
export function floatZeroDivisionMessage(operation: DivisionOperation, version: FormatVersion): string {
  // 3.14 says "division by zero" for every float operation (observed on 3.14.3).
  if (atLeast(version, 14)) return "division by zero";
  switch (operation) {
    case "truediv":
      return "float division by zero";
    case "floordiv":
      return atLeast(version, 9) ? "float floor division by zero" : "float divmod()";
    case "mod":
      return atLeast(version, 13) ? "float modulo by zero" : "float modulo";
    default:
      return "float divmod()";
  }
}

/** The message of `a <op> 0` for two ints. 3.14's wording is inferred from its float change. */
export function intZeroDivisionMessage(operation: DivisionOperation, version: FormatVersion): string {
  if (operation === "truediv" || atLeast(version, 14)) return "division by zero";
  if (operation === "mod" && atLeast(version, 11)) return "integer modulo by zero";
  return "integer division or modulo by zero";
}
