// Status totals of a lesson for the index: each cell counts once, with its worst verdict.
import { emptySummary } from "../check/index.js";
import { CELL_STATUSES, type CellStatus, type Summary } from "../check/types.js";
import type { SiteLesson } from "./site-model.js";
import { worstStatus } from "./verdicts.js";

export function lessonTotals(site: SiteLesson): Summary {
  const worst = new Map<number, CellStatus[]>();
  for (const check of site.checks) {
    for (const cell of check.result.cells) {
      const statuses = worst.get(cell.index) ?? [];
      statuses.push(cell.status);
      worst.set(cell.index, statuses);
    }
  }
  const summary = emptySummary();
  for (const statuses of worst.values()) summary[worstStatus(statuses)!] += 1;
  return summary;
}

export function addTotals(into: Summary, more: Summary): void {
  for (const status of CELL_STATUSES) into[status] += more[status];
}

/** The statuses with a count, in the checker's order: "20 pass, 1 fail". */
export function nonZero(summary: Summary): { status: CellStatus; count: number }[] {
  return CELL_STATUSES.filter((status) => summary[status] > 0).map((status) => ({ status, count: summary[status] }));
}
