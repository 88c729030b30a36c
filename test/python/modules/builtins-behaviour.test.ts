// What the builtins compute: print's pieces and files, sorted/min/max/sum (with the float sum of
// each version), round, divmod, pow, iter with a sentinel, next, isinstance/issubclass, the
// attribute builtins, dir, hash, conversions and format.
import { describe, expect, it } from "vitest";
import { simulate } from "../../support/differential.js";
import { agreesWithCPython } from "./differential-cases.js";

const OUTPUT_CELLS = [
  "print(1, 2, 3, sep='-', end='!\\n')\nprint()\nprint('a', 'b', sep=None, end=None)",
  "print('x', end='')\nprint('y', flush=True)",
  "import sys\nprint('hi', file=sys.stdout)\nprint('err', file=sys.stderr)",
  "class Log:\n    def __init__(self): self.parts = []\n    def write(self, text): self.parts.append(text)\n    def flush(self): self.parts.append('<flush>')\nlog = Log()\nprint('a', 1, [2], sep=', ', end='.', file=log, flush=True)\nlog.parts",
  "class Bad:\n    def __str__(self): raise ValueError('no str')\nprint('before', Bad())",
  "class Name(str): pass\nprint('a', 'b', sep=Name('+'))",
  "print(*range(5), sep='')",
];

const REDUCTION_CELLS = [
  "sorted([3, 1, 2], reverse=True), sorted(['b', 'A', 'c'], key=str.lower), sorted('cab'), sorted({3: 'x', 1: 'y'})",
  "min([3, 1, 2]), max([3, 1, 2]), min(3, 1, 2), max('abc'), min([], default=0), max([], default=None)",
  "max(['aa', 'b', 'ccc'], key=len), min([(1, 'b'), (1, 'a')]), max([1, 3, 3.0]), min(x * x for x in range(-3, 3))",
  "def noisy():\n    for i in [3, 1, 2]:\n        print('yield', i)\n        yield i\nmin(noisy())",
  "sum([1, 2, 3]), sum([1, 2], 10), sum([[1], [2]], []), sum(range(5), 7), sum([True, True, 2])",
  "sum([0.1] * 10), sum([1, 0.1, 0.2]), sum([0.1, 0.2, 0.3]), sum([1e100, 1.0, -1e100]), sum([0.1] * 10, 0.5)",
  "sum([-0.0]), sum([-0.0], -0.0), sum([float('inf'), 1.0]), sum([1e308, 1e308]), sum([0.1, 2**70, 0.1])",
  "sum([2**62, 2**62, 2**62]), sum([-2**63, -1]), sum([1, 2**64, -2**64])",
  "x = int('1000000000000')\nsum([], x) is x, sum([], x) == x",
  "any([0, 1]), all([1, 0]), any([]), all([]), any(x > 2 for x in range(5)), all('abc')",
];

const NUMBER_CELLS = [
  "round(2.5), round(3.5), round(2.675, 2), round(-0.5), round(1234, -2), round(5.0), round(1.5, None), round(10, 1)",
  "round(1250, -2), round(1350, -2), round(-1250, -2), round(15, -1), round(25, -1), round(True), round(7, 0)",
  "abs(-3), abs(-2.5), abs(3+4j), abs(True), abs(-0.0)",
  "divmod(7, 2), divmod(-7, 2), divmod(7.5, 2), divmod(-7.5, 2), divmod(True, 2)",
  "pow(2, 10), pow(2, -1), pow(2, 3, 5), pow(2.0, 0.5), pow(-8, 1/3), pow(3, 0)",
  "pow(3, -1, 7), pow(38, -1, 97)",
  "class Mod:\n    def __pow__(self, exp, mod=None):\n        return ('pow', exp, mod)\npow(Mod(), 2), pow(Mod(), 2, 5), Mod() ** 3",
  "class V:\n    def __divmod__(self, other): return 'forward'\n    def __rdivmod__(self, other): return 'reflected'\ndivmod(V(), 1), divmod(1, V())",
];

const ITERATION_CELLS = [
  "it = iter([1, 2])\nnext(it), next(it), next(it, 'done')",
  "next(it)",
  "class Counter:\n    def __init__(self): self.n = 0\n    def __call__(self):\n        self.n += 1\n        return self.n\nlist(iter(Counter(), 4))",
  "calls = iter(Counter(), 3)\ntype(calls).__name__, next(calls), next(calls), next(calls, 'end'), next(calls, 'still')",
  "def stopper():\n    raise StopIteration\nlist(iter(stopper, None))",
  "class Raising:\n    def __iter__(self): return self\n    def __next__(self): raise StopIteration('v')\nnext(Raising(), 'default')",
  "import sys\nsentinel = object()\nbefore = sys.getrefcount(sentinel)\nwatch = iter(Counter(), sentinel)\nsys.getrefcount(sentinel) - before",
];

