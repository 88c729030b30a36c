// The simulator's display of values agrees with real IPython 8 (on CPython 3.11) byte for byte:
// line breaking at width 79, containers, cycles, truncation, classes, functions, subclasses,
// exceptions and `_repr_pretty_`.
import { describe, expect, it } from "vitest";
import { labelled, realEngine, showCases, simulatedCases, type DisplayCase } from "./display-support.js";

const LAYOUT: DisplayCase[] = [
  "list(range(25))",
  "list(range(26))",
  "[list(range(10))] * 5",
  "[[list(range(8))] * 3] * 3",
  "{i: list(range(i)) for i in range(12)}",
  "{'key%d' % i: 'value' * i for i in range(10)}",
  "[('a' * 20, 'b' * 20, 'c' * 20), ('d' * 30, 'e' * 30)]",
  "('x' * 77,)",
  "('x' * 78,)",
  "['x' * 76]",
  "['x' * 77]",
  "['x' * 200, 1, 2]",
  "[1, ['x' * 200], 2]",
  "{'a': 'x' * 100}",
  "{'a' * 100: 1, 'b': 2}",
  "[{'a': 1, 'b': [1, 2, 3] * 10}]",
  "[1, [2, [3, [4, [5, 'x' * 70]]]]]",
  "[['a' * 30, 'b' * 30], ['c' * 30, 'd' * 30]]",
  "{'outer': {'inner': 'z' * 70}}",
  "['é' * 77]",
  "['é' * 78]",
  "['🐍' * 76]",
  "['🐍' * 77]",
  "[10**30, 10**40, 10**50]",
  "['a\\nb', \"it's\", 'say \"hi\"']",
  "[b'abc' * 30, b'x']",
];

const CONTAINERS: DisplayCase[] = [
  "[[], (), {}, set(), frozenset()]",
  "(1, (2, (3, (4,))))",
  "[(1,), (2, 3), ()]",
  "set(range(50))",
  "frozenset(range(50))",
  "{'b', 'a', 'c'}",
  "{1, 'a', 2.5, None}",
  "{(1, 2), (0, 5), (1, 0)}",
  "{frozenset({1}), frozenset({2}), frozenset({1, 2})}",
  "{-1, -5, 3, 100, 7}",
  "frozenset({'x' * 50, 'y' * 50})",
  "{2: 'x', 1: 'y'}",
  "[1.5, 2.25, 1e100, float('nan'), float('inf'), 1j, 2+3j]",
  "[True, False, None, ..., NotImplemented]",
  "[range(5), slice(1, None, 2)]",
  "{}.keys(), {1: 2}.values(), {'a': 1}.items()",
  "x = [1] * 1001\nx",
  "list(range(2000))",
  "tuple(range(1001))",
  "set(range(1001))",
  "dict.fromkeys(range(1001))",
  "[[1] * 1001]",
];

const CYCLES: DisplayCase[] = [
  "x = [1]\nx.append(x)\n[x, x]",
  "d = {'a': 1}\nd['self'] = d\nd",
  "s = []\nt = (s,)\ns.append(t)\ns",
  "a = {}\nb = {'a': a}\na['b'] = b\n[a, b]",
  "x = []\ny = [x, x]\ny",
  "x = []\nfor i in range(300):\n    x = [x]\nx",
];

const OBJECTS: DisplayCase[] = [
  ["class A: pass", "A", "A()", "[A(), A()]"],
  "class B:\n    def __repr__(self): return 'B!'\n[B()] * 3",
  "class M(type): pass\nclass C(metaclass=M): pass\nC",
  "class M2(type):\n    def __repr__(cls): return 'M2 class'\nclass D(metaclass=M2): pass\nD",
  "class E:\n    __module__ = 'othermod'\nE",
  "class F:\n    __qualname__ = 'Fq'\nF",
  "class Outer:\n    class Inner: pass\n[Outer.Inner, Outer.Inner()]",
  "[int, str, list, type, object, ValueError, type(None)]",
  "object()",
  "class W:\n    def __repr__(self): return 'line1\\nline2'\n[W(), W()]",
  "class W2:\n    def __repr__(self): return 'a\\r\\nb\\rc\\x0bd'\nW2()",
  "class W3:\n    def __repr__(self): return ''\n[W3(), W3()]",
  "class W4:\n    def __repr__(self): return 'x' * 90\n[W4(), W4()]",
  "class W5:\n    def __repr__(self): return 'trailing\\n'\n[W5(), 1]",
  "class R:\n    def __init__(self): self.me = self\n    def __repr__(self): return 'R'\n[R()]",
  "def gen():\n    yield 1\ngen()",
  "[iter([]), zip(), map(len, []), enumerate([])]",
  "import sys\n[sys, sys.version_info]",
  "class P:\n    def f(self): return super()\nP().f()",
  "super(int, 1)",
  "class Nr:\n    __repr__ = None\nNr()",
  "class A: pass\nA.__dict__",
  "class G: pass\nG.__module__ = None\nG",
];

