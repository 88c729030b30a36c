// Checks every cell of a lesson in order, carrying address identity from cell to cell.
import type { Lesson } from "../lesson/types.js";
import type { CellRun, EngineIdentity } from "../runners/types.js";
import type { PythonVersion } from "../versions/version.js";
import { checkCell } from "./check-cell.js";
import { engineLabel, engineVersion } from "./engine-label.js";
import { IdentityLedger } from "./identity.js";
import type { LessonResult } from "./types.js";

export interface CheckEngine {
  /** The version outputs are chosen for; defaults to the identity's profile or version. */
  readonly version?: PythonVersion;
  readonly identity: EngineIdentity;
}

/**
 * `runs` holds the engine's result per cell index; a cell that is not skipped and has no run is
 * an error. Cells are checked in lesson order because identity bindings flow forward.
 */
export function checkLesson(lesson: Lesson, runs: ReadonlyMap<number, CellRun>, engine: CheckEngine): LessonResult {
  const ledger = new IdentityLedger();
  const context = {
    lessonPath: lesson.path,
    ledger,
    version: engine.version ?? engineVersion(engine.identity),
    engineLabel: engineLabel(engine.identity),
  };
  const cells = [...lesson.cells]
    .sort((a, b) => a.index - b.index)
    .map((cell) => checkCell(cell, runs.get(cell.index), context));
  return { path: lesson.path, title: lesson.title, cells, messages: lesson.messages };
}
