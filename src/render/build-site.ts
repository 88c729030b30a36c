// Writes the site: one page per lesson plus an index, into a temporary folder swapped in whole.
import { mkdir, rename, rm, writeFile, mkdtemp } from "node:fs/promises";
import path from "node:path";
import type { CheckedLesson } from "../pipeline/check-lessons.js";
import type { EngineIdentity } from "../runners/types.js";
import { engineLabel, summarize } from "../check/index.js";
import { renderLessonBody } from "./render-lesson.js";
import { escapeHtml, fill, loadTemplates } from "./templates.js";

export interface BuildSiteOptions {
  readonly outDir: string;
  readonly siteTitle: string;
  readonly identity: EngineIdentity;
  readonly version: string;
  readonly templatesFolder?: string;
  readonly now?: Date;
}

/** lessons/01-x.md → 01-x.html */
export function pageName(lessonPath: string): string {
  return path.basename(lessonPath).replace(/\.(md|ipynb|txt)$/i, "") + ".html";
}

export async function buildSite(lessons: readonly CheckedLesson[], options: BuildSiteOptions): Promise<string[]> {
  const templates = await loadTemplates(options.templatesFolder);
  const label = engineLabel(options.identity);
  const built = (options.now ?? new Date()).toISOString().slice(0, 10);
  const footer = `Checked by lessonkit ${escapeHtml(options.version)} with ${escapeHtml(label)} on ${built}.`;
  const readable = lessons.filter((entry) => entry.lesson !== undefined);
  const parent = path.dirname(path.resolve(options.outDir));
  await mkdir(parent, { recursive: true });
  const staging = await mkdtemp(path.join(parent, `.${path.basename(options.outDir)}-building-`));
  try {
    const written: string[] = [];
    for (const [position, entry] of readable.entries()) {
      const lesson = entry.lesson!;
      const cells = lesson.cells.map((cell) => ({ cell, result: entry.result.cells.find((result) => result.index === cell.index), engineLabel: label }));
      const previous = readable[position - 1];
      const next = readable[position + 1];
      const pager = [
        previous ? `<a rel="prev" href="${pageName(previous.path)}">← ${escapeHtml(previous.lesson!.title)}</a>` : "<span></span>",
        next ? `<a rel="next" href="${pageName(next.path)}">${escapeHtml(next.lesson!.title)} →</a>` : "<span></span>",
      ].join("");
      const html = fill(templates.page, {
        title: escapeHtml(lesson.title),
        site: escapeHtml(options.siteTitle),
        root: "",
        content: `<h1>${escapeHtml(lesson.title)}</h1>\n${renderLessonBody(lesson, cells)}`,
        pager,
        footer,
      });
      const name = pageName(entry.path);
      await writeFile(path.join(staging, name), html, "utf8");
      written.push(name);
    }
    const rows = readable.map((entry) => {
      const summary = summarize([entry.result]);
      const totals = Object.entries(summary)
        .filter(([, count]) => count > 0)
        .map(([status, count]) => `${count} ${status}`)
        .join(", ");
      return `<li><a href="${pageName(entry.path)}">${escapeHtml(entry.lesson!.title)}</a> <small>${escapeHtml(totals || "no cells")}</small></li>`;
    });
    const index = fill(templates.index, { site: escapeHtml(options.siteTitle), content: `<ol class="lessons">\n${rows.join("\n")}\n</ol>`, footer });
    await writeFile(path.join(staging, "index.html"), index, "utf8");
    await writeFile(path.join(staging, "style.css"), templates.style, "utf8");
    // Swap the finished site in: a failed build never leaves a half-written dist/.
    const old = `${path.resolve(options.outDir)}.old-${process.pid}`;
    await rm(old, { recursive: true, force: true });
    try {
      await rename(options.outDir, old);
    } catch {
      // no previous site
    }
    await rename(staging, options.outDir);
    await rm(old, { recursive: true, force: true });
    return written;
  } catch (error) {
    await rm(staging, { recursive: true, force: true });
    throw error;
  }
}
