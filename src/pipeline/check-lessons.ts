// load → run → check (or describe) every selected lesson, feeding the reporters as it goes.
import { loadLesson, LessonLoadError } from "../lesson/load.js";
import type { Lesson } from "../lesson/types.js";
import type { CellRun, Engine } from "../runners/types.js";
import { checkLesson, describeRuns, summarize } from "../check/index.js";
import type { CheckReport, LessonResult } from "../check/types.js";
import type { Reporter } from "../report/index.js";
import type { LessonCache } from "../cache/index.js";
import { runLessonCached } from "./cached-run.js";
import { mapWithConcurrency } from "./pool.js";
import { exclusionReason, excludedResult } from "./lesson-versions.js";

export interface CheckLessonsOptions {
  readonly engine: Engine;
  readonly reporter: Reporter;
  readonly mode: "check" | "run";
  readonly jobs: number;
  readonly timeoutMs: number;
  /** Which cells need a heap snapshot (only `build` asks). */
  readonly wantHeap?: (lesson: Lesson, cellIndex: number) => boolean;
  /** The result cache; absent: every lesson runs. */
  readonly cache?: LessonCache;
  /** Called as each lesson finishes (progress on stderr). */
  readonly onLessonDone?: (done: { readonly path: string; readonly fromCache: boolean; readonly finished: number; readonly total: number }) => void;
}

export interface CheckedLesson {
  readonly path: string;
  /** Undefined when the file could not be read at all. */
  readonly lesson?: Lesson;
  readonly runs: ReadonlyMap<number, CellRun>;
  readonly result: LessonResult;
  readonly unreadable: boolean;
}

export interface CheckOutcome {
  readonly report: CheckReport;
  readonly lessons: readonly CheckedLesson[];
}

export function unreadableResult(path: string, error: LessonLoadError): LessonResult {
  return {
    path,
    title: path,
    cells: [],
    messages: [
      {
        file: path,
        line: error.place?.line ?? 1,
        column: error.place?.column ?? 1,
        ruleId: "unreadable-lesson",
        severity: "error",
        reason: error.reason,
      },
    ],
  };
}

export async function checkLessons(files: readonly string[], options: CheckLessonsOptions): Promise<CheckOutcome> {
  const { engine, reporter } = options;
  reporter.onStart(engine.identity, files.length);
  let finished = 0;
  const lessons = await mapWithConcurrency(files, options.jobs, async (path): Promise<CheckedLesson> => {
    reporter.onLessonStart({ path });
    let lesson: Lesson;
    try {
      lesson = await loadLesson(path);
    } catch (error) {
      if (!(error instanceof LessonLoadError)) throw error;
      const result = unreadableResult(path, error);
      reporter.onLessonEnd(result);
      finished += 1;
      options.onLessonDone?.({ path, fromCache: false, finished, total: files.length });
      return { path, runs: new Map(), result, unreadable: true };
    }
    const excluded = exclusionReason(lesson, engine);
    if (excluded !== null) {
      const result = excludedResult(path, lesson, excluded);
      for (const cell of result.cells) reporter.onCellResult(path, cell);
      reporter.onLessonEnd(result);
      finished += 1;
      options.onLessonDone?.({ path, fromCache: false, finished, total: files.length });
      return { path, lesson, runs: new Map(), result, unreadable: false };
    }
    const { runs, fromCache } = await runLessonCached(lesson, engine, {
      timeoutMs: options.timeoutMs,
      wantHeap: options.wantHeap === undefined ? undefined : (index) => options.wantHeap!(lesson, index),
      ...(options.cache ? { cache: options.cache } : {}),
    });
    const result = options.mode === "check" ? checkLesson(lesson, runs, { identity: engine.identity }) : describeRuns(lesson, runs);
    for (const cell of result.cells) reporter.onCellResult(path, cell);
    reporter.onLessonEnd(result);
    finished += 1;
    options.onLessonDone?.({ path, fromCache, finished, total: files.length });
    return { path, lesson, runs, result, unreadable: false };
  });
  const results = lessons.map((entry) => entry.result);
  const report: CheckReport = { runner: engine.identity, lessons: results, summary: summarize(results) };
  reporter.onEnd(report);
  return { report, lessons };
}
