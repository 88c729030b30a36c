// Python's traceback text for an exception: frames, chained causes/contexts, the last line; and
// what IPython does when a cell's exception is shown (sys.last_*, reading each frame's f_locals).
import type { PyObject } from "./object.js";
import { PyBaseException, exceptionSummary, exceptionAttribute } from "./types/exceptions.js";
import { PyStr, internName } from "./types/str.js";
import { PyList } from "./types/list.js";
import { PyTuple } from "./types/tuple.js";
import { decref } from "./object.js";
import { PyRaise, discardRaise } from "./errors.js";
import { lookupAttr } from "./abstract/attributes.js";
import { reprText, strText } from "./abstract/object-protocol.js";
import { PyInt } from "./types/int.js";
import type { PyTraceback } from "./types/traceback.js";
import { touchFrameLocals } from "./types/frame.js";
import { rememberLastException } from "./ops/exception-ops.js";
import { rt } from "./state.js";
import { suggestionSuffix, type DisplayStyle } from "./suggestions.js";
import { involvesExceptionGroup, groupTracebackText } from "./exception-group-format.js";
import { attributesOf } from "./instance-attributes.js";

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
  if (involvesExceptionGroup(exception)) return groupTracebackText(exception, style);
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
  const stack = stackLines(exception);
  if (stack.length > 0) lines.push("Traceback (most recent call last):", ...stack);
  lines.push(...exceptionOnlyLines(exception, style));
  return lines.join("\n") + "\n";
}

/** The lines of the exception's traceback entries, outermost first (no header). */
export function stackLines(exception: PyObject): string[] {
  const lines: string[] = [];
  const head = exception instanceof PyBaseException ? exception.tracebackObject : null;
  for (let entry: PyTraceback | null = head; entry !== null; entry = entry.next) {
    if (entry.frame === null) continue;
    const code = entry.frame.code;
    const filename = code.info.filename;
    const label = cellLabel(filename);
    lines.push(`  ${label ?? `File "${filename}"`}, line ${entry.line}, in ${code.info.name}`);
    const source = rt.sourceLine(filename, entry.line);
    if (source !== null) lines.push(`    ${source.trim()}`);
  }
  return lines;
}

/** format_exception_only: a SyntaxError's location, then the "Type: message" line. */
export function exceptionOnlyLines(exception: PyObject, style: DisplayStyle): string[] {
  const lines: string[] = [];
  if (style === "ipython" && exception instanceof PyBaseException && exception.type.isSubtypeOf(rt.exc.SyntaxError)) {
    lines.push(...syntaxErrorLocation(exception));
  }
  lines.push(exceptionLastLine(exception, style));
  if (rt.profile.minor >= 11) lines.push(...noteLines(exception));
  return lines;
}

/** 3.11+ (PEP 678): each note of a sequence __notes__ on its own lines, or the repr of anything else. */
function noteLines(exception: PyObject): string[] {
  if (!(exception instanceof PyBaseException) || attributesOf(exception) === null) return [];
  const name = internName("__notes__");
  let notes: PyObject | null;
  try {
    notes = lookupAttr(exception, name);
  } catch (error) {
    if (!(error instanceof PyRaise)) throw error;
    discardRaise(error);
    return [];
  } finally {
    decref(name);
  }
  if (notes === null) return [];
  try {
    // 3.11 takes any Sequence, a str too (one line per character); 3.12 shows a str's repr.
    if (rt.profile.minor === 11 && notes instanceof PyStr) return [...notes.value].flatMap((character) => character.split("\n"));
    if (notes instanceof PyList || notes instanceof PyTuple) {
      return notes.items.flatMap((note) => safeText(() => strText(note), "<note str() failed>").split("\n"));
    }
    return [safeText(() => reprText(notes!), "<__notes__ repr() failed>")];
  } finally {
    decref(notes);
  }
}

function safeText(render: () => string, fallback: string): string {
  try {
    return render();
  } catch (error) {
    if (!(error instanceof PyRaise)) throw error;
    discardRaise(error);
    return fallback;
  }
}

