// Snippets about statements: with, try/except/else/finally, unpacking, chained comparisons,
// loops with else/break/continue, match, walrus, conditional expressions, del and assert.
import { py, snippet, type Snippet } from "../support/snippet.js";

const MANAGER = py`
  class Managed:
      def __init__(self, name, swallow=False):
          self.name = name
          self.swallow = swallow
      def __enter__(self):
          print('enter', self.name)
          return self.name.upper()
      def __exit__(self, kind, value, traceback):
          print('exit', self.name, kind.__name__ if kind else None, value)
          return self.swallow
`;

export const controlFlowSnippets: readonly Snippet[] = [
  snippet("with enter and exit", [MANAGER, "with Managed('a') as value:\n    print('body', value)\nprint('after')"]),
  snippet("with exception propagates", [MANAGER, "with Managed('b'):\n    raise KeyError('inside')"]),
  snippet("with exception swallowed", [MANAGER, "with Managed('c', swallow=True):\n    1 / 0\nprint('continued')"]),
  snippet("nested with statements", [MANAGER, "with Managed('outer') as o, Managed('inner') as i:\n    print('body', o, i)"]),
  snippet("with and return in a function", [MANAGER, "def use():\n    with Managed('fn'):\n        return 'returned'\nprint(use())"]),
  snippet("try except else finally order", [
    py`
      def run(fail):
          try:
              print('try')
              if fail:
                  raise ValueError('x')
          except ValueError:
              print('except')
          else:
              print('else')
          finally:
              print('finally')
      run(False)
      run(True)
    `,
  ]),
  snippet("finally overrides return", ["def pick():\n    try:\n        return 'try'\n    finally:\n        return 'finally'\nprint(pick())"]),
  snippet("finally runs on return", ["def pick():\n    try:\n        return 'try'\n    finally:\n        print('cleanup')\nprint(pick())"]),
  snippet("finally with break in a loop", ["for i in range(3):\n    try:\n        if i == 1:\n            break\n    finally:\n        print('finally', i)\nprint('loop done')"]),
  snippet("continue in try finally", ["for i in range(3):\n    try:\n        if i == 1:\n            continue\n        print('body', i)\n    finally:\n        print('finally', i)"]),
  snippet("multiple except clauses and tuple", [
    py`
      def classify(action):
          try:
              action()
          except (KeyError, IndexError) as error:
              return 'lookup ' + type(error).__name__
          except ZeroDivisionError:
              return 'math'
          except Exception as error:
              return 'other ' + type(error).__name__
      print(classify(lambda: {}['x']), classify(lambda: [][0]), classify(lambda: 1 / 0), classify(lambda: int('x')))
    `,
  ]),
  snippet("exception not caught by a wrong clause", ["try:\n    int('x')\nexcept KeyError:\n    print('not here')"]),
  snippet("exception variable cleared after except", ["try:\n    1 / 0\nexcept ZeroDivisionError as problem:\n    pass\nprint('problem' in dir())"]),
  snippet("exception groups with except*", [
    py`
      try:
          raise ExceptionGroup('many', [ValueError('a'), TypeError('b')])
      except* ValueError as group:
          print('values', group.exceptions)
      except* TypeError as group:
          print('types', group.exceptions)
    `,
  ]),
  snippet("except* re-raises what no clause handled", [
    py`
      try:
          raise ExceptionGroup('g', [ValueError(1), TypeError(2)])
      except* ValueError as e:
          print(repr(e), e.__traceback__ is not None)
      except* TypeError as e:
          print(repr(e))
      print('handled')
    `,
    "try:\n    raise ExceptionGroup('g', [ValueError(1), TypeError(2)])\nexcept* ValueError:\n    raise KeyError('x')",
  ]),
  snippet("except* with a bare exception", [
    "try:\n    raise TypeError('plain')\nexcept* TypeError as e:\n    print(repr(e), repr(e.exceptions[0]))",
    "try:\n    raise ValueError(1)\nexcept* ValueError:\n    raise",
    "try:\n    raise ValueError(1)\nexcept* TypeError:\n    pass",
  ]),
  snippet("except* clauses, else, finally and nesting", [
    py`
      import sys
      try:
          raise ExceptionGroup('g', [ValueError(1)])
      except* ValueError as e:
          print(sys.exc_info()[1] is e)
      else:
          print('else')
      finally:
          print('finally')
      print('e' in dir())
      try:
          try:
              raise ExceptionGroup('g', [ValueError(1), TypeError(2)])
          except* ValueError:
              print('inner value')
      except* TypeError as t:
          print('outer', repr(t))
      try:
          raise BaseExceptionGroup('b', [KeyboardInterrupt(), ValueError(2)])
      except* KeyboardInterrupt as k:
          print(type(k).__name__, repr(k))
      except* ValueError as v:
          print(type(v).__name__, repr(v))
    `,
  ]),
  snippet("except* errors", [
    "try:\n    raise ExceptionGroup('g', [ValueError(1)])\nexcept* int:\n    pass",
    "try:\n    raise ExceptionGroup('g', [ValueError(1)])\nexcept* ExceptionGroup:\n    pass",
    "for i in range(2):\n    try:\n        pass\n    except* ValueError:\n        continue",
  ]),
  snippet("except* converting with raise from", [
    py`
      def outer():
          try:
              raise ExceptionGroup('g', [ValueError(1), TypeError(2)])
          except* ValueError as e:
              raise RuntimeError('converted') from e
      outer()
    `,
  ]),
  snippet("basic unpacking", ["a, b = 1, 2\n(c, d), e = [3, 4], 5\nprint(a, b, c, d, e)"]),
  snippet("star unpacking", ["first, *middle, last = range(6)\n*init, tail = 'abc'\nhead, *rest = [1]\nprint(first, middle, last, init, tail, head, rest)"]),
  snippet("swap and rotate", ["a, b, c = 1, 2, 3\na, b, c = c, a, b\nprint(a, b, c)"]),
  snippet("unpacking in for loops", ["pairs = {'x': 1, 'y': 2}\nfor key, value in pairs.items():\n    print(key, value)\nfor index, (left, right) in enumerate([(1, 2), (3, 4)]):\n    print(index, left, right)"]),
  snippet("unpacking in literals", ["first = [1, 2]\nsecond = (3,)\nprint([*first, *second], (*first, 0), {*first, *second}, {**{'a': 1}, 'b': 2})"]),
  snippet("two starred targets is a syntax error", ["*a, *b = [1, 2]"]),
  snippet("chained comparisons", ["x = 5\nprint(1 < x < 10, 1 < x > 4, 1 < x < 3, x == 5 == 5.0, 1 < 2 < 3 < 4 < 0)"]),
  snippet("chained comparison evaluates the middle once", ["def middle():\n    print('called')\n    return 5\nprint(1 < middle() < 10)"]),
  snippet("chained comparison short-circuits", ["def loud(v):\n    print('eval', v)\n    return v\nprint(loud(3) < loud(2) < loud(1))"]),
  snippet("boolean operators return operands", ["print(0 or 'default', 'x' and 'y', None or 0, [] and 'never', not [], 1 and 0 or 'z')"]),
  snippet("conditional expression", ["n = 7\nprint('odd' if n % 2 else 'even', [('big' if v > 2 else 'small') for v in (1, 3)])"]),
  snippet("for else and while else", [
    py`
      for n in range(3):
          if n == 10:
              break
      else:
          print('for completed')
      count = 0
      while count < 3:
          count += 1
          if count == 2:
              break
      else:
          print('never')
      print('count', count)
    `,
  ]),
  snippet("nested loops with break", ["for i in range(3):\n    for j in range(3):\n        if j > i:\n            break\n        print(i, j, end='; ')\nprint()"]),
  snippet("loop over a dict while modifying", ["table = {'a': 1}\nfor key in table:\n    table['b'] = 2"]),
  snippet("loop over a list while modifying", ["values = [1, 2, 3, 4]\nfor v in values:\n    if v % 2 == 0:\n        values.remove(v)\nprint(values)"]),
  snippet("walrus operator", ["data = [1, 2, 3, 4]\nif (n := len(data)) > 3:\n    print('long', n)\nprint([y for x in data if (y := x * 2) > 4], n)"]),
  snippet("match with literals and capture", [
    py`
      def describe(command):
          match command.split():
              case ['go', direction]:
                  return 'going ' + direction
              case ['look']:
                  return 'looking'
              case ['take', *items]:
                  return 'taking ' + ', '.join(items)
              case _:
                  return 'unknown'
      print(describe('go north'), describe('look'), describe('take a b'), describe('dance'))
    `,
  ]),
  snippet("match with classes and guards", [
    py`
      class Point:
          __match_args__ = ('x', 'y')
          def __init__(self, x, y):
              self.x, self.y = x, y
      def where(p):
          match p:
              case Point(0, 0):
                  return 'origin'
              case Point(x, 0) if x > 0:
                  return 'positive x axis'
              case Point(x=x, y=y):
                  return f'at {x},{y}'
      print(where(Point(0, 0)), where(Point(3, 0)), where(Point(1, 2)))
    `,
  ]),
  snippet("match mappings and or-patterns", [
    py`
      def kind(value):
          match value:
              case {'type': 'circle', 'r': r}:
                  return f'circle {r}'
              case 1 | 2 | 3:
                  return 'small'
              case str() as text:
                  return 'text ' + text
              case [int(), *_]:
                  return 'int list'
          return 'none'
      print(kind({'type': 'circle', 'r': 2, 'extra': 0}), kind(2), kind('x'), kind([1, 'a']), kind(4.5))
    `,
  ]),
  snippet("match sequences, mappings, singletons and or-patterns", [
    py`
      for v in [(1, 2), [1, 2, 3, 4], {'a': 1, 'b': 2}, 5, 'abc', None, True, -1, 2.5, range(3)]:
          match v:
              case (a, b):
                  print('pair', a, b)
              case [first, *middle, last]:
                  print('long', first, middle, last)
              case {'a': 1, **rest}:
                  print('dict', rest)
              case None:
                  print('none')
              case True:
                  print('true')
              case -1 | 5:
                  print('num', v)
              case float(f) | str(f):
                  print('float or str', f)
              case other:
                  print('other', other)
    `,
  ]),
  snippet("match builtin classes, nesting and equality", [
    py`
      class MyInt(int):
          pass
      match MyInt(7):
          case MyInt(v):
              print(type(v).__name__, v)
      match 5:
          case 5.0:
              print('equal float')
      match 'ab':
          case [a, b]:
              print('str is not a sequence')
          case _:
              print('no seq')
      match {}:
          case {}:
              print('empty mapping matches')
      match [1, [2, [3, 4]]]:
          case [a, [b, [c, d]]] if a + b + c + d == 10:
              print(a, b, c, d)
      match 3:
          case int(real=r, nope=n):
              print('no')
          case object(real=r, imag=i):
              print('attributes', r, i)
    `,
  ]),
  snippet("match binds names only when the pattern matches", [
    py`
      x = 'unchanged'
      match [1, 2]:
          case [x, 3]:
              pass
          case _:
              pass
      print(x)
      match {'k': 1, 'j': 2}:
          case {'j': first, 'k': second}:
              pass
      print([n for n in globals() if n in ('first', 'second')])
      match (1, (2, 3)):
          case (p, (q, r)) | (r, (q, p)):
              pass
      print(p, q, r)
      match 3:
          case y if y > 5:
              print('big')
          case y:
              print('small', y)
    `,
  ]),
  snippet("match mapping pattern calls get", [
    py`
      class Loud(dict):
          def get(self, key, default=None):
              print('get', key)
              return super().get(key, default)
      match Loud(a=1, b=2):
          case {'a': a, 'b': 3}:
              print('no')
          case {'b': b, **others}:
              print('yes', b, others)
    `,
  ]),
  snippet("match captured values refcounts", [
    py`
      import sys
      a = [object()]
      def f(v):
          match v:
              case [x]:
                  return sys.getrefcount(x), sys.getrefcount(v)
      def g(v):
          match v:
              case [1]:
                  return 0
              case [y] if sys.getrefcount(v) > 0:
                  return sys.getrefcount(y), sys.getrefcount(v)
      print(f(a), g(a))
    `,
  ]),
  snippet("match class pattern errors", [
    "class Bad:\n    __match_args__ = ['x']\nmatch Bad():\n    case Bad(1):\n        pass",
    "class P:\n    __match_args__ = ('x', 'y')\n    x = y = 1\nmatch P():\n    case P(a, x=b):\n        pass",
    "match 5:\n    case int(a, b):\n        pass",
    "class C:\n    pass\nmatch C():\n    case C(1):\n        pass",
    "match 1:\n    case len():\n        pass",
    "class K:\n    A = B = 'a'\nmatch {'a': 1}:\n    case {K.A: 1, K.B: 2}:\n        pass",
  ]),
  snippet("match pattern syntax errors", [
    "match 1:\n    case y:\n        pass\n    case 1:\n        pass",
    "match 1:\n    case _:\n        pass\n    case 1:\n        pass",
    "match 1:\n    case [a, a]:\n        pass",
    "match 1:\n    case [a] | [b]:\n        pass",
    "match 1:\n    case [*a, *b]:\n        pass",
    "match 1:\n    case {'a': 1, 'a': 2}:\n        pass",
    "match 1:\n    case C(a=1, a=2):\n        pass",
    "match 1:\n    case a | 1:\n        pass",
  ]),
  snippet("match and case stay usable as names", ["match = [1, 2]\ncase = 3\nprint(match, case)\nmatch[0]", "def f(match):\n    return match * 2\nprint(f(3))"]),
  snippet("del of names, items and slices", ["values = list(range(6))\ndel values[0]\ndel values[1:3]\ntable = {'a': 1, 'b': 2}\ndel table['a']\nname = 1\ndel name\nprint(values, table, 'name' in globals())"]),
  snippet("assert passes silently", ["assert 1 + 1 == 2\nprint('ok')"]),
  snippet("pass and ellipsis bodies", ["def todo():\n    ...\nclass Later:\n    pass\nprint(todo(), Later.__name__)"]),
  snippet("while with counter", ["n, steps = 27, 0\nwhile n != 1:\n    n = n // 2 if n % 2 == 0 else 3 * n + 1\n    steps += 1\nprint(steps)"]),
  snippet("augmented assignments", ["x = 10\nx += 5\nx -= 3\nx *= 2\nx //= 5\nx **= 3\nx %= 7\nx <<= 2\nx |= 1\nx ^= 3\nx &= 0xFF\nx >>= 1\nprint(x)"]),
  snippet("augmented assignment on attributes and items", ["class Box:\n    value = 1\nbox = Box()\nbox.value += 1\ntable = {'k': [1]}\ntable['k'] += [2]\nprint(box.value, Box.value, table)"]),
  snippet("multiple assignment targets", ["a = b = c = []\na.append(1)\nprint(b, c, a is c)"]),
  snippet("if elif else chain", ["def grade(score):\n    if score >= 90:\n        return 'A'\n    elif score >= 80:\n        return 'B'\n    elif score >= 70:\n        return 'C'\n    else:\n        return 'F'\nprint([grade(s) for s in (95, 85, 75, 5)])"]),
  snippet("truthiness of values", ["print([bool(v) for v in (0, 0.0, '', [], {}, set(), None, 'a', [0], -1, 0j)])"]),
  snippet("identity and equality of None checks", ["value = None\nprint(value is None, value == None, value is not None)"]),
  snippet("ternary chain and nested conditions", ["x = 0\nprint('neg' if x < 0 else 'zero' if x == 0 else 'pos')"]),
  snippet("exec and eval", ["namespace = {}\nexec('a = 2\\nb = a * 3', namespace)\nprint(namespace['b'], eval('a + b', namespace), eval('[n for n in range(3)]'))"]),
  snippet("range behaviour", ["r = range(10, 0, -3)\nprint(list(r), len(r), r[1], 4 in r, 7 in r, r.index(4), list(range(0)), list(range(5, 2)))"]),
  // A dict display evaluates its keys and values before BUILD_MAP hashes any key; 3.10+ builds
  // a run of 16 or more items key by key (MAP_ADD), and `**` entries split the runs.
  snippet("dict display evaluates values before hashing keys", [
    py`
      class Key:
          def __init__(self, n):
              self.n = n
          def __hash__(self):
              print('hash', self.n, end='; ')
              return self.n
      def value(n):
          print('value', n, end='; ')
          return n
      small = {Key(1): value(1), Key(2): value(2), Key(3): value(3)}
      print()
      split = {Key(1): value(1), **{}, Key(2): value(2), Key(3): value(3)}
      print()
      big = {Key(0): value(0), Key(1): value(1), Key(2): value(2), Key(3): value(3), Key(4): value(4), Key(5): value(5), Key(6): value(6), Key(7): value(7), Key(8): value(8), Key(9): value(9), Key(10): value(10), Key(11): value(11), Key(12): value(12), Key(13): value(13), Key(14): value(14), Key(15): value(15), Key(16): value(16), Key(17): value(17)}
      print()
      sixteen = {Key(0): value(0), Key(1): value(1), Key(2): value(2), Key(3): value(3), Key(4): value(4), Key(5): value(5), Key(6): value(6), Key(7): value(7), Key(8): value(8), Key(9): value(9), Key(10): value(10), Key(11): value(11), Key(12): value(12), Key(13): value(13), Key(14): value(14), Key(15): value(15)}
      print()
      print(len(big), len(sixteen), list(small.values()), list(split.values()))
    `,
  ]),
  // `a, b = x, y` makes no tuple (the optimiser rotates the stack); 3.11+ stores a function's
  // distinct fast locals on one line last first, so the replaced values are released in that order.
  snippet("unpacking a display of two or three items releases the old values in CPython's order", [
    py`
      class D:
          def __init__(self, n):
              self.n = n
          def __del__(self):
              print('del', self.n, end='; ')
      def local():
          a, b = D(1), D(2)
          a, b = D(3), D(4)
          print()
          a, b, c = D(5), D(6), D(7)
          a, b, c = D(8), D(9), D(10)
          print()
          [a, b] = D(11), D(12)
          [a, b] = D(13), D(14)
          print()
          a, a = D(15), D(16)
          a, a = D(17), D(18)
          print()
          (a,
           b) = D(19), D(20)
          (a,
           b) = D(21), D(22)
          print()
          box = [None, None]
          box[0], box[1] = D(23), D(24)
          box[0], box[1] = D(25), D(26)
          print()
      def closed_over():
          a, b = D(27), D(28)
          a, b = D(29), D(30)
          print()
          def inner():
              return a
      local()
      closed_over()
      print()
      a, b = D(1), D(2)
      a, b = D(3), D(4)
      print()
      a, b = [D(5), D(6)]
      a, b = [D(7), D(8)]
      print()
    `,
  ]),
  snippet("unpacking a display of one to three items makes no sequence (gc counts)", [
    py`
      import gc
      class P:
          pass
      def counted(kind):
          gc.collect()
          before = gc.get_count()[0]
          if kind == 1:
              first, = P(),
          elif kind == 2:
              first, second = P(), P()
          elif kind == 3:
              first, second, third = P(), P(), P()
          elif kind == 4:
              first, second, third, fourth = P(), P(), P(), P()
          else:
              first, second = [P(), P()]
          return gc.get_count()[0] - before
      print([counted(kind) for kind in (1, 2, 3, 4, 5)])
    `,
  ]),
];
