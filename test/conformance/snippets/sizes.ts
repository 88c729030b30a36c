// Snippets about sys.getsizeof: atoms, containers, instances and how sizes grow as containers fill.
import { py, snippet, type Snippet } from "../support/snippet.js";

export const sizeSnippets: readonly Snippet[] = [
  snippet("exception instance sizes", [
    "import sys\nclass AppError(Exception):\n    pass\nclass Missing(KeyError):\n    pass\nprint([sys.getsizeof(kind()) for kind in (Exception, NameError, AttributeError, ImportError, ModuleNotFoundError, StopIteration, SystemExit, SyntaxError, IndentationError, OSError, FileNotFoundError, AppError, Missing)])",
  ]),
  snippet("ints of growing magnitude", ["import sys\nprint([sys.getsizeof(n) for n in (0, 1, -1, 2**30 - 1, 2**30, 2**60, 2**90, -(2**100))])"]),
  snippet("bools and None", ["import sys\nprint(sys.getsizeof(True), sys.getsizeof(False), sys.getsizeof(None))"]),
  snippet("floats and complex", ["import sys\nprint(sys.getsizeof(1.5), sys.getsizeof(0.0), sys.getsizeof(1j), sys.getsizeof(complex(1, 2)))"]),
  snippet("ASCII strings by length", ["import sys\nprint([sys.getsizeof('x' * n) for n in (0, 1, 2, 10, 100)])"]),
  snippet("latin-1 and wider strings", ["import sys\nprint(sys.getsizeof('é'), sys.getsizeof('€'), sys.getsizeof('😀'), sys.getsizeof('aé'), sys.getsizeof('a€'))"]),
  snippet("string with a space", ["import sys\nprint(sys.getsizeof('hello world'))"]),
  snippet("bytearray growth by append", [
    py`
      import sys
      grown = bytearray()
      sizes = []
      for i in range(40):
          sizes.append(sys.getsizeof(grown))
          grown.append(i)
      print(sizes)
      shrinking = bytearray(b'x' * 10)
      print([(shrinking.pop(), sys.getsizeof(shrinking))[1] for _ in range(10)])
    `,
  ]),
  snippet("bytearray sizes after edits", [
    "import sys\nb = bytearray(b'x' * 20)\ndel b[:5]\nprint(sys.getsizeof(b))\ndel b[:10]\nprint(sys.getsizeof(b))\nb.append(1)\nb.extend(b'abcdefgh')\nprint(sys.getsizeof(b), b.__alloc__())",
    "b = bytearray(b'abc')\nb.clear()\nc = bytearray(b'abc')\nc += b'defgh'\nd = bytearray(b'abc')\nd *= 3\nprint(sys.getsizeof(b), sys.getsizeof(c), sys.getsizeof(d), sys.getsizeof(c[1:]), sys.getsizeof(c + b'x'))",
    "print(sys.getsizeof(bytearray([1, 2, 3])), sys.getsizeof(bytearray([1] * 20)), sys.getsizeof(bytearray(range(20))), sys.getsizeof(bytearray(5)))",
  ]),
  snippet("bytes and bytearray", ["import sys\nprint(sys.getsizeof(b''), sys.getsizeof(b'a'), sys.getsizeof(b'abc' * 10), sys.getsizeof(bytearray()), sys.getsizeof(bytearray(b'abc')))"]),
  snippet("empty containers", ["import sys\nprint(sys.getsizeof([]), sys.getsizeof(()), sys.getsizeof({}), sys.getsizeof(set()), sys.getsizeof(frozenset()))"]),
  snippet("list displays of constants", ["import sys\nprint(sys.getsizeof([1]), sys.getsizeof([1, 2]), sys.getsizeof([1, 2, 3]), sys.getsizeof([1, 2, 3, 4, 5]))"]),
  snippet("list from range", ["import sys\nprint([sys.getsizeof(list(range(n))) for n in (0, 1, 3, 5, 10, 17)])"]),
  snippet("list growth by append", [
    py`
      import sys
      grown = []
      sizes = []
      for i in range(20):
          sizes.append(sys.getsizeof(grown))
          grown.append(i)
      print(sizes)
    `,
  ]),
  snippet("list shrink by pop", [
    py`
      import sys
      shrinking = list(range(20))
      sizes = []
      while shrinking:
          shrinking.pop()
          sizes.append(sys.getsizeof(shrinking))
      print(sizes)
    `,
  ]),
  snippet("list by comprehension", ["import sys\nprint([sys.getsizeof([i for i in range(n)]) for n in (0, 1, 4, 5, 9, 10)])"]),
  snippet("list repetition", ["import sys\nprint(sys.getsizeof([None] * 10), sys.getsizeof([0] * 100))"]),
  snippet("list extend and slicing", ["import sys\nbase = [1, 2]\nbase.extend(range(10))\nprint(sys.getsizeof(base), sys.getsizeof(base[:3]), sys.getsizeof(base * 2))"]),
  snippet("list after clear", ["import sys\nvalues = list(range(50))\nvalues.clear()\nprint(sys.getsizeof(values))"]),
  snippet("list insert growth", ["import sys\nvalues = []\nsizes = []\nfor i in range(9):\n    values.insert(0, i)\n    sizes.append(sys.getsizeof(values))\nprint(sizes)"]),
  snippet("tuples by length", ["import sys\nprint([sys.getsizeof(tuple(range(n))) for n in (0, 1, 2, 3, 10)])"]),
  snippet("dict growth by insertion", [
    py`
      import sys
      table = {}
      sizes = []
      for i in range(25):
          sizes.append(sys.getsizeof(table))
          table[i] = i
      print(sizes)
    `,
  ]),
  snippet("dict with string keys growth", [
    py`
      import sys
      table = {}
      sizes = []
      for i in range(12):
          table['key%d' % i] = i
          sizes.append(sys.getsizeof(table))
      print(sizes)
    `,
  ]),
  snippet("dict literals", ["import sys\nprint(sys.getsizeof({'a': 1}), sys.getsizeof({'a': 1, 'b': 2}), sys.getsizeof(dict(a=1, b=2, c=3)))"]),
  snippet("dict comprehension and fromkeys", ["import sys\nprint(sys.getsizeof({i: i for i in range(10)}), sys.getsizeof(dict.fromkeys(range(10))))"]),
  snippet("dict after deletions", ["import sys\ntable = {i: i for i in range(20)}\nfor i in range(15):\n    del table[i]\nprint(sys.getsizeof(table), len(table))"]),
  snippet("set growth by add", [
    py`
      import sys
      bag = set()
      sizes = []
      for i in range(40):
          bag.add(i)
          sizes.append(sys.getsizeof(bag))
      print(sorted(set(sizes)))
    `,
  ]),
  snippet("set literals and frozensets", ["import sys\nprint(sys.getsizeof({1, 2, 3}), sys.getsizeof(frozenset(range(10))), sys.getsizeof(set('hello')))"]),
  snippet("object and instances", [
    py`
      import sys
      class Empty:
          pass
      class Slotted:
          __slots__ = ('a',)
      class TwoSlots:
          __slots__ = ('a', 'b')
      print(sys.getsizeof(object()), sys.getsizeof(Empty()), sys.getsizeof(Slotted()), sys.getsizeof(TwoSlots()))
    `,
  ]),
  snippet("instance __dict__ size", [
    py`
      import sys
      class Point:
          def __init__(self):
              self.x = 1
              self.y = 2
      point = Point()
      print(sys.getsizeof(point.__dict__), sys.getsizeof(point))
    `,
  ]),
  snippet("instance with many attributes", [
    py`
      import sys
      class Bag:
          pass
      bag = Bag()
      for i in range(12):
          setattr(bag, 'attr%d' % i, i)
      print(sys.getsizeof(bag), sys.getsizeof(bag.__dict__))
    `,
  ]),
  snippet("range and slice objects", ["import sys\nprint(sys.getsizeof(range(10)), sys.getsizeof(range(10**20)), sys.getsizeof(slice(1, 2)))"]),
  snippet("functions and lambdas", ["import sys\ndef plain():\n    pass\nprint(sys.getsizeof(plain), sys.getsizeof(lambda: 0))"]),
  snippet("class objects are big", ["import sys\nclass Shape:\n    pass\nprint(sys.getsizeof(Shape) > 800, sys.getsizeof(int) > 300)"]),
  snippet("generator and iterators", ["import sys\ndef gen():\n    yield 1\nprint(sys.getsizeof(iter([])), sys.getsizeof(iter(())), sys.getsizeof(iter('abc')), sys.getsizeof(iter(range(3))))"]),
  snippet("dict views and enumerate", ["import sys\ntable = {'a': 1}\nprint(sys.getsizeof(table.keys()), sys.getsizeof(enumerate([])), sys.getsizeof(zip()))"]),
  snippet("bound method and builtin", ["import sys\nvalues = []\nprint(sys.getsizeof(values.append), sys.getsizeof(len))"]),
  snippet("getsizeof with default", ["import sys\nprint(sys.getsizeof(5, 'unused'), sys.getsizeof([], 0))"]),
  snippet("big int arithmetic results", ["import sys\nprint(sys.getsizeof(10**100), sys.getsizeof(2**1000), sys.getsizeof(-(10**18)))"]),
  snippet("string concatenation result", ["import sys\nleft = 'abc' * 5\nright = 'é'\nprint(sys.getsizeof(left + left), sys.getsizeof(left + right))"]),
  snippet("user __sizeof__", [
    py`
      import sys
      class Weighted:
          def __sizeof__(self):
              return 100
      print(sys.getsizeof(Weighted()))
    `,
  ]),
  snippet("bad __sizeof__", [
    py`
      import sys
      class Negative:
          def __sizeof__(self):
              return -1
      sys.getsizeof(Negative())
    `,
  ]),
  snippet("sizes of instances of classes over built-in types, with and without __slots__", [
    py`
      import sys
      class L(list): pass
      class LS(list): __slots__ = ()
      class LW(list): __slots__ = ('__weakref__',)
      class B(bytearray): pass
      class BD(bytearray): __slots__ = ('__dict__',)
      class D(dict): pass
      class DW(dict): __slots__ = ('__weakref__',)
      class S(set): pass
      class FS(frozenset): __slots__ = ()
      class I(int): pass
      class IS(int): __slots__ = ()
      class T(tuple): pass
      class TS(tuple): __slots__ = ()
      class F(float): pass
      class C(complex): pass
      kinds = (L, LS, LW, B, BD, D, DW, S, FS, I, IS, T, TS, F, C)
      print([(kind.__name__, kind.__basicsize__, sys.getsizeof(kind())) for kind in kinds])
      print([sys.getsizeof(kind(value)) for kind, value in ((I, 10**30), (T, (1, 2, 3)), (L, [1, 2, 3]), (D, {1: 2}), (S, {1}))])
    `,
  ]),
  // An object's block goes back to its pool's free list when it dies; the next block of the same
  // size class is that one. A bytes object of n bytes takes 33 + n, so the smallest bytes that
  // reuses the freed block gives its size class, and the address difference its GC headers.
  snippet("memory blocks of instances of classes over built-in types (address reuse after del)", [
    py`
      class L(list): pass
      class LS(list): __slots__ = ()
      class LW(list): __slots__ = ('__weakref__',)
      class B(bytearray): pass
      class D(dict): pass
      class DW(dict): __slots__ = ('__weakref__',)
      class S(set): pass
      class FS(frozenset): __slots__ = ()
      class I(int): pass
      class IS(int): __slots__ = ()
      class T(tuple): pass
      class TS(tuple): __slots__ = ()
      class F(float): pass
      class C(complex): pass
      def block_size_class(make):
          for size in range(48, 513, 16):
              obj = make()
              address = id(obj)
              del obj
              probe = bytes(size - 33)
              if 0 <= address - id(probe) < 64:
                  return size, address - id(probe)
          return None
      print([(kind.__name__, block_size_class(kind)) for kind in (L, LS, LW, B, D, DW, S, FS, I, IS, T, TS, F, C)])
      print([block_size_class(lambda: kind(value)) for kind, value in ((I, 10**30), (I, 7), (T, (1, 2, 3)), (L, [1, 2, 3]), (D, {1: 2}), (F, 1.5))])
    `,
    // 3.6 and 3.7 have size classes 8 bytes apart, which a probe by 16 bytes misses.
  ], { fresh: true, versions: ["3.8", "3.9", "3.10", "3.11", "3.12", "3.13"] }),
  snippet("__sizeof__ of builtins", ["print([].__sizeof__(), ().__sizeof__(), (1).__sizeof__(), 'ab'.__sizeof__())"]),
];
