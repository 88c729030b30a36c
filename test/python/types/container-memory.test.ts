// The memory model of containers against CPython 3.6–3.13: gc tracking, address reuse through free
// lists (list(), dict() use fresh blocks), and exact reference counts through every operation.
import { agreesWithCPython } from "../../support/agreement.js";

const CELLS = [
  "import gc, sys\ngc.disable()\n_ = gc.collect()",
  "print(gc.is_tracked([]), gc.is_tracked({}), gc.is_tracked({1: []}), gc.is_tracked((1, 2)), gc.is_tracked(([],)), gc.is_tracked(set()), gc.is_tracked(slice(1)), gc.is_tracked(range(3)), gc.is_tracked(iter([])), gc.is_tracked({}.keys()))",
  "d = {}\nprint(gc.is_tracked(d)); d[1] = 2; print(gc.is_tracked(d)); d[2] = []; print(gc.is_tracked(d)); del d[2]; print(gc.is_tracked(d)); print(gc.is_tracked(d.copy()), gc.is_tracked(dict(d)))",
  "def f():\n    l = [1, 2, 3]\n    i = id(l)\n    del l\n    m = [4, 5]\n    print(id(m) == i)\n    x = [1]; y = [2]; ix, iy = id(x), id(y)\n    del x; del y\n    p = []; q = []\n    print(id(p) == iy, id(q) == ix)\n    d1 = {'a': 1}; i1 = id(d1); del d1; d2 = {}; print(id(d2) == i1)\n    t1 = (1, [2]); i1 = id(t1); del t1; t2 = (3, [4]); print(id(t2) == i1)\n    s1 = {1, 2}; i1 = id(s1); del s1; s2 = {3}; print(id(s2) == i1)\n    a = list(range(5)); ia = id(a); del a; b = list(range(3)); print(id(b) == ia)\nf()",
  "def f():\n    a = [1, 2, 3]\n    r = [sys.getrefcount(a)]\n    b = [a, a]\n    r.append(sys.getrefcount(a))\n    c = b * 3\n    r.append(sys.getrefcount(a))\n    del b, c\n    r.append(sys.getrefcount(a))\n    print(r)\nf()",
  "def f():\n    x = object()\n    r = []\n    d = {x: x}\n    r.append(sys.getrefcount(x))\n    d2 = d.copy()\n    r.append(sys.getrefcount(x))\n    d.clear(); d2.clear()\n    r.append(sys.getrefcount(x))\n    s = {x}; fs = frozenset(s); r.append(sys.getrefcount(x)); del s, fs; r.append(sys.getrefcount(x))\n    l = [x] * 4\n    r.append(sys.getrefcount(x))\n    v = l.pop()\n    r.append(sys.getrefcount(x))\n    l.remove(x); l.insert(0, x); del l[1]; l[0:1] = [x, x, x]\n    r.append(sys.getrefcount(x))\n    l.sort(key=id); l.reverse(); l *= 2\n    r.append(sys.getrefcount(x))\n    del l, v\n    r.append(sys.getrefcount(x))\n    t = tuple([x, x]); r.append(sys.getrefcount(x)); u = t[:1] + t; r.append(sys.getrefcount(x)); del t, u; r.append(sys.getrefcount(x))\n    print(r)\nf()",
  "def f():\n    x = object()\n    d = dict.fromkeys([x, 1], x)\n    e = {**d}\n    r = [sys.getrefcount(x)]\n    it = iter(d.items()); p = next(it); r.append(sys.getrefcount(x)); del p, it\n    r.append(sys.getrefcount(x))\n    d.popitem(); d.popitem(); e.clear()\n    r.append(sys.getrefcount(x))\n    print(r)\nf()",
  "gc.enable()",
];

const IDENTITY = [
  "def f():\n    out = []\n    a = [1, 2, 3]; buf_owner = id(a); del a\n    x = 1.5 * 3; out.append(id(x) == buf_owner)\n    l = [10, 20, 30]; del l\n    y = float('2.5'); z = float('3.5')\n    w = [1, 2, 3, 4, 5, 6]\n    out.append(sorted([id(y) % 4096, id(z) % 4096]) == sorted([id(y) % 4096, id(z) % 4096]))\n    print(out)\nf()",
  "def f():\n    a = list(range(100)); b = [None] * 100\n    ia, ib = id(a), id(b)\n    del a, b\n    c = []; d = []\n    print(id(c) == ib, id(d) == ia)\nf()",
  "def f():\n    out = []\n    for i in range(3):\n        d = {'k': i}\n        out.append(id(d))\n        del d\n    print(out[0] == out[1] == out[2])\n    s1 = set(range(10)); i1 = id(s1); del s1\n    s2 = set(); print(id(s2) == i1)\n    r = range(5); ir = id(r); del r; r2 = range(6); print(id(r2) == ir)\n    sl = slice(1, 2); isl = id(sl); del sl; sl2 = slice(3); print(id(sl2) == isl)\nf()",
  "def f():\n    x = [1, 2, 3]\n    y = x[:]\n    z = x.copy()\n    w = list(x)\n    print(x == y == z == w, x is y, y is z, len({id(x), id(y), id(z), id(w)}))\nf()",
  "print(id([]) == id([]), id(()) == id(()), id({}) == id({}), id(set()) == id(set()), id([1]) == id([2]), id((1, [])) == id((1, [])))",
];

agreesWithCPython("container memory", CELLS);
agreesWithCPython("container identity", IDENTITY);
