// Counting verdicts: the summary line of every reporter and the CLI's exit code.
import { CELL_STATUSES, type CellResult, type CellStatus, type LessonResult, type Summary } from "./types.js";

export function emptySummary(): Summary {
  return { pass: 0, fail: 0, drift: 0, unsupported: 0, skipped: 0, error: 0 };
}

/** Counts every status over lessons (all their cells) or over cells directly. */
export function summarize(results: readonly (LessonResult | CellResult)[]): Summary {
  const summary = emptySummary();
  for (const result of results) {
    const cells = "cells" in result ? result.cells : [result];
    for (const cell of cells) summary[cell.status] += 1;
  }
  return summary;
}

/**
 * Statuses that make `check` fail (exit code 1): a wrong output, an output that only fits
 * another Python version, a feature the simulator refused (never a silent pass) and an engine
 * failure. pass and skipped do not.
 */
export const FAILING_STATUSES: ReadonlySet<CellStatus> = new Set<CellStatus>(["fail", "drift", "unsupported", "error"]);

export function summaryFails(summary: Summary): boolean {
  return CELL_STATUSES.some((status) => FAILING_STATUSES.has(status) && summary[status] > 0);
}

export function totalCells(summary: Summary): number {
  return CELL_STATUSES.reduce((total, status) => total + summary[status], 0);
}
