// The inline caches of generated code (namespace lookups, attribute lookups, calls) must never
// answer from stale state: names rebound, deleted, shadowed, dicts rebuilt, classes changed.
import { describe, expect, it } from "vitest";
import { cpython, simulate } from "../../support/differential.js";

const CELLS = [
  // Globals rebound, deleted and re-added while a function's call site keeps its cache.
  "def f():\n    return g()\ndef g():\n    return 1\nout = [f()]\ndef g():\n    return 2\nout.append(f())\ndel g\ntry:\n    f()\nexcept NameError as e:\n    out.append(str(e))\ng = lambda: 3\nout.append(f())\nout",
  // A builtin, then a global shadowing it, then the shadow deleted.
  "def h():\n    return len([1, 2])\nr = [h()]\nlen = lambda x: 'shadow'\nr.append(h())\ndel len\nr.append(h())\nr",
  // The globals table rebuilt (many new names) and popped/re-added keys.
  "x = 1\ndef k():\n    return x\nr = [k()]\nfor i in range(100):\n    globals()[f'name{i}'] = i\nx = 2\nr.append(k())\nfor i in range(100):\n    del globals()[f'name{i}']\nx = 3\nr.append(k())\nr",
  "import builtins\ndef m():\n    return abs(-4)\nr = [m()]\nbuiltins.abs = lambda v: 'patched'\nr.append(m())\ndel builtins.abs\ntry:\n    m()\nexcept NameError as e:\n    r.append(str(e))\nr",
  // Module-level loops store and load the same names through the cache.
  "total = 0\nfor i in range(5):\n    total += i\n    if i == 2:\n        del total\n        total = 100\ntotal, i",
  // Class bodies read names from the class namespace, then globals, then builtins.
  "y = 'global'\nclass C:\n    a = y\n    y = 'class'\n    b = y\n    del y\n    c = y\n    d = len('ab')\nC.a, C.b, C.c, C.d",
  "import sys\nv = object()\ndef get():\n    return v\nbefore = sys.getrefcount(v)\nfor _ in range(10):\n    get()\nsys.getrefcount(v) - before",
];

for (const version of ["3.8", "3.10", "3.11", "3.12", "3.13"]) {
  describe(`inline caches, profile ${version}`, async () => {
    const real = await cpython(version, CELLS);
    it.skipIf(real === null)(`match CPython ${version}${real === null ? ` (CPython ${version} not installed)` : ""}`, async () => {
      expect(await simulate(version, CELLS)).toEqual(real);
    });
  });
}
