// The default split judge's paragraph readings: code, output or prose.
import { describe, expect, it } from "vitest";
import { expectedOutput, looksLikeRepr, readAsPython } from "../../src/import/python-lines.js";
import { looksLikeSentence } from "../../src/import/markdown-lines.js";
import { scoreParagraph } from "../../src/import/split-judge.js";

function best(text: string): string {
  const scores = scoreParagraph(text.split("\n"));
  const ranked = (Object.entries(scores) as [string, number][]).sort((a, b) => b[1] - a[1]);
  return ranked[0]![1] === ranked[1]![1] ? "tie" : ranked[0]![0];
}

describe("paragraph readings", () => {
  it("reads statements as code", () => {
    expect(best("import os")).toBe("code");
    expect(best("def f(x):\n    return x")).toBe("code");
    expect(best("total = 0\nfor n in range(3):\n    total += n")).toBe("code");
    expect(best("# set up\nfrom math import pi")).toBe("code");
    expect(best("@decorator\nclass A: pass")).toBe("code");
    expect(best("%timeit f()")).toBe("code");
  });

  it("reads values, plain text and tracebacks as output", () => {
    expect(best("42")).toBe("output");
    expect(best("0x7f3a2c1b9e80")).toBe("output");
    expect(best("[1, 2, 3]")).toBe("output");
    expect(best("'hello'")).toBe("output");
    expect(best("Found it")).toBe("output");
    expect(best("x: 1, y=2, z=3")).toBe("output");
    expect(best("NameError: name 'q' is not defined")).toBe("output");
    expect(best("True\nFalse")).toBe("output");
  });

  it("reads markdown as prose", () => {
    expect(best("### Section\n---")).toBe("prose");
    expect(best("Some **bold** words")).toBe("prose");
    expect(best("Use `len()` for that")).toBe("prose");
    expect(best("- first point here\n- second point here")).toBe("prose");
    expect(best("See [the docs](https://docs.python.org).")).toBe("prose");
  });

  it("tells Python from things that only look close", () => {
    expect(readAsPython(["a, b = 1, 2"])).toMatchObject({ plausible: true, statement: true });
    expect(readAsPython(["a = b = 3"])).toMatchObject({ plausible: true, statement: true });
    expect(readAsPython(["x = 1, y = 2"])).toMatchObject({ plausible: false, statement: false });
    expect(readAsPython(["print('two words inside a string')"])).toMatchObject({ plausible: true, call: true });
    expect(readAsPython(["Not found"])).toMatchObject({ plausible: false });
    expect(readAsPython(["not found"])).toMatchObject({ plausible: true });
    expect(readAsPython(["x if y else z"])).toMatchObject({ plausible: true, statement: false });
    expect(readAsPython(["f(", "  1)"])).toMatchObject({ plausible: true });
    expect(readAsPython(["f(1))"])).toMatchObject({ plausible: false });
  });

  it("guesses from the code whether a cell shows output", () => {
    expect(expectedOutput("x = 1\nprint(x)")).toBe("yes");
    expect(expectedOutput("x = [1, 2]\nx")).toBe("yes");
    expect(expectedOutput("import sys\n\ndef f():\n    print('later')\n")).toBe("no");
    expect(expectedOutput("class A:\n    def __init__(self):\n        print('made')")).toBe("no");
    expect(expectedOutput("a = A()")).toBe("maybe");
    expect(expectedOutput("gc.collect()")).toBe("maybe");
    expect(expectedOutput("x = 1;")).toBe("no");
    expect(expectedOutput("x;")).toBe("no");
    expect(expectedOutput("")).toBe("no");
  });

  it("tells sentences and reprs from other text", () => {
    expect(looksLikeSentence(["Let's look at the count again:"])).toBe(true);
    expect(looksLikeSentence(["A function can return a function"])).toBe(true);
    expect(looksLikeSentence(["a is b: False"])).toBe(false);
    expect(looksLikeSentence(["memory address (decimal): 1968827120"])).toBe(false);
    expect(looksLikeRepr(["<class 'int'>"])).toBe(true);
    expect(looksLikeRepr(["<__main__.A object at 0x7f3a2c1b9e80>"])).toBe(true);
    expect(looksLikeRepr(["<function square at 0x0000021257457B70>"])).toBe(true);
    expect(looksLikeRepr(["<div class='x'>"])).toBe(false);
  });
});
