// Snippets about reference counts: sys.getrefcount and a ctypes reader of ob_refcnt, at module
// level, in functions, methods, closures, containers, after del, for cell constants and across cells.
import { py, snippet, type Snippet } from "../support/snippet.js";

/** The reader every snippet starts with: the count stored in the object's header. */
const READER = py`
  import sys, ctypes
  def count_at(address):
      return ctypes.c_long.from_address(address).value
`;

export const refcountSnippets: readonly Snippet[] = [
  snippet("list at module level: getrefcount and header", [
    READER,
    py`
      numbers = [1, 2, 3]
      print(sys.getrefcount(numbers), count_at(id(numbers)))
    `,
  ]),
  snippet("second name in a later cell", [READER, "items = [4, 5]", "other = items\nprint(count_at(id(items)), sys.getrefcount(other))"]),
  snippet("rebinding the alias to None", [READER, "items = [4, 5]\nother = items", "other = None\nprint(count_at(id(items)))"]),
  snippet("del of the alias", [READER, "items = [4, 5]\nother = items\nthird = other", "del other\nprint(count_at(id(items)))", "del third\nprint(count_at(id(items)))"]),
  snippet("object stored twice in a list", [READER, "cell = ['x']\npair = [cell, cell]\nprint(count_at(id(cell)))", "del pair\nprint(count_at(id(cell)))"]),
  snippet("object as dict value and key", [
    READER,
    py`
      key = (1, 'k')
      value = [0]
      table = {key: value, 'again': value}
      print(count_at(id(key)), count_at(id(value)))
    `,
    "table.clear()\nprint(count_at(id(key)), count_at(id(value)))",
  ]),
  snippet("object inside a tuple and a set", [
    READER,
    py`
      inner = ('a', 'b')
      outer = (inner, inner, inner)
      bag = {inner}
      print(count_at(id(inner)))
    `,
  ]),
  snippet("argument seen inside a function", [
    READER,
    py`
      def inside(value):
          return sys.getrefcount(value), count_at(id(value))
      data = [1, 2]
      print(inside(data))
    `,
  ]),
  snippet("argument after a local alias", [
    READER,
    py`
      def inside(value):
          alias = value
          return count_at(id(value))
      data = [1]
      print(inside(data), count_at(id(data)))
    `,
  ]),
  snippet("local-only list in a function", [
    READER,
    py`
      def local_only():
          mine = [1, 2, 3]
          return sys.getrefcount(mine), count_at(id(mine))
      print(local_only())
    `,
  ]),
  snippet("argument forwarded to a second function", [
    READER,
    py`
      def second(z):
          return count_at(id(z))
      def first(x):
          return second(x)
      data = [1]
      print(first(data))
    `,
  ]),
  snippet("star-args tuple element", [
    READER,
    py`
      def spread(*args):
          return count_at(id(args[0])), len(args)
      data = [1]
      print(spread(data, 2, 3))
    `,
  ]),
  snippet("keyword-args value", [
    READER,
    py`
      def named(**options):
          return count_at(id(options['item']))
      data = [1]
      print(named(item=data))
    `,
  ]),
  snippet("self inside a method called on the instance", [
    READER,
    py`
      class Box:
          def measure(self):
              return count_at(id(self))
      box = Box()
      print(box.measure(), Box.measure(box))
    `,
  ]),
  snippet("instance count at module level", [READER, "class Plain:\n    pass\nthing = Plain()\nprint(count_at(id(thing)), sys.getrefcount(thing))"]),
  snippet("bound method keeps its instance", [
    READER,
    py`
      class Box:
          def size(self):
              return 1
      box = Box()
      bound = box.size
      print(count_at(id(box)))
    `,
    "del bound\nprint(count_at(id(box)))",
  ]),
  snippet("attribute of an instance", [
    READER,
    py`
      class Holder:
          def __init__(self, payload):
              self.payload = payload
      payload = [1]
      first = Holder(payload)
      second = Holder(payload)
      print(count_at(id(payload)))
    `,
    "del first\nprint(count_at(id(payload)))",
  ]),
  snippet("class attribute", [
    READER,
    py`
      shared = ['s']
      class Config:
          setting = shared
      print(count_at(id(shared)))
    `,
  ]),
  snippet("closure cell keeps the captured object", [
    READER,
    py`
      def make_reader(source):
          def read():
              return source
          return read
      data = [1, 2]
      reader = make_reader(data)
      print(count_at(id(data)))
    `,
    "del reader\nprint(count_at(id(data)))",
  ]),
  snippet("default argument keeps its object", [
    READER,
    py`
      default = []
      def use(x=default):
          return x
      print(count_at(id(default)))
    `,
  ]),
  snippet("lambda default argument", [READER, "marker = object()\ncheck = lambda value=marker: value is marker\nprint(count_at(id(marker)), check())"]),
  snippet("count back to baseline after the call", [
    READER,
    py`
      def touch(x):
          y = x
          z = [x, x]
          return len(z)
      data = [9]
      touch(data)
      print(count_at(id(data)), sys.getrefcount(data))
    `,
  ]),
  snippet("returned new list", [
    READER,
    py`
      def build():
          return [1, 2, 3]
      made = build()
      print(count_at(id(made)))
    `,
  ]),
  snippet("int constant in the same cell, next statement", [READER, "big = 1000\nprint(count_at(id(big)))"]),
  snippet("int constant from an earlier cell", [READER, "big = 1000", "print(count_at(id(big)))"]),
  snippet("int constant on one line with a semicolon", [READER, "big = 1000; print(count_at(id(big)))"]),
  snippet("int constant inside one compound statement", [READER, "if True:\n    big = 1000\n    print(count_at(id(big)))"]),
  snippet("int constant inside a for loop body", [READER, "for _ in range(1):\n    big = 123456\n    print(count_at(id(big)))"]),
  snippet("non-interned string constant across cells", [READER, "text = 'hello world'", "print(count_at(id(text)))"]),
  snippet("non-interned string constant in the same cell", [READER, "text = 'hello world'\nprint(count_at(id(text)))"]),
  snippet("float constant across cells", [READER, "ratio = 2.5", "print(count_at(id(ratio)))"]),
  snippet("float constant in the same cell", [READER, "ratio = 2.5\nprint(count_at(id(ratio)))"]),
  snippet("tuple constant in the same cell", [READER, "triple = (1, 2, 3)\nprint(count_at(id(triple)))"]),
  snippet("tuple constant across cells", [READER, "triple = (1, 2, 3)", "print(count_at(id(triple)))"]),
  snippet("run-time int", [READER, "number = int('1000')\nprint(count_at(id(number)))"]),
  snippet("run-time str", [READER, "word = ''.join(['ab', 'cd', ' ef'])\nprint(count_at(id(word)))"]),
  snippet("constant returned by a function defined in the cell", [
    READER,
    py`
      def give():
          return 424243
      got = give()
      print(count_at(id(got)))
    `,
    "print(count_at(id(got)))",
  ]),
  snippet("chained assignment", [READER, "first = second = [0]\nprint(count_at(id(first)))"]),
  snippet("swap by tuple unpacking", [READER, "left = [1]\nright = [2]\nleft, right = right, left\nprint(count_at(id(left)), count_at(id(right)))"]),
  snippet("append and pop", [
    READER,
    py`
      item = {'k': 1}
      stack = []
      stack.append(item)
      stack.append(item)
      print(count_at(id(item)))
      stack.pop()
      print(count_at(id(item)))
    `,
  ]),
  snippet("one-argument and method calls release what they were given", [
    READER,
    py`
      class Sub(list):
          pass
      class Text(str):
          pass
      item = object()
      plain, sub = [], Sub()
      plain.append(item)
      sub.append(item)
      text = 'ab' * 3
      print(count_at(id(item)), len(plain), text.upper(), type(str(Text('x'))).__name__)
      print(plain.pop() is item, count_at(id(item)), [].append(item), count_at(id(item)))
      def inside():
          return sys.getrefcount(item), str(4321) == '4321'
      print(inside())
    `,
    py`
      for call in (lambda: plain.append(), lambda: plain.append(1, 2), lambda: list.append(sub),
                   lambda: list.append(text, 1), lambda: text.upper(1), lambda: len(5)):
          try:
              call()
          except TypeError as error:
              print(error)
      print(count_at(id(item)), len(sub))
    `,
  ]),
  snippet("list repetition of one object", [READER, "part = [0]\nrows = [part] * 4\nprint(count_at(id(part)))"]),
  snippet("nested list", [READER, "core = [1]\nwrapped = [[core], [core, core]]\nprint(count_at(id(core)))", "wrapped[1].clear()\nprint(count_at(id(core)))"]),
  snippet("loop variable keeps the last element", [
    READER,
    py`
      pieces = [[1], [2], [3]]
      for piece in pieces:
          pass
      print(count_at(id(pieces[-1])), count_at(id(pieces[0])))
    `,
  ]),
  snippet("except-as name is deleted after the block", [
    READER,
    py`
      try:
          raise ValueError('x')
      except ValueError as caught:
          kept = caught
      print(count_at(id(kept)), 'caught' in globals())
    `,
  ]),
  snippet("suspended generator holds its argument", [
    READER,
    py`
      def walk(sequence):
          for element in sequence:
              yield element
      data = [1, 2, 3]
      walker = walk(data)
      print(count_at(id(data)))
      next(walker)
      print(count_at(id(data)))
    `,
    "del walker\nprint(count_at(id(data)))",
  ]),
  snippet("getrefcount inside a list comprehension at module level", [READER, "data = [7]\nprint([sys.getrefcount(data) for _ in range(1)])"]),
  snippet("refcount inside a lambda", [READER, "data = [7]\nprobe = lambda v: count_at(id(v))\nprint(probe(data))"]),
  snippet("object referenced by a global read in a function", [
    READER,
    py`
      registry = [1]
      def look():
          return count_at(id(registry)), sys.getrefcount(registry)
      print(look())
    `,
  ]),
  snippet("function object count", [READER, "def solo():\n    pass\nprint(count_at(id(solo)), sys.getrefcount(solo))"]),
  snippet("function stored in a list", [READER, "def solo():\n    pass\nhandlers = [solo, solo]\nprint(count_at(id(solo)))"]),
  snippet("fresh class object count", [READER, "class Fresh:\n    pass", "print(sys.getrefcount(Fresh))"]),
  snippet("class count grows with instances", [
    READER,
    "class Counted:\n    pass",
    "before = sys.getrefcount(Counted)\nobjects = [Counted() for _ in range(5)]\nprint(sys.getrefcount(Counted) - before)",
  ]),
  snippet("subclass references its base", [
    READER,
    "class Base:\n    pass",
    "before = sys.getrefcount(Base)\nclass Child(Base):\n    pass\nprint(sys.getrefcount(Base) - before)",
  ]),
  snippet("dict value after update and pop", [
    READER,
    py`
      value = [1]
      table = {}
      table.update(a=value, b=value)
      print(count_at(id(value)))
      table.pop('a')
      print(count_at(id(value)))
    `,
  ]),
  snippet("slice copy of a list holds the elements", [READER, "element = [0]\nsource = [element, 1, 2]\ncopied = source[:]\nprint(count_at(id(element)))"]),
  snippet("list() copy holds the elements", [READER, "element = [0]\nsource = [element]\ncopied = list(source)\nprint(count_at(id(element)))"]),
  snippet("sorted() result", [READER, "element = [0]\nsource = [element, [1]]\nordered = sorted(source)\nprint(count_at(id(element)), count_at(id(ordered)))"]),
  snippet("dict.items() materialized", [READER, "value = [1]\ntable = {'v': value}\nitems = list(table.items())\nprint(count_at(id(value)))"]),
  snippet("zip and enumerate results", [READER, "element = [0]\nsource = [element]\nzipped = list(zip(source, source))\nnumbered = list(enumerate(source))\nprint(count_at(id(element)))"]),
  snippet("getrefcount of an argument passed twice", [
    READER,
    py`
      def twice(a, b):
          return sys.getrefcount(a)
      data = [1]
      print(twice(data, data))
    `,
  ]),
  snippet("method called on an argument", [
    READER,
    py`
      def grow(target):
          target.append(len(target))
          return count_at(id(target))
      data = []
      print(grow(data), count_at(id(data)))
    `,
  ]),
  snippet("recursion depth holds the argument", [
    READER,
    py`
      def dive(x, depth):
          if depth == 0:
              return count_at(id(x))
          return dive(x, depth - 1)
      data = [1]
      print(dive(data, 3))
    `,
  ]),
  snippet("instance in its class's list", [
    READER,
    py`
      class Tracked:
          everyone = []
          def __init__(self):
              Tracked.everyone.append(self)
      one = Tracked()
      print(count_at(id(one)))
    `,
  ]),
  snippet("sys.getrefcount of a literal list", [READER, "print(sys.getrefcount([]), sys.getrefcount([1, 2]))"]),
  snippet("getrefcount of a non-interned string literal", [READER, "print(sys.getrefcount('a b c d'))"]),
  snippet("objects built by a comprehension", [READER, "rows = [[i] for i in range(3)]\nprint([count_at(id(row)) for row in rows])"]),
  snippet("del of a name frees a container element's extra ref", [
    READER,
    py`
      element = [1]
      box = {'e': element}
      alias = element
      del alias
      print(count_at(id(element)))
      del box
      print(count_at(id(element)))
    `,
  ]),
  snippet("getrefcount inside a comprehension reads the header too", [READER, "data = [7]\nprint([count_at(id(data)) for _ in range(1)], [sys.getrefcount(data) for _ in (1,)])"]),
  snippet("refcount inside a generator expression", [READER, "data = [7]\nprint(list(count_at(id(data)) for _ in range(1)))"]),
  snippet("module-level for loop over a list", [READER, "data = [[1], [2]]\nfor element in data:\n    print(count_at(id(element)), count_at(id(data)))"]),
  snippet("global read by getrefcount inside a function", [READER, "shared = [1]\ndef peek():\n    return sys.getrefcount(shared)\nprint(peek())"]),
  snippet("arguments inside __new__ and __init__ called with positionals and keywords", [
    py`
      import sys
      class Pair:
          def __new__(cls, first, second=None):
              print('new', sys.getrefcount(first), sys.getrefcount(second))
              return object.__new__(cls)
          def __init__(self, first, second=None):
              print('init', sys.getrefcount(first), sys.getrefcount(second))
      class Loose:
          def __init__(self, first, **rest):
              print('loose', sys.getrefcount(first), sys.getrefcount(rest['second']))
      def build():
          left = [1]
          right = [2]
          Pair(left, right)
          Pair(left, second=right)
          Pair(first=left, second=right)
          Loose(left, second=right)
      build()
    `,
  ]),
  snippet("an argument's count inside the hook a builtin type calls", [
    py`
      import sys
      class Probe:
          def __iter__(self):
              print(sys.getrefcount(self), end=' ')
              return iter([])
          def __reversed__(self):
              print(sys.getrefcount(self), end=' ')
              return iter([])
          def __index__(self):
              print(sys.getrefcount(self), end=' ')
              return 1
          def __str__(self):
              print(sys.getrefcount(self), end=' ')
              return 's'
          def __float__(self):
              print(sys.getrefcount(self), end=' ')
              return 1.0
          def __complex__(self):
              print(sys.getrefcount(self), end=' ')
              return 1j
          def __bool__(self):
              print(sys.getrefcount(self), end=' ')
              return True
          def __bytes__(self):
              print(sys.getrefcount(self), end=' ')
              return b''
          def __int__(self):
              print(sys.getrefcount(self), end=' ')
              return 1
      def convert():
          probe = Probe()
          for make in (zip, enumerate, reversed, list, tuple, set, frozenset, range, str, float, complex, bool, bytes, int):
              make(probe)
      convert()
    `,
  ]),
  snippet("an object's count inside the hooks builtin functions call", [
    py`
      import sys
      seen = {}
      class Hooked:
          def __next__(self):
              seen['next'] = sys.getrefcount(self)
              return 1
          def __format__(self, spec):
              seen['format'] = sys.getrefcount(self)
              return ''
          def __round__(self, digits=None):
              seen['round'] = sys.getrefcount(self)
              return 1
          def __getattr__(self, name):
              seen.setdefault(name, sys.getrefcount(self))
              return 1
          def __setattr__(self, name, value):
              seen['setattr'] = sys.getrefcount(self)
          def __iter__(self):
              seen.setdefault('iter', []).append(sys.getrefcount(self))
              return iter([])
          def __divmod__(self, other):
              seen['divmod'] = sys.getrefcount(self)
              return 1
      def run():
          hooked = Hooked()
          next(hooked); format(hooked); f'{hooked}'; round(hooked); hasattr(hooked, 'via_hasattr'); getattr(hooked, 'via_getattr')
          setattr(hooked, 'a', 1); iter(hooked); sorted(hooked); any(hooked); divmod(hooked, 2)
      run()
      print(sorted(seen.items()))
    `,
  ]),
  snippet("self inside __init__", [
    READER,
    py`
      class Built:
          def __init__(self):
              print('in init', count_at(id(self)), sys.getrefcount(self))
      made = Built()
      print('after', count_at(id(made)))
    `,
  ]),
  snippet("self inside a property getter", [
    READER,
    py`
      class Shape:
          @property
          def count(self):
              return count_at(id(self))
      shape = Shape()
      print(shape.count)
    `,
  ]),
  snippet("exception object inside its except block", [
    READER,
    py`
      try:
          raise KeyError('k')
      except KeyError as problem:
          print(count_at(id(problem)))
    `,
  ]),
  snippet("exception object inside an except block in a function", [
    READER,
    py`
      def handle():
          try:
              raise KeyError('k')
          except KeyError as problem:
              return count_at(id(problem))
      print(handle())
    `,
  ]),
  snippet("context manager inside its with block", [
    READER,
    py`
      class Manager:
          def __enter__(self):
              return None
          def __exit__(self, *details):
              return False
      manager = Manager()
      with manager:
          print(count_at(id(manager)))
      print(count_at(id(manager)))
    `,
  ]),
  snippet("value returned by __enter__", [
    READER,
    py`
      class Manager:
          def __init__(self):
              self.resource = [1]
          def __enter__(self):
              return self.resource
          def __exit__(self, *details):
              return False
      manager = Manager()
      with manager as resource:
          print(count_at(id(resource)))
    `,
  ]),
  snippet("iterator holds its list", [READER, "data = [1, 2]\nwalker = iter(data)\nprint(count_at(id(data)))\nnext(walker)\nlist(walker)\nprint(count_at(id(data)))"]),
  snippet("enumerate reversed and zip hold their sources", [READER, "data = [1, 2]\nnumbered = enumerate(data)\nbackwards = reversed(data)\npaired = zip(data, data)\nprint(count_at(id(data)))"]),
  snippet("map holds its function and list", [READER, "data = [1]\ndef double(x):\n    return x * 2\nlazy = map(double, data)\nprint(count_at(id(data)), count_at(id(double)))"]),
  snippet("elements during a sort key call", [
    READER,
    py`
      seen = []
      def key(element):
          seen.append(count_at(id(element)))
          return element[0]
      rows = [[2], [1], [3]]
      rows.sort(key=key)
      print(seen)
    `,
  ]),
  snippet("closure contents read inside the inner function", [
    READER,
    py`
      def outer():
          captured = [1]
          def inner():
              return count_at(id(captured))
          return inner
      print(outer()())
    `,
  ]),
  snippet("del of a local frees it at once", [
    READER,
    py`
      class Noisy:
          def __del__(self):
              print('freed')
      def work():
          local = Noisy()
          del local
          print('after del')
      work()
    `,
  ]),
  snippet("tuple unpacking of the same object", [READER, "source = [0]\nfirst, second = source, source\nprint(count_at(id(source)))"]),
  snippet("list.remove drops the reference", [READER, "item = [0]\nbag = [item, 1]\nbag.remove(item)\nprint(count_at(id(item)))"]),
  snippet("set holding a tuple, then cleared", [READER, "key = (1, 2)\nbag = {key}\ntable = {key: 0}\nprint(count_at(id(key)))\nbag.clear()\ndel table\nprint(count_at(id(key)))"]),
  snippet("object referenced only from globals()", [READER, "globals()['planted'] = [1]\nprint(count_at(id(planted)))"]),
  snippet("running function's own count", [READER, "def whoami():\n    return count_at(id(whoami))\nprint(whoami())"]),
  snippet("object in __del__", [
    READER,
    py`
      class Watched:
          def __del__(self):
              print('in del', count_at(id(self)))
      watched = Watched()
      del watched
    `,
  ]),
  snippet("defaults tuple after the function is deleted", [READER, "default = [0]\ndef use(x=default):\n    return x\ndel use\nprint(count_at(id(default)))"]),
  snippet("str.join result pieces", [READER, "piece = 'x7' * 3\nglued = '-'.join([piece, piece])\nprint(count_at(id(piece)), count_at(id(glued)))"]),
  snippet("attribute read through the instance", [READER, "class Config:\n    setting = [1]\nconfig = Config()\nvalue = config.setting\nprint(count_at(id(value)))"]),
  snippet("immortal small int on 3.12+", [READER, "print(sys.getrefcount(7), count_at(id(7)))"], { versions: ["3.12", "3.13"] }),
  snippet("immortal None and True on 3.12+", [READER, "print(sys.getrefcount(None), sys.getrefcount(True), count_at(id(False)))"], {
    versions: ["3.12", "3.13"],
  }),
  snippet("small int count is huge on 3.11", [READER, "print(sys.getrefcount(0) > 999_999_999, count_at(id(1)) > 999_999_999)"], { versions: ["3.11"] }),
  snippet("interned name-like string literal", [READER, "word = 'hello_literal_7'", "print(count_at(id(word)))"]),
  snippet("interned via sys.intern", [READER, "made = sys.intern(''.join(['run', '_time', '_name2']))\nprint(count_at(id(made)))"]),
  snippet("list displayed as Out then counted", [READER, "shown = [1, 2, 3]", "shown", "print(count_at(id(shown)))"], { fresh: true }),
  snippet("Out keeps a value after del", [READER, "shown = [5, 6]", "shown", "keep_id = id(shown)\ndel shown\nprint(count_at(keep_id))"], { fresh: true }),
  snippet("exception frames keep an argument alive", [
    READER,
    py`
      victim = [1, 2, 3]
      def explode(arg):
          raise ValueError('boom')
      explode(victim)
    `,
    "print(count_at(id(victim)))",
  ], { fresh: true }),
  // 3.13 specialises a call site that calls a plain class on its second run (no argument tuple).
  snippet("argument refcount inside __init__ across runs of one call site", [
    py`
      import sys
      class P:
          def __init__(self, x):
              print(sys.getrefcount(x), end=" ")
      class WithDefault:
          def __init__(self, x, y=1):
              print(sys.getrefcount(x), end=" ")
      class Slotted:
          __slots__ = ("a",)
          def __init__(self, x):
              print(sys.getrefcount(x), end=" ")
      o = object()
      for cls in (P, WithDefault, Slotted):
          for i in range(3):
              cls(o)
          print()
      for i in range(4):
          P(o)
          if i == 1:
              P.extra = 2
      print()
      def make():
          return P(o)
      make(); make(); P(o); P(o)
    `,
  ]),
  // ≤3.10 a generator's frame holds the code, globals, builtins and its free cells, not the
  // function; 3.11+ the frame holds the function until it is cleared.
  snippet("what a live generator holds: its function, code and free cells", [
    py`
      import sys
      def outer():
          box = [1]
          def inner():
              yield box
          return inner
      inner = outer()
      cell = inner.__closure__[0]
      code = inner.__code__
      print(sys.getrefcount(inner), sys.getrefcount(cell), sys.getrefcount(code))
      gen = inner()
      print(sys.getrefcount(inner), sys.getrefcount(cell), sys.getrefcount(code))
      next(gen)
      print(sys.getrefcount(inner), sys.getrefcount(cell), sys.getrefcount(code))
    `,
    "del inner\nprint(sys.getrefcount(cell), sys.getrefcount(code))",
    "frame = gen.gi_frame\nprint(sys.getrefcount(code), sys.getrefcount(frame))",
    "for _ in gen: pass\nprint(sys.getrefcount(cell), sys.getrefcount(code), sys.getrefcount(frame))",
    "del frame\nprint(sys.getrefcount(code))\ndel gen\nprint(sys.getrefcount(code))",
  ]),
  snippet("generator names come from the function and its frame outlives it", [
    py`
      import sys
      def numbers():
          yield 1
      numbers.__name__ = 'renamed'
      numbers.__qualname__ = 'Some.renamed'
      gen = numbers()
      print(gen.__name__, gen.__qualname__, repr(gen).split(' at ')[0])
      code = numbers.__code__
      next(gen)
      frame = gen.gi_frame
      del gen
      print(sys.getrefcount(code), sys.getrefcount(frame), frame.f_code is code)
    `,
  ]),
  snippet("closing and exhausting a generator releases its function", [
    py`
      import sys
      def make():
          def inner():
              yield 1
          return inner
      inner = make()
      gen = inner()
      print(sys.getrefcount(inner))
      for _ in gen: pass
      print(sys.getrefcount(inner))
      def guarded():
          try:
              yield 1
          finally:
              pass
      gen = guarded()
      next(gen)
      gen.close()
      print(sys.getrefcount(guarded))
    `,
  ]),
  // 3.13's adaptive CALL: after a failed attempt it retries with exponential backoff, a deopt
  // re-specialises after 52 misses, and a class the site cannot enter directly makes it generic
  // for every class (s: __init__ entered without the argument tuple, g: through type_call).
  snippet("a call site specialising, backing off and re-specialising across classes and functions", [
    py`
      import sys
      out = []
      class P:
          def __init__(self, x):
              out.append(sys.getrefcount(x))
      class Q:
          def __init__(self, x):
              out.append(sys.getrefcount(x))
      class S:
          __slots__ = ('a',)
          def __init__(self, x):
              out.append(sys.getrefcount(x))
      class W:
          def __init__(self, x, y=1):
              out.append(sys.getrefcount(x))
      def f(x):
          out.append(100)
      def g(x):
          out.append(100)
      def shape():
          codes = ''.join('f' if v == 100 else ('s' if v == min(out) else 'g') for v in out)
          out.clear()
          runs = []
          for c in codes:
              if runs and runs[-1][0] == c:
                  runs[-1][1] += 1
              else:
                  runs.append([c, 1])
          return runs
      o = object()
    `,
    py`
      for c in [P]*3 + [Q]*60:
          c(o)
      print(shape())
    `,
    py`
      for c in [W]*5 + [P]*20:
          c(o)
      print(shape())
    `,
    py`
      for c in [S]*2 + [P]*10:
          c(o)
      print(shape())
    `,
    py`
      for c in [f]*2 + [g]*53 + [P]*60:
          c(o)
      print(shape())
    `,
    py`
      for c in [P]*3 + [Q]*10 + [P]*5 + [Q]*50:
          c(o)
      print(shape())
    `,
    py`
      for c in [W]*2 + [f]*5 + [P]*5:
          c(o)
      print(shape())
    `,
  ]),
  // An instance's type has no vectorcall: calling it packs the arguments into a tuple (and the
  // keywords into a dict) before slot_tp_call finds __call__, on every version.
  snippet("argument refcount inside __call__", [
    py`
      import sys, gc
      class Adder:
          def __call__(self, x, y=2, *rest, **named):
              print(sys.getrefcount(x), sys.getrefcount(self), len(rest), sorted(named))
      add = Adder()
      value = object()
      add(value)
      add(value, 3, 4, z=5)
      add(x=value)
      add(*[value])
      add(value, **{'w': 1})
      def inside():
          local = object()
          add(local)
      inside()
    `,
    py`
      class Quiet:
          def __call__(self, x):
              pass
      quiet = Quiet()
    `,
    py`
      def measure():
          gc.collect()
          first = gc.get_count()[0]
          second = gc.get_count()[0]
          quiet(value)
          third = gc.get_count()[0]
          quiet(value)
          fourth = gc.get_count()[0]
          return third - second, fourth - third
      print(measure())
    `,
  ]),
  // What holds an object while a builtin calls back into it: min/max's argument tuple (3.7–3.12)
  // and the iterator's reference to the current item, str.format's argument tuple, 3.11–3.13
  // print's gathered *args, dir()'s tuple and bound __dir__, and a descriptor's __get__.
  snippet("refcounts inside dunders called by min, max, format, print, dir and attribute access", [
    py`
      import sys
      class R:
          def __init__(self, v): self.v = v
          def __lt__(self, other):
              print('lt', sys.getrefcount(self), sys.getrefcount(other))
              return self.v < other.v
          def __gt__(self, other):
              print('gt', sys.getrefcount(self), sys.getrefcount(other))
              return self.v > other.v
      a, b = R(1), R(2)
      m = min(a, b)
      m = max(a, b)
      m = min([a, b])
    `,
    py`
      def key(x):
          print('key', sys.getrefcount(x))
          return x.v
      m = min(a, b, key=key)
      m = max([a, b], key=key)
    `,
    py`
      class S:
          def __str__(self):
              print('str', sys.getrefcount(self))
              return 's'
          def __repr__(self):
              print('repr', sys.getrefcount(self))
              return 'r'
          def __format__(self, spec):
              print('format', sys.getrefcount(self))
              return 'f'
          def __dir__(self):
              print('dir', sys.getrefcount(self))
              return ['z', 'a']
      s = S()
      print(s)
      x = '{}'.format(s)
      x = '{!r}'.format(s)
      x = f'{s}'
      x = format(s)
      x = str(s)
      x = repr(s)
      x = dir(s)
      print(x)
    `,
    py`
      class D:
          def __get__(self, inst, owner):
              print('get', sys.getrefcount(inst), sys.getrefcount(owner))
              return 1
      class H:
          d = D()
      h = H()
      h.d
      pass
      y = h.d
      getattr(h, 'd')
    `,
  ]),
  snippet("3.6 compares through a bound method given a tuple", [
    py`
      import sys
      class Ranked:
          def __init__(self, v):
              self.v = v
          def __lt__(self, other):
              print(sys.getrefcount(self), sys.getrefcount(other))
              return self.v < other.v
      a, b = Ranked(1), Ranked(2)
      a < b
      flag = b < a
      ordered = sorted([b, a])
    `,
  ]),
  // 3.13's close() of a generator paused at a yield no handler protects skips GeneratorExit and
  // clears only the locals: the frame keeps the function until the generator goes.
  snippet("closing generators paused at protected and unprotected yields", [
    py`
      import sys
      def mk():
          def inner():
              yield 1
          return inner
      f = mk()
      g = f()
      next(g)
      g.close()
      print('close', sys.getrefcount(f), g.gi_frame)
      del g
      print('del', sys.getrefcount(f))
      def guarded():
          try:
              yield 1
          finally:
              print('finally')
      g = guarded()
      next(g); g.close()
      print('close-try', sys.getrefcount(guarded))
      def with_loop():
          for i in range(3):
              yield i
      g = with_loop()
      next(g); g.close()
      print('loop', sys.getrefcount(with_loop), list(g))
      def in_handler():
          try:
              raise ValueError
          except ValueError:
              yield 1
      g = in_handler()
      next(g); g.close()
      print('handler', sys.getrefcount(in_handler))
      def after_try():
          try:
              pass
          except ValueError:
              pass
          else:
              yield 1
      g = after_try()
      next(g); g.close()
      print('else', sys.getrefcount(after_try))
      ge = (i for i in range(3))
      next(ge); ge.close()
      print(list(ge))
      def delegating():
          yield from inner_gen()
      def inner_gen():
          yield 1
      g = delegating()
      next(g); g.close()
      print('yield from', sys.getrefcount(delegating))
      class CM:
          def __enter__(self): return self
          def __exit__(self, *a): print('exit', a[0])
      def in_with():
          with CM():
              yield 1
      g = in_with()
      next(g); g.close()
      print('with', sys.getrefcount(in_with))
    `,
  ]),
  // A slot's lookup of the dunder holds a reference (3.7+; 3.6 binds it), __get__'s only from 3.13,
  // __getattr__'s hook one more; from 3.11 the frame holds one too.
  snippet("refcount of a dunder function while a slot calls it", [
    py`
      import sys
      def rc(name):
          return sys.getrefcount(C.__dict__[name])
      class C:
          def __init__(self): print('init', rc('__init__'))
          def __repr__(self): print('repr', rc('__repr__')); return 'c'
          def __str__(self): print('str', rc('__str__')); return 'c'
          def __eq__(self, o): print('eq', rc('__eq__')); return True
          def __lt__(self, o): print('lt', rc('__lt__')); return True
          def __hash__(self): print('hash', rc('__hash__')); return 1
          def __len__(self): print('len', rc('__len__')); return 1
          def __getitem__(self, k): print('getitem', rc('__getitem__')); return 1
          def __setitem__(self, k, v): print('setitem', rc('__setitem__'))
          def __contains__(self, k): print('contains', rc('__contains__')); return True
          def __iter__(self): print('iter', rc('__iter__')); return self
          def __next__(self): print('next', rc('__next__')); raise StopIteration
          def __call__(self): print('call', rc('__call__'))
          def __bool__(self): print('bool', rc('__bool__')); return True
          def __add__(self, o): print('add', rc('__add__')); return 1
          def __neg__(self): print('neg', rc('__neg__')); return 1
          def __getattr__(self, n): print('getattr', rc('__getattr__')); return 1
          def __setattr__(self, n, v): print('setattr', rc('__setattr__'))
          def __get__(self, i, o): print('get', rc('__get__')); return 1
          def __set__(self, i, v): print('set', rc('__set__'))
          def __index__(self): print('index', rc('__index__')); return 1
      c = C()
      x = repr(c); x = str(c); x = c == c; x = c < c; x = hash(c); x = len(c); x = c[0]; c[0] = 1
      x = 0 in c; x = list(c); c(); x = bool(c); x = c + 1; x = -c; x = c.zz; c.zz = 1
      class D:
          a = C()
      x = D().a; D().a = 1
      x = [1,2][c]
      print(sys.getrefcount(C.__dict__['__init__']))
    `,
  ]),
  // Functions called from runtime code: sorted's key, map, bound methods, properties, with, hooks.
  snippet("refcount of functions called by the runtime: sorted, map, with, properties, hooks", [
    py`
      import sys
      def rc(name, cls=None):
          return sys.getrefcount((cls or C).__dict__[name])
      class C:
          def __new__(cls): print('new', sys.getrefcount(C.__dict__['__new__'])); return object.__new__(cls)
          def __missing__(self, k): print('missing', rc('__missing__', M)); return 1
          def __enter__(self): print('enter', rc('__enter__')); return self
          def __exit__(self, *a): print('exit', rc('__exit__'))
          def __length_hint__(self): print('hint', rc('__length_hint__')); return 1
          def __format__(self, s): print('format', rc('__format__')); return ''
          def __round__(self, n=None): print('round', rc('__round__')); return 1
          def __reversed__(self): print('reversed', rc('__reversed__')); return iter([])
          def __dir__(self): print('dir', rc('__dir__')); return []
          def __sizeof__(self): print('sizeof', rc('__sizeof__')); return 1
          def __bytes__(self): print('bytes', rc('__bytes__')); return b''
          def __iter__(self): return iter([])
          @property
          def p(self): print('prop', sys.getrefcount(C.__dict__['p'].fget)); return 1
          def m(self): print('m', rc('m'))
      class M(dict):
          __missing__ = C.__missing__
      c = C()
      x = M()[1]
      with c: pass
      x = list(c)
      x = format(c, '')
      x = f'{c}'
      x = round(c)
      x = reversed(c)
      x = dir(c)
      x = sys.getsizeof(c)
      x = bytes(c)
      x = c.p
      b = c.m
      b()
      c.m()
      x = list(map(C.m, [c]))
      def f(*a):
          print('f', sys.getrefcount(f))
      f(*[1])
      f(*(1,), **{})
      x = [f() for _ in range(1)]
      def g():
          print('g', sys.getrefcount(g)); yield 1
      x = list(g())
      class Meta(type):
          def __instancecheck__(cls, o): print('inst', sys.getrefcount(Meta.__dict__['__instancecheck__'])); return True
      class K(metaclass=Meta): pass
      x = isinstance(1, K)
      class B:
          def __init_subclass__(cls): print('isc', sys.getrefcount(B.__dict__['__init_subclass__']))
          def __set_name__(self, o, n): print('setname', sys.getrefcount(B.__dict__['__set_name__']))
      class BB(B):
          a = B()
    `,
  ]),
  // CALL_FUNCTION_EX: keywords unpacked for the call (3.6–3.7 into a tuple, 3.8–3.11 all
  // arguments), a lone **d passed as it is up to 3.8, and 3.12+ entering the frame directly.
  snippet("argument refcounts through f(*args) and f(**kwargs)", [
    py`
      import sys
      def f(a, *r, **k):
          print(sys.getrefcount(a), sys.getrefcount(f), len(r), len(k))
      class C:
          def m(self, a, *r, **k):
              print(sys.getrefcount(a), sys.getrefcount(C.__dict__['m']))
      o = object()
      f(*[o])
      f(*(o,))
      f(o, *[o])
      t = (o, 1)
      f(*t)
      f(*t, **{"z": 1})
      f(o, z=1)
      f(**{'a': o})
      c = C()
      c.m(*t)
      c.m(*t, **{"z": 1})
      c.m(**{"a": o})
      x = c.m
      x(*t, **{"z": 1})
      def g(a): print(sys.getrefcount(a))
      o = object()
      g(**{'a': o})
      d = {'a': o}
      g(**d)
      g(*(), **d)
      g(*[o], **{})
      def h(a, **k): print(sys.getrefcount(a), sys.getrefcount(k['b']))
      p = object()
      h(o, **{'b': p})
      h(*[o], **{'b': p})
      o = object()
      def g1(a, *r): print(sys.getrefcount(a))
      def g2(a, **k): print(sys.getrefcount(a))
      def g3(a, *r, **k): print(sys.getrefcount(a))
      g1(**{'a': o})
      g2(**{'a': o})
      g3(**{'a': o})
      g2(a=o)
      g2(*(), a=o)
    `,
  ]),
  // LOAD_ATTR's method form followed by CALL specialises for a class as a plain call does.
  snippet("3.13 specialises a call of a class reached as an attribute", [
    py`
      import sys
      class P:
          def __init__(self, o):
              print(sys.getrefcount(o), end=' ')
      class Box:
          P = P
      o = object()
      b = Box()
      for i in range(3): Box.P(o)
      print()
      for i in range(3): b.P(o)
      print()
      def f():
          for i in range(3): Box.P(o)
          print()
          for i in range(3): b.P(o)
          print()
          for i in range(3): P(o)
          print()
      f()
    `,
  ]),
  // More slots and runtime calls: __getattribute__ with and without __getattr__, deletion, dict lookups.
  snippet("refcounts inside __getattribute__, __delattr__, hash/eq lookups, a metaclass __call__ and static methods", [
    py`
      import sys
      def rc(cls, name):
          return sys.getrefcount(cls.__dict__[name])
      class A:
          def __getattribute__(self, n):
              print('ga', rc(A, '__getattribute__')); return 1
      class B:
          def __getattribute__(self, n):
              print('gab', rc(B, '__getattribute__'), rc(B, '__getattr__')); raise AttributeError(n)
          def __getattr__(self, n):
              print('gb', rc(B, '__getattr__')); return 2
      class C:
          def __delattr__(self, n): print('da', rc(C, '__delattr__'))
          def __delitem__(self, k): print('di', rc(C, '__delitem__'))
          def __len__(self): print('len', rc(C, '__len__')); return 0
          def __iter__(self): print('iter', rc(C, '__iter__')); return iter([])
          def __hash__(self): print('hash', rc(C, '__hash__')); return 1
          def __eq__(self, o): print('eq', rc(C, '__eq__')); return True
      x = A().foo
      x = B().foo
      c = C()
      del c.x
      del c[0]
      x = bool(c)
      for _ in c: pass
      d = {c: 1}
      x = d[C()]
      x = c in [C()]
      class M(type):
          def __call__(cls, *a): print('mcall', rc(M, '__call__')); return 1
      class K(metaclass=M): pass
      x = K()
      class S:
          @staticmethod
          def s(): print('static', sys.getrefcount(S.__dict__['s'].__func__))
          @classmethod
          def c(cls): print('class', sys.getrefcount(S.__dict__['c'].__func__))
      S.s(); S().s(); S.c(); S().c()
      x = list(map(S.s, []))
    `,
  ]),
  // 3.11+ CALL splits a bound method: the frame takes its function and the arguments over.
  snippet("bound methods called from generated code: temporary, stored and classmethods", [
    py`
      import sys
      class S:
          @classmethod
          def c(cls, a): print('class', sys.getrefcount(S.__dict__['c'].__func__), sys.getrefcount(a))
          def m(self, a): print('m', sys.getrefcount(S.__dict__['m']), sys.getrefcount(self), sys.getrefcount(a))
      o = object()
      s = S()
      S.c(o); s.c(o); S.c(a=o)
      b = s.m
      b(o)
      s.bm = s.m
      s.bm(o)
      t = S()
      def via():
          S().m(o)
          S.c(o)
      via()
    `,
  ]),
  // 3.11+ CALL unpacks a temporary bound method: it dies before the frame, which takes its self.
  snippet("cls inside a classmethod called through the class, an instance and a stored method", [
    py`
      import sys
      class T:
          @classmethod
          def c(cls, o):
              return sys.getrefcount(cls)
          @classmethod
          def n(cls):
              return sys.getrefcount(cls)
          def m(self):
              return sys.getrefcount(self)
          def __del__(self):
              print('del')
      o = object()
      print(T.c(o), T.n(), T.c(o=o), getattr(T, 'c')(o), sys.getrefcount(T))
      t = T()
      print(t.c(o), t.n())
      bound = T.c
      print(bound(o), t.m(), T().m())
      def make():
          return T()
      print(make().m())
    `,
  ]),
  // list and tuple reprs format each item through the container's own reference (dict's repr
  // holds the key and value; a set's goes through a list of its keys).
  snippet("an item's refcount inside its repr called by a container's repr", [
    py`
      import sys
      class Item:
          def __repr__(self):
              print('repr', sys.getrefcount(self), end='; ')
              return 'Item'
      item = Item()
      print([item])
      print((item,))
      print({1: item})
      print([[item]], str([item]), f'{(item, 2)}')
      print('%s' % ([item],))
    `,
  ]),
  // 3.11+ PyDict_SetItem takes the dict's reference to the key before hashing it; MAP_ADD
  // hands the stack's reference over instead; ≤3.10 hashes first.
  snippet("a key's refcount inside its __hash__ as a dict stores it", [
    py`
      import sys
      class Key:
          def __hash__(self):
              print('hash', sys.getrefcount(self), end='; ')
              return 1
      key = Key()
      display = {key: 1}
      print()
      from_pairs = dict([(key, 2)])
      print()
      comprehension = {key: n for n in range(1)}
      print()
      from_keys = dict.fromkeys([key])
      print()
      print(key in from_pairs)
    `,
  ]),
  // 3.6's dict.get and dict.setdefault take their arguments as a tuple (METH_VARARGS, not modelled).
  snippet("a key's refcount inside its __hash__ as dict methods look it up", [
    py`
      import sys
      class Key:
          def __hash__(self):
              print('hash', sys.getrefcount(self), end='; ')
              return 1
      key = Key()
      table = {}
      found = table.get(key), key in table, table.setdefault(key, 3)
      print()
    `,
  ], { versions: ["3.7", "3.8", "3.9", "3.10", "3.11", "3.12", "3.13"] }),
  // IPython compiles a cell's next statement while the previous statement's code object (and so
  // its folded constants) is still alive: two statements' folded floats never share an address.
  snippet("folded constants of consecutive statements", [
    "first = id(1.5 + 0.25)\nsecond = id(2.5 + 0.25)\nprint(first == second)",
    "a = id(10 ** 20)\nb = id(10 ** 21)\nprint(a == b)",
  ], { fresh: true }),
  // ≤3.10 the thread's exc_info holds the traceback while a handler runs (3.11+ only the
  // exception); __exit__ gets the traceback from the stack (≤3.10) or borrowed (3.11+).
  snippet("a traceback's refcount inside a handler", [
    py`
      import sys
      try:
          raise ValueError('here')
      except ValueError as error:
          held = error.__traceback__
          print(sys.getrefcount(held), sys.getrefcount(sys.exc_info()[2]))
      print(sys.getrefcount(held))
      def inner():
          try:
              raise KeyError('k')
          except KeyError as error:
              return sys.getrefcount(error.__traceback__)
      print(inner())
    `,
  ]),
  snippet("the traceback __exit__ receives", [
    py`
      import sys
      class Suppress:
          def __enter__(self):
              return self
          def __exit__(self, kind, value, traceback):
              print(sys.getrefcount(traceback), sys.getrefcount(value))
              return True
      with Suppress():
          raise ValueError('inside')
      def in_function():
          with Suppress():
              raise KeyError('k')
      in_function()
    `,
  ], { versions: ["3.8", "3.9", "3.10", "3.11", "3.12", "3.13"] }),
  // int() reaches __trunc__ through the bound method it looks up (3.7-3.10; 3.11+ warns first).
  snippet("self's refcount inside __trunc__ called by int()", [
    "import sys\nclass Truncates:\n    def __trunc__(self):\n        print('trunc', sys.getrefcount(self))\n        return 7\nprint(int(Truncates()))\nvalue = Truncates()\nprint(int(value))",
  ], { versions: ["3.6", "3.7", "3.8", "3.9", "3.10"] }),
  // Calls the runtime makes into Python code, and what holds the arguments meanwhile.
  snippet("self inside __eq__ during dict and set lookups", [
    py`
      import sys
      class Key:
          def __init__(self, tag): self.tag = tag
          def __hash__(self): return 1
          def __eq__(self, other):
              print(self.tag, sys.getrefcount(self), other.tag, sys.getrefcount(other))
              return False
      a, b = Key('a'), Key('b')
      table = {a: 1}
      found = b in table
      found = table.get(b)
      found = table.setdefault(b, 0)
      bag = {a}
      found = b in bag
      bag.add(b)
      bag.discard(Key('c'))
    `,
  ]),
  snippet("self inside __eq__ when dict.pop and setdefault compare", [
    "import sys\nclass Key:\n    def __hash__(self): return 1\n    def __eq__(self, other):\n        print(sys.getrefcount(self), sys.getrefcount(other))\n        return False\nstored = Key()\ntable = {stored: 1}\nprobe = Key()\nfound = table.pop(probe, None)\nfound = table.pop(stored, 0)",
  ]),
  snippet("items compared by in, count, index and == on lists", [
    py`
      import sys
      class Item:
          def __init__(self, tag): self.tag = tag
          def __eq__(self, other):
              print(self.tag, sys.getrefcount(self), other.tag, sys.getrefcount(other))
              return False
          __hash__ = None
      c, d = Item('c'), Item('d')
      items = [d]
      found = c in items
      found = c in [d]
      found = c in (d,)
      found = items.count(c)
      found = items == [c]
      for x in [c, d]:
          print(sys.getrefcount(x) - sys.getrefcount(c))
    `,
  ]),
  snippet("__next__ of an iterator a comprehension or generator expression runs", [
    py`
      import sys
      class Ticks:
          def __iter__(self): return self
          def __next__(self):
              print('next', sys.getrefcount(self))
              raise StopIteration
      ticks = Ticks()
      result = [x for x in ticks]
      result = {x for x in ticks}
      result = {x: 1 for x in ticks}
      result = list(x for x in ticks)
      def local():
          mine = Ticks()
          return [x for x in mine]
      result = local()
      source = iter([1, 2])
      print([sys.getrefcount(source) for _ in source])
    `,
  ]),
  snippet("a descriptor's self inside __get__, __set__ and __delete__", [
    py`
      import sys
      class Field:
          def __get__(self, obj, owner=None):
              print('get', sys.getrefcount(self))
              return 1
          def __set__(self, obj, value):
              print('set', sys.getrefcount(self), sys.getrefcount(value))
          def __delete__(self, obj):
              print('delete', sys.getrefcount(self))
      class Holder:
          field = Field()
      holder = Holder()
      value = holder.field
      value = Holder.field
      payload = [1]
      holder.field = payload
      del holder.field
      value = getattr(holder, 'field')
    `,
  ]),
  snippet("arguments of a bound method used as a key, map or filter function", [
    py`
      import sys
      class Scorer:
          def score(self, item):
              print(sys.getrefcount(self), sys.getrefcount(item))
              return 0
          @classmethod
          def ranked(cls, item):
              print(sys.getrefcount(item))
              return 0
      scorer = Scorer()
      item = [1]
      result = sorted([item], key=scorer.score)
      result = list(map(scorer.score, [item]))
      result = list(filter(scorer.score, [item]))
      result = max([item], key=scorer.score)
      result = sorted([item], key=Scorer.ranked)
      listed = [item]
      listed.sort(key=scorer.score)
    `,
  ]),
  snippet("arguments of dunders the runtime calls with a value", [
    py`
      import sys
      class Box:
          def __getitem__(self, key):
              print('getitem', sys.getrefcount(self), sys.getrefcount(key)); return 1
          def __setitem__(self, key, value):
              print('setitem', sys.getrefcount(key), sys.getrefcount(value))
          def __contains__(self, key):
              print('contains', sys.getrefcount(key)); return True
          def __add__(self, other):
              print('add', sys.getrefcount(other)); return 1
          def __iadd__(self, other):
              print('iadd', sys.getrefcount(other)); return self
          def __setattr__(self, name, value):
              print('setattr', sys.getrefcount(value))
      class Named:
          def __set_name__(self, owner, name):
              print('set_name', sys.getrefcount(owner) > 1)
      box = Box()
      key = [1]
      value = [2]
      result = box[key]
      box[key] = value
      result = key in box
      result = box + key
      box += key
      box.attribute = value
      class Owner:
          named = Named()
    `,
  ]),
  snippet("self inside __enter__ and __exit__", [
    "import sys\nclass Managed:\n    def __enter__(self):\n        print('enter', sys.getrefcount(self))\n        return self\n    def __exit__(self, *details):\n        print('exit', sys.getrefcount(self))\nmanager = Managed()\nwith manager:\n    pass\nwith manager as same:\n    pass\nwith Managed():\n    pass",
  ]),
  snippet("an exception thrown into a generator", [
    "import sys\ndef guarded():\n    try:\n        yield 1\n    except ValueError as error:\n        print(sys.getrefcount(error))\n    yield 2\ngen = guarded()\nfirst = next(gen)\nsecond = gen.throw(ValueError('v'))",
  ]),
  snippet("sorted() asks the iterable's length as list() does", [
    "import sys\nclass Sized:\n    def __len__(self):\n        print('len', sys.getrefcount(self))\n        return 2\n    def __iter__(self):\n        print('iter', sys.getrefcount(self))\n        return iter([2, 1])\nprint(sorted(Sized()), list(Sized()))",
  ]),
  snippet("the base object's count when int() is given base= by keyword", [
    "import sys\nclass Base:\n    def __index__(self):\n        print('index', sys.getrefcount(self))\n        return 2\nbase = Base()\nprint(int('11', base), int('11', base=base))",
  ]),
  snippet("the name's count inside __getattr__ (3.12+; older versions refuse it)", [
    "import sys\nclass Fallback:\n    def __getattr__(self, name):\n        print(sys.getrefcount(self), sys.getrefcount(name))\n        return 1\nfallback = Fallback()\nresult = fallback.missing\nresult = getattr(fallback, 'other')\nname = ''.join(['dyn', 'amic'])\nresult = getattr(fallback, name)",
  ], { versions: ["3.12", "3.13"] }),
  snippet("self inside __bool__ when and/or keep the value", [
    "import sys\nclass Falsy:\n    def __bool__(self):\n        print(sys.getrefcount(self))\n        return False\nvalue = Falsy()\nresult = value and 1\nresult = value or 1\nif value:\n    pass\nresult = not value",
  ]),
  snippet("items ordered by < between lists and tuples", [
    "import sys\nclass Item:\n    def __lt__(self, other):\n        print(sys.getrefcount(self), sys.getrefcount(other))\n        return True\nfirst, second = Item(), Item()\nresult = [first] < [second]\nresult = (first,) < (second,)",
  ]),
  snippet("arguments of __missing__ (3.8+; older versions refuse the dict's count)", [
    "import sys\nclass Defaulting(dict):\n    def __missing__(self, key):\n        print(sys.getrefcount(self), sys.getrefcount(key))\n        return 0\ntable = Defaulting()\nkey = ''.join(['mis', 'sing'])\nresult = table[key]",
  ], { versions: ["3.8", "3.9", "3.10", "3.11", "3.12", "3.13"] }),
  snippet("the exception __exit__ receives in its arguments", [
    "import sys\nclass Quiet:\n    def __enter__(self):\n        return self\n    def __exit__(self, kind, value, traceback):\n        print(sys.getrefcount(self), sys.getrefcount(value))\n        return True\nquiet = Quiet()\nwith quiet:\n    raise ValueError('x')",
  ], { versions: ["3.6", "3.7", "3.8", "3.9", "3.10", "3.11", "3.12", "3.13"] }),
  snippet("arguments of index() and fromkeys() seen by __eq__ and __hash__", [
    "import sys\nclass Key:\n    def __hash__(self):\n        print('hash', sys.getrefcount(self))\n        return 1\n    def __eq__(self, other):\n        print('eq', sys.getrefcount(other))\n        return False\nfirst, second = Key(), Key()\ntry:\n    (first,).index(second)\nexcept ValueError:\n    pass\ntry:\n    [first].index(second)\nexcept ValueError:\n    pass\nresult = dict.fromkeys([first])",
  ]),
  snippet("which side's __eq__ runs for `in` on dict views, and dict ==", [
    "import sys\nclass Tagged:\n    def __init__(self, tag): self.tag = tag\n    def __hash__(self): return 1\n    def __eq__(self, other):\n        print(self.tag, sys.getrefcount(self), sys.getrefcount(other))\n        return False\nstored, probe = Tagged('stored'), Tagged('probe')\ntable = {1: stored}\nfound = probe in table.values()\nfound = (1, probe) in table.items()\nfound = {1: stored} == {1: probe}",
  ]),
  snippet("a value sent through yield from", [
    "import sys\ndef inner():\n    received = yield 1\n    print(sys.getrefcount(received))\n    yield 2\ndef outer():\n    yield from inner()\ngen = outer()\nfirst = next(gen)\npayload = [1]\nsecond = gen.send(payload)",
  ]),
  snippet("the index list.pop() reads through __index__", [
    "import sys\nclass Position:\n    def __index__(self):\n        print(sys.getrefcount(self))\n        return 0\nitems = [1, 2]\nwhere = Position()\nprint(items.pop(where))",
  ]),
  snippet("setattr interns a run-time name, and a name over 100 characters stays out of the type cache", [
    READER,
    py`
      class Holder:
          pass
      holder = Holder()
      long_name = 'k' * 60 + ''.join(['7'] * 50)
      before = sys.getrefcount(long_name)
      print(getattr(holder, long_name, None), hasattr(holder, long_name), getattr(Holder, long_name, 7), sys.getrefcount(long_name) - before)
      setattr(holder, long_name, 1)
      print(sys.getrefcount(long_name) - before, count_at(id(long_name)), getattr(holder, long_name))
    `,
    py`
      twin = 'k' * 60 + ''.join(['7'] * 50)
      print(sys.intern(twin) is long_name, list(vars(holder))[0] is long_name)
      copy_of = 'm' * 60 + ''.join(['8'] * 50)
      setattr(holder, sys.intern('m' * 60 + ''.join(['8'] * 50)), 2)
      setattr(holder, copy_of, 3)
      print(list(vars(holder))[1] is copy_of, count_at(id(copy_of)), holder.__dict__)
    `,
  ]),
];
