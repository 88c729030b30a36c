// gc.get_objects(), sys.modules and the notebook namespace hold only the simulator's part of
// CPython's: membership and iteration answer; their length, repr, positions and copies are refused.
import { describe, expect, it } from "vitest";
import { cellOutcome } from "../../support/cell-outcome.js";

function outcome(profile: string, display: "pretty" | "repr", source: string): string {
  return cellOutcome(profile, source, display);
}

const OBJECTS = "the list gc.get_objects() returns (CPython's also holds the kernel's objects)";
const MODULES = "sys.modules (CPython's also holds the modules the kernel imported)";
const NAMESPACE = "the notebook namespace (IPython's also holds exit, quit, get_ipython, _dh and, from IPython 8, open)";

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
  it("refuses what shows positions, the repr through str() and format(), and copies", () => {
    const refused: [string, string][] = [
      ["objects[0]", "indexing or slicing"],
      ["objects[-3:]", "indexing or slicing"],
      ["str(objects)", "the repr"],
      ["f'{objects}'", "the repr"],
      ["format(objects, '')", "the repr"],
      ["repr([objects])", "the repr"],
      ["[objects]", "the display"],
      ["len(list(objects))", "a list"],
      ["[*objects]", "a list"],
      ["tuple(objects)", "a tuple"],
      ["set(objects)", "a set"],
      ["objects.copy()", "a copy"],
      ["objects + []", "a concatenation"],
      ["objects * 2", "a repetition"],
      ["objects == objects[:]", "indexing or slicing"],
      ["objects == []", "a comparison"],
      ["objects.index(objects)", "index()"],
      ["objects.count(objects)", "count()"],
      ["objects.remove(objects)", "remove()"],
      ["objects.pop()", "pop()"],
      ["objects.insert(0, 1)", "insert()"],
      ["objects.sort(key=id)", "sort()"],
      ["del objects[0]", "item assignment or deletion"],
      ["sum(objects)", "sum()"],
      ["list(enumerate(objects))", "enumerate()"],
      ["'-'.join(objects)", "str.join()"],
    ];
    for (const [cell, use] of refused) {
      expect(outcome("3.11", "pretty", `import gc\nobjects = gc.get_objects()\n${cell}`), cell).toBe(`unsupported: ${use} of ${OBJECTS}`);
    }
  });
  it("answers truth, identity searches and membership of the lesson's objects", () => {
    const cell = "import gc\nmine = []\nobjects = gc.get_objects()\nprint(bool(objects), mine in objects, any(o is mine for o in objects), id(mine) in map(id, objects), [o for o in objects if o is mine] == [mine])";
    expect(outcome("3.13", "pretty", cell)).toBe("True True True True True");
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
  it("refuses its str(), copies, views' length and repr, and popitem()", () => {
    const refused: [string, string][] = [
      ["str(sys.modules)", `the repr of ${MODULES}`],
      ["f'{sys.modules}'", `the repr of ${MODULES}`],
      ["list(sys.modules)", `a list of ${MODULES}`],
      ["tuple(sys.modules)", `a tuple of ${MODULES}`],
      ["set(sys.modules)", `a set of ${MODULES}`],
      ["', '.join(sys.modules)", `str.join() of ${MODULES}`],
      ["sys.modules.copy()", `a copy of ${MODULES}`],
      ["dict(sys.modules)", `a copy of ${MODULES}`],
      ["{**sys.modules}", `a copy of ${MODULES}`],
      ["dict.fromkeys(sys.modules)", `dict.fromkeys() of ${MODULES}`],
      ["sys.modules.popitem()", `popitem() of ${MODULES}`],
      ["len(sys.modules.keys())", `len() of the dict_keys view of ${MODULES}`],
      ["sys.modules.values().__len__()", `the length of the dict_values view of ${MODULES}`],
      ["str(sys.modules.items())", `the repr of the dict_items view of ${MODULES}`],
      ["sys.modules.keys()", `the display of the dict_keys view of ${MODULES}`],
      ["list(sys.modules.values())", `a list of the dict_values view of ${MODULES}`],
    ];
    for (const [cell, what] of refused) expect(outcome("3.11", "pretty", `import sys\n${cell}`), cell).toBe(`unsupported: ${what}`);
  });
  it("refuses a lookup that misses, since the kernel imported modules the simulator has not", () => {
    const miss = (name: string) => `unsupported: looking up '${name}' in sys.modules, which in CPython also holds the modules the kernel imported`;
    expect(outcome("3.11", "pretty", "import sys\n'json' in sys.modules")).toBe(miss("json"));
    expect(outcome("3.13", "pretty", "import sys\nsys.modules['math']")).toBe(miss("math"));
    expect(outcome("3.6", "pretty", "import sys\nsys.modules.get('re', None)")).toBe(miss("re"));
    expect(outcome("3.11", "pretty", "import sys\n'json' in sys.modules.keys()")).toBe(miss("json"));
    expect(outcome("3.11", "pretty", "import sys\nsys.modules.pop('json', None)")).toBe(miss("json"));
    expect(outcome("3.11", "pretty", "import sys\nsys.modules.setdefault('json', 1)")).toBe(miss("json"));
    expect(outcome("3.11", "pretty", "import sys\ndel sys.modules['json']")).toBe(miss("json"));
    expect(outcome("3.11", "pretty", "import sys\n('json', None) in sys.modules.items()")).toBe(miss("json"));
    expect(outcome("3.11", "pretty", "import sys, math\nprint('math' in sys.modules, sys.modules.get('math') is math, 'json' in {})")).toBe("True True False");
    expect(outcome("3.11", "pretty", "import sys, math\nprint('math' in sys.modules.keys(), ('math', math) in sys.modules.items())")).toBe("True True");
  });
});

