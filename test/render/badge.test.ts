// Badges say what verified a cell, merging versions per engine family, and flag problems in words.
import { describe, expect, it } from "vitest";
import { badgeModel } from "../../src/render/badge.js";
import { cellProblems } from "../../src/render/verdicts.js";
import { enginesLabel } from "../../src/render/engine-names.js";
import type { CodeCell } from "../../src/lesson/types.js";
import { cpython, sim, verdict } from "./support.js";

function cell(options: Partial<CodeCell["options"]> = {}): CodeCell {
  const place = { line: 1, column: 1, offset: 0 };
  return {
    index: 0,
    source: "1 + 1\n",
    options: { skip: false, hide: false, nocheck: false, diagram: false, match: { kind: "exact" }, ...options },
    outputs: [],
    span: { start: place, end: place },
    sourceLine: 2,
  };
}

describe("badgeModel", () => {
  it("names the simulator and its profile for a single engine", () => {
    const model = badgeModel(cell(), [{ identity: sim("3.13"), result: verdict(0, "pass") }]);
    expect(model).toMatchObject({ status: "pass", text: "✓ simulator 3.13" });
  });

  it("merges contiguous CPython versions that all passed", () => {
    const verdicts = ["3.8.18", "3.9.18", "3.10.13", "3.11.7", "3.12.1", "3.13.0"].map((version) => ({ identity: cpython(version), result: verdict(0, "pass") }));
    expect(badgeModel(cell(), verdicts).text).toBe("✓ CPython 3.8–3.13");
  });

  it("splits passes from failures and takes the worst status as the badge's status", () => {
    const verdicts = [
      { identity: cpython("3.10.13"), result: verdict(0, "pass") },
      { identity: cpython("3.11.7"), result: verdict(0, "pass") },
      { identity: cpython("3.12.1"), result: verdict(0, "fail", "expected 1, got 2") },
      { identity: sim("3.13"), result: verdict(0, "drift", "matches another version") },
    ];
    const model = badgeModel(cell(), verdicts);
    expect(model.status).toBe("fail");
    expect(model.text).toBe("✓ CPython 3.10–3.11 · drift: simulator 3.13 · ✗ fail: CPython 3.12");
    expect(model.title).toContain("CPython 3.12.1 (IPython rules emulated): fail (expected 1, got 2)");
  });

  it("says a skip cell is not run, whatever the engines say", () => {
    expect(badgeModel(cell({ skip: true }), [{ identity: sim("3.13"), result: verdict(0, "skipped") }]).text).toBe("not run (skip)");
  });

  it("never puts an interpreter's path on the page", () => {
    const model = badgeModel(cell(), [{ identity: cpython("3.11.7"), result: verdict(0, "error", "crashed") }]);
    expect(`${model.text} ${model.title}`).not.toContain("/opt/python");
  });
});

describe("cellProblems", () => {
  it("gathers engines with the same verdict and message into one note", () => {
    const problems = cellProblems([
      { identity: cpython("3.8.18"), result: verdict(0, "fail", "line 3: expected 1, got 2") },
      { identity: cpython("3.9.18"), result: verdict(0, "fail", "line 3: expected 1, got 2") },
      { identity: cpython("3.13.0"), result: verdict(0, "pass") },
      { identity: sim("3.13"), result: verdict(0, "unsupported", "unsupported: module 'asyncio' (line 4)", null) },
    ]);
    expect(problems.map((problem) => [problem.status, problem.engines])).toEqual([
      ["fail", "CPython 3.8–3.9"],
      ["unsupported", "simulator 3.13"],
    ]);
  });
});

describe("enginesLabel", () => {
  it("lists the simulator before CPython", () => {
    expect(enginesLabel([cpython("3.12.1"), sim("3.12"), cpython("3.11.7"), sim("3.13")])).toBe("simulator 3.12–3.13, CPython 3.11–3.12");
  });
});
