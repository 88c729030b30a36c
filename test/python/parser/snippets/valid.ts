// Valid Python snippets for the differential AST tests, written for lessonkit.
// `since` is the first CPython minor version whose grammar (and AST) the snippet needs;
// snippets using f-strings are compared from 3.12 on only, because older CPython located
// the parts of an f-string differently (see the parser's legacy f-string notes).

export interface ValidSnippet {
  readonly code: string;
  /** First 3.x minor version that accepts the snippet with the same AST. */
  readonly since: number;
}

function all(...codes: string[]): ValidSnippet[] {
  return codes.map((code) => ({ code, since: 8 }));
}

function since(minor: number, ...codes: string[]): ValidSnippet[] {
  return codes.map((code) => ({ code, since: minor }));
}

const NUMBERS = all(
  "0\n", "7\n", "1_000_000\n", "0x_ff\n", "0XAB\n", "0o17\n", "0O7_7\n", "0b1010\n", "0B_1_0\n", "00\n", "0_0\n",
  "123456789012345678901234567890\n", "-2**63\n", "1.0\n", "1.\n", ".5\n", "1e10\n", "1E-10\n", "1_0.5_0\n",
  "3.14e+5\n", "1e400\n", "0.1 + 0.2\n", "5e-324\n", "2.2250738585072014e-308\n", "1j\n", "1e-10j\n", "2.5J\n",
  "0j\n", "1_0j\n", ".5j\n", "1.5e3j\n", "x = 0xDEAD_BEEF\n", "x = 1if y else 2\n", "[1for x in y]\n",
  "x = 0 or 1\n", "1 .real\n", "1.0.real\n", "0x1.bit_length\n",
);

const STRINGS = all(
  "'single'\n", '"double"\n', "'''triple\nsingle'''\n", '"""triple\ndouble"""\n', "''\n", '""\n', "''''''\n",
  "'a\\nb\\tc\\\\d\\'e\\\"f'\n", "'\\x41\\u00e9\\U0001F600'\n", "'\\101\\0\\7\\77'\n", "'\\a\\b\\f\\v\\r'\n",
  "'line\\\ncontinued'\n", "r'raw\\n\\d'\n", "R\"raw\\\\\"\n", "b'bytes'\n", "B'\\x00\\xff\\n'\n", "br'\\d'\n",
  "Rb'x'\n", "rB'\\x'\n", "bR'y'\n", "u'unicode'\n", "U'kind u'\n", "'é ñ ß 中文'\n", "'😀 astral'\n",
  "'\\N{BULLET} \\N{GREEK SMALL LETTER ALPHA} \\N{bullet}'\n", "'a' 'b'\n", "'a' u'b'\n", "u'a' 'b'\n",
  "b'a' b'b'\n", "x = ('a'\n     'b'\n     'c')\n", "'''a\nb''' 'c'\n", "'\\\\'\n", "'don\\'t'\n", "\"say \\\"hi\\\"\"\n",
  "'\\d'\n", "'tab\there'\n", "'\\777'\n", "b'\\777'\n", "'\\\u00e9'\n", "x = '''\n  indented\n    more\n'''\n",
);

