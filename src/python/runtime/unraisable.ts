// "Exception ignored in: …": errors that cannot propagate (in __del__, weakref callbacks, gc).
import type { PyObject } from "./object.js";
import { PyRaise, discardRaise } from "./errors.js";
import { rt } from "./state.js";
import { reprText, strText } from "./abstract/object-protocol.js";
import { PyBaseException, exceptionStrText } from "./types/exceptions.js";

/**
 * Writes the report CPython's default sys.unraisablehook (C, _PyErr_WriteUnraisableDefaultHook)
 * prints to stderr, then drops the exception. `object` is what the caller names: the __del__
 * function, the weakref callback, the generator.
 */
export function writeUnraisable(raised: PyRaise, object: PyObject | null): void {
  let where = "";
  if (object !== null) {
    try {
      where = reprText(object);
    } catch {
      where = `<object repr() failed>`;
    }
  }
  // 3.14 names what was being called ("while calling deallocator …:").
  const header = rt.profile.minor >= 14 ? `Exception ignored while calling deallocator ${where}:\n` : `Exception ignored in: ${where}\n`;
  rt.output.push(header + cTracebackText(raised.exception) + exceptionLine(raised.exception));
  discardRaise(raised);
}

/**
 * PyTraceBack_Print: `File "name", line N, in function` per entry, with the source line only
 * when the file can be read (never for a notebook cell's "<ipython-input-…>").
 */
function cTracebackText(exception: PyObject): string {
  const head = exception instanceof PyBaseException ? exception.tracebackObject : null;
  if (head === null) return "";
  let text = "Traceback (most recent call last):\n";
  for (let entry: typeof head | null = head; entry !== null; entry = entry.next) {
    if (entry.frame === null) continue;
    const info = entry.frame.code.info;
    text += `  File "${info.filename}", line ${entry.line}, in ${info.name}\n`;
    const source = info.filename.startsWith("<") ? null : rt.sourceLine(info.filename, entry.line);
    if (source !== null) text += `    ${source.trim()}\n`;
  }
  return text;
}

/**
 * The hook's last line: the type's module (not builtins; from 3.11 not __main__ either), its
 * qualname, then ": " and str(value), even when that is empty.
 */
function exceptionLine(exception: PyObject): string {
  const type = exception.type;
  const module = type.module;
  const hidden = module === "builtins" || (module === "__main__" && rt.profile.minor >= 11);
  let text: string;
  try {
    text = exception instanceof PyBaseException ? exceptionStrText(exception) : strText(exception);
  } catch (error) {
    if (!(error instanceof PyRaise)) throw error;
    discardRaise(error);
    text = "<exception str() failed>";
  }
  return `${hidden ? "" : `${module}.`}${type.qualname}: ${text}\n`;
}
