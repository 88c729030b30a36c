// `lessonkit run`: what each cell printed, without comparing (no verdict).
import type { Lesson } from "../lesson/types.js";
import type { CellRun } from "../runners/types.js";
import { exceptionLine } from "./exceptions.js";
import { joinLines, normalizeLines } from "./normalize.js";
import { SKIP_MESSAGE } from "./check-cell.js";
import type { CellResult, LessonResult } from "./types.js";

/**
 * Results for `run` reporters. The status is not a verdict here: "pass" only means the cell
 * ran (cleanly or with an exception, whose last line ends `actual`); skipped, unsupported and
 * error keep their meaning. `expected` is always null.
 */
export function describeRuns(lesson: Lesson, runs: ReadonlyMap<number, CellRun>): LessonResult {
  const cells = [...lesson.cells]
    .sort((a, b) => a.index - b.index)
    .map((cell): CellResult => {
      const line = cell.span.start.line;
      const run = runs.get(cell.index);
      if (cell.options.skip) return { index: cell.index, line, status: "skipped", expected: null, actual: null, message: SKIP_MESSAGE };
      if (!run) return { index: cell.index, line, status: "error", expected: null, actual: null, message: "not run" };
      const outputLines = normalizeLines(run.output);
      const shown = run.exception ? [...outputLines, ...normalizeLines(exceptionLine(run.exception))] : outputLines;
      const base = { index: cell.index, line, expected: null, actual: joinLines(shown), durationMs: run.durationMs };
      switch (run.status) {
        case "ok":
        case "exception":
          return { ...base, status: "pass", message: null };
        case "unsupported":
          return {
            ...base,
            status: "unsupported",
            message: run.unsupported
              ? `unsupported: ${run.unsupported.feature} (line ${run.unsupported.line})`
              : `unsupported: ${run.engineMessage ?? "a feature the simulator does not support"}`,
          };
        default:
          return { ...base, status: "error", message: `${run.status}: ${run.engineMessage ?? "no details from the engine"}` };
      }
    });
  return { path: lesson.path, title: lesson.title, cells, messages: lesson.messages };
}