const SUBCLASSES: DisplayCase[] = [
  "class L(list): pass\nL([1, 2, 3])",
  "class L2(list):\n    def __repr__(self): return 'L2' + list.__repr__(self)\nL2([1, 2])",
  "class T(tuple): pass\nT((1,))",
  "class D(dict): pass\nD(a=1, b=[1, 2])",
  "class D2(dict):\n    def __repr__(self): return 'D2()'\nD2(a=1)",
  "class S(set): pass\n[S({3, 1, 2}), S()]",
  "class FS(frozenset): pass\n[FS({2, 1}), FS()]",
  "class I(int): pass\nI(5)",
  "class St(str): pass\nSt('x')",
  "class Fl(float): pass\nFl(1.5)",
  "class L3(list):\n    def __iter__(self): return iter([9, 9])\nL3([1, 2])",
  "class L4(list):\n    def __len__(self): return 1\nL4([(1,)])",
  "class D3(dict):\n    def keys(self): return ['z']\n    def __getitem__(self, k): return 42\nD3(a=1)",
  "class K:\n    def __init__(self, v): self.v = v\n    def __lt__(self, o):\n        print('lt', self.v, o.v)\n        return self.v < o.v\n    def __hash__(self): return self.v\n    def __repr__(self): return 'K%d' % self.v\n{K(3), K(1), K(2)}",
  "class N:\n    def __lt__(self, o): raise TypeError('no')\n    def __repr__(self): return 'N'\n{N(), N()}",
];

const FUNCTIONS: DisplayCase[] = [
  "def f(a, /, b=2, *args, c, d=4, **kw): pass\nf",
  "def g(*, k): pass\ng",
  "def h(a, b, /): pass\nh",
  "def i(a=[1, 2], b='x', c=None, d=1.5): pass\ni",
  "def outer():\n    def inner(y): pass\n    return inner\nouter()",
  "[lambda: 0, lambda *a, **k: 0, (lambda x=(1,): x)]",
  "class A:\n    def m(self, x): pass\n    @staticmethod\n    def s(y=3): pass\n    @classmethod\n    def c(cls): pass\n[A.m, A().m, A.s, A.c]",
  "def long_function_name_for_display(argument_one, argument_two='default value', *, argument_three=None): pass\nlong_function_name_for_display",
  "def f(x, y='a'): pass\nf.__annotations__['x'] = int\nf.__annotations__['y'] = 'text'\nf.__annotations__['return'] = list\nf",
  "class C: pass\ndef f(x): pass\nf.__annotations__['x'] = C\nf.__annotations__['return'] = None\nf",
  "[len, print, sorted, round, pow, divmod, min, iter, getattr, isinstance]",
  "[[].append, {}.get, [].pop, (1.5).hex, set().add, b''.decode, True.__sizeof__]",
  "[dict.fromkeys, int.mro, object.__new__, type.__new__]",
  "class Q: pass\n[Q.mro, Q().__sizeof__, Q.__new__]",
  "class L(list): pass\n[L().append, L.__new__]",
  "[int.__add__, (1).__add__, object.__init__, print.__call__, list.append]",
  "import sys, gc\n[sys.getrefcount, sys.getsizeof, sys.intern, gc.collect, gc.get_objects, gc.is_tracked]",
  "import ctypes\n[ctypes.c_long.from_address, ctypes.sizeof, ctypes.cast]",
  "def f(x, y=1): pass\nf.__defaults__ = (5,)\nf.__module__ = 'mod'\nf",
];

const EXCEPTIONS: DisplayCase[] = [
  "class E1(Exception): pass\n[E1('msg', 2), E1()]",
  "class E2(ValueError):\n    def __repr__(self): return 'E2!'\nE2()",
  "[KeyError('k'), StopIteration(5), ValueError()]",
  "ValueError('x' * 100, 'y' * 100)",
  "KeyError({'a': 'x' * 80})",
  "class E3(Exception):\n    def __init__(self): self.args = ('a', 'b')\nE3()",
  "OSError(2, 'no')",
];

