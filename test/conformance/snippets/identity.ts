// Snippets about identity: id() and `is` for small ints, interned and folded constants, tuples of
// constants, per-statement code objects in a cell, and address reuse after free.
import { py, snippet, type Snippet } from "../support/snippet.js";

export const identitySnippets: readonly Snippet[] = [
  snippet("small int across cells", ["first = 256", "second = 256\nprint(first is second, id(first) == id(second))"]),
  snippet("257 across cells", ["first = 257", "second = 257\nprint(first is second, first == second)"]),
  snippet("257 in one statement", ["first, second = 257, 257\nprint(first is second)"]),
  snippet("500 on two lines of one cell", ["first = 500\nsecond = 500\nprint(first is second)"]),
  snippet("500 on one line with semicolons", ["first = 500; second = 500; print(first is second)"]),
  snippet("500 inside one compound statement", ["if True:\n    first = 500\n    second = 500\n    print(first is second)"]),
  snippet("500 inside one function body", ["def pair():\n    x = 500\n    y = 500\n    return x is y\nprint(pair())"]),
  snippet("negative small ints", ["low = -5", "print(low is int('-5'), int('-6') is int('-6'))"]),
  snippet("run-time ints inside and outside the cache", ["print(int('100') is int('100'), int('300') is int('300'))"]),
  snippet("arithmetic results", ["base = 250\ncached = 256\nbig = 260\nprint(base + 6 is cached, base + 10 is big, base + 10 == big)"]),
  snippet("small-int cache boundaries", ["print([int(str(n)) is int(str(n)) for n in (-6, -5, 0, 255, 256, 257)])"]),
  snippet("id of small int is stable", ["print(id(7) == id(3 + 4), id(1000) == id(1000))"]),
  snippet("function returns the same constant twice", ["def thousand():\n    return 1000\nprint(thousand() is thousand())"]),
  snippet("constant shared between cell and function", ["def thousand():\n    return 1000\nlocal = 1000\nprint(thousand() is local)"]),
  snippet("constant shared in one compound statement with a function", ["if True:\n    def thousand():\n        return 1000\n    local = 1000\n    print(thousand() is local)"]),
  snippet("identifier-like string across cells", ["word = 'hello'", "again = 'hello'\nprint(word is again)"]),
  snippet("string with a space across cells", ["text = 'hello world'", "again = 'hello world'\nprint(text is again, text == again)"]),
  snippet("string with a space in one statement", ["text, again = 'hello world', 'hello world'\nprint(text is again)"]),
  snippet("string with a space on two lines", ["text = 'hello world'\nagain = 'hello world'\nprint(text is again)"]),
  snippet("string with punctuation across cells", ["text = 'hello!'", "again = 'hello!'\nprint(text is again)"]),
  snippet("underscore and digits across cells", ["one = 'abc_123'", "two = 'abc_123'\nprint(one is two)"]),
  snippet("leading digit string across cells", ["one = '1abc'", "two = '1abc'\nprint(one is two)"]),
  snippet("single characters are shared", ["one = 'a'\naccent = 'é'", "two = 'a'\nagain = 'é'\nprint(one is two, accent is again, chr(233) is accent)"]),
  snippet("chr(97) against the literal", ["letter = 'a'\nword = 'abc'\nprint(chr(97) is letter, word[0] is letter, str(5) is str(2 + 3))"]),
  snippet("which one-character literals are the chr() singleton", [
    "literals = [" + Array.from({ length: 256 }, (_, code) => `'\\x${code.toString(16).padStart(2, "0")}'`).join(", ") + "]",
    "print(''.join(chr(code) for code in range(256) if chr(code) is not literals[code]))",
    "def inside():\n    return ['a', 'g', 'n', 'z', '_', 'B', 'L', 'Q']\nprint([chr(ord(char)) is char for char in inside()])",
  ]),
  snippet("interning a one-character run-time str", ["import sys\nletter = chr(97)\nprint(sys.intern(letter) is letter, sys.intern(letter) is 'a', 'abc'[0] is 'a', {'a': 1}.popitem()[0] is letter)"]),
  snippet("one-digit strs from ints are new objects", ["n = 5\nprint(str(n) is str(n), repr(n) is repr(n), format(n) is format(n), f'{n}' is f'{n}')", "n = 7\nprint('%d' % n is '%d' % n, '{}'.format(n) is '{}'.format(n), format(n, 'd') is format(n, 'd'), str(-1) is str(-1))"]),
  snippet("an f-string of one part is that part", ["word = 'abc'\nprint(f'{word}' is word, f'{word!s}' is word, f'{word:}' is word)", "print(f'plain' == 'plain')"]),
  snippet("empty string singleton", ["empty = ''", "print(empty is str(), str() is ''.join([]), 'abc'[3:] is empty)"]),
  snippet("euro sign across cells", ["one = '€'", "two = '€'\nprint(one is two)"]),
  snippet("non-ASCII word across cells", ["one = 'Straße'", "two = 'Straße'\nprint(one is two)"]),
  snippet("folded concatenation of identifiers", ["joined = 'hello' + 'world'", "plain = 'helloworld'\nprint(joined is plain)"]),
  snippet("folded concatenation with a space", ["joined = 'hello' + ' world'", "other = 'hello world'\nprint(joined is other)"]),
  snippet("'a' * 20 across cells", ["one = 'a' * 20", "two = 'a' * 20\nprint(one is two)"]),
  snippet("'a' * 21 across cells", ["one = 'a' * 21", "two = 'a' * 21\nprint(one is two)"]),
  snippet("'a' * 4096 across cells", ["one = 'a' * 4096", "two = 'a' * 4096\nprint(one is two)"]),
  snippet("'a' * 4097 across cells", ["one = 'a' * 4097", "two = 'a' * 4097\nprint(one is two, one == two)"]),
  snippet("run-time join is a new object", ["built = ''.join(['py', 'thon'])\nliteral = 'python'\nprint(built == literal, built is literal)"]),
  snippet("sys.intern makes run-time strings shared", ["import sys\nbuilt = sys.intern(''.join(['py', 'thon', ' x']))\nother = sys.intern('python x')\nprint(built is other)"]),
  snippet("dict keys and attribute names are interned", [
    py`
      class Spot:
          pass
      spot = Spot()
      spot.some_attribute = 1
      name = [key for key in vars(spot)][0]
      literal = 'some_attribute'
      print(name is literal)
    `,
  ]),
  snippet("tuple of constants in one statement", ["one, two = (1, 2), (1, 2)\nprint(one is two)"]),
  snippet("tuple of constants on two lines", ["one = (1, 2)\ntwo = (1, 2)\nprint(one is two, one == two)"]),
  snippet("empty tuple singleton", ["empty = ()\nprint(tuple() is empty, tuple([]) is empty, (1, 2)[2:] is empty)"]),
  snippet("tuple built at run time", ["parts = [1, 2]\nprint(tuple(parts) is tuple(parts))"]),
  snippet("empty list literals", ["print([] is [], [] == [])"]),
  snippet("empty frozenset", ["print(frozenset() is frozenset())"]),
  snippet("None True False singletons", ["print(None is None, bool(1) is True, (1 == 2) is False, type(None)() is None)"]),
  snippet("float nan identity", ["nan = float('nan')\nprint(nan is nan, nan == nan, float('nan') is float('nan'))"]),
  snippet("same list via two names", ["first = [1, 2]\nsecond = first\nprint(first is second, id(first) == id(second))"]),
  snippet("list += keeps id", ["values = [1]\nbefore = id(values)\nvalues += [2]\nprint(id(values) == before, values)"]),
  snippet("list = list + ... makes a new object", ["values = [1]\nbefore = id(values)\nvalues = values + [2]\nprint(id(values) == before)"]),
  snippet("tuple += makes a new object", ["values = (1,)\nbefore = id(values)\nvalues += (2,)\nprint(id(values) == before, values)"]),
  snippet("int += makes a new object", ["count = 10\nbefore = id(count)\ncount += 1\nprint(id(count) == before)"]),
  snippet("str += on a literal makes a new object", ["word = 'abc'\nbefore = id(word)\nword += 'd'\nprint(id(word) == before)"]),
  snippet("set |= keeps id, frozenset |= does not", ["mutable = {1}\nfrozen = frozenset({1})\nm, f = id(mutable), id(frozen)\nmutable |= {2}\nfrozen |= {2}\nprint(id(mutable) == m, id(frozen) == f)"]),
  snippet("dict.update keeps id", ["table = {'a': 1}\nbefore = id(table)\ntable.update(b=2)\nprint(id(table) == before)"]),
  snippet("tuple holding a list keeps its id when the list changes", ["holder = ([1], 2)\nbefore = id(holder)\nholder[0].append(3)\nprint(id(holder) == before, holder)"]),
  snippet("augmented assignment to a list inside a tuple", [
    "holder = ([1], 2)",
    "holder[0] += [10]",
    "print(holder)",
  ]),
  snippet("argument is the same object", ["def ident(value):\n    return id(value)\nthing = [1]\nprint(ident(thing) == id(thing))"]),
  snippet("rebinding inside a function makes a new object", [
    py`
      def rebind(value):
          value = value + [0]
          return id(value)
      thing = [1]
      print(rebind(thing) == id(thing), thing)
    `,
  ]),
  snippet("mutating inside a function is visible outside", ["def mutate(value):\n    value.append(0)\nthing = [1]\nmutate(thing)\nprint(thing)"]),
  snippet("a function's name, qualname and its code's co_name are shared objects", [
    "import sys\ndef outline(): pass\nclass Shape:\n    def area(self): pass\ndef outer():\n    def inner(): pass\n    return inner\nfirst, second = outer(), outer()\nprint(outline.__name__ is outline.__qualname__ is outline.__code__.co_name, first.__qualname__ is second.__qualname__)\nprint(sys.getrefcount(Shape.area.__qualname__), sys.getrefcount(first.__qualname__), hasattr(first.__code__, 'co_qualname'))",
  ]),
  snippet("id of a freed list is reused", ["print(id([]) == id([]), id(object()) == id(object()))"], { fresh: true }),
  snippet("new list reuses a deleted list's address", ["first = [1, 2]\nfirst_id = id(first)\ndel first\nsecond = [3]\nprint(id(second) == first_id)"], { fresh: true }),
  snippet("a dict deleted by one statement is not reused by the next one's", ["first = {'a': 1}\nfirst_id = id(first)\ndel first\nsecond = {'b': 2}\nprint(id(second) == first_id)"], { fresh: true }),
  snippet("an instance deleted in one cell is not reused by the next cell's new instance", ["class Plain:\n    pass", "first = Plain()\nfirst_id = id(first)", "del first", "second = Plain()\nprint(id(second) == first_id)"], { fresh: true }),
  snippet("lists deleted by one statement come back to the next statement after compile's lists", [
    "a1, a2, a3, a4, a5, a6, a7, a8 = [], [], [], [], [], [], [], []\nnames = {id(a1): 1, id(a2): 2, id(a3): 3, id(a4): 4, id(a5): 5, id(a6): 6, id(a7): 7, id(a8): 8}\ndel a1, a2, a3, a4, a5, a6, a7, a8\nagain = ([], [], [], [], [], [], [], [], [], [])\nprint([names.get(id(item), 0) for item in again])",
  ], { fresh: true }),
  snippet("lists and dicts deleted by one cell lie under the next cell's tree", [
    "l1, l2, l3, d1, d2, d3 = [], [], [], {}, {}, {}\nnames = {id(l1): 'l1', id(l2): 'l2', id(l3): 'l3', id(d1): 'd1', id(d2): 'd2', id(d3): 'd3'}",
    "del l1, l2, l3, d1, d2, d3",
    "again = ([], [], [], {}, {}, {})\nprint([names.get(id(item), '-') for item in again])",
  ], { fresh: true }),
  snippet("floats deleted by one cell: the kernel's timing takes one, a write between swaps two", [
    "a = float('1.5')\nb = float('2.5')\nids = [id(a), id(b)]",
    "del a, b\nprint('x', end='')",
    "c = float('3.5')\nd = float('4.5')\nprint([ids.index(x) if x in ids else -1 for x in (id(c), id(d))])",
    "e = float('5.5')\nids = [id(e)]",
    "del e",
    "f = float('6.5')\nprint(id(f) in ids)",
  ], { fresh: true }),
  snippet("freed lists are reused within one statement", ["print(id([1]) == id([2]), [id([]) for _ in range(3)].count(id([])))"], { fresh: true }),
  snippet("id of freed dicts tuples and instances is reused", ["class Fresh:\n    pass\nprint(id({}) == id({}), id((1, [])) == id((2, [])), id(Fresh()) == id(Fresh()))"], { fresh: true }),
  snippet("id reuse in a loop inside one function", [
    py`
      class Fresh:
          pass
      def ids():
          return [id(Fresh()) for _ in range(5)]
      found = ids()
      print([found[i] == found[0] for i in range(5)])
    `,
  ], { fresh: true }),
  snippet("address spacing of the first instances of a fresh class", [
    py`
      class Fresh:
          pass
      def ids(count):
          return [id(Fresh()) for _ in range(count)]
      found = ids(12)
      print([found[i] == found[i - 1] for i in range(1, 12)])
    `,
  ], { fresh: true }),
  snippet("getsizeof of an instance ignores its inline values", ["import sys\nclass Fresh:\n    pass\nthing = Fresh()\nthing.a = 1\nprint(sys.getsizeof(thing), sys.getsizeof(Fresh()), Fresh.__basicsize__)"]),
  snippet("freed list address reused inside one statement", ["def reuse():\n    first = [1, 2]\n    address = id(first)\n    del first\n    second = [3]\n    return id(second) == address\nprint(reuse())"], { fresh: true }),
  snippet("freed float address reused", ["def reuse():\n    value = float('1.5')\n    address = id(value)\n    del value\n    return id(float('2.5')) == address\nprint(reuse())"], { fresh: true }),
  snippet("two live lists differ", ["first = []\nsecond = []\nprint(first is second, id(first) == id(second))"]),
  snippet("hex id format", ["thing = object()\nprint(hex(id(thing)) == '0x%x' % id(thing), id(thing) % 16)"]),
  snippet("is versus == on equal lists", ["left = [1, 2, 3]\nright = [1, 2, 3]\nprint(left == right, left is right, left is not right)"]),
  snippet("is with a literal warns", ["value = 5\nprint(value is 5)"]),
  snippet("is not with a literal warns", ["value = 'x'\nprint(value is not 'y')"]),
  snippet("bytes singletons", ["one = b'a'\nnothing = b''", "two = b'a'\nprint(one is two, bytes([97]) is one, nothing is bytes())"]),
  snippet("membership test constant becomes a tuple", [
    py`
      def check(x):
          return x in [1, 2, 3], x in {4, 5, 6}
      print(check.__code__.co_consts)
    `,
  ]),
  snippet("folded constants in a function", [
    py`
      def folded():
          minutes = 24 * 60
          pair = (1, 2) * 3
          word = 'ab' * 3
          long_word = 'xy' * 11
          return minutes, pair, word, long_word
      print(folded.__code__.co_consts)
    `,
  ]),
  snippet("large folded constants stay unfolded", [
    py`
      def big():
          return 'z' * 4097, 2 ** 128, (0,) * 257
      consts = big.__code__.co_consts
      print([type(c).__name__ for c in consts])
    `,
  ]),
  snippet("list display of constants in a function", ["def listing():\n    return [1, 2, 3]\nprint(listing.__code__.co_consts)"]),
  snippet("set display of constants in a function", ["def setting():\n    return {1, 2, 3}\nprint(setting.__code__.co_consts)"]),
  snippet("not of a constant is folded, complex numbers included (3.7+)", ["def truths():\n    return not 1j, not 0j, not '', not 2.5, not None\nprint(truths.__code__.co_consts)"]),
  snippet("not True folding", ["def negate():\n    return not True, -5, 'abc'[1]\nprint(negate.__code__.co_consts)"]),
  snippet("docstring is the first constant", ["def documented():\n    'Say hi.'\n    return 1\nprint(documented.__code__.co_consts, documented.__doc__)"]),
  snippet("ids of elements of a list of small ints", ["values = [1, 1, 2]\nprint(values[0] is values[1], id(values[0]) == id(1))"]),
  snippet("string slicing identity", ["word = 'python'\nprint(word[:] is word, word[0:6] is word, word[0:3] is word)"]),
  snippet("copy of a list via slicing", ["source = [1, 2]\ncopy_ = source[:]\nprint(copy_ is source, copy_ == source, copy_[0] is source[0])"]),
  snippet("str() of a str is the same object", ["word = 'already'\nprint(str(word) is word, repr(word) is word)"]),
  snippet("tuple() of a tuple is the same object", ["pair = (1, 2)\nprint(tuple(pair) is pair, list(pair) is pair)"]),
  snippet("int() of an int", ["big = 10 ** 20\nprint(int(big) is big, +big is big)"]),
  snippet("repr of a bool is one shared str", ["import sys\nflag = repr(True)\nprint(flag is repr(True), str(False) is repr(False), format(True) is flag, f'{True}' is flag, '{}'.format(True) is flag, '%s' % True is flag, '%r' % False is str(False))\nprint(flag is sys.intern('True'), flag is 'True'.strip())"]),
  snippet("formatting returns the object str() or repr() made", [
    "class Named:\n    def __init__(self, text):\n        self.text = text\n    def __str__(self):\n        return self.text\n    __repr__ = __str__\n    def __format__(self, spec):\n        return self.text\nitem = Named('shared text')",
    "print('%s' % item is item.text, '%r' % (item,) is item.text, '%a' % item is item.text, '%(k)s' % {'k': item} is item.text, '%5s' % item is item.text, '%20s' % item is item.text, '%.3s' % item is item.text)",
    "print('{}'.format(item) is item.text, '{:>30}'.format(item) is item.text, '{!r}'.format(item) is item.text, '{!a}'.format(item) is item.text, 'x{}'.format(item) is item.text, f'{item}' is item.text, ascii(item) is item.text)",
  ]),
  snippet("ascii() copies only a repr with non-ASCII text", ["class Named:\n    def __init__(self, text):\n        self.text = text\n    def __repr__(self):\n        return self.text\nplain, accented = Named('plain'), Named('café')\nprint(ascii(plain) is plain.text, ascii(accented) is accented.text, ascii(accented), '%a' % accented)"]),
  snippet("round and floor of a float give cached small ints from 3.9", ["import math\nx = 7.2\nprint(round(x) is 7, math.floor(x) is 7, math.ceil(6.5) is 7, x.__round__() is 7, round(-0.4) is 0, round(2.5) is 2, int(x) is 7, math.trunc(x) is 7)"]),
  snippet("as_integer_ratio numerators and the small-int cache", ["cached = {n: n for n in range(-5, 257)}\nfor x in (2.0, 0.0, 0.5, 3.0, 1.0, 6.0, 1.5, 256.0, -3.0):\n    top, bottom = x.as_integer_ratio()\n    print(x, top is cached[top], bottom is cached[bottom])"]),
  snippet("int.from_bytes gives cached small ints from 3.11", ["print(int.from_bytes(b'\\x07', 'big') is 7, int.from_bytes(b'\\x00', 'big') is 0, int.from_bytes(b'', 'big') is 0, int.from_bytes(b'\\x07\\x00', 'little') is 7, int.from_bytes(b'\\xff', 'big', signed=True) is -1)"]),
  snippet("small results of big-int subtraction and remainder", [
    "cached = {n: n for n in range(-5, 257)}\nbig = 2 ** 40\nresults = [big - big, (big + 5) - big, big - (big + 3), -big + (big + 3), (big + 7) % big, (3 * big) % big, (-(big - 3)) % big, (big + 7) % 10, divmod(3 * big + 1, big), divmod(big + 7, big)[1]]\nprint([r is cached.get(r) for r in results[:8]], results[8][0] is 3, results[8][1] is 1, results[9] is 7)",
    "x = 2 ** 35 + 1\ny = 2 ** 70\nprint(x % y is x, divmod(x, y)[1] is x, x % -y is x, -x % -y == -x, 5 % y is 5, x % 1000)",
    "big = 2 ** 40\ntotal = big + 4\ntotal -= big\nrest = big + 9\nrest %= big\nprint(total is 4, rest is 9)",
  ]),
  snippet("complex arithmetic on constants is folded, overflow and division by zero are not", [
    "def edges():\n    return 1 / 0j, 0j ** -1, 10 ** 400 * 1j, 1e308 * 10j, 2 ** 0.5j, 0j ** 0j, -0.0 + 0j, 0j - 0.0, -0j, 0 - 0j, (-0.0-0j) + 0\nprint(edges.__code__.co_consts)",
  ]),
  snippet("complex arithmetic on constants is folded", ["def waves():\n    return 1 + 2j, (1 + 2j) * 2, 3 - 1j, 2j ** 2, 1 / 2j, -(1 + 1j), 1.5 * 1j\nprint(waves.__code__.co_consts, waves())\nprint((lambda: (1 + 2j) is (1 + 2j))())"]),
  snippet("constant if and while tests leave their dead branches per version", [
    py`
      def tests():
          if False:
              a = 'never'
          if 0:
              b = 1234
          else:
              b = 5678
          if 1:
              c = 'taken'
          else:
              c = 'skipped'
          while False:
              d = 'loop body'
          while 0:
              e = 'loop'
          else:
              e = 'loop else'
          return 99
      print(tests.__code__.co_consts)
    `,
    py`
      def debug_and_folded():
          if __debug__:
              a = 'debug on'
          else:
              a = 'debug off'
          if not __debug__:
              b = 'not debug'
          if not True:
              c = 'not true'
          if 1 - 1:
              d = 'zero'
          if ():
              e = 'empty tuple'
          if (1,):
              f = 'one tuple'
          else:
              f = 'no tuple'
          if None:
              g = 'none'
          if '':
              h = 'empty'
          return a
      print(debug_and_folded.__code__.co_consts, debug_and_folded())
    `,
  ]),
  snippet("code after return, raise, break and continue in co_consts", [
    py`
      def after_return():
          return 1
          x = 'after return'
      def after_raise():
          raise ValueError
          x = 'after raise'
      def after_break():
          for i in range(3):
              break
              x = 'after break'
          return 5
      def after_continue():
          for i in range(3):
              continue
              x = 'after continue'
          return 6
      def forever():
          while True:
              return 1
          x = 'after the loop'
      def both_branches(x):
          'doc'
          if x:
              return 1
          else:
              return 2
          y = 'unreachable'
      for f in (after_return, after_raise, after_break, after_continue, forever, both_branches):
          print(f.__name__, f.__code__.co_consts)
    `,
  ]),
  snippet("constant operands of and, or and a ternary", [
    py`
      def operands(x, y):
          return False and 'x', True or 'y', 0 or 'z', x and 0 and y, x or 'k' or y, '' or x
      def ternaries(x):
          return 'a' if False else 'b', 'c' if 1 else 'd', 'e' if x else 'f'
      def conditions(x):
          if False and x:
              a = 'and false'
          if True or x:
              b = 'or true'
          else:
              b = 'or else'
          if x and False:
              c = 'and false last'
          return 1
      print(operands.__code__.co_consts, operands(1, 2), operands(0, 2))
      print(ternaries.__code__.co_consts, ternaries(0))
      print(conditions.__code__.co_consts)
    `,
  ]),
  snippet("assert with a constant test", [
    py`
      def always():
          assert True, 'never shown'
          return 3
      def never():
          assert False, 'always shown'
          return 4
      print(always.__code__.co_consts, never.__code__.co_consts, always())
    `,
  ]),
  snippet("the implicit return None after a docstring", [
    py`
      def only_doc():
          'Only a docstring.'
      def doc_return():
          'Returns.'
          return 'value'
      def doc_raise():
          'Raises.'
          raise ValueError('bad')
      def doc_dead_branch():
          'Dead branch.'
          if False:
              return 'x'
      def generator():
          'Yields.'
          yield 1
          return
          yield 'dead'
      for f in (only_doc, doc_return, doc_raise, doc_dead_branch, generator):
          print(f.__code__.co_consts)
    `,
  ]),
  snippet("constant expression statements are dropped", [
    py`
      def statements():
          x = 1
          'not a docstring'
          2.5
          None
          ...
          b'raw'
          (1, 2)
          -7
          return x
      print(statements.__code__.co_consts)
    `,
  ]),
  snippet("a lambda's constants start with None", ["add_one = lambda x: x + 1\nsay = lambda: 'not a docstring'\nnothing = lambda: None\nprint(add_one.__code__.co_consts, say.__code__.co_consts, say.__doc__, nothing.__code__.co_consts)"]),
  snippet("co_flags of nested functions and generators", [
    py`
      def outer():
          x = 1
          def inner():
              return x
          def plain():
              return 2
          return inner, plain
      def gen():
          yield 1
      inner, plain = outer()
      print(outer.__code__.co_flags, inner.__code__.co_flags, plain.__code__.co_flags, gen.__code__.co_flags)
      print(outer.__code__.co_varnames, outer.__code__.co_cellvars, inner.__code__.co_freevars, outer.__code__.co_nlocals)
    `,
  ]),
  snippet("constants of a function that defines a class", ["def make():\n    class Point:\n        'A point.'\n        x = 1\n    return Point\nprint(make.__code__.co_consts[2:], make().__qualname__, make().__doc__)"]),
  snippet("dict displays with constant keys", [
    py`
      def displays(x):
          return {'a': 1, 'b': x}, {'k': x}, {1: 2, x: 3}, {'a': 1, **x}, {(1, 2): 'pair', -1: 'neg'}
      print(displays.__code__.co_consts)
      print(displays({'z': 0}))
      first = displays({})[0]
      print(list(first), first['b'])
    `,
  ]),
  snippet("folded defaults tuples", [
    py`
      def maker():
          def with_defaults(a=1000, b='x'):
              return a, b
          def with_list(a=[1]):
              return a
          def negative(a=-5, b=(1, 2)):
              return a, b
          return with_defaults, with_list, negative
      print(maker.__code__.co_consts[-1], maker()[0](), maker()[2]())
      print([c for c in maker.__code__.co_consts if not hasattr(c, 'co_name')])
    `,
  ]),
  snippet("names of imports in co_names", ["def imports():\n    import sys\n    import math as m\n    from copy import copy, deepcopy as deep\n    return sys, m\nprint(imports.__code__.co_names, imports.__code__.co_varnames, imports.__code__.co_consts)"]),
  snippet("co_varnames in the order the code first uses them", ["def order():\n    a = b\n    b = 1\n    for c in d:\n        e = c\n    d = 2\nprint(order.__code__.co_varnames, order.__code__.co_nlocals)"]),
  snippet("names and locals used only in a dead branch", [
    py`
      def dead(x):
          if False:
              local_only = print(global_name.attribute)
          while 0:
              other_local = 5
          return x
      print(dead.__code__.co_names, dead.__code__.co_varnames, dead.__code__.co_nlocals, dead.__code__.co_consts)
    `,
  ]),
  snippet("constants of try, finally and with blocks in compile order", [
    py`
      def returns(x):
          'doc'
          try:
              return 1
          finally:
              z = 'finally body'
          y = 'after'
      def clauses(x):
          try:
              a = 'body'
          except KeyError:
              b = 'handler'
          else:
              c = 'else'
          finally:
              d = 'fin'
          return 'end'
      def nested(x):
          try:
              try:
                  return 5
              finally:
                  a = 'inner'
          finally:
              b = 'outer'
      def managed(x):
          'doc'
          with x:
              return 1
          y = 'after'
      def managed_value(x):
          with x:
              return x + 1000
      for f in (returns, clauses, nested, managed, managed_value):
          print(f.__code__.co_consts)
    `,
    py`
      class Manager:
          def __enter__(self):
              return self
          def __exit__(self, *details):
              print('exit', details)
      def run(x):
          try:
              with x:
                  return 'value'
          finally:
              print('finally')
      print(run(Manager()))
    `,
  ]),
  snippet("a misplaced break or return in a dead branch", ["if False:\n    break\nprint('ran')", "if 0:\n    return 5\nprint('ran')", "while 0:\n    continue\nprint('ran')", "def dead():\n    if False:\n        break\n    return 1\nprint(dead())"]),
  snippet("constants of starred displays and calls", [
    py`
      def starred(g, x):
          return g(1, 2, *x, 3, -4), [1, *x, 'a', *x], (x, 1, *x), {1, *x}, g(*x, **x), g(1, *x, k=2)
      print(starred.__code__.co_consts)
      print(starred(lambda *a, **k: (a, k), {'z': 1}))
    `,
    py`
      def keywords(g, x, m):
          return g(*x, a=1, b=2, **m, c=3), g(*x, k=[5]), g(*x, **m)
      print(keywords.__code__.co_consts, keywords.__code__.co_names)
      print(keywords(lambda *a, **k: (a, sorted(k.items())), (0,), {'z': 9}))
      try:
          keywords(lambda **k: k, (), {'a': 1})
      except TypeError as error:
          print(error)
    `,
  ]),
  snippet("constant identity around a dead branch in one statement and across statements", [
    "first = 'hello world'\nif False:\n    second = 'hello world'\nthird = 'hello world'\nprint(first is third)",
    "if True:\n    a = 'spaced words'\n    if False:\n        b = 'spaced words'\n    c = 'spaced words'\n    print(a is c)",
    "if __debug__:\n    flag = 'debug words'\nelse:\n    flag = 'no debug words'\nprint(flag)",
    "def pair():\n    if 0:\n        return 'hello there'\n    return 'hello there'\nprint(pair() is pair(), pair.__code__.co_consts)",
  ]),
  snippet("constants of a comprehension behind a constant false filter", [
    "def filtered(items):\n    return [x for x in items if 0], {x: 'kept?' for x in items if 0.0}, [x * 7 for x in items if 1]\nprint(filtered.__code__.co_consts)",
  ], { versions: ["3.12", "3.13"] }),
  snippet("constants of a function defined in a finally body", [
    "def outer():\n    try:\n        pass\n    finally:\n        def inner():\n            return 'from finally'\n        class Local:\n            pass\n    return inner\nprint([c if type(c) is not type(outer.__code__) else c.co_name for c in outer.__code__.co_consts])",
  ]),
];
