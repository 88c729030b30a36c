// Statuses that do not come from comparing text: skip, nocheck, unsupported, engine failures.
import { describe, expect, it } from "vitest";
import { checkLesson } from "../../src/check/check-lesson.js";
import { summarize, summaryFails } from "../../src/check/summary.js";
import type { CellRun } from "../../src/runners/types.js";
import { buildLesson, engineFor, ok, raised, runsOf } from "./lesson-builder.js";

const engine = engineFor("3.13");

describe("cell options", () => {
  it("skip: skipped, not run, nothing compared", () => {
    const lesson = buildLesson([{ source: "input()", outputs: ["anything"], options: { skip: true } }]);
    const cell = checkLesson(lesson, runsOf(), engine).cells[0]!;
    expect(cell).toMatchObject({ status: "skipped", expected: null, actual: null, message: "skipped (skip)" });
  });

  it("nocheck: a clean run is skipped with a message, output kept as actual", () => {
    const lesson = buildLesson([{ source: "print(time.time())", outputs: ["1700000000.0"], options: { nocheck: true } }]);
    const cell = checkLesson(lesson, runsOf(ok(0, "1712345678.9\n")), engine).cells[0]!;
    expect(cell).toMatchObject({ status: "skipped", message: "not compared (nocheck)", actual: "1712345678.9\n" });
  });

  it("nocheck: an exception is output too, not a failure", () => {
    const lesson = buildLesson([{ source: "f()", options: { nocheck: true } }]);
    const cell = checkLesson(lesson, runsOf(raised(0, "", "ValueError", "x")), engine).cells[0]!;
    expect(cell.status).toBe("skipped");
    expect(cell.actual).toBe("ValueError: x\n");
  });

  it("nocheck: engine failures are still errors", () => {
    const lesson = buildLesson([{ source: "while True: pass", options: { nocheck: true } }]);
    const run: CellRun = { index: 0, status: "timeout", output: "", engineMessage: "the cell ran longer than 10 s", durationMs: 10_000 };
    const cell = checkLesson(lesson, runsOf(run), engine).cells[0]!;
    expect(cell).toMatchObject({ status: "error", message: "timeout: the cell ran longer than 10 s" });
  });
});

describe("engine results", () => {
  it("unsupported names the feature and the line, and is never a pass", () => {
    const lesson = buildLesson([{ source: "import numpy", outputs: [""] }]);
    const run: CellRun = { index: 0, status: "unsupported", output: "", unsupported: { feature: "module numpy", line: 12 }, durationMs: 1 };
    const cell = checkLesson(lesson, runsOf(run), engine).cells[0]!;
    expect(cell).toMatchObject({ status: "unsupported", message: "unsupported: module numpy (line 12)" });
  });

  it("crash and error carry the engine's message", () => {
    const lesson = buildLesson([{ source: "a" }, { source: "b" }]);
    const result = checkLesson(
      lesson,
      runsOf(
        { index: 0, status: "crash", output: "", engineMessage: "python exited with signal SIGSEGV", durationMs: 1 },
        { index: 1, status: "error", output: "", engineMessage: "driver protocol error", durationMs: 1 },
      ),
      engine,
    );
    expect(result.cells.map((cell) => [cell.status, cell.message])).toEqual([
      ["error", "crash: python exited with signal SIGSEGV"],
      ["error", "engine error: driver protocol error"],
    ]);
  });

  it("a missing run is an error, not a pass", () => {
    const lesson = buildLesson([{ source: "x = 1" }]);
    expect(checkLesson(lesson, runsOf(), engine).cells[0]!.status).toBe("error");
  });

  it("results carry the cell's fence line, index and duration", () => {
    const lesson = buildLesson([{ source: "x = 1" }, { source: "print(2)", outputs: ["2"] }]);
    const result = checkLesson(lesson, runsOf(ok(0, ""), ok(1, "2\n")), engine);
    expect(result.cells[1]).toMatchObject({
      index: 1,
      line: lesson.cells[1]!.span.start.line,
      status: "pass",
      expected: "2\n",
      actual: "2\n",
      message: null,
      durationMs: 3,
    });
    expect(result.path).toBe(lesson.path);
    expect(result.title).toBe("Sample");
  });
});

describe("summarize", () => {
  it("counts every status over lessons and over cells", () => {
    const lesson = buildLesson([
      { source: "print(1)", outputs: ["1"] },
      { source: "print(1)", outputs: ["2"] },
      { source: "x", options: { skip: true } },
      { source: "y" },
    ]);
    const result = checkLesson(lesson, runsOf(ok(0, "1\n"), ok(1, "1\n")), engine);
    const expected = { pass: 1, fail: 1, drift: 0, unsupported: 0, skipped: 1, error: 1 };
    expect(summarize([result])).toEqual(expected);
    expect(summarize(result.cells)).toEqual(expected);
    expect(summarize([result, result]).fail).toBe(2);
  });

  it("says which summaries fail a check", () => {
    const zero = { pass: 3, fail: 0, drift: 0, unsupported: 0, skipped: 2, error: 0 };
    expect(summaryFails(zero)).toBe(false);
    expect(summaryFails({ ...zero, drift: 1 })).toBe(true);
    expect(summaryFails({ ...zero, unsupported: 1 })).toBe(true);
    expect(summaryFails({ ...zero, error: 1 })).toBe(true);
  });
});