const FSTRINGS = since(
  12,
  "f'plain'\n", "f'{x}'\n", "f'{x!r}'\n", "f'{x!s} {y!a}'\n", "f'{x:>10}'\n", "f'{x:{width}.{prec}f}'\n",
  "f'{x=}'\n", "f'{x = }'\n", "f'{x=!s}'\n", "f'{x=:>5}'\n", "f'{x=!r:^10}'\n", "f'a{{b}}c'\n", "f'{{{x}}}'\n",
  "f'{{}}'\n", "f'{x}{y}'\n", "f'{x} and {y}'\n", "f'{3.14:.2f}'\n", "f'{a[\"key\"]}'\n", "f\"{a['key']}\"\n",
  "f'{x if y else z}'\n", "f'{(lambda v: v)(1)}'\n", "f'{[i for i in range(3)]}'\n", "f'{ {\"a\": 1}[\"a\"] }'\n",
  "f'{x:%Y-%m-%d}'\n", "f'{x!r:{w}}'\n", "f'{x:{y}{z}}'\n", "f'{x:}'\n", "f'{x:{y}}'\n", "f'{x:a{y}b}'\n",
  "f'{f\"{x}\"}'\n", "f'{f'{x}'}'\n", "f\"{f\"{f\"{x}\"}\"}\"\n", "f'''{\nx\n}'''\n", "f'''line1\n{x}\nline3'''\n",
  "f'\\n{x}\\t'\n", "rf'\\d{x}'\n", "fr'{x}\\n'\n", "F'{x}'\n", "Rf'{x}'\n", "f'{x}' 'y'\n", "'a' f'{b}' 'c'\n",
  "f'{a}' 'b' f'c{d}'\n", "f'{x}' f'{y}'\n", "u'a' f'{b}'\n", "f'\\N{BULLET} {x}'\n", "f'{\"\\n\".join(a)}'\n",
  "f'{x:\\n}'\n", "f'{x:=10}'\n", "f'{(x:=10)}'\n", "f'{x!r}' f'{y!a}'\n", "f'{ x }'\n", "f'{x,}'\n", "f'{x, y}'\n",
  "f'{*x,}'\n", "f'{yield}'\n", "f'{x:{{}}>10}'\n", "f'{3!r}'\n", "print(f'{name=}, {age=}')\n",
  "f'{1}{2}{3}'\n", "f'é{x}ñ'\n", "f'{\"é\"}'\n", "f'😀{x}😀'\n", "f'{x:😀>10}'\n",
  "x = f'''\n{a}\n{b!r}\n'''\n", "f'{x # comment\n}'\n",
);

const EXPRESSIONS = all(
  "a + b - c * d / e // f % g ** h @ i\n", "a << b >> c & d | e ^ f\n", "-a + +b - ~c\n", "not a\n", "not not a\n",
  "a and b or c and not d\n", "a or b or c\n", "a and b and c\n", "a < b <= c > d >= e == f != g\n",
  "a is b is not c in d not in e\n", "a if b else c\n", "a if b else c if d else e\n", "(a if b else c) if d else e\n",
  "lambda: 0\n", "lambda x: x\n", "lambda x, y=1, *a, z, w=2, **k: 0\n", "lambda *, k: k\n", "lambda x, /, y: x\n",
  "lambda x=1, /, y=2, *, z=3: 0\n", "lambda *a: a\n", "lambda **k: k\n", "lambda x: (yield)\n",
  "lambda: lambda: 0\n", "(x := 5)\n", "[y := 1, y ** 2]\n", "f(x := 1)\n", "a[1]\n", "a[1:2]\n", "a[::2]\n",
  "a[:]\n", "a[1:2:3]\n", "a[:, 1]\n", "a[1:2, ::3]\n", "a[...]\n", "a[x, y]\n", "a[(x, y)]\n", "a[x,]\n",
  "a[b][c]\n", "a.b.c\n", "a.b().c[d](e)\n", "f()\n", "f(a)\n", "f(a, b)\n", "f(a, b=1)\n", "f(*a)\n",
  "f(**k)\n", "f(a, *b, c, d=1, *e, f=2, **g)\n", "f(x for x in y)\n", "f((x for x in y), z)\n",
  "f(a)(b)(c)\n", "f(a,)\n", "f(*a, *b)\n", "f(**a, **b)\n", "f(a=1, **b, c=2)\n", "f(*a, b=1)\n",
  "[x for x in y]\n", "[x for x in y if x if z]\n", "[x for y in z for x in y]\n", "{x for x in y}\n",
  "{k: v for k, v in d.items()}\n", "(x for x in y)\n", "[(x, y) for x in a for y in b if x != y]\n",
  "[x for x, in y]\n", "[x for *a, b in c]\n", "[[y for y in x] for x in z]\n", "[x for x in (yield)]\n",
  "()\n", "(1,)\n", "1,\n", "1, 2\n", "(1, 2)\n", "[]\n", "[1]\n", "[1, 2,]\n", "{1}\n", "{1, 2}\n", "{}\n",
  "{1: 2}\n", "{1: 2, **d, 3: 4}\n", "{**a, **b}\n", "[*a, *b]\n", "{*a, *b}\n", "(*a, *b)\n", "*a, b = c\n",
  "...\n", "None\n", "True, False\n", "x = (\n  1 +\n  2\n)\n", "x = [\n  1,\n  2,\n]\n", "(a)\n", "((a))\n",
  "(a).b\n", "(a)(b)\n", "-1\n", "- 1\n", "2 ** -1\n", "-2 ** 2\n", "a ** b ** c\n", "await_ = 1\n",
  "x = a.b[c].d(e)[f]\n", "print\n", "print(1, 2, sep='')\n", "exec\n", "x = print\n", "a @ b\n",
  "a if not b else c\n", "(yield)\n", "not a == b\n", "a + (b + c)\n", "(a + b) + c\n",
  "x = 1 < 2 < 3\n", "a[b:=1]\n", "a[lambda: 0]\n", "a[b if c else d]\n", "x = {**{}}\n", "x = {'a': 1}['a']\n",
  "x = 'abc'[1:]\n", "x = (1).real\n", "x = [1][0]\n", "x = (1, 2)[0]\n", "x = ''.join\n", "print(*args, **kwargs)\n",
);

