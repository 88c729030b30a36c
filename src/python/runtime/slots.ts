// Shared shapes of the slot functions declared on PyType (type.ts): comparison codes,
// traversal visitors and call arguments. Slots follow object.ts's discipline: arguments
// borrowed, results new references.
import type { PyObject } from "./object.js";

/** Comparison operators in CPython's numbering (Py_LT … Py_GE). */
export const enum CompareOp {
  Lt = 0,
  Le = 1,
  Eq = 2,
  Ne = 3,
  Gt = 4,
  Ge = 5,
}

/** Visits each reference an object holds (tp_traverse): containers only. */
export type Visitor = (child: PyObject) => void;

/** Arguments as the vectorcall convention passes them: positional values then keyword values. */
export interface CallArgs {
  /** Borrowed. Positional arguments first, then one value per keyword name. */
  readonly values: readonly PyObject[];
  /** Keyword names for the last `kwnames.length` values (interned str values), or null. */
  readonly kwnames: readonly string[] | null;
  /** True when the caller already holds the keywords in a dict (f(**m)): tp_call takes that one. */
  readonly keywordsInDict?: boolean;
}
