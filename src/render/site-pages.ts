// Renders the whole site in memory: file name → content, with no file written (build-site does that).
import type { EngineIdentity } from "../runners/types.js";
import type { Lesson } from "../lesson/types.js";
import { formatBuildDate } from "./build-date.js";
import type { CellView, DiagramRequest } from "./cell-view.js";
import { engineVersion, engineFullName, enginesLabel } from "./engine-names.js";
import { h } from "hastscript";
import type { Element } from "hast";
import type { PythonHighlighter } from "./highlight.js";
import { indexContent } from "./index-page.js";
import { lessonTotals, nonZero } from "./lesson-totals.js";
import { pageNames } from "./page-names.js";
import { renderLessonBody } from "./render-lesson.js";
import { cellVerdicts, type SiteLesson } from "./site-model.js";
import { escapeHtml, fill, type Templates } from "./templates.js";
import { compareVersions, type PythonVersion } from "../versions/version.js";
import path from "node:path";

export interface SiteOptions {
  readonly siteTitle: string;
  /** Every engine of the build, in command-line order. */
  readonly engines: readonly EngineIdentity[];
  readonly version: string;
  readonly builtAt: Date;
  readonly templates: Templates;
  readonly highlighter: PythonHighlighter;
}

export interface RenderedSite {
  /** File name inside dist/ → content. */
  readonly files: ReadonlyMap<string, string>;
  /** Lesson path → page file name, for readable lessons. */
  readonly pages: ReadonlyMap<string, string>;
}

function wantsDiagram(lesson: Lesson, cellIndex: number): boolean {
  return lesson.settings.diagram || lesson.cells[cellIndex]!.options.diagram;
}

/** Heap snapshots come from the simulator: the first simulator engine that ran the cell. */
function diagramFor(site: SiteLesson, cellIndex: number): DiagramRequest {
  const lesson = site.lesson!;
  const cell = lesson.cells[cellIndex]!;
  if (!wantsDiagram(lesson, cellIndex) || cell.options.hide) return { kind: "none" };
  if (cell.options.skip) return { kind: "unavailable", reason: "the cell is not run (skip)" };
  const simulators = site.checks.filter((check) => check.identity.kind === "sim");
  if (simulators.length === 0) return { kind: "unavailable", reason: "heap diagrams come from the simulator, and this build ran only real interpreters" };
  for (const check of simulators) {
    const heap = check.runs.get(cellIndex)?.heap;
    if (heap !== undefined) return { kind: "snapshot", snapshot: heap, engine: engineFullName(check.identity) };
  }
  const status = simulators[0]!.runs.get(cellIndex)?.status;
  return { kind: "unavailable", reason: `the simulator did not finish this cell${status !== undefined ? ` (${status})` : ""}` };
}

function newestVersion(engines: readonly EngineIdentity[]): PythonVersion | undefined {
  const versions = engines.map(engineVersion).filter((version): version is PythonVersion => version !== undefined);
  return versions.sort(compareVersions).at(-1);
}

function lessonSummary(site: SiteLesson): Element {
  const counts = nonZero(lessonTotals(site));
  const cells = counts.reduce((total, entry) => total + entry.count, 0);
  const parts = counts.flatMap(({ status, count }) => [" ", h(`span.count.status-${status}`, `${count} ${status}`)]);
  return h("p.lesson-summary", [`${cells} cell${cells === 1 ? "" : "s"}, checked with ${enginesLabel(site.checks.map((check) => check.identity))}:`, ...parts]);
}

function lessonMessages(lesson: Lesson): Element[] {
  if (lesson.messages.length === 0) return [];
  const items = lesson.messages.map((message) =>
    h("li", `${path.basename(message.file)}:${message.line}:${message.column} ${message.severity} ${message.ruleId}: ${message.reason}`),
  );
  return [h("div.lesson-messages", { role: "note" }, [h("p", "Problems in the lesson file:"), h("ul", items)])];
}

function pagerLinks(previous: { title: string; page: string } | undefined, next: { title: string; page: string } | undefined): string {
  return [
    previous ? `<a rel="prev" href="${escapeHtml(previous.page)}"><span aria-hidden="true">← </span>${escapeHtml(previous.title)}</a>` : "<span></span>",
    `<a href="index.html">All lessons</a>`,
    next ? `<a rel="next" href="${escapeHtml(next.page)}">${escapeHtml(next.title)}<span aria-hidden="true"> →</span></a>` : "<span></span>",
  ].join("\n");
}

export function renderSite(lessons: readonly SiteLesson[], options: SiteOptions): RenderedSite {
  const readable = lessons.filter((site) => site.lesson !== undefined);
  const pages = pageNames(readable.map((site) => site.path));
  // Prose links name lesson files; map each file name (as written next to the lesson) to its page.
  const linkTargets = new Map<string, string>();
  for (const site of readable) linkTargets.set(path.basename(site.path), pages.get(site.path)!);
  const footer = `Checked by lessonkit ${escapeHtml(options.version)} with ${escapeHtml(enginesLabel(options.engines))} on ${formatBuildDate(options.builtAt)}.`;
  const files = new Map<string, string>();
  readable.forEach((site, position) => {
    const lesson = site.lesson!;
    const shownVersion = newestVersion(site.checks.map((check) => check.identity));
    const views = new Map<number, CellView>();
    for (const cell of lesson.cells) {
      views.set(cell.index, { cell, verdicts: cellVerdicts(site, cell.index), diagram: diagramFor(site, cell.index), shownVersion });
    }
    const intro = [lessonSummary(site), ...lessonMessages(lesson)];
    const body = renderLessonBody({ lesson, views, highlighter: options.highlighter, pages: linkTargets, intro });
    const neighbour = (other: SiteLesson | undefined) => (other === undefined ? undefined : { title: other.lesson!.title, page: pages.get(other.path)! });
    const html = fill(
      options.templates.page,
      new Map([
        ["title", escapeHtml(lesson.title)],
        ["site", escapeHtml(options.siteTitle)],
        ["root", ""],
        ["content", body],
        ["pager", pagerLinks(neighbour(readable[position - 1]), neighbour(readable[position + 1]))],
        ["footer", footer],
      ]),
    );
    files.set(pages.get(site.path)!, html);
  });
  const index = fill(
    options.templates.index,
    new Map([
      ["site", escapeHtml(options.siteTitle)],
      ["content", indexContent({ lessons, pages, engines: options.engines, builtAt: options.builtAt, version: options.version })],
      ["footer", footer],
    ]),
  );
  files.set("index.html", index);
  files.set("style.css", options.templates.style);
  return { files, pages };
}
