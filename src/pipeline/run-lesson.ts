// Running one lesson's cells in one engine session, in order, with per-cell time limits.
import type { Lesson } from "../lesson/types.js";
import type { CellRun, Engine } from "../runners/types.js";

export interface RunLessonOptions {
  /** Default per-cell timeout (a cell's `timeout=` option overrides it). */
  readonly timeoutMs: number;
  /** Ask for heap snapshots of these cells (diagrams). */
  readonly wantHeap?: (cellIndex: number) => boolean;
  readonly onCellRun?: (run: CellRun) => void;
}

/** The runs of every cell that is not `skip`, by cell index. */
export async function runLesson(lesson: Lesson, engine: Engine, options: RunLessonOptions): Promise<Map<number, CellRun>> {
  const runs = new Map<number, CellRun>();
  const session = await engine.open({ lessonPath: lesson.path, display: lesson.settings.display, replay: lesson.settings.replay });
  try {
    for (const cell of lesson.cells) {
      if (cell.options.skip) continue;
      const timeoutMs = cell.options.timeoutSeconds !== undefined ? cell.options.timeoutSeconds * 1000 : options.timeoutMs;
      const run = await session.run({
        index: cell.index,
        source: cell.source,
        sourceLine: cell.sourceLine,
        timeoutMs,
        wantHeap: options.wantHeap?.(cell.index) ?? false,
      });
      runs.set(cell.index, run);
      options.onCellRun?.(run);
    }
  } finally {
    await session.close();
  }
  return runs;
}
