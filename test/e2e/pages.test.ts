// The built site in a real headless Chromium (playwright-core driving Debian's chromium): every
// page of lessons/, the render fixtures and the imported corpus loads from file:// without console
// errors, badges and heap diagrams sit on the right cells, internal links resolve, axe-core finds
// no serious or critical violation (light and dark), and phones need no sideways scrolling.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { existsSync } from "node:fs";
import { mkdir, mkdtemp, readFile, readdir } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { pathToFileURL, fileURLToPath } from "node:url";
import { chromium, type Browser, type Page } from "playwright-core";
import { createRequire } from "node:module";
import { main } from "../../src/cli/main.js";
import type { CommandIo } from "../../src/cli/io.js";
import { loadLesson } from "../../src/lesson/load.js";
import { selectLessonFiles } from "../../src/pipeline/select-lessons.js";
import { pageNames } from "../../src/render/page-names.js";
import { startSiteServer } from "../../src/render/serve/site-server.js";

function findChromium(): string | undefined {
  const candidates = [process.env.CHROMIUM_PATH, "/usr/bin/chromium", "/usr/bin/chromium-browser"];
  return candidates.find((candidate): candidate is string => candidate !== undefined && candidate !== "" && existsSync(candidate));
}

const CHROMIUM = findChromium();
const CORPUS = path.resolve("../shared/corpus/deepdive-part1-s03");
const HAS_CORPUS = existsSync(CORPUS);
const SEED_LESSON = path.resolve("lessons/00-variables-are-memory-references.md");
const ARTIFACTS = path.resolve("test-artifacts");
/** The corpus has timing loops that take the simulator tens of seconds: they end as timeouts here. */
const CELL_TIMEOUT_SECONDS = "2";

