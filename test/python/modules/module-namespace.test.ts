// What the simulator refuses about its own modules and the notebook namespace, by name: the
// module dicts it holds only in part, build-dependent reprs, module refcounts and the
// namespace's gc generation before a full collection.
import { describe, expect, it } from "vitest";
import { NotebookSession } from "../../../src/python/session/session.js";
import { getProfile } from "../../../src/python/profiles/table.js";

function outcome(profile: string, ...cells: string[]): string {
  const session = new NotebookSession(getProfile(profile as never), { display: "pretty" });
  try {
    let last = "ok";
    for (const source of cells) {
      const result = session.runCell(source, { timeoutMs: 10_000, maxSteps: 1_000_000 });
      if (result.status === "unsupported") return `unsupported: ${result.unsupported?.feature}`;
      last = result.status === "ok" ? result.output.trim() : (result.exception?.lastLine ?? result.status);
    }
    return last;
  } finally {
    session.close();
  }
}

const PARTIAL = "(vars(), __dict__, a function's globals: the simulator's module lacks the import metadata and other names of CPython's)";

describe("the namespaces of the simulator's modules", () => {
  it("refuses vars() and __dict__, whose listing and len would lack CPython's entries", () => {
    expect(outcome("3.11", "import math\nlen(vars(math))")).toBe(`unsupported: the dict of module 'math' ${PARTIAL}`);
    expect(outcome("3.12", "import sys\n'__spec__' in sys.__dict__")).toBe(`unsupported: the dict of module 'sys' ${PARTIAL}`);
    expect(outcome("3.8", "import gc\ngc.__dict__")).toBe(`unsupported: the dict of module 'gc' ${PARTIAL}`);
    expect(outcome("3.13", "vars(__builtins__)")).toBe(`unsupported: the dict of module 'builtins' ${PARTIAL}`);
    expect(outcome("3.11", "import gc, time\ngc.get_referents(time)")).toBe(`unsupported: the dict of module 'time' ${PARTIAL}`);
    expect(outcome("3.11", "import gc, math\ngc.get_referrers(math.sqrt)")).toBe(`unsupported: the dict of module 'math' ${PARTIAL}`);
    expect(outcome("3.11", "import copy\ncopy.deepcopy.__globals__")).toBe(`unsupported: the dict of module 'copy' ${PARTIAL}`);
  });
  it("answers for a module the cell made", () => {
    expect(outcome("3.11", "import sys\nm = type(sys)('m')\nprint(len(vars(m)), vars(m) is m.__dict__)")).toBe("5 True");
  });
  it("refuses reprs that depend on how CPython was built or installed", () => {
    expect(outcome("3.11", "import math\nprint(math)")).toBe("unsupported: repr() of module 'math' (built in or a shared library with a __file__, depending on how CPython was built)");
    expect(outcome("3.11", "import copy\nrepr(copy)")).toBe("unsupported: repr() of module 'copy' (it shows the path of its source file in the Python installation)");
    expect(outcome("3.11", "import sys, gc, time\nprint(sys, gc, time)")).toBe("<module 'sys' (built-in)> <module 'gc' (built-in)> <module 'time' (built-in)>");
  });
  it("refuses the reference counts of its modules", () => {
    expect(outcome("3.11", "import sys\nsys.getrefcount(sys)")).toBe("unsupported: the reference count of module 'sys' (CPython's import system holds references the simulator does not model)");
    expect(outcome("3.12", "import sys, math\nsys.getrefcount(math)")).toBe("unsupported: the reference count of module 'math' (CPython's import system holds references the simulator does not model)");
  });
  it("refuses module reprs with a spec and instances of module subclasses", () => {
    expect(outcome("3.11", "import sys\nm = type(sys)('m')\nm.__spec__ = 1\nrepr(m)")).toBe("unsupported: repr() of a module with a __spec__ (module specs are not simulated)");
    expect(outcome("3.11", "import sys\nclass Lazy(type(sys)):\n    pass\nLazy('x')")).toBe("unsupported: instances of a subclass of module (types.ModuleType)");
  });
});

describe("the notebook namespace's gc generation", () => {
  const why = "before a full collection (gc.collect()): the notebook namespace's gc generation depends on the kernel's own allocations";
  it("is refused where it decides the answer until a full collection", () => {
    expect(outcome("3.11", "import gc\ngc.get_objects(generation=0)")).toBe(`unsupported: gc.get_objects(generation=0) ${why}`);
    expect(outcome("3.11", "import gc\nx = []\ny = [x]\ngc.get_referrers(x)")).toBe(`unsupported: gc.get_referrers() when the notebook's namespace is one of several referrers ${why}`);
  });
  it("is the oldest generation after gc.collect()", () => {
    expect(outcome("3.11", "import gc\ngc.collect()\nx = []\ny = [x]\nprint([type(r).__name__ for r in gc.get_referrers(x)], any(o is globals() for o in gc.get_objects(generation=2)))")).toBe("['list', 'dict'] True");
  });
});
