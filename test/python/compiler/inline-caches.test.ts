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
  // Attribute and method lookups at one site while classes change under them.
  "class A:\n    def m(self):\n        return 'A.m'\n    x = 'A.x'\nclass B(A):\n    pass\ndef use(o):\n    return o.m(), o.x\nb = B()\nr = [use(b)]\nA.m = lambda self: 'patched'\nr.append(use(b))\nB.x = 'B.x'\nr.append(use(b))\nb.x = 'inst'\nb.m = lambda: 'inst.m'\nr.append(use(b))\ndel b.m, b.x, B.x\nr.append(use(b))\nclass C:\n    def m(self):\n        return 'C.m'\n    x = 'C.x'\nc = C()\nr.append(use(c))\nr.append(use(b))\nC.__getattr__ = lambda self, name: 'getattr ' + name\ndel C.x\nr.append(use(c))\nr",
  "class D:\n    @property\n    def p(self):\n        return 'prop'\nd = D()\nd.__dict__['p'] = 'shadow'\ndef get(o):\n    return o.p\nr = [get(d)]\nD.p = 'plain'\nr.append(get(d))\ndel D.p\nr.append(get(d))\ndel d.p\ntry:\n    get(d)\nexcept AttributeError as e:\n    r.append(str(e))\nr",
];

for (const version of ["3.8", "3.10", "3.11", "3.12", "3.13"]) {
  describe(`inline caches, profile ${version}`, async () => {
    const real = await cpython(version, CELLS);
    it.skipIf(real === null)(`match CPython ${version}${real === null ? ` (CPython ${version} not installed)` : ""}`, async () => {
      expect(await simulate(version, CELLS)).toEqual(real);
    });
  });
}
