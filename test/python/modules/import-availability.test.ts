// Which failed imports are ModuleNotFoundError and which are refused: the standard library of
// the profile's version, well-known installable packages and the lesson's own modules may exist.
import { describe, expect, it } from "vitest";
import { NotebookSession } from "../../../src/python/session/session.js";
import { getProfile } from "../../../src/python/profiles/table.js";
import { stdlibModuleNames } from "../../../src/python/modules/stdlib-names.js";

function outcome(profile: string, source: string, localModules?: readonly string[]): string {
  const session = new NotebookSession(getProfile(profile as never), { display: "pretty", ...(localModules ? { localModules } : {}) });
  try {
    const result = session.runCell(source, { timeoutMs: 10_000, maxSteps: 1_000_000 });
    if (result.status === "unsupported") return `unsupported: ${result.unsupported?.feature}`;
    return result.exception?.lastLine ?? result.status;
  } finally {
    session.close();
  }
}

describe("import of a module the simulator lacks", () => {
  it("is ModuleNotFoundError for a name no environment has", () => {
    expect(outcome("3.12", "import no_such_module_xyz")).toBe("ModuleNotFoundError: No module named 'no_such_module_xyz'");
  });
  it("is unsupported for the standard library and well-known packages", () => {
    expect(outcome("3.12", "import os")).toBe("unsupported: module 'os'");
    expect(outcome("3.12", "import numpy")).toBe("unsupported: module 'numpy'");
    expect(outcome("3.12", "import pandas.core")).toBe("unsupported: module 'pandas.core'");
  });
  it("follows the version's standard library", () => {
    expect(outcome("3.11", "import imp")).toBe("unsupported: module 'imp'");
    expect(outcome("3.12", "import imp")).toBe("ModuleNotFoundError: No module named 'imp'");
    expect(outcome("3.8", "import graphlib")).toBe("ModuleNotFoundError: No module named 'graphlib'");
    expect(outcome("3.9", "import graphlib")).toBe("unsupported: module 'graphlib'");
  });
  it("is unsupported for __main__, the session's own module", () => {
    expect(outcome("3.12", "import __main__")).toBe("unsupported: module '__main__'");
  });
  it("is unsupported for the lesson's own modules", () => {
    expect(outcome("3.13", "import helpers", ["helpers"])).toBe("unsupported: module 'helpers'");
  });
  it("measured lists match sys.stdlib_module_names sizes", () => {
    expect(stdlibModuleNames("3.10").size).toBe(303);
    expect(stdlibModuleNames("3.12").size).toBe(300);
    expect(stdlibModuleNames("3.13").size).toBe(289);
  });
});

describe("dir() of the simulator's modules", () => {
  it("lists builtins with the names it refuses and IPython's own (160 names on 3.11, as in Jupyter)", () => {
    expect(outcome("3.11", "import builtins\nnames = dir(builtins)\nassert len(names) == 160 and 'get_ipython' in names and 'display' in names and 'aiter' in names, len(names)")).toBe("ok");
  });
  it("lists gc and _weakref, whose every name the simulator knows", () => {
    expect(outcome("3.12", "import gc, _weakref\nassert 'get_debug' in dir(gc) and '__spec__' in dir(gc) and '_remove_dead_weakref' in dir(_weakref)")).toBe("ok");
  });
  it("is refused for modules the simulator has only in part, or whose names depend on CPython's build", () => {
    expect(outcome("3.12", "import math\ndir(math)")).toBe("unsupported: dir() of module 'math' (the simulator has only part of its names)");
    expect(outcome("3.12", "import sys\ndir(sys)")).toBe("unsupported: dir() of module 'sys' (the simulator has only part of its names)");
  });
  it("refuses gc's permanent generation and debugging flags", () => {
    expect(outcome("3.12", "import gc\ngc.freeze()")).toBe("unsupported: gc.freeze() (the permanent generation is not simulated)");
    expect(outcome("3.12", "import gc\ngc.set_debug(gc.DEBUG_LEAK)")).toBe("unsupported: gc.set_debug() with debugging flags");
    expect(outcome("3.12", "import gc\ngc.get_freeze_count()")).toBe("unsupported: gc.get_freeze_count() on 3.12 (the interpreter starts with objects in the permanent generation)");
    expect(outcome("3.13", "import gc\ngc.unfreeze()\nassert gc.get_freeze_count() == 0")).toBe("ok");
  });
});
