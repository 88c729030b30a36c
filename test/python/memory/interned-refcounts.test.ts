// 3.13's counts of interned strs: answered for names with a digit, refused by name otherwise.
import { describe, expect, it } from "vitest";
import { simulate } from "../../support/differential.js";

describe("reference counts of interned strs on 3.13", () => {
  it("refuses the count of a digit-free interned constant, which CPython may hold as an immortal name", async () => {
    const [, constant, built] = await simulate("3.13", [
      "import sys",
      "def words():\n    return 'items', 'ledger_total'\nprint([sys.getrefcount(w) for w in words()])",
      "print(sys.getrefcount(sys.intern(''.join(['led', 'ger']))))",
    ]);
    expect(constant).toBe("<unsupported: the reference count of the interned str 'items' on 3.13+ (immortal when CPython's runtime or a loaded module already uses it as a name)>\n");
    expect(built).toMatch(/^<unsupported: the reference count of the interned str 'ledger' on 3\.13\+/);
  });

  it("answers names with a digit: immortal for the ones CPython 3.13 already holds, counted otherwise", async () => {
    const [, counts] = await simulate("3.13", ["import sys", "def names():\n    return 'f1', 'sha256', 'row_42'\nprint([sys.getrefcount(n) for n in names()])"]);
    expect(counts).toBe("[4294967295, 4294967295, 4]\n");
  });

  it("answers every interned str on 3.12, where all of them are immortal", async () => {
    const [, counts] = await simulate("3.12", ["import sys", "def words():\n    return 'items', 'ledger_total'\nprint([sys.getrefcount(w) for w in words()])"]);
    expect(counts).toBe("[4294967295, 4294967295]\n");
  });
});
