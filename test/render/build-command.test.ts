// `lessonkit build` end to end with the simulator: pages, badges, drift notes, diagrams, escaping,
// relative links, reproducible bytes, and --strict leaving the previous site untouched.
import { describe, expect, it, beforeAll, afterEach } from "vitest";
import { mkdtemp, readFile, readdir, writeFile, mkdir } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { main } from "../../src/cli/main.js";
import type { CommandIo } from "../../src/cli/io.js";
import { resolveInterpreter } from "../../src/runners/python/index.js";

const FIXTURES = path.resolve("test/fixtures/render");
const EPOCH = "1700000000"; // 2023-11-14
const found = (version: string): Promise<boolean> =>
  resolveInterpreter(version).then(
    () => true,
    () => false,
  );
const HAS_311_AND_312 = (await found("3.11")) && (await found("3.12"));

function capture(): CommandIo & { out: () => string; err: () => string } {
  let out = "";
  let err = "";
  return {
    stdout: { write: (chunk: string) => (out += chunk), isTTY: false },
    stderr: { write: (chunk: string) => (err += chunk) },
    cwd: process.cwd(),
    out: () => out,
    err: () => err,
  };
}

async function build(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  const io = capture();
  const code = await main(["build", ...argv], io);
  return { code, out: io.out(), err: io.err() };
}

async function readSite(folder: string): Promise<Map<string, string>> {
  const files = new Map<string, string>();
  for (const name of (await readdir(folder)).sort()) files.set(name, await readFile(path.join(folder, name), "utf8"));
  return files;
}

/** The <section> of one cell, by its anchor. */
function cellHtml(page: string, anchor: string): string {
  const start = page.indexOf(`<section class="cell`, page.indexOf(`id="${anchor}"`) - 80);
  return page.slice(start, page.indexOf("</section>", start));
}

const savedEpoch = process.env.SOURCE_DATE_EPOCH;
afterEach(() => {
  if (savedEpoch === undefined) delete process.env.SOURCE_DATE_EPOCH;
  else process.env.SOURCE_DATE_EPOCH = savedEpoch;
});

