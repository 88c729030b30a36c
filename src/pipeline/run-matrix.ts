// Every lesson on every engine (and twice where asked), concurrently within --jobs.
import type { LessonCache } from "../cache/index.js";
import { loadLesson, LessonLoadError } from "../lesson/load.js";
import type { Lesson } from "../lesson/types.js";
import type { CellRun, Engine } from "../runners/types.js";
import { runLessonCached } from "./cached-run.js";
import { mapWithConcurrency } from "./pool.js";
import { withSimThreads } from "./sim-threads.js";

export interface MatrixLesson {
  readonly path: string;
  /** Undefined when the file could not be read at all. */
  readonly lesson?: Lesson;
  readonly loadError?: LessonLoadError;
}

export interface MatrixTask {
  readonly lessonIndex: number;
  readonly engineIndex: number;
  /** 1, or 2 for the second run that tells flaky cells apart. */
  readonly attempt: number;
}

export interface TaskDone extends MatrixTask {
  readonly path: string;
  readonly engine: Engine;
  readonly fromCache: boolean;
  readonly durationMs: number;
  /** Tasks finished so far, this one included, and in all. */
  readonly finished: number;
  readonly total: number;
}

export interface RunMatrixOptions {
  readonly jobs: number;
  readonly timeoutMs: number;
  readonly cache?: LessonCache;
  /** How many times each lesson runs on this engine (default 1). */
  readonly attempts?: (engine: Engine) => number;
  /** Whether a lesson runs on an engine at all (default: always). */
  readonly includes?: (lesson: Lesson, engine: Engine) => boolean;
  readonly onTaskStart?: (task: MatrixTask & { readonly path: string; readonly engine: Engine }) => void;
  readonly onTaskDone?: (done: TaskDone) => void;
  /** Run simulator sessions in worker threads (default: when the compiled worker exists). */
  readonly simInThreads?: boolean;
}

export interface RunMatrix {
  readonly lessons: readonly MatrixLesson[];
  readonly engines: readonly Engine[];
  /** The runs of one lesson on one engine; undefined when that pair did not run. */
  runs(lessonIndex: number, engineIndex: number, attempt?: number): ReadonlyMap<number, CellRun> | undefined;
  /** Lesson runs served from the cache and executed. */
  readonly served: number;
  readonly executed: number;
}

function taskKey(task: MatrixTask): string {
  return `${task.lessonIndex}/${task.engineIndex}/${task.attempt}`;
}

export async function loadLessons(files: readonly string[]): Promise<MatrixLesson[]> {
  return Promise.all(
    files.map(async (path): Promise<MatrixLesson> => {
      try {
        return { path, lesson: await loadLesson(path) };
      } catch (error) {
        if (!(error instanceof LessonLoadError)) throw error;
        return { path, loadError: error };
      }
    }),
  );
}

export async function runMatrix(files: readonly string[], engines: readonly Engine[], options: RunMatrixOptions): Promise<RunMatrix> {
  const lessons = await loadLessons(files);
  const tasks: MatrixTask[] = [];
  const maxAttempts = Math.max(1, ...engines.map((engine) => options.attempts?.(engine) ?? 1));
  // First attempts of everything before any second attempt: a partial run is still a useful matrix.
  for (let attempt = 1; attempt <= maxAttempts; attempt += 1) {
    lessons.forEach((entry, lessonIndex) => {
      if (entry.lesson === undefined) return;
      engines.forEach((engine, engineIndex) => {
        if (attempt > (options.attempts?.(engine) ?? 1)) return;
        if (options.includes !== undefined && !options.includes(entry.lesson!, engine)) return;
        tasks.push({ lessonIndex, engineIndex, attempt });
      });
    });
  }
  const results = new Map<string, ReadonlyMap<number, CellRun>>();
  let finished = 0;
  let served = 0;
  const runAll = (running: readonly Engine[]) =>
    mapWithConcurrency(tasks, options.jobs, async (task) => {
      const entry = lessons[task.lessonIndex]!;
      const engine = engines[task.engineIndex]!;
      options.onTaskStart?.({ ...task, path: entry.path, engine });
      const started = performance.now();
      const outcome = await runSafely(entry.lesson!, running[task.engineIndex]!, options, task.attempt);
      results.set(taskKey(task), outcome.runs);
      finished += 1;
      if (outcome.fromCache) served += 1;
      options.onTaskDone?.({
        ...task,
        path: entry.path,
        engine,
        fromCache: outcome.fromCache,
        durationMs: performance.now() - started,
        finished,
        total: tasks.length,
      });
    });
  await withSimThreads(engines, options.jobs, runAll, { enabled: options.simInThreads });
  return {
    lessons,
    engines,
    runs: (lessonIndex, engineIndex, attempt = 1) => results.get(taskKey({ lessonIndex, engineIndex, attempt })),
    served,
    executed: tasks.length - served,
  };
}

/**
 * An engine that cannot even open a session for one lesson (an interpreter that stopped
 * starting) makes that lesson's cells errors instead of ending the whole matrix.
 */
async function runSafely(lesson: Lesson, engine: Engine, options: RunMatrixOptions, attempt: number): Promise<{ runs: Map<number, CellRun>; fromCache: boolean }> {
  try {
    return await runLessonCached(lesson, engine, {
      timeoutMs: options.timeoutMs,
      attempt,
      ...(options.cache ? { cache: options.cache } : {}),
    });
  } catch (error) {
    const message = (error as Error).message.split("\n")[0] ?? "the engine failed";
    const runs = new Map<number, CellRun>();
    for (const cell of lesson.cells) {
      if (cell.options.skip) continue;
      runs.set(cell.index, { index: cell.index, status: "error", output: "", engineMessage: message, durationMs: 0 });
    }
    return { runs, fromCache: false };
  }
}
