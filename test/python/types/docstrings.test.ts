// Reading a docstring the simulator does not carry ends the cell as unsupported, by name; the
// docstrings CPython leaves as None stay None, per version.
import { describe, expect, it } from "vitest";
import { NotebookSession } from "../../../src/python/session/session.js";
import { getProfile } from "../../../src/python/profiles/table.js";

function outcome(profile: string, source: string, display: "pretty" | "repr" = "pretty"): string {
  const session = new NotebookSession(getProfile(profile as never), { display });
  try {
    const result = session.runCell(source, { timeoutMs: 10_000, maxSteps: 1_000_000 });
    if (result.status === "unsupported") return `unsupported: ${result.unsupported?.feature}`;
    return result.exception?.lastLine ?? result.output.trimEnd();
  } finally {
    session.close();
  }
}

const REFUSED = "(the simulator does not carry CPython's documentation text)";

describe("docstrings of built-ins", () => {
  it("refuses by name for types, functions, methods, descriptors, instances and modules", () => {
    expect(outcome("3.12", "int.__doc__")).toBe(`unsupported: the docstring of int ${REFUSED}`);
    expect(outcome("3.12", "(5).__doc__")).toBe(`unsupported: the docstring of an int object ${REFUSED}`);
    expect(outcome("3.12", "len.__doc__")).toBe(`unsupported: the docstring of len ${REFUSED}`);
    expect(outcome("3.12", "[].append.__doc__")).toBe(`unsupported: the docstring of list.append ${REFUSED}`);
    expect(outcome("3.12", "dict.fromkeys.__doc__")).toBe(`unsupported: the docstring of dict.fromkeys ${REFUSED}`);
    expect(outcome("3.12", "ValueError('x').__doc__")).toBe(`unsupported: the docstring of a ValueError object ${REFUSED}`);
    expect(outcome("3.12", "import gc\ngc.__doc__")).toBe(`unsupported: the docstring of gc ${REFUSED}`);
  });
  it("keeps None where CPython has no docstring, per version", () => {
    expect(outcome("3.12", "print(type(None).__doc__, type(...).__doc__)")).toBe("None None");
    expect(outcome("3.13", "type(None).__doc__")).toBe(`unsupported: the docstring of NoneType ${REFUSED}`);
    expect(outcome("3.7", "import weakref\nprint(weakref.ref.__doc__, type(weakref.proxy(int)).__doc__)")).toBe("None None");
  });
  it("leaves classes and functions written in Python alone", () => {
    expect(outcome("3.12", "class A(list):\n    'Mine.'\nclass B(dict):\n    pass\ndef f():\n    'Doc.'\nprint(A.__doc__, B.__doc__, B().__doc__, f.__doc__)")).toBe("Mine. None None Doc.");
  });
  it("gives __main__ IPython's docstring in a notebook and none in a REPL", () => {
    expect(outcome("3.11", "print(__doc__)")).toBe("Automatically created module for IPython interactive environment");
    expect(outcome("3.11", "print(__doc__)", "repr")).toBe("None");
  });
});
