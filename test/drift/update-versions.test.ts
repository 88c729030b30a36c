// check --update with several engines runs each lesson once: lessons that need per-version blocks
// run again on the real interpreters, so a timing is left alone instead of written per version.
import { describe, expect, it } from "vitest";
import { mkdtemp, readFile, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { checkLesson } from "../../src/check/index.js";
import { RunComparer } from "../../src/drift/compare-runs.js";
import type { EngineRuns } from "../../src/drift/version-outputs.js";
import { loadLesson } from "../../src/lesson/load.js";
import type { Lesson } from "../../src/lesson/types.js";
import { updateLessonsForVersions, type Rerun } from "../../src/pipeline/update-versions.js";
import type { CellRun, EngineIdentity } from "../../src/runners/types.js";
import { runsOf } from "./runs-builder.js";

const SOURCE = [
  "# Timings and versions",
  "",
  "```python",
  "import sys",
  "sys.getrefcount(None) > 10**9",
  "```",
  "",
  "```output",
  "False",
  "```",
  "",
  "```python",
  "print(elapsed)",
  "```",
  "",
  "```output",
  "elapsed 0.5",
  "```",
  "",
].join("\n");

const real = (version: string): EngineIdentity => ({ kind: "python", executable: `/opt/python${version}`, version, kernel: "emulated" });
const FIRST: Record<string, string[]> = { "3.11.7": ["False", "elapsed 1.25"], "3.12.1": ["True", "elapsed 2.5"], "3.13.0": ["True", "elapsed 3.75"] };

async function updated(rerun: Rerun): Promise<{ text: string; flakySkipped: readonly number[] }> {
  const folder = await mkdtemp(path.join(tmpdir(), "lessonkit-update-versions-"));
  const file = path.join(folder, "timings.md");
  await writeFile(file, SOURCE, "utf8");
  const lesson: Lesson = await loadLesson(file);
  const engines: EngineRuns[] = Object.entries(FIRST).map(([version, outputs]) => {
    const identity = real(version);
    const runs = runsOf(outputs);
    return { identity, runs, results: new Map(checkLesson(lesson, runs, { identity }).cells.map((cell) => [cell.index, cell])) };
  });
  const comparer = new RunComparer(lesson, engines.map((engine) => engine.runs));
  const [summary] = await updateLessonsForVersions([{ path: file, lesson, engines, comparer }], { rerun });
  return { text: await readFile(file, "utf8"), flakySkipped: summary?.flakySkipped ?? [] };
}

describe("updateLessonsForVersions after a single run per engine", () => {
  it("runs the lesson again and leaves a cell whose two runs differ alone", async () => {
    const asked: string[] = [];
    const rerun: Rerun = async (_lesson, identity) => {
      asked.push(identity.version);
      const [refcount] = FIRST[identity.version]!;
      return runsOf([refcount!, `elapsed ${Math.random()}`]);
    };
    const { text, flakySkipped } = await updated(rerun);
    expect(asked.sort()).toEqual(["3.11.7", "3.12.1", "3.13.0"]);
    expect(flakySkipped).toEqual([1]);
    expect(text).toContain('```output python="<3.12"\nFalse\n```\n\n```output python=">=3.12"\nTrue\n```');
    expect(text).toContain("```output\nelapsed 0.5\n```");
  });

  it("writes per-version blocks for a cell whose second runs repeat the first", async () => {
    const rerun: Rerun = async (_lesson, identity) => runsOf(FIRST[identity.version]!) as ReadonlyMap<number, CellRun>;
    const { text, flakySkipped } = await updated(rerun);
    expect(flakySkipped).toEqual([]);
    expect(text).toContain('```output python="3.12"\nelapsed 2.5\n```');
  });
});
