// Drift notes: a cell recorded with per-version outputs shows every version's output, readable
// without script (an open <details> holding a table).
import { h } from "hastscript";
import type { Element } from "hast";
import type { CodeCell } from "../lesson/types.js";
import { describeRange } from "./version-list.js";

/** Undefined when the cell has one output for every version. */
export function driftNote(cell: CodeCell): Element | undefined {
  if (!cell.outputs.some((output) => output.range !== undefined) || cell.outputs.length < 2) return undefined;
  const rows = cell.outputs.map((output) =>
    h("tr", [
      h("th", { scope: "row" }, output.range ? `Python ${describeRange(output.range)}` : "Other versions"),
      h("td", h("pre.output", { tabIndex: 0 }, h("code", output.text))),
    ]),
  );
  const versions = cell.outputs.map((output) => (output.range ? describeRange(output.range) : "others")).join(" · ");
  return h("details.drift-note", { open: true }, [
    h("summary", `Output differs by Python version (${versions})`),
    h("table", [h("thead", h("tr", [h("th", { scope: "col" }, "Versions"), h("th", { scope: "col" }, "Output")])), h("tbody", rows)]),
  ]);
}
