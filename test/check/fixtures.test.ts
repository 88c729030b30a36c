// End to end through the real lesson parser: fixture lessons checked against hand-made runs.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { checkLesson } from "../../src/check/check-lesson.js";
import { parseLesson } from "../../src/lesson/parse.js";
import { engineFor, ok, raised, runsOf } from "./lesson-builder.js";

const path = "test/fixtures/check/identity.md";
const lesson = parseLesson(path, readFileSync(path, "utf8"));

/** The runs of a faithful interpreter, with its own addresses. */
function faithfulRuns(refcount: string, secondAddress = "0x7f3a00002000") {
  return runsOf(
    ok(0, "0x7f3a00001000\n"),
    ok(1, "0x7f3a00001000 True\n"),
    ok(2, `0x7f3a00001000 ${secondAddress}\n`),
    ok(3, "<object object at 0x7f3a00003000>\n"),
    raised(4, "", "ZeroDivisionError", "division by zero"),
    ok(5, `${refcount}\n`),
  );
}

describe("fixture lesson identity.md", () => {
  it("parses into the cells the tests expect", () => {
    expect(lesson.messages).toEqual([]);
    expect(lesson.cells).toHaveLength(6);
    expect(lesson.cells[3]!.options.match).toEqual({ kind: "ellipsis" });
    expect(lesson.cells[4]!.options.raises).toBe("ZeroDivisionError");
    expect(lesson.cells[5]!.outputs).toHaveLength(2);
  });

  it("passes a faithful run", () => {
    const result = checkLesson(lesson, faithfulRuns("4294967295"), engineFor("3.12"));
    expect(result.cells.map((cell) => [cell.index, cell.status, cell.message])).toEqual([
      [0, "pass", null],
      [1, "pass", null],
      [2, "pass", null],
      [3, "pass", null],
      [4, "pass", null],
      [5, "pass", null],
    ]);
  });

  it("fails a run where the new list is the old object, naming both lesson lines", () => {
    const result = checkLesson(lesson, faithfulRuns("4294967295", "0x7f3a00001000"), engineFor("3.12"));
    const cell = result.cells[2]!;
    expect(cell.status).toBe("fail");
    const outputLine = lesson.cells[2]!.outputs[0]!.contentSpan.start.line;
    expect(cell.message).toBe(
      `identity broken: 0x2b6656d4408 at line ${outputLine} and 0x2b6657bd7c8 at line ${outputLine} ` +
        "are different objects in the lesson, but both are 0x7f3a00001000 in this run",
    );
    expect(cell.diff).toContain(`--- ${path}:${lesson.cells[2]!.outputs[0]!.span.start.line} (expected)`);
  });

  it("chooses the output by version and reports drift", () => {
    expect(checkLesson(lesson, faithfulRuns("1234"), engineFor("3.11")).cells[5]!.status).toBe("pass");
    const drift = checkLesson(lesson, faithfulRuns("1234"), engineFor("3.13")).cells[5]!;
    expect(drift.status).toBe("drift");
    expect(drift.message).toContain("matches the output without a version range");
  });
});
