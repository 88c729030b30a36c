// The JSON report object (contract in DESIGN.md): field names and order are relied on by CI.
import { CELL_STATUSES, type CellStatus, type CheckReport } from "../check/types.js";
import type { EngineIdentity } from "../runners/types.js";
import type { ReportMode } from "./reporter.js";

export type JsonRunner =
  | { readonly kind: "sim"; readonly profile: string }
  | { readonly kind: "python"; readonly executable: string; readonly version: string };

export interface JsonCheckCell {
  readonly index: number;
  readonly line: number;
  readonly status: CellStatus;
  readonly expected: string | null;
  readonly actual: string | null;
  readonly message: string | null;
}

/** `run --reporter json`: the same shape with what ran and no verdict. */
export interface JsonRunCell {
  readonly index: number;
  readonly line: number;
  readonly actual: string | null;
  /** Why there is no output (skipped, unsupported, engine failure); null when it ran. */
  readonly message: string | null;
}

export interface JsonCheckReport {
  readonly runner: JsonRunner;
  readonly lessons: readonly { readonly path: string; readonly cells: readonly JsonCheckCell[] }[];
  readonly summary: Readonly<Record<CellStatus, number>>;
}

export interface JsonRunReport {
  readonly runner: JsonRunner;
  readonly lessons: readonly { readonly path: string; readonly cells: readonly JsonRunCell[] }[];
}

/** Only the contract's fields: the python kernel kind is left to the pretty reporter. */
export function runnerJson(identity: EngineIdentity): JsonRunner {
  return identity.kind === "sim"
    ? { kind: "sim", profile: identity.profile }
    : { kind: "python", executable: identity.executable, version: identity.version };
}

export function toJsonCheckReport(report: CheckReport): JsonCheckReport {
  const summary = {} as Record<CellStatus, number>;
  for (const status of CELL_STATUSES) summary[status] = report.summary[status] ?? 0;
  return {
    runner: runnerJson(report.runner),
    lessons: report.lessons.map((lesson) => ({
      path: lesson.path,
      cells: lesson.cells.map((cell) => ({
        index: cell.index,
        line: cell.line,
        status: cell.status,
        expected: cell.expected,
        actual: cell.actual,
        message: cell.message,
      })),
    })),
    summary,
  };
}

export function toJsonRunReport(report: CheckReport): JsonRunReport {
  return {
    runner: runnerJson(report.runner),
    lessons: report.lessons.map((lesson) => ({
      path: lesson.path,
      cells: lesson.cells.map((cell) => ({
        index: cell.index,
        line: cell.line,
        actual: cell.actual,
        message: cell.status === "pass" ? null : cell.message,
      })),
    })),
  };
}

export function toJsonReport(report: CheckReport, mode: ReportMode): JsonCheckReport | JsonRunReport {
  return mode === "run" ? toJsonRunReport(report) : toJsonCheckReport(report);
}
