// Running a lesson through the result cache: served whole when unchanged, else run and recorded.
import type { LessonCache } from "../cache/index.js";
import type { Lesson } from "../lesson/types.js";
import type { CellRun, Engine } from "../runners/types.js";
import { runLesson, type RunLessonOptions } from "./run-lesson.js";

export interface CachedRunOptions extends RunLessonOptions {
  /** Absent: no cache (`--no-cache`). */
  readonly cache?: LessonCache;
  /** 1 normally; 2 for drift's second run on a real interpreter, cached apart from the first. */
  readonly attempt?: number;
}

export interface LessonRunOutcome {
  readonly runs: Map<number, CellRun>;
  readonly fromCache: boolean;
}

export async function runLessonCached(lesson: Lesson, engine: Engine, options: CachedRunOptions): Promise<LessonRunOutcome> {
  const cache = options.cache;
  if (cache === undefined) return { runs: await runLesson(lesson, engine, options), fromCache: false };
  const settings = {
    timeoutMs: options.timeoutMs,
    attempt: options.attempt ?? 1,
    ...(options.wantHeap ? { wantHeap: options.wantHeap } : {}),
  };
  const lookup = await cache.lookup(lesson, engine.identity, settings);
  if (lookup.runs !== undefined) {
    for (const run of lookup.runs.values()) options.onCellRun?.(run);
    return { runs: lookup.runs, fromCache: true };
  }
  const runs = await runLesson(lesson, engine, options);
  await cache.record(lesson, lookup.keys, runs);
  return { runs, fromCache: false };
}