const STATEMENTS = all(
  "x = 1\n", "x = y = z = 1\n", "x, y = y, x\n", "(x, y) = z\n", "[x, y] = z\n", "x, = z\n", "[x] = z\n",
  "a, *b = c\n", "*a, b = c\n", "a, *b, c = d\n", "(a, (b, c)) = d\n", "a.b = c\n", "a[b] = c\n", "a[b:c] = d\n",
  "a.b.c[d].e = f\n", "((a)) = b\n", "(a) = b\n", "x = yield\n", "x = yield y\n", "x = yield from y\n", "x = *a, *b\n",
  "x += 1\n", "x -= 1\n", "x *= 1\n", "x /= 1\n", "x //= 1\n", "x %= 1\n", "x **= 1\n", "x @= 1\n", "x &= 1\n",
  "x |= 1\n", "x ^= 1\n", "x <<= 1\n", "x >>= 1\n", "a.b += 1\n", "a[b] += 1\n", "x += yield\n",
  "x: int\n", "x: int = 1\n", "(x): int = 1\n", "a.b: int\n", "a[b]: int = 1\n", "x: 'str' = 'a'\n",
  "x: list[int] = []\n", "x: int = yield\n", "del x\n", "del x, y\n", "del x[0], y.z\n", "del (x, y)\n",
  "del [x, y]\n", "del (x)\n", "del x,\n", "pass\n", "for x in y:\n    break\n", "while x:\n    continue\n",
  "def f():\n    return\n", "def f():\n    return 1\n", "def f():\n    return 1, 2\n", "def f():\n    return *a, b\n",
  "raise\n", "raise E\n", "raise E from e\n", "raise E(1) from None\n", "def f():\n    global x\n",
  "def f():\n    global x, y\n", "def f():\n    x = 1\n    def g():\n        nonlocal x\n", "assert x\n",
  "assert x, 'message'\n", "assert (x, y)\n", "import a\n", "import a.b.c\n", "import a as b\n",
  "import a.b as c, d\n", "from a import b\n", "from a.b import c as d, e\n", "from . import a\n",
  "from .. import a\n", "from ... import a\n", "from .... import a\n", "from .a import b\n", "from ..a.b import c\n",
  "from a import *\n", "from a import (b, c)\n", "from a import (b,\n    c,\n)\n", "from a import (b as c)\n",
  "x = 1; y = 2\n", "x = 1;\n", "x = 1; y = 2;\n", "if x: pass\n", "if x:\n    pass\nelse:\n    pass\n",
  "if x:\n    a\nelif y:\n    b\nelif z:\n    c\nelse:\n    d\n", "if x:\n    if y:\n        pass\n",
  "while x:\n    pass\nelse:\n    pass\n", "for x in y:\n    pass\nelse:\n    pass\n", "for x, y in z:\n    pass\n",
  "for (x, y) in z:\n    pass\n", "for x in y, z:\n    pass\n", "for x in *a, *b:\n    pass\n", "for x.y in z:\n    pass\n",
  "for x[0] in z:\n    pass\n", "with a:\n    pass\n", "with a as b:\n    pass\n", "with a as b, c as d:\n    pass\n",
  "with a as (b, c):\n    pass\n", "with a as b.c:\n    pass\n", "with a() as [b, c]:\n    pass\n", "with a, b:\n    pass\n",
  "try:\n    pass\nexcept:\n    pass\n", "try:\n    pass\nexcept E:\n    pass\n", "try:\n    pass\nexcept E as e:\n    pass\n",
  "try:\n    pass\nexcept (A, B) as e:\n    pass\nelse:\n    pass\nfinally:\n    pass\n", "try:\n    pass\nfinally:\n    pass\n",
  "try:\n    pass\nexcept A:\n    pass\nexcept B:\n    pass\n", "def f(): pass\n", "def f(a): pass\n", "def f(a, b): pass\n",
  "def f(a=1): pass\n", "def f(a, b=1, *c, d, e=2, **f): pass\n", "def f(*, a): pass\n", "def f(*a): pass\n",
  "def f(**a): pass\n", "def f(a: int, b: str = 'x') -> bool: pass\n", "def f(*a: int, **k: str): pass\n",
  "def f(a, /): pass\n", "def f(a, /, b): pass\n", "def f(a=1, /, b=2): pass\n", "def f(a, b=1, /, c=2, *, d, e=3): pass\n",
  "def f(a,): pass\n", "def f(a, *, b,): pass\n", "def f(\n    a,\n    b,\n):\n    pass\n", "@d\ndef f(): pass\n",
  "@d1\n@d2(x)\ndef f(): pass\n", "@a.b.c\ndef f(): pass\n", "@a.b(c=1)\nclass C: pass\n", "class C: pass\n",
  "class C(): pass\n", "class C(B): pass\n", "class C(A, B): pass\n", "class C(metaclass=M): pass\n",
  "class C(A, *bases, metaclass=M, **kw): pass\n", "class C:\n    x = 1\n    def f(self):\n        return self.x\n",
  "async def f():\n    await x\n", "async def f():\n    async for x in y:\n        pass\n",
  "async def f():\n    async with a as b:\n        pass\n", "async def f():\n    return [x async for x in y]\n",
  "async def f():\n    return [await x for x in y]\n", "async def f():\n    await (await x)\n", "@d\nasync def f(): pass\n",
  "def f():\n    yield\n", "def f():\n    yield 1\n", "def f():\n    yield 1, 2\n", "def f():\n    yield from g()\n",
  "def f():\n    x = yield\n", "def f():\n    '''docstring'''\n", "class C:\n    '''doc'''\n", "# comment only\n",
  "\n\n\nx = 1\n\n\n", "x = 1  # trailing comment\n", "if x:  # comment\n    pass  # another\n",
  "if x:\n    # comment line\n    pass\n", "if x:\n\n    pass\n", "x = 1 + \\\n    2\n", "if a and \\\n   b:\n    pass\n",
  "def f(a,\n      b):\n    pass\n", "x = [1,\n2,\n    3]\n", "print('hello')\n", "print = 3\nprint\n",
  "match = 1\n", "case = 2\n", "type = 3\n", "_ = 4\n", "match(x)\n", "type(x)\n", "match.x = 1\n", "match[x]\n",
  "a = b = c\n", "x = [i for i in range(10) if i % 2]\n", "x = (i for i in range(10))\n", "i = 0\nwhile i < 10:\n    i += 1\n",
  "for i in range(3):\n    for j in range(3):\n        if i == j:\n            continue\n        print(i, j)\n",
  "def outer():\n    def inner():\n        return 1\n    return inner\n", "class A:\n    class B:\n        pass\n",
  "if True:\n\tx = 1\n\tif x:\n\t\ty = 2\n", "if x:\n  a\n  if y:\n        b\n  c\n", "def f():\n  pass\n\n\n\ndef g():\n  pass\n",
  "x = 1\r\ny = 2\r\n", "if x:\r\n    pass\r\n", "x = 1\ry = 2\n", "\ufeffx = 1\n", "\fx = 1\n", "if x:\n\f    pass\n",
  "x = 1", "if x:\n    pass", "x = 1 # no newline at end", "\n", "", "   \n", "#!/usr/bin/env python\n# -*- coding: utf-8 -*-\nx = 1\n",
  "é = 1\n", "ñandú = 'bird'\n", "ß = 2\n", "π = 3.14\n", "名前 = 'x'\n", "ℌ = 1\n", "ﬁle = 2\n", "x = ℌ + ﬁle\n",
  "class Ça:\n    def méthode(self):\n        return self\n", "def f(ä, ö=1):\n    return ä\n", "x = a.é\n",
);

