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

const JOINED = "unsupported: a lone high surrogate put before a lone low one (the simulator's strs are UTF-16)";
const LITERAL = "unsupported: a str literal with a lone high surrogate before a lone low one (the simulator's strs are UTF-16)";

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
    );
    expect(made).toBe("3");
    for (const outcome of rest) expect(outcome).toBe(JOINED);
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
