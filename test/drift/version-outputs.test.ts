// --update with several versions: per-version fences only where versions disagree, merged into
// ranges, every other byte kept, and each version then passing.
import { describe, expect, it } from "vitest";
import { checkLesson } from "../../src/check/index.js";
import { RunComparer } from "../../src/drift/compare-runs.js";
import { planVersionedOutputs, type EngineRuns } from "../../src/drift/version-outputs.js";
import { parseLesson } from "../../src/lesson/parse.js";
import { rewriteOutputs } from "../../src/lesson/update.js";
import type { Lesson } from "../../src/lesson/types.js";
import type { CellRun, EngineIdentity } from "../../src/runners/types.js";
import { runsOf } from "./runs-builder.js";

const SOURCE = [
  "---",
  "title: Versions",
  "---",
  "Intro, with `code` and *emphasis*.",
  "",
  "```python",
  "import sys",
  "sys.getrefcount(None) == 4294967295",
  "```",
  "",
  "```output",
  "False",
  "```",
  "",
  "Between the cells.",
  "",
  "```python",
  "print('same everywhere')",
  "```",
  "",
  "```output",
  "same everywhere",
  "```",
  "",
  "```python",
  "print(version_word)",
  "```",
  "",
  "```output",
  "old",
  "```",
  "Closing prose.",
  "",
].join("\n");

const profile = (key: string): EngineIdentity => ({ kind: "sim", profile: key });
const real = (version: string): EngineIdentity => ({ kind: "python", executable: `/opt/python${version}`, version, kernel: "emulated" });

function engineRuns(lesson: Lesson, entries: readonly [EngineIdentity, Map<number, CellRun>][]): EngineRuns[] {
  return entries.map(([identity, runs]) => {
    const results = checkLesson(lesson, runs, { identity }).cells;
    return { identity, runs, results: new Map(results.map((cell) => [cell.index, cell])) };
  });
}

function plan(lesson: Lesson, engines: EngineRuns[], flakyCells?: Set<number>) {
  return planVersionedOutputs({ lesson, engines, comparer: new RunComparer(lesson, engines.map((engine) => engine.runs)), ...(flakyCells ? { flakyCells } : {}) });
}

/** Everything outside the output fences, in order (a cell's group of fences is one mark). */
function outsideOutputs(text: string): string {
  return text.replace(/```output[^\n]*\n[\s\S]*?```(?:\n\n```output[^\n]*\n[\s\S]*?```)*/gu, "<outputs>");
}

describe("planVersionedOutputs", () => {
  const lesson = parseLesson("versions.md", SOURCE);
  const versions = ["3.6", "3.7", "3.8", "3.9", "3.10", "3.11", "3.12", "3.13", "3.14"];
  const word = (key: string): string => (["3.6", "3.7"].includes(key) ? "old" : ["3.8", "3.9", "3.10", "3.11"].includes(key) ? "middle" : "new");
  const engines = engineRuns(
    lesson,
    versions.map((key) => [profile(key), runsOf([Number(key.split(".")[1]) >= 12 ? "True" : "False", "same everywhere", word(key)])]),
  );

  it("writes ranged fences only for the cells whose output depends on the version", () => {
    const { changes } = plan(lesson, engines);
    expect(changes.map((change) => change.cellIndex)).toEqual([0, 2]);
    const byCell = new Map(changes.map((change) => [change.cellIndex, "outputs" in change ? change.outputs : []]));
    expect(byCell.get(0)).toEqual([
      { range: "<3.12", text: "False\n" },
      { range: ">=3.12", text: "True\n" },
    ]);
    expect(byCell.get(2)).toEqual([
      { range: "<3.8", text: "old\n" },
      { range: "3.8-3.11", text: "middle\n" },
      { range: ">=3.12", text: "new\n" },
    ]);
  });

  it("keeps every byte outside the output fences, and every version passes afterwards", () => {
    const updated = rewriteOutputs(lesson, plan(lesson, engines).changes);
    expect(outsideOutputs(updated)).toBe(outsideOutputs(SOURCE));
    expect(updated).toContain('```output python="3.8-3.11"\nmiddle\n```');
    const reparsed = parseLesson("versions.md", updated);
    expect(reparsed.messages).toEqual([]);
    for (const engine of engines) {
      const result = checkLesson(reparsed, engine.runs!, { identity: engine.identity });
      expect(result.cells.map((cell) => cell.status)).toEqual(["pass", "pass", "pass"]);
    }
    // A second update has nothing left to do.
    expect(plan(reparsed, engineRuns(reparsed, engines.map((engine) => [engine.identity, engine.runs as Map<number, CellRun>]))).changes).toEqual([]);
  });

  it("writes one fence without a range when all versions agree", () => {
    const agreeing = engineRuns(
      lesson,
      ["3.8", "3.12"].map((key) => [profile(key), runsOf(["False", "same everywhere", "everywhere"])]),
    );
    const change = plan(lesson, agreeing).changes.find((candidate) => candidate.cellIndex === 2);
    expect(change).toEqual({ cellIndex: 2, outputs: [{ text: "everywhere\n" }] });
  });

  it("counts a simulator profile only for versions no real interpreter ran", () => {
    const mixed = engineRuns(lesson, [
      [real("3.12.1"), runsOf(["True", "same everywhere", "real"])],
      [profile("3.12"), runsOf(["True", "same everywhere", "simulated"])],
      [profile("3.13"), runsOf(["True", "same everywhere", "real"])],
    ]);
    const change = plan(lesson, mixed).changes.find((candidate) => candidate.cellIndex === 2);
    expect(change).toEqual({ cellIndex: 2, outputs: [{ text: "real\n" }] });
  });

  it("leaves out an engine from the first cell it could not run on, later cells included", () => {
    const refused: CellRun = { index: 0, status: "unsupported", output: "", unsupported: { feature: "ctypes", line: 7 }, durationMs: 1 };
    const cascading: CellRun = { index: 2, status: "exception", output: "", exception: { type: "NameError", message: "name 'version_word' is not defined", traceback: "" }, durationMs: 1 };
    const withFailure = engineRuns(lesson, [
      [profile("3.8"), runsOf(["False", "same everywhere", "middle"])],
      [profile("3.14"), new Map([[0, refused], [1, { index: 1, status: "ok", output: "same everywhere\n", durationMs: 1 }], [2, cascading]])],
    ]);
    const change = plan(lesson, withFailure).changes.find((candidate) => candidate.cellIndex === 2);
    expect(change).toEqual({ cellIndex: 2, outputs: [{ text: "middle\n" }] });
  });

  it("leaves flaky cells alone and says so", () => {
    const result = plan(lesson, engines, new Set([2]));
    expect(result.changes.map((change) => change.cellIndex)).toEqual([0]);
    expect(result.flakySkipped).toEqual([2]);
  });
});
