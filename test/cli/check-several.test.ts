// `check` and `run` on several engines: one report per engine, one JSON or JUnit document.
import { describe, expect, it } from "vitest";
import { mkdtemp, readFile, writeFile, copyFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { installedInterpreters, runCli } from "./cli-harness.js";

const fixture = (name: string): string => path.resolve("test/fixtures/drift", name);
const temporary = (): Promise<string> => mkdtemp(path.join(tmpdir(), "lessonkit-several-"));

describe("lessonkit check on several simulator profiles", () => {
  it("prints one JSON object whose runs each keep the single-engine contract", async () => {
    const result = await runCli("check", fixture("stable.md"), fixture("to-update.md"), "--profile", "3.8,3.12", "--reporter", "json", "--no-cache");
    expect(result.code).toBe(1);
    const report = JSON.parse(result.out);
    expect(Object.keys(report)).toEqual(["runs", "summary"]);
    expect(report.runs.map((run: { runner: unknown }) => run.runner)).toEqual([
      { kind: "sim", profile: "3.8" },
      { kind: "sim", profile: "3.12" },
    ]);
    for (const run of report.runs) expect(Object.keys(run)).toEqual(["runner", "lessons", "summary"]);
    expect(report.runs[0].summary).toMatchObject({ pass: 3, fail: 0 });
    expect(report.runs[1].summary).toMatchObject({ pass: 2, fail: 1 });
    expect(report.summary).toMatchObject({ pass: 5, fail: 1 });
  });

  it("run: one JSON object with a run per engine and no verdicts", async () => {
    const result = await runCli("run", fixture("to-update.md"), "--profile", "3.11,3.12", "--reporter", "json", "--no-cache");
    expect(result.code).toBe(0);
    const report = JSON.parse(result.out);
    expect(Object.keys(report)).toEqual(["runs"]);
    expect(report.runs.map((run: { lessons: { cells: { actual: string }[] }[] }) => run.lessons[0]!.cells[0]!.actual)).toEqual(["False\n", "True\n"]);
  });

  it("writes one JUnit document with a suite per lesson and engine", async () => {
    const result = await runCli("check", fixture("stable.md"), "--profile", "3.8,3.12", "--reporter", "junit", "--no-cache");
    expect(result.out.match(/<\?xml/gu)).toHaveLength(1);
    expect(result.out).toMatch(/<testsuites name="lessonkit" tests="2" failures="0" errors="0" skipped="0"/u);
    expect(result.out).toContain('stable.md (sim 3.8)"');
    expect(result.out).toContain('stable.md (sim 3.12)"');
  });

  it("ends the pretty report with a summary per engine", async () => {
    const result = await runCli("check", fixture("stable.md"), "--profile", "all", "--no-cache");
    expect(result.code).toBe(0);
    expect(result.out.match(/1 lesson, 1 cell: 1 passed \(sim 3\.\d+/gu)).toHaveLength(9);
  });

  it("--update writes per-version outputs from several profiles", async () => {
    const folder = await temporary();
    const target = path.join(folder, "to-update.md");
    await copyFile(fixture("to-update.md"), target);
    const result = await runCli("check", target, "--profile", "3.11,3.12", "--update", "--no-cache");
    expect(result.err).toMatch(/updated 1 cell with per-version output blocks/u);
    expect(await readFile(target, "utf8")).toContain('```output python="<3.12"\nFalse\n```\n\n```output python=">=3.12"\nTrue\n```');
    expect((await runCli("check", target, "--profile", "3.11,3.12", "--no-cache")).code).toBe(0);
  });
});

describe("the cache through the command line", () => {
  it("serves unchanged lessons and runs again only the lesson whose cell changed", async () => {
    const folder = await temporary();
    const cacheDir = path.join(folder, "cache");
    for (const name of ["stable.md", "to-update.md"]) await copyFile(fixture(name), path.join(folder, name));
    const check = () => runCli("check", folder, "--cache-dir", cacheDir, "--progress", "--profile", "3.12");
    const cold = await check();
    expect(cold.err.match(/\(cached\)/gu)).toBeNull();
    const warm = await check();
    expect(warm.err.match(/\(cached\)/gu)).toHaveLength(2);
    expect(warm.out).toBe(cold.out.replace(/\([^()]*\)\n$/u, (tail) => tail).replace(/, [\d.]+m?s\)/u, warm.out.match(/, [\d.]+m?s\)/u)![0]));
    const stable = path.join(folder, "stable.md");
    await writeFile(stable, (await readFile(stable, "utf8")).replace("x = 6 * 7", "x = 7 * 6"));
    const edited = await check();
    expect(edited.err).toMatch(/stable\.md\n/u);
    expect(edited.err).toMatch(/to-update\.md \(cached\)/u);
    expect(edited.err).not.toMatch(/stable\.md \(cached\)/u);
    expect(edited.out).not.toMatch(/\[\d+\/\d+\]/u);
  });

  it("--no-cache neither reads nor writes the cache", async () => {
    const folder = await temporary();
    const cacheDir = path.join(folder, "cache");
    await runCli("check", fixture("stable.md"), "--cache-dir", cacheDir, "--no-cache");
    await expect(readFile(path.join(cacheDir, "CACHEDIR.TAG"), "utf8")).rejects.toThrow();
  });
});

const interpreters = await installedInterpreters();

describe.skipIf(interpreters.length < 2)(
  `lessonkit check --python all${interpreters.length < 2 ? " (fewer than two interpreters installed: skipped)" : ` (${interpreters.length} interpreters)`}`,
  () => {
    it("checks every lesson on every interpreter found and reports each", async () => {
      const result = await runCli("check", fixture("stable.md"), "--python", "all", "--kernel", "emulated", "--reporter", "json", "--no-cache");
      const report = JSON.parse(result.out);
      expect(report.runs.map((run: { runner: { version: string } }) => run.runner.version)).toEqual(interpreters.map((info) => info.version));
      expect(report.summary.pass).toBe(interpreters.length);
      expect(result.code).toBe(0);
    });

    it("lists an interpreter it cannot find on stderr and goes on with the others", async () => {
      const result = await runCli("check", fixture("stable.md"), "--python", `2.9,${interpreters[0]!.version}`, "--kernel", "emulated", "--reporter", "json", "--no-cache");
      expect(result.err).toMatch(/not using 2\.9: No usable Python 2\.9/u);
      expect(JSON.parse(result.out).runs).toHaveLength(1);
      expect(result.code).toBe(0);
    });
  },
);