describe("the notebook namespace", () => {
  it("refuses its length in a notebook, where IPython's names are missing", () => {
    expect(outcome("3.11", "pretty", "len(globals())")).toBe(`unsupported: len() of ${NAMESPACE}`);
  });
  it("refuses its copies, views and lookups of IPython's names the simulator's namespace lacks", () => {
    expect(outcome("3.11", "pretty", "list(globals())")).toBe(`unsupported: a list of ${NAMESPACE}`);
    expect(outcome("3.11", "pretty", "len(globals().keys())")).toBe(`unsupported: len() of the dict_keys view of ${NAMESPACE}`);
    expect(outcome("3.11", "pretty", "f'{vars()}'")).toBe(`unsupported: the repr of ${NAMESPACE}`);
    const notSimulated = (name: string) => `unsupported: looking up '${name}' in the notebook namespace, where IPython's value is not simulated`;
    expect(outcome("3.11", "pretty", "'exit' in globals()")).toBe(notSimulated("exit"));
    expect(outcome("3.8", "pretty", "globals().get('open')")).toBe(notSimulated("open"));
    expect(outcome("3.7", "pretty", "print('open' in globals(), 'get_ipython' in globals().keys())")).toBe(notSimulated("get_ipython"));
    expect(outcome("3.11", "pretty", "globals()['_dh']")).toBe(notSimulated("_dh"));
  });
  it("answers iterating it filtered by the lesson's names, and refuses iterating sys.modules, whose names a lesson would list", () => {
    expect(outcome("3.11", "pretty", "first = 1\nprint([name for name in globals() if name in ('first', 'second')], [n for n, v in vars().items() if v is first])")).toBe("['first'] ['first']");
    expect(outcome("3.8", "pretty", "import sys\nfor name in sys.modules:\n    print(name)")).toBe(`unsupported: iterating over ${MODULES}`);
    expect(outcome("3.11", "pretty", "import sys\nsum(1 for module in sys.modules.values())")).toBe(`unsupported: iterating over ${MODULES}`);
  });
  it("answers membership and ordinary dicts", () => {
    expect(outcome("3.11", "pretty", "x = 1\nd = {1: 2}\nprint('x' in globals(), len(d), repr(d), len([1, 2]))")).toBe("True 1 {1: 2} 2");
  });
});
