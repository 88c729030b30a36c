// Snippets about the standard-library modules lessons import most: math, copy, string, sys,
// ctypes, weakref, time, collections, itertools, functools, operator, random and friends.
import { py, snippet, type Snippet } from "../support/snippet.js";

export const moduleSnippets: readonly Snippet[] = [
  snippet("math constants and functions", ["import math\nprint(math.pi, math.e, math.sqrt(2), math.floor(-2.5), math.ceil(2.1), math.factorial(20), math.gcd(12, 18))"]),
  snippet("math float helpers", ["import math\nprint(math.isclose(0.1 + 0.2, 0.3), math.fsum([0.1] * 10), math.inf, math.isnan(math.nan), math.log(8, 2), math.log10(1000), math.hypot(3, 4))"]),
  snippet("math trigonometry", ["import math\nprint(math.sin(0), math.cos(math.pi), math.degrees(math.pi / 2), round(math.atan2(1, 1), 6))"]),
  snippet("math domain error", ["import math\nmath.sqrt(-1)"]),
  snippet("copy.copy is shallow", [
    py`
      import copy
      original = [[1, 2], [3]]
      shallow = copy.copy(original)
      print(shallow is original, shallow[0] is original[0])
    `,
  ]),
  snippet("copy.deepcopy copies nested objects", [
    py`
      import copy
      original = {'rows': [[1, 2], [3]], 'name': 'grid'}
      deep = copy.deepcopy(original)
      print(deep == original, deep['rows'] is original['rows'], deep['rows'][0] is original['rows'][0], deep['name'] is original['name'])
    `,
  ]),
  snippet("deepcopy keeps shared references shared", ["import copy\nshared = [0]\npair = [shared, shared]\ncopied = copy.deepcopy(pair)\nprint(copied[0] is copied[1], copied[0] is shared)"]),
  snippet("deepcopy of a recursive list", ["import copy\nloop = [1]\nloop.append(loop)\ncopied = copy.deepcopy(loop)\nprint(copied[1] is copied, copied is loop)"]),
  snippet("copy of immutable values returns them", ["import copy\ntext = 'abc' * 10\npair = (1, 2)\nnested = (1, [2])\nprint(copy.copy(text) is text, copy.deepcopy(pair) is pair, copy.deepcopy(nested) is nested)"]),
  snippet("copy of an instance", [
    py`
      import copy
      class Box:
          def __init__(self):
              self.items = [1]
      box = Box()
      twin = copy.copy(box)
      print(twin is box, twin.items is box.items, type(twin).__name__)
    `,
  ]),
  snippet("string constants", ["import string\nprint(string.ascii_letters, string.digits, string.punctuation, string.ascii_uppercase[:5], len(string.printable))"]),
  snippet("string.Template substitutions", [
    "from string import Template\nprint(Template('$$ ${a}b $a. $_x9y').safe_substitute({'a': 1}, b=2), Template('$x $').safe_substitute())\nprint(Template('$who likes $what').substitute({'who': 'Bo', 'what': 'x'}, what='coffee'), Template('${noun}ification').substitute(noun='Py'))",
    "class Percent(Template):\n    delimiter = '%'\nprint(Percent('%a and %%').substitute(a=5), Template.delimiter, Template('x').template)",
    "Template('line\\n  $ bad').substitute()",
    "Template('$who').substitute()",
  ]),
  snippet("string.capwords and Template", ["import string\nprint(string.capwords('hello big   world'), string.Template('$who likes $what').substitute(who='Ann', what='tea'))"]),
  snippet("sys attributes lessons print", ["import sys\nprint(sys.version_info >= (3, 8), sys.maxsize, sys.getrecursionlimit(), sys.float_info.max, sys.byteorder, sys.version_info[:2] == tuple(sys.version_info)[:2])"]),
  snippet("sys.float_info fields", ["import sys\nprint(sys.float_info)\nprint(type(sys.float_info), len(sys.float_info), sys.float_info[0], sys.float_info.epsilon, 1 + sys.float_info.epsilon > 1, sys.float_info.dig, sys.float_info[-1], sys.getsizeof(sys.float_info), isinstance(sys.float_info, tuple))"]),
  snippet("sys.getrefcount and sys.intern exist", ["import sys\nprint(callable(sys.getrefcount), sys.intern('abc') == 'abc', type(sys.getsizeof(1)).__name__)"]),
  snippet("ctypes sizes and other readers", [
    py`
      import ctypes
      value = [1, 2]
      print(ctypes.sizeof(ctypes.c_long), ctypes.sizeof(ctypes.c_int), ctypes.sizeof(ctypes.c_void_p))
      print(ctypes.c_ssize_t.from_address(id(value)).value, ctypes.c_int.from_address(id(value)).value)
    `,
  ]),
  snippet("ctypes.cast back to the object", ["import ctypes\nthing = ['x']\nprint(ctypes.cast(id(thing), ctypes.py_object).value is thing)"]),
  snippet("weakref.WeakValueDictionary", [
    py`
      import weakref
      class Item:
          pass
      cache = weakref.WeakValueDictionary()
      item = Item()
      cache['a'] = item
      print(len(cache), 'a' in cache)
      del item
      print(len(cache), 'a' in cache)
    `,
  ]),
  snippet("weakref.proxy", ["import weakref\nclass Item:\n    size = 3\nitem = Item()\nproxy = weakref.proxy(item)\nprint(proxy.size)\ndel item\nproxy.size"]),
  snippet("weakref.proxy forwarding", [
    "import weakref\nclass Item:\n    size = 3\n    def __init__(self):\n        self.items = [1, 2]\n    def __len__(self):\n        return 2\n    def grow(self):\n        return 'grown'\nitem = Item()\nproxy = weakref.proxy(item)\nprint(proxy.size, proxy.items, len(proxy), proxy.grow(), bool(proxy), proxy is weakref.proxy(item), weakref.getweakrefcount(item))\nprint(type(proxy), proxy.__class__, isinstance(proxy, Item), weakref.ProxyTypes)\nproxy.extra = 5\nprint(item.extra)",
    "hash(proxy)",
    "def answer():\n    return 42\ncallable_proxy = weakref.proxy(answer)\nprint(callable_proxy(), type(callable_proxy).__name__)",
    "calls = []\nclass Box:\n    pass\nbox = Box()\nwatch = weakref.proxy(box, lambda ref: calls.append(type(ref).__name__))\ndel box\nprint(calls)",
    "watch.anything",
    "weakref.proxy(1)",
  ]),
  snippet("time module types", ["import time\nstart = time.perf_counter()\nnow = time.time()\nprint(type(now).__name__, time.perf_counter() >= start, now > 1.6e9)"]),
  snippet("collections.namedtuple", [
    py`
      from collections import namedtuple
      Point = namedtuple('Point', ['x', 'y'])
      p = Point(1, y=2)
      print(p, p.x + p.y, p._asdict(), p._replace(x=5), isinstance(p, tuple))
    `,
  ]),
  snippet("collections.Counter", ["from collections import Counter\ncounts = Counter('mississippi')\nprint(counts, counts.most_common(2), counts['z'])"]),
  snippet("collections.defaultdict", ["from collections import defaultdict\ngroups = defaultdict(list)\nfor word in ['ant', 'bee', 'ape']:\n    groups[word[0]].append(word)\nprint(groups, dict(groups))"]),
  snippet("collections.deque", ["from collections import deque\nline = deque([1, 2, 3], maxlen=4)\nline.appendleft(0)\nline.append(4)\nline.rotate(1)\nprint(line, line.popleft())"]),
  snippet("collections.OrderedDict", ["from collections import OrderedDict\nordered = OrderedDict(a=1, b=2)\nordered.move_to_end('a')\nprint(ordered, list(ordered))"]),
  snippet("itertools basics", [
    py`
      import itertools
      print(list(itertools.islice(itertools.count(10, 5), 4)), list(itertools.chain('ab', [1])), list(itertools.accumulate([1, 2, 3])))
      print(list(itertools.combinations('abc', 2)), list(itertools.permutations([1, 2])), list(itertools.product('ab', repeat=2)))
      print([(k, list(g)) for k, g in itertools.groupby('aabbbc')], list(itertools.zip_longest('ab', 'x', fillvalue='-')))
    `,
  ]),
  snippet("functools reduce partial lru_cache", [
    py`
      import functools
      print(functools.reduce(lambda a, b: a * b, range(1, 6)))
      base_two = functools.partial(int, base=2)
      print(base_two('1010'))
      @functools.lru_cache(maxsize=None)
      def fib(n):
          return n if n < 2 else fib(n - 1) + fib(n - 2)
      print(fib(80), fib.cache_info())
    `,
  ]),
  snippet("functools.wraps keeps the name", [
    py`
      import functools
      def logged(fn):
          @functools.wraps(fn)
          def wrapper(*args):
              return fn(*args)
          return wrapper
      @logged
      def area(w, h):
          '''Area of a rectangle.'''
          return w * h
      print(area.__name__, area.__doc__, area(2, 3))
    `,
  ]),
  snippet("operator module", ["import operator\nprint(operator.add(2, 3), operator.itemgetter(1)('abc'), sorted([(1, 'b'), (2, 'a')], key=operator.itemgetter(1)), operator.attrgetter('real')(5))"]),
  snippet("random with a seed", ["import random\nrandom.seed(42)\nprint(random.random(), random.randint(1, 100), random.choice('abcdef'))\nitems = list(range(10))\nrandom.shuffle(items)\nprint(items)"]),
  snippet("dataclasses", [
    py`
      from dataclasses import dataclass, field
      @dataclass
      class Point:
          x: int
          y: int = 0
          tags: list = field(default_factory=list)
      p = Point(1)
      print(p, p == Point(1), Point(2, 3))
    `,
    // 3.6 has no dataclasses module (the simulator raises ModuleNotFoundError as CPython does).
  ], { versions: ["3.7", "3.8", "3.9", "3.10", "3.11", "3.12", "3.13"] }),
  snippet("a module newer than the version", ["import dataclasses"], { versions: ["3.6"] }),
  snippet("enum", [
    py`
      from enum import Enum
      class Color(Enum):
          RED = 1
          GREEN = 2
      print(Color.RED, repr(Color.GREEN), Color(1) is Color.RED, [c.name for c in Color])
    `,
  ]),
  snippet("json round trip", ["import json\ntext = json.dumps({'a': [1, 2.5, None, True], 'b': 'é'})\nprint(text, json.loads(text), json.dumps([1, 2], indent=2))"]),
  snippet("re basics", ["import re\nprint(re.findall(r'\\d+', 'a1b22c333'), re.sub(r'\\s+', ' ', 'a   b\\n c'), re.match(r'(\\w+)@(\\w+)', 'me@host').groups())"]),
  snippet("fractions and decimal", ["from fractions import Fraction\nfrom decimal import Decimal\nprint(Fraction(1, 3) + Fraction(1, 6), Decimal('0.1') + Decimal('0.2'), Fraction(0.5))"]),
  snippet("datetime arithmetic", ["from datetime import date, timedelta\nday = date(2024, 2, 28)\nprint(day + timedelta(days=1), (date(2024, 12, 25) - day).days, day.isoformat(), day.weekday())"]),
  snippet("import forms", ["import math as m\nfrom math import sqrt as root, pi\nimport sys, gc\nprint(m.floor(2.5), root(16), round(pi, 2), type(sys).__name__, gc.isenabled())"]),
  snippet("vars of a builtin type", ["print(sorted(vars(int))[:12])\nprint(type(vars(int)).__name__, 'bit_length' in vars(int), '__add__' in vars(int))"]),
  snippet("dir of builtin types", ["print(dir(str)[:20])\nprint(len(dir(str)) > 70, dir(list)[-5:])"]),
  snippet("types.ModuleType: construction, repr, attributes, errors", [
    "import sys\nModuleType = type(sys)\nm = ModuleType('m')\nprint(m, vars(m), m.__doc__, sys.getsizeof(m), sys.getrefcount(m))",
    "documented = ModuleType('documented', 'text')\nprint(documented.__doc__, list(vars(documented)), sys.getrefcount(documented.__dict__), ModuleType(name='x', doc=5).__doc__)",
    "m.x = 5\nprint(m.x, vars(m)['x'])\ndel m.x\nm.x",
    "delattr(m, 'x')",
    "m.__name__ = 'renamed'\nprint(repr(m))\nm.__name__ = 5\nprint(repr(m))\ndel m.__name__\nprint(repr(m))\nm.__file__ = 'f.py'\nprint(m)",
    "m.y",
    "ModuleType()",
    "ModuleType(1)",
    "ModuleType('a', 'b', 'c')",
    "ModuleType('a', bad=1)",
    "loaded = ModuleType('loaded')\nloaded.__loader__ = 'L'\nprint(loaded, dir(loaded), loaded == loaded, ModuleType('a') == ModuleType('a'))",
    "import gc\nprint(gc.is_tracked(loaded), ModuleType.__name__, ModuleType.__module__)",
    "loaded.__repr__ = lambda: 'own'\nloaded.__doc__ = 'changed'\nprint(loaded.__repr__(), repr(loaded), loaded.__doc__)",
  ]),
  snippet("types.ModuleType: tracking, module.__new__ without __init__", [
    "import sys\nModuleType = type(sys)\nm = ModuleType('m')\nimport gc\nprint(gc.is_tracked(m), gc.is_tracked(m.__dict__), gc.is_tracked(ModuleType('x', [1]).__dict__))",
    "bare = ModuleType.__new__(ModuleType)\nprint(repr(bare), vars(bare))",
    "bare.y",
  ]),
  snippet("import binds the same module object; del and re-import; from math import *", [
    "import sys\nimport sys as s\nimport math\nimport math as m2\nprint(s is sys, m2 is math, __name__, type(__builtins__).__name__, __builtins__ is __builtin__, globals() is vars(), globals() is locals())",
    "saved = math\ndel math\nimport math\nprint(math is saved, 'math' in globals())",
    "from math import *\nprint(pi, floor(2.5), 'sqrt' in globals(), '__name__' in dir())",
    "print(__spec__, __loader__, __package__, __doc__)",
    "def scope():\n    return __name__, globals()['__name__'], type(globals()).__name__\nprint(scope())",
  ]),
  snippet("IPython's names in the notebook namespace (open from IPython 8, on 3.8 and later)", [
    "names = dir()\nprint([name for name in ('In', 'Out', '_ih', '_oh', '_dh', 'get_ipython', 'exit', 'quit', 'open') if name in names])",
  ]),
  snippet("dir of a module", ["import gc, _weakref\nprint(dir(gc))\nprint(dir(_weakref))"]),
  snippet("gc functions per version", ["import gc\nprint([hasattr(gc, name) for name in ('freeze', 'unfreeze', 'get_freeze_count', 'is_finalized')])\nprint(gc.get_debug(), gc.set_debug(0), gc.get_freeze_count() if hasattr(gc, 'get_freeze_count') else None)"], { versions: ["3.6", "3.7", "3.8", "3.9", "3.10", "3.11", "3.13"] }),
  snippet("module names that exist only on some versions", [
    py`
      import sys, time, math, gc, copy, string, weakref
      for module, name in ((sys, 'exception'), (sys, 'get_int_max_str_digits'), (time, 'time_ns'), (time, 'clock'), (math, 'cbrt'), (math, 'lcm'), (math, 'prod'), (gc, 'is_finalized'), (string, '_sentinel_dict')):
          try:
              getattr(module, name)
              print(name, 'found')
          except AttributeError as error:
              print(error)
    `,
    "import sys, math\nprint(hasattr(sys, 'no_such_name'), hasattr(math, 'no_such_name'), hasattr(sys, '__getattr__'), getattr(math, 'tau2', 'default'))",
    "from sys import no_such_name",
  ], { versions: ["3.8", "3.9", "3.10", "3.11", "3.12", "3.13"] }),
  snippet("vars of objects without __dict__", ["for value in (1, 'a', [], None):\n    try:\n        vars(value)\n    except TypeError as e:\n        print(e)"]),
];
