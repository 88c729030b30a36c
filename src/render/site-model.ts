// What the renderer is given: each lesson with the verdicts and runs of every engine that checked it.
import type { Lesson } from "../lesson/types.js";
import type { CellResult, LessonResult } from "../check/types.js";
import type { CellRun, EngineIdentity } from "../runners/types.js";

/** One engine's pass over one lesson. */
export interface EngineCheck {
  readonly identity: EngineIdentity;
  readonly result: LessonResult;
  readonly runs: ReadonlyMap<number, CellRun>;
}

export interface SiteLesson {
  /** The path as the user gave it. */
  readonly path: string;
  /** Undefined when the file could not be read; `problem` then says why. */
  readonly lesson?: Lesson;
  /** In the order the engines were given on the command line. */
  readonly checks: readonly EngineCheck[];
  readonly problem?: string;
}

/** One engine's verdict on one cell. */
export interface EngineVerdict {
  readonly identity: EngineIdentity;
  readonly result: CellResult;
}

/** Every engine's verdict on the cell, in engine order (engines that gave none are left out). */
export function cellVerdicts(site: SiteLesson, cellIndex: number): EngineVerdict[] {
  const verdicts: EngineVerdict[] = [];
  for (const check of site.checks) {
    const result = check.result.cells.find((cell) => cell.index === cellIndex);
    if (result !== undefined) verdicts.push({ identity: check.identity, result });
  }
  return verdicts;
}
