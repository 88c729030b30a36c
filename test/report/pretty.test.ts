// The pretty reporter: failing cells with place, message and diff; colours; progress; summary.
import { describe, expect, it } from "vitest";
import { describeRuns } from "../../src/check/actuals.js";
import type { LessonResult } from "../../src/check/types.js";
import { PrettyReporter } from "../../src/report/pretty.js";
import { buildLesson, ok, runsOf } from "../check/lesson-builder.js";
import { replay, reportOf, sampleResults, SIM, StringStream } from "./helpers.js";

const ESC = "\u001b[";

/** A clock the test moves by hand. */
function fakeClock(): { now: () => number; advance: (ms: number) => void } {
  let time = 0;
  return { now: () => time, advance: (ms) => (time += ms) };
}

describe("pretty reporter, plain stream", () => {
  const stream = new StringStream(false);
  const report = reportOf(sampleResults());
  replay(new PrettyReporter({ stream, env: {} }), report);
  const text = stream.text;

  it("prints one line per cell that is not a pass or a skip, with file:line and message", () => {
    const basics = report.lessons[0]!;
    expect(text).toContain(`FAIL lessons/basics.md:${basics.cells[1]!.expectedLine} cell 1: line `);
    expect(text).toContain(`UNSUPPORTED lessons/basics.md:${basics.cells[3]!.line} cell 3: unsupported: module numpy (line 30)`);
    expect(text).toContain("DRIFT lessons/refcounts.md:");
    expect(text).toContain("ERROR lessons/refcounts.md:");
    expect(text).not.toMatch(/basics\.md:\d+ cell 0: /u);
    expect(text.split("\n").filter((line) => /^(FAIL|DRIFT|UNSUPPORTED|ERROR) /u.test(line))).toHaveLength(4);
  });

  it("indents the diff under the failing cell", () => {
    expect(text).toMatch(/\n {4}--- lessons\/basics.md:\d+ \(expected\)\n {4}\+\+\+ actual \(sim 3.13\)\n {4}@@/u);
    expect(text).toContain("\n    -2\n    +3\n");
  });

  it("has no colour codes and no progress line off a terminal", () => {
    expect(text).not.toContain(ESC);
    expect(text).not.toContain("[1/2]");
  });

  it("ends with a summary of counts, engine and time", () => {
    const last = text.trimEnd().split("\n").pop();
    expect(last).toMatch(/^2 lessons, 7 cells: 2 passed, 1 failed, 1 drifted, 1 unsupported, 1 errors, 1 skipped \(sim 3.13, \d+ms\)$/u);
  });
});

describe("colours", () => {
  it("are used on a terminal", () => {
    const stream = new StringStream(true);
    replay(new PrettyReporter({ stream, env: {} }), reportOf(sampleResults()));
    expect(stream.text).toContain(`${ESC}31mFAIL${ESC}39m`);
  });

  it("are off when NO_COLOR is set, even on a terminal", () => {
    const stream = new StringStream(true);
    replay(new PrettyReporter({ stream, env: { NO_COLOR: "1" } }), reportOf(sampleResults()));
    expect(stream.text).not.toContain(`${ESC}31m`);
  });

  it("stay on when NO_COLOR is empty", () => {
    const stream = new StringStream(true);
    replay(new PrettyReporter({ stream, env: { NO_COLOR: "" } }), reportOf(sampleResults()));
    expect(stream.text).toContain(`${ESC}31m`);
  });
});

describe("progress line", () => {
  function clean(path: string): LessonResult {
    return { path, title: path, cells: [{ index: 0, line: 3, status: "pass", expected: "", actual: "", message: null }], messages: [] };
  }

  it("appears on a terminal once the run is long, and is erased before other output", () => {
    const stream = new StringStream(true);
    const clock = fakeClock();
    const reporter = new PrettyReporter({ stream, env: { NO_COLOR: "1" }, now: clock.now, progressDelayMs: 1000 });
    const lessons = [clean("lessons/a.md"), sampleResults()[0]!, clean("lessons/c.md")];
    reporter.onStart(SIM, 3);
    reporter.onLessonStart({ path: "lessons/a.md" });
    reporter.onLessonEnd(lessons[0]!);
    expect(stream.text).toBe(""); // a short run stays quiet
    clock.advance(1500);
    reporter.onLessonStart({ path: "lessons/basics.md" });
    expect(stream.text).toBe("\r\u001b[K[2/3] lessons/basics.md");
    reporter.onLessonEnd(lessons[1]!);
    // The failure report starts by erasing the progress line.
    expect(stream.chunks[1]).toBe("\r\u001b[K");
    expect(stream.chunks[2]).toMatch(/^FAIL /u);
    reporter.onLessonStart({ path: "lessons/c.md" });
    reporter.onLessonEnd(lessons[2]!);
    reporter.onEnd(reportOf(lessons));
    const summaryIndex = stream.chunks.findIndex((chunk) => chunk.includes("3 lessons"));
    expect(stream.chunks[summaryIndex - 1]).toBe("\r\u001b[K");
    expect(stream.chunks[summaryIndex]).toContain("(sim 3.13, 1.50s)");
  });

  it("is cut to the terminal width", () => {
    const stream = new StringStream(true, 20);
    const clock = fakeClock();
    const reporter = new PrettyReporter({ stream, env: { NO_COLOR: "1" }, now: clock.now, progressDelayMs: 0 });
    reporter.onStart(SIM, 1);
    reporter.onLessonStart({ path: "lessons/a-very-long-lesson-name.md" });
    // 19 characters: one column is left free so the terminal does not wrap.
    expect(stream.text).toBe("\r\u001b[K[1/1] lessons/a-ver");
  });
});

describe("lesson messages", () => {
  it("are printed as file:line:col rule reason", () => {
    const stream = new StringStream(false);
    const lesson: LessonResult = {
      path: "lessons/m.md",
      title: "M",
      cells: [],
      messages: [{ file: "lessons/m.md", line: 4, column: 7, ruleId: "lesson/orphan-output", severity: "warning", reason: "output fence without code" }],
    };
    replay(new PrettyReporter({ stream, env: {} }), reportOf([lesson]));
    expect(stream.text).toContain("lessons/m.md:4:7 lesson/orphan-output output fence without code\n");
  });
});

describe("run mode", () => {
  it("prints each cell's actual output under a header", () => {
    const lesson = buildLesson([{ source: "print(1)" }, { source: "x = 1" }, { source: "input()", options: { skip: true } }], "lessons/r.md");
    const stream = new StringStream(false);
    replay(new PrettyReporter({ stream, mode: "run", env: {} }), reportOf([describeRuns(lesson, runsOf(ok(0, "1\n"), ok(1, "")))]));
    const lines = stream.text.split("\n");
    const header = `── lessons/r.md:${lesson.cells[0]!.span.start.line} cell 0`;
    expect(lines[lines.indexOf(header) + 1]).toBe("1");
    expect(stream.text).toContain(`cell 2 SKIPPED skipped (skip)`);
    expect(stream.text).toMatch(/1 lesson, 3 cells run \(sim 3.13, \d+ms\)/u);
    expect(stream.text).not.toContain("passed");
  });
});
