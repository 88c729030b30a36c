// Per-version outputs: the first range containing the engine's version wins; drift otherwise.
import { describe, expect, it } from "vitest";
import { checkLesson } from "../../src/check/check-lesson.js";
import { selectOutput } from "../../src/check/select-output.js";
import { parseVersion } from "../../src/versions/version.js";
import { buildLesson, engineFor, ok, runsOf } from "./lesson-builder.js";

const refcountCell = {
  source: "sys.getrefcount(None)",
  outputs: [
    { text: "4294967295", range: ">=3.12,<3.14" },
    { text: "3221225472", range: ">=3.14" },
    { text: "1234" },
  ],
};

describe("choosing the output", () => {
  it("takes the first output whose range contains the version", () => {
    const lesson = buildLesson([refcountCell]);
    expect(selectOutput(lesson.cells[0]!.outputs, parseVersion("3.12.1")).output?.text).toBe("4294967295\n");
    expect(selectOutput(lesson.cells[0]!.outputs, parseVersion("3.14")).output?.text).toBe("3221225472\n");
  });

  it("falls back to the output without a range", () => {
    const lesson = buildLesson([refcountCell]);
    const choice = selectOutput(lesson.cells[0]!.outputs, parseVersion("3.9"));
    expect(choice.output?.text).toBe("1234\n");
    expect(choice.covered).toBe(true);
  });

  it("prefers the first match when ranges overlap", () => {
    const lesson = buildLesson([{ source: "x", outputs: [{ text: "a", range: ">=3.8" }, { text: "b", range: ">=3.10" }] }]);
    expect(selectOutput(lesson.cells[0]!.outputs, parseVersion("3.11")).output?.text).toBe("a\n");
  });

  it("uses the engine's profile or version when none is given", () => {
    const lesson = buildLesson([refcountCell]);
    const sim = checkLesson(lesson, runsOf(ok(0, "3221225472\n")), engineFor("3.14"));
    expect(sim.cells[0]!.status).toBe("pass");
    const python = checkLesson(lesson, runsOf(ok(0, "4294967295\n")), {
      identity: { kind: "python", executable: "/usr/bin/python3.12", version: "3.12.1", kernel: "emulated" },
    });
    expect(python.cells[0]!.status).toBe("pass");
  });

  it("lets an explicit version override the identity", () => {
    const lesson = buildLesson([refcountCell]);
    const result = checkLesson(lesson, runsOf(ok(0, "1234\n")), { ...engineFor("3.13"), version: { major: 3, minor: 9 } });
    expect(result.cells[0]!.status).toBe("pass");
  });
});

describe("drift", () => {
  it("is reported when the run matches only another version's output, naming its range", () => {
    const lesson = buildLesson([refcountCell]);
    const cell = checkLesson(lesson, runsOf(ok(0, "3221225472\n")), engineFor("3.12")).cells[0]!;
    expect(cell.status).toBe("drift");
    expect(cell.message).toContain('matches the output python=">=3.14"');
    expect(cell.message).toContain('not the one for Python 3.12, python=">=3.12,<3.14"');
    expect(cell.expected).toBe("4294967295\n");
    expect(cell.expectedLine).toBe(lesson.cells[0]!.outputs[0]!.span.start.line);
  });

  it("is reported when the run matches the default output but a range claimed this version", () => {
    const lesson = buildLesson([refcountCell]);
    const cell = checkLesson(lesson, runsOf(ok(0, "1234\n")), engineFor("3.13")).cells[0]!;
    expect(cell.status).toBe("drift");
    expect(cell.message).toContain("matches the output without a version range");
  });

  it("is a fail when the run matches no recorded output", () => {
    const lesson = buildLesson([refcountCell]);
    const cell = checkLesson(lesson, runsOf(ok(0, "99\n")), engineFor("3.13")).cells[0]!;
    expect(cell.status).toBe("fail");
    expect(cell.diff).toContain("-4294967295");
  });

  it("applies when no output is recorded for the version at all", () => {
    const lesson = buildLesson([{ source: "x", outputs: [{ text: "new", range: ">=3.12" }] }]);
    const drift = checkLesson(lesson, runsOf(ok(0, "new\n")), engineFor("3.9")).cells[0]!;
    expect(drift.status).toBe("drift");
    expect(drift.message).toContain("no output is recorded for Python 3.9");
    const fail = checkLesson(lesson, runsOf(ok(0, "old\n")), engineFor("3.9")).cells[0]!;
    expect(fail.status).toBe("fail");
    expect(fail.message).toContain("no output is recorded for Python 3.9");
  });

  it("commits the identity bindings of the output that matched", () => {
    const lesson = buildLesson([
      {
        source: "print(hex(id(a)))",
        outputs: [{ text: "new 0x2b6656d4408", range: ">=3.12" }, { text: "old 0x2b6656d4408" }],
      },
      { source: "print(hex(id(a)))", outputs: ["0x2b6656d4408"] },
    ]);
    const result = checkLesson(lesson, runsOf(ok(0, "old 0x7f0000001000\n"), ok(1, "0x7f0000002000\n")), engineFor("3.12"));
    expect(result.cells.map((cell) => cell.status)).toEqual(["drift", "fail"]);
  });
});

describe("no output fence", () => {
  it("means the cell must print nothing", () => {
    const lesson = buildLesson([{ source: "x = 1" }]);
    expect(checkLesson(lesson, runsOf(ok(0, "")), engineFor("3.12")).cells[0]!.status).toBe("pass");
    expect(checkLesson(lesson, runsOf(ok(0, "\n  \n")), engineFor("3.12")).cells[0]!.status).toBe("pass");
    const cell = checkLesson(lesson, runsOf(ok(0, "1\n")), engineFor("3.12")).cells[0]!;
    expect(cell.status).toBe("fail");
    expect(cell.message).toBe('the cell must print nothing (no output fence), but it printed "1"');
    expect(cell.expected).toBe("");
  });
});