/** The minified build parses in half the time of axe.source, once per page. */
const AXE_SOURCE = await readFile(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");

const quietIo: CommandIo = { stdout: { write: () => true, isTTY: false }, stderr: { write: () => true }, cwd: process.cwd() };

interface PageFindings {
  readonly file: string;
  readonly errors: string[];
  readonly title: string;
  readonly headings: number;
  /** Anchor of each cell section → the classes of its badge, and whether it has a diagram. */
  readonly cells: Map<string, { badge: string; badges: number; diagram: boolean; missingDiagramNote: boolean }>;
  readonly links: string[];
  readonly seriousViolations: string[];
  readonly phoneOverflow: number;
}

async function seriousViolations(page: Page, rules?: readonly string[]): Promise<string[]> {
  const results = (await page.evaluate(async (only) => {
    const run = (window as unknown as { axe: { run: (context: Document, options: object) => Promise<unknown> } }).axe.run;
    // No preload: axe would fetch the stylesheets again by XHR, which file:// pages refuse.
    return run(document, { resultTypes: ["violations"], preload: false, ...(only ? { runOnly: { type: "rule", values: only } } : {}) });
  }, rules)) as { violations: { id: string; impact: string | null; help: string; nodes: { target: string[] }[] }[] };
  return results.violations
    .filter((violation) => violation.impact === "serious" || violation.impact === "critical")
    .map((violation) => `${violation.id} (${violation.impact}): ${violation.help} at ${violation.nodes.map((node) => node.target.join(" ")).slice(0, 3).join(", ")}`);
}

async function inspect(page: Page, file: string): Promise<PageFindings> {
  const errors: string[] = [];
  const onConsole = (message: { type(): string; text(): string }): void => {
    if (message.type() === "error") errors.push(`console: ${message.text()}`);
  };
  const onPageError = (error: Error): void => {
    errors.push(`page error: ${error.message}`);
  };
  const onRequestFailed = (request: { url(): string }): void => {
    errors.push(`failed to load ${request.url()}`);
  };
  page.on("console", onConsole);
  page.on("pageerror", onPageError);
  page.on("requestfailed", onRequestFailed);
  await page.emulateMedia({ colorScheme: "light" });
  await page.setViewportSize({ width: 1100, height: 900 });
  await page.goto(pathToFileURL(file).href);
  const facts = await page.evaluate(() => {
    const cells: [string, { badge: string; badges: number; diagram: boolean; missingDiagramNote: boolean }][] = [];
    for (const section of document.querySelectorAll("section.cell")) {
      const badges = section.querySelectorAll(".badge");
      cells.push([
        section.id,
        {
          badge: badges[0]?.className ?? "",
          badges: badges.length,
          diagram: section.querySelector("svg.heap[role=img] title") !== null,
          missingDiagramNote: section.querySelector(".heap-missing") !== null,
        },
      ]);
    }
    return {
      title: document.title,
      headings: document.querySelectorAll("h1").length,
      cells,
      links: [...document.querySelectorAll("a[href], link[href]")].map((element) => element.getAttribute("href")!),
    };
  });
  await page.addScriptTag({ content: AXE_SOURCE });
  const violations = (await seriousViolations(page)).map((violation) => `light: ${violation}`);
  // Only colours change in dark mode: contrast is the rule to run again.
  await page.emulateMedia({ colorScheme: "dark" });
  violations.push(...(await seriousViolations(page, ["color-contrast"])).map((violation) => `dark: ${violation}`));
  await page.setViewportSize({ width: 375, height: 800 });
  const phoneOverflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  page.off("console", onConsole);
  page.off("pageerror", onPageError);
  page.off("requestfailed", onRequestFailed);
  return { file, errors, title: facts.title, headings: facts.headings, cells: new Map(facts.cells), links: facts.links, seriousViolations: violations, phoneOverflow };
}

const SKIP_MESSAGE = "skipped: no Chromium at $CHROMIUM_PATH or /usr/bin/chromium; install it with apt-get install -y --no-install-recommends chromium";
// A skipped suite's name is not printed by the default reporter: say it where it is seen.
if (CHROMIUM === undefined) process.stderr.write(`test/e2e/pages.test.ts: ${SKIP_MESSAGE}\n`);

describe.skipIf(CHROMIUM === undefined)(
  `pages in headless Chromium (${CHROMIUM ?? SKIP_MESSAGE})`,
  () => {
    let browser: Browser;
    let dist: string;
    let lessonFiles: string[];
    let pages: Map<string, string>;
    const findings = new Map<string, PageFindings>();
    let corpusLessons: string[] = [];
    let startedAt = 0;
    let timings = "";

    beforeAll(async () => {
      startedAt = performance.now();
      const work = await mkdtemp(path.join(tmpdir(), "lk-e2e-"));
      const sources = [path.resolve("lessons"), path.resolve("test/fixtures/render")];
      if (HAS_CORPUS) {
        const corpusFolder = path.join(work, "corpus");
        const notebooks = (await readdir(CORPUS)).filter((name) => name.endsWith(".ipynb")).map((name) => path.join(CORPUS, name));
        expect(await main(["import", ...notebooks, "--out", corpusFolder], quietIo)).toBe(0);
        corpusLessons = (await readdir(corpusFolder)).map((name) => path.join(corpusFolder, name));
        sources.push(corpusFolder);
      }
      dist = path.join(work, "dist");
      // The exact files, chosen once: lessons/ may grow while the test runs.
      lessonFiles = await selectLessonFiles(sources);
      const code = await main(["build", ...lessonFiles, "--out", dist, "--timeout", CELL_TIMEOUT_SECONDS, "--jobs", "2"], quietIo);
      expect(code).toBe(0);
      const builtAt = performance.now();
      pages = pageNames(lessonFiles);
      browser = await chromium.launch({ executablePath: CHROMIUM!, args: ["--no-sandbox"] });
      const page = await browser.newPage();
      const files = (await readdir(dist)).filter((name) => name.endsWith(".html")).sort();
      for (const name of files) findings.set(name, await inspect(page, path.join(dist, name)));
      timings = `build ${Math.round(builtAt - startedAt)} ms, browser ${Math.round(performance.now() - builtAt)} ms`;
    }, 600_000);

    afterAll(async () => {
      await browser?.close();
      process.stdout.write(`e2e: built and checked ${findings.size} pages in Chromium (${timings})\n`);
    });

    it("builds a page for every lesson, and each loads from file:// without console errors or failed requests", () => {
      expect(findings.size).toBe(lessonFiles.length + 1);
      for (const lesson of lessonFiles) expect(findings.has(pages.get(lesson)!), lesson).toBe(true);
      for (const [name, found] of findings) {
        expect(found.errors, name).toEqual([]);
        expect(found.title, name).not.toBe("");
        expect(found.headings, name).toBe(1);
      }
    });

    it("gives every shown cell one badge, and the fixture cells the verdicts they earn", () => {
      for (const [name, found] of findings) for (const [anchor, cell] of found.cells) expect(cell.badges, `${name}#${anchor}`).toBe(1);
      const statuses = findings.get("statuses.html")!.cells;
      const expected = new Map([
        ["cell-1", "pass"],
        ["cell-2", "fail"],
        ["cell-3", "unsupported"],
        ["cell-4", "drift"],
        ["cell-5", "error"],
        ["cell-6", "skipped"],
        ["cell-7", "skipped"],
        ["cell-9", "pass"],
      ]);
      expect([...statuses.keys()]).toEqual([...expected.keys()]);
      for (const [anchor, status] of expected) expect(statuses.get(anchor)!.badge, anchor).toBe(`badge status-${status}`);
    });

    it("draws heap diagrams exactly on the cells that ask for one", async () => {
      let diagrams = 0;
      for (const lessonFile of lessonFiles) {
        const lesson = await loadLesson(lessonFile);
        const cells = findings.get(pages.get(lessonFile)!)!.cells;
        for (const cell of lesson.cells) {
          const shown = cells.get(`cell-${cell.index + 1}`);
          if (shown === undefined) continue;
          const wanted = (lesson.settings.diagram || cell.options.diagram) && !cell.options.hide;
          expect(shown.diagram || shown.missingDiagramNote, `${lessonFile} cell ${cell.index + 1}`).toBe(wanted);
          if (shown.diagram) diagrams += 1;
        }
      }
      expect(diagrams).toBeGreaterThanOrEqual(5);
    });

    it("resolves every internal link, to a page and to its anchor", async () => {
      const texts = new Map<string, string>();
      const text = async (file: string): Promise<string> => {
        if (!texts.has(file)) texts.set(file, await readFile(file, "utf8"));
        return texts.get(file)!;
      };
      let checked = 0;
      for (const [name, found] of findings) {
        for (const href of found.links) {
          if (/^(https?|mailto|data):/.test(href)) continue;
          expect(href, `${name}: ${href}`).not.toMatch(/^(\/|[a-z]+:)/);
          const target = new URL(href, pathToFileURL(path.join(dist, name)));
          const file = fileURLToPath(target);
          expect(existsSync(file), `${name}: ${href}`).toBe(true);
          const anchor = decodeURIComponent(target.hash.slice(1));
          if (anchor !== "") expect(await text(file), `${name}: ${href}`).toContain(`id="${anchor}"`);
          checked += 1;
        }
      }
      expect(checked).toBeGreaterThan(findings.size * 3);
    });

    it("has no serious or critical accessibility violation (axe-core), in light and dark mode", () => {
      const all = [...findings].flatMap(([name, found]) => found.seriousViolations.map((violation) => `${name}: ${violation}`));
      expect(all).toEqual([]);
    });

    it("needs no sideways scrolling of the page on a 375 px wide phone", () => {
      for (const [name, found] of findings) expect(found.phoneOverflow, name).toBeLessThanOrEqual(0);
    });

    it("shows the seed lesson's A/B reference cycle in the diagram of cell n=21, saved as a screenshot in test-artifacts/", async () => {
      const name = pages.get(lessonFiles.find((file) => path.resolve(file) === SEED_LESSON)!)!;
      const seed = await loadLesson(SEED_LESSON);
      // The lesson asks for the diagram on In [21] (`a_id = id(my_var)`), after the cycle is made.
      const cycleCell = seed.cells.find((cell) => cell.executionCount === 21)!;
      expect(cycleCell.options.diagram, "the seed lesson's cell n=21 asks for a diagram").toBe(true);
      const page = await browser.newPage({ viewport: { width: 1000, height: 900 }, colorScheme: "light" });
      try {
        await page.goto(pathToFileURL(path.join(dist, name)).href);
        const cell = page.locator(`section#cell-${cycleCell.index + 1}`);
        await expect(cell.locator("svg.heap").count()).resolves.toBe(1);
        const objects = await cell.locator("g.heap-object").evaluateAll((groups) => groups.map((group) => group.getAttribute("data-object-type")));
        expect(objects).toEqual(expect.arrayContaining(["A", "B"]));
        const description = await cell.locator("svg.heap desc").textContent();
        expect(description).toMatch(/my_var refers to A at 0x[0-9a-f]+\./);
        expect(description).toMatch(/A at (0x[0-9a-f]+) has refcount 2, refers \.b to B at (0x[0-9a-f]+)\./);
        expect(description).toMatch(/B at 0x[0-9a-f]+ has refcount 1, refers \.a to A at 0x[0-9a-f]+\./);
        expect(await cell.locator("path.heap-edge-back").count()).toBeGreaterThanOrEqual(1);
        // The names the cell uses come first, so the cycle is at the top of the drawing.
        const names = await cell.locator("g.heap-name").evaluateAll((groups) => groups.map((group) => group.getAttribute("data-name")));
        expect(names.slice(0, 3)).toEqual(["a_id", "my_var", "b_id"]);
        await mkdir(ARTIFACTS, { recursive: true });
        const screenshot = path.join(ARTIFACTS, "seed-cycle-heap-diagram.png");
        await cell.screenshot({ path: screenshot });
        expect((await readFile(screenshot)).subarray(1, 4).toString()).toBe("PNG");
      } finally {
        await page.close();
      }
    });

    it("reads the same with JavaScript turned off: code, outputs, badges, drift notes and diagrams are all there", async () => {
      const context = await browser.newContext({ javaScriptEnabled: false });
      const page = await context.newPage();
      try {
        await page.goto(pathToFileURL(path.join(dist, pages.get(SEED_LESSON)!)).href);
        await expect(page.locator("svg.heap").first().isVisible()).resolves.toBe(true);
        await expect(page.locator("pre.shiki").first().isVisible()).resolves.toBe(true);
        await page.goto(pathToFileURL(path.join(dist, "drift-notes.html")).href);
        await expect(page.locator("details.drift-note table").first().isVisible()).resolves.toBe(true);
        await expect(page.locator(".badge").first().isVisible()).resolves.toBe(true);
        expect(await page.locator("script").count()).toBe(0);
      } finally {
        await context.close();
      }
    });

    it("works from a web server sub-path: pages load over http without console errors, links resolve, a rebuild reloads the page", async () => {
      // The folder holding dist/ is served, so the site lives under /dist/, not at the root.
      const server = await startSiteServer({ root: path.dirname(dist), port: 0 });
      const base = new URL(`${path.basename(dist)}/`, server.url);
      const page = await browser.newPage();
      const errors: string[] = [];
      page.on("console", (message) => {
        if (message.type() === "error") errors.push(`${page.url()}: ${message.text()}`);
      });
      try {
        let checked = 0;
        for (const [name, found] of findings) {
          const pageUrl = new URL(name, base);
          for (const href of found.links) {
            if (/^(https?|mailto|data):/.test(href)) continue;
            const target = new URL(href, pageUrl);
            expect(target.pathname.startsWith(base.pathname), `${name}: ${href} leaves the sub-path`).toBe(true);
            const response = await fetch(target, { method: "HEAD" });
            expect(response.status, `${name}: ${href}`).toBe(200);
            checked += 1;
          }
        }
        expect(checked).toBeGreaterThan(findings.size * 3);
        const some = ["index.html", pages.get(SEED_LESSON) ?? [...findings.keys()][0]!, "statuses.html"];
        for (const name of some) await page.goto(new URL(name, base).href);
        // The last page opened listens for rebuilds; a reload event must reload it.
        await expect.poll(() => server.reloads.size, { timeout: 10_000 }).toBeGreaterThan(0);
        const reloaded = page.waitForEvent("load", { timeout: 10_000 });
        server.reloads.reload();
        await reloaded;
        expect(errors).toEqual([]);
      } finally {
        await page.close();
        await server.close();
      }
    });

    it.skipIf(!HAS_CORPUS)("builds every imported corpus notebook into a page listed on the index (skipped when ../shared/corpus is absent)", async () => {
      expect(corpusLessons).toHaveLength((await readdir(CORPUS)).filter((name) => name.endsWith(".ipynb")).length);
      const index = await readFile(path.join(dist, "index.html"), "utf8");
      for (const lesson of corpusLessons) expect(index, lesson).toContain(`href="${pages.get(lesson)}"`);
    });
  },
);
