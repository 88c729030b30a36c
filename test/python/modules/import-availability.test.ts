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
  it("is unsupported for the lesson's own modules", () => {
    expect(outcome("3.13", "import helpers", ["helpers"])).toBe("unsupported: module 'helpers'");
  });
  it("measured lists match sys.stdlib_module_names sizes", () => {
    expect(stdlibModuleNames("3.10").size).toBe(303);
    expect(stdlibModuleNames("3.12").size).toBe(300);
    expect(stdlibModuleNames("3.13").size).toBe(289);
  });
});
