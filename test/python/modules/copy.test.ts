// The copy module: shallow and deep copies with CPython's identities (what is shared, what is
// rebuilt, what is its own copy), memo and cycles, __copy__/__deepcopy__, instances and state.
import { describe, expect, it } from "vitest";
import { simulate } from "../../support/differential.js";
import { agreesWithCPython } from "./differential-cases.js";

const CONTAINER_CELLS = [
  "import copy, sys",
  "a = [1, [2, 3], {'k': [4]}]\nb = copy.copy(a)\nc = copy.deepcopy(a)\nprint(b == a, b is a, b[1] is a[1], c[1] is a[1], c[2]['k'] is a[2]['k'], c == a)",
  "t = (1, 2, (3, 4))\ncopy.copy(t) is t, copy.deepcopy(t) is t",
  "t2 = (1, [2])\nd = copy.deepcopy(t2)\nd is t2, d[1] is t2[1], d == t2",
  "s = {1, 2}; f = frozenset([1, 2])\ncopy.copy(s) is s, copy.copy(s) == s, copy.copy(f) is f, copy.deepcopy(f) is f, copy.deepcopy(f) == f",
  "shared = [1]\nouter = [shared, shared]\ndc = copy.deepcopy(outer)\ndc[0] is dc[1], dc[0] is shared",
  "cyc = [1]\ncyc.append(cyc)\ndcy = copy.deepcopy(cyc)\nprint(dcy is dcy[1], dcy is not cyc, dcy)",
  "dd = {'a': 1}\ndd['self'] = dd\nddc = copy.deepcopy(dd)\nddc['self'] is ddc, ddc is not dd",
  "copy.copy(5), copy.copy('s'), copy.copy(None), copy.deepcopy(None), copy.copy(len) is len, copy.deepcopy(int) is int",
  "memo = {}\nx = [1]\ny = copy.deepcopy([x, x], memo)\nlen(memo), memo[id(x)] is y[0], id(memo) in memo",
  "big = [10**20]\nbefore = sys.getrefcount(big[0])\nclone = copy.copy(big)\nsys.getrefcount(big[0]) - before",
  "copy.copy()",
  "copy.deepcopy()",
  "copy.deepcopy(1, {}, [], 4)",
  "copy.Error, copy.error is copy.Error, issubclass(copy.Error, Exception)",
];

const INSTANCE_CELLS = [
  "import copy, sys",
  "class P:\n    def __init__(self, x, items):\n        self.x = x\n        self.items = items\n    def __repr__(self):\n        return f'P({self.x}, {self.items})'\np = P(1, [1, 2])\nq = copy.copy(p)\nr = copy.deepcopy(p)\nprint(q, r, q is p, q.items is p.items, r.items is p.items, type(r) is P)",
  "class C:\n    def __copy__(self):\n        print('copy called')\n        return 'copied'\n    def __deepcopy__(self, memo):\n        print('deepcopy called', type(memo))\n        return 'deep'\ncopy.copy(C()), copy.deepcopy(C()), copy.deepcopy([C()])",
  "class E: pass\ne = E()\ne2 = copy.copy(e)\ntype(e2) is E, vars(e2), e2 is not e",
  "class Node:\n    def __init__(self): self.other = None\nn1 = Node(); n2 = Node(); n1.other = n2; n2.other = n1\nm1 = copy.deepcopy(n1)\nm1.other.other is m1, m1 is not n1, m1.other is not n2",
  "class L(list): pass\nl = L([1, [2]]); l.tag = 't'\nl2 = copy.copy(l); l3 = copy.deepcopy(l)\ntype(l2).__name__, l2, l2.tag, l2[1] is l[1], l3[1] is l[1], l3 == l",
  "class D(dict): pass\ndct = D(a=[1])\nd2 = copy.deepcopy(dct)\ntype(d2).__name__, d2, d2['a'] is dct['a']",
  "class G:\n    def __getstate__(self): return {'z': 9}\n    def __setstate__(self, state): self.restored = state\ng2 = copy.copy(G())\ng2.restored",
  "def fn(): pass\ncopy.copy(fn) is fn, copy.deepcopy(fn) is fn",
  "class M:\n    def meth(self): return 1\nmm = M()\nbm = copy.copy(mm.meth)\nbm(), bm.__self__ is mm",
  "class K:\n    pass\nk = K(); k.v = [1]\nbefore = sys.getrefcount(k.v)\nk2 = copy.copy(k)\nsys.getrefcount(k.v) - before, k2.v is k.v",
  "class Init:\n    def __init__(self):\n        print('init runs')\n        self.n = 1\ni1 = Init()\ni2 = copy.copy(i1)\ni2.n",
];

agreesWithCPython("copy: containers, identity and memo", CONTAINER_CELLS);
agreesWithCPython("copy: instances of Python classes", INSTANCE_CELLS);

describe("copy: what the simulator refuses", () => {
  it("refuses custom __reduce__ protocols instead of guessing", async () => {
    const outputs = await simulate("3.12", [
      "import copy",
      "class R:\n    def __reduce__(self):\n        return (R, ())\ncopy.copy(R())",
    ]);
    expect(outputs[1]).toBe("<unsupported: copying objects whose class defines __reduce__>\n");
  });
});