/**
 * traceback's _format_syntax_error (the kernel formats with TracebackException), for a cell that
 * did not compile: where (the file label relabelled "Cell In[N]"), the line from the cell's
 * source, and the carets under offset..end_offset, in each version's own way.
 */
function syntaxErrorLocation(exception: PyBaseException): string[] {
  const number = (name: string): number | null => {
    const value = exceptionAttribute(exception, name);
    return value instanceof PyInt ? Number(value.value) : null;
  };
  const filenameObject = exceptionAttribute(exception, "filename");
  const filename = filenameObject instanceof PyStr && filenameObject.value !== "" ? filenameObject.value : "<string>";
  const lineno = number("lineno");
  const lines: string[] = [];
  if (lineno !== null) lines.push(`  ${cellLabel(filename) ?? `File "${filename}"`}, line ${lineno}`);
  // The kernel re-reads the line from linecache (with its newline), else keeps SyntaxError.text.
  const cached = lineno === null ? null : rt.sourceLine(filename, lineno);
  const textObject = exceptionAttribute(exception, "text");
  const text = cached !== null && cached !== "" ? `${cached}\n` : textObject instanceof PyStr ? textObject.value : null;
  if (text === null) return lines;
  const offset = number("offset");
  const caretSpace = (characters: readonly string[]): string => characters.map((character) => (/\s/.test(character) ? character : " ")).join("");
  const minor = rt.profile.minor;
  if (minor <= 8) {
    lines.push(`    ${text.trim()}`);
    if (offset !== null) {
      const line = [...text.replace(/\n+$/, "")];
      const cut = Math.min(line.length, offset) - 1;
      const before = line.slice(0, cut < 0 ? Math.max(0, line.length + cut) : cut).join("").replace(/^\s+/, "");
      lines.push(`    ${caretSpace([...before])}^`);
    }
    return lines;
  }
  const rtext = [...text.replace(/\n+$/, "")];
  let spaces = 0;
  while (spaces < rtext.length && (rtext[spaces] === " " || rtext[spaces] === "\n" || rtext[spaces] === "\f")) spaces++;
  const ltext = rtext.slice(spaces);
  const ltextText = ltext.join("");
  if (minor === 9) {
    lines.push(`    ${ltextText}`);
    const caret = (offset ?? 0) - 1 - spaces;
    if (caret >= 0) lines.push(`    ${caretSpace(ltext.slice(0, caret))}^`);
    return lines;
  }
  const endOffsetRaw = number("end_offset");
  if (minor <= 12) {
    lines.push(`    ${ltextText}`);
    if (offset === null) return lines;
    let endOffset = endOffsetRaw !== null && endOffsetRaw !== 0 ? endOffsetRaw : offset;
    if (offset === endOffset || endOffset === -1) endOffset = offset + 1;
    const colno = offset - 1 - spaces;
    if (colno >= 0) lines.push(`    ${caretSpace(ltext.slice(0, colno))}${"^".repeat(Math.max(0, endOffset - 1 - spaces - colno))}`);
    return lines;
  }
  lines.push(`    ${ltextText}`);
  if (offset === null) return lines;
  const textLength = [...text].length;
  let start = offset;
  let endOffset = lineno === number("end_lineno") ? (endOffsetRaw !== null && endOffsetRaw !== 0 ? endOffsetRaw : start) : rtext.length + 1;
  if (textLength > 0 && start > textLength) start = rtext.length + 1;
  if (textLength > 0 && endOffset > textLength) endOffset = rtext.length + 1;
  if (start >= endOffset || endOffset < 0) endOffset = start + 1;
  const colno = start - 1 - spaces;
  if (colno >= 0) lines.push(`    ${caretSpace(ltext.slice(0, colno))}${"^".repeat(Math.max(0, endOffset - 1 - spaces - colno))}`);
  return lines;
}

/** "Type: message" as the last traceback line shows it (with the display's name suggestions). */
export function exceptionLastLine(exception: PyObject, style: DisplayStyle = "ipython"): string {
  if (!(exception instanceof PyBaseException)) return exception.type.name;
  return exceptionSummary(exception) + suggestionSuffix(exception, style);
}
