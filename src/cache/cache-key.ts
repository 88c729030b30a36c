// Cache keys of a lesson's cells: each covers the cell, every cell run before it, the settings
// that change how cells run, and the engine.
import { createHash } from "node:crypto";
import type { Lesson } from "../lesson/types.js";

/** Bumped when the key or entry layout changes, so old entries are never read as new ones. */
export const CACHE_FORMAT = 1;

export interface CellKeyOptions {
  /** `engineFingerprint(identity)`. */
  readonly engine: string;
  /** The run's default per-cell timeout; a cell's `timeout=` overrides it. */
  readonly timeoutMs: number;
  /** 1 for an ordinary run; drift's second run on an interpreter (to find flaky cells) is 2. */
  readonly attempt: number;
  /** Cells whose run carries a heap snapshot (`build` diagrams). */
  readonly wantHeap?: (cellIndex: number) => boolean;
}

function sha256(text: string): string {
  return createHash("sha256").update(text).digest("hex");
}

/** The per-cell timeout a run uses, as `runLesson` computes it. */
export function effectiveTimeoutMs(cellTimeoutSeconds: number | undefined, defaultMs: number): number {
  return cellTimeoutSeconds !== undefined ? cellTimeoutSeconds * 1000 : defaultMs;
}

/**
 * One key per cell that runs (skipped cells run nothing and have none), chained: a cell's key
 * hashes the previous cell's key, so it changes when any earlier running cell's source, timeout
 * or heap request changes, and with the lesson settings and engine at the head of the chain.
 * Prose and the cell's place in the file are not part of it: editing text around the cells
 * keeps their results.
 */
export function cellCacheKeys(lesson: Lesson, options: CellKeyOptions): Map<number, string> {
  const keys = new Map<number, string>();
  let chain = sha256(
    JSON.stringify({
      format: CACHE_FORMAT,
      engine: options.engine,
      display: lesson.settings.display,
      replay: lesson.settings.replay,
      attempt: options.attempt,
    }),
  );
  for (const cell of lesson.cells) {
    if (cell.options.skip) continue;
    const cellData = JSON.stringify({
      source: cell.source,
      timeoutMs: effectiveTimeoutMs(cell.options.timeoutSeconds, options.timeoutMs),
      heap: options.wantHeap?.(cell.index) ?? false,
    });
    chain = sha256(`${chain}\n${cellData}`);
    keys.set(cell.index, chain);
  }
  return keys;
}
