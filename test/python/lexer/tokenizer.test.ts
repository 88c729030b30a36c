// Tokenizer tests: CPython's token stream, error tokens and the pyright-style invariants.
import { execFileSync } from "node:child_process";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { normalizeSource } from "../../../src/python/lexer/source-text.js";
import { tokenize } from "../../../src/python/lexer/tokenizer.js";
import { TokenType, type Token } from "../../../src/python/lexer/tokens.js";
import { findPython } from "../parser/cpython.js";

const NAMES = new Map<number, string>(Object.entries(TokenType).map(([name, value]) => [value, name]));

function lex(source: string, minor = 13): Token[] {
  return tokenize(normalizeSource(source, true), { major: 3, minor }).tokens;
}

function kinds(source: string, minor = 13): string[] {
  return lex(source, minor).map((token) => `${NAMES.get(token.type)}${token.text ? " " + token.text : ""}`);
}

describe("tokenizer invariants", () => {
  it("always ends with NEWLINE, the pending DEDENTs and ENDMARKER", () => {
    const tokens = lex("if x:\n    if y:\n        z");
    const tail = tokens.slice(-4).map((token) => NAMES.get(token.type));
    expect(tail).toEqual(["Newline", "Dedent", "Dedent", "EndMarker"]);
  });

  it("stops at the first error and still closes the stream", () => {
    const tokens = lex("if x:\n    y = 'oops\n    z = 1\n");
    const errorIndex = tokens.findIndex((token) => token.type === TokenType.Error);
    expect(errorIndex).toBeGreaterThan(0);
    expect(tokens.slice(errorIndex + 1).map((token) => NAMES.get(token.type))).toEqual(["Newline", "Dedent", "EndMarker"]);
    expect(tokens[errorIndex]!.error).toMatchObject({ kind: "syntax", msg: "unterminated string literal (detected at line 2)", lineno: 2, offset: 9 });
  });

  it("never throws on arbitrary bytes", () => {
    for (const source of ["\u0000\u0001$?`", "'''", "f'{", "((((", "\\", "\t \f\v", "0x", "😀 = 1", "\ud800"]) {
      expect(() => lex(source)).not.toThrow();
      expect(lex(source).at(-1)!.type).toBe(TokenType.EndMarker);
    }
  });
});

describe("tokens", () => {
  it("reads every numeric literal form as one NUMBER", () => {
    for (const number of ["0", "1_000", "0x_ff", "0XAB", "0o17", "0b1_0", "00", "1.", ".5", "1e-10", "1_0.5e+3", "1e-10j", "2.5J", "0j"]) {
      expect(kinds(number)).toEqual([`Number ${number}`, "Newline", "EndMarker"]);
    }
  });

  it("words invalid numbers like CPython", () => {
    const message = (source: string, minor = 13) => lex(source, minor).find((token) => token.error)?.error;
    expect(message("0777")).toMatchObject({
      msg: "leading zeros in decimal integer literals are not permitted; use an 0o prefix for octal integers",
      offset: 1,
      endOffset: 2,
    });
    expect(message("0b12")).toMatchObject({ msg: "invalid digit '2' in binary literal", offset: 4 });
    expect(message("1_")).toMatchObject({ msg: "invalid decimal literal", offset: 2 });
    expect(message("0x")).toMatchObject({ msg: "invalid hexadecimal literal" });
    expect(message("1x")).toMatchObject({ msg: "invalid decimal literal", offset: 1 });
    expect(message("0777", 7)).toMatchObject({ msg: "invalid token" });
  });

  it("keeps string prefixes and quotes in STRING tokens", () => {
    expect(kinds("rb'\\d' U\"x\" '''a\nb'''")).toEqual(["String rb'\\d'", 'String U"x"', "String '''a\nb'''", "Newline", "EndMarker"]);
  });

  it("splits f-strings into PEP 701 tokens from 3.12", () => {
    // The empty FSTRING_MIDDLE after a nested field is CPython's too (3.12.1 keeps it in the AST).
    expect(kinds("f'a{b!r:>{w}}c{{'")).toEqual([
      "FStringStart f'", "FStringMiddle a", "Op {", "Name b", "Op !", "Name r", "Op :", "FStringMiddle >", "Op {", "Name w",
      "Op }", "FStringMiddle", "Op }", "FStringMiddle c{", "FStringEnd '", "Newline", "EndMarker",
    ]);
  });

  it("keeps an f-string as one STRING token before 3.12", () => {
    expect(kinds("f'a{b}'", 11)).toEqual(["String f'a{b}'", "Newline", "EndMarker"]);
  });

  it("counts columns in UTF-8 bytes", () => {
    const [name, equals, value] = lex("é = '€'");
    expect([name!.col, name!.endCol, equals!.col, value!.col, value!.endCol]).toEqual([0, 2, 3, 5, 10]);
  });

  it("makes := one token from 3.8 only", () => {
    expect(kinds("(a := 1)", 8)).toContain("Op :=");
    expect(kinds("(a := 1)", 7)).toEqual(expect.arrayContaining(["Op :", "Op ="]));
  });

  it("treats async/await as keywords from 3.7", () => {
    expect(lex("async", 7)[0]!.isKeyword).toBe(true);
    expect(lex("async", 6)[0]!.isKeyword).toBe(false);
    expect(lex("match", 13)[0]!.isKeyword).toBe(false);
  });

  it("joins continuation lines and ignores comments and blank lines", () => {
    expect(kinds("x = 1 + \\\n  2  # note\n\n# only\ny")).toEqual([
      "Name x", "Op =", "Number 1", "Op +", "Number 2", "Newline # note", "Name y", "Newline", "EndMarker",
    ]);
  });
});

