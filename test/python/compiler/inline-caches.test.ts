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
  "class D:\n    @property\n    def p(self):\n        return 'prop'\nd = D()\nd.__dict__['p'] = 'shadow'\ndef get(o):\n    return o.p\nr = [get(d)]\nD.p = 'plain'\nr.append(get(d))\ndel D.p\nr.append(get(d))\ndel d.p\ntry:\n    get(d)\nexcept AttributeError as e:\n    r.append(str(e))\nr",  // Attribute stores at one site while the class gains (and loses) a data descriptor, a descriptor's
  // class gains __set__, and the class gains and loses __setattr__.
  "import sys\nclass P:\n    def __init__(self, x, y):\n        self.x = x\n        self.y = y\ndef put(o, v):\n    o.x = v\na = P(1, 2)\nfor i in range(3):\n    put(a, i)\nr = [vars(a)]\nclass Loud:\n    def __set__(self, obj, value):\n        r.append(('set', value))\n    def __get__(self, obj, owner):\n        return 'descr'\nP.x = Loud()\nput(a, 10)\nr.append((a.x, a.__dict__))\ndel P.x\nput(a, 11)\nr.append(a.x)\nclass Later:\n    pass\nP.x = Later()\nput(a, 12)\nr.append(a.__dict__['x'])\nLater.__set__ = lambda self, obj, value: r.append(('later', value))\nLater.__get__ = lambda self, obj, owner: 'later-get'\nput(a, 13)\nr.append((a.x, a.__dict__['x']))\ndel P.x\nP.__setattr__ = lambda self, name, value: r.append(('setattr', name, value))\nput(a, 14)\nr.append(a.x)\ndel P.__setattr__\nput(a, 15)\nr.append(a.x)\nr",
  // One store site over classes with other key orders, a __dict__ read or replaced, a deleted
  // attribute, an instance made without __init__, __slots__; the stored values' counts.
  "import sys\nclass P:\n    def __init__(self, x, y):\n        self.x = x\n        self.y = y\nclass Q:\n    def __init__(self, y, x):\n        self.y = y\n        self.x = x\ndef put(o, v):\n    o.x = v\n    o.z = v\nr = []\nfor i in range(4):\n    o = P(i, -i) if i % 2 else Q(-i, i)\n    put(o, i * 10)\n    r.append(vars(o))\na = P(1, 2)\nd = a.__dict__\nput(a, 5)\nr.append((d, d is a.__dict__))\na.__dict__ = {'w': 1}\nput(a, 6)\nr.append((a.__dict__, d))\nb = P(1, 2)\ndel b.x\nput(b, 7)\nr.append(vars(b))\nc = P.__new__(P)\nput(c, 8)\nc.y = 9\nr.append(vars(c))\nv = object()\nbefore = sys.getrefcount(v)\ne = P(0, 0)\nput(e, v)\nput(e, v)\nr.append(sys.getrefcount(v) - before)\nput(e, 0)\nr.append(sys.getrefcount(v) - before)\nclass S:\n    __slots__ = ('x', 'z')\ns = S()\nput(s, 3)\nr.append((s.x, s.z))\nclass T:\n    __slots__ = ('x',)\ntry:\n    put(T(), 1)\nexcept AttributeError as exc:\n    r.append(str(exc))\nr",
  // A method call site's no-shadowing finding when instances gain the name; module attribute
  // sites when the module's attribute is rebound, deleted, hooked, and sys.getrefcount patched.
  "import sys, math\nclass A:\n    def __init__(self):\n        self.v = 1\n    def m(self):\n        return 'A.m'\ndef use(o):\n    return o.m()\na = A()\nr = [use(a) for _ in range(3)]\nb = A()\nb.m = lambda: 'b.m'\nr.append((use(a), use(b)))\na.m = lambda: 'a.m'\nr.append(use(a))\ndel a.m\nr.append(use(a))\nm = math\nm.f = lambda: 'f1'\ndef call(mod):\n    return mod.f()\ndef get(mod):\n    return mod.f\nr.append([call(m) for _ in range(3)])\nm.f = lambda: 'f2'\nr.append(call(m))\ndel m.f\ntry:\n    get(m)\nexcept AttributeError as exc:\n    r.append(str(exc))\nm.__getattr__ = lambda name: 'hook ' + name\nr.append(get(m))\nm.f = 'back'\nr.append(get(m))\nclass MyList(list):\n    pass\nx = MyList()\nx.attr = 1\nr.append(get(m))\nsaved = sys.getrefcount\ndef probe(o):\n    return sys.getrefcount(o)\no = []\nr.append([probe(o) for _ in range(3)])\nsys.getrefcount = lambda o: 'patched'\nr.append(probe(o))\ndel sys.getrefcount\ntry:\n    probe(o)\nexcept AttributeError as exc:\n    r.append(str(exc))\nsys.getrefcount = saved\ndel math.__getattr__, math.f\nr",
  // Load and method sites on a class's first instance (a split table) and later ones (flat values)
  // while their __dict__ is written, popped, cleared and given the method's name.
  "class P:\n    def __init__(self, x, y):\n        self.x = x\n        self.y = y\n    def m(self):\n        return 'P.m'\ndef get(o):\n    try:\n        return o.x\n    except AttributeError as exc:\n        return str(exc)\ndef call(o):\n    return o.m()\nfirst, second = P(1, 2), P(3, 4)\nr = [get(first), get(second), get(first), call(first), call(second)]\nd = first.__dict__\nd['x'] = 5\nr.append((get(first), get(second)))\nd.popitem()\nd['m'] = lambda: 'popped-in m'\nr.append((call(first), get(first)))\nd.clear()\nr.append((get(first), call(first)))\nfirst.x = 7\nsecond.__dict__['m'] = lambda: 'second m'\nr.append((get(first), call(first), call(second)))\ndel second.x\nr.append(get(second))\nsecond.x = 9\nr.append((get(second), sorted(vars(second))))\nthird = P(0, 0)\nthird.z = 1\nthird.__dict__.pop('x')\nr.append((get(third), call(third), vars(third)))\nr",
];

for (const version of ["3.8", "3.10", "3.11", "3.12", "3.13"]) {
  describe(`inline caches, profile ${version}`, async () => {
    const real = await cpython(version, CELLS);
    it.skipIf(real === null)(`match CPython ${version}${real === null ? ` (CPython ${version} not installed)` : ""}`, async () => {
      expect(await simulate(version, CELLS)).toEqual(real);
    });
  });
}
