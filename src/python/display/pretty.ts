// IPython's text/plain display of a value: IPython.lib.pretty with IPython 8's defaults
// (width 79, at most 1000 items per container), as PlainTextFormatter runs it.
//
// The parts: layout.ts (line breaking), representation-printer.ts (choosing a printer),
// printer-tables.ts (which class gets which printer), *-printers.ts (one family each),
// python-signature.ts and builtin-signatures.ts (function signatures), printer-object.ts (the
// `p` of `_repr_pretty_`), display-formatter.ts (the whole of IPython's display of a value).
import type { PyObject } from "../runtime/object.js";
import { RepresentationPrinter } from "./representation-printer.js";

export const MAX_WIDTH = 79;
export const MAX_SEQ_LENGTH = 1000;

/** The text IPython's pretty printer shows for `value` (borrowed). Python exceptions propagate. */
export function prettyText(value: PyObject, maxWidth = MAX_WIDTH, maxSeqLength = MAX_SEQ_LENGTH): string {
  const printer = new RepresentationPrinter(maxWidth, maxSeqLength);
  try {
    printer.pretty(value);
    return printer.value();
  } finally {
    printer.release();
  }
}
