// Invalid Python snippets for the differential SyntaxError tests, written for lessonkit.

export const INVALID_SNIPPETS: readonly string[] = [
  // ---- generic and comma errors
  "x = = 1\n", "a b\n", "a b c\n", "foo(1 2)\n", "f(a b)\n", "[1 2]\n", "{1 2}\n", "(1 2)\n", "x = 1 +\n", "x = (1 +)\n",
  "def f(:\n", "1 = x\n", "print 'hi'\n", "print \"hello\"\n", "print f\n", "exec 'code'\n", "x = $\n", "x = 1 ? 2\n",
  "x = `a`\n", "a := 1\n", "if x = 1:\n    pass\n", "while x = 1:\n    pass\n", "f(a=1 for a in b)\n", "1 <> 2\n",
  // ---- brackets
  "x = (1,\ny = 2\n", "x = (1,\n", "(\n", "x = )\n", "x = (]\n", "x = (\n\n]\n", "a = 1\nb = (1 +\n", "x = [1, 2\n",
  "x = {'a': 1\nprint(x)\n", "foo(\n  a,\n  b\n", "x = )(\n", "f(a, b))\n", "x = [1, 2]]\n",
  // ---- strings and numbers
  "y = 'abc\n", "x = = 1\ny = 'abc\n", "s = 'abc\n", "x = '''abc\n", "x = \"\"\"abc\n\ndef\n", "s = 'a\\'\n", "b'é'\n",
  "0777\n", "1_\n", "1__0\n", "0x\n", "0xg\n", "0b12\n", "0o8\n", "0o\n", "0b\n", "1e\n", "1e+\n", "x = 1x\n", "1.e\n",
  "1_000_\n", "0_7\n", "x = 1.__class__\n", "x = 5j5\n", "'\\x4'\n", "'\\u12'\n", "'\\U1234'\n", "'\\N{}'\n", "'\\N'\n",
  "'abc\\\n", "'a' b'b'\n", "b'a' 'b'\n", "b'\\x4'\n",
  // ---- identifiers and characters
  "é = 1\nx = €\n", "x = 1\u0001\n", "x = a\u00a0b\n", "x = 1\u200b\n", "a€b = 1\n",
  // ---- indentation
  "if x:\n    a\n  b\n", "x = 1\n    y = 2\n", "if x\n  pass\n", "if x:\npass\n", "\tif x:\n        pass\n", "if x:\n",
  "if x:\n    pass\n  else:\n", "def f():\n\tif x:\n        pass\n", "def f(x):\nreturn x\n", "class A:\n",
  "for x in y:\n", "while x:\n", "with a:\n", "try:\n", "try:\n    pass\nexcept:\n", "try:\n    pass\nfinally:\n",
  "if x:\n    pass\nelse:\n", "if x:\n    pass\nelif y:\n", "def f():\n    return 1\n  x = 2\n", "  x = 1\n",
  "if x:\n        a\n    b\n", "x = \\\n", "x = a\\ b\n", "x = 1 \\  \ny = 2\n",
  // ---- targets
  "del f()\n", "del 1\n", "del *a\n", "del (a, 1)\n", "for 1 in x: pass\n", "for f() in x: pass\n", "with a as 1: pass\n",
  "with a as f(): pass\n", "[x for 1 in y]\n", "(yield) = 1\n", "f() = 1\n", "x + 1 = 2\n", "not x = 1\n",
  "a if b else c = 1\n", "None = 1\n", "True = 1\n", "... = 1\n", "'abc' = 1\n", "f'{x}' = 1\n", "[a, 1] = b\n",
  "(a, b()) = c\n", "x = 1 = 2\n", "a, b += 1\n", "[a] += 1\n", "f() += 1\n", "1 += 1\n", "lambda: x = 1\n",
  "x.y := 1\n", "(a.b := 1)\n", "(a[0] := 1)\n", "((a, b) := 1)\n", "[a, b] : int\n", "(a, b): int\n",
  "a, b: int\n", "1: int\n", "x = yield = 1\n", "{a: b} = c\n", "{a} = b\n", "a < b = c\n", "*a = 1\n", "a = *b\n",
  "(*a) = 1\n", "x = (**a)\n", "x = (*a)\n",
  // ---- calls and arguments
  "f(**a, *b)\n", "f(a=1, b)\n", "f(a=1, *b, c)\n", "f(**k, a)\n", "f(x for x in y, 1)\n", "f(1, x for x in y)\n",
  "f(x for x in y, )\n", "f(True=1)\n", "f(None=1)\n", "f(a.b=1)\n", "f(a=)\n", "f(**a=1)\n", "f(a, *)\n",
  "f(*)\n", "f(**)\n", "f(a b=1)\n", "f(1=2)\n", "f((a)=1)\n", "f(a, b for b in c)\n", "f(a=1, a=2)\n",
  // ---- parameters
  "def f(/, a): pass\n", "def f(a, *): pass\n", "def f(*a=1): pass\n", "def f(*a, *b): pass\n", "def f(**a=1): pass\n",
  "def f(**a, b): pass\n", "def f(**a, *b): pass\n", "def f(a=1, b): pass\n", "def f((a, b)): pass\n",
  "def f(a, /, b, /): pass\n", "def f(*, a, /): pass\n", "def f(a=1, /*): pass\n", "def f(a=): pass\n", "def f(*): pass\n",
  "def f(*, **k): pass\n", "lambda *: 1\n", "lambda (a): 1\n", "lambda a=1, b: 1\n", "lambda *a=1: 0\n", "lambda **a, b: 0\n",
  "lambda /: 0\n", "def f(a, a=1, /, b): pass\n", "def f(a: int = ): pass\n", "def f(1): pass\n", "def f(a.b): pass\n",
  "def f:\n  pass\n", "def f()\n  pass\n", "def f() -> :\n  pass\n", "def (): pass\n", "def f[](): pass\n",
  // ---- displays and comprehensions
  "x = {1: 2, 3}\n", "x = {1:}\n", "x = {1: *a}\n", "x = {**a: 1}\n", "[*a for a in b]\n", "{**a for a in b}\n",
  "x = [a, b for a, b in c]\n", "x = {a, b for a, b in c}\n", "[x for x 1]\n", "[x for x in]\n", "[x for in y]\n",
  "(x for x in y for)\n", "[x if y for x in z]\n", "x = [1, 2,, 3]\n", "x = (,)\n", "x = [,]\n", "x = {,}\n",
  // ---- operators and expressions
  "x = 1 + not y\n", "x = - not y\n", "x = a if b\n", "x = a if b else pass\n", "f(lambda: 1 if x)\n",
  "x = 1 if True else *y\n", "x = a if else b\n", "x = not\n", "x = a and\n", "x = a <\n", "x = a not b\n",
  "x = a is not\n", "x = **a\n", "x = a ** \n", "x = a..b\n", "x = a.1\n", "x = a.\n", "x = .a\n", "x = a[]\n",
  "x = a[1:2:3:4]\n", "x = yield from\n", "x = await\n", "await = 1\n", "async = 1\n", "x = lambda: yield\n",
  // ---- statements
  "class A(:\n pass\n", "class A\n", "class A(B\n  pass\n", "if x:\n  pass\nelse:\n  pass\nelif y:\n  pass\n",
  "for x in y\n  pass\n", "for x y:\n  pass\n", "for x in:\n  pass\n", "while x\n  pass\n", "with a as b\n  pass\n",
  "with a, b,:\n  pass\n", "with (a as b\n  pass\n", "try:\n  pass\n", "try:\n  pass\nexcept A, B:\n  pass\n",
  "try:\n  pass\nexcept A, B as c:\n  pass\n", "try:\n  pass\nexcept*:\n  pass\n", "try:\n  pass\nexcept A as b.c:\n  pass\n",
  "try:\n  pass\nexcept A\n  pass\n", "try:\n  pass\nexcept\n  pass\n", "try:\n  pass\nfinally\n  pass\n",
  "try:\n  pass\nexcept A:\n  pass\nexcept* B:\n  pass\n", "try:\n  pass\nexcept* A:\n  pass\nexcept B:\n  pass\n",
  "try\n  pass\nexcept:\n  pass\n", "else:\n  pass\n", "elif x:\n  pass\n", "except:\n  pass\n", "finally:\n  pass\n",
  "raise from x\n", "raise x from\n", "raise x, y\n", "import a from b\n", "import\n", "from x import\n", "from x import a,\n",
  "from x import (a, b\n", "from x import (a,, b)\n", "import a.b as c.d\n", "import a as\n", "from . import *, a\n",
  "from x import *, a\n", "import *\n", "from x import a as 1\n", "global x,\n", "global 1\n", "nonlocal\n",
  "assert\n", "assert x = 1\n", "assert x := 1\n", "return 1 2\n", "del\n", "pass 1\n", "break 2\n", "x = 1;;\n",
  "; x = 1\n", "x: int: str\n", "x = 1 if\n", "if x: pass; else: pass\n", "@\ndef f(): pass\n", "@d\nx = 1\n",
  "@d\n", "def f(): pass; def g(): pass\n", "x = 1 y = 2\n", "print(1) print(2)\n",
  // ---- match
  "match x:\n  case 1\n    pass\n", "match x\n  case 1:\n    pass\n", "match x:\ncase 1:\n  pass\n", "case 1:\n  pass\n",
  "match x:\n  case {**a, b: 1}: pass\n", "match x:\n  case A(a=1, b): pass\n", "match x:\n  case 1 as f(): pass\n",
  "match x:\n  case +1: pass\n", "match x:\n  case 1+1: pass\n", "match x:\n  case 1 as _: pass\n", "match x:\n  case 1 as 2: pass\n",
  "match x:\n  case *a: pass\n", "match x:\n  case a.b(): pass\n  case [1, 2, *a, *b]: pass\n", "match x:\n  case f(): pass\n",
  "match x:\n  case {1: a, **b, c: d}: pass\n", "match(x)\n1 +\n", "match x:\n  pass\n", "match x:\n  case 1 if: pass\n",
  // ---- type parameters
  "type X[] = int\n", "def f[T: (int, str), *Ts: int](): pass\n", "def f[**P: int](): pass\n", "class C[]: pass\n",
  "type X = \n", "type X[T = ] = int\n",
  // ---- f-strings
  "f'{x!z}'\n", "f'{'\n", "f'}'\n", "f'{x!}'\n", "f'{x!x}'\n", "f'{}'\n", "f'{a b}'\n", "f'{a:{b:{c:{d}}}}'\n", "f'{a'\n",
  "f'{a=!r'\n", "x = f'{lambda x: 1}'\n", "f'{!r}'\n", "f'{=}'\n", "f'{:}'\n", "f'{x!r=}'\n", "f'{x:{}}'\n", "f'{x)}'\n",
  "f'{(x}'\n", "f'{x}}'\n", "f'{{x}'\n", "f'{x!r:'\n", "f'abc\n", "f'''abc\n", "f'{x:\n}'\n", "f'{\n}'\n", "f'{x!}'\n",
  "f'{x ! r}'\n", "f'{x!r x}'\n", "f'{x=y}'\n", "f'{yield x = 1}'\n", "f'{x:{y:{z}}}'\n", "f'{\"a\" \"b\" c}'\n",
  "x = f'{1 +}'\n", "f'{a}' b'c'\n", "f'{x!rr}'\n", "f\"{f'{x'}\"\n",
];
