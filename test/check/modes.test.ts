// Match modes: ellipsis, regex, any, unordered and number, each with addresses still symbols.
import { describe, expect, it } from "vitest";
import { checkLesson } from "../../src/check/check-lesson.js";
import type { MatchMode } from "../../src/lesson/types.js";
import { buildLesson, engineFor, ok, parseCells, raised, runsOf } from "./lesson-builder.js";

const engine = engineFor("3.13");
const ELLIPSIS: MatchMode = { kind: "ellipsis" };

/** The status of a one-cell lesson whose expected output and actual output are given. */
function statusOf(expected: string, actual: string, match: MatchMode, source = "print(x)"): string {
  const lesson = buildLesson([{ source, outputs: [expected], options: { match } }]);
  return checkLesson(lesson, runsOf(ok(0, actual)), engine).cells[0]!.status;
}

describe("match=exact", () => {
  it("is the default and compares text exactly", () => {
    expect(statusOf("a\nb", "a\nb\n", { kind: "exact" })).toBe("pass");
    expect(statusOf("a\nb", "a\nc\n", { kind: "exact" })).toBe("fail");
    expect(statusOf("a ... b", "a x b\n", { kind: "exact" })).toBe("fail");
  });

  it("ignores line endings and trailing whitespace but not leading whitespace", () => {
    expect(statusOf("a\nb", "a  \r\nb\t\r\n\n\n", { kind: "exact" })).toBe("pass");
    expect(statusOf("a\nb", " a\nb\n", { kind: "exact" })).toBe("fail");
  });
});

describe("match=ellipsis", () => {
  it("matches any text inside a line, including nothing", () => {
    expect(statusOf("Total: ... items", "Total: 42 items\n", ELLIPSIS)).toBe("pass");
    expect(statusOf("Total: ... items", "Total:  items\n", ELLIPSIS)).toBe("pass");
    expect(statusOf("Total: ... items", "Total: 42 things\n", ELLIPSIS)).toBe("fail");
  });

  it("does not cross lines inside a line", () => {
    expect(statusOf("a...b", "a\nb\n", ELLIPSIS)).toBe("fail");
  });

  it("lets a line of only ... stand for any number of lines", () => {
    expect(statusOf("start\n...\nend", "start\nend\n", ELLIPSIS)).toBe("pass");
    expect(statusOf("start\n...\nend", "start\n1\n2\n3\nend\n", ELLIPSIS)).toBe("pass");
    expect(statusOf("start\n...\nend", "start\n1\n", ELLIPSIS)).toBe("fail");
    expect(statusOf("...", "", ELLIPSIS)).toBe("pass");
    expect(statusOf("...\n...", "x\ny\n", ELLIPSIS)).toBe("pass");
  });

  it("anchors both ends of a line", () => {
    expect(statusOf("b...", "ab\n", ELLIPSIS)).toBe("fail");
    expect(statusOf("...b", "bc\n", ELLIPSIS)).toBe("fail");
    expect(statusOf("...b...", "abc\n", ELLIPSIS)).toBe("pass");
  });

  it("backtracks to find the right end of a wildcard", () => {
    expect(statusOf("a...a...a", "aaaa\n", ELLIPSIS)).toBe("pass");
    expect(statusOf("x...yz", "xyzyz\n", ELLIPSIS)).toBe("pass");
  });

  it("accepts a wildcard written over an address (0x...) without binding it", () => {
    expect(statusOf("<A object at 0x...>", "<A object at 0x7f0000001000>\n", ELLIPSIS)).toBe("pass");
  });

  it("still treats written addresses as identity symbols", () => {
    const lesson = buildLesson([
      { source: "print(a)", outputs: ["... at 0x2b6656d4408>"], options: { match: ELLIPSIS } },
      { source: "print(a)", outputs: ["<A at 0x2b6656d4408>"] },
    ]);
    const pass = checkLesson(lesson, runsOf(ok(0, "<A at 0x7f0000001000>\n"), ok(1, "<A at 0x7f0000001000>\n")), engine);
    expect(pass.cells.map((cell) => cell.status)).toEqual(["pass", "pass"]);
    const fail = checkLesson(lesson, runsOf(ok(0, "<A at 0x7f0000001000>\n"), ok(1, "<A at 0x7f0000002000>\n")), engine);
    expect(fail.cells[1]!.status).toBe("fail");
  });

  it("chooses the wildcard extent that keeps identity", () => {
    // The first alignment would bind 0x2b6656d4408 to the first actual address; the binding
    // from cell 0 forces the second one, and the matcher must find it.
    const lesson = buildLesson([
      { source: "print(hex(id(b)))", outputs: ["0x2b6656d4408"] },
      { source: "print(a, b)", outputs: ["...0x2b6656d4408>"], options: { match: ELLIPSIS } },
    ]);
    const result = checkLesson(
      lesson,
      runsOf(ok(0, "0x7f0000002000\n"), ok(1, "<A at 0x7f0000001000> <B at 0x7f0000002000>\n")),
      engine,
    );
    expect(result.cells.map((cell) => cell.status)).toEqual(["pass", "pass"]);
  });

  it("reports a hopelessly ambiguous pattern as a fail, not a hang", () => {
    const expected = `${"...a".repeat(30)}b`;
    const lesson = buildLesson([{ source: "print(x)", outputs: [expected], options: { match: ELLIPSIS } }]);
    const started = Date.now();
    const result = checkLesson(lesson, runsOf(ok(0, `${"a".repeat(200)}c\n`)), engine);
    expect(result.cells[0]!.status).toBe("fail");
    expect(Date.now() - started).toBeLessThan(10_000);
  });
});

