// Python's traceback text for an exception: frames, chained causes/contexts, the last line.
import type { PyObject } from "./object.js";
import { PyBaseException, exceptionSummary } from "./types/exceptions.js";
import { rt } from "./state.js";
import { suggestionFor } from "./suggestions.js";

/** Cells compiled by the IPython session (session/cell-transform.ts) under `<ipython-input-N-HASH>`. */
const IPYTHON_FILENAME = /^<ipython-input-(\d+)-[0-9a-f]{12}>$/;

/** How IPython 8 labels a cell's frames in tracebacks ("Cell In[3]"), or null for other files. */
function cellLabel(filename: string): string | null {
  const match = IPYTHON_FILENAME.exec(filename);
  return match === null ? null : `Cell In[${match[1]}]`;
}

const CAUSE = "\nThe above exception was the direct cause of the following exception:\n\n";
const CONTEXT = "\nDuring handling of the above exception, another exception occurred:\n\n";

/** The full text traceback.print_exception would write. */
export function formatException(exception: PyObject): string {
  return formatChain(exception, new Set());
}

function formatChain(exception: PyObject, seen: Set<PyObject>): string {
  seen.add(exception);
  let prefix = "";
  if (exception instanceof PyBaseException) {
    if (exception.cause !== null && !seen.has(exception.cause)) prefix = formatChain(exception.cause, seen) + CAUSE;
    else if (exception.context !== null && !exception.suppressContext && !seen.has(exception.context)) prefix = formatChain(exception.context, seen) + CONTEXT;
  }
  return prefix + formatOne(exception);
}

function formatOne(exception: PyObject): string {
  const lines: string[] = [];
  if (exception instanceof PyBaseException && exception.traceback.length > 0) {
    lines.push("Traceback (most recent call last):");
    for (const entry of exception.traceback) {
      const filename = entry.code.info.filename;
      const label = cellLabel(filename);
      lines.push(`  ${label ?? `File "${filename}"`}, line ${entry.line}, in ${entry.code.info.name}`);
      const source = rt.sourceLine(entry.code.info.filename, entry.line);
      if (source !== null) lines.push(`    ${source.trim()}`);
    }
  }
  lines.push(exceptionLastLine(exception));
  return lines.join("\n") + "\n";
}

/** "Type: message" as the last traceback line shows it (with 3.10+ name suggestions). */
export function exceptionLastLine(exception: PyObject): string {
  if (!(exception instanceof PyBaseException)) return exception.type.name;
  const summary = exceptionSummary(exception);
  const suggestion = suggestionFor(exception);
  return suggestion === null ? summary : `${summary}. Did you mean: '${suggestion}'?`;
}