const CLASS_CELLS = [
  "isinstance(1, int), isinstance(True, int), isinstance(1, (str, float)), isinstance(1, (str, (int,))), isinstance(1, (int, 2))",
  "class A: pass\nclass B(A): pass\nisinstance(B(), A), issubclass(B, A), issubclass(A, B), issubclass(B, (int, A)), issubclass(bool, int), issubclass(A, A)",
  "class Claims:\n    @property\n    def __class__(self): return int\nisinstance(Claims(), int), isinstance(Claims(), Claims), type(Claims()).__name__",
  "class Meta(type):\n    def __instancecheck__(cls, obj):\n        print('instancecheck', obj)\n        return True\n    def __subclasscheck__(cls, sub):\n        print('subclasscheck', sub.__name__)\n        return False\nclass Anything(metaclass=Meta): pass\nisinstance(1, Anything), isinstance(Anything(), Anything), issubclass(Anything, Anything), issubclass(int, Anything)",
  "callable(len), callable(1), callable(int), callable(lambda: 0), callable(A), callable(A())",
];

const ATTRIBUTE_CELLS = [
  "class P:\n    x = 1\np = P()\ngetattr(p, 'x'), getattr(p, 'y', 5), hasattr(p, 'x'), hasattr(p, 'y')",
  "setattr(p, 'y', 3)\np.y, vars(p)",
  "delattr(p, 'y')\nvars(p)",
  "getattr(p, 'zz')",
  "getattr(1, 'real'), getattr([], 'nope', None), hasattr(1, 'imag')",
  "class Fails:\n    @property\n    def boom(self): raise ValueError('inside')\nhasattr(Fails(), 'boom')",
  "getattr(Fails(), 'boom', 'fallback')",
  "class Named(str): pass\ngetattr(p, Named('x')), hasattr(p, Named('x'))",
  "class D:\n    a = 1\n    def f(self): pass\nd = D()\nd.z = 1\n[n for n in dir(d) if not n.startswith('__')], [n for n in dir(D) if not n.startswith('__')]",
  "class Custom:\n    def __dir__(self): return ['b', 'a', 'c']\ndir(Custom())",
  "class Base:\n    base_attr = 1\nclass Derived(Base):\n    own = 2\n[n for n in dir(Derived) if not n.startswith('_')]",
  "class Tagged(type):\n    meta_attr = 1\nclass WithMeta(metaclass=Tagged): pass\n'meta_attr' in dir(WithMeta), hasattr(WithMeta, 'meta_attr')",
  "x1 = 5\n'x1' in dir(), 'sys' in dir()",
];

const CONVERSION_CELLS = [
  "hash(1), hash(-1), hash(1.5), hash('a') == hash('a'), hash((1, 2)), hash(None) == hash(None), hash(2**70)",
  "repr('a'), repr([1, 'b']), ascii('é'), ascii(['ü', 1]), repr(1.0), ascii('\\U0001f600')",
  "hex(255), oct(8), bin(5), hex(-255), bin(0), oct(-8), hex(2**70), hex(True)",
  "chr(65), chr(0x1F600), ord('a'), ord('€'), ord(b'a'), chr(True)",
  "format(3.14159, '.2f'), format(42), format(42, '08b'), format('x', '>5'), format(1234567, ','), format(True)",
  "s = 'same'\nformat(s) is s, format(s, '') is s",
  "class F:\n    def __format__(self, spec): return f'<{spec}>'\nformat(F(), 'abc'), f'{F():xyz}', format(F())",
  "class BadFormat:\n    def __format__(self, spec): return 1\nformat(BadFormat())",
  "len([1, 2]), len('abc'), len({}), len(range(10))",
  "id(1) == id(1), id([]) is not None",
];

agreesWithCPython("builtins: print", OUTPUT_CELLS);
agreesWithCPython("builtins: sorted, min, max, sum, any, all", REDUCTION_CELLS);
agreesWithCPython("builtins: round, abs, divmod, pow", NUMBER_CELLS);
agreesWithCPython("builtins: iter and next", ITERATION_CELLS);
agreesWithCPython("builtins: isinstance, issubclass, callable", CLASS_CELLS);
agreesWithCPython("builtins: getattr, setattr, hasattr, delattr, vars, dir", ATTRIBUTE_CELLS);
agreesWithCPython("builtins: hash, repr, ascii, hex/oct/bin, chr, ord, format, len, id", CONVERSION_CELLS);

describe("builtins the simulator refuses", () => {
  it("refuses input(), open() and help() by name", async () => {
    const outputs = await simulate("3.12", ["input('name? ')", "open('f.txt')", "help(len)"]);
    expect(outputs).toEqual([
      "<unsupported: input() (lessons cannot read from a keyboard)>\n",
      "<unsupported: open() and files>\n",
      "<unsupported: help() (its text is CPython's documentation)>\n",
    ]);
  });

  it("refuses isinstance checks against memoryview instead of calling it a non-type", async () => {
    const [output] = await simulate("3.12", ["isinstance(b'x', memoryview)"]);
    expect(output).toBe("<unsupported: memoryview>\n");
  });
});
