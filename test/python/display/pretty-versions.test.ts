// Version-dependent displays (built-in signatures, inspect's annotation spacing, reprs) agree
// with each installed CPython 3.6-3.13 running the driver's emulation of IPython 8's display.
import { describe, expect, it } from "vitest";
import { labelled, realEngine, showCases, simulatedCases, type DisplayCase } from "./display-support.js";

const CASES: DisplayCase[] = [
  "[len, print, sorted, round, pow, divmod, min, max, iter, next, getattr, vars, dir]",
  "[abs, all, any, ascii, bin, callable, chr, delattr, format, globals, hasattr, hash, hex]",
  "[id, input, isinstance, issubclass, locals, oct, ord, repr, setattr, sum, open]",
  "[[].append, [].sort, [].index, {}.get, {}.pop, {}.setdefault, set().add, True.__sizeof__]",
  "[dict.fromkeys, int.mro, object.__new__, type.__new__, (1.5).hex, b''.decode]",
  "class Q: pass\n[Q.mro, Q().__sizeof__, Q().__reduce_ex__, Q.__init_subclass__, Q.__subclasshook__]",
  "import sys, gc\n[sys.getrefcount, sys.getsizeof, sys.intern, sys.getrecursionlimit, gc.collect, gc.get_count, gc.get_referrers]",
  "import ctypes\n[ctypes.c_long.from_address, ctypes.c_int.from_address, ctypes.sizeof, ctypes.cast]",
  "def f(a, b=2, *args, c, d=4, **kw): pass\nf",
  "def f(x, y='a'): pass\nf.__annotations__['x'] = int\nf.__annotations__['y'] = 'text'\nf.__annotations__['return'] = list\nf",
  "class C: pass\nclass D:\n    def m(self, x=C): pass\nD.m.__annotations__['x'] = C\n[D.m, D().m]",
  "[ValueError('x' * 50, 'y' * 50), KeyError('k'), StopIteration()]",
  "{frozenset({1}), frozenset({2}), frozenset({1, 2}), frozenset()}",
  "[{i: 'v' * i for i in range(8)}, set(range(40))]",
  "class L(list): pass\nclass D(dict): pass\n[L(range(30)), D(a=[1] * 30)]",
  "import sys\nsys.version_info",
];

const VERSIONS = ["3.6", "3.7", "3.8", "3.9", "3.10", "3.11", "3.12", "3.13"];

for (const version of VERSIONS) {
  describe(`display on ${version}: simulator vs CPython ${version} (emulated IPython display)`, async () => {
    const engine = await realEngine(version, "emulated");
    it.skipIf(engine === null)(`shows the same text${engine === null ? ` (CPython ${version} not installed)` : ""}`, async () => {
      const [real, simulated] = await Promise.all([showCases(engine!, CASES), simulatedCases(version, CASES)]);
      expect(labelled(CASES, simulated)).toEqual(labelled(CASES, real));
    });
  });
}
