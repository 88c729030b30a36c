// `lessonkit drift` end to end: the matrix, its classes, simulator vs real, --update, the cache.
import { describe, expect, it } from "vitest";
import { copyFile, mkdtemp, readFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { installedInterpreters, runCli } from "./cli-harness.js";
import { minorKey } from "../../src/versions/version.js";

const FIXTURES = path.resolve("test/fixtures/drift");
const fixture = (name: string): string => path.join(FIXTURES, name);
const temporary = (): Promise<string> => mkdtemp(path.join(tmpdir(), "lessonkit-drift-"));

/** Everything outside the output fences (a cell's group of fences is one mark). */
function outsideOutputs(text: string): string {
  return text.replace(/```output[^\n]*\n[\s\S]*?```(?:\n\n```output[^\n]*\n[\s\S]*?```)*/gu, "<outputs>");
}

describe("lessonkit drift with simulator profiles", () => {
  it("lists the cell that changes with the version and the one broken everywhere (exit 1)", async () => {
    const result = await runCli("drift", fixture("versions.md"), "--profiles", "3.11,3.12", "--no-cache", "--reporter", "json");
    expect(result.code).toBe(1);
    const report = JSON.parse(result.out);
    expect(report.columns.map((column: { label: string }) => column.label)).toEqual(["sim 3.11", "sim 3.12"]);
    const rows = report.rows.map((row: { index: number; class: string; statuses: Record<string, string> }) => [row.index, row.class, row.statuses]);
    expect(rows).toEqual([
      [0, "drift", { "sim 3.11": "pass", "sim 3.12": "fail" }],
      [2, "broken", { "sim 3.11": "fail", "sim 3.12": "fail" }],
    ]);
    expect(report.rows[0].outputs).toEqual([
      { text: "False\n", columns: ["sim 3.11"] },
      { text: "True\n", columns: ["sim 3.12"] },
    ]);
    expect(report.simVsReal).toEqual([]);
    expect(report.summary).toMatchObject({ lessons: 1, cells: 3, rows: 2, drift: 1, broken: 1, flaky: 0, simVsReal: 0 });
  });

  it("prints an 80-column matrix with a legend, and exits 0 when nothing is broken", async () => {
    const result = await runCli("drift", fixture("stable.md"), fixture("to-update.md"), "--profiles", "all", "--no-cache");
    expect(result.code).toBe(0);
    const lines = result.out.replace(/\n$/u, "").split("\n");
    for (const line of lines) expect(line.length).toBeLessThanOrEqual(80);
    // 3.6–3.11 and 3.14 show False as the lesson does; 3.12 and 3.13 True.
    expect(result.out).toMatch(/to-update\.md\n {2}7 cell 0 +\. +\. +\. +\. +\. +\. +F +F +\. drift\n/u);
    expect(result.out).toContain("Legend:");
    expect(result.out).toMatch(/2 lessons, 3 cells on 9 simulator profiles in [\d.]+s\n/u);
    expect(result.out).toMatch(/1 row: 1 drift, 0 flaky, 0 broken, 0 sim; 0 simulator vs real/u);
    expect(result.err).not.toMatch(/\[\d+\/\d+\]/u);
  });

  it("refuses a reporter it does not have and a profile that does not exist (exit 2)", async () => {
    expect((await runCli("drift", fixture("stable.md"), "--profiles", "3.12", "--reporter", "junit")).code).toBe(2);
    const unknown = await runCli("drift", fixture("stable.md"), "--profiles", "4.0");
    expect(unknown.code).toBe(2);
    expect(unknown.err).toMatch(/4\.0/u);
  });

  it("--update writes per-version outputs, keeps every other byte, and each version then passes", async () => {
    const folder = await temporary();
    const target = path.join(folder, "to-update.md");
    await copyFile(fixture("to-update.md"), target);
    const before = await readFile(target, "utf8");
    // 3.14's immortal objects report 3221225472 (FACTS): False again.
    const result = await runCli("drift", target, "--profiles", "3.10,3.11,3.12,3.13,3.14", "--update", "--no-cache", "--reporter", "json");
    expect(result.err).toMatch(/updated 1 cell with per-version output blocks/u);
    const after = await readFile(target, "utf8");
    expect(after).toContain(
      '```output python="<3.12"\nFalse\n```\n\n```output python="3.12-3.13"\nTrue\n```\n\n```output python=">=3.14"\nFalse\n```',
    );
    expect(outsideOutputs(after)).toBe(outsideOutputs(before));
    for (const profile of ["3.6", "3.10", "3.11", "3.12", "3.13", "3.14"]) {
      expect((await runCli("check", target, "--profile", profile, "--no-cache")).code, `--profile ${profile}`).toBe(0);
    }
  });

  it("serves a second run from the cache", async () => {
    const cacheDir = await temporary();
    const args = ["drift", fixture("versions.md"), fixture("stable.md"), "--profiles", "3.8,3.12", "--cache-dir", cacheDir, "--reporter", "json"];
    const first = JSON.parse((await runCli(...args)).out);
    const second = JSON.parse((await runCli(...args)).out);
    expect(first.runs).toMatchObject({ executed: 4, served: 0 });
    expect(second.runs).toMatchObject({ executed: 0, served: 4 });
    expect(second.rows).toEqual(first.rows);
  });

  it("shows progress on stderr with --progress, never on stdout", async () => {
    const result = await runCli("drift", fixture("stable.md"), "--profiles", "3.8,3.12", "--no-cache", "--progress", "--reporter", "json");
    expect(result.err).toMatch(/\[1\/2\] sim 3\.\d+ .*stable\.md/u);
    expect(result.err).toMatch(/\[2\/2\]/u);
    expect(() => JSON.parse(result.out)).not.toThrow();
  });
});

const interpreters = await installedInterpreters();
const oldest = interpreters[0];
const newest = interpreters[interpreters.length - 1];
const twoVersions = oldest !== undefined && newest !== undefined && minorKey(oldest.parsedVersion) !== minorKey(newest.parsedVersion);
const pair = twoVersions ? `${oldest!.version},${newest!.version}` : "";
const straddles312 = twoVersions && oldest!.parsedVersion.minor < 12 && newest!.parsedVersion.minor >= 12;

describe.skipIf(!twoVersions)(
  `lessonkit drift with real interpreters${twoVersions ? ` (${pair})` : " (fewer than two Python versions installed: skipped)"}`,
  () => {
    it("classes a timing as flaky and compares each profile with the interpreter of its version", async () => {
      const profiles = [oldest!, newest!].map((info) => minorKey(info.parsedVersion)).join(",");
      const result = await runCli(
        "drift", fixture("versions.md"), fixture("flaky.md"), "--python", pair, "--profiles", profiles, "--kernel", "emulated", "--no-cache", "--reporter", "json",
      );
      const report = JSON.parse(result.out);
      expect(report.columns.map((column: { runs: number }) => column.runs)).toEqual([2, 2, 1, 1]);
      const classOf = (file: string, index: number): string | undefined =>
        report.rows.find((row: { path: string; index: number }) => row.path.endsWith(file) && row.index === index)?.class;
      expect(classOf("flaky.md", 1)).toBe("flaky");
      expect(classOf("flaky.md", 0)).toBeUndefined();
      expect(classOf("versions.md", 0)).toBe(straddles312 ? "drift" : undefined);
      expect(classOf("versions.md", 1)).toBeUndefined();
      expect(classOf("versions.md", 2)).toBe("broken");
      // The flaky timing is never held against the simulator.
      expect(report.simVsReal.filter((item: { path: string }) => item.path.endsWith("flaky.md"))).toEqual([]);
      expect(result.code).toBe(1);
    });

    it("--update from two real interpreters, then `check --python X` passes on each", async () => {
      const folder = await temporary();
      const target = path.join(folder, "to-update.md");
      await copyFile(fixture("to-update.md"), target);
      const before = await readFile(target, "utf8");
      await runCli("drift", target, "--python", pair, "--kernel", "emulated", "--update", "--no-cache", "--reporter", "json");
      const after = await readFile(target, "utf8");
      expect(outsideOutputs(after)).toBe(outsideOutputs(before));
      // The boundary is the first version that showed the new output: nothing is known in between.
      if (straddles312) expect(after).toContain(`\`\`\`output python=">=${minorKey(newest!.parsedVersion)}"\nTrue\n\`\`\``);
      for (const info of [oldest!, newest!]) {
        expect((await runCli("check", target, "--python", info.version, "--kernel", "emulated", "--no-cache")).code, info.version).toBe(0);
      }
    });
  },
);

const withIPython = interpreters.find((info) => info.hasIPython);
const withoutIPython = interpreters.find((info) => !info.hasIPython);
const mixedKernels = withIPython !== undefined && withoutIPython !== undefined;

describe.skipIf(!mixedKernels)(
  `lessonkit drift with interpreters with and without IPython${mixedKernels ? "" : " (needs one of each: skipped)"}`,
  () => {
    it("runs every interpreter under one kernel, so IPython's references are not reported as drift", async () => {
      const result = await runCli(
        "drift", fixture("stable.md"), "--python", `${withIPython!.executable},${withoutIPython!.executable}`, "--no-cache", "--reporter", "json",
      );
      const report = JSON.parse(result.out);
      expect(report.columns.map((column: { kernel: string }) => column.kernel)).toEqual(["emulated", "emulated"]);
      expect(result.err).toMatch(/emulation of IPython/u);
    });
  },
);
