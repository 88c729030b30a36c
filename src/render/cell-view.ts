// One code cell on a page: anchor, badge, highlighted source, the recorded output, problems
// found by each engine, drift notes and the heap diagram.
import { h } from "hastscript";
import type { Element, ElementContent } from "hast";
import type { CodeCell } from "../lesson/types.js";
import type { HeapSnapshot } from "../runners/types.js";
import { selectOutput } from "../check/index.js";
import type { PythonVersion } from "../versions/version.js";
import { badgeElement, badgeModel } from "./badge.js";
import { driftNote } from "./drift-note.js";
import { heapSvg } from "./heap/svg.js";
import { namesUsedBy } from "./heap/cell-names.js";
import type { PythonHighlighter } from "./highlight.js";
import type { EngineVerdict } from "./site-model.js";
import { cellProblems, type CellProblem } from "./verdicts.js";

/** The diagram asked for a cell: the snapshot and who took it, or why there is none. */
export type DiagramRequest =
  | { readonly kind: "none" }
  | { readonly kind: "snapshot"; readonly snapshot: HeapSnapshot; readonly engine: string }
  | { readonly kind: "unavailable"; readonly reason: string };

export interface CellView {
  readonly cell: CodeCell;
  readonly verdicts: readonly EngineVerdict[];
  readonly diagram: DiagramRequest;
  /** The newest version checked: its output is the one shown first. */
  readonly shownVersion: PythonVersion | undefined;
}

export function cellAnchor(cell: CodeCell): string {
  return `cell-${cell.index + 1}`;
}

function cellName(cell: CodeCell): string {
  return cell.executionCount !== undefined ? `In [${cell.executionCount}]` : `Cell ${cell.index + 1}`;
}

/** A diff without its "---"/"+++" header lines, which name files by the building machine's paths. */
function diffHunks(diff: string): string {
  const lines = diff.split("\n");
  while (lines.length > 0 && (lines[0]!.startsWith("--- ") || lines[0]!.startsWith("+++ "))) lines.shift();
  return lines.join("\n");
}

function problemElement(problem: CellProblem): Element {
  const details: ElementContent[] = [];
  if (problem.actual !== null) {
    details.push(h("details", [h("summary", `What ran on ${problem.engines}`), h("pre.output.actual", { tabIndex: 0 }, h("code", problem.actual))]));
  }
  if (problem.diff !== undefined && problem.diff !== "") {
    details.push(h("details", [h("summary", "Difference"), h("pre.diff", { tabIndex: 0 }, h("code", diffHunks(problem.diff)))]));
  }
  return h(`div.cell-problem.status-${problem.status}`, { role: "note" }, [
    h("p", [h("strong", `${problem.status} on ${problem.engines}:`), ` ${problem.message}`]),
    ...details,
  ]);
}

function diagramElement(view: CellView): ElementContent[] {
  const diagram = view.diagram;
  if (diagram.kind === "none") return [];
  if (diagram.kind === "unavailable") return [h("p.heap-missing", `No heap diagram: ${diagram.reason}.`)];
  const anchor = cellAnchor(view.cell);
  const svg = heapSvg(diagram.snapshot, { idPrefix: `${anchor}-heap`, cellLabel: cellName(view.cell), focus: namesUsedBy(view.cell.source) });
  return [
    h("figure.heap-figure", [
      h("div.heap-scroll", { tabIndex: 0, role: "group", ariaLabel: `Heap diagram after ${cellName(view.cell)}` }, svg),
      h("figcaption", `Names and objects after ${cellName(view.cell)}, as the ${diagram.engine} saw them: type, value, reference count and address (the simulator's own addresses, not the recorded ones); arrows are references.`),
    ]),
  ];
}

export function cellElement(view: CellView, highlighter: PythonHighlighter): Element {
  const { cell } = view;
  const anchor = cellAnchor(cell);
  const badge = badgeModel(cell, view.verdicts);
  const chosen = selectOutput(cell.outputs, view.shownVersion).output;
  const children: ElementContent[] = [
    h("div.cell-header", [h("a.cell-anchor", { href: `#${anchor}` }, cellName(cell)), badgeElement(badge)]),
    highlighter.pythonBlock(cell.source),
  ];
  if (chosen !== undefined) children.push(h("pre.output", { tabIndex: 0, ariaLabel: `Output of ${cellName(cell)}` }, h("code", chosen.text)));
  const drift = driftNote(cell);
  if (drift !== undefined) children.push(drift);
  children.push(...cellProblems(view.verdicts).map(problemElement));
  children.push(...diagramElement(view));
  return h(`section.cell.status-${badge.status}`, { id: anchor }, children);
}

/** A hidden (setup) cell is not shown, unless an engine found a problem in it. */
export function hiddenCellNotice(view: CellView): Element | undefined {
  const problems = cellProblems(view.verdicts);
  if (problems.length === 0) return undefined;
  const anchor = cellAnchor(view.cell);
  return h("section.cell.cell-hidden.status-fail", { id: anchor }, [
    h("div.cell-header", [h("a.cell-anchor", { href: `#${anchor}` }, `${cellName(view.cell)} (hidden setup cell)`), badgeElement(badgeModel(view.cell, view.verdicts))]),
    ...problems.map(problemElement),
  ]);
}
