// What the compiler reports besides code: its SyntaxWarnings as a notebook shows them (IPython's
// "<>" pre-compile, then each statement's own) and its SyntaxErrors, against the real interpreters.
import { describe, expect, it } from "vitest";
import { cpython, simulate } from "../../support/differential.js";

const CELLS = [
  "value = 5\nprint(value is 5)",
  "(5)[0]",
  "[1, 2]['a']",
  "def f(x):\n    return x is not 'y', (1, 2)(3), 'abc'[1.5]\nf('y')",
  "x = 3\nx is -1, x is (), x is None, x is ..., x is True",
  "{1}[0]",
  "[0](1) if False else 'fine'",
];

for (const version of ["3.7", "3.8", "3.11", "3.12", "3.13"]) {
  describe(`compile-time SyntaxWarnings, profile ${version}`, async () => {
    const real = await cpython(version, CELLS);
    it.skipIf(real === null)(`match CPython ${version}${real === null ? ` (CPython ${version} not installed)` : ""}`, async () => {
      expect(await simulate(version, CELLS)).toEqual(real);
    });
  });
}

const COMPILE_ERRORS = ["x = 1\nreturn 5", "x", "*first, *second = [1, 2]", "for item in []:\n    pass\nbreak", "continue", "def g():\n    for item in []:\n        def h():\n            break"];

for (const version of ["3.8", "3.9", "3.11", "3.13"]) {
  describe(`SyntaxErrors of the compiler, profile ${version}`, async () => {
    const real = await cpython(version, COMPILE_ERRORS);
    it.skipIf(real === null)(`match CPython ${version}${real === null ? ` (CPython ${version} not installed)` : ""}`, async () => {
      expect(await simulate(version, COMPILE_ERRORS)).toEqual(real);
    });
  });
}