describe("match=regex", () => {
  const REGEX: MatchMode = { kind: "regex" };

  it("treats each expected line as a full-line regular expression", () => {
    expect(statusOf("\\d+ items", "42 items\n", REGEX)).toBe("pass");
    expect(statusOf("\\d+ items", "42 items left\n", REGEX)).toBe("fail");
    expect(statusOf("a|b", "ab\n", REGEX)).toBe("fail");
    expect(statusOf("x\ny+", "x\nyyy\n", REGEX)).toBe("pass");
    expect(statusOf("x", "x\ny\n", REGEX)).toBe("fail");
  });

  it("lets an author's own regex match any address", () => {
    expect(statusOf("<A at 0x[0-9a-f]+>", "<A at 0x7f0000001000>\n", REGEX)).toBe("pass");
  });

  it("keeps literal addresses as identity symbols", () => {
    const lesson = buildLesson([
      { source: "print(a, b)", outputs: ["<A at 0x2b6656d4408> <B at 0x2b6656d4988>"], options: { match: REGEX } },
    ]);
    expect(checkLesson(lesson, runsOf(ok(0, "<A at 0x7f0000001000> <B at 0x7f0000002000>\n")), engine).cells[0]!.status).toBe("pass");
    expect(checkLesson(lesson, runsOf(ok(0, "<A at 0x7f0000001000> <B at 0x7f0000001000>\n")), engine).cells[0]!.status).toBe("fail");
  });

  it("reports an invalid regex as a fail naming the line (the parser warns about it too)", () => {
    const lesson = parseCells([{ source: "print(x)", outputs: ["(unclosed"], options: { match: REGEX } }]);
    expect(lesson.messages.length).toBeGreaterThan(0);
    const cell = checkLesson(lesson, runsOf(ok(0, "(unclosed\n")), engine).cells[0]!;
    expect(cell.status).toBe("fail");
    expect(cell.message).toMatch(/^invalid regular expression at line \d+/u);
  });
});

describe("match=any", () => {
  const ANY: MatchMode = { kind: "any" };

  it("accepts any output", () => {
    expect(statusOf("whatever", "something else\nentirely\n", ANY)).toBe("pass");
  });

  it("still fails on an unexpected exception", () => {
    const lesson = buildLesson([{ source: "f()", outputs: ["whatever"], options: { match: ANY } }]);
    const cell = checkLesson(lesson, runsOf(raised(0, "partial\n", "KeyError", "'x'")), engine).cells[0]!;
    expect(cell.status).toBe("fail");
    expect(cell.message).toBe("unexpected exception: KeyError: 'x'");
  });

  it("accepts the exception raises= asks for", () => {
    const lesson = buildLesson([{ source: "f()", options: { match: ANY, raises: "KeyError" } }]);
    expect(checkLesson(lesson, runsOf(raised(0, "", "KeyError", "'x'")), engine).cells[0]!.status).toBe("pass");
  });
});

