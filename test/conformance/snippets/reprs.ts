// Snippets about repr() and str() of the common types, printed (not displayed), so the text is
// the type's own repr rather than IPython's pretty printer.
import { py, snippet, type Snippet } from "../support/snippet.js";

export const reprSnippets: readonly Snippet[] = [
  snippet("float shortest reprs", ["print(0.1, 0.1 + 0.2, 1/3, 2/3, 1.0, -0.0, 100.0)"]),
  snippet("float exponent thresholds", ["print(1e15, 1e16, 1e16 + 1, 123456789012345678.0, 1e-4, 1e-5, 0.00001234)"]),
  snippet("float extremes", ["print(1e308, 1e308 * 10, -1e308 * 10, 5e-324, 2.5e-320, float('nan'))"]),
  snippet("float repr inside containers", ["print([0.1, 1e22, 1.5e-7], (2.0,), {'x': 3.25})"]),
  snippet("round results", ["print(round(2.675, 2), round(0.5), round(1.5), round(2.5), round(-0.5), round(1234.5678, -2))"]),
  snippet("float from strings", ["print(float('1e500'), float('-inf'), float(' 3.5 '), float('1_000.5'), float('.5'))"]),
  snippet("int reprs", ["print(10**30, -7, 0, int('-0'), 0x1F, 0o17, 0b101, 1_000_000)"]),
  snippet("str of big ints", ["print(2**100, -(3**50))"]),
  snippet("bool and None", ["print(True, False, None, repr(True), str(None))"]),
  snippet("complex reprs", ["print(1j, 1+2j, -1j, complex(0, -0.0), complex(1.5, -2), 3 * 1j, complex('1+1e20j'))"]),
  snippet("str repr quotes", [`print(repr('plain'), repr("it's"), repr('say "hi"'), repr('both \\' and "'))`]),
  snippet("str repr escapes", [`print(repr('a\\nb\\tc\\\\d'), repr('\\x00\\x7f'), repr('\\r'))`]),
  snippet("str repr of non-ASCII", [`print(repr('é€😀'), repr('\\u200b'), repr('\\x85'), ascii('é€'))`]),
  snippet("bytearray reprs", [`print(bytearray(b"it's"), bytearray(b'a"b\\'c'), bytearray(b'\\x00\\t\\\\'), repr(bytearray()))`]),
  snippet("bytes reprs", [`print(b'abc', b'\\x00\\xff', b"it's", bytes(3), bytearray(b'hi'), bytes([65, 10, 200]))`]),
  snippet("list tuple set dict reprs", ["print([1, 'a', None], (1,), (), {1, 2}, set(), {'k': [1, {2: 3}]}, frozenset({1}), frozenset())"]),
  snippet("nested containers", ["print([[], [[]], [(1, [2, (3,)])]], {'a': {'b': {'c': ()}}})"]),
  snippet("recursive list", ["loop = [1, 2]\nloop.append(loop)\nprint(loop, repr(loop))"]),
  snippet("recursive dict", ["table = {'a': 1}\ntable['self'] = table\nprint(table)"]),
  snippet("mutually recursive lists", ["left = [1]\nright = [left]\nleft.append(right)\nprint(left, right)"]),
  snippet("recursive list inside a tuple", ["inner = []\nouter = (inner,)\ninner.append(outer)\nprint(outer)"]),
  snippet("class reprs", ["class Shape:\n    pass\nprint(Shape, repr(int), str, type(None), type(type))"]),
  snippet("nested class repr", ["class Outer:\n    class Inner:\n        pass\nprint(Outer.Inner, Outer.Inner.__qualname__, Outer.Inner.__name__)"]),
  snippet("instance default repr", ["class Shape:\n    pass\nshape = Shape()\nprint(repr(shape) == '<__main__.Shape object at %s>' % hex(id(shape)))\nprint(shape)"]),
  snippet("function reprs", ["def plain(a, b=2):\n    pass\nprint(plain)\nprint(lambda x: x)"]),
  snippet("nested function repr", ["def outer():\n    def inner():\n        pass\n    return inner\nprint(outer(), outer().__qualname__)"]),
  snippet("method reprs", ["class Shape:\n    def area(self):\n        return 0\nshape = Shape()\nprint(Shape.area)\nprint(shape.area)"]),
  snippet("builtin function and method reprs", ["values = []\nprint(len, print)\nprint(values.append)\nprint(str.upper, 'x'.upper)"]),
  snippet("exception reprs", ["print(repr(ValueError('bad')), repr(KeyError('k')), repr(OSError(2, 'missing')), repr(Exception()), repr(TypeError('a', 1)))"]),
  snippet("exception strs", ["print(str(ValueError('bad')), str(KeyError('k')), str(Exception()), str(TypeError('a', 1)), str(KeyError()))"]),
  snippet("exception class and instance", ["class AppError(Exception):\n    pass\nprint(AppError, repr(AppError('x')), str(AppError('x', 2)))"]),
  snippet("range slice Ellipsis NotImplemented", ["print(range(5), range(1, 10, 2), slice(1, None), ..., NotImplemented, repr(Ellipsis))"]),
  snippet("dict views", ["table = {'a': 1, 'b': 2}\nprint(table.keys(), table.values(), table.items())"]),
  snippet("iterator reprs", [
    py`
      values = [1]
      print(type(iter(values)).__name__, type(iter(())).__name__, type(iter('')).__name__, type(iter(range(1))).__name__)
      print(type(iter({})).__name__, type(iter(set())).__name__, type(reversed(values)).__name__)
    `,
  ]),
  snippet("builtin iterator objects", ["print(type(zip()).__name__, type(map(str, [])).__name__, type(filter(None, [])).__name__, type(enumerate([])).__name__)"]),
  snippet("generator repr", ["def count():\n    yield 1\nrunning = count()\nprint(repr(running) == '<generator object count at %s>' % hex(id(running)))"]),
  snippet("module repr", ["import sys, gc\nprint(sys, gc)"]),
  snippet("property staticmethod classmethod reprs", [
    py`
      class Shape:
          @property
          def size(self):
              return 1
          @staticmethod
          def make():
              pass
          @classmethod
          def build(cls):
              pass
      print(type(Shape.__dict__['size']).__name__, type(Shape.__dict__['make']).__name__)
      print(Shape.make, Shape.build)
    `,
  ]),
  snippet("staticmethod and classmethod objects shown and called (3.10 gave them a repr and made staticmethod callable)", [
    py`
      import sys
      def area(side: float) -> float:
          "The area of a square."
          return side * side
      wrapped, bound = staticmethod(area), classmethod(area)
      print(repr(wrapped).split(' at ')[0], repr(bound).split(' at ')[0])
      print(callable(wrapped), callable(bound), getattr(wrapped, '__wrapped__', None) is area)
      print(vars(wrapped), vars(bound) == vars(wrapped))
      print(sys.getsizeof(wrapped), wrapped.__func__ is bound.__func__)
    `,
    "wrapped",
  ]),
  snippet("user __repr__ and __str__", [
    py`
      class Money:
          def __init__(self, cents):
              self.cents = cents
          def __repr__(self):
              return 'Money(%d)' % self.cents
          def __str__(self):
              return '$%d.%02d' % divmod(self.cents, 100)
      amount = Money(1234)
      print(amount, repr(amount), [amount], str([amount]), f'{amount}', f'{amount!r}')
    `,
  ]),
  snippet("repr only, str falls back", ["class Tag:\n    def __repr__(self):\n        return '<tag>'\nprint(Tag(), str(Tag()), '%s' % Tag())"]),
  snippet("__repr__ returning a non-string", ["class Wrong:\n    def __repr__(self):\n        return 5\nrepr(Wrong())"]),
  snippet("object() repr", ["marker = object()\nprint(str(marker) == '<object object at %s>' % hex(id(marker)))"]),
  snippet("type() of common values", ["print(type(1), type(1.0), type('a'), type([]), type({}), type(()), type(set()), type(None), type(len))"]),
  snippet("super and classmethod reprs", ["class Base:\n    pass\nclass Child(Base):\n    def who(self):\n        return super()\nprint(type(Child().who()).__name__)"]),
  snippet("str() of containers uses repr of items", ["print(str(['a', 1.0]), str(('b',)), str({'c': 'd'}))"]),
  snippet("print with sep and end", ["print(1, 2, 3, sep='-', end='!\\n')\nprint('a', 'b', sep='')\nprint()\nprint('done')"]),
  snippet("print of several types at once", ["print('text', 42, 4.2, None, [1], (2,), {3}, {4: 5}, sep=' | ')"]),
  snippet("format of floats with str and repr", ["value = 1/7\nprint(str(value), repr(value), '%s' % value, '%r' % value, format(value))"]),
  snippet("hex oct bin", ["print(hex(255), oct(8), bin(5), hex(-1), bin(0), hex(2**64))"]),
  snippet("chr ord ascii", ["print(chr(65), ord('é'), ascii('naïve'), chr(0x1F600), ord('€'))"]),
  snippet("dict repr keeps insertion order", ["table = {'b': 1, 'a': 2}\ntable['c'] = 3\ndel table['b']\ntable['b'] = 4\nprint(table)"]),
  snippet("set repr order of small ints", ["print({3, 1, 2}, {10, 100, 1000, 5}, {-1, -2, 0})"]),
  snippet("set repr order of strings", ["print({'apple', 'banana', 'cherry'}, set('python'))"]),
  snippet("frozenset repr with strings", ["print(frozenset({'x', 'y', 'z'}))"]),
];
