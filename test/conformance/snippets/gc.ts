// Snippets about the cycle collector: collect() counts after a clean collection, get_objects
// membership, is_tracked, get_count, finalizers (order, resurrection) and weakref callbacks.
import { py, snippet, type Snippet } from "../support/snippet.js";

/** Every gc snippet starts from a clean collection, so counts are about the snippet's objects. */
const CLEAN = py`
  import gc, sys, ctypes
  def count_at(address):
      return ctypes.c_long.from_address(address).value
  def alive(object_id):
      return any(id(o) == object_id for o in gc.get_objects())
  collected_at_start = gc.collect()
`;

const PAIR_CLASSES = py`
  class Left:
      def __init__(self):
          self.right = Right(self)
  class Right:
      def __init__(self, left):
          self.left = left
`;

export const gcSnippets: readonly Snippet[] = [
  snippet("a clean collect finds nothing", [CLEAN, "print(gc.collect())"]),
  snippet("list containing itself", [CLEAN, "loop = []\nloop.append(loop)\ndel loop\nprint(gc.collect())"]),
  // A list holding ints packed (list-packed-ints.ts): the collector passes them by, and
  // get_referents and get_referrers still see the int objects.
  snippet("a cycle through a list of packed ints", [
    CLEAN,
    py`
      xs = []
      for n in range(200):
          xs.append(n * 5 + 20000)
      xs.append(xs)
      ws = [n * 7 + 30000 for n in range(150)]
      ws.append(ws)
      del ws
      print(gc.collect(), gc.collect(), sys.getrefcount(xs[100]))
      refs = gc.get_referents(xs)
      print(len(refs), refs[0] is xs, refs[1], [id(r) for r in refs[1:6]] == [id(x) for x in reversed(xs[-6:-1])], sys.getrefcount(xs[100]))
      print(any(r is xs for r in gc.get_referrers(xs[150])), gc.is_tracked(xs[3]))
      del refs
      ids = [id(x) for x in xs[:-1]]
      del xs
      print(gc.collect())
    `,
  ]),
  snippet("two lists referring to each other", [CLEAN, "a = []\nb = [a]\na.append(b)\ndel a, b\nprint(gc.collect())"]),
  snippet("dict containing itself", [CLEAN, "table = {}\ntable['me'] = table\ndel table\nprint(gc.collect())"]),
  snippet("course cycle of two instances", [
    CLEAN,
    PAIR_CLASSES,
    "gc.disable()\nhead = Left()\nleft_id, right_id = id(head), id(head.right)\nprint(count_at(left_id), count_at(right_id))",
    "head = None\nprint(count_at(left_id), count_at(right_id), alive(left_id), alive(right_id))",
    "print(gc.collect(), count_at(left_id), count_at(right_id))\nprint(alive(left_id), alive(right_id))\ngc.enable()",
    // Which freed blocks the checks reuse depends on the allocation history, so the snippet
    // gets an interpreter of its own (a batched run's history depends on what ran before).
  ], { fresh: true }),
  snippet("instance cycle after touching __dict__", [
    CLEAN,
    PAIR_CLASSES,
    "head = Left()\nhead.__dict__, head.right.__dict__\ndel head\nprint(gc.collect())",
  ]),
  snippet("instances with attributes added afterwards", [
    CLEAN,
    "class Bare:\n    pass\nfirst, second = Bare(), Bare()\nfirst.other = second\nsecond.other = first\ndel first, second\nprint(gc.collect())",
  ]),
  snippet("__slots__ instances in a cycle", [
    CLEAN,
    "class Slim:\n    __slots__ = ('peer',)\nfirst, second = Slim(), Slim()\nfirst.peer = second\nsecond.peer = first\ndel first, second\nprint(gc.collect())",
  ]),
  snippet("instance referring to itself", [CLEAN, "class Selfish:\n    pass\nme = Selfish()\nme.me = me\ndel me\nprint(gc.collect())"]),
  snippet("cycle through a list attribute", [
    CLEAN,
    "class Node:\n    def __init__(self):\n        self.children = []\nroot = Node()\nroot.children.append(root)\ndel root\nprint(gc.collect())",
  ]),
  snippet("no cycle: freed by refcount, collect finds nothing", [CLEAN, "chain = [[1], [2]]\ndel chain\nprint(gc.collect())"]),
  snippet("finalizer runs at del without a cycle", [
    CLEAN,
    "class Noisy:\n    def __init__(self, name):\n        self.name = name\n    def __del__(self):\n        print('bye', self.name)",
    "one = Noisy('one')\ndel one\nprint('after del')",
  ]),
  snippet("finalizer runs when a name is rebound", [
    CLEAN,
    "class Noisy:\n    def __del__(self):\n        print('finalized')",
    "holder = Noisy()\nholder = None\nprint('rebound')",
  ]),
  snippet("finalizers in a cycle run at collect", [
    CLEAN,
    "class Noisy:\n    def __init__(self, name):\n        self.name = name\n    def __del__(self):\n        print('bye', self.name)",
    "first, second = Noisy('first'), Noisy('second')\nfirst.peer, second.peer = second, first\ndel first, second\nprint('collected', gc.collect())\nprint(gc.garbage)",
  ]),
  snippet("finalizer order for a list of objects", [
    CLEAN,
    "class Noisy:\n    def __init__(self, name):\n        self.name = name\n    def __del__(self):\n        print('bye', self.name)",
    "crowd = [Noisy(n) for n in 'abc']\ndel crowd",
  ]),
  snippet("finalizer of nested objects: outer first", [
    CLEAN,
    "class Noisy:\n    def __init__(self, name, inner=None):\n        self.name = name\n        self.inner = inner\n    def __del__(self):\n        print('bye', self.name)",
    "outer = Noisy('outer', Noisy('inner'))\ndel outer",
  ]),
  snippet("resurrection keeps the object and runs __del__ once", [
    CLEAN,
    py`
      saved = []
      class Phoenix:
          def __del__(self):
              print('finalizing')
              saved.append(self)
    `,
    "bird = Phoenix()\nbird_id = id(bird)\ndel bird\nprint(len(saved), id(saved[0]) == bird_id)",
    "saved.clear()\nprint('cleared', len(saved))",
  ]),
  snippet("resurrection from a cycle", [
    CLEAN,
    py`
      saved = []
      class Phoenix:
          def __del__(self):
              saved.append(self)
      bird = Phoenix()
      bird.me = bird
      del bird
      print(gc.collect(), len(saved))
    `,
  ]),
  snippet("exception in __del__ is reported and ignored", [
    CLEAN,
    "class Broken:\n    def __del__(self):\n        raise RuntimeError('in del')",
    "broken = Broken()\ndel broken\nprint('still running')",
  ]),
  snippet("exception in a weakref callback and in a helper of __del__", [
    CLEAN,
    "import weakref\nclass Target:\n    pass\ndef callback(reference):\n    raise KeyError(1)\ntarget = Target()\nreference = weakref.ref(target, callback)\ndel target",
    "class CleanupError(Exception):\n    pass\ndef helper():\n    raise CleanupError()\nclass Holder:\n    def __del__(self):\n        helper()\nholder = Holder()\ndel holder\nprint('after')",
  ]),
  snippet("instances are in get_objects", [CLEAN, "class Plain:\n    pass\nthing = Plain()\nprint(alive(id(thing)))"]),
  snippet("lists are in get_objects, ints and strs are not", [CLEAN, "items = [1]\nnumber = 10 ** 30\nword = 'xyz' * 3\nprint(alive(id(items)), alive(id(number)), alive(id(word)))"]),
  snippet("instance __dict__ in get_objects before and after access", [
    CLEAN,
    "class Plain:\n    def __init__(self):\n        self.a = 1\nthing = Plain()\nprint(any(o is not thing and type(o) is dict and o == {'a': 1} for o in gc.get_objects()))",
    "thing.__dict__\nprint(any(type(o) is dict and o == {'a': 1} for o in gc.get_objects()))",
  ]),
  snippet("is_tracked for atoms and containers", [CLEAN, "print(gc.is_tracked(1), gc.is_tracked('a'), gc.is_tracked([]), gc.is_tracked(()), gc.is_tracked(None))"]),
  snippet("is_tracked for dicts", [CLEAN, "print(gc.is_tracked({}), gc.is_tracked({'a': 1}), gc.is_tracked({'a': []}), gc.is_tracked({1: 'x'}))"]),
  snippet("tuple untracked by a collection", [CLEAN, "pair = tuple([1, 2])\nprint(gc.is_tracked(pair))\ngc.collect()\nprint(gc.is_tracked(pair))"]),
  snippet("tuple holding a list stays tracked", [CLEAN, "pair = tuple([[1], 2])\ngc.collect()\nprint(gc.is_tracked(pair))"]),
  snippet("instance and class are tracked", [CLEAN, "class Plain:\n    pass\nprint(gc.is_tracked(Plain()), gc.is_tracked(Plain), gc.is_tracked(len))"]),
  snippet("dict becomes tracked when it gets a container", [CLEAN, "table = {'a': 1}\nprint(gc.is_tracked(table))\ntable['b'] = []\nprint(gc.is_tracked(table))"]),
  snippet("get_count is zero right after a collection", [CLEAN, "def measure():\n    gc.collect()\n    return gc.get_count()\nprint(measure())"]),
  snippet("get_count after collecting generation 0 and 1", [
    CLEAN,
    "def measure(generation):\n    gc.collect(generation)\n    return gc.get_count()\nprint(measure(0), measure(1), measure(2))",
  ]),
  snippet("get_count grows with allocated lists", [
    CLEAN,
    "def grow():\n    gc.collect()\n    before = gc.get_count()[0]\n    kept = [[] for _ in range(50)]\n    return gc.get_count()[0] - before\nprint(grow())",
  ]),
  snippet("calling a type without vectorcall leaves its argument tuple counted", [
    CLEAN,
    py`
      class Plain:
          def __init__(self, value):
              self.value = value
      def counted(make, argument):
          gc.collect()
          before = gc.get_count()[0]
          made = make(argument)
          return gc.get_count()[0] - before
      print(counted(Plain, 1), counted(range, 5), counted(int, '7'), counted(str, 8), counted(float, '1.5'), counted(bool, 3), counted(list, 'ab'))
    `,
  ]),
  snippet("a class call's argument tuple holds the argument, then its block serves the next 1-tuple", [
    CLEAN,
    py`
      class Probe:
          def __init__(self, value):
              holders = [r for r in gc.get_referrers(value) if type(r) is tuple]
              self.count = len(holders)
              self.address = id(holders[0]) if holders else None
              self.refcount = count_at(self.address) if holders else None
              del holders
      class Shown:
          def __str__(self):
              holders = [r for r in gc.get_referrers(self) if type(r) is tuple]
              Shown.address = id(holders[0]) if holders else None
              return 'shown'
      def check():
          marker = object()
          probe = Probe(marker)
          fresh = (marker,)
          text = str(Shown())
          again = (marker,)
          return probe.count, probe.refcount, id(fresh) == probe.address, text, Shown.address is None or id(again) == Shown.address
      print(check())
    `,
  ]),
  snippet("a call's frame is counted once, then its code's zombie frame serves", [
    CLEAN,
    "def once():\n    return 1\ndef measure():\n    gc.collect()\n    before = gc.get_count()[0]\n    once()\n    squares = [n * n for n in (1, 2, 3)]\n    return gc.get_count()[0] - before\nprint(measure(), measure())",
  ]),
  snippet("get_threshold", [CLEAN, "print(gc.get_threshold(), gc.isenabled())"]),
  snippet("disable and enable", [CLEAN, "gc.disable()\nprint(gc.isenabled())\ngc.enable()\nprint(gc.isenabled())"]),
  snippet("set_threshold round trip", [CLEAN, "old = gc.get_threshold()\ngc.set_threshold(500, 5, 5)\nprint(gc.get_threshold())\ngc.set_threshold(*old)\nprint(gc.get_threshold() == old)"]),
  snippet("gc.garbage is empty", [CLEAN, "print(gc.garbage, type(gc.garbage))"]),
  snippet("get_referents of a list", [CLEAN, "inner = ['x']\nprint(gc.get_referents([inner, 5]))"]),
  snippet("the notebook namespace is in the oldest generation after a full collection", [
    "import gc\ngc.collect()\nx = []\ny = [x]\nprint([type(r).__name__ for r in gc.get_referrers(x)], any(o is globals() for o in gc.get_objects(generation=2)), any(o is globals() for o in gc.get_objects(generation=0)))",
    "z = [x]\ngc.collect(0)\nprint([r is z or r is y for r in gc.get_referrers(x)])",
  ]),
  snippet("get_referrers of an object", [CLEAN, "target = ['t']\nholder = [target]\nprint([r is holder for r in gc.get_referrers(target) if type(r) is list])"]),
  snippet("collect returns counts for a cycle of three", [CLEAN, "a, b, c = [], [], []\na.append(b)\nb.append(c)\nc.append(a)\ndel a, b, c\nprint(gc.collect())"]),
  snippet("cycle kept alive by an outside reference is not collected", [CLEAN, "loop = []\nloop.append(loop)\nkeeper = loop\ndel loop\nprint(gc.collect(), len(keeper))"]),
  snippet("closure referring to itself", [
    CLEAN,
    "def outer():\n    def inner():\n        return inner\n    return inner\nmade = outer()\ndel made\nprint(gc.collect())",
  ]),
  snippet("class object cycle is collected", [CLEAN, "class Temporary:\n    pass", "del Temporary\nprint(gc.collect())"]),
  snippet("suspended generator in a cycle", [
    CLEAN,
    "def gen(box):\n    yield box\nholder = []\nrunning = gen(holder)\nnext(running)\nholder.append(running)\ndel holder, running\nprint(gc.collect())",
  ]),
  snippet("collected objects read zero refcount", [CLEAN, "pair = [[], []]\npair[0].append(pair[1])\npair[1].append(pair[0])\nfirst_id = id(pair[0])\ndel pair\nprint(gc.collect(), count_at(first_id))"]),
  snippet("cycle with finalizer in a list of three objects", [
    CLEAN,
    "class Noisy:\n    def __init__(self, name):\n        self.name = name\n    def __del__(self):\n        print('bye', self.name)",
    "a, b, c = Noisy('a'), Noisy('b'), Noisy('c')\na.next, b.next, c.next = b, c, a\ndel a, b, c\nprint(gc.collect())",
  ]),
  snippet("weakref to an object dies with it", [
    CLEAN,
    "import weakref\nclass Plain:\n    pass\nthing = Plain()\nref = weakref.ref(thing)\nprint(ref() is thing)\ndel thing\nprint(ref())",
  ]),
  snippet("weakref callback on del", [
    CLEAN,
    "import weakref\nclass Plain:\n    pass\nthing = Plain()\nref = weakref.ref(thing, lambda r: print('callback', r() is None))\ndel thing\nprint('done')",
  ]),
  snippet("weakref callback during collect", [
    CLEAN,
    "import weakref\nclass Plain:\n    pass\nthing = Plain()\nthing.me = thing\nref = weakref.ref(thing, lambda r: print('callback'))\ndel thing\nprint(gc.collect())",
  ]),
  snippet("weakref count", [CLEAN, "import weakref\nclass Plain:\n    pass\nthing = Plain()\nrefs = [weakref.ref(thing), weakref.ref(thing)]\nprint(weakref.getweakrefcount(thing), refs[0] is refs[1])"]),
  snippet("cannot create weak reference to int", [CLEAN, "import weakref\nweakref.ref(5)"]),
  snippet("gc.callbacks see a collection", [
    CLEAN,
    "def watch(phase, info):\n    print(phase, info['generation'])\ngc.callbacks.append(watch)\ngc.collect()\ngc.callbacks.remove(watch)",
  ]),
  // A suspended generator's frame holds its locals and value stack: the collector must see them.
  snippet("generator cycles through locals, loop iterators, yield from and cells", [
    CLEAN,
    "import weakref\nclass Box(list):\n    pass\ndef walk(box):\n    for item in box:\n        yield item\ndef outer(box):\n    yield from walk(box)\ndef keeps(box):\n    def inner():\n        return box\n    yield inner",
    "b = Box([1, 2]); r = weakref.ref(b); g = walk(b); next(g); b.append(g); del b, g\nprint(gc.collect(), r())",
    "b = Box([1, 2]); r = weakref.ref(b); g = outer(b); next(g); b.append(g); del b, g\nprint(gc.collect(), r())",
    "b = Box([1, 2]); r = weakref.ref(b); g = (x for x in b); next(g); b.append(g); del b, g\nprint(gc.collect(), r())",
    "b = Box(); r = weakref.ref(b); g = keeps(b); f = next(g); b.append(g); del b, g, f\nprint(gc.collect(), r())",
  ]),
  snippet("a generator that holds itself after send", [
    CLEAN,
    "import weakref\ndef echo():\n    me = yield\n    yield me\ng = echo(); next(g); g.send(g); r = weakref.ref(g); del g\nprint(gc.collect(), r())",
  ]),
  snippet("closing a generator that never ran", [
    CLEAN,
    "import weakref\ndef unstarted(box):\n    yield box\nobj = object()\ng = unstarted(obj)\nprint(sys.getrefcount(obj))\ng.close()\nprint(sys.getrefcount(obj))\ndel g\nprint(sys.getrefcount(obj))",
    "class Box(list):\n    pass\nb = Box(); r = weakref.ref(b); g = unstarted(b); b.append(g); del b, g\nprint(gc.collect(), r())",
  ]),
  // Attribute storage and weak reference lists live beside builtin-subclass instances and in
  // instances, functions and exceptions themselves: replacing, clearing and freeing them.
  snippet("attribute storage and weak references of instances, functions and builtin subclasses", [
    CLEAN,
    "import weakref\nclass Tagged(list):\n    pass\nt = Tagged([1]); t.tag = 'x'; r = weakref.ref(t)\nprint(t.__dict__, r() is t, weakref.getweakrefcount(t))\ndel t\nprint(gc.collect(), r())",
    "class Num(int):\n    pass\nn = Num(7); n.a = 1; old = n.__dict__; n.__dict__ = {'b': 2}\nprint(n.b, hasattr(n, 'a'), old, sys.getrefcount(old))",
    "def f():\n    pass\nf.x = 1; d = f.__dict__; f.__dict__ = {'y': 2}\nprint(d, f.__dict__, f.y, sys.getrefcount(d))",
    "class Pair:\n    def __init__(self):\n        self.a = 1\n        self.b = 2\np = Pair(); kept = p.a; p.__dict__ = {'q': 9}\nprint(p.q, vars(p), sys.getrefcount(p.__dict__))\nq = Pair(); del q.a; q.c = 5\nprint(vars(q), sys.getsizeof(vars(q)))",
    "class Other:\n    pass\ns = Pair(); view = s.__dict__; s.__class__ = Other\nprint(type(s).__name__, vars(s), view is s.__dict__)",
    "e = ValueError('m'); e.note = 1; print(e.__dict__); e.__dict__ = {'k': 1}; print(e.k, e.__dict__)",
    "c1 = Pair(); c2 = Pair(); c1.o = c2; c2.o = c1\nw = weakref.ref(c1, lambda ref: print('callback', ref() is None))\ndel c1, c2\nprint(gc.collect())",
    "p1 = Pair(); r1 = weakref.ref(p1); r2 = weakref.ref(p1, lambda r: None); proxy = weakref.proxy(p1)\nprint(weakref.getweakrefs(p1)[0] is r1, p1.__weakref__ is r1, weakref.getweakrefcount(p1))\ndel p1\nprint(r1(), r2())",
  ]),
  // Caught exceptions leave in gen0 what outlives them: a fresh args tuple (parked in the free
  // list), ≤3.10 a callee's first frame (kept as its code's zombie frame), 3.11+ the frame
  // object the traceback needed (held by the running frame); an exception reuses its call's tuple.
  snippet("get_count around caught exceptions", [
    CLEAN,
    py`
      def fail():
          raise KeyError(1)
      def through():
          fail()
      def measure():
          gc.collect()
          counts = [gc.get_count()[0], gc.get_count()[0]]
          try:
              1 / 0
          except ZeroDivisionError:
              pass
          counts.append(gc.get_count()[0])
          try:
              raise ValueError('x')
          except ValueError as error:
              pass
          counts.append(gc.get_count()[0])
          try:
              fail()
          except KeyError:
              pass
          counts.append(gc.get_count()[0])
          try:
              through()
          except KeyError:
              pass
          counts.append(gc.get_count()[0])
          made = ValueError('y', 2)
          counts.append(gc.get_count()[0])
          del made
          counts.append(gc.get_count()[0])
          made = OSError(2, 'gone')
          counts.append(gc.get_count()[0])
          return [b - a for a, b in zip(counts, counts[1:])]
      print(measure())
      print(measure())
    `,
  ]),
  snippet("an exception's args is its call's argument tuple", [
    py`
      import sys
      class AppError(Exception):
          pass
      class Wrapped(Exception):
          def __init__(self, message):
              super().__init__(message)
      pair = ('a', 2)
      for make in (ValueError, AppError, Wrapped, OSError):
          error = make(*pair[:1]) if make is Wrapped else make(*pair)
          print(make.__name__, error.args, error.args is pair, sys.getrefcount(error.args))
      error = ValueError('solo')
      print(sys.getrefcount(error.args), error.args)
    `,
  ]),
  snippet("str() counts its argument tuple only when the tuple free list is empty", [
    py`
      import gc
      held = [(n,) for n in range(3000)]
      if True:
          gc.collect()
          before = gc.get_count()[0]
          text = str(5)
          middle = gc.get_count()[0]
          del held
          after_free = gc.get_count()[0]
          text = str(6)
          print(middle - before, gc.get_count()[0] - after_free)
    `,
  ]),
  // subtype_traverse's order: __slots__ members (own class first, sorted), the values or __dict__, the class last.
  snippet("gc.get_referents of an instance: slots, then values or __dict__, then the class", [
    py`
      import gc
      def kinds(o):
          return [type(x).__name__ for x in gc.get_referents(o)]
      class Plain:
          pass
      p = Plain()
      print(kinds(p))
      p.x = 1; p.y = 'y'
      print(kinds(p))
      p.__dict__
      print(kinds(p))
      class Slotted:
          __slots__ = ('q', 'p', '__m')
          def __init__(self):
              self.__m = b'm'
      class Deeper(Slotted):
          __slots__ = ('b', 'a')
      d = Deeper(); d.q = [1]; d.a = (1,); d.p = {}; d.b = 1.5
      print(kinds(d))
      class WithDict(Slotted):
          pass
      w = WithDict(); w.q = [2]
      print(kinds(w))
    `,
  ]),
  // The collector moves a rescued instance's referents in traversal order: values before the class on 3.11+.
  snippet("gc.get_objects order after a collection rescues an instance of a local class", [
    py`
      import gc
      gc.disable()
      def make():
          class C:
              pass
          return C()
      o = make()
      o.v = []
      o.w = {'k': []}
      keep = [o]
      del o
      gc.collect()
      o = keep[0]
      names = {id(o): 'o', id(o.v): 'v', id(o.w): 'w', id(type(o)): 'C', id(keep): 'keep'}
      print([names[id(x)] for x in gc.get_objects() if id(x) in names])
      gc.enable()
    `,
  ]),
  // 3.13 gives inline values only to classes that add nothing to object's layout: over a
  // __slots__ class the attributes live in a __dict__, which the collector moves with them.
  snippet("gc.get_objects order after a collection rescues an instance of a class over a __slots__ class", [
    py`
      import gc
      gc.disable()
      def make():
          class S:
              __slots__ = ('a',)
          class C(S):
              pass
          return C()
      gc.collect()
      o = make()
      o.v = []
      keep = [o]
      del o
      print(gc.collect())
      o = keep[0]
      names = {id(o): 'o', id(o.v): 'v', id(type(o)): 'C', id(keep): 'keep'}
      print([names[id(x)] for x in gc.get_objects() if id(x) in names])
      print([type(x).__name__ for x in gc.get_referents(o)])
      gc.enable()
    `,
  ]),
  snippet("gc.get_referents of instances of classes over built-ins and over a __slots__ class", [
    py`
      import gc, sys
      class S:
          __slots__ = ('a',)
      class E(Exception): pass
      for base in (S, list, dict, int, tuple, str, E, object):
          C = type('C', (base,), {})
          o = C()
          o.v = []
          kinds = [type(x).__name__ for x in gc.get_referents(o)]
          d = o.__dict__
          print(base.__name__, kinds, [type(x).__name__ for x in gc.get_referents(o)], d is o.__dict__, sys.getrefcount(d), sys.getrefcount(o))
          del d, o, C
    `,
  ]),
  snippet("cycles through the attributes of instances of classes over built-ins are collected", [
    CLEAN,
    py`
      class L(list): pass
      class I(int): pass
      class T(tuple): pass
      class D(dict): pass
      class St(str): pass
      for K in (L, I, T, D, St):
          a = K()
          a.self = a
          a.x = [1]
          del a
          print(K.__name__, gc.collect())
      a = L(); b = L(); a.b = b; b.a = a
      del a, b
      print(gc.collect())
    `,
  ]),
  snippet("gc.get_referents of exceptions: the class, the built-in's own fields, __dict__, args, traceback, cause, context", [
    py`
      import gc
      class E(Exception): pass
      def kind(x):
          return repr(x) if isinstance(x, (str, int)) else type(x).__name__
      try:
          try:
              raise KeyError('k')
          except KeyError:
              raise E('a', 1) from ValueError('v')
      except E as caught:
          e = caught
      e.z = 5
      print([kind(x) for x in gc.get_referents(e)])
      print([kind(x) for x in gc.get_referents(OSError(2, 'nf', 'fn'))])
      print([kind(x) for x in gc.get_referents(StopIteration(7))])
      print([kind(x) for x in gc.get_referents(ImportError('m', name='n', path='p'))])
    `,
  ]),
  // subtype_clear drops the __slots__ values (own class first, each class's in name order)
  // before the __dict__; up to 3.7 the dict is left to its own clear. The members are seen dying
  // up to 3.7 (a class adding nothing to int is untracked there); from 3.8 they are garbage too,
  // finalized in the collector's order.
  snippet("collecting a cycle through an instance with __slots__ and a __dict__: the order its members die", [
    CLEAN,
    py`
      class D(int):
          __slots__ = ()
          def __del__(self): print('del', int(self), end='; ')
      class S:
          __slots__ = ('b', 'a', '__dict__')
      class T(S):
          __slots__ = ('c',)
      print(gc.is_tracked(D(0)))
      for read_dict in (False, True):
          o = T()
          o.y = D(4); o.a = D(1); o.x = D(3); o.c = D(5); o.b = D(2); o.self = o
          if read_dict: o.__dict__
          del o
          print(gc.collect())
      class P:
          pass
      for read_dict in (False, True):
          o = P(); o.y = D(4); o.a = D(1); o.self = o
          if read_dict: o.__dict__
          del o
          print(gc.collect())
    `,
  ]),
  // dict_traverse visits only the values of a str-only table; up to 3.10 a table turns general
  // (values and keys) when a non-str key is inserted, 3.6-3.9 also when one is only looked up.
  snippet("gc.get_referents of dicts: values only while every key is a str", [
    py`
      import gc
      def kinds(d):
          return [type(x).__name__ for x in gc.get_referents(d)]
      class A: pass
      a = A(); a.b = A(); a.c = 5
      print(kinds(a.__dict__))
      print(kinds({'k': [1], 'j': 2}))
      d = {}; d[1] = [1]; d['j'] = 2
      print(kinds(d))
      d = {'j': 2}; d[1] = [1]
      print(kinds(d))
      print(kinds({1: [1], 'j': 2}))
      d = {'a': [1], 'j': 2}; 1 in d
      print(kinds(d))
      d = dict(a=[1]); d[(1,)] = 2; del d[(1,)]
      print(kinds(d))
    `,
  ]),
  // handle_weakrefs clears every weak reference to the garbage before it calls any callback,
  // skips the callbacks of references that are garbage themselves, and counts a reference that
  // dies after its callback (a WeakValueDictionary's) as collected.
  snippet("weakref callbacks during a collection: cleared first, none for references in the garbage, freed references counted", [
    CLEAN,
    py`
      import weakref
      class N: pass
      d = weakref.WeakValueDictionary()
      a = N(); a.me = a; d['a'] = a
      del a
      print(gc.collect(), len(d))
      a = N(); a.me = a
      refs = [weakref.ref(a, lambda r, i=i: print('cb', i)) for i in range(3)]
      del a
      print(gc.collect())
      a = N(); b = N(); a.b = b; b.a = a
      ra = weakref.ref(a, lambda r: print('cb a, b alive:', rb() is not None))
      rb = weakref.ref(b, lambda r: print('cb b, a alive:', ra() is not None))
      del a, b
      print(gc.collect())
      a = N(); b = N(); a.b = b; b.a = a
      a.wr = weakref.ref(b, lambda r: print('cb of a reference in the garbage'))
      wr_a = weakref.ref(a, lambda r: print('cb a', r()))
      del a, b
      print(gc.collect(), wr_a())
    `,
  ]),
  snippet("gc.get_referents of instances of weakref.ref subclasses: slots or __dict__, the class, then the callback", [
    py`
      import gc, weakref
      class R(weakref.ref):
          pass
      class T: pass
      t = T()
      cb = lambda r: None
      r = R(t, cb)
      r.extra = [1]
      print([type(x).__name__ for x in gc.get_referents(r)])
      class RS(weakref.ref):
          __slots__ = ('a', 'b')
      rs = RS(t, cb); rs.b = [0]; rs.a = (1, [2])
      print([type(x).__name__ for x in gc.get_referents(rs)])
    `,
  ]),
];
