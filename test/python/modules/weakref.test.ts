// weakref: ref (reuse of the basic reference, callbacks, equality, hash, __callback__, reprs),
// getweakrefcount/getweakrefs in CPython's list order, subclasses, finalize and the weak
// containers.
import { describe, expect, it } from "vitest";
import { simulate } from "../../support/differential.js";
import { agreesWithCPython } from "./differential-cases.js";

const REF_CELLS = [
  "import weakref, sys, gc\nclass A:\n    def __repr__(self): return 'A()'\na = A()",
  "r1 = weakref.ref(a); r2 = weakref.ref(a)\nprint(r1 is r2, weakref.getweakrefcount(a), r1() is a)",
  "def cb(ref): print('callback', ref() is None)\nr3 = weakref.ref(a, cb); r4 = weakref.ref(a, cb)\nprint(r3 is r4, weakref.getweakrefcount(a), [x is r1 for x in weakref.getweakrefs(a)], [x is r3 for x in weakref.getweakrefs(a)], a.__weakref__ is r1)",
  "print(r3.__callback__ is cb, r1.__callback__, r1 == r2, r1 == r3, r1 != r3, r1 == 1, hash(r1) == hash(a))",
  "r1",
  "del a\nprint(r1(), r1, r3.__callback__, r1 == r2, r1 == r3, r3 == r4)",
  "r1",
  "b = A()\nrb = weakref.ref(b)\ndel b\nhash(rb)",
  "weakref.ref(1)",
  "weakref.ref([])",
  "weakref.ref()",
  "weakref.ref(A(), None, 3)",
  "c = A()\nweakref.ref(c, callback=print)",
  "weakref.ref(c)(1)",
  "weakref.getweakrefcount(1), weakref.getweakrefs(1)",
  "weakref.getweakrefs()",
  "type(weakref.ref(c)), weakref.ref, weakref.ReferenceType is weakref.ref, weakref.ref.__name__",
  "def f(): pass\nprint(repr(weakref.ref(f)).split(';')[1], repr(weakref.ref(A)).split(';')[1])",
  "class I(int): pass\nweakref.ref(I(1))",
  "weakref.ref(weakref.ref(c))",
  "class N: pass\nn = N()\nrn = weakref.ref(n, lambda r: print('dead via gc'))\nn.self = n\ndel n\nprint('before collect', rn() is not None)\ngc.collect()\nprint('after collect', rn())",
  "x = A()\nrs = [weakref.ref(x, lambda r, i=i: print('cb', i)) for i in range(3)]\ndel x",
  "sys.getsizeof(weakref.ref(c))",
  "before = sys.getrefcount(c)\nkeep = [weakref.ref(c, print) for _ in range(3)]\nsys.getrefcount(c) - before, weakref.getweakrefcount(c)",
];

const SUBCLASS_AND_FINALIZE_CELLS = [
  "import weakref\nclass A: pass\nclass R(weakref.ref):\n    def __init__(self, ob, callback=None):\n        super().__init__(ob, callback)\n        self.extra = 5\na = A()",
  "rr = R(a)\nprint(rr.extra, rr() is a, type(rr).__name__, weakref.getweakrefcount(a), rr is weakref.ref(a))",
  "rr",
  "R(a, None, 3)",
  "f = weakref.finalize(a, print, 'finalized', 1)\nprint(f.alive, f.peek()[1:], type(f).__name__, f.atexit)",
  "del a\nprint(f.alive, f(), f.peek(), f.detach())",
  "b = A()\ng = weakref.finalize(b, lambda: 'ran')\ng(), g(), g.alive",
  "c = A()\nh = weakref.finalize(c, print, 'never')\nh.detach()[2:], h.alive",
  "h",
];

const CONTAINER_CELLS = [
  "import weakref\nclass A:\n    def __init__(self, n): self.n = n\n    def __repr__(self): return f'A({self.n})'\na, b = A(1), A(2)",
  "d = weakref.WeakValueDictionary()\nd['x'] = a; d['y'] = b\nprint(len(d), sorted(d), d['x'], 'x' in d, d.get('z'), list(d.keys()), list(d.values()), list(d.items()))",
  "del a\nprint(len(d), list(d), 'x' in d, d.get('x', 'gone'))",
  "d['x']",
  "k = weakref.WeakKeyDictionary()\nk[b] = 'bee'\nc = A(3)\nk[c] = 'sea'\nprint(len(k), k[b], b in k, list(k.values()))\ndel c\nprint(len(k), list(k.items()))",
  "s = weakref.WeakSet([b])\ne = A(5)\ns.add(e)\nprint(len(s), b in s, e in s, 1 in s)\ndel e\nprint(len(s), list(s))",
  "type(d).__name__, type(k).__name__, type(s).__name__, type(s).__module__",
  "for key in d:\n    print('key', key)",
  "d == {'y': b}, isinstance(d, dict), type(d.keys()).__name__",
  "d.pop('y'), len(d)",
  "d.pop('y')",
  "w = weakref.WeakValueDictionary({'p': b})\nit = iter(w.items())\nnext(it)",
  "k2 = weakref.WeakKeyDictionary({b: 1})\nk2.get(b), k2.pop(b), len(k2)",
];

agreesWithCPython("weakref.ref and its functions", REF_CELLS);
agreesWithCPython("weakref: subclasses and finalize", SUBCLASS_AND_FINALIZE_CELLS);
agreesWithCPython("weakref: WeakValueDictionary, WeakKeyDictionary, WeakSet", CONTAINER_CELLS);

agreesWithCPython("weakref: proxies", [
  "import weakref\nclass P:\n    size = 2\n    def __init__(self): self.items = [1, 2, 3]\n    def __getitem__(self, i): return self.items[i]\n    def __iter__(self): return iter(self.items)\n    def __add__(self, other): return 'added'\n    def __eq__(self, other): return 'eq'\n    __hash__ = None\np = P()\nx = weakref.proxy(p)",
  "x.size, x[1], list(x), x + 1, x == 0, 3 in x, x is weakref.proxy(p), weakref.getweakrefcount(p)",
  "x.size = 7\ndel x.items\np.size, hasattr(p, 'items')",
  "hash(x)",
  "type(x), type(weakref.proxy(len)) if False else type(weakref.proxy(P)), weakref.ProxyTypes",
  "cb = weakref.proxy(p, lambda ref: print('gone', type(ref).__name__))\ncb is x, weakref.getweakrefcount(p)",
  "del p",
  "x.size",
  "len(x)",
  "weakref.proxy()",
  "weakref.proxy(1)",
]);

describe("weakref: what the simulator refuses", () => {
  it("refuses WeakMethod by name", async () => {
    const outputs = await simulate("3.12", ["import weakref", "weakref.WeakMethod"]);
    expect(outputs[1]).toBe("<unsupported: weakref.WeakMethod>\n");
  });
});
