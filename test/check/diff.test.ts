// Diffs of failing cells: unified style, lesson file and fence line in the header.
import { describe, expect, it } from "vitest";
import { checkLesson } from "../../src/check/check-lesson.js";
import { diffLines, formatUnifiedDiff } from "../../src/check/diff.js";
import { buildLesson, engineFor, ok, outputLine, runsOf } from "./lesson-builder.js";

describe("a deliberately wrong output", () => {
  const lesson = buildLesson(
    [
      { source: "x = 1" },
      { source: "for i in range(3):\n    print(i)", outputs: ["0\n1\n2"] },
    ],
    "lessons/loops.md",
  );
  const cell = checkLesson(lesson, runsOf(ok(0, ""), ok(1, "0\n1\n3\n")), engineFor("3.13")).cells[1]!;
  const fenceLine = lesson.cells[1]!.outputs[0]!.span.start.line;

  it("fails with a message naming the lesson line", () => {
    expect(cell.status).toBe("fail");
    expect(cell.message).toBe(`line ${outputLine(lesson, 1, 2)}: expected "2", got "3"`);
    expect(cell.expectedLine).toBe(fenceLine);
  });

  it("carries a unified diff naming the file and the output fence's line", () => {
    expect(cell.diff).toBe(
      [
        `--- lessons/loops.md:${fenceLine} (expected)`,
        "+++ actual (sim 3.13)",
        `@@ -${outputLine(lesson, 1, 0)},3 +1,3 @@`,
        " 0",
        " 1",
        "-2",
        "+3",
        "",
      ].join("\n"),
    );
  });
});

describe("diffLines and formatUnifiedDiff", () => {
  const expected = Array.from({ length: 20 }, (_, index) => ({ text: `e${index}`, fileLine: 100 + index }));
  const header = { file: "x.md", fenceLine: 99, actualLabel: "python 3.12.1" };

  it("keeps three lines of context and splits distant changes into hunks", () => {
    const actual = expected.map((line) => line.text);
    actual[2] = "changed";
    actual[17] = "changed too";
    const ops = diffLines(expected.length, actual.length, (i, j) => expected[i]!.text === actual[j]);
    const text = formatUnifiedDiff(expected, actual, ops, header);
    const hunks = text.split("\n").filter((line) => line.startsWith("@@"));
    expect(hunks).toEqual(["@@ -100,6 +1,6 @@", "@@ -114,6 +15,6 @@"]);
  });

  it("numbers an insertion into an empty expectation after the fence", () => {
    const ops = diffLines(0, 2, () => false);
    expect(formatUnifiedDiff([], ["a", "b"], ops, header)).toBe(
      "--- x.md:99 (expected)\n+++ actual (python 3.12.1)\n@@ -99,0 +1,2 @@\n+a\n+b\n",
    );
  });

  it("treats lines as equal through the given predicate", () => {
    const ops = diffLines(2, 2, (i, j) => i === j);
    expect(ops.every((op) => op.kind === "equal")).toBe(true);
  });

  it("finds a shortest script for insertions in the middle", () => {
    const before = ["a", "b", "c", "d"];
    const after = ["a", "x", "b", "c", "y", "d"];
    const ops = diffLines(before.length, after.length, (i, j) => before[i] === after[j]);
    expect(ops.filter((op) => op.kind === "insert")).toHaveLength(2);
    expect(ops.filter((op) => op.kind === "delete")).toHaveLength(0);
  });
});

describe("the first-difference message", () => {
  const engine = engineFor("3.11");

  it("pairs the first lines of a replaced block", () => {
    const lesson = buildLesson([{ source: "for i in r: print(i)", outputs: ["26983\n26985\n26987"] }]);
    const cell = checkLesson(lesson, runsOf(ok(0, "24363\n24365\n24367\n")), engine).cells[0]!;
    expect(cell.message).toBe(`line ${outputLine(lesson, 0)}: expected "26983", got "24363"`);
  });

  it("places output added before the first expected line", () => {
    const lesson = buildLesson([{ source: "print(); print(1)", outputs: ["1"] }]);
    const cell = checkLesson(lesson, runsOf(ok(0, "\n1\n")), engine).cells[0]!;
    expect(cell.message).toBe(`unexpected output before line ${outputLine(lesson, 0)}: ""`);
  });

  it("places output added at the end", () => {
    const lesson = buildLesson([{ source: "print(1); print(2)", outputs: ["1"] }]);
    const cell = checkLesson(lesson, runsOf(ok(0, "1\n2\n")), engine).cells[0]!;
    expect(cell.message).toBe(`unexpected output after line ${outputLine(lesson, 0)}: "2"`);
  });

  it("says when an expected line is missing", () => {
    const lesson = buildLesson([{ source: "print(1)", outputs: ["1\n2"] }]);
    const cell = checkLesson(lesson, runsOf(ok(0, "1\n")), engine).cells[0]!;
    expect(cell.message).toBe(`line ${outputLine(lesson, 0, 1)}: expected "2", got nothing`);
  });
});
