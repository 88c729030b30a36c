// PyCF_ALLOW_INCOMPLETE_INPUT (codeop's flags, which IPython compiles cells with): source that
// ends too early is "incomplete input" (3.10+, _IncompleteInputError on 3.13), other errors stay.
import { describe, expect, it } from "vitest";
import { parse } from "../../../src/python/parser/index.js";

function errorOf(source: string, minor: number, allowIncompleteInput = true): string {
  const result = parse(source, { version: { major: 3, minor }, allowIncompleteInput });
  if (result.ok) return "ok";
  return "error" in result ? `${result.error.type}: ${result.error.msg}` : "unsupported";
}

describe("incomplete input", () => {
  const incomplete = ["print('x'", "x = [1,\n2", "class A:", "for n in y:\n", "text = '''abc", "total = 1 +\\", "f(**"];
  it.each(incomplete)("%j is incomplete on 3.10–3.12 and 3.13", (source) => {
    expect(errorOf(source, 12)).toBe("SyntaxError: incomplete input");
    expect(errorOf(source, 10)).toBe("SyntaxError: incomplete input");
    expect(errorOf(source, 13)).toBe("_IncompleteInputError: incomplete input");
  });
  it("keeps errors found before the end", () => {
    expect(errorOf("x = (1 2", 12)).toBe("SyntaxError: '(' was never closed");
    expect(errorOf("if True", 12)).toBe("SyntaxError: expected ':'");
    expect(errorOf("1 +", 12)).toBe("SyntaxError: invalid syntax");
    expect(errorOf("x = 'abc", 12)).toBe("SyntaxError: unterminated string literal (detected at line 1)");
  });
  it("is off without the flag and before 3.10", () => {
    expect(errorOf("print('x'", 12, false)).toBe("SyntaxError: '(' was never closed");
    expect(errorOf("print('x'", 9)).toBe("SyntaxError: unexpected EOF while parsing");
    expect(errorOf("class A:", 8)).toBe("SyntaxError: unexpected EOF while parsing");
  });
  it("accepts complete cells", () => {
    expect(errorOf("if True:\n    x = 1", 12)).toBe("ok");
    expect(errorOf("if True:\n    x = 1", 8)).toBe("ok");
  });
});
