// __slots__ members in a class over a built-in other than object are refused by name (no slot storage there).
import { describe, expect, it } from "vitest";
import { simulate } from "../../support/differential.js";

describe("__slots__ members in a class over a built-in type", () => {
  it("is refused by name for list, dict and exceptions on every version", async () => {
    for (const version of ["3.6", "3.11", "3.13"]) {
      const outputs = await simulate(version, ["class L(list):\n    __slots__ = ('a',)", "class E(Exception):\n    __slots__ = ('a', '__dict__')"]);
      expect(outputs[0]).toBe("<unsupported: __slots__ members in a class over the built-in type 'list'>\n");
      expect(outputs[1]).toBe("<unsupported: __slots__ members in a class over the built-in type 'Exception'>\n");
    }
  });

  it("accepts empty __slots__ and __dict__ alone over list", async () => {
    const outputs = await simulate("3.12", ["class L(list):\n    __slots__ = ()\nclass M(list):\n    __slots__ = ('__dict__',)\nm = M([1]); m.t = 2\nprint(m, m.t, len(L([1, 2])))"]);
    expect(outputs[0]).toBe("[1] 2 2\n");
  });
});
