// 3.8+ compile a copy of a finally body where a `return` leaves it; when that body defines a
// function or class, the copy's code objects come first in co_consts: refused by name.
import { describe, expect, it } from "vitest";
import { simulate } from "../../support/differential.js";

describe("co_consts of a return through a finally body that defines a function", () => {
  const cells = ["def left():\n    try:\n        return 1\n    finally:\n        def inner():\n            return 'x'\nprint(left())", "left.__code__.co_consts"];

  it("runs the function and refuses its co_consts on 3.8+", async () => {
    for (const version of ["3.8", "3.11", "3.13"]) {
      const [ran, consts] = await simulate(version, cells);
      expect(ran, version).toBe("1\n");
      expect(consts, version).toBe("<unsupported: co_consts and co_names of code whose `return` leaves a finally body that defines a function or class (3.8+ compile a copy of that body there)>\n");
    }
  });

  it("answers on 3.7, which compiles the finally body once", async () => {
    const [, consts] = await simulate("3.7", cells);
    expect(consts).toMatch(/^\(None,\n 1,\n <code object inner at /);
  });
});
