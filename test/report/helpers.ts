// Test helpers for reporters: a string sink stream and a small checked report.
import { checkLesson } from "../../src/check/check-lesson.js";
import { summarize } from "../../src/check/summary.js";
import type { CheckReport, LessonResult } from "../../src/check/types.js";
import type { Reporter } from "../../src/report/reporter.js";
import type { EngineIdentity } from "../../src/runners/types.js";
import { buildLesson, ok, raised, runsOf } from "../check/lesson-builder.js";

export class StringStream {
  readonly chunks: string[] = [];
  constructor(
    readonly isTTY = false,
    readonly columns = 80,
  ) {}

  write(chunk: string): boolean {
    this.chunks.push(chunk);
    return true;
  }

  get text(): string {
    return this.chunks.join("");
  }
}

export const SIM: EngineIdentity = { kind: "sim", profile: "3.13" };

/** Two lessons: one with a pass, a fail, a skip, an unsupported cell; one with a drift and an error. */
export function sampleResults(): LessonResult[] {
  const first = buildLesson(
    [
      { source: "print(1)", outputs: ["1"] },
      { source: "print(2)", outputs: ["2"] },
      { source: "input()", options: { skip: true } },
      { source: "import numpy" },
    ],
    "lessons/basics.md",
  );
  const second = buildLesson(
    [
      { source: "sys.getrefcount(None)", outputs: [{ text: "4294967295", range: ">=3.12" }, { text: "1234" }] },
      { source: "while True: pass" },
      { source: "1/0", outputs: ["ZeroDivisionError: division by zero"] },
    ],
    "lessons/refcounts.md",
  );
  const firstResult = checkLesson(
    first,
    runsOf(ok(0, "1\n"), ok(1, "3\n"), {
      index: 3,
      status: "unsupported",
      output: "",
      unsupported: { feature: "module numpy", line: 30 },
      durationMs: 1,
    }),
    { identity: SIM },
  );
  const secondResult = checkLesson(
    second,
    runsOf(
      ok(0, "1234\n"),
      { index: 1, status: "timeout", output: "", engineMessage: "the cell ran longer than 10 s", durationMs: 10_000 },
      raised(2, "", "ZeroDivisionError", "division by zero"),
    ),
    { identity: SIM },
  );
  return [firstResult, secondResult];
}

export function reportOf(lessons: LessonResult[], runner: EngineIdentity = SIM): CheckReport {
  return { runner, lessons, summary: summarize(lessons) };
}

/** Feeds a reporter the events of a finished report, in order. */
export function replay(reporter: Reporter, report: CheckReport): void {
  reporter.onStart(report.runner, report.lessons.length);
  for (const lesson of report.lessons) {
    reporter.onLessonStart({ path: lesson.path });
    for (const cell of lesson.cells) reporter.onCellResult(lesson.path, cell);
    reporter.onLessonEnd(lesson);
  }
  reporter.onEnd(report);
}
