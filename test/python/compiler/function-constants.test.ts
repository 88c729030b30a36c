// What a def adds to its parent's co_consts (defaults, keyword-only defaults, annotations) and
// what the function object then shows, per version, against the real interpreters.
import { describe, expect, it } from "vitest";
import { cpython, simulate } from "../../support/differential.js";

const CELLS = [
  "def outer():\n    def f(x: int, *rest: list, y: 'str' = 1, **options: dict) -> bool: pass\n    def g(x, *, y=2, z=3): pass\n    return f, g\nouter.__code__.co_consts[1:]",
  "f, g = outer()\nf.__annotations__",
  "g.__kwdefaults__, g.__defaults__, f.__defaults__",
  "def plain(a, b=[]): pass\nplain.__annotations__, plain.__kwdefaults__",
  "import sys\ndef h(x: int): pass\nsys.getrefcount(h.__annotations__)",
];

for (const version of ["3.8", "3.9", "3.10", "3.11", "3.12", "3.13"]) {
  describe(`function constants, profile ${version}`, async () => {
    const real = await cpython(version, CELLS);
    it.skipIf(real === null)(`matches CPython ${version}${real === null ? ` (CPython ${version} not installed)` : ""}`, async () => {
      expect(await simulate(version, CELLS)).toEqual(real);
    });
  });
}

describe("function constants, profile 3.14", () => {
  // No native 3.14 to compare with: PEP 649 moves the annotations into __annotate__, whose code
  // object precedes the def's in co_consts (codegen_function_annotations); see cpython314-model.
  it("compiles annotations into an __annotate__ function instead of a tuple", async () => {
    const [consts, annotations] = await simulate("3.14", CELLS.slice(0, 2));
    // kw-only defaults: 'y' and 'z' loaded one by one (3.14 has no BUILD_CONST_KEY_MAP); 2 and 3 are small ints.
    expect(consts!.replace(/\s+/g, " ")).toMatch(/^\(<code object __annotate__ at @\d+, file "[^"]+", line 2>, <code object f at @\d+, file "[^"]+", line 2>, 'z', <code object g at /);
    expect(annotations!.trimEnd()).toBe("{'x': int, 'rest': list, 'y': 'str', 'options': dict, 'return': bool}");
  });
});
