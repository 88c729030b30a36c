// `--reporter junit`: JUnit XML for CI servers, one testsuite per lesson, one testcase per cell.
//
// Mapping: fail and drift are <failure>; error and unsupported are <error> (the cell could not
// be judged); skipped is <skipped>. A lesson's parse messages become one extra testcase named
// "lesson messages": an <error> when any is an error, otherwise a passing case whose
// <system-out> lists the warnings.
import { engineLabel } from "../check/engine-label.js";
import type { CellResult, CheckReport, LessonResult } from "../check/types.js";
import type { LessonMessage } from "../lesson/types.js";
import { BaseReporter } from "./reporter.js";
import { escapeXmlAttribute as attribute, escapeXmlText as text } from "./xml.js";

interface Counts {
  tests: number;
  failures: number;
  errors: number;
  skipped: number;
  seconds: number;
}

export const MESSAGES_TESTCASE = "lesson messages";

export class JunitReporter extends BaseReporter {
  override onEnd(report: CheckReport): void {
    const suites = report.lessons.map((lesson) => suiteOf(lesson, engineLabel(report.runner)));
    const total: Counts = { tests: 0, failures: 0, errors: 0, skipped: 0, seconds: 0 };
    for (const suite of suites) {
      total.tests += suite.counts.tests;
      total.failures += suite.counts.failures;
      total.errors += suite.counts.errors;
      total.skipped += suite.counts.skipped;
      total.seconds += suite.counts.seconds;
    }
    const lines = [
      `<?xml version="1.0" encoding="UTF-8"?>`,
      `<testsuites name="lessonkit" ${countAttributes(total)}>`,
      ...suites.flatMap((suite) => suite.lines),
      `</testsuites>`,
    ];
    this.stream.write(`${lines.join("\n")}\n`);
  }
}

function countAttributes(counts: Counts): string {
  return (
    `tests="${counts.tests}" failures="${counts.failures}" errors="${counts.errors}" ` +
    `skipped="${counts.skipped}" time="${counts.seconds.toFixed(3)}"`
  );
}

function suiteOf(lesson: LessonResult, runner: string): { counts: Counts; lines: string[] } {
  const counts: Counts = { tests: 0, failures: 0, errors: 0, skipped: 0, seconds: 0 };
  const cases: string[] = [];
  for (const cell of lesson.cells) {
    counts.tests += 1;
    counts.seconds += (cell.durationMs ?? 0) / 1000;
    if (cell.status === "fail" || cell.status === "drift") counts.failures += 1;
    if (cell.status === "error" || cell.status === "unsupported") counts.errors += 1;
    if (cell.status === "skipped") counts.skipped += 1;
    cases.push(...testcaseOf(lesson, cell));
  }
  if (lesson.messages.length > 0) {
    counts.tests += 1;
    const failing = lesson.messages.some((message) => message.severity === "error");
    if (failing) counts.errors += 1;
    cases.push(...messagesTestcase(lesson, failing));
  }
  const name = attribute(lesson.path);
  return {
    counts,
    lines: [
      `  <testsuite name="${name}" ${countAttributes(counts)} file="${name}">`,
      `    <properties>`,
      `      <property name="title" value="${attribute(lesson.title)}"/>`,
      `      <property name="runner" value="${attribute(runner)}"/>`,
      `    </properties>`,
      ...cases,
      `  </testsuite>`,
    ],
  };
}

function testcaseOf(lesson: LessonResult, cell: CellResult): string[] {
  const seconds = ((cell.durationMs ?? 0) / 1000).toFixed(3);
  const open =
    `    <testcase name="${attribute(`cell ${cell.index} (line ${cell.line})`)}" ` +
    `classname="${attribute(lesson.path)}" file="${attribute(lesson.path)}" line="${cell.line}" time="${seconds}"`;
  const message = attribute(cell.message ?? "");
  const body = text([cell.message ?? "", cell.diff ?? ""].filter((part) => part !== "").join("\n\n"));
  switch (cell.status) {
    case "pass":
      return [`${open}/>`];
    case "skipped":
      return [`${open}>`, `      <skipped message="${message}"/>`, `    </testcase>`];
    case "fail":
    case "drift":
      return [`${open}>`, `      <failure message="${message}" type="${cell.status}">${body}</failure>`, `    </testcase>`];
    case "error":
    case "unsupported":
      return [`${open}>`, `      <error message="${message}" type="${cell.status}">${body}</error>`, `    </testcase>`];
  }
}

function messagesTestcase(lesson: LessonResult, failing: boolean): string[] {
  const open =
    `    <testcase name="${MESSAGES_TESTCASE}" classname="${attribute(lesson.path)}" ` +
    `file="${attribute(lesson.path)}" time="0.000"`;
  const listing = text(lesson.messages.map(formatMessage).join("\n"));
  if (!failing) return [`${open}>`, `      <system-out>${listing}</system-out>`, `    </testcase>`];
  const errorCount = lesson.messages.filter((message) => message.severity === "error").length;
  const summary = attribute(`${errorCount} problem${errorCount === 1 ? "" : "s"} in the lesson`);
  return [`${open}>`, `      <error message="${summary}" type="lesson">${listing}</error>`, `    </testcase>`];
}

function formatMessage(message: LessonMessage): string {
  return `${message.file}:${message.line}:${message.column} ${message.severity} ${message.ruleId} ${message.reason}`;
}
