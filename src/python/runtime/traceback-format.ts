// Python's traceback text for an exception: frames, chained causes/contexts, the last line; and
// what IPython does when a cell's exception is shown (sys.last_*, reading each frame's f_locals).
import type { PyObject } from "./object.js";
import { PyBaseException, exceptionSummary } from "./types/exceptions.js";
import type { PyTraceback } from "./types/traceback.js";
import { touchFrameLocals } from "./types/frame.js";
import { rememberLastException } from "./ops/exception-ops.js";
import { rt } from "./state.js";
import { suggestionSuffix, type DisplayStyle } from "./suggestions.js";

/** Cells compiled by the IPython session (session/cell-transform.ts) under `<ipython-input-N-HASH>`. */
const IPYTHON_FILENAME = /^<ipython-input-(\d+)-[0-9a-f]{12}>$/;

/** How IPython 8 labels a cell's frames in tracebacks ("Cell In[3]"), or null for other files. */
function cellLabel(filename: string): string | null {
  const match = IPYTHON_FILENAME.exec(filename);
  return match === null ? null : `Cell In[${match[1]}]`;
}

const CAUSE = "\nThe above exception was the direct cause of the following exception:\n\n";
const CONTEXT = "\nDuring handling of the above exception, another exception occurred:\n\n";

/**
 * IPython's showtraceback for an exception that ended a cell: it remembers the exception in
 * sys (last_type, last_value, last_traceback, 3.12+ last_exc), reads f_locals of every frame it
 * shows (looking for __tracebackhide__, which on ≤3.12 leaves a locals snapshot in each function
 * frame, so the objects a failed call had stay referenced), and returns the text it shows.
 */
export function formatException(exception: PyObject, style: DisplayStyle = "ipython"): string {
  rememberLastException(exception);
  readShownFrameLocals(exception);
  return tracebackText(exception, style);
}

/** The full text traceback.print_exception would write (no side effects). */
export function tracebackText(exception: PyObject, style: DisplayStyle = "ipython"): string {
  return formatChain(exception, new Set(), style);
}

/** Each frame of the exception's traceback, then of its cause (or unsuppressed context), and so on. */
function readShownFrameLocals(exception: PyObject): void {
  const seen = new Set<PyObject>();
  let current: PyObject | null = exception;
  while (current instanceof PyBaseException && !seen.has(current)) {
    seen.add(current);
    for (let entry = current.tracebackObject; entry !== null; entry = entry.next) {
      if (entry.frame !== null) touchFrameLocals(entry.frame);
    }
    current = current.cause ?? (current.suppressContext ? null : current.context);
  }
}

function formatChain(exception: PyObject, seen: Set<PyObject>, style: DisplayStyle): string {
  seen.add(exception);
  let prefix = "";
  if (exception instanceof PyBaseException) {
    if (exception.cause !== null && !seen.has(exception.cause)) prefix = formatChain(exception.cause, seen, style) + CAUSE;
    else if (exception.context !== null && !exception.suppressContext && !seen.has(exception.context)) prefix = formatChain(exception.context, seen, style) + CONTEXT;
  }
  return prefix + formatOne(exception, style);
}

function formatOne(exception: PyObject, style: DisplayStyle): string {
  const lines: string[] = [];
  const head = exception instanceof PyBaseException ? exception.tracebackObject : null;
  if (head !== null) {
    lines.push("Traceback (most recent call last):");
    for (let entry: PyTraceback | null = head; entry !== null; entry = entry.next) {
      if (entry.frame === null) continue;
      const code = entry.frame.code;
      const filename = code.info.filename;
      const label = cellLabel(filename);
      lines.push(`  ${label ?? `File "${filename}"`}, line ${entry.line}, in ${code.info.name}`);
      const source = rt.sourceLine(filename, entry.line);
      if (source !== null) lines.push(`    ${source.trim()}`);
    }
  }
  lines.push(exceptionLastLine(exception, style));
  return lines.join("\n") + "\n";
}

/** "Type: message" as the last traceback line shows it (with the display's name suggestions). */
export function exceptionLastLine(exception: PyObject, style: DisplayStyle = "ipython"): string {
  if (!(exception instanceof PyBaseException)) return exception.type.name;
  return exceptionSummary(exception) + suggestionSuffix(exception, style);
}
