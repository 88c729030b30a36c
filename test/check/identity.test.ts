// Addresses as identity symbols across a lesson: one object stays one, two objects stay two.
import { describe, expect, it } from "vitest";
import { checkLesson } from "../../src/check/check-lesson.js";
import { buildLesson, engineFor, ok, outputLine, raised, runsOf } from "./lesson-builder.js";

const engine = engineFor("3.13");

describe("address identity", () => {
  it("passes when each expected address maps to one actual address everywhere", () => {
    const lesson = buildLesson([
      { source: "a = [1]\nprint(hex(id(a)))", outputs: ["0x2b6657bd7c8"] },
      { source: "b = a\nprint(hex(id(b)))\nprint(hex(id([])))", outputs: ["0x2b6657bd7c8\n0x2b6656d4408"] },
    ]);
    const result = checkLesson(
      lesson,
      runsOf(ok(0, "0x7f0000001000\n"), ok(1, "0x7f0000001000\n0x7f0000002000\n")),
      engine,
    );
    expect(result.cells.map((cell) => cell.status)).toEqual(["pass", "pass"]);
  });

  it("tolerates other lengths, case and zero padding in the actual address", () => {
    const lesson = buildLesson([{ source: "print(A())", outputs: ["<__main__.A object at 0x0000021257457B70>"] }]);
    const result = checkLesson(lesson, runsOf(ok(0, "<__main__.A object at 0x7f3a9c2b1d40>\n")), engine);
    expect(result.cells[0]!.status).toBe("pass");
  });

  it("fails when one object in the lesson is two objects in the run, naming the earlier binding", () => {
    const lesson = buildLesson([
      { source: "print(hex(id(a)))", outputs: ["0x2b6657bd7c8"] },
      { source: "print('x')" },
      { source: "print(hex(id(b)))", outputs: ["0x2b6657bd7c8"] },
    ]);
    const result = checkLesson(
      lesson,
      runsOf(ok(0, "0x7f0000001000\n"), ok(1, "x\n"), ok(2, "0x7f0000009000\n")),
      engine,
    );
    const third = result.cells[2]!;
    expect(third.status).toBe("fail");
    expect(third.message).toContain("identity broken");
    expect(third.message).toContain(`0x2b6657bd7c8 at line ${outputLine(lesson, 2)}`);
    expect(third.message).toContain(`at line ${outputLine(lesson, 0)} (cell 0) was 0x7f0000001000`);
    expect(third.message).toContain("one object, the run has two");
    // The diff shows the offending line even though the text lines up.
    expect(third.diff).toContain("-0x2b6657bd7c8");
    expect(third.diff).toContain("+0x7f0000009000");
  });

  it("fails when two objects in one cell are one object in the run", () => {
    const lesson = buildLesson([
      { source: "print(hex(id(a)), hex(id(b)))", outputs: ["0x2b6656d4408 0x2b6656d4988"] },
    ]);
    const result = checkLesson(lesson, runsOf(ok(0, "0x7f0000001000 0x7f0000001000\n")), engine);
    expect(result.cells[0]!.status).toBe("fail");
    expect(result.cells[0]!.message).toContain("are different objects in the lesson, but both are 0x7f0000001000");
  });

  it("fails when one object printed twice in a cell is two objects in the run", () => {
    const lesson = buildLesson([
      { source: "print(hex(id(a)))\nprint(hex(id(b)))", outputs: ["0x2b6656d4408\n0x2b6656d4408"] },
    ]);
    const cell = checkLesson(lesson, runsOf(ok(0, "0x7f0000001000\n0x7f0000002000\n")), engine).cells[0]!;
    expect(cell.status).toBe("fail");
    expect(cell.message).toContain(`same address at line ${outputLine(lesson, 0, 0)} of this cell was 0x7f0000001000`);
  });

  it("detects the two-for-one case across lines of one cell", () => {
    const lesson = buildLesson([
      { source: "print(hex(id(a)))\nprint(hex(id(b)))", outputs: ["0x2b6656d4408\n0x2b6656d4988"] },
    ]);
    const result = checkLesson(lesson, runsOf(ok(0, "0x7f0000001000\n0x7f0000001000\n")), engine);
    expect(result.cells[0]!.status).toBe("fail");
    expect(result.cells[0]!.message).toContain(`at line ${outputLine(lesson, 0, 0)} are different objects`);
  });

  it("lets the run reuse an address for a new object in a later cell", () => {
    // CPython's free lists hand a freed address to the next object: not an identity claim.
    const lesson = buildLesson([
      { source: "print(hex(id([])))", outputs: ["0x2b6656d4408"] },
      { source: "print(hex(id({})))", outputs: ["0x2b6656d4988"] },
    ]);
    const result = checkLesson(lesson, runsOf(ok(0, "0x7f0000001000\n"), ok(1, "0x7f0000001000\n")), engine);
    expect(result.cells.map((cell) => cell.status)).toEqual(["pass", "pass"]);
  });

  it("keeps identity between hex and decimal spellings of the same address", () => {
    const lesson = buildLesson([
      { source: "print(id(a))", outputs: ["2988558164424"] }, // = 0x2b7d3f2a1c8
      { source: "print(hex(id(a)))", outputs: ["0x2b7d3f2a1c8"] },
    ]);
    const good = checkLesson(lesson, runsOf(ok(0, "140000000000000\n"), ok(1, "0x7f544a44c000\n")), engine);
    expect(good.cells.map((cell) => cell.status)).toEqual(["pass", "pass"]);
    const bad = checkLesson(lesson, runsOf(ok(0, "140000000000000\n"), ok(1, "0x7f544a44c010\n")), engine);
    expect(bad.cells[1]!.status).toBe("fail");
    expect(bad.cells[1]!.message).toContain("identity broken");
  });

  it("treats decimal ids as text in cells that do not call id(", () => {
    const lesson = buildLesson([{ source: "print(a_id)", outputs: ["140000000000000"] }]);
    const result = checkLesson(lesson, runsOf(ok(0, "140000000000008\n")), engine);
    expect(result.cells[0]!.status).toBe("fail");
    expect(result.cells[0]!.message).toContain('expected "140000000000000", got "140000000000008"');
  });

  it("never lets an address stand for text that is not an address", () => {
    const lesson = buildLesson([{ source: "print(hex(id(a)))", outputs: ["0x2b6657bd7c8"] }]);
    expect(checkLesson(lesson, runsOf(ok(0, "0xff\n")), engine).cells[0]!.status).toBe("fail");
    expect(checkLesson(lesson, runsOf(ok(0, "hello\n")), engine).cells[0]!.status).toBe("fail");
    // A decimal spelling where the lesson shows hex is a different text.
    const withId = buildLesson([{ source: "print(hex(id(a)))", outputs: ["0x2b6657bd7c8"] }]);
    expect(checkLesson(withId, runsOf(ok(0, "140000000000000\n")), engine).cells[0]!.status).toBe("fail");
  });

  it("does not keep bindings from a failing cell", () => {
    const lesson = buildLesson([
      { source: "print(hex(id(a)), 'one')", outputs: ["0x2b6657bd7c8 one"] },
      { source: "print(hex(id(a)))", outputs: ["0x2b6657bd7c8"] },
    ]);
    const result = checkLesson(lesson, runsOf(ok(0, "0x7f0000001000 two\n"), ok(1, "0x7f0000002000\n")), engine);
    expect(result.cells.map((cell) => cell.status)).toEqual(["fail", "pass"]);
  });

  it("forgets bindings after the engine crashed and restarted", () => {
    const lesson = buildLesson([
      { source: "print(hex(id(a)))", outputs: ["0x2b6657bd7c8"] },
      { source: "crash()" },
      { source: "print(hex(id(a)))", outputs: ["0x2b6657bd7c8"] },
    ]);
    const runs = runsOf(
      ok(0, "0x7f0000001000\n"),
      { index: 1, status: "crash", output: "", engineMessage: "the interpreter died (SIGSEGV)", durationMs: 1 },
      ok(2, "0x7f0000005000\n"),
    );
    const result = checkLesson(lesson, runs, engine);
    expect(result.cells.map((cell) => cell.status)).toEqual(["pass", "error", "pass"]);
  });

  it("keeps identity through exception lines", () => {
    const lesson = buildLesson([
      { source: "print(hex(id(a)))", outputs: ["0x2b6657bd7c8"] },
      { source: "f(a)", outputs: ["ValueError: bad object at 0x2b6657bd7c8"] },
    ]);
    const good = checkLesson(
      lesson,
      runsOf(ok(0, "0x7f0000001000\n"), raised(1, "", "ValueError", "bad object at 0x7f0000001000")),
      engine,
    );
    expect(good.cells.map((cell) => cell.status)).toEqual(["pass", "pass"]);
    const bad = checkLesson(
      lesson,
      runsOf(ok(0, "0x7f0000001000\n"), raised(1, "", "ValueError", "bad object at 0x7f0000003000")),
      engine,
    );
    expect(bad.cells[1]!.status).toBe("fail");
  });

  it("cannot be fooled by an address spelled inside other text", () => {
    // Text substitution would turn both lines into "<ADDR>"; token alignment keeps "x" apart.
    const lesson = buildLesson([{ source: "print(s)", outputs: ["0x2b6657bd7c8"] }]);
    expect(checkLesson(lesson, runsOf(ok(0, "x0x7f0000001000\n")), engine).cells[0]!.status).toBe("fail");
    expect(checkLesson(lesson, runsOf(ok(0, "0x7f0000001000 \n")), engine).cells[0]!.status).toBe("pass");
  });
});