describe("indentation", () => {
  it("emits INDENT and DEDENT with tabs counted to multiples of 8", () => {
    expect(kinds("if a:\n\tb\n\tif c:\n\t\td\ne").filter((kind) => kind === "Indent" || kind === "Dedent")).toEqual([
      "Indent", "Indent", "Dedent", "Dedent",
    ]);
  });

  it("flags an inconsistent dedent, tab/space mixes and deep nesting", () => {
    expect(lex("if a:\n    b\n  c\n").find((token) => token.error)?.error).toEqual({ kind: "dedent" });
    expect(lex("if a:\n\tif b:\n        c\n").find((token) => token.error)?.error).toEqual({ kind: "tabspace" });
    const deep = Array.from({ length: 101 }, (_, depth) => " ".repeat(depth) + "if x:").join("\n") + "\n" + " ".repeat(101) + "pass\n";
    expect(lex(deep).find((token) => token.error)?.error).toEqual({ kind: "toodeep" });
  });

  it("resets the column on a form feed", () => {
    expect(kinds("if a:\n    b\n\fc").filter((kind) => kind === "Indent" || kind === "Dedent")).toEqual(["Indent", "Dedent"]);
  });

  it("ignores indentation inside brackets", () => {
    expect(kinds("x = (1,\n        2)\n")).not.toContain("Indent");
  });
});

describe("errors at tokenizer level", () => {
  const error = (source: string, minor = 13) => lex(source, minor).find((token) => token.error)?.error;

  it("reports brackets", () => {
    expect(error("x = )")).toMatchObject({ msg: "unmatched ')'", offset: 5 });
    expect(error("x = (]")).toMatchObject({ msg: "closing parenthesis ']' does not match opening parenthesis '('" });
    expect(error("x = (\n")).toMatchObject({ kind: "eof", paren: { char: "(", lineno: 1, col: 4 } });
  });

  it("reports characters", () => {
    expect(error("x = €")).toMatchObject({ msg: "invalid character '€' (U+20AC)", offset: 5 });
    expect(error("x = a\u00a0")).toMatchObject({ msg: "invalid non-printable character U+00A0" });
    expect(error("x = 1\u0001")).toMatchObject({ msg: "invalid non-printable character U+0001" });
    expect(error("x = €", 8)).toMatchObject({ msg: "invalid character in identifier" });
  });

  it("reports a bad line continuation", () => {
    expect(error("x = a\\ b")).toMatchObject({ kind: "linecont", byteOffset: 7 });
  });

  it("reports unterminated strings per version", () => {
    expect(error("s = 'a\\'")).toMatchObject({ msg: "unterminated string literal (detected at line 1); perhaps you escaped the end quote?" });
    expect(error("s = 'a\\'", 12)).toMatchObject({ msg: "unterminated string literal (detected at line 1)" });
    expect(error("s = '''a\n\nb")).toMatchObject({ msg: "unterminated triple-quoted string literal (detected at line 3)", lineno: 1, offset: 5 });
    expect(error("s = 'a", 9)).toMatchObject({ msg: "EOL while scanning string literal" });
  });

  it("reports f-string structure errors", () => {
    expect(error("f'}'")).toMatchObject({ msg: "f-string: single '}' is not allowed" });
    expect(error("f'{a'")).toMatchObject({ msg: "f-string: expecting '}'" });
    expect(error("f'{a:{b:{c:{d}}}}'")).toMatchObject({ msg: "f-string: expressions nested too deeply" });
    expect(error("f'abc")).toMatchObject({ msg: "unterminated f-string literal (detected at line 1)" });
  });
});

