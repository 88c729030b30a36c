// "Exception ignored in: …": errors that cannot propagate (in __del__, weakref callbacks, gc).
import type { PyObject } from "./object.js";
import type { PyRaise } from "./errors.js";
import { discardRaise } from "./errors.js";
import { rt } from "./state.js";
import { reprText } from "./abstract/object-protocol.js";
import { tracebackText } from "./traceback-format.js";

/** Writes the report CPython's default sys.unraisablehook prints to stderr, then drops it. */
export function writeUnraisable(raised: PyRaise, object: PyObject | null): void {
  let where = "";
  if (object !== null) {
    try {
      where = reprText(object);
    } catch {
      where = `<object repr() failed>`;
    }
  }
  const header = rt.profile.minor >= 13 ? `Exception ignored while calling deallocator ${where}:\n` : `Exception ignored in: ${where}\n`;
  rt.output.push(header + tracebackText(raised.exception));
  discardRaise(raised);
}