const MATCH = since(
  10,
  "match x:\n    case 1:\n        pass\n", "match x:\n    case 1 | 2 | 3:\n        pass\n",
  "match x:\n    case 'a' | \"b\":\n        pass\n", "match x:\n    case -1:\n        pass\n",
  "match x:\n    case 1.5:\n        pass\n", "match x:\n    case 1 + 2j:\n        pass\n", "match x:\n    case -1 - 2j:\n        pass\n",
  "match x:\n    case None:\n        pass\n    case True:\n        pass\n    case False:\n        pass\n",
  "match x:\n    case y:\n        pass\n", "match x:\n    case _:\n        pass\n", "match x:\n    case a.b:\n        pass\n",
  "match x:\n    case a.b.c:\n        pass\n", "match x:\n    case (1):\n        pass\n", "match x:\n    case (1, 2):\n        pass\n",
  "match x:\n    case [1, 2]:\n        pass\n", "match x:\n    case [1, *rest]:\n        pass\n", "match x:\n    case [*_, 1]:\n        pass\n",
  "match x:\n    case 1, 2:\n        pass\n", "match x:\n    case 1, *r:\n        pass\n", "match x:\n    case ():\n        pass\n",
  "match x:\n    case []:\n        pass\n", "match x:\n    case (1,):\n        pass\n", "match x:\n    case {}:\n        pass\n",
  "match x:\n    case {'a': 1}:\n        pass\n", "match x:\n    case {'a': 1, **rest}:\n        pass\n",
  "match x:\n    case {**rest}:\n        pass\n", "match x:\n    case {a.b: 1, 2: y}:\n        pass\n",
  "match x:\n    case Point():\n        pass\n", "match x:\n    case Point(1, 2):\n        pass\n",
  "match x:\n    case Point(x=1, y=2):\n        pass\n", "match x:\n    case Point(1, y=2):\n        pass\n",
  "match x:\n    case a.Point(x=[1, 2]):\n        pass\n", "match x:\n    case [1, 2] as y:\n        pass\n",
  "match x:\n    case (1 | 2) as y:\n        pass\n", "match x:\n    case y if y > 0:\n        pass\n",
  "match x, y:\n    case a, b:\n        pass\n", "match x,:\n    case a:\n        pass\n", "match *x, y:\n    case a:\n        pass\n",
  "match (x):\n    case 1:\n        pass\n", "match x:\n    case 1:\n        a\n    case 2:\n        b\n",
  "match x:\n    case b'bytes':\n        pass\n", "match x:\n    case 'a' 'b':\n        pass\n", "match x:\n    case [a, [b, c]]:\n        pass\n",
  "match command.split():\n    case [action]:\n        pass\n    case [action, obj]:\n        pass\n",
  "match x:\n    case {1: _, 2: _}:\n        pass\n", "match x:\n    case C(a=_, b=[*_]):\n        pass\n",
);

