// Function attributes against real CPython: the lazily made func.__dict__, arbitrary attributes
// (set, read, delete, vars), __dict__ assignment, the writable special attributes and their
// TypeErrors, the references the dict and its values hold, and the function's size per version.
import { describe } from "vitest";
import { agreesWithCPython } from "../modules/differential-cases.js";

const ATTRIBUTE_CELLS = [
  "import sys, gc\ndef greet(name):\n    return name\nprint(greet.__code__.co_varnames, greet.__code__.co_argcount)\ngreet.calls = 0\ngreet.calls += 1\nprint(greet.calls, greet.__dict__)",
  "setattr(greet, 'label', 'hi'); print(getattr(greet, 'label'), hasattr(greet, 'label'), vars(greet))\ndelattr(greet, 'label'); print(hasattr(greet, 'label'), vars(greet) is greet.__dict__)",
  "greet.missing",
  "del greet.missing",
  "fresh = lambda: 0\nprint(sys.getrefcount(fresh.__dict__), sys.getsizeof(fresh.__dict__), gc.is_tracked(fresh.__dict__))\nfresh.items = []\nprint(sys.getsizeof(fresh.__dict__), gc.is_tracked(fresh.__dict__), fresh.__dict__)",
  "value = object()\nbefore = sys.getrefcount(value)\nholder = lambda: 0\nholder.value = value\nprint(sys.getrefcount(value) - before)\nkept = holder.__dict__\ndel holder\nprint(sys.getrefcount(kept), sys.getrefcount(value) - before)\ndel kept\nprint(sys.getrefcount(value) - before)",
  "def f(x, y=1): pass\nf.__dict__ = {'a': 1}\nf.b = 2\nprint(f.a, f.__dict__, vars(f))",
  "f.__dict__ = 3",
  "del f.__dict__",
  "for i in range(10): setattr(f, f'k{i}', i)\nprint(len(f.__dict__), sys.getsizeof(f.__dict__), f.k9)",
  "def cyclic(): pass\ncyclic.me = cyclic\nprobe = [cyclic.__dict__]\ndel cyclic\nprint(len(probe[0]))",
  "def sized(): pass\nsized.extra = 1\nprint(sys.getsizeof(sized), type(sized).__basicsize__)",
];

const SPECIAL_CELLS = [
  "def f(a=1, *, b=2):\n    'doc'\n    return a, b\nf.__defaults__ = (5,)\nprint(f(), f.__defaults__)\nf.__defaults__ = None\nprint(f.__defaults__)\ndel f.__defaults__\nprint(f.__defaults__)",
  "f.__defaults__ = [1]",
  "f.__kwdefaults__ = {'b': 7}\nprint(f(1), f.__kwdefaults__)\ndel f.__kwdefaults__\nprint(f.__kwdefaults__)",
  "f.__kwdefaults__ = 3",
  "f.__name__ = 'renamed'\nf.__qualname__ = 'Outer.renamed'\nprint(f.__name__, f.__qualname__, repr(f).split(' at ')[0])",
  "f.__name__ = 3",
  "del f.__qualname__",
  "del f.__doc__\nprint(f.__doc__)\nf.__doc__ = 'new'\ndel f.__module__\nprint(f.__module__)\nf.__module__ = 'mod'\nprint(f.__doc__, f.__module__)",
  "f.__globals__ = {}",
  "f.__closure__ = ()",
  "f.__code__ = 3",
  "def g(): return 'g'\ng.__code__ = (lambda: 'lambda code').__code__\nprint(g(), g.__name__, g.__code__.co_name)",
  "def outer():\n    x = 1\n    def inner(): return x\n    return inner\ng.__code__ = outer().__code__",
  "f.__annotations__ = 3",
  "f.__annotations__ = {'a': int}\nprint(f.__annotations__)\ndel f.__annotations__\nprint(f.__annotations__)",
  "def shown(x, y=1): pass\nshown.__defaults__ = (5,)\nshown.__module__ = 'mod'\nshown",
];

describe("function attributes", () => {
  agreesWithCPython("arbitrary attributes and __dict__", ATTRIBUTE_CELLS);
  agreesWithCPython("writable special attributes", SPECIAL_CELLS);
});