const REPR_PRETTY: DisplayCase[] = [
  "class P:\n    def __init__(self, items): self.items = items\n    def _repr_pretty_(self, p, cycle):\n        if cycle:\n            p.text('P(...)')\n            return\n        with p.group(2, 'P(', ')'):\n            for i, item in enumerate(self.items):\n                if i:\n                    p.text(',')\n                    p.breakable()\n                p.pretty(item)\n[P([1, 2]), P(list(range(30)))]",
  "x = P([])\nx.items.append(x)\nx",
  "class Q:\n    def _repr_pretty_(self, p, cycle):\n        p.text('Q:')\n        with p.indent(4):\n            p.break_()\n            p.text('body')\n        p.break_()\n        p.text('end')\n[Q(), Q()]",
  "class R:\n    def _repr_pretty_(self, p, cycle):\n        p.begin_group(1, '<')\n        p.text('R')\n        p.breakable('')\n        p.text('x' * 80)\n        p.end_group(1, '>')\nR()",
  "class S:\n    def _repr_pretty_(self, p, cycle):\n        p.text(type(p).__name__ + ' ' + str(cycle) + ' ' + str(p.indentation) + ' ' + str(p.max_width))\n[S()]",
  "class T:\n    def __repr__(self): return 'T-repr'\n    def _repr_pretty_(self, p, cycle): p.text('T-pretty')\nclass U(T):\n    def __repr__(self): return 'U-repr'\n[T(), U()]",
  "class V(list):\n    def _repr_pretty_(self, p, cycle): p.text('V!')\nV([1])",
  "class W:\n    def _repr_pretty_(self, p, cycle):\n        p.indentation += 3\n        p.text('a')\n        p.breakable()\n        p.text('b' * 90)\n        p.indentation -= 3\nW()",
  "class X:\n    def _repr_pretty_(self, p, cycle):\n        raise ValueError('pretty failed')\nX()",
  "class Y:\n    def _repr_pretty_(self, p, cycle):\n        print('side effect')\n        p.text('Y')\nY()",
];

/** IPython's printers found by module and class name, exercised with look-alike classes. */
const BY_NAME: DisplayCase[] = [
  "class OrderedDict(dict):\n    __module__ = 'collections'\n    def __repr__(self): return 'nope'\nOrderedDict(a=1, b=2)",
  "class Counter(dict):\n    __module__ = 'collections'\n[Counter(x=3), Counter()]",
  "class deque(list):\n    __module__ = 'collections'\n    maxlen = None\ndeque([1, 2])",
  "class defaultdict(dict):\n    __module__ = 'collections'\n    default_factory = list\ndefaultdict(a=[1])",
  "class UserList:\n    __module__ = 'collections'\n    data = [1, 2]\nUserList()",
  "class SimpleNamespace:\n    __module__ = 'types'\n    def __init__(self): self.a = 1\nSimpleNamespace()",
];

/** The session's display hook and the compiler, seen through the display. */
const SESSION: DisplayCase[] = [
  "def f(x: int, y: 'str' = 'a') -> bool: pass\nf",
  "class Bundle:\n    def _repr_mimebundle_(self, include=None, exclude=None):\n        return {'text/plain': 'from bundle'}\nBundle()",
  ["class Bad:\n    def __repr__(self): raise ValueError('no')\nBad()", "type(_).__name__"],
];

const GROUPS: readonly (readonly [string, readonly DisplayCase[]])[] = [
  ["line breaking", LAYOUT],
  ["containers, sorting and truncation", CONTAINERS],
  ["cycles and nesting", CYCLES],
  ["classes and instances", OBJECTS],
  ["subclasses of built-in containers", SUBCLASSES],
  ["functions and built-ins", FUNCTIONS],
  ["exceptions", EXCEPTIONS],
  ["_repr_pretty_", REPR_PRETTY],
  ["printers chosen by module and name", BY_NAME],
  ["annotations and the session's display hook", SESSION],
];

describe("IPython 8 display: simulator 3.11 vs real IPython on CPython 3.11", async () => {
  const engine = await realEngine("3.11", "ipython");
  for (const [title, cases] of GROUPS) {
    it.skipIf(engine === null)(`${title}${engine === null ? " (CPython 3.11 with IPython not installed)" : ""}`, async () => {
      const [real, simulated] = await Promise.all([showCases(engine!, cases), simulatedCases("3.11", cases)]);
      expect(labelled(cases, simulated)).toEqual(labelled(cases, real));
    });
  }
});
