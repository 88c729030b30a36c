// Serving a whole lesson's runs from the store, or recording them after a real execution.
import { randomBytes } from "node:crypto";
import type { Lesson } from "../lesson/types.js";
import type { CellRun, EngineIdentity, RunStatus } from "../runners/types.js";
import { CACHE_FORMAT, cellCacheKeys } from "./cache-key.js";
import { engineFingerprint } from "./engine-fingerprint.js";
import { ResultStore, type StoredCell } from "./result-store.js";

/** Results worth keeping: what the code did. Engine failures (timeouts, crashes) may not recur. */
const CACHEABLE: ReadonlySet<RunStatus> = new Set<RunStatus>(["ok", "exception", "unsupported"]);

export function isCacheable(run: CellRun): boolean {
  return CACHEABLE.has(run.status);
}

export interface LessonRunSettings {
  readonly timeoutMs: number;
  /** 1 normally; 2 for drift's second run on a real interpreter. */
  readonly attempt: number;
  readonly wantHeap?: (cellIndex: number) => boolean;
}

/** A lookup's answer: the runs when every cell was served, and the keys to store a fresh run under. */
export interface CacheLookup {
  readonly keys: ReadonlyMap<number, string>;
  readonly runs?: Map<number, CellRun>;
}

export interface CacheStats {
  /** Lessons served without running. */
  lessonHits: number;
  /** Lessons that had to run. */
  lessonMisses: number;
  /** Lessons whose runs were stored. */
  lessonsStored: number;
  /** Stores that failed (a read-only or full disk): the run goes on, uncached. */
  writeFailures: number;
  lastWriteError?: string;
}

export class LessonCache {
  readonly stats: CacheStats = { lessonHits: 0, lessonMisses: 0, lessonsStored: 0, writeFailures: 0 };
  private readonly store: ResultStore;

  constructor(directory: string) {
    this.store = new ResultStore(directory);
  }

  get directory(): string {
    return this.store.directory;
  }

  /**
   * Serves the lesson only when every running cell has an entry and all entries come from one
   * execution: mixing executions would mix the addresses of two processes in one lesson, and a
   * cell served alone cannot rebuild the interpreter state later cells need.
   */
  async lookup(lesson: Lesson, identity: EngineIdentity, settings: LessonRunSettings): Promise<CacheLookup> {
    const keys = cellCacheKeys(lesson, {
      engine: await engineFingerprint(identity),
      timeoutMs: settings.timeoutMs,
      attempt: settings.attempt,
      ...(settings.wantHeap ? { wantHeap: settings.wantHeap } : {}),
    });
    const entries = await Promise.all([...keys].map(async ([index, key]) => ({ index, entry: await this.store.read(key) })));
    const runId = entries[0]?.entry?.runId;
    const complete = entries.every(({ entry }) => entry !== undefined && entry.runId === runId);
    if (!complete) {
      this.stats.lessonMisses += 1;
      return { keys };
    }
    this.stats.lessonHits += 1;
    const runs = new Map<number, CellRun>();
    for (const { index, entry } of entries) runs.set(index, restoreRun(entry!, lesson, index));
    return { keys, runs };
  }

  /** Stores a fresh execution; nothing when a cell timed out, crashed or the engine failed. */
  async record(lesson: Lesson, keys: ReadonlyMap<number, string>, runs: ReadonlyMap<number, CellRun>): Promise<boolean> {
    const all = [...keys].map(([index, key]) => ({ key, run: runs.get(index), index }));
    if (all.some(({ run }) => run === undefined || !isCacheable(run))) return false;
    const runId = randomBytes(12).toString("hex");
    try {
      await Promise.all(all.map(({ key, run, index }) => this.store.write(storedCell(key, runId, run!, lesson, index))));
    } catch (error) {
      // Half-written lessons are harmless: their entries share a run id no complete set has.
      this.stats.writeFailures += 1;
      this.stats.lastWriteError = (error as Error).message;
      return false;
    }
    this.stats.lessonsStored += 1;
    return true;
  }
}

function sourceLineOf(lesson: Lesson, index: number): number {
  return lesson.cells.find((cell) => cell.index === index)?.sourceLine ?? 1;
}

function storedCell(key: string, runId: string, run: CellRun, lesson: Lesson, index: number): StoredCell {
  const base = { format: CACHE_FORMAT, key, runId, run };
  if (run.unsupported === undefined) return base;
  return { ...base, lineOffset: run.unsupported.line - sourceLineOf(lesson, index) };
}

/** The stored run as this lesson's cell: its index and lesson line as they are now. */
function restoreRun(entry: StoredCell, lesson: Lesson, index: number): CellRun {
  const run: CellRun = { ...entry.run, index };
  if (run.unsupported === undefined || entry.lineOffset === undefined) return run;
  return { ...run, unsupported: { ...run.unsupported, line: sourceLineOf(lesson, index) + entry.lineOffset } };
}
