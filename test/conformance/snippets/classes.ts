// Snippets about classes: attributes, inheritance and super(), properties, __slots__, dunder
// methods, equality and hashing, class and static methods, introspection.
import { py, snippet, type Snippet } from "../support/snippet.js";

export const classSnippets: readonly Snippet[] = [
  snippet("instance and class attributes", [
    py`
      class Dog:
          species = 'canis'
          def __init__(self, name):
              self.name = name
      rex, fido = Dog('Rex'), Dog('Fido')
      rex.species = 'wolf'
      print(rex.species, fido.species, Dog.species, rex.__dict__, sorted(k for k in Dog.__dict__ if not k.startswith('__')))
    `,
  ]),
  snippet("mutable class attribute shared", ["class Bag:\n    items = []\n    def add(self, x):\n        self.items.append(x)\nfirst, second = Bag(), Bag()\nfirst.add(1)\nprint(second.items, Bag.items is first.items)"]),
  snippet("single inheritance and override", [
    py`
      class Animal:
          def speak(self):
              return 'generic sound'
          def describe(self):
              return self.__class__.__name__ + ': ' + self.speak()
      class Cat(Animal):
          def speak(self):
              return 'meow'
      print(Animal().describe(), Cat().describe())
    `,
  ]),
  snippet("super() in __init__", [
    py`
      class Base:
          def __init__(self, x):
              self.x = x
      class Child(Base):
          def __init__(self, x, y):
              super().__init__(x)
              self.y = y
      child = Child(1, 2)
      print(child.x, child.y, vars(child))
    `,
  ]),
  snippet("multiple inheritance and MRO", [
    py`
      class A:
          def who(self):
              return 'A'
      class B(A):
          def who(self):
              return 'B>' + super().who()
      class C(A):
          def who(self):
              return 'C>' + super().who()
      class D(B, C):
          def who(self):
              return 'D>' + super().who()
      print(D().who(), [k.__name__ for k in D.__mro__])
    `,
  ]),
  snippet("inconsistent MRO", ["class A:\n    pass\nclass B(A):\n    pass\nclass C(A, B):\n    pass"]),
  snippet("isinstance and issubclass", ["class A:\n    pass\nclass B(A):\n    pass\nprint(isinstance(B(), A), issubclass(B, A), issubclass(A, B), isinstance(1, (str, int)), issubclass(bool, int))"]),
  snippet("__bases__ and __mro__ of builtins", ["print(bool.__mro__, int.__bases__, object.__bases__, type.__mro__)"]),
  snippet("property getter and setter", [
    py`
      class Temperature:
          def __init__(self):
              self._celsius = 0
          @property
          def fahrenheit(self):
              return self._celsius * 9 / 5 + 32
          @fahrenheit.setter
          def fahrenheit(self, value):
              self._celsius = (value - 32) * 5 / 9
      t = Temperature()
      t.fahrenheit = 212
      print(t._celsius, t.fahrenheit)
    `,
  ]),
  snippet("read-only property", ["class Circle:\n    @property\n    def area(self):\n        return 3\nCircle().area = 5"]),
  snippet("property without deleter or getter", [
    "class Circle:\n    @property\n    def area(self):\n        return 3\n    @area.setter\n    def area(self, value):\n        print('set', value)\nc = Circle()\nc.area = 4",
    "del c.area",
    "class Empty:\n    class Inner:\n        x = property()\nEmpty.Inner().x",
  ]),
  snippet("property error names without __set_name__", [
    "p = property(lambda self: 1)\np.__set__(1, 2)",
    "def size(self):\n    return 1\nq = property(size)\nq.__delete__('text')",
    "import sys\nprint(sys.getsizeof(property()))",
  ]),
  snippet("property with deleter", [
    py`
      class Box:
          def __init__(self):
              self._v = 1
          @property
          def v(self):
              return self._v
          @v.deleter
          def v(self):
              print('deleting')
              del self._v
      box = Box()
      del box.v
      print(hasattr(box, '_v'))
    `,
  ]),
  snippet("__slots__ instances have no __dict__", ["class Point:\n    __slots__ = ('x', 'y')\n    def __init__(self):\n        self.x = 1\np = Point()\nprint(p.x, hasattr(p, '__dict__'), Point.__slots__)", "p.y"]),
  snippet("classmethod and staticmethod", [
    py`
      class Date:
          def __init__(self, y, m, d):
              self.parts = (y, m, d)
          @classmethod
          def from_text(cls, text):
              return cls(*map(int, text.split('-')))
          @staticmethod
          def is_leap(year):
              return year % 4 == 0 and (year % 100 != 0 or year % 400 == 0)
      print(Date.from_text('2024-02-29').parts, Date.is_leap(1900), Date(1, 1, 1).is_leap(2000))
    `,
  ]),
  snippet("classmethod in a subclass gets the subclass", ["class Base:\n    @classmethod\n    def make(cls):\n        return cls.__name__\nclass Child(Base):\n    pass\nprint(Base.make(), Child.make())"]),
  snippet("__eq__ without __hash__ makes unhashable", ["class Point:\n    def __init__(self, x):\n        self.x = x\n    def __eq__(self, other):\n        return self.x == other.x\nprint(Point(1) == Point(1), Point.__hash__)", "{Point(1)}"]),
  snippet("__hash__ results kept when they fit in Py_hash_t, hashed as an int beyond", ["class H:\n    def __init__(self, value):\n        self.value = value\n    def __hash__(self):\n        return self.value\nvalues = [hash('a'), -1, 2**63 - 1, -2**63, 2**63, -2**63 - 1, 2**64 + 5, 2**61 - 1, 2**61, True, 10**30]\nprint([hash(H(v)) for v in values])\nclass Alias(str):\n    def __hash__(self):\n        return hash('a')\nprint(Alias('a') in set('abc'), hash(Alias('q')) == hash('a'), {H(hash('a')): 1}.get('a'))"]),
  snippet("__eq__ and __hash__ in a set", [
    py`
      class Point:
          def __init__(self, x, y):
              self.x, self.y = x, y
          def __eq__(self, other):
              return (self.x, self.y) == (other.x, other.y)
          def __hash__(self):
              return hash((self.x, self.y))
      points = {Point(1, 2), Point(1, 2), Point(2, 1)}
      print(len(points), Point(1, 2) in points)
    `,
  ]),
  snippet("default equality is identity", ["class Thing:\n    pass\na, b = Thing(), Thing()\nprint(a == a, a == b, a != b, hash(a) == hash(a))"]),
  snippet("__eq__ returning NotImplemented", [
    py`
      class Meters:
          def __init__(self, v):
              self.v = v
          def __eq__(self, other):
              if not isinstance(other, Meters):
                  return NotImplemented
              return self.v == other.v
      print(Meters(1) == Meters(1), Meters(1) == 1, Meters(1) != 'x')
    `,
  ]),
  snippet("ordering with total comparisons", [
    py`
      class Version:
          def __init__(self, n):
              self.n = n
          def __lt__(self, other):
              return self.n < other.n
          def __repr__(self):
              return 'V%d' % self.n
      print(sorted([Version(3), Version(1), Version(2)]), Version(1) > Version(0), max(Version(5), Version(9)))
    `,
  ]),
  snippet("arithmetic dunders and reflected", [
    py`
      class Vec:
          def __init__(self, x, y):
              self.x, self.y = x, y
          def __add__(self, other):
              return Vec(self.x + other.x, self.y + other.y)
          def __mul__(self, k):
              return Vec(self.x * k, self.y * k)
          def __rmul__(self, k):
              return self * k
          def __neg__(self):
              return Vec(-self.x, -self.y)
          def __repr__(self):
              return f'Vec({self.x}, {self.y})'
      v = Vec(1, 2)
      print(v + v, v * 3, 3 * v, -v)
    `,
  ]),
  snippet("in-place dunder", ["class Acc:\n    def __init__(self):\n        self.total = 0\n    def __iadd__(self, n):\n        self.total += n\n        return self\nacc = Acc()\nbefore = id(acc)\nacc += 5\nprint(acc.total, id(acc) == before)"]),
  snippet("container dunders", [
    py`
      class Deck:
          def __init__(self):
              self.cards = list('AKQJ')
          def __len__(self):
              return len(self.cards)
          def __getitem__(self, i):
              return self.cards[i]
          def __contains__(self, card):
              return card in self.cards
      deck = Deck()
      print(len(deck), deck[0], deck[-1], 'Q' in deck, list(deck), deck[1:3])
    `,
  ]),
  snippet("__iter__ and __next__", [
    py`
      class Countdown:
          def __init__(self, start):
              self.current = start
          def __iter__(self):
              return self
          def __next__(self):
              if self.current <= 0:
                  raise StopIteration
              self.current -= 1
              return self.current + 1
      print(list(Countdown(3)), sum(Countdown(4)))
    `,
  ]),
  snippet("__call__", ["class Adder:\n    def __init__(self, n):\n        self.n = n\n    def __call__(self, x):\n        return x + self.n\nadd5 = Adder(5)\nprint(add5(10), callable(add5), callable(Adder))"]),
  snippet("__bool__ and __len__ truthiness", ["class Empty:\n    def __len__(self):\n        return 0\nclass No:\n    def __bool__(self):\n        return False\nprint(bool(Empty()), bool(No()), bool(object()), 'yes' if Empty() else 'no')"]),
  snippet("__getattr__ fallback", [
    py`
      class Flexible:
          real = 'real'
          def __getattr__(self, name):
              return 'computed ' + name
      f = Flexible()
      print(f.real, f.anything, getattr(f, 'other'))
    `,
  ]),
  snippet("__setattr__ interception", [
    py`
      class Logged:
          def __setattr__(self, name, value):
              print('set', name, value)
              super().__setattr__(name, value)
      item = Logged()
      item.a = 1
      print(item.a)
    `,
  ]),
  snippet("__new__ and __init__ order", [
    py`
      class Traced:
          def __new__(cls, *args):
              print('new', args)
              return super().__new__(cls)
          def __init__(self, value):
              print('init', value)
      Traced(7)
      print('done')
    `,
  ]),
  snippet("inherited built-in __new__: mixins, explicit object.__new__, argument errors", [
    py`
      class Mixin:
          pass
      class Number(Mixin, int):
          pass
      class Items(list):
          pass
      class Explicit:
          __new__ = object.__new__
          def __init__(self, value):
              self.value = value
      class Plain:
          pass
      print(Number(5) + 1, type(Number('7')).__name__, Items('ab'), Explicit(3).value)
      for build in (lambda: Plain(1), lambda: Explicit()):
          try:
              build()
          except TypeError as error:
              print(error)
      Plain.__new__ = lambda cls, *args: 'replaced'
      print(Plain(), Plain(1, 2))
      del Plain.__new__
      print(type(Plain()).__name__)
    `,
  ]),
  snippet("getattr setattr hasattr delattr", ["class Box:\n    pass\nbox = Box()\nsetattr(box, 'size', 3)\nprint(getattr(box, 'size'), hasattr(box, 'size'), getattr(box, 'color', 'none'))\ndelattr(box, 'size')\nprint(hasattr(box, 'size'))"]),
  snippet("vars and __dict__ mutation", ["class Box:\n    pass\nbox = Box()\nvars(box)['direct'] = 1\nbox.__dict__.update(more=2)\nprint(box.direct, box.more, vars(box))"]),
  snippet("class body executes once", ["class Noisy:\n    print('class body running')\n    value = 1 + 1\nprint(Noisy.value)"]),
  snippet("type() creates classes", ["Point = type('Point', (), {'x': 1, 'describe': lambda self: 'P'})\np = Point()\nprint(p.x, p.describe(), Point.__name__, type(p).__name__)"]),
  snippet("class attributes: __name__ __qualname__ __module__ __doc__", ["class Doc:\n    '''A documented class.'''\nprint(Doc.__name__, Doc.__qualname__, Doc.__module__, Doc.__doc__)"]),
  snippet("built-in types whose docstring is None", [
    "print(iter([]).__doc__, iter(()).__doc__, iter(range(3)).__doc__, iter({1}).__doc__, type({}.keys()).__doc__, (x for x in []).__doc__)",
    "class Plain(int):\n    pass\nprint(Plain.__doc__, Plain(3).__doc__)",
  ]),
  snippet("the session module's __doc__", ["print(__doc__)"]),
  snippet("a built-in module's docstring", ["import math\nprint(math.__name__)", "print(math.__doc__)"]),
  snippet("instance __class__ and type", ["class A:\n    pass\na = A()\nprint(a.__class__ is A, type(a) is A, type(A) is type, type(type) is type)"]),
  snippet("method resolution on the instance first", ["class A:\n    def greet(self):\n        return 'class'\na = A()\na.greet = lambda: 'instance'\nprint(a.greet(), A.greet(a))"]),
  snippet("bound method identity", ["class A:\n    def m(self):\n        pass\na = A()\nprint(a.m == a.m, a.m is a.m, a.m.__self__ is a, a.m.__func__ is A.m)"]),
  snippet("private name mangling", ["class Secret:\n    def __init__(self):\n        self.__hidden = 1\ns = Secret()\nprint(s._Secret__hidden, '_Secret__hidden' in vars(s))", "s.__hidden"]),
  snippet("abstract base via NotImplementedError", ["class Shape:\n    def area(self):\n        raise NotImplementedError('subclass must implement')\nShape().area()"]),
  snippet("inherit from builtins", [
    py`
      class Stack(list):
          def push(self, x):
              self.append(x)
      class Upper(str):
          def shout(self):
              return self.upper() + '!'
      s = Stack([1])
      s.push(2)
      print(s, len(s), type(s).__name__, Upper('hi').shout(), isinstance(s, list))
    `,
  ]),
  snippet("dict subclass with __missing__", ["class Default(dict):\n    def __missing__(self, key):\n        return key * 2\nd = Default(a=1)\nprint(d['a'], d['zz'], d)"]),
  snippet("exception subclass with extra fields", [
    py`
      class HttpError(Exception):
          def __init__(self, code, message):
              super().__init__(message)
              self.code = code
      try:
          raise HttpError(404, 'not found')
      except HttpError as error:
          print(error.code, error, error.args)
    `,
  ]),
  snippet("descriptor protocol", [
    py`
      class Positive:
          def __set_name__(self, owner, name):
              self.name = '_' + name
          def __get__(self, obj, objtype=None):
              return getattr(obj, self.name)
          def __set__(self, obj, value):
              if value <= 0:
                  raise ValueError('must be positive')
              setattr(obj, self.name, value)
      class Account:
          balance = Positive()
      acct = Account()
      acct.balance = 10
      print(acct.balance)
      acct.balance = -1
    `,
  ]),
  snippet("__init_subclass__ registry", [
    py`
      class Plugin:
          registry = []
          def __init_subclass__(cls, **kwargs):
              super().__init_subclass__(**kwargs)
              Plugin.registry.append(cls.__name__)
      class First(Plugin):
          pass
      class Second(Plugin):
          pass
      print(Plugin.registry)
    `,
  ]),
  snippet("class variables through instances and subclasses", ["class Base:\n    count = 0\nclass Child(Base):\n    pass\nChild.count += 1\nprint(Base.count, Child.count, Child.__dict__.get('count'))"]),
  snippet("dir of an instance includes its attributes", ["class Item:\n    kind = 'k'\n    def __init__(self):\n        self.size = 1\nprint([n for n in dir(Item()) if not n.startswith('__')])"]),
  snippet("__repr__ used by containers and __str__ by print", ["class P:\n    def __repr__(self):\n        return 'P-repr'\n    def __str__(self):\n        return 'P-str'\nprint(P(), [P()], (P(),), {'k': P()})"]),
  snippet("super() outside a method", ["super()"]),
  snippet("calling an instance without __call__", ["class Plain:\n    pass\nPlain()()"]),
  snippet("weak reference to a list subclass instance", ["import weakref, sys\nclass Row(list):\n    pass\nrow = Row([1, 2, 3])\nprobe = weakref.ref(row)\nprint(probe() is row, probe(), sys.getrefcount(row), Row.__basicsize__, sys.getsizeof(row))\ndel row\nprint(probe())"]),
  snippet("assigning __class__", [
    py`
      import sys
      class Cat:
          def speak(self): return 'meow'
      class Dog:
          def speak(self): return 'woof'
      pet = Cat(); pet.name = 'Rex'; pet.age = 3
      before = sys.getrefcount(Cat), sys.getrefcount(Dog)
      pet.__class__ = Dog
      print(pet.speak(), type(pet).__name__, sys.getrefcount(Cat) - before[0], sys.getrefcount(Dog) - before[1])
      print(sys.getsizeof(pet.__dict__), pet.__dict__)
      pet.owner = 'Ann'
      print(sys.getsizeof(pet.__dict__), pet.__dict__)
      other = Cat()
      other.__class__ = Dog
      other.toy = 'ball'
      print(sys.getsizeof(other.__dict__), other.__dict__)
    `,
  ]),
  snippet("__class__ assignment errors", [
    py`
      class Plain: pass
      class Other: pass
      class Slotted:
          __slots__ = ('x',)
      class Twin:
          __slots__ = ('x',)
      class Number(int): pass
      class DictOnly:
          __slots__ = ('__dict__',)
      class SlotAndDict:
          __slots__ = ('a', '__dict__')
      class SlotAndDictToo:
          __slots__ = ('a', '__dict__')
      class SlotAndWeak:
          __slots__ = ('a', '__weakref__')
      class SlotAndWeakToo:
          __slots__ = ('a', '__weakref__')
      s = Slotted(); s.x = 5; s.__class__ = Twin; print(type(s).__name__, s.x)
      cases = [(Plain(), Slotted), (Plain(), int), (Plain(), Number), (5, Plain), (Twin(), Plain), (Plain(), 'text'),
               (DictOnly(), Plain), (SlotAndDict(), SlotAndDictToo), (SlotAndWeak(), SlotAndWeakToo), (Plain(), Other)]
      for target, value in cases:
          try:
              target.__class__ = value
              print('ok', type(target).__name__)
          except TypeError as error:
              print(error)
      try:
          del s.__class__
      except TypeError as error:
          print(error)
    `,
  ]),
  snippet("__class__ assignment keeps references and finalizers right", [
    py`
      import sys, gc
      collected_at_start = gc.collect()
      class Before:
          def __del__(self): print('Before.__del__')
      class After:
          def __del__(self): print('After.__del__')
      payload = [1]
      item = Before(); item.payload = payload
      print(sys.getrefcount(payload))
      item.__class__ = After
      print(sys.getrefcount(payload), gc.is_tracked(item.__dict__), len(gc.get_referrers(payload)))
      del item
      class Row(list): pass
      class Column(list): pass
      class Table(dict): pass
      row = Row([1, 2]); row.__class__ = Column
      print(type(row).__name__, row, sys.getsizeof(row))
      try:
          row.__class__ = Table
      except TypeError as error:
          print(error)
      loop = Before(); loop.me = loop
      loop.__class__ = After
      del loop
      print(gc.collect())
    `,
  ], { fresh: true }),
  // Built-in types' namespaces (add_operators' slot wrappers, then methods, members, getsets).
  snippet("vars() of built-in types in slotdefs order", [
    "for T in (object, list, dict, frozenset, range, slice, bool, type(None), Exception, ValueError):\n    print(T.__name__, list(vars(T)))",
  ]),
  snippet("dir() of built-in types", [
    "for T in (object, int, bool, complex, str, list, tuple, dict, set, frozenset, range, slice, type(None)):\n    print(T.__name__, dir(T))",
    "def f(): pass\nfor T in (type(f), type(iter({})), type(iter(set()))):\n    print(T.__name__, dir(T))",
  ]),
  snippet("sequence slot wrappers exist", [
    "print([hasattr(T, name) for T in (list, tuple, str, bytes, bytearray) for name in ('__add__', '__mul__', '__rmul__', '__iadd__', '__imul__', '__contains__', '__len__')])",
    "print(list.__hash__, dict.__hash__, set.__hash__, bytearray.__hash__, tuple.__hash__ is not None)",
    "print(int.__getattribute__, list.__add__, str.__rmul__, list.__iadd__, '__class_getitem__' in vars(tuple))",
  ]),
  snippet("calling slot wrappers", [
    "print(list.__add__([1], [2]), 'ab'.__mul__(2), 'ab'.__rmul__(3), [1, 2].__contains__(2), (5).__radd__(1), [1].__len__())",
    "print((5).__add__(1.0), (5).__add__('x'), (1, 2).__add__((3,)), b'a'.__add__(b'b'), bytearray(b'a').__iadd__(b'b'))",
    "items = [1]\nprint(items.__iadd__([2]) is items, items.__imul__(2), items)",
    "list.__add__([1], (2,))",
    "'ab'.__mul__(2.0)",
    "list.__add__([1])",
    "list.__add__((1,), [2])",
    "'a'.__add__(1)",
    "(1).__getattribute__('real'), (1).__getattribute__(2)",
  ]),
  snippet("subclasses of list and str keep their sequence slots", [
    "class Items(list):\n    pass\nitems = Items([1])\nitems += [3]\nprint(Items([1]) + [2], type(Items([1]) + Items([2])).__name__, items, type(items).__name__, Items([1]) * 2, 2 * Items([1]))",
    "class Text(str):\n    pass\nprint(Text('a') + 'b', Text('a') * 3, type(Text('a') + 'b').__name__)",
  ]),
  snippet("type subscription through __class_getitem__", [
    "class Box:\n    def __class_getitem__(cls, item):\n        return (cls.__name__, item)\nclass Crate(Box):\n    pass\nprint(Box[int], Crate['x'])",
    "object[int]",
    "pair = (1, 2)\nprint(pair.__getnewargs__(), pair.__getnewargs__()[0] is pair)",
  ]),
  snippet("vars of a __slots__ instance refuses", ["class P:\n    __slots__ = ('x', 'y')\np = P()\np.x = 1\ntry:\n    vars(p)\nexcept TypeError as e:\n    print(e)\nprint(dir(p)[-3:], P.x, type(P.x).__name__)"]),
  snippet("__slots__ attribute errors", ["class P:\n    __slots__ = ('x',)\np = P()\ntry:\n    p.y = 1\nexcept AttributeError as e:\n    print(e)\ntry:\n    p.x\nexcept AttributeError as e:\n    print(e)\ndel P\n"]),
  snippet("__slots__ conflicting with a class variable", ["try:\n    class P:\n        __slots__ = ('x',)\n        x = 1\nexcept ValueError as e:\n    print(e)"]),
  snippet("__slots__ listing __dict__", ["class P:\n    __slots__ = ('x', '__dict__')\np = P()\np.x = 1\np.y = 2\nprint(vars(p), p.x, P.__slots__)"]),
  snippet("a subclass of a __slots__ class gets a dict", ["class A:\n    __slots__ = ('a',)\nclass B(A):\n    pass\nb = B()\nb.a = 1\nb.z = 2\nprint(vars(b), hasattr(B, '__slots__'), B.__slots__)"]),
  snippet("data descriptor get and set", ["class D:\n    def __get__(self, obj, owner=None):\n        return ('get', obj is None, owner.__name__)\n    def __set__(self, obj, value):\n        obj.__dict__['_v'] = value\nclass C:\n    d = D()\nc = C()\nprint(C.d, c.d)\nc.d = 5\nprint(vars(c), c.d)"]),
  snippet("non-data descriptor shadowed by the instance", ["class N:\n    def __get__(self, obj, owner=None):\n        return 'from descriptor'\nclass C:\n    n = N()\nc = C()\nprint(c.n)\nc.n = 'own'\nprint(c.n, C.n)"]),
  snippet("__set_name__ on class creation", ["class Named:\n    def __set_name__(self, owner, name):\n        self.name = name\n        self.owner = owner.__name__\nclass C:\n    first = Named()\n    second = Named()\nprint(C.first.name, C.second.name, C.first.owner)"]),
  snippet("descriptor with __delete__ but no __set__", ["class D:\n    def __get__(self, obj, owner=None):\n        return 1\n    def __delete__(self, obj):\n        print('deleting')\nclass C:\n    d = D()\nc = C()\ndel c.d\ntry:\n    c.d = 3\nexcept AttributeError as e:\n    print(e)"]),
  snippet("read-only property errors", ["class C:\n    @property\n    def p(self):\n        return 1\nc = C()\ntry:\n    c.p = 2\nexcept AttributeError as e:\n    print(e)\ntry:\n    del c.p\nexcept AttributeError as e:\n    print(e)"]),
  snippet("dir of an instance and vars of its class", ["class A:\n    x = 1\n    def m(self): pass\na = A()\na.y = 2\nprint([n for n in dir(a) if not n.startswith('__')], sorted(vars(A))[:4])"]),
  snippet("classmethod and staticmethod objects", ["class C:\n    @classmethod\n    def c(cls): return cls.__name__\n    @staticmethod\n    def s(): return 's'\nprint(C.c(), C().c(), C.s(), type(vars(C)['c']).__name__, type(vars(C)['s']).__name__, vars(C)['s'].__func__.__name__, C.c.__self__ is C)"]),
  snippet("__static_attributes__ and __firstlineno__ of a class namespace", [
    py`
      class C:
          class D:
              def f(self): self.k = 1
          def g(self):
              def h(): self.j = 1
              self.i = 1
              self.i += 1
              (self.t, self.u) = 1, 2
              print(self)
          def h(self):
              self.w: int = 1
              for self.loopv in []: pass
          @staticmethod
          def s(self): self.st = 1
          def n(this, self): self.second = 1
          def a(self): self.asy = 1
          def z(this): this.no = 1
      print(C.__static_attributes__, C.D.__static_attributes__, list(vars(C)), C.__firstlineno__)
      @(lambda c: c)
      class B:
          '''doc'''
          x = 1
      print(list(vars(B)), B.__firstlineno__)
      class E: pass
      print(E.__static_attributes__, list(vars(E)), C.g.__code__.co_consts[-1:])
    `,
  ]),
  snippet("bool is an int subclass", ["print(isinstance(True, int), issubclass(bool, int), type(1 + True), True + True, bool.__mro__, int.__mro__, type(None).__name__, callable(len), callable(1))"]),
  snippet("property fields are read-only members", ["def read(self):\n    return 1\np = property(read)\nprint(type(vars(property)['fget']).__name__, property.fget, list(vars(property))[-5:], p.__isabstractmethod__)\ntry:\n    p.fget = 1\nexcept AttributeError as e:\n    print(e)\np.__doc__ = 'x'\nprint(p.__doc__)"]),
  snippet("property with getter, setter and docstring", ["class P:\n    @property\n    def v(self):\n        \"the v\"\n        return 1\n    @v.setter\n    def v(self, value):\n        print('set', value)\nprint(P.v.__doc__, P.v.fset.__name__, P.v.fdel, P().v, type(P.__dict__['v']).__name__)\nP().v = 5"]),
  snippet("metaclass __prepare__ and __init_subclass__ keywords", ["class M(type):\n    @classmethod\n    def __prepare__(mcs, name, bases):\n        print('prepare', name)\n        return {'injected': 1}\nclass K(metaclass=M):\n    pass\nclass Base:\n    def __init_subclass__(cls, flag=None, **kw):\n        print('init_subclass', cls.__name__, flag)\n        super().__init_subclass__(**kw)\nclass Sub(Base, flag=3):\n    pass\nprint(K.injected, type(K).__name__, M.__mro__)"]),
  snippet("__getattr__ and __getattribute__ together", ["class A:\n    def __getattr__(self, name):\n        return 'fallback ' + name\n    x = 1\nclass B:\n    def __getattribute__(self, name):\n        if name == 'secret':\n            raise AttributeError('no')\n        return object.__getattribute__(self, name)\n    def __getattr__(self, name):\n        return 'via getattr ' + name\na = A()\nprint(a.x, a.y, getattr(a, 'z'), hasattr(a, 'anything'), B().secret, B().__class__.__name__)"]),
  snippet("__slots__ members, weakref slot and mangled names", ["import weakref\nclass S:\n    __slots__ = ('a', '__weakref__')\nclass T:\n    __slots__ = ()\nclass V:\n    __slots__ = 'abc'\nclass W:\n    __slots__ = ('__private',)\n    def __init__(self):\n        self.__private = 1\ns = S()\nprint(weakref.ref(s)() is s, S.__weakref__, hasattr(s, '__dict__'), S.__basicsize__, T.__basicsize__, T.__slots__)\nprint(V.__slots__, V.abc, type(V.abc).__name__, V.abc.__name__, V.abc.__objclass__, W.__slots__, [n for n in vars(W) if 'private' in n], W()._W__private)"]),
  snippet("instance attributes in and out of the class's shared key order", [
    py`
      import sys, gc
      class Node:
          def __init__(self, value, extra=False):
              self.value = value
              if extra:
                  self.extra = value
              self.next = None
      first = Node([1])
      nodes = [Node([i]) for i in range(3)]
      late = Node([9], extra=True)
      after = Node([7])
      nodes[0].next = nodes[1]
      nodes[1].value = 'rebound'
      nodes[2].other = 'new name'
      payload = ['p']
      holder = Node(payload)
      print(sys.getrefcount(payload), sorted(type(x).__name__ for x in gc.get_referents(holder)))
      print([sorted(vars(n)) for n in nodes], list(vars(late)), list(vars(after)), list(vars(first)))
      print([sys.getsizeof(n.__dict__) for n in nodes + [late, after, first]])
      partial = Node.__new__(Node)
      partial.next = 'next first'
      partial.value = 'value second'
      print(list(vars(partial)), sys.getsizeof(vars(partial)))
      gone = Node(payload)
      del gone.value
      print(hasattr(gone, 'value'), list(vars(gone)), sys.getrefcount(payload))
      del holder, gone
      print(sys.getrefcount(payload))
      class Other:
          pass
      moved = Node(payload)
      moved.__class__ = Other
      print(vars(moved), sys.getrefcount(payload), gc.is_tracked(moved.__dict__))
      cycle = Node(None)
      cycle.next = cycle
      del cycle
      print(gc.collect() >= 1, sys.getrefcount(payload))
    `,
  ]),
  // subtype_dealloc: clear_slots for the class, then each base (sorted members each), then the dict.
  snippet("an instance's slots are released before its __dict__, each class's in sorted order", [
    py`
      class Noisy:
          def __init__(self, name):
              self.name = name
          def __del__(self):
              print('del', self.name)
      class Base:
          __slots__ = ('z', 'c')
      class S(Base):
          __slots__ = ('b', 'a', '__dict__')
      s = S()
      s.x = Noisy('x')
      s.a = Noisy('a')
      s.z = Noisy('z')
      s.b = Noisy('b')
      s.c = Noisy('c')
      del s
    `,
  ]),
  // Only object.__new__ sets up 3.11+ inline values, and 3.13 only for classes adding nothing to
  // object's layout; the others get a __dict__ on their first attribute, sharing the class's
  // keys or not by version and base.
  snippet("__dict__ sizes of instances of classes over built-ins, __slots__ classes and exceptions", [
    py`
      import sys
      class S:
          __slots__ = ('a',)
      class S0:
          __slots__ = ()
      class W:
          __slots__ = ('__weakref__',)
      class E(Exception): pass
      def f(): pass
      f.v = []
      e = Exception()
      e.v = []
      print(sys.getsizeof(f.__dict__), sys.getsizeof(e.__dict__))
      for base in (object, S, S0, W, list, dict, set, int, tuple, str, bytes, float, E, bytearray):
          C = type('C', (base,), {})
          o = C(); p = C()
          o.v = []; p.v = []
          print(base.__name__, sys.getsizeof(o.__dict__), sys.getsizeof(p.__dict__), sys.getsizeof(o) - sys.getsizeof(base()))
    `,
  ]),
  // Reading __dict__ before any attribute: 3.11 makes a plain dict for an instance without inline
  // values; an update into an empty split dict turns it combined up to 3.12, 3.13 keeps it split.
  snippet("__dict__ read before any attribute, then updated: sizes per kind of instance", [
    py`
      import sys, copy
      class L(list): pass
      l = L(); d = l.__dict__; print(sys.getsizeof(d)); d.update({'t': 1}); print(sys.getsizeof(d))
      l = L(); d = l.__dict__; d['t'] = 1; print(sys.getsizeof(d))
      class S:
          __slots__ = ('a', '__dict__')
      s = S(); d = s.__dict__; print(sys.getsizeof(d)); d.update({'t': 1}); print(sys.getsizeof(d))
      class P: pass
      p = P(); d = p.__dict__; print(sys.getsizeof(d)); d.update({'t': 1}); print(sys.getsizeof(d))
      l = L([[1], 2]); l.t = [3]
      l2 = copy.deepcopy(l)
      print(l2, l2.t, l2[0] is l[0], l2.t is l.t, type(l2).__name__, sys.getsizeof(l2.__dict__), sys.getsizeof(l.__dict__))
    `,
  ]),
  snippet("nonempty __slots__ over int, tuple and bytes is a TypeError (even __dict__ alone); empty ones are fine", [
    py`
      for base in (int, tuple, bytes):
          for slots in (('a',), ('__dict__',), ()):
              try:
                  C = type('C', (base,), {'__slots__': slots})
                  print(base.__name__, slots, 'ok', C.__name__)
              except TypeError as e:
                  print(base.__name__, slots, e)
      class I(int):
          pass
      try:
          class J(I):
              __slots__ = ('a',)
      except TypeError as e:
          print(e)
    `,
  ]),
  snippet("__init_subclass__ keywords: the references the hooks see", [
    py`
      import sys
      class Registered:
          def __init_subclass__(cls, flag):
              print('init_subclass', sys.getrefcount(flag))
      class Plain(Registered, flag=[1]):
          pass
      class Explicit(Registered, metaclass=type, flag=[1]):
          pass
      def inside():
          option = [2]
          class Local(Registered, flag=option):
              pass
          print(sys.getrefcount(option))
      inside()
    `,
    py`
      class Meta(type):
          @classmethod
          def __prepare__(mcls, name, bases, flag):
              print('prepare', sys.getrefcount(flag))
              return {}
          def __new__(mcls, name, bases, namespace, flag):
              print('new', sys.getrefcount(flag))
              return super().__new__(mcls, name, bases, namespace, flag=flag)
          def __init__(cls, name, bases, namespace, flag):
              print('init', sys.getrefcount(flag))
      class Managed(Registered, metaclass=Meta, flag=[3]):
          pass
      class Derived(type):
          pass
      class ByDerived(Registered, metaclass=Derived, flag=[4]):
          pass
    `,
    py`
      class Forwarding(type):
          def __new__(mcls, name, bases, namespace, **options):
              print('new', options, [sys.getrefcount(v) for v in options.values()])
              return super().__new__(mcls, name, bases, namespace, **options)
      class Collecting:
          def __init_subclass__(cls, **options):
              print('init_subclass', options, [sys.getrefcount(v) for v in options.values()])
      class Built(Collecting, metaclass=Forwarding, tag=[5], other=[6]):
          pass
      Made = type('Made', (Collecting,), {}, tag=[7])
    `,
    py`
      class NoHook:
          pass
      for attempt in [lambda: type('Bad', (NoHook,), {}, extra=1), lambda: NoHook.__init_subclass__(1)]:
          try:
              attempt()
          except TypeError as error:
              print(error)
    `,
  ]),
  // type_call's direct way to a Python __init__ (types/type-object.ts constructWithPlainInit):
  // a class call inside __init__, the references held meanwhile, the argument tuple, an
  // __init__ that returns a value, raises, or deletes itself so that the next call is refused.
  snippet("class calls reaching a Python __init__: nesting, references, errors, a deleted __init__", [
    py`
      import sys, gc
      class Inner:
          def __init__(self, v):
              self.v = v
      class Outer:
          def __init__(self, v):
              self.inner = Inner(v + 1)
              self.v = v
      o = Outer(1)
      print(o.v, o.inner.v)
      class Counted:
          def __init__(self, v):
              print(sys.getrefcount(Counted.__dict__['__init__']), sys.getrefcount(v), [type(r).__name__ for r in gc.get_referrers(v) if type(r) is tuple])
      payload = object()
      Counted(payload)
      class Bad:
          def __init__(self, v):
              self.v = v
              return v
      try:
          Bad(3)
      except TypeError as e:
          print(e, sys.getrefcount(payload))
      class Raises:
          def __init__(self, v):
              self.v = v
              raise ValueError(v)
      try:
          Raises(payload)
      except ValueError as e:
          print('raised', e.args[0] is payload)
      print(sys.getrefcount(payload))
      class Gone:
          def __init__(self, v):
              del Gone.__init__
              self.v = v
      g = Gone(payload)
      print(g.v is payload, sys.getrefcount(payload))
      try:
          Gone(5)
      except TypeError as e:
          print(e)
    `,
  ]),
  // A class whose __new__ and __init__ are object's, called without arguments, is made at once
  // (types/type-object.ts constructPlainWithoutArguments); arguments, a metaclass, a built-in
  // base or __slots__ take type_call's way or still end the same.
  snippet("classes without __init__ called with and without arguments", [
    py`
      import sys, gc
      class P:
          pass
      before = sys.getrefcount(P)
      def allocations():
          gc.collect()
          first = P()
          second = P()
          return gc.get_count()[0]
      print(allocations())
      a = P()
      b = P()
      print(type(a).__name__, a is not b, sys.getrefcount(P) - before, id(P()) == id(P()), a.__dict__)
      for attempt in [lambda: P(1), lambda: P(x=1), lambda: P(*(), **{'k': 2})]:
          try:
              attempt()
          except TypeError as e:
              print(e)
      print(P(*()).__class__.__name__, P(**{}).__class__.__name__)
      class M(type):
          pass
      class Q(metaclass=M):
          pass
      print(type(Q()).__name__, type(Q).__name__)
      try:
          Q(1)
      except TypeError as e:
          print(e)
      class Loud(type):
          def __call__(cls, *args):
              print('metaclass call', args)
              return super().__call__(*args)
      class R(metaclass=Loud):
          pass
      print(type(R()).__name__)
      class Base:
          def __init_subclass__(cls, **kwargs):
              print('subclass', cls.__name__)
      class Child(Base):
          pass
      print(type(Child()).__name__)
      class L(list):
          pass
      class D(dict):
          pass
      class E(Exception):
          pass
      print(L(), D(), repr(E()), E().args)
      class S:
          __slots__ = ()
      class W:
          __slots__ = ('__weakref__',)
      print(type(S()).__name__, type(W()).__name__)
      class Sub(P):
          pass
      del a, b
      print(type(Sub()).__name__, sys.getrefcount(P) - before)
    `,
  ]),
];

