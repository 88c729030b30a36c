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
import { withSimThreads } from "./sim-threads.js";

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
  // The simulator's sessions move to a worker thread with a deep stack when a recursion
  // outgrows this thread's before CPython's recursion limit.
  return withSimThreads([options.engine], options.jobs, ([engine]) => checkLessonsOn(files, engine!, options), { onStackOnly: true });
}

async function checkLessonsOn(files: readonly string[], engine: Engine, options: CheckLessonsOptions): Promise<CheckOutcome> {
  const { reporter } = options;
  reporter.onStart(engine.identity, files.length);
  let finished = 0;
  /** Reports a lesson's verdicts and progress as it finishes, whichever way it finished. */
  const finish = (checked: CheckedLesson, fromCache: boolean): CheckedLesson => {
    for (const cell of checked.result.cells) reporter.onCellResult(checked.path, cell);
    reporter.onLessonEnd(checked.result);
    finished += 1;
    options.onLessonDone?.({ path: checked.path, fromCache, finished, total: files.length });
    return checked;
  };
  const lessons = await mapWithConcurrency(files, options.jobs, async (path): Promise<CheckedLesson> => {
    reporter.onLessonStart({ path });
    let lesson: Lesson;
    try {
      lesson = await loadLesson(path);
    } catch (error) {
      if (!(error instanceof LessonLoadError)) throw error;
      return finish({ path, runs: new Map(), result: unreadableResult(path, error), unreadable: true }, false);
    }
    const excluded = exclusionReason(lesson, engine);
    if (excluded !== null) return finish({ path, lesson, runs: new Map(), result: excludedResult(path, lesson, excluded), unreadable: false }, false);
    const { runs, fromCache } = await runLessonCached(lesson, engine, {
      timeoutMs: options.timeoutMs,
      wantHeap: options.wantHeap === undefined ? undefined : (index) => options.wantHeap!(lesson, index),
      ...(options.cache ? { cache: options.cache } : {}),
    });
    const result = options.mode === "check" ? checkLesson(lesson, runs, { identity: engine.identity }) : describeRuns(lesson, runs);
    return finish({ path, lesson, runs, result, unreadable: false }, fromCache);
  });
  const results = lessons.map((entry) => entry.result);
  const report: CheckReport = { runner: engine.identity, lessons: results, summary: summarize(results) };
  reporter.onEnd(report);
  return { report, lessons };
}
