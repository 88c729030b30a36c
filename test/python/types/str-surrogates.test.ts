// Lone surrogates in the simulator's UTF-16 strs: where CPython keeps a lone high surrogate and a
// lone low one as two characters, the simulator refuses by name rather than answering with one.
import { describe, expect, it } from "vitest";
import { NotebookSession } from "../../../src/python/session/session.js";
import { getProfile } from "../../../src/python/profiles/table.js";

function outcomes(profile: string, ...sources: string[]): string[] {
  const session = new NotebookSession(getProfile(profile as never), { display: "pretty" });
  try {
    return sources.map((source) => {
      const result = session.runCell(source, { timeoutMs: 10_000, maxSteps: 1_000_000 });
      if (result.status === "unsupported") return `unsupported: ${result.unsupported?.feature}`;
      return result.exception?.lastLine ?? result.output.trimEnd();
    });
  } finally {
    session.close();
  }
}

/** The refusal of `operation` putting a lone high surrogate before a lone low one. */
function joined(operation: string): string {
  return `unsupported: ${operation} putting a lone high surrogate before a lone low one (the simulator's strs are UTF-16)`;
}
const LITERAL = "unsupported: a str literal with a lone high surrogate before a lone low one (the simulator's strs are UTF-16)";
/** Defines `high` and `low`, two lone surrogates of their own. */
const SETUP = "high, low = chr(0xd800), chr(0xdc00)";

describe("lone surrogates", () => {
  it("refuses literals that write a lone high surrogate before a lone low one", () => {
    expect(outcomes("3.12", "x = '\\ud800\\udc00'", "x = '\\ud83d' '\\ude00'", "x = f'\\ud800{1}\\udc00'", "x = '\\U0000d800\\udc00'")).toEqual([LITERAL, LITERAL, "", LITERAL]);
    expect(outcomes("3.8", "x = '\\ud800' '\\udc00'", "x = f'\\ud800' f'\\udc00'")).toEqual([LITERAL, LITERAL]);
  });

  it("refuses making two lone surrogates from code points side by side", () => {
    const [made, ...rest] = outcomes(
      "3.11",
      "high, low = chr(0xd800), chr(0xdc00)\nprint(len(high + 'x' + low))",
      "'%c%c' % (0xd800, 0xdc00)",
      "'{:c}{:c}'.format(0xd800, 0xdc00)",
      "'ab'.translate({97: 0xd800, 98: 0xdc00})",
      "b'\\xed\\xa0\\x80\\xed\\xb0\\x80'.decode('utf-8', 'surrogatepass')",
      "b'\\x00\\xd8\\x00\\x00\\x00\\xdc\\x00\\x00'.decode('utf-32-le', 'surrogatepass')",
    );
    expect(made).toBe("3");
    expect(rest).toEqual([joined("%-formatting"), joined("str.format"), joined("str.translate"), joined("decoding bytes"), joined("decoding bytes")]);
  });

  it("refuses each run-time operation that would join a lone high surrogate to a lone low one, by name", () => {
    const cases: [string, string][] = [
      ["high + low", "str concatenation"],
      ["text = high\ntext += low", "str concatenation"],
      ["str.__add__(high, low)", "str concatenation"],
      ["class S(str): pass\nS(high) + low", "str concatenation"],
      ["(low + high) * 2", "str repetition"],
      ["''.join([high, low])", "str.join"],
      ["low.join([high, high])", "str.join"],
      ["''.join(map(chr, [0xd800, 0xdc00]))", "str.join"],
      ["'%s%s' % (high, low)", "an f-string (or a %-format compiled as one)"],
      ["'%(a)s%(b)s' % {'a': high, 'b': low}", "%-formatting"],
      ["('%s' + low) % high", "%-formatting"],
      ["(high + '%.0s' + low) % 'x'", "%-formatting"],
      ["f'{high}{low}'", "an f-string (or a %-format compiled as one)"],
      ["f'{high}{0xdc00:c}'", "an f-string (or a %-format compiled as one)"],
      ["'{}{}'.format(high, low)", "str.format"],
      ["(high + '{}' + low).format('')", "str.format"],
      ["'{x}{y}'.format_map({'x': high, 'y': low})", "str.format"],
      ["format(low, high + '>2')", "format() padding"],
      ["format(0xdc00, high + '>2c')", "format() padding"],
      ["low.rjust(2, high)", "str.rjust"],
      ["high.ljust(2, low)", "str.ljust"],
      ["low.center(3, high)", "str.center"],
      ["(high + 'x' + low)[::2]", "str slicing"],
      ["(low + high)[::-1]", "str slicing"],
      ["(high + 'x' + low).replace('x', '')", "str.replace"],
      ["'ab'.replace('a', high).replace('b', low)", "str.replace"],
      ["low.replace('', high)", "str.replace"],
      ["(high + '\\t' + low).expandtabs(0)", "str.expandtabs"],
      ["(high + 'x' + low).translate({120: None})", "str.translate"],
      ["import string\nstring.Template('$a$b').substitute(a=high, b=low)", "str.join"],
    ];
    const results = outcomes("3.12", SETUP, ...cases.map(([source]) => source));
    expect(results).toEqual(["", ...cases.map(([, operation]) => joined(operation))]);
  });

  it("refuses folding str constants into a joined pair at compile time, where CPython makes a constant", () => {
    expect(outcomes("3.12", "def f():\n    return '\\ud800' + '\\udc00'", "x = '\\udc00\\ud800' * 2", "x = eval(\"'\\\\ud800' + '\\\\udc00'\")")).toEqual([
      joined("str concatenation"),
      joined("str repetition"),
      joined("str concatenation"),
    ]);
  });

  it("raises CPython's UnicodeEncodeError for eval and exec of a source holding a lone surrogate", () => {
    expect(outcomes("3.12", "eval(\"'\" + chr(0xd800) + \"'\")", "exec('x = 1 # ' + chr(0xdc00))")).toEqual([
      "UnicodeEncodeError: 'utf-8' codec can't encode character '\\ud800' in position 1: surrogates not allowed",
      "UnicodeEncodeError: 'utf-8' codec can't encode character '\\udc00' in position 8: surrogates not allowed",
    ]);
  });

  it("refuses writing a lone surrogate to the output", () => {
    expect(outcomes("3.12", "print(chr(0xd800))", "import sys\nsys.stdout.write('\\udc80')")).toEqual([
      "unsupported: writing a lone surrogate to the output",
      "unsupported: writing a lone surrogate to the output",
    ]);
  });

  it("keeps working with lone surrogates that meet nothing, and with astral characters once they are gone", () => {
    expect(
      outcomes(
        "3.12",
        "s = chr(0xd800)\nprint(len(s * 3), ascii(s + 'x'), ascii(s.encode('utf-8', 'surrogatepass')))",
        "text = b'caf\\xe9'.decode('utf-8', 'surrogateescape')\nprint(ascii(text), text.encode('utf-8', 'surrogateescape'))",
        "del s, text",
        "print(len('😀' + '!'))",
      ),
    ).toEqual(["3 '\\ud800x' b'\\xed\\xa0\\x80'", "'caf\\udce9' b'caf\\xe9'", "", "2"]);
  });
});
