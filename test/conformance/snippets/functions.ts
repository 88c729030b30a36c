// Snippets about functions, comprehensions, generators, closures, lambdas and scopes
// (global/nonlocal), including the objects and attributes a course inspects.
import { py, snippet, type Snippet } from "../support/snippet.js";

export const functionSnippets: readonly Snippet[] = [
  snippet("list comprehension with condition", ["print([n * n for n in range(10) if n % 2 == 0])"]),
  snippet("nested comprehension", ["print([(x, y) for x in range(3) for y in range(x)])"]),
  snippet("matrix transpose comprehension", ["matrix = [[1, 2, 3], [4, 5, 6]]\nprint([[row[i] for row in matrix] for i in range(3)])"]),
  snippet("dict and set comprehensions", ["words = ['apple', 'bob', 'cat', 'apple']\nprint({w: len(w) for w in words}, {len(w) for w in words})"]),
  snippet("comprehension variable does not leak", ["squares = [item * item for item in range(3)]\nprint('item' in globals(), squares)"]),
  snippet("comprehension sees enclosing names", ["factor = 3\nprint([factor * n for n in range(4)])"]),
  snippet("comprehension in a class body", ["class Table:\n    size = 3\n    rows = [n for n in range(size)]\nprint(Table.rows)"]),
  snippet("comprehension in a class body cannot see class names", ["class Table:\n    size = 3\n    rows = [size for n in range(2)]"]),
  snippet("generator expression", ["gen = (n * 2 for n in range(4))\nprint(type(gen).__name__, sum(gen), list(gen))"]),
  snippet("generator function", ["def countdown(n):\n    while n > 0:\n        yield n\n        n -= 1\nprint(list(countdown(4)))"]),
  snippet("generator next and StopIteration", ["def two():\n    yield 'a'\n    yield 'b'\ngen = two()\nprint(next(gen), next(gen), next(gen, 'done'))"]),
  snippet("generator return value", [
    py`
      def with_result():
          yield 1
          return 'finished'
      gen = with_result()
      next(gen)
      try:
          next(gen)
      except StopIteration as stop:
          print('value:', stop.value)
    `,
  ]),
  snippet("generator send", [
    py`
      def echo():
          received = None
          while True:
              received = yield received
      gen = echo()
      next(gen)
      print(gen.send('hi'), gen.send(42))
    `,
  ]),
  snippet("yield from", ["def inner():\n    yield 1\n    yield 2\n    return 3\ndef outer():\n    result = yield from inner()\n    yield result\nprint(list(outer()))"]),
  snippet("generator close and finally", [
    py`
      def guarded():
          try:
              yield 1
              yield 2
          finally:
              print('cleanup')
      gen = guarded()
      print(next(gen))
      gen.close()
      print('closed')
    `,
  ]),
  snippet("generator throw", [
    py`
      def catcher():
          while True:
              try:
                  yield
              except ValueError as error:
                  print('caught', error)
      gen = catcher()
      next(gen)
      gen.throw(ValueError('boom'))
      print('still alive')
    `,
  ]),
  snippet("generator is exhausted once", ["gen = (c for c in 'ab')\nprint(list(gen), list(gen))"]),
  snippet("generator state", [
    py`
      def simple():
          yield 1
      gen = simple()
      print(gen.gi_running, gen.gi_frame is not None)
      list(gen)
      print(gen.gi_frame)
    `,
  ]),
  snippet("infinite generator with zip", ["def naturals():\n    n = 0\n    while True:\n        yield n\n        n += 1\nprint(list(zip('abc', naturals())))"]),
  snippet("closure counter with nonlocal", [
    py`
      def make_counter():
          count = 0
          def increment():
              nonlocal count
              count += 1
              return count
          return increment
      counter = make_counter()
      print(counter(), counter(), counter())
    `,
  ]),
  snippet("closure cells", ["def outer(x):\n    def inner():\n        return x\n    return inner\nfn = outer(10)\nprint(fn.__closure__[0].cell_contents, fn.__code__.co_freevars, outer.__code__.co_cellvars)"]),
  snippet("late binding closures", ["fns = [lambda: i for i in range(3)]\nprint([f() for f in fns])"]),
  snippet("default argument binding", ["fns = [lambda i=i: i for i in range(3)]\nprint([f() for f in fns])"]),
  snippet("mutable default argument", ["def append_to(item, target=[]):\n    target.append(item)\n    return target\nprint(append_to(1), append_to(2))"]),
  snippet("global statement", ["total = 0\ndef add(n):\n    global total\n    total += n\nadd(5)\nadd(7)\nprint(total)"]),
  snippet("global creates a name", ["def create():\n    global created_later\n    created_later = 'yes'\ncreate()\nprint(created_later)"]),
  snippet("nonlocal in nested functions", [
    py`
      def outer():
          value = 'outer'
          def middle():
              def inner():
                  nonlocal value
                  value = 'changed'
              inner()
          middle()
          return value
      print(outer())
    `,
  ]),
  snippet("nonlocal without binding is a syntax error", ["def outer():\n    def inner():\n        nonlocal missing\n    return inner"]),
  snippet("LEGB lookup order", [
    py`
      name = 'global'
      def outer():
          name = 'enclosing'
          def inner():
              return name
          return inner()
      print(outer(), name, len.__name__)
    `,
  ]),
  snippet("shadowing a builtin", ["def show():\n    len = 5\n    return len\nprint(show(), len('ab'))"]),
  snippet("positional and keyword arguments", ["def describe(a, b=2, *rest, key='k', **extra):\n    return a, b, rest, key, extra\nprint(describe(1))\nprint(describe(1, 3, 4, 5, key='z', other=0))"]),
  snippet("positional-only parameters", ["def pos(a, b, /, c):\n    return a + b + c\nprint(pos(1, 2, c=3), pos(1, 2, 3))", "pos(a=1, b=2, c=3)"]),
  snippet("positional-only names passed as keywords", [
    "def pos(a, b, /, c):\n    return a + b + c\npos(1, b=2, c=3)",
    "pos(b=1, a=2, c=3)",
    "pos(1, 2, a=1, c=1)",
    "pos(z=1, a=1)",
    "def pack(a, b, /, **rest):\n    return a, b, rest\nprint(pack(1, 2, a=3, b=4))",
    "class Box:\n    def put(self, item, /):\n        pass\nBox().put(item=1)",
  ]),
  snippet("slot wrapper argument errors", [
    "int.__add__(1)",
    "int.__neg__()",
    "int.__add__('a', 1)",
    "(1).__add__()",
    "(1).__neg__(2)",
    "(1).__add__(x=1)",
    "print(int.__add__(2, 3), (2).__pow__(3, 5), int.__pow__(2, 10), type(int.__add__).__name__, type((1).__add__).__name__)",
    "int.__pow__(2, 3, 5, 7)",
    "dict.__setitem__({}, 1)",
    "object.__init__()",
  ]),
  snippet("method descriptor argument errors", [
    "list.append()",
    "[].append()",
    "str.upper(5)",
    "list.__getitem__([1])",
    "{}.__contains__(1, 2)",
    "print(type(list.__getitem__).__name__, type(dict.__contains__).__name__, type(tuple.__getitem__).__name__)",
  ]),
  snippet("unpacking into a call", ["def triple(a, b, c):\n    return a * 100 + b * 10 + c\nargs = [1, 2]\nprint(triple(*args, 3), triple(**{'a': 1, 'b': 2, 'c': 3}), triple(*'123'))"]),
  snippet("function attributes", ["def documented(x: int, y: str = 'a') -> bool:\n    '''Doc line.'''\n    return True\nprint(documented.__name__, documented.__doc__, documented.__annotations__, documented.__defaults__)"]),
  snippet("function code object", ["def area(width, height):\n    scale = 2\n    return width * height * scale\ncode = area.__code__\nprint(code.co_name, code.co_argcount, code.co_varnames, code.co_nlocals)"]),
  snippet("functions are objects", ["def shout(text):\n    return text.upper()\nalias = shout\nactions = {'shout': shout}\nprint(alias('hi'), actions['shout']('x'), type(shout).__name__, callable(shout))"]),
  snippet("higher-order functions", ["def apply(fn, value):\n    return fn(value)\nprint(apply(len, 'abc'), apply(lambda v: v * 2, 21), list(map(abs, [-1, 2, -3])))"]),
  snippet("sorted with key lambda", ["people = [('ann', 30), ('bob', 25), ('cat', 30)]\nprint(sorted(people, key=lambda p: (-p[1], p[0])))"]),
  snippet("filter and map objects", ["evens = filter(lambda n: n % 2 == 0, range(10))\nprint(list(evens), list(map(str, range(3))), list(map(pow, [2, 3], [3, 2])))"]),
  snippet("recursion factorial and fibonacci", ["def fact(n):\n    return 1 if n <= 1 else n * fact(n - 1)\ndef fib(n):\n    return n if n < 2 else fib(n - 1) + fib(n - 2)\nprint(fact(20), fib(20))"]),
  snippet("decorator", [
    py`
      def logged(fn):
          def wrapper(*args):
              print('calling', fn.__name__, args)
              return fn(*args)
          return wrapper
      @logged
      def add(a, b):
          return a + b
      print(add(2, 3), add.__name__)
    `,
  ]),
  snippet("decorator with arguments", [
    py`
      def repeat(times):
          def decorate(fn):
              def wrapper():
                  return [fn() for _ in range(times)]
              return wrapper
          return decorate
      @repeat(3)
      def ping():
          return 'ping'
      print(ping())
    `,
  ]),
  snippet("lambda in a dict of operations", ["ops = {'+': lambda a, b: a + b, '*': lambda a, b: a * b}\nprint(ops['+'](2, 3), ops['*'](2, 3), (lambda: 'x')())"]),
  snippet("recursion with memo dict", ["memo = {}\ndef fib(n):\n    if n in memo:\n        return memo[n]\n    memo[n] = n if n < 2 else fib(n - 1) + fib(n - 2)\n    return memo[n]\nprint(fib(90))"]),
  snippet("locals and globals inside a function", ["def scope(a):\n    b = 2\n    return sorted(locals().items())\nprint(scope(1), 'scope' in globals())"]),
  snippet("locals dict identity, cells and deleted names", [
    py`
      def outer(x):
          y = x + 1
          def inner():
              z = y
              return locals()
          first = locals()
          w = 5
          second = locals()
          print(first is second, sorted(first), inner())
          del w
          print(sorted(locals()))
      outer(1)
    `,
  ]),
  snippet("locals in generators, lambdas and varargs", [
    py`
      import sys
      def gen():
          a = 1
          yield locals()
          b = 2
          yield locals()
      print([sorted(d) for d in gen()])
      f = lambda q: locals()
      def args(*xs, **kw):
          return locals()
      def counts():
          value = object()
          d = locals()
          return sys.getrefcount(value), sys.getrefcount(d)
      print(f(3), args(1, k=2), counts())
    `,
  ]),
  snippet("function returning multiple values", ["def stats(values):\n    return min(values), max(values), sum(values) / len(values)\nlow, high, mean = stats([3, 1, 4, 1, 5])\nprint(low, high, mean)"]),
  snippet("return None implicitly", ["def nothing():\n    pass\nprint(nothing(), nothing() is None)"]),
  snippet("iter with a sentinel", ["values = iter([3, 2, 1, 0, 5])\nprint(list(iter(lambda: next(values), 0)))"]),
  snippet("enumerate zip reversed", ["names = ['a', 'b', 'c']\nprint(list(enumerate(names)), list(zip(names, range(5))), list(reversed(names)))"]),
  snippet("any all with generators", ["print(any(n > 3 for n in [1, 5]), all(n > 0 for n in [1, -1]), any([]), all([]))"]),
  snippet("sum min max with keys and defaults", ["print(sum([0.1] * 10), min([], default='none'), max('apple', 'fig', key=len), min(3, 1, 2), sum([[1], [2]], []))"]),
  snippet("attributes on a function", ["def greet(name):\n    return name\ngreet.calls = 0\ngreet.calls += 1\nprint(greet.calls, greet.__dict__, vars(greet) is greet.__dict__)\ndel greet.calls\nprint(greet.__dict__)"]),
  snippet("writable function attributes", ["def f(a=1):\n    return a\nf.__defaults__ = (2,)\nf.__name__ = 'g'\nf.__doc__ = 'text'\nprint(f(), f.__name__, f.__doc__, f.__qualname__)", "f.__defaults__ = [3]"]),
  snippet("function members and getsets", [
    py`
      def f():
          pass
      kinds = type(f).__dict__
      print([(name, type(kinds[name]).__name__) for name in sorted(kinds) if type(kinds[name]).__name__ in ('member_descriptor', 'getset_descriptor')])
      print(kinds['__doc__'], kinds['__code__'], hasattr(f, '__builtins__'))
      f.__doc__ = 'text'
      del f.__doc__
      print(f.__doc__, f.__module__, f.__closure__)
      try:
          f.__globals__ = {}
      except AttributeError as error:
          print(error)
    `,
  ]),
  snippet("dir of a function", ["def f(): pass\nprint(dir(f))"]),
  snippet("vars of a function", ["def f(): pass\nf.tag = 1\nprint(vars(f), f.__dict__ is vars(f))"]),
  snippet("dir of a generator", ["def g():\n    yield 1\nprint([n for n in dir(g()) if not n.startswith('__')])"]),
  snippet("vars of a bound method", ["class A:\n    def m(self): pass\ntry:\n    vars(A().m)\nexcept TypeError as e:\n    print(e)"]),
  snippet("dir of a bound method", ["class A:\n    def m(self): pass\nprint([n for n in dir(A().m) if not n.startswith('__')], '__func__' in dir(A().m))"]),
  snippet("attributes of a builtin function", ["print([n for n in dir(len) if not n.startswith('__')], len.__name__, len.__qualname__, len.__module__, len.__self__)"]),
  snippet("reprs of built-in methods, slot wrappers and static methods", ["print(str.__dict__['upper'], str.upper, type('a'.upper).__name__, str.upper.__objclass__, str.upper.__name__, str.upper.__qualname__)\nprint(int.__add__, type(int.__add__).__name__, type((1).__add__).__name__, int.__add__.__objclass__, (1).__add__.__self__, (1).__add__.__name__, (1).__add__.__qualname__)\nprint(object.__init__, type.__call__, list.__init__, type(object.__new__).__name__, object.__new__.__module__, str.maketrans.__module__)\nprint(repr(object.__new__)[:35], repr(str.maketrans)[:39], repr(dict.fromkeys)[:38], len)"]),
  snippet("function and generator introspection", ["def f(a, b=2, *args, c, d=4, **kw):\n    \"doc\"\ndef g():\n    yield 1\ngen = g()\nprint(f.__defaults__, f.__kwdefaults__, f.__code__.co_argcount, f.__code__.co_kwonlyargcount, f.__code__.co_varnames, f.__doc__, f.__annotations__, f.__module__)\nprint(gen.gi_running, gen.gi_frame is not None, gen.gi_code.co_name, gen.gi_yieldfrom, next(gen), list(gen), gen.gi_frame, gen.gi_yieldfrom)"]),
  snippet("iterator type names", ["print(type(iter([])).__name__, type(iter(())).__name__, type(iter('')).__name__, type(iter({})).__name__, type(iter(range(3))).__name__, type(reversed([])).__name__, type(zip()).__name__, type({}.keys()).__name__)"]),
  snippet("starred-call argument errors name the callee per version", [
    "def f(*a, **k): return a\nclass C:\n    def m(self, *a, **k): pass\n    def __call__(self, *a): pass\n" +
      "for call in (lambda: f(**1), lambda: C().m(**1), lambda: len(**1), lambda: C.m(*1), lambda: f(*1), lambda: f(**{'a': 1}, a=2),\n" +
      "             lambda: f(**{1: 1}), lambda: f(*1, 2), lambda: f(1, *1), lambda: f(*1, **1), lambda: len(*1)):\n" +
      "    try:\n        call()\n    except TypeError as e:\n        print(e)",
    "try:\n    C()(*1)\nexcept TypeError as e:\n    print(str(e).split(' argument')[0].startswith(('C object', '<__main__.C object at ')))",
    "print(f(*[1, 2]), f(*range(3)), f(*'ab', **{'x': 1}), f(*(n for n in 'xy')))",
  ]),
  snippet("f(*t) hands an exact tuple over as it is", [
    "import sys\nclass Probe:\n    def __call__(self, *a):\n        print(sys.getrefcount(a[0]))\nclass T(tuple): pass\n" +
      "item = object()\nt = (item, 1)\np = Probe()\np(*t)\np(*[item])\np(*T((item,)))\nprint(sys.getrefcount(item))",
  ]),
  // A paused generator's frame reports the line of the yield it waits at, also for a frame
  // object made before the generator ran.
  snippet("f_lineno of a paused generator's frame", [
    py`
      def steps():
          yield 'first'
          for n in range(2):
              yield n
          total = (yield 'sum')
          yield from ['a', 'b']
      gen = steps()
      frame = gen.gi_frame
      print(frame.f_lineno)
      for _ in range(5):
          next(gen)
          print(frame.f_lineno, gen.gi_frame is frame)
      late = steps()
      next(late)
      print(late.gi_frame.f_lineno)
      squares = (n * n for n in range(3))
      next(squares)
      print(squares.gi_frame.f_lineno)
      list(gen)
      print(frame.f_lineno, gen.gi_frame)
    `,
  ]),
  snippet("a generator's finally clause sees GeneratorExit as close() runs it", [
    "import sys\ndef guarded():\n    try:\n        yield 1\n    finally:\n        print(repr(sys.exc_info()[1]))\ngen = guarded()\nnext(gen)\ngen.close()\ndef swallowing():\n    try:\n        yield 1\n        raise KeyError\n    finally:\n        return\nprint(list(swallowing()))",
  ]),
];
