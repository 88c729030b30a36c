// `drift --reporter json`: the matrix as data (shape documented in README, "drift JSON").
import { runnerJson, type JsonRunner } from "../report/json-report.js";
import type { CellStatus } from "../check/types.js";
import type { DriftReport, RowClass } from "./types.js";

export interface JsonDriftReport {
  readonly columns: readonly { readonly label: string; readonly runner: JsonRunner; readonly kernel: string | null; readonly runs: number }[];
  readonly unusable: readonly { readonly path: string; readonly reason: string }[];
  readonly simVsReal: readonly {
    readonly version: string;
    readonly path: string;
    readonly index: number;
    readonly line: number;
    readonly real: string;
    readonly sim: string;
    readonly realOutput: string;
    readonly simOutput: string;
  }[];
  readonly simRefused: readonly { readonly path: string; readonly index: number; readonly line: number; readonly feature: string; readonly versions: readonly string[] }[];
  readonly rows: readonly {
    readonly path: string;
    readonly index: number;
    readonly line: number;
    readonly class: RowClass;
    /** Column label → the verdict against the lesson; null where the lesson did not run. */
    readonly statuses: Readonly<Record<string, CellStatus | null>>;
    /** Columns whose two runs differed in this cell. */
    readonly flaky: readonly string[];
    readonly outputs: readonly { readonly text: string; readonly columns: readonly string[] }[];
  }[];
  readonly lessons: readonly { readonly path: string; readonly cells: number; readonly unreadable: string | null; readonly messages: readonly unknown[] }[];
  readonly summary: DriftReport["counts"];
  readonly runs: { readonly executed: number; readonly served: number; readonly elapsedMs: number };
}

export function toJsonDriftReport(report: DriftReport): JsonDriftReport {
  const label = (index: number): string => report.columns[index]!.label;
  return {
    columns: report.columns.map((column) => ({
      label: column.label,
      runner: runnerJson(column.identity),
      kernel: column.identity.kind === "python" ? column.identity.kernel : null,
      runs: column.runs,
    })),
    unusable: report.unusable.map((entry) => ({ path: entry.path, reason: entry.reason })),
    simVsReal: report.simVsReal.map((item) => ({
      version: item.version,
      path: item.path,
      index: item.index,
      line: item.line,
      real: label(item.realColumn),
      sim: label(item.simColumn),
      realOutput: item.real,
      simOutput: item.sim,
    })),
    simRefused: report.simRefused.map((item) => ({ path: item.path, index: item.index, line: item.line, feature: item.feature, versions: item.versions })),
    rows: report.rows.map((row) => {
      const statuses: Record<string, CellStatus | null> = {};
      row.entries.forEach((entry, index) => (statuses[label(index)] = entry?.status ?? null));
      return {
        path: row.path,
        index: row.index,
        line: row.line,
        class: row.classification,
        statuses,
        flaky: row.entries.flatMap((entry, index) => (entry?.flaky ? [label(index)] : [])),
        outputs: row.outputs.map((output) => ({ text: output.text, columns: output.columns.map(label) })),
      };
    }),
    lessons: report.lessons.map((lesson) => ({
      path: lesson.path,
      cells: lesson.cells,
      unreadable: lesson.unreadable ?? null,
      messages: lesson.messages,
    })),
    summary: report.counts,
    runs: { executed: report.lessonRuns.executed, served: report.lessonRuns.served, elapsedMs: Math.round(report.elapsedMs) },
  };
}
