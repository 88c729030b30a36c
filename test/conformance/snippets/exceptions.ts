// Snippets about exceptions: the last traceback line of uncaught errors (wording per version,
// suggestions), SyntaxError and IndentationError, and caught exceptions' args and messages.
import { py, snippet, type Snippet } from "../support/snippet.js";

export const exceptionSnippets: readonly Snippet[] = [
  snippet("NameError plain", ["undefined_thing_xyz"]),
  snippet("NameError with a suggestion", ["counter = 1\ncountr + 1"]),
  snippet("NameError suggestion for a builtin", ["lenn([1])"]),
  snippet("NameError for a missing import", ["sys.version"]),
  snippet("NameError inside a function", ["def use():\n    return missing_global_xyz\nuse()"]),
  snippet("NameError suggestion from a local", ["def use():\n    maximum = 3\n    return maximun\nuse()"]),
  snippet("NameError after del", ["gone = 1\ndel gone\ngone"]),
  snippet("NameError suggestion of self's attribute", ["class Box:\n    def __init__(self):\n        self.blech = 1\n    def show(self):\n        return blech\nBox().show()"]),
  snippet("NameError suggestion limited by the name's length", ["size"]),
  snippet("NameError suggestion and a missing import", ["def uses_time():\n    tim = 1\n    return time\nuses_time()"]),
  snippet("AttributeError on a list with a suggestion", ["[].apend(1)"]),
  snippet("AttributeError on a str", ["'abc'.no_such_method()"]),
  snippet("AttributeError on an instance", ["class Shape:\n    def __init__(self):\n        self.width = 1\nShape().widht"]),
  snippet("AttributeError on a class", ["class Shape:\n    pass\nShape.missing"]),
  snippet("AttributeError on None", ["value = None\nvalue.upper()"]),
  snippet("AttributeError on a module", ["import sys\nsys.no_such_thing"]),
  snippet("AttributeError setting an attribute on an int", ["(5).real = 3"]),
  snippet("AttributeError on a new attribute of an object()", ["thing = object()\nthing.name = 'x'"]),
  snippet("AttributeError for __slots__", ["class Slim:\n    __slots__ = ('a',)\nSlim().b = 1"]),
  snippet("TypeError int plus str", ["1 + 'a'"]),
  snippet("TypeError str plus int", ["'a' + 1"]),
  snippet("TypeError list plus tuple", ["[1] + (2,)"]),
  snippet("TypeError unsupported operand for -", ["'abc' - 'a'"]),
  snippet("TypeError unary minus on str", ["-'abc'"]),
  snippet("TypeError comparison", ["1 < 'a'"]),
  snippet("TypeError comparison of instances", ["class Shape:\n    pass\nShape() < Shape()"]),
  snippet("TypeError not callable", ["count = 5\ncount()"]),
  snippet("TypeError not subscriptable", ["(5)[0]"]),
  snippet("TypeError not iterable", ["for item in 5:\n    pass"]),
  snippet("TypeError unhashable list", ["{[1]: 2}"]),
  snippet("TypeError unhashable in a set", ["{1, {}}"]),
  snippet("TypeError str item assignment", ["word = 'abc'\nword[0] = 'x'"]),
  snippet("TypeError tuple item assignment", ["pair = (1, 2)\npair[0] = 3"]),
  snippet("TypeError len of int", ["len(5)"]),
  snippet("TypeError missing argument", ["def area(width, height):\n    return width * height\narea(1)"]),
  snippet("TypeError missing two arguments", ["def area(width, height):\n    return width * height\narea()"]),
  snippet("TypeError too many arguments", ["def area(width):\n    return width\narea(1, 2)"]),
  snippet("TypeError unexpected keyword", ["def area(width):\n    return width\narea(depth=2)"]),
  snippet("TypeError multiple values", ["def area(width):\n    return width\narea(1, width=2)"]),
  snippet("TypeError method missing argument", ["class Shape:\n    def scale(self, factor):\n        return factor\nShape().scale()"]),
  snippet("TypeError keyword-only argument", ["def area(*, width):\n    return width\narea(1)"]),
  snippet("TypeError builtin argument count", ["len([1], [2])"]),
  snippet("TypeError int() argument type", ["int([1])"]),
  snippet("TypeError sequence times float", ["[1] * 2.5"]),
  snippet("TypeError list indices", ["[1, 2]['a']"]),
  snippet("TypeError string indices", ["'abc'['a']"]),
  snippet("TypeError in operator", ["1 in 5"]),
  snippet("TypeError join of ints", ["', '.join([1, 2])"]),
  snippet("TypeError abstract instantiation of NoneType", ["type(None)(1)"]),
  snippet("TypeError __init__ returns a value", ["class Odd:\n    def __init__(self):\n        return 1\nOdd()"]),
  snippet("TypeError calling a method on the class", ["class Shape:\n    def area(self):\n        return 1\nShape.area()"]),
  snippet("ZeroDivisionError int", ["1 / 0"]),
  snippet("ZeroDivisionError floor", ["1 // 0"]),
  snippet("ZeroDivisionError modulo", ["1 % 0"]),
  snippet("ZeroDivisionError float", ["1.0 / 0"]),
  snippet("ZeroDivisionError float modulo", ["1.5 % 0.0"]),
  snippet("ZeroDivisionError divmod", ["divmod(1, 0)"]),
  snippet("ZeroDivisionError power", ["0.0 ** -1"]),
  snippet("KeyError string", ["{'a': 1}['b']"]),
  snippet("KeyError tuple key", ["{}[(1, 2)]"]),
  snippet("KeyError int key", ["{}[42]"]),
  snippet("KeyError from pop and remove", ["{}.pop('x')"]),
  snippet("KeyError set remove", ["set().remove('gone')"]),
  snippet("IndexError list", ["[1, 2][5]"]),
  snippet("IndexError tuple", ["(1,)[3]"]),
  snippet("IndexError string", ["'abc'[10]"]),
  snippet("IndexError pop from empty list", ["[].pop()"]),
  snippet("IndexError list assignment", ["values = []\nvalues[0] = 1"]),
  snippet("IndexError range", ["range(3)[3]"]),
  snippet("UnboundLocalError", ["total = 0\ndef add():\n    total += 1\nadd()"]),
  snippet("UnboundLocalError read before assignment", ["def read():\n    print(value)\n    value = 1\nread()"]),
  snippet("free variable referenced before assignment", ["def outer():\n    def inner():\n        return late\n    inner()\n    late = 1\nouter()"]),
  snippet("RecursionError", ["def forever(n):\n    return forever(n + 1)\nforever(0)"]),
  // Only 3.11 stops a recursion through __repr__ with the plain message; the other versions'
  // C-level checks are refused by name (test/python/modules/sys.test.ts).
  snippet("RecursionError in repr", ["class Loop:\n    def __repr__(self):\n        return repr(self)\nrepr(Loop())"], { versions: ["3.11"] }),
  snippet("ValueError int parse", ["int('abc')"]),
  snippet("ValueError int parse with base", ["int('12', 2)"]),
  snippet("ValueError float parse", ["float('x1')"]),
  snippet("ValueError list remove", ["[1, 2].remove(3)"]),
  snippet("ValueError list index", ["[1, 2].index(3)"]),
  snippet("ValueError str index", ["'abc'.index('z')"]),
  snippet("ValueError too many values to unpack", ["a, b = [1, 2, 3]"]),
  snippet("ValueError not enough values to unpack", ["a, b, c = [1, 2]"]),
  snippet("ValueError unpack from a string", ["a, b = 'xyz'"]),
  snippet("ValueError chr out of range", ["chr(-1)"]),
  snippet("ValueError math domain via sqrt of negative power", ["(-8) ** 0.5"]),
  snippet("ValueError max of empty", ["max([])"]),
  snippet("OverflowError float power", ["10.0 ** 400"]),
  snippet("OverflowError int to float", ["float(10 ** 400)"]),
  snippet("StopIteration from next", ["next(iter([]))"]),
  snippet("AssertionError with message", ["assert 1 == 2, 'numbers differ'"]),
  snippet("AssertionError bare", ["assert False"]),
  snippet("raise a custom exception", ["class AppError(Exception):\n    pass\nraise AppError('custom message')"]),
  snippet("raise a custom exception without message", ["class AppError(Exception):\n    pass\nraise AppError"]),
  snippet("raise from another", ["try:\n    1 / 0\nexcept ZeroDivisionError as error:\n    raise ValueError('wrapped') from error"]),
  snippet("exception during except", ["try:\n    [][0]\nexcept IndexError:\n    {}['k']"]),
  snippet("raise a non-exception", ["raise 5"]),
  snippet("re-raise with bare raise", ["try:\n    int('x')\nexcept ValueError:\n    raise"]),
  snippet("ModuleNotFoundError", ["import no_such_module_xyz"]),
  snippet("ModuleNotFoundError for a dotted name", ["import no_such_package_xyz.inner", "from no_such_package_xyz import inner"]),
  snippet("ModuleNotFoundError below a module that is not a package", ["import math.no_such_xyz", "import gc.no_such_xyz"]),
  snippet("ModuleNotFoundError for a module removed from the standard library", ["import imp", "import asynchat", "import smtpd.inner"], { versions: ["3.12", "3.13"] }),
  snippet("OSError picks its subclass from errno", [
    py`
      for code in (1, 2, 3, 4, 10, 11, 13, 17, 20, 21, 32, 103, 104, 110, 111, 114, 115, 999):
          error = OSError(code, 'message')
          print(code, type(error).__name__, type(error).__mro__[1].__name__, error)
      print(repr(OSError(2, 'gone', 'data.txt')), str(OSError(2, 'gone', 'a', None, 'b')), OSError('text'), OSError(2))
      print(FileNotFoundError(17, 'x').errno, type(FileNotFoundError(17, 'x')).__name__, BlockingIOError(11, 'x', 5).characters_written)
    `,
  ]),
  snippet("OSError attributes and a subclass with __init__", [
    py`
      class StorageError(OSError):
          def __init__(self, *args):
              print('args before', self.args)
              super().__init__(*args)
      error = StorageError(2, 'missing', 'f.txt')
      print(repr(error), error.errno, error.strerror, error.filename, error.filename2, error)
      plain = OSError(2, 'x')
      print(plain.filename, plain.strerror)
      plain.filename = 'late.txt'
      print(plain, plain.args)
    `,
  ]),
  snippet("uncaught FileNotFoundError", ["raise OSError(2, 'No such file or directory', 'notes.txt')"]),
  snippet("exception members and __dict__", [
    py`
      try:
          undefined_name_xyz
      except NameError as error:
          print(error.__dict__, getattr(error, 'name', '-'))
      try:
          import no_such_module_xyz
      except ImportError as error:
          print(error.name, error.path, error.msg, error.__dict__)
      try:
          from sys import no_such_name_xyz
      except ImportError as error:
          print(error.name, error.path, error.msg)
      made = ImportError('message', name='pkg', path='/p')
      print(made.name, made.path, made.msg, made.args, repr(made))
      tagged = ValueError(1)
      tagged.note = 5
      print(ValueError('x').__dict__, tagged.__dict__)
      syntax = SyntaxError('bad', ('f.py', 1, 2, 'text'))
      print(syntax.msg, syntax.filename, syntax.lineno, syntax.offset, syntax.text, str(syntax), syntax.__dict__)
    `,
  ]),
  snippet("exception constructor keywords", ["ImportError('x', bad=1)", "SyntaxError('m', (1, 2))"]),
  snippet("notes are shown under the traceback", ["err = ValueError('bad value')\nerr.add_note('first note')\nerr.add_note('second\\nline')\nraise err"], { versions: ["3.11", "3.12", "3.13"] }),
  snippet("a Python codec's error carries a note", ["b'\\x81'.decode('windows-1252')", "try:\n    'Ā'.encode('cp1252')\nexcept UnicodeEncodeError as e:\n    print(e, e.__notes__)"], { versions: ["3.12", "3.13"] }),
  snippet("NameError and AttributeError keywords", ["print(NameError('x', name='n').name, AttributeError('x', obj=3, name='n').obj)", "NameError('x', bad=1)"], { versions: ["3.10", "3.11", "3.12", "3.13"] }),
  snippet("ModuleNotFoundError caught", ["try:\n    import no_such_module_xyz\nexcept ImportError as error:\n    print(type(error).__name__, error)"]),
  snippet("ImportError from a module", ["from sys import no_such_name_xyz"]),
  snippet("caught exception args and str", [
    py`
      try:
          {}['missing']
      except KeyError as error:
          print(type(error).__name__, error.args, str(error), repr(error))
    `,
  ]),
  snippet("caught exception class hierarchy", [
    py`
      try:
          [][1]
      except LookupError as error:
          print(type(error).__name__, isinstance(error, IndexError), IndexError.__mro__)
    `,
  ]),
  snippet("exception output before the error is kept", ["print('before')\n1 / 0\nprint('never')"]),
  snippet("exception in a nested call", ["def inner():\n    return {}['deep']\ndef outer():\n    return inner()\nouter()"]),
  snippet("exception __context__ and __cause__", [
    py`
      try:
          try:
              1 / 0
          except ZeroDivisionError:
              raise KeyError('second')
      except KeyError as error:
          print(repr(error.__context__), error.__cause__, error.__suppress_context__)
    `,
  ]),
  snippet("SyntaxError invalid syntax", ["x = = 1"]),
  snippet("SyntaxError unclosed paren", ["print('x'"]),
  snippet("SyntaxError incomplete input at the end of a cell", ["class Empty:", "x = [1,\n2", "text = '''abc", "total = 1 +\\", "for n in range(3):\n"]),
  snippet("SyntaxError that is not incomplete input", ["x = (1 2", "call(1, 2\nnext_line", "1 +", "if True", "def f(:"]),
  snippet("SyntaxError unterminated string", ["text = 'abc"]),
  snippet("SyntaxError expected colon", ["if True\n    pass"]),
  snippet("SyntaxError print statement", ["print 'hello'"]),
  snippet("SyntaxError assign to literal", ["1 = x"]),
  snippet("SyntaxError missing comma", ["[1 2]"]),
  snippet("SyntaxError assign to None, a set display and an f-string", ["None = 1", "{1} = 2", "f'{x}' = 3", "del True"]),
  snippet("SyntaxError augmented assignment to a literal, a call and a tuple", ["1 += 1", "f() += 1", "(a, b) += 1", "None += 1"]),
  snippet("SyntaxError assign to function call", ["f() = 1"]),
  snippet("SyntaxError keyword as identifier", ["class = 3"]),
  snippet("SyntaxError return outside function", ["return 5"]),
  snippet("SyntaxError unmatched bracket", ["x = (1, 2]"]),
  snippet("SyntaxError invalid character", ["x = 1 € 2"]),
  snippet("SyntaxError leading zero", ["x = 012"]),
  snippet("IndentationError unexpected indent", ["x = 1\n    y = 2"]),
  snippet("IndentationError expected an indented block", ["if True:\npass"]),
  snippet("IndentationError after def", ["def broken():\nreturn 1"]),
  snippet("IndentationError unindent mismatch", ["if True:\n        a = 1\n    b = 2"]),
  snippet("TabError inconsistent tabs", ["if True:\n\tx = 1\n        y = 2"]),
  snippet("syntax error stops the whole cell", ["print('not printed')\nx = )"]),
  snippet("error in an earlier cell does not stop later cells", ["1 / 0", "print('next cell runs')"]),
  snippet("AttributeError from __getattr__ and a property keeps its message, name and obj", [
    py`
      import sys
      class Lazy:
          def __getattr__(self, name):
              raise AttributeError('custom ' + name)
      class Prop:
          @property
          def broken(self):
              return self.missing_inner
      for target, name in [(Lazy(), 'thing'), (Prop(), 'broken')]:
          try:
              getattr(target, name)
          except AttributeError as error:
              print(error, error.name, type(error.obj).__name__)
      print(hasattr(Lazy(), 'x'), getattr(Prop(), 'zzz', 'default'))
      holder = Prop()
      try:
          holder.nothing
      except AttributeError as error:
          print(error.name, error.obj is holder, sys.getrefcount(holder))
      print(sys.getrefcount(holder))
    `,
  ], { versions: ["3.10", "3.11", "3.12", "3.13"] }),
  snippet("deleting an unset slot and adding to an object without __dict__", [
    py`
      class Slim:
          __slots__ = ('a',)
      slim = Slim()
      for action in (lambda: delattr(slim, 'a'), lambda: slim.a, lambda: setattr(slim, 'b', 1), lambda: delattr(object(), 'zz')):
          try:
              action()
          except AttributeError as error:
              print(repr(error))
    `,
  ]),
  snippet("ExceptionGroup construction, str and repr", [
    py`
      eg = ExceptionGroup('many', [ValueError('a'), TypeError('b')])
      print(repr(eg), str(eg), eg.message, eg.exceptions, type(eg).__mro__)
      print(BaseExceptionGroup('x', [KeyboardInterrupt()]).__class__, type(BaseExceptionGroup('x', [ValueError()])).__name__)
    `,
    py`
      for args in [('x',), ('x', []), (1, [ValueError()]), ('x', [1]), ('x', ValueError())]:
          try:
              ExceptionGroup(*args)
          except Exception as e:
              print(type(e).__name__, e)
      try:
          ExceptionGroup('x', [KeyboardInterrupt()])
      except TypeError as e:
          print(e)
    `,
  ]),
  snippet("ExceptionGroup split, subgroup and derive", [
    py`
      eg = ExceptionGroup('outer', [ValueError('a'), ExceptionGroup('inner', [KeyError('k'), ValueError('b')]), TypeError('t')])
      match, rest = eg.split(ValueError)
      print(repr(match), repr(rest))
      print(eg.subgroup(lambda e: isinstance(e, KeyError)))
      print(repr(eg.subgroup((KeyError, TypeError))), eg.split(OSError), eg.split(Exception)[0] is eg)
      print(repr(eg.derive([KeyError(1)])))
    `,
  ]),
  snippet("uncaught nested exception group", ["raise ExceptionGroup('outer', [ValueError('a'), ExceptionGroup('inner', [KeyError('k')])])"]),
  snippet("uncaught exception group from a function", [
    py`
      def fail():
          raise ExceptionGroup('from f', [ValueError('v'), OSError('o'), KeyError('k')])
      def handle():
          try:
              fail()
          except* (ValueError, KeyError) as eg:
              print('caught', repr(eg))
      handle()
    `,
  ]),
  snippet("exception group wider than the display", ["raise ExceptionGroup('big', [ValueError(i) for i in range(17)])"]),
  snippet(
    "exception notes in tracebacks",
    [
      "e = ValueError(1)\ne.add_note('x')\ne.add_note('two\\nlines')\nraise e",
      "e = KeyError(2)\ne.__notes__ = 'not a list'\nraise e",
      "try:\n    eg = ExceptionGroup('g', [ValueError(1), TypeError(2)])\n    eg.add_note('a note')\n    raise eg\nexcept* ValueError:\n    pass",
    ],
    { versions: ["3.11", "3.12", "3.13"] },
  ),
  snippet("except* with a group subclass that overrides derive", [
    py`
      class MyGroup(ExceptionGroup):
          def derive(self, excs):
              return MyGroup(self.message + '!', excs)
      try:
          raise MyGroup('mine', [ValueError(1), KeyError(2)])
      except* KeyError as k:
          print(repr(k), type(k).__name__)
    `,
  ]),
  snippet("add_note and exception groups exist from 3.11", ["print(hasattr(ValueError(), 'add_note'), 'ExceptionGroup' in dir(__builtins__))"]),
  snippet("constructor argument errors of int, str, super and property", [
    py`
      class M(int): pass
      class S(str): pass
      for make in (lambda: int(1, 2, 3), lambda: M(1, 2, 3), lambda: str(1, 2, 3, 4), lambda: S(1, 2, 3, 4),
                   lambda: super(int, 1, 2), lambda: super(x=1), lambda: property(1, 2, 3, 4, 5),
                   lambda: property(foo=1), lambda: property(1, fget=2)):
          try:
              make()
          except TypeError as error:
              print(error)
    `,
  ]),
  // The frame that catches an exception has a traceback entry too (tb_lineno where it arrived),
  // at module level and in functions, through `with` and through a finally clause.
  snippet("traceback entries of the frame that catches", [
    py`
      def f():
          raise ValueError('x')
      try:
          f()
      except ValueError as e:
          tb = e.__traceback__
          n = 0
          t = tb
          while t is not None:
              print(t.tb_frame.f_code.co_name, t.tb_lineno)
              t = t.tb_next
              n += 1
          print(n)
    `,
    py`
      try:
          1 / 0
      except ZeroDivisionError as e:
          print(e.__traceback__.tb_lineno, e.__traceback__.tb_next, e.__traceback__.tb_frame.f_code.co_name)
    `,
    py`
      import sys
      try:
          f()
      except ValueError:
          t = sys.exc_info()[2]
          print(t.tb_frame.f_code.co_name, t.tb_next.tb_frame.f_code.co_name)
    `,
    py`
      def g():
          try:
              f()
          except ValueError as e:
              t = e.__traceback__
              while t is not None:
                  print(t.tb_frame.f_code.co_name, t.tb_lineno)
                  t = t.tb_next
      g()
    `,
  ]),
  snippet("traceback entries through re-raise, with and finally", [
    py`
      def chain(tb):
          out = []
          while tb is not None:
              out.append((tb.tb_frame.f_code.co_name, tb.tb_lineno))
              tb = tb.tb_next
          return out
      def f():
          raise ValueError('x')
      def g():
          try:
              f()
          except ValueError:
              raise
      def h():
          try:
              f()
          except ValueError as e:
              raise e
      def k():
          try:
              f()
          except ValueError as e:
              raise KeyError('k') from e
      for fn in (g, h, k):
          try:
              fn()
          except Exception as e:
              print(fn.__name__, chain(e.__traceback__))
              if e.__cause__ is not None:
                  print(' cause', chain(e.__cause__.__traceback__))
    `,
    py`
      class CM:
          def __enter__(self): return self
          def __exit__(self, *a):
              print('exit', chain(a[2]))
              return True
      with CM():
          f()
      def w():
          with CM():
              f()
      w()
    `,
    py`
      try:
          try:
              f()
          finally:
              print('fin')
      except ValueError as e:
          print(chain(e.__traceback__))
    `,
    py`
      g()
    `,
    py`
      h()
    `,
  ]),
  // 3.13's int and str vectorcalls count arguments first (other wording); int.__new__,
  // type.__call__ and subclasses reach tp_new's own check.
  snippet("constructor argument counts through the vectorcall, tp_call and __new__", [
    py`
      for make in (lambda: int.__new__(int, 1, 2, 3), lambda: type.__call__(int, 1, 2, 3), lambda: int(1, 2, 3), lambda: float.__new__(float, 1, 2), lambda: type.__call__(float, 1, 2), lambda: str.__new__(str, 1, 2, 3, 4), lambda: type.__call__(str, 1, 2, 3, 4), lambda: tuple.__new__(tuple, 1, 2), lambda: type.__call__(tuple, 1, 2), lambda: list.__new__(list, 1, 2), lambda: type.__call__(list, 1, 2), lambda: bool.__new__(bool, 1, 2), lambda: type.__call__(bool, 1, 2), lambda: type.__call__(range), lambda: dict.__new__(dict, 1, 2), lambda: type.__call__(dict, 1, 2), lambda: type.__call__(set, 1, 2), lambda: type.__call__(frozenset, 1, 2), lambda: frozenset.__new__(frozenset, 1, 2), lambda: type.__call__(bytes, 1, 2, 3, 4), lambda: type.__call__(complex, 1, 2, 3), lambda: type.__call__(object, 1), lambda: object.__new__(object, 1)):
          try:
              make()
          except TypeError as error:
              print(error)
      for make in (lambda: int(*[1, 2, 3]), lambda: str(*[1, 2, 3, 4]), lambda: int.__new__(int, *[1, 2, 3]), lambda: int(1, 2, 3, base=4), lambda: type(int).__call__(int, 1, 2, 3)):
          try:
              make()
          except TypeError as error:
              print(error)
      class MyInt(int): pass
      for make in (lambda: MyInt(1, 2, 3), lambda: type.__call__(MyInt, 1, 2, 3)):
          try:
              make()
          except TypeError as error:
              print(error)
    `,
  ]),
  // An exception passing through a finally clause is the one being handled while it runs; a
  // return or break there drops it (and frees it), an exception raised there chains to it.
  snippet("the exception passing through a finally clause", [
    py`
      import sys
      class Payload:
          def __del__(self):
              print('payload freed')
      def shows_it():
          try:
              raise KeyError('passing')
          finally:
              print(repr(sys.exc_info()[1]))
      try:
          shows_it()
      except KeyError as caught:
          print('caught', repr(caught))
      def swallows():
          try:
              raise KeyError(Payload())
          finally:
              return 'returned'
      print(swallows(), sys.exc_info())
      for attempt in range(3):
          try:
              raise ValueError(attempt)
          finally:
              print('break with', repr(sys.exc_info()[1]))
              break
      try:
          try:
              raise KeyError('first')
          finally:
              raise ValueError('second')
      except ValueError as error:
          print(repr(error.__context__))
      try:
          pass
      finally:
          print(sys.exc_info())
    `,
  ]),
  snippet("raise from something that is not an exception", [
    "raise ValueError('v') from 3",
    "raise ValueError from int",
    "try:\n    raise ValueError from KeyError\nexcept ValueError as error:\n    print(repr(error.__cause__), error.__suppress_context__)",
  ]),
];
