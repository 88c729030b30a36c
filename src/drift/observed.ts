// What a run showed, as one text: the output, then how it ended when that is not plain success.
import { exceptionLine } from "../check/exceptions.js";
import { joinLines, normalizeLines } from "../check/normalize.js";
import type { CellRun, RunStatus } from "../runners/types.js";

/** Engine failures: the run says nothing about the code, only that the engine stopped. */
export const ENGINE_FAILURES: ReadonlySet<RunStatus> = new Set<RunStatus>(["timeout", "crash", "error"]);

/**
 * The normalised lines a reader would see: output, then the exception's last traceback line;
 * an unsupported feature or an engine failure adds a marker line naming it (never its
 * engine-specific wording, which carries durations and paths).
 */
export function observedLines(run: CellRun): string[] {
  const lines = normalizeLines(run.output);
  if (run.status === "exception" && run.exception !== undefined) lines.push(...normalizeLines(exceptionLine(run.exception)));
  if (run.status === "unsupported") lines.push(`<unsupported: ${run.unsupported?.feature ?? "a feature"}>`);
  if (ENGINE_FAILURES.has(run.status)) lines.push(`<${run.status}>`);
  return lines;
}

export function observedText(run: CellRun): string {
  return joinLines(observedLines(run));
}