describe("match=unordered", () => {
  const UNORDERED: MatchMode = { kind: "unordered" };

  it("compares the multiset of lines", () => {
    expect(statusOf("a\nb\nc", "c\na\nb\n", UNORDERED)).toBe("pass");
    expect(statusOf("a\na\nb", "a\nb\nb\n", UNORDERED)).toBe("fail");
    expect(statusOf("a\nb", "a\nb\nc\n", UNORDERED)).toBe("fail");
  });

  it("keeps identity whatever the order of lines with addresses", () => {
    const lesson = buildLesson([
      { source: "print(hex(id(a)))", outputs: ["0x2b6656d4408"] },
      {
        source: "for o in objs: print(o)",
        outputs: ["A 0x2b6656d4408\nA 0x2b6656d4988"],
        options: { match: UNORDERED },
      },
    ]);
    const pass = checkLesson(
      lesson,
      runsOf(ok(0, "0x7f0000001000\n"), ok(1, "A 0x7f0000002000\nA 0x7f0000001000\n")),
      engine,
    );
    expect(pass.cells.map((cell) => cell.status)).toEqual(["pass", "pass"]);
    const fail = checkLesson(
      lesson,
      runsOf(ok(0, "0x7f0000001000\n"), ok(1, "A 0x7f0000002000\nA 0x7f0000003000\n")),
      engine,
    );
    expect(fail.cells[1]!.status).toBe("fail");
    expect(fail.cells[1]!.message).toContain("identity broken");
  });

  it("shows a sorted diff", () => {
    const lesson = buildLesson([{ source: "print(s)", outputs: ["b\na\nc"], options: { match: UNORDERED } }]);
    const cell = checkLesson(lesson, runsOf(ok(0, "c\nd\nb\n")), engine).cells[0]!;
    expect(cell.diff).toContain("-a");
    expect(cell.diff).toContain("+d");
    expect(cell.diff).not.toContain("-b");
  });
});

describe("match=number", () => {
  it("compares numbers with a relative tolerance and the rest exactly", () => {
    const mode: MatchMode = { kind: "number", rel: 1e-3, abs: 0 };
    expect(statusOf("took 1.000 s, 3 runs", "took 1.0004 s, 3 runs\n", mode)).toBe("pass");
    expect(statusOf("took 1.000 s, 3 runs", "took 1.01 s, 3 runs\n", mode)).toBe("fail");
    expect(statusOf("took 1.000 s, 3 runs", "took 1.000 ms, 3 runs\n", mode)).toBe("fail");
    expect(statusOf("[0.1, -2.5e-3]", "[0.10001, -0.0025]\n", mode)).toBe("pass");
  });

  it("uses the absolute tolerance near zero", () => {
    expect(statusOf("0.0", "1e-12\n", { kind: "number", rel: 1e-9, abs: 1e-9 })).toBe("pass");
    expect(statusOf("0.0", "1e-6\n", { kind: "number", rel: 1e-9, abs: 1e-9 })).toBe("fail");
  });

  it("does not tolerate a different count of numbers", () => {
    expect(statusOf("1 2", "1 2 3\n", { kind: "number", rel: 0.5, abs: 0 })).toBe("fail");
  });

  it("keeps decimal ids as identity symbols, never as numbers", () => {
    const mode: MatchMode = { kind: "number", rel: 0.5, abs: 0 };
    const lesson = buildLesson([
      { source: "print(id(a))", outputs: ["140000000000000"] },
      { source: "print(id(a), 1.0)", outputs: ["140000000000000 1.0"], options: { match: mode } },
    ]);
    const result = checkLesson(
      lesson,
      runsOf(ok(0, "2000000000000\n"), ok(1, "2000000000008 1.2\n")),
      engine,
    );
    expect(result.cells.map((cell) => cell.status)).toEqual(["pass", "fail"]);
  });

  it("lets the output fence choose its own mode", () => {
    const lesson = buildLesson([
      { source: "print(t)", outputs: [{ text: "0.333", match: { kind: "number", rel: 0.01, abs: 0 } }] },
    ]);
    expect(checkLesson(lesson, runsOf(ok(0, "0.3333333\n")), engine).cells[0]!.status).toBe("pass");
  });
});

describe("match=ellipsis limits", () => {
  it("gives up on an exploding address pattern with a message instead of hanging", () => {
    const addresses = Array.from({ length: 12 }, (_, index) => `0x${(0x2b6656d4000 + index * 16).toString(16)}`);
    const actualAddresses = Array.from({ length: 100 }, (_, index) => `0x${(0x7f0000000000 + index * 16).toString(16)}`);
    const expected = `${addresses.map((address) => `...${address}`).join("")}...a`;
    const lesson = buildLesson([{ source: "print(x)", outputs: [expected], options: { match: ELLIPSIS } }]);
    const started = Date.now();
    const cell = checkLesson(lesson, runsOf(ok(0, `a ${actualAddresses.join(" ")} b\n`)), engine).cells[0]!;
    expect(cell.status).toBe("fail");
    expect(cell.message).toContain("too ambiguous");
    expect(Date.now() - started).toBeLessThan(20_000);
  });

  it("handles long outputs around a ... line", () => {
    const lines = Array.from({ length: 20_000 }, (_, index) => `line ${index}`);
    const expected = ["line 0", "...", ...lines.slice(-5_000)].join("\n");
    expect(statusOf(expected, `${lines.join("\n")}\n`, ELLIPSIS)).toBe("pass");
    expect(statusOf(expected, `${lines.slice(0, -1).join("\n")}\n`, ELLIPSIS)).toBe("fail");
  });
});
