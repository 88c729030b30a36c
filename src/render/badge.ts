// The status badge of a cell: what verified it ("✓ CPython 3.8–3.13"), or what went wrong where.
import { h } from "hastscript";
import type { Element } from "hast";
import type { CellStatus } from "../check/types.js";
import type { CodeCell } from "../lesson/types.js";
import { engineFullName } from "./engine-names.js";
import type { EngineVerdict } from "./site-model.js";
import { groupByStatus, worstStatus, type VerdictGroup } from "./verdicts.js";

/** Words, not only colours, say the status (colour-blind readers, printouts). */
const STATUS_WORDS = new Map<CellStatus, string>([
  ["pass", "✓"],
  ["skipped", "not compared:"],
  ["drift", "drift:"],
  ["unsupported", "unsupported:"],
  ["fail", "✗ fail:"],
  ["error", "error:"],
]);

function groupText(group: VerdictGroup): string {
  return `${STATUS_WORDS.get(group.status)!} ${group.engines}`;
}

export interface BadgeModel {
  /** The class: the worst status, or "skipped" for cells that were not run. */
  readonly status: CellStatus;
  readonly text: string;
  readonly title: string;
}

export function badgeModel(cell: CodeCell, verdicts: readonly EngineVerdict[]): BadgeModel {
  if (cell.options.skip) return { status: "skipped", text: "not run (skip)", title: "The lesson marks this cell skip: it is shown, never run." };
  if (verdicts.length === 0) return { status: "skipped", text: "not checked", title: "No engine gave a verdict on this cell." };
  const status = worstStatus(verdicts.map((verdict) => verdict.result.status))!;
  const text = groupByStatus(verdicts).map(groupText).join(" · ");
  const title = verdicts
    .map((verdict) => `${engineFullName(verdict.identity)}: ${verdict.result.status}${verdict.result.message ? ` (${verdict.result.message})` : ""}`)
    .join("\n");
  return { status, text, title };
}

export function badgeElement(model: BadgeModel): Element {
  return h(`span.badge.status-${model.status}`, { title: model.title }, model.text);
}
