// Exceptions: the last traceback line, full traceback blocks (doctest's rule) and raises=.
import { describe, expect, it } from "vitest";
import { checkLesson } from "../../src/check/check-lesson.js";
import { exceptionLine } from "../../src/check/exceptions.js";
import { buildLesson, engineFor, ok, outputLine, raised, runsOf } from "./lesson-builder.js";

const engine = engineFor("3.12");

describe("the compared actual text", () => {
  it("is the output followed by the exception's last traceback line", () => {
    const lesson = buildLesson([{ source: "print('a')\n1/0", outputs: ["a\nZeroDivisionError: division by zero"] }]);
    const cell = checkLesson(lesson, runsOf(raised(0, "a\n", "ZeroDivisionError", "division by zero")), engine).cells[0]!;
    expect(cell.status).toBe("pass");
    expect(cell.actual).toBe("a\nZeroDivisionError: division by zero\n");
  });

  it("shows only the type when the message is empty", () => {
    expect(exceptionLine({ type: "StopIteration", message: "", traceback: "" })).toBe("StopIteration");
    const lesson = buildLesson([{ source: "next(iter([]))", outputs: ["StopIteration"] }]);
    expect(checkLesson(lesson, runsOf(raised(0, "", "StopIteration", "")), engine).cells[0]!.status).toBe("pass");
  });

  it("fails an exception the lesson does not show, saying so", () => {
    const lesson = buildLesson([{ source: "print('a')\nf()", outputs: ["a"] }]);
    const cell = checkLesson(lesson, runsOf(raised(0, "a\n", "NameError", "name 'f' is not defined")), engine).cells[0]!;
    expect(cell.status).toBe("fail");
    expect(cell.message).toBe("unexpected exception: NameError: name 'f' is not defined");
  });

  it("fails a different exception message", () => {
    const lesson = buildLesson([{ source: "d['x']", outputs: ["KeyError: 'x'"] }]);
    expect(checkLesson(lesson, runsOf(raised(0, "", "KeyError", "'y'")), engine).cells[0]!.status).toBe("fail");
  });
});

describe("full traceback blocks", () => {
  const traceback = [
    "before",
    "Traceback (most recent call last):",
    '  File "C:\\Users\\someone\\x.py", line 3, in <module>',
    "    f()",
    '  File "C:\\Users\\someone\\x.py", line 1, in f',
    "    return 1/0",
    "ZeroDivisionError: division by zero",
  ].join("\n");

  it("compare only the header and the last line", () => {
    const lesson = buildLesson([{ source: "print('before')\nf()", outputs: [traceback] }]);
    const cell = checkLesson(lesson, runsOf(raised(0, "before\n", "ZeroDivisionError", "division by zero")), engine).cells[0]!;
    expect(cell.status).toBe("pass");
  });

  it("still compare the last line", () => {
    const lesson = buildLesson([{ source: "f()", outputs: [traceback] }]);
    const cell = checkLesson(lesson, runsOf(raised(0, "before\n", "ZeroDivisionError", "integer modulo by zero")), engine).cells[0]!;
    expect(cell.status).toBe("fail");
    expect(cell.message).toContain(`line ${outputLine(lesson, 0, 6)}: expected "ZeroDivisionError: division by zero"`);
  });

  it("require that the cell raised", () => {
    const lesson = buildLesson([{ source: "f()", outputs: [traceback] }]);
    const cell = checkLesson(lesson, runsOf(ok(0, "before\nZeroDivisionError: division by zero\n")), engine).cells[0]!;
    expect(cell.status).toBe("fail");
    expect(cell.message).toBe(`expected an exception (traceback at line ${outputLine(lesson, 0, 1)}), but the cell raised none`);
  });

  it("are recognised in IPython's layout", () => {
    const ipython = [
      "---------------------------------------------------------------------------",
      "ZeroDivisionError                         Traceback (most recent call last)",
      "Cell In[3], line 1",
      "----> 1 1/0",
      "",
      "ZeroDivisionError: division by zero",
    ].join("\n");
    const lesson = buildLesson([{ source: "1/0", outputs: [ipython] }]);
    expect(checkLesson(lesson, runsOf(raised(0, "", "ZeroDivisionError", "division by zero")), engine).cells[0]!.status).toBe("pass");
  });
});

describe("raises=", () => {
  it("passes when the cell ends with that exception", () => {
    const lesson = buildLesson([{ source: "1 + 'a'", outputs: ["TypeError: unsupported operand"], options: { raises: "TypeError" } }]);
    expect(checkLesson(lesson, runsOf(raised(0, "", "TypeError", "unsupported operand")), engine).cells[0]!.status).toBe("pass");
  });

  it("compares the output without the exception line when the lesson does not show it", () => {
    const lesson = buildLesson([{ source: "print('x')\n1 + 'a'", outputs: ["x"], options: { raises: "TypeError" } }]);
    expect(checkLesson(lesson, runsOf(raised(0, "x\n", "TypeError", "whatever")), engine).cells[0]!.status).toBe("pass");
    expect(checkLesson(lesson, runsOf(raised(0, "y\n", "TypeError", "whatever")), engine).cells[0]!.status).toBe("fail");
  });

  it("fails when nothing was raised", () => {
    const lesson = buildLesson([{ source: "1 + 1", options: { raises: "TypeError" } }]);
    const cell = checkLesson(lesson, runsOf(ok(0, "")), engine).cells[0]!;
    expect(cell.status).toBe("fail");
    expect(cell.message).toBe("expected TypeError to be raised, but the cell raised nothing");
  });

  it("fails on another exception, naming it", () => {
    const lesson = buildLesson([{ source: "int('x')", options: { raises: "TypeError" } }]);
    const cell = checkLesson(lesson, runsOf(raised(0, "", "ValueError", "invalid literal")), engine).cells[0]!;
    expect(cell.status).toBe("fail");
    expect(cell.message).toBe("expected TypeError to be raised, but the cell raised ValueError: invalid literal");
    expect(cell.diff).toContain("+ValueError: invalid literal");
  });

  it("accepts a qualified exception name for a short one", () => {
    const lesson = buildLesson([{ source: "json.loads('x')", options: { raises: "JSONDecodeError" } }]);
    const run = raised(0, "", "json.decoder.JSONDecodeError", "Expecting value");
    expect(checkLesson(lesson, runsOf(run), engine).cells[0]!.status).toBe("pass");
  });
});
