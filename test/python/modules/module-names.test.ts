// A name the simulator's module lacks: AttributeError where CPython's module lacks it on the
// version, refused by name where CPython has it (attribute access, from-import, hasattr and
// getattr with a default, import *), and the simulator's modules never hold a name CPython's lack.
import { describe, expect, it } from "vitest";
import { NotebookSession } from "../../../src/python/session/session.js";
import { cellOutcome } from "../../support/cell-outcome.js";
import { getProfile } from "../../../src/python/profiles/table.js";
import { cpythonDir } from "../../../src/python/modules/cpython-module-names.js";
import { dictForEach } from "../../../src/python/runtime/types/dict.js";
import { PyStr } from "../../../src/python/runtime/types/str.js";
import { rt } from "../../../src/python/runtime/state.js";

const outcome = cellOutcome;

const MEASURED_VERSIONS = ["3.6", "3.7", "3.8", "3.9", "3.10", "3.11", "3.12", "3.13"];

/** The modules written in C: every name of the simulator's module must be one of CPython's. */
const C_MODULES = ["sys", "gc", "time", "math", "ctypes", "_weakref"];
/** The modules the simulator writes in Python: their private helpers are its own. */
const SOURCE_MODULES = ["copy", "string", "weakref"];

describe("the names of the simulator's modules", () => {
  it.each(MEASURED_VERSIONS)("are CPython %s's names", (version) => {
    const session = new NotebookSession(getProfile(version as never), { display: "pretty" });
    try {
      const result = session.runCell(`import ${[...C_MODULES, ...SOURCE_MODULES].join(", ")}`, { timeoutMs: 10_000, maxSteps: 10_000_000 });
      expect(result.status).toBe("ok");
      const minor = Number(version.split(".")[1]);
      const strays: string[] = [];
      for (const name of [...C_MODULES, ...SOURCE_MODULES]) {
        const cpython = new Set(cpythonDir(name, minor));
        dictForEach(rt.modules.get(name)!.dict, (key) => {
          const text = (key as PyStr).value;
          if (!cpython.has(text) && (C_MODULES.includes(name) || !text.startsWith("_"))) strays.push(`${name}.${text}`);
        });
      }
      expect(strays).toEqual([]);
    } finally {
      session.close();
    }
  });
});

describe("a name the simulator's module lacks", () => {
  it("is refused by name where CPython has it", () => {
    for (const name of ["c_wchar", "c_wchar_p", "create_unicode_buffer"]) {
      for (const version of ["3.6", "3.11", "3.13"]) expect(outcome(version, `import ctypes\nctypes.${name}`)).toBe(`unsupported: ctypes.${name}`);
    }
    expect(outcome("3.6", "import time\ntime.clock()")).toBe("unsupported: time.clock");
    expect(outcome("3.12", "import sys\nsys.flags")).toBe("unsupported: sys.flags");
    expect(outcome("3.11", "import builtins\nbuiltins.exit")).toBe("unsupported: builtins.exit");
  });
  it("is refused through from-import, hasattr and getattr with a default", () => {
    expect(outcome("3.11", "from ctypes import create_unicode_buffer")).toBe("unsupported: ctypes.create_unicode_buffer");
    expect(outcome("3.11", "from ctypes import util")).toBe("unsupported: ctypes.util");
    expect(outcome("3.8", "import ctypes\nhasattr(ctypes, 'c_wchar')")).toBe("unsupported: ctypes.c_wchar");
    expect(outcome("3.13", "import sys\ngetattr(sys, 'implementation', None)")).toBe("unsupported: sys.implementation");
  });
  it("from-import of a missing name: refused where CPython's ImportError shows the module's file", () => {
    expect(outcome("3.11", "from math import no_such_name")).toBe("unsupported: from math import no_such_name, which fails (CPython's ImportError shows the path of the module's file)");
    expect(outcome("3.11", "from sys import no_such_name")).toBe("ImportError: cannot import name 'no_such_name' from 'sys' (unknown location)");
    expect(outcome("3.6", "from copy import no_such_name")).toBe("ImportError: cannot import name 'no_such_name'");
  });
  it("is refused for the names a session may give sys", () => {
    expect(outcome("3.11", "import sys\nsys.last_value")).toBe("unsupported: sys.last_value");
  });
  it("raises CPython's AttributeError where the version lacks it", () => {
    expect(outcome("3.10", "import sys\nsys.exception")).toBe("AttributeError: module 'sys' has no attribute 'exception'");
    expect(outcome("3.6", "import time\ntime.time_ns")).toBe("AttributeError: module 'time' has no attribute 'time_ns'");
    expect(outcome("3.10", "import math\nmath.cbrt")).toBe("AttributeError: module 'math' has no attribute 'cbrt'");
    expect(outcome("3.8", "import time\ntime.clock")).toBe("AttributeError: module 'time' has no attribute 'clock'");
    expect(outcome("3.11", "import sys\nprint(hasattr(sys, 'no_such_name'), hasattr(sys, '__getattr__'))")).toBe("False False");
  });
  it("on a version newer than the measured ones, is refused", () => {
    expect(outcome("3.14", "import math\nmath.no_such_name")).toBe("unsupported: math.no_such_name");
  });
});

describe("import * from the simulator's modules", () => {
  it("binds the names where the simulator has every public name", () => {
    expect(outcome("3.11", "from math import *\nprint(floor(pi))")).toBe("3");
    expect(outcome("3.12", "from copy import *\nprint(deepcopy([1]), Error.__name__)")).toBe("[1] Error");
  });
  it("refuses where CPython's module has a public name the simulator's lacks", () => {
    expect(outcome("3.11", "from sys import *")).toBe("unsupported: from sys import * (the simulator's module lacks sys.abiflags)");
    expect(outcome("3.13", "from copy import *")).toBe("unsupported: copy.replace");
    expect(outcome("3.11", "from string import *")).toBe("unsupported: string.Formatter");
  });
});

describe("dir() of the simulator's modules", () => {
  it("lists CPython's names for gc and _weakref, and refuses the others", () => {
    expect(outcome("3.11", "import gc\nprint(len(dir(gc)), 'freeze' in dir(gc))")).toBe("30 True");
    expect(outcome("3.6", "import _weakref\nprint(len(dir(_weakref)))")).toBe("13");
    expect(outcome("3.11", "import ctypes\ndir(ctypes)")).toBe("unsupported: dir() of module 'ctypes' (the simulator has only part of its names)");
  });
});
