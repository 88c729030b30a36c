// The JSON reporter follows the DESIGN.md contract exactly, for check and for run.
import { describe, expect, it } from "vitest";
import { describeRuns } from "../../src/check/actuals.js";
import { JsonReporter } from "../../src/report/json.js";
import { buildLesson, ok, runsOf } from "../check/lesson-builder.js";
import { replay, reportOf, sampleResults, SIM, StringStream } from "./helpers.js";

const STATUSES = ["pass", "fail", "drift", "unsupported", "skipped", "error"];

/** Asserts the contract's shape: exactly these keys, these types. */
function assertCheckContract(value: unknown): void {
  const report = value as Record<string, unknown>;
  expect(Object.keys(report)).toEqual(["runner", "lessons", "summary"]);
  const runner = report["runner"] as Record<string, unknown>;
  if (runner["kind"] === "sim") {
    expect(Object.keys(runner)).toEqual(["kind", "profile"]);
    expect(typeof runner["profile"]).toBe("string");
  } else {
    expect(Object.keys(runner)).toEqual(["kind", "executable", "version"]);
  }
  expect(Array.isArray(report["lessons"])).toBe(true);
  for (const lesson of report["lessons"] as Record<string, unknown>[]) {
    expect(Object.keys(lesson)).toEqual(["path", "cells"]);
    expect(typeof lesson["path"]).toBe("string");
    for (const cell of lesson["cells"] as Record<string, unknown>[]) {
      expect(Object.keys(cell)).toEqual(["index", "line", "status", "expected", "actual", "message"]);
      expect(Number.isInteger(cell["index"])).toBe(true);
      expect(Number.isInteger(cell["line"])).toBe(true);
      expect(STATUSES).toContain(cell["status"]);
      for (const key of ["expected", "actual", "message"]) {
        expect(cell[key] === null || typeof cell[key] === "string").toBe(true);
      }
      if (cell["status"] === "pass") expect(cell["message"]).toBeNull();
    }
  }
  const summary = report["summary"] as Record<string, unknown>;
  expect(Object.keys(summary)).toEqual(STATUSES);
  for (const status of STATUSES) expect(Number.isInteger(summary[status])).toBe(true);
}

describe("json reporter (check)", () => {
  it("prints one object in the contract's shape", () => {
    const stream = new StringStream();
    const report = reportOf(sampleResults());
    replay(new JsonReporter({ stream }), report);
    const printed = JSON.parse(stream.text) as Record<string, unknown>;
    assertCheckContract(printed);
    expect(printed["runner"]).toEqual({ kind: "sim", profile: "3.13" });
    expect(printed["summary"]).toEqual({ pass: 2, fail: 1, drift: 1, unsupported: 1, skipped: 1, error: 1 });
  });

  it("reports the contract example exactly", () => {
    const lesson = buildLesson([{ source: "sys.getrefcount(a)", outputs: ["2"] }], "lessons/x.md");
    const stream = new StringStream();
    const report = reportOf([
      { path: lesson.path, title: lesson.title, cells: [{ index: 0, line: 12, status: "pass", expected: "2\n", actual: "2\n", message: null, durationMs: 5, expectedLine: 17 }], messages: [] },
    ]);
    replay(new JsonReporter({ stream }), report);
    expect(JSON.parse(stream.text)).toEqual({
      runner: { kind: "sim", profile: "3.13" },
      lessons: [{ path: "lessons/x.md", cells: [{ index: 0, line: 12, status: "pass", expected: "2\n", actual: "2\n", message: null }] }],
      summary: { pass: 1, fail: 0, drift: 0, unsupported: 0, skipped: 0, error: 0 },
    });
  });

  it("names a python runner by kind, executable and version", () => {
    const stream = new StringStream();
    const report = reportOf(sampleResults(), { kind: "python", executable: "/usr/bin/python3.11", version: "3.11.7", kernel: "ipython" });
    replay(new JsonReporter({ stream }), report);
    const printed = JSON.parse(stream.text) as Record<string, unknown>;
    assertCheckContract(printed);
    expect(printed["runner"]).toEqual({ kind: "python", executable: "/usr/bin/python3.11", version: "3.11.7" });
  });

  it("writes nothing before the end, so the output stays one object", () => {
    const stream = new StringStream();
    const reporter = new JsonReporter({ stream });
    const report = reportOf(sampleResults());
    reporter.onStart(SIM, 2);
    reporter.onLessonStart({ path: "lessons/basics.md" });
    reporter.onLessonEnd(report.lessons[0]!);
    expect(stream.text).toBe("");
  });
});

describe("json reporter (run)", () => {
  it("has the same shape with actual and no verdict", () => {
    const lesson = buildLesson(
      [{ source: "print(1)" }, { source: "input()", options: { skip: true } }, { source: "print(2)" }],
      "lessons/run.md",
    );
    const result = describeRuns(lesson, runsOf(ok(0, "1\n"), ok(2, "2\n")));
    const stream = new StringStream();
    replay(new JsonReporter({ stream, mode: "run" }), reportOf([result]));
    const printed = JSON.parse(stream.text) as { lessons: { cells: Record<string, unknown>[] }[] };
    expect(Object.keys(printed)).toEqual(["runner", "lessons"]);
    expect(printed.lessons[0]!.cells).toEqual([
      { index: 0, line: lesson.cells[0]!.span.start.line, actual: "1\n", message: null },
      { index: 1, line: lesson.cells[1]!.span.start.line, actual: null, message: "skipped (skip)" },
      { index: 2, line: lesson.cells[2]!.span.start.line, actual: "2\n", message: null },
    ]);
  });
});