const NEWER = [
  ...since(9, "@x[0]\ndef f(): pass\n", "@(lambda f: f)\ndef f(): pass\n", "@a or b\ndef f(): pass\n",
    "with (a, b):\n    pass\n", "with (a as b, c as d):\n    pass\n", "with (a as b, c as d,):\n    pass\n", "with (a):\n    pass\n",
    "with (a, b) as c:\n    pass\n"),
  ...since(11, "a[*b]\n", "a[*b, c]\n", "def f(*a: *Ts): pass\n", "try:\n    pass\nexcept* E:\n    pass\n",
    "try:\n    pass\nexcept* (A, B) as e:\n    pass\nelse:\n    pass\nfinally:\n    pass\n"),
  ...since(12, "type X = int\n", "type X[T] = list[T]\n", "type X[T: int, *Ts, **P] = tuple[T, *Ts]\n",
    "def f[T](x: T) -> T: pass\n", "class C[T]: pass\n", "class C[T: (int, str)](Base): pass\n", "def f[T,](): pass\n",
    "async def f[T](): pass\n", "type = 1\ntype X = int\n"),
  ...since(13, "type X[T = int] = list[T]\n", "def f[T = int, *Ts = *tuple[int], **P = [int]](): pass\n",
    "class C[T: int = bool]: pass\n"),
];

export const VALID_SNIPPETS: readonly ValidSnippet[] = [
  ...NUMBERS,
  ...STRINGS,
  ...FSTRINGS,
  ...EXPRESSIONS,
  ...STATEMENTS,
  ...MATCH,
  ...NEWER,
];
