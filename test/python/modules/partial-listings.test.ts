// gc.get_objects(), sys.modules and the notebook namespace hold only the simulator's part of
// CPython's: membership and iteration answer, their length, repr and sorted copies are refused.
import { describe, expect, it } from "vitest";
import { cellOutcome } from "../../support/cell-outcome.js";

function outcome(profile: string, display: "pretty" | "repr", source: string): string {
  return cellOutcome(profile, source, display);
}

const OBJECTS = "the list gc.get_objects() returns (CPython's also holds the kernel's objects)";
const MODULES = "sys.modules (CPython's also holds the modules the kernel imported)";

describe("gc.get_objects()", () => {
  it("answers membership and iteration over the lesson's objects", () => {
    expect(outcome("3.11", "pretty", "import gc\na = []\nprint(any(id(o) == id(a) for o in gc.get_objects()), a in gc.get_objects())")).toBe("True True");
  });
  it("refuses its length, display, print, repr, sorted, min and max", () => {
    expect(outcome("3.11", "pretty", "import gc\nlen(gc.get_objects())")).toBe(`unsupported: len() of ${OBJECTS}`);
    expect(outcome("3.8", "pretty", "import gc\ngc.get_objects()")).toBe(`unsupported: the display of ${OBJECTS}`);
    expect(outcome("3.13", "repr", "import gc\ngc.get_objects()")).toBe(`unsupported: the display of ${OBJECTS}`);
    expect(outcome("3.11", "pretty", "import gc\nprint(gc.get_objects())")).toBe(`unsupported: print() of ${OBJECTS}`);
    expect(outcome("3.11", "pretty", "import gc\nrepr(gc.get_objects())")).toBe(`unsupported: repr() of ${OBJECTS}`);
    expect(outcome("3.11", "pretty", "import gc\nsorted(gc.get_objects(), key=id)")).toBe(`unsupported: sorted() of ${OBJECTS}`);
    expect(outcome("3.6", "pretty", "import gc\nmax(gc.get_objects(), key=id)")).toBe(`unsupported: max() of ${OBJECTS}`);
  });
});

describe("sys.modules", () => {
  it("holds sys and builtins from the start, and each module once imported", () => {
    expect(outcome("3.11", "pretty", "import sys, gc\nprint('sys' in sys.modules, 'builtins' in sys.modules, sys.modules['gc'] is gc, sys.modules['builtins'] is __builtins__)")).toBe("True True True True");
  });
  it("refuses its length and listing", () => {
    expect(outcome("3.11", "pretty", "import sys\nlen(sys.modules)")).toBe(`unsupported: len() of ${MODULES}`);
    expect(outcome("3.12", "pretty", "import sys\nprint(sys.modules)")).toBe(`unsupported: print() of ${MODULES}`);
    expect(outcome("3.12", "pretty", "import sys\nsorted(sys.modules)")).toBe(`unsupported: sorted() of ${MODULES}`);
  });
  it("refuses a lookup that misses, since the kernel imported modules the simulator has not", () => {
    const miss = (name: string) => `unsupported: looking up '${name}' in sys.modules, which in CPython also holds the modules the kernel imported`;
    expect(outcome("3.11", "pretty", "import sys\n'json' in sys.modules")).toBe(miss("json"));
    expect(outcome("3.13", "pretty", "import sys\nsys.modules['math']")).toBe(miss("math"));
    expect(outcome("3.6", "pretty", "import sys\nsys.modules.get('re', None)")).toBe(miss("re"));
    expect(outcome("3.11", "pretty", "import sys, math\nprint('math' in sys.modules, sys.modules.get('math') is math, 'json' in {})")).toBe("True True False");
  });
});

describe("the notebook namespace", () => {
  it("refuses its length in a notebook, where IPython's names are missing", () => {
    expect(outcome("3.11", "pretty", "len(globals())")).toBe(
      "unsupported: len() of the notebook namespace (IPython's also holds exit, quit, get_ipython, _dh and, from IPython 8, open)",
    );
  });
  it("answers membership and ordinary dicts", () => {
    expect(outcome("3.11", "pretty", "x = 1\nd = {1: 2}\nprint('x' in globals(), len(d), repr(d), len([1, 2]))")).toBe("True 1 {1: 2} 2");
  });
});
