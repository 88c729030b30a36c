// The drift report: which cells show different outputs across Python versions and engines.
import type { CellStatus } from "../check/types.js";
import type { LessonMessage } from "../lesson/types.js";
import type { UnusableInterpreter } from "../runners/python/index.js";
import type { EngineIdentity } from "../runners/types.js";
import type { PythonVersion } from "../versions/version.js";

/** One engine of the matrix: a real interpreter or a simulator profile. */
export interface DriftColumn {
  /** "3.8" (a real interpreter; its full version when two share a minor), "sim 3.8". */
  readonly label: string;
  readonly identity: EngineIdentity;
  readonly kind: "python" | "sim";
  /** The version it behaves as (the profile's, or the interpreter's full version). */
  readonly version: PythonVersion;
  /** "3.8": versions that share it are compared (simulator vs real). */
  readonly minor: string;
  /** How many times each lesson ran on it: real interpreters twice (to find flaky cells). */
  readonly runs: number;
}

/**
 * drift: the output is a function of the version (versions whose two runs agreed disagree among
 * themselves, even if others are unstable). flaky: it differs between two runs on one
 * interpreter, and the stable versions agree. broken: the cell fails on every engine. sim: real
 * interpreters agree, only a simulator profile differs from the real interpreter of its version
 * (a simulator bug).
 */
export type RowClass = "drift" | "flaky" | "broken" | "sim";

export const ROW_CLASSES: readonly RowClass[] = ["broken", "flaky", "drift", "sim"];

export interface DriftEntry {
  /** The verdict against the lesson's expectation, as `check` gives it on this engine. */
  readonly status: CellStatus;
  /** Index into the row's `outputs`: columns with the same index showed the same. */
  readonly output: number;
  /** The two runs on this interpreter differ in this cell. */
  readonly flaky: boolean;
}

export interface DriftOutput {
  /** What the first of these columns showed: output, then the exception's last line. */
  readonly text: string;
  readonly columns: readonly number[];
}

export interface DriftRow {
  readonly path: string;
  readonly index: number;
  /** 1-based line of the cell's code fence. */
  readonly line: number;
  readonly classification: RowClass;
  /** One per column; null where the lesson did not run (its `python:` range excludes it). */
  readonly entries: readonly (DriftEntry | null)[];
  readonly outputs: readonly DriftOutput[];
}

/** A cell where a simulator profile and the real interpreter of its version disagree. */
export interface SimRealDisagreement {
  readonly version: string;
  readonly path: string;
  readonly index: number;
  readonly line: number;
  readonly realColumn: number;
  readonly simColumn: number;
  readonly real: string;
  readonly sim: string;
}

/**
 * A cell the simulator refused (`unsupported`) where a real interpreter ran it: not a
 * disagreement, since the simulator gave no answer, but listed so the gap stays visible.
 */
export interface SimRefusal {
  readonly path: string;
  readonly index: number;
  readonly line: number;
  /** What the simulator does not support, as it named it. */
  readonly feature: string;
  /** The versions whose profile refused the cell while the interpreter ran it. */
  readonly versions: readonly string[];
}

export interface DriftLesson {
  readonly path: string;
  /** Cells that ran (not `skip`). */
  readonly cells: number;
  readonly messages: readonly LessonMessage[];
  /** Set when the file could not be read. */
  readonly unreadable?: string;
}

export interface DriftCounts {
  readonly lessons: number;
  readonly cells: number;
  readonly rows: number;
  readonly drift: number;
  readonly flaky: number;
  readonly broken: number;
  readonly sim: number;
  readonly simVsReal: number;
  readonly simRefused: number;
}

export interface DriftReport {
  readonly columns: readonly DriftColumn[];
  readonly unusable: readonly UnusableInterpreter[];
  /** Listed first: the simulator's own drift bugs. */
  readonly simVsReal: readonly SimRealDisagreement[];
  readonly simRefused: readonly SimRefusal[];
  readonly rows: readonly DriftRow[];
  readonly lessons: readonly DriftLesson[];
  readonly counts: DriftCounts;
  /** Wall time of the whole run and how many lesson runs the cache served. */
  readonly elapsedMs: number;
  readonly lessonRuns: { readonly executed: number; readonly served: number };
}
