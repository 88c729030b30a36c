// Exceptions on both sides: the actual's last traceback line, and tracebacks shown in a lesson.
import type { PythonException } from "../runners/types.js";
import type { ExpectedLine } from "./line-pattern.js";

/** What the last line of a traceback shows: `Type: message`, or `Type` for an empty message. */
export function exceptionLine(exception: PythonException): string {
  return exception.message === "" ? exception.type : `${exception.type}: ${exception.message}`;
}

const PYTHON_HEADER = "Traceback (most recent call last):";
/** IPython's header: `ZeroDivisionError      Traceback (most recent call last)`. */
const IPYTHON_HEADER = /^[A-Za-z_][\w.]*\s+Traceback \(most recent call last\)$/u;
const IPYTHON_RULE = /^-{20,}$/u;

export interface ReducedExpected {
  /** The lines to compare: output before the traceback, then the traceback's last line. */
  readonly lines: readonly ExpectedLine[];
  /** The file line of the traceback header when the lesson shows a full traceback. */
  readonly tracebackLine?: number;
}

/**
 * doctest's rule: of a full traceback block only the header (which says an exception is
 * expected) and the last line (the exception itself) count; the stack in between is whatever
 * the recording machine printed. IPython's coloured-traceback layout is recognised too.
 */
export function reduceTraceback(lines: readonly ExpectedLine[]): ReducedExpected {
  const headerIndex = lines.findIndex(
    (line) => line.text.trim() === PYTHON_HEADER || IPYTHON_HEADER.test(line.text.trim()),
  );
  if (headerIndex === -1) return { lines };
  const before = lines.slice(0, headerIndex);
  const ruleAbove = before.length > 0 && IPYTHON_RULE.test(before[before.length - 1]!.text.trim());
  const kept = ruleAbove ? before.slice(0, -1) : before;
  const last = lines[lines.length - 1]!;
  const tracebackLine = lines[headerIndex]!.fileLine;
  return headerIndex === lines.length - 1 ? { lines: kept, tracebackLine } : { lines: [...kept, last], tracebackLine };
}

/** The exception type a line names, if it reads like a traceback's last line. */
function namedException(text: string): string | undefined {
  const match = /^([A-Za-z_][\w.]*)(?::|$)/u.exec(text);
  return match?.[1];
}

/** `json.decoder.JSONDecodeError` and `JSONDecodeError` name the same exception. */
export function sameExceptionType(a: string, b: string): boolean {
  if (a === b) return true;
  const shortName = (name: string): string => name.slice(name.lastIndexOf(".") + 1);
  return shortName(a) === shortName(b) && (!a.includes(".") || !b.includes("."));
}

/** Whether the expected lines end with the given exception's last traceback line. */
export function showsException(reduced: ReducedExpected, type: string): boolean {
  if (reduced.tracebackLine !== undefined) return true;
  const last = reduced.lines[reduced.lines.length - 1];
  const named = last ? namedException(last.text) : undefined;
  return named !== undefined && sameExceptionType(named, type);
}
