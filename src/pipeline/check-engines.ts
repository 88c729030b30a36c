// `check`/`run` on several engines: every lesson on every engine, then one report per engine.
import type { LessonCache } from "../cache/index.js";
import { checkLesson, describeRuns, summarize } from "../check/index.js";
import type { CheckReport, LessonResult } from "../check/types.js";
import type { Reporter } from "../report/index.js";
import type { Engine } from "../runners/types.js";
import { unreadableResult, type CheckedLesson, type CheckOutcome } from "./check-lessons.js";
import { runMatrix, type RunMatrix, type TaskDone } from "./run-matrix.js";
import { exclusionReason, excludedResult, meantFor } from "./lesson-versions.js";

export interface CheckEnginesOptions {
  readonly engines: readonly Engine[];
  readonly reporter: Reporter;
  readonly mode: "check" | "run";
  readonly jobs: number;
  readonly timeoutMs: number;
  readonly cache?: LessonCache;
  readonly onTaskDone?: (done: TaskDone) => void;
}

export interface EngineOutcome extends CheckOutcome {
  readonly engine: Engine;
}

/**
 * Runs everything first (concurrently), then reports engine after engine, so each reporter
 * sees whole runs: onStart(engine) … onEnd(report) once per engine, in the engines' order.
 */
export async function checkLessonsOnEngines(files: readonly string[], options: CheckEnginesOptions): Promise<EngineOutcome[]> {
  const matrix = await runMatrix(files, options.engines, {
    jobs: options.jobs,
    timeoutMs: options.timeoutMs,
    includes: meantFor,
    ...(options.cache ? { cache: options.cache } : {}),
    ...(options.onTaskDone ? { onTaskDone: options.onTaskDone } : {}),
  });
  return options.engines.map((engine, engineIndex) => reportEngine(matrix, engineIndex, options));
}

function reportEngine(matrix: RunMatrix, engineIndex: number, options: CheckEnginesOptions): EngineOutcome {
  const engine = matrix.engines[engineIndex]!;
  const { reporter } = options;
  reporter.onStart(engine.identity, matrix.lessons.length);
  const lessons = matrix.lessons.map((entry, lessonIndex): CheckedLesson => {
    reporter.onLessonStart({ path: entry.path });
    if (entry.lesson === undefined) {
      const result = unreadableResult(entry.path, entry.loadError!);
      reporter.onLessonEnd(result);
      return { path: entry.path, runs: new Map(), result, unreadable: true };
    }
    const runs = matrix.runs(lessonIndex, engineIndex) ?? new Map();
    const excluded = exclusionReason(entry.lesson, engine);
    const result: LessonResult =
      excluded !== null ? excludedResult(entry.path, entry.lesson, excluded) :
      options.mode === "check" ? checkLesson(entry.lesson, runs, { identity: engine.identity }) : describeRuns(entry.lesson, runs);
    for (const cell of result.cells) reporter.onCellResult(entry.path, cell);
    reporter.onLessonEnd(result);
    return { path: entry.path, lesson: entry.lesson, runs, result, unreadable: false };
  });
  const results = lessons.map((entry) => entry.result);
  const report: CheckReport = { runner: engine.identity, lessons: results, summary: summarize(results) };
  reporter.onEnd(report);
  return { engine, report, lessons };
}
