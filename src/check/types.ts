// Verdicts: what the checker says about each cell, the data every reporter prints.
import type { EngineIdentity } from "../runners/types.js";
import type { LessonMessage } from "../lesson/types.js";

/**
 * pass: matches. fail: differs (with a diff). drift: matches only an output recorded for
 * another Python version. unsupported: the simulator refused a feature. skipped: not run or not
 * compared. error: the engine failed (timeout, crash, missing interpreter).
 */
export type CellStatus = "pass" | "fail" | "drift" | "unsupported" | "skipped" | "error";

export const CELL_STATUSES: readonly CellStatus[] = ["pass", "fail", "drift", "unsupported", "skipped", "error"];

export interface CellResult {
  readonly index: number;
  /** 1-based line of the cell's code fence in the lesson file. */
  readonly line: number;
  readonly status: CellStatus;
  /** The expected output chosen for this engine's version (null when the cell has none to compare). */
  readonly expected: string | null;
  /** What ran, as compared: output then the exception's last line (null when not run). */
  readonly actual: string | null;
  /** Why it is not a pass, in a sentence; null on pass. */
  readonly message: string | null;
  /** A readable unified diff for a fail. */
  readonly diff?: string;
  /** 1-based line of the expected output fence the verdict refers to. */
  readonly expectedLine?: number;
  readonly durationMs?: number;
}

export interface LessonResult {
  readonly path: string;
  readonly title: string;
  readonly cells: readonly CellResult[];
  /** Problems found while parsing the lesson. */
  readonly messages: readonly LessonMessage[];
}

export type Summary = Record<CellStatus, number>;

export interface CheckReport {
  readonly runner: EngineIdentity;
  readonly lessons: readonly LessonResult[];
  readonly summary: Summary;
}
