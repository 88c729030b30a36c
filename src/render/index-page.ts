// The index page's content: lessons in order with their status totals, the engines and
// versions used, the build date and the lessonkit version.
import { h } from "hastscript";
import type { Element, ElementContent } from "hast";
import { toHtmlText } from "./html.js";
import { emptySummary } from "../check/index.js";
import type { Summary } from "../check/types.js";
import type { EngineIdentity } from "../runners/types.js";
import { engineFullName, enginesLabel } from "./engine-names.js";
import { formatBuildDate } from "./build-date.js";
import { addTotals, lessonTotals, nonZero } from "./lesson-totals.js";
import type { SiteLesson } from "./site-model.js";

export interface IndexInput {
  readonly lessons: readonly SiteLesson[];
  /** Lesson path → page file name (readable lessons only). */
  readonly pages: ReadonlyMap<string, string>;
  readonly engines: readonly EngineIdentity[];
  readonly builtAt: Date;
  readonly version: string;
}

function totalsElement(summary: Summary): ElementContent[] {
  const counts = nonZero(summary);
  if (counts.length === 0) return [h("span.count", "no cells")];
  return counts.flatMap(({ status, count }, position) => [
    ...(position > 0 ? [{ type: "text" as const, value: " " }] : []),
    h(`span.count.status-${status}`, `${count} ${status}`),
  ]);
}

function cellCount(summary: Summary): number {
  return Object.values(summary).reduce((total, count) => total + count, 0);
}

export function indexContent(input: IndexInput): string {
  const overall = emptySummary();
  const rows: Element[] = input.lessons.map((site, position) => {
    const page = input.pages.get(site.path);
    if (site.lesson === undefined || page === undefined) {
      return h("tr.unreadable", [
        h("td", String(position + 1)),
        h("td", site.path),
        h("td", "–"),
        h("td", h("span.count.status-error", `could not be read: ${site.problem ?? "unknown problem"}`)),
      ]);
    }
    const totals = lessonTotals(site);
    addTotals(overall, totals);
    return h("tr", [h("td", String(position + 1)), h("td", h("a", { href: page }, site.lesson.title)), h("td", String(cellCount(totals))), h("td", totalsElement(totals))]);
  });
  const table = h("table.lessons", [
    h("caption", "Lessons, with each cell counted once by its worst verdict"),
    h("thead", h("tr", [h("th", { scope: "col" }, "#"), h("th", { scope: "col" }, "Lesson"), h("th", { scope: "col" }, "Cells"), h("th", { scope: "col" }, "Status")])),
    h("tbody", rows),
    h("tfoot", h("tr", [h("td"), h("th", { scope: "row" }, "All lessons"), h("td", String(cellCount(overall))), h("td", totalsElement(overall))])),
  ]);
  const about = h("dl.build-info", [
    h("dt", "Checked with"),
    h("dd", [enginesLabel(input.engines), h("ul", input.engines.map((identity) => h("li", engineFullName(identity))))]),
    h("dt", "Built on"),
    h("dd", h("time", { dateTime: input.builtAt.toISOString() }, formatBuildDate(input.builtAt))),
    h("dt", "lessonkit"),
    h("dd", input.version),
  ]);
  return toHtmlText([table, { type: "text", value: "\n" }, about]);
}