const python = findPython(13) ?? findPython(12);
const TOKENIZE_SCRIPT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../fixtures/python/cpython_tokens.py");
const DIFFERENTIAL_SOURCES = [
  "x = 1\n", "if x:\n    y = [1,\n  2]\nelse:\n    pass\n", "def f(a, *, b=1) -> int:\n    return a @ b\n",
  "x = a if b else c  # comment\n", "class A(B, metaclass=M):\n    '''doc'''\n", "x = 0x_ff + 1_0.5e3j - .5\n",
  "a = b'\\x00' rb'\\d' u'x' R'y'\n", "x = f'{a!r:>{w}} {{b}}'\n", "x = f\"{'a' if b else 'c'}\"\n", "x = f'{x=}'\n",
  "y = f'''\n{a}\n'''\n", "async def f():\n    await x\n", "x = (1,\n     2)\n", "x = 1 + \\\n    2\n", "a //= b ** c >> d\n",
  "match x:\n    case [1, *rest]:\n        pass\n", "x = ...\n", "print(*args, sep='')\n", "lambda: (yield)\n", "x = not a in b\n",
];

describe.skipIf(python === undefined)(`token types and texts match CPython's tokenize module${python ? "" : " (python3.12+ not found)"}`, () => {
  const expected = python
    ? (JSON.parse(execFileSync(python, [TOKENIZE_SCRIPT], { input: JSON.stringify(DIFFERENTIAL_SOURCES) }).toString()) as [string, string, number, number][][])
    : [];
  const ours = (source: string): string[] =>
    lex(source).map((token) => {
      const name = NAMES.get(token.type)!.replace(/([a-z])([A-Z])/g, "$1_$2").toUpperCase().replace("END_MARKER", "ENDMARKER");
      // tokenize's NEWLINE carries "\n"; ours keeps the text CPython's parser sees.
      const text = token.type === TokenType.Newline || token.type === TokenType.Indent || token.type === TokenType.Dedent || token.type === TokenType.EndMarker ? "" : token.text;
      return `${name} ${JSON.stringify(text)} ${token.type === TokenType.Dedent || token.type === TokenType.Indent || token.type === TokenType.EndMarker ? "" : token.lineno}`;
    });
  const theirs = (tokens: [string, string, number, number][]): string[] =>
    tokens.map(([name, text, line]) => {
      const bare = name === "NEWLINE" || name === "INDENT" || name === "DEDENT" || name === "ENDMARKER";
      // tokenize shows "{{" as "{" plus the FSTRING_MIDDLE text; both keep a single brace.
      return `${name} ${JSON.stringify(bare ? "" : text)} ${name === "DEDENT" || name === "INDENT" || name === "ENDMARKER" ? "" : line}`;
    });
  it.each(DIFFERENTIAL_SOURCES.map((source, index) => [JSON.stringify(source), index] as const))("%s", (_name, index) => {
    expect(ours(DIFFERENTIAL_SOURCES[index]!)).toEqual(theirs(expected[index]!));
  });
});
