// GitHub workflow commands: annotations on lesson lines, with GitHub's escaping.
import { describe, expect, it } from "vitest";
import type { LessonResult } from "../../src/check/types.js";
import { escapeData, escapeProperty, workflowCommand } from "../../src/report/github-escape.js";
import { GithubReporter } from "../../src/report/github.js";
import { replay, reportOf, sampleResults, StringStream } from "./helpers.js";

describe("escaping", () => {
  it("escapes %, CR and LF in messages", () => {
    expect(escapeData("100% done\r\nnext: a, b")).toBe("100%25 done%0D%0Anext: a, b");
  });

  it("also escapes : and , in properties", () => {
    expect(escapeProperty("C:\\lessons\\a,b.md\n%")).toBe("C%3A\\lessons\\a%2Cb.md%0A%25");
  });

  it("escapes % first so escapes are not escaped twice", () => {
    expect(escapeData("%0A")).toBe("%250A");
  });

  it("builds a command with properties in order", () => {
    expect(workflowCommand("error", { file: "a.md", line: 3, col: 2, title: "t: x" }, "m")).toBe(
      "::error file=a.md,line=3,col=2,title=t%3A x::m\n",
    );
    expect(workflowCommand("warning", {}, "plain")).toBe("::warning::plain\n");
  });
});

describe("github reporter", () => {
  const stream = new StringStream();
  const report = reportOf(sampleResults());
  replay(new GithubReporter({ stream }), report);
  const lines = stream.text.split("\n").filter((line) => line !== "");

  it("writes one ::error per failing, drifting, unsupported or erroring cell", () => {
    const commands = lines.filter((line) => line.startsWith("::"));
    expect(commands).toHaveLength(4);
    expect(commands.every((line) => line.startsWith("::error file=lessons/"))).toBe(true);
    expect(commands.some((line) => line.includes("title=lessonkit%3A drift (cell 0)"))).toBe(true);
  });

  it("points a fail at the expected output fence and puts the diff in the message", () => {
    const basics = report.lessons[0]!;
    const failed = basics.cells[1]!;
    const command = lines.find((line) => line.includes("title=lessonkit%3A fail (cell 1)"))!;
    expect(command).toContain(`file=lessons/basics.md,line=${failed.expectedLine},`);
    expect(command).toContain("%0A%0A--- lessons/basics.md");
    expect(command).not.toMatch(/[\r\n]/u);
  });

  it("keeps every command on one line", () => {
    expect(stream.text.split("\n").filter((line) => line.startsWith("::")).length).toBe(4);
  });

  it("ends with a plain summary line", () => {
    expect(lines[lines.length - 1]).toBe("2 lessons, 7 cells: 2 passed, 1 failed, 1 drifted, 1 unsupported, 1 errors, 1 skipped (sim 3.13)");
  });

  it("annotates lesson parse messages by severity", () => {
    const lesson: LessonResult = {
      path: "lessons/m.md",
      title: "M",
      cells: [],
      messages: [
        { file: "lessons/m.md", line: 4, column: 7, ruleId: "lesson/orphan-output", severity: "warning", reason: "output fence, no code: ignored" },
        { file: "lessons/m.md", line: 9, column: 1, ruleId: "lesson/bad-range", severity: "error", reason: 'python="3.x" is not a range' },
      ],
    };
    const out = new StringStream();
    replay(new GithubReporter({ stream: out }), reportOf([lesson]));
    expect(out.text).toContain("::warning file=lessons/m.md,line=4,col=7,title=lessonkit lesson/orphan-output::output fence, no code: ignored\n");
    expect(out.text).toContain('::error file=lessons/m.md,line=9,col=1,title=lessonkit lesson/bad-range::python="3.x" is not a range\n');
  });
});