describe("lessonkit build on the render fixtures", () => {
  let site: Map<string, string>;
  let result: { code: number; out: string; err: string };

  beforeAll(async () => {
    process.env.SOURCE_DATE_EPOCH = EPOCH;
    const out = path.join(await mkdtemp(path.join(tmpdir(), "lk-build-")), "dist");
    result = await build(FIXTURES, "--out", out);
    site = await readSite(out);
  });

  it("writes a page per lesson, the index and the stylesheet, and still exits 0 with failing cells", () => {
    expect(result.code).toBe(0);
    expect([...site.keys()]).toEqual(["drift-notes.html", "hostile.html", "index.html", "statuses.html", "style.css"]);
  });

  it("gives every cell a badge naming its verdict and engine", () => {
    const page = site.get("statuses.html")!;
    expect(cellHtml(page, "cell-1")).toContain('<span class="badge status-pass" title="simulator 3.13: pass">✓ simulator 3.13</span>');
    expect(cellHtml(page, "cell-2")).toMatch(/class="badge status-fail" title="[^"]*">✗ fail: simulator 3.13</);
    expect(cellHtml(page, "cell-3")).toMatch(/class="badge status-unsupported" title="[^"]*">unsupported: simulator 3.13</);
    expect(cellHtml(page, "cell-4")).toMatch(/class="badge status-drift" title="[^"]*">drift: simulator 3.13</);
    expect(cellHtml(page, "cell-5")).toMatch(/class="badge status-error" title="[^"]*">error: simulator 3.13</);
    expect(cellHtml(page, "cell-6")).toMatch(/>not compared: simulator 3.13</);
    expect(cellHtml(page, "cell-7")).toMatch(/>not run \(skip\)</);
  });

  it("flags problems visibly with the reason, and what ran", () => {
    const failing = cellHtml(site.get("statuses.html")!, "cell-2");
    expect(failing).toContain("<strong>fail on simulator 3.13:</strong>");
    expect(failing).toContain(`expected "'right!'", got "'wrong!'"`);
    expect(failing).toContain("What ran on simulator 3.13");
    // The diff shows its hunks, not the machine's path to the lesson.
    expect(failing).toContain("-'right!'\n+'wrong!'");
    expect(failing).not.toContain(FIXTURES);
    expect(cellHtml(site.get("statuses.html")!, "cell-3")).toContain("unsupported: module 'asyncio'");
    expect(cellHtml(site.get("statuses.html")!, "cell-5")).toContain("timeout");
  });

  it("does not render hidden setup cells", () => {
    expect(site.get("statuses.html")!).not.toContain("setup_value = 42");
    expect(site.get("statuses.html")!).not.toContain('id="cell-8"');
  });

  it("shows drift notes with every version's output, readable without script", () => {
    const page = site.get("drift-notes.html")!;
    const note = page.slice(page.indexOf('<details class="drift-note" open>'), page.indexOf("</details>"));
    expect(note).toContain('<th scope="row">Python 3.12+</th>');
    expect(note).toContain('<th scope="row">Python 3.8–3.11</th>');
    expect(note).toContain("whatever the count was");
  });

  it("keeps one <h1> (the title) and nests the prose's headings under it without skipping a level", () => {
    const page = site.get("drift-notes.html")!;
    expect(page.match(/<h1>/g)).toHaveLength(1);
    expect(page).toContain("<h2>None's reference count</h2>");
    expect(page).toContain("<h3>Plain arithmetic</h3>");
    expect(page).not.toMatch(/<h[456]>/);
  });

  it("draws heap diagrams on cells marked diagram, and on every cell when the frontmatter asks", () => {
    const statuses = site.get("statuses.html")!;
    expect(statuses.match(/<svg class="heap"/g)).toHaveLength(1);
    expect(cellHtml(statuses, "cell-9")).toContain('aria-labelledby="cell-9-heap-title cell-9-heap-desc"');
    // The list that contains itself is drawn once, with its way back to itself.
    expect(cellHtml(statuses, "cell-9")).toContain("heap-edge-back");
    expect(site.get("hostile.html")!.match(/<svg class="heap"/g)).toHaveLength(3);
  });

  it("prints hostile outputs, reprs, names and titles as text", () => {
    const page = site.get("hostile.html")!;
    expect(page).not.toMatch(/<script/i);
    expect(page).not.toMatch(/<img/i);
    expect(page).not.toMatch(/<b[ >]/i);
    expect(page).not.toContain("<i>output");
    expect(page).toContain("&#x3C;script>alert(1)&#x3C;/script>");
    expect(page).toContain("<title>Hostile &lt;i&gt;output&lt;/i&gt; &amp; &quot;quotes&quot; · Lessons</title>");
    expect(page).not.toContain("javascript:");
  });

  it("uses relative links only, and points links to lesson files at their pages", () => {
    for (const [name, html] of site) {
      if (!name.endsWith(".html")) continue;
      for (const [, url] of html.matchAll(/(?:href|src)="([^"]*)"/g)) {
        // "data:," is the empty icon that spares a served page a favicon request (and a 404).
        expect(url, `${name}: ${url}`).toMatch(/^(#|[a-z0-9-]+\.(html|css)(#[\w-]+)?$|https:\/\/example\.org\/$|data:,$)/);
      }
    }
    expect(site.get("statuses.html")!).toContain('<a href="hostile.html#cell-1">the hostile lesson</a>');
  });

  it("lists the lessons on the index with totals, engines, build date and lessonkit version", () => {
    const index = site.get("index.html")!;
    expect(index.indexOf("drift-notes.html")).toBeLessThan(index.indexOf("hostile.html"));
    expect(index).toMatch(/<a href="statuses.html">Every verdict on one page<\/a><\/td><td>9<\/td>/);
    expect(index).toContain('<span class="count status-fail">1 fail</span>');
    expect(index).toContain("simulator 3.13");
    expect(index).toContain('<time datetime="2023-11-14T22:13:20.000Z">2023-11-14</time>');
    expect(index).toMatch(/<dt>lessonkit<\/dt><dd>\d+\.\d+\.\d+<\/dd>/);
  });

  it("writes the same bytes when built again with the same SOURCE_DATE_EPOCH", async () => {
    const again = path.join(await mkdtemp(path.join(tmpdir(), "lk-build-")), "dist");
    process.env.SOURCE_DATE_EPOCH = EPOCH;
    expect((await build(FIXTURES, "--out", again)).code).toBe(0);
    expect(await readSite(again)).toEqual(site);
  });
});

describe("lessonkit build --strict", () => {
  it("exits 1 and leaves the previous site untouched when a cell fails", async () => {
    const out = path.join(await mkdtemp(path.join(tmpdir(), "lk-strict-")), "dist");
    await mkdir(out);
    await writeFile(path.join(out, "index.html"), "previous site");
    const result = await build(path.join(FIXTURES, "statuses.md"), "--out", out, "--strict");
    expect(result.code).toBe(1);
    expect(result.err).toContain("--strict");
    expect(await readdir(out)).toEqual(["index.html"]);
    expect(await readFile(path.join(out, "index.html"), "utf8")).toBe("previous site");
    expect((await readdir(path.dirname(out))).sort()).toEqual(["dist"]);
  });

  it("writes the site when every cell passes", async () => {
    const out = path.join(await mkdtemp(path.join(tmpdir(), "lk-strict-")), "dist");
    const result = await build(path.join(FIXTURES, "drift-notes.md"), "--out", out, "--strict");
    expect(result.code).toBe(0);
    expect(await readdir(out)).toContain("drift-notes.html");
  });

  it("refuses a SOURCE_DATE_EPOCH that is not a number of seconds (exit 2)", async () => {
    process.env.SOURCE_DATE_EPOCH = "yesterday";
    const result = await build(path.join(FIXTURES, "drift-notes.md"), "--out", path.join(tmpdir(), "lk-never-written"));
    expect(result.code).toBe(2);
    expect(result.err).toContain("SOURCE_DATE_EPOCH");
  });
});

describe.skipIf(!HAS_311_AND_312)("lessonkit build on several engines (needs CPython 3.11 and 3.12 on PATH or in pyenv)", () => {
  it("merges the versions that agree in one badge and names the ones that differ", async () => {
    const out = path.join(await mkdtemp(path.join(tmpdir(), "lk-engines-")), "dist");
    const result = await build(path.join(FIXTURES, "statuses.md"), "--python", "3.11,3.12", "--profile", "3.13", "--out", out, "--timeout", "5");
    expect(result.code).toBe(0);
    const page = await readFile(path.join(out, "statuses.html"), "utf8");
    const badges = [...page.matchAll(/<span class="badge ([^"]*)" title="[^"]*">([^<]*)<\/span>/g)].map((match) => `${match[1]} | ${match[2]}`);
    expect(badges).toEqual([
      "status-pass | ✓ simulator 3.13, CPython 3.11–3.12",
      "status-fail | ✗ fail: simulator 3.13, CPython 3.11–3.12",
      "status-unsupported | ✓ CPython 3.11–3.12 · unsupported: simulator 3.13",
      "status-drift | ✓ CPython 3.11–3.12 · drift: simulator 3.13",
      "status-error | error: simulator 3.13, CPython 3.11–3.12",
      "status-skipped | not compared: simulator 3.13, CPython 3.11–3.12",
      "status-skipped | not run (skip)",
      "status-pass | ✓ simulator 3.13, CPython 3.11–3.12",
    ]);
    // The diagram still comes from the simulator, which is among the engines.
    expect(page).toContain('<svg class="heap"');
    const index = await readFile(path.join(out, "index.html"), "utf8");
    expect(index).toMatch(/<li>CPython 3\.11\.\d+ \(/);
    expect(index).not.toMatch(/pyenv|\/bin\/python/);
  });

  it("says why there is no diagram when only real interpreters ran", async () => {
    const out = path.join(await mkdtemp(path.join(tmpdir(), "lk-engines-")), "dist");
    expect((await build(path.join(FIXTURES, "statuses.md"), "--python", "3.12", "--out", out, "--timeout", "5")).code).toBe(0);
    const page = await readFile(path.join(out, "statuses.html"), "utf8");
    expect(page).not.toContain('<svg class="heap"');
    expect(page).toContain("No heap diagram: heap diagrams come from the simulator, and this build ran only real interpreters.");
  });
});
