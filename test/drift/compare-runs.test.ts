// Comparing two runs of a lesson: addresses are identity symbols, as in `check`.
import { describe, expect, it } from "vitest";
import { compareRuns, RunComparer } from "../../src/drift/compare-runs.js";
import { lessonOf, runsOf } from "./runs-builder.js";

const lesson = lessonOf("compare.md", [
  { source: "a = []\nprint(hex(id(a)))" },
  { source: "print(hex(id(a)))" },
  { source: "b = []\nprint(hex(id(a)), hex(id(b)))" },
  { source: "print('text')" },
]);

describe("compareRuns", () => {
  it("treats different address values as no difference when identities line up", () => {
    const first = runsOf(["0x7f0000001000", "0x7f0000001000", "0x7f0000001000 0x7f0000002000", "text"]);
    const second = runsOf(["0x55aa00003000", "0x55aa00003000", "0x55aa00003000 0x55aa00004000", "text"]);
    expect([...compareRuns(lesson, first, second)]).toEqual([
      [0, true],
      [1, true],
      [2, true],
      [3, true],
    ]);
  });

  it("sees one object shown twice in one run and two objects in the other", () => {
    const first = runsOf(["0x7f0000001000", "0x7f0000001000", "0x7f0000001000 0x7f0000002000", "text"]);
    const second = runsOf(["0x55aa00003000", "0x55aa00009000", "0x55aa00003000 0x55aa00004000", "text"]);
    const same = compareRuns(lesson, first, second);
    expect(same.get(0)).toBe(true);
    expect(same.get(1)).toBe(false);
  });

  it("sees two objects of one cell that are one object in the other run", () => {
    const first = runsOf(["0x7f0000001000", "0x7f0000001000", "0x7f0000001000 0x7f0000002000", "text"]);
    const second = runsOf(["0x55aa00003000", "0x55aa00003000", "0x55aa00003000 0x55aa00003000", "text"]);
    expect(compareRuns(lesson, first, second).get(2)).toBe(false);
  });

  it("sees text differences and leaves out cells one run did not run", () => {
    const first = runsOf(["0x7f0000001000", "0x7f0000001000", "0x7f0000001000 0x7f0000002000", "text"]);
    const second = runsOf(["0x55aa00003000", null, "0x55aa00003000 0x55aa00004000", "other"]);
    const same = compareRuns(lesson, first, second);
    expect(same.has(1)).toBe(false);
    expect(same.get(3)).toBe(false);
  });

  it("compares an exception's last line as part of what ran", () => {
    const single = lessonOf("raise.md", [{ source: "1/0" }]);
    const raised = new Map([[0, { index: 0, status: "exception" as const, output: "", exception: { type: "ZeroDivisionError", message: "division by zero", traceback: "" }, durationMs: 1 }]]);
    const otherMessage = new Map([[0, { index: 0, status: "exception" as const, output: "", exception: { type: "ZeroDivisionError", message: "integer division or modulo by zero", traceback: "" }, durationMs: 1 }]]);
    expect(compareRuns(single, raised, raised).get(0)).toBe(true);
    expect(compareRuns(single, raised, otherMessage).get(0)).toBe(false);
  });
});

describe("RunComparer.groups", () => {
  it("splits runs into groups that showed the same output, in order of first member", () => {
    const one = lessonOf("groups.md", [{ source: "x" }]);
    const runs = [runsOf(["2"]), runsOf(["2"]), runsOf(["4294967295"]), undefined, runsOf(["2"]), runsOf(["4294967295"])];
    const comparer = new RunComparer(one, runs);
    expect(comparer.groups(0, [0, 1, 2, 3, 4, 5])).toEqual([
      [0, 1, 4],
      [2, 5],
    ]);
  });
});
