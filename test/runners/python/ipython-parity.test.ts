// The emulated kernel must print exactly what a real IPython InteractiveShell prints, cell by cell.
import { beforeAll, describe, expect, it } from "vitest";
import type { PythonEngine } from "../../../src/runners/python/engine.js";
import type { CellRun } from "../../../src/runners/types.js";
import { ipythonInterpreter } from "./interpreters.js";
import { engineFor, openSession, runAll, withoutAddresses } from "./sessions.js";

const SETUP = "import collections, ctypes, datetime, re, sys, types\ndef rc(address):\n    return ctypes.c_long.from_address(address).value";

/** Cells written for this test: pretty printing, display rules, output caching, refcounts, errors. */
const CELLS: readonly string[] = [
  SETUP,
  // pretty printing: long and nested containers break at width 79
  "list(range(60))",
  "[list(range(i)) for i in range(14)]",
  "{'key%02d' % i: list(range(i)) for i in range(9)}",
  "{(i, str(i) * 4): [j * 1111 for j in range(i)] for i in range(8)}",
  "[[[i, j] for j in range(4)] for i in range(5)]",
  "{'outer': {'inner': {'deepest': list(range(22)), 'other': 'x' * 30}}}",
  "[(i, {'name': 'item%d' % i, 'tags': ['t'] * (i % 4)}) for i in range(6)]",
  "tuple(range(30)), (1,), ()",
  // sets and frozensets are sorted when they can be
  "{30, 1, 17, 4, 250, -3}",
  "set(range(40)) | {'label'}",
  "{'pear', 'apple', 'Fig', 'banana'}, frozenset({3, 1, 2}), frozenset(), set()",
  "{3, 'a', 2.5, None, (1, 2)}",
  "set(range(1001)) == set(range(1001)), list(range(1003))[-2:]",
  "list(range(1002))",
  // dicts keep insertion order
  "{'zebra': 1, 'apple': 2, 'mango': 3}",
  // classes, instances, functions, methods
  "class Point:\n    def __init__(self, x, y):\n        self.x, self.y = x, y\nPoint",
  "Point(1, 2)",
  "[Point(i, i) for i in range(3)]",
  "def area(width: float, height: float = 1.0, *rest, scale=2, **options) -> float:\n    return width * height\narea",
  "lambda value: value, len, print, [].append, str.join, Point.__init__",
  "class Outer:\n    class Inner:\n        def method(self):\n            pass\nOuter.Inner, Outer.Inner.method, Outer.Inner().method",
  "class Meta(type):\n    def __repr__(cls):\n        return 'Meta:' + cls.__name__\nclass WithMeta(metaclass=Meta):\n    pass\nWithMeta, type, int, Exception",
  "class Lines:\n    def __repr__(self):\n        return 'first line\\nsecond line'\n[Lines(), Lines()]",
  "class Custom:\n    def _repr_pretty_(self, p, cycle):\n        with p.group(7, 'Custom<', '>'):\n            for i in range(25):\n                if i:\n                    p.text(',')\n                    p.breakable()\n                p.pretty(i * 31)\nCustom()",
  "class Child(Point):\n    def parent(self):\n        return super()\nChild(0, 0).parent()",
  "class MyList(list):\n    pass\nclass MyDict(dict):\n    def __repr__(self):\n        return 'MyDict!'\nMyList([1, 2]), MyDict(a=1), slice(1, 9, 2), range(5), b'bytes'",
  // standard library types with their own IPython printers
  "collections.deque(range(40), maxlen=50), collections.deque([1, 2])",
  "collections.OrderedDict((str(i), i) for i in range(18))",
  "collections.Counter('abracadabra'), collections.Counter()",
  "collections.defaultdict(list, {i: [i] * i for i in range(10)})",
  "types.SimpleNamespace(alpha=list(range(20)), beta='b' * 40, gamma={1: 2})",
  "re.compile(r'\\d+(\\.\\d*)?', re.IGNORECASE | re.VERBOSE), re.compile('plain'), re.compile(b'raw')",
  "ValueError('bad value', 42), KeyError('k'), StopIteration()",
  "datetime.datetime(2024, 5, 6, 7, 8, 9), datetime.timedelta(days=2, seconds=5), datetime.date(2024, 1, 2)",
  "types.MappingProxyType({'a': 1, 'b': list(range(28))})",
  // cycles
  "loop = [1, 2]\nloop.append(loop)\nself_ref = {'name': 'd'}\nself_ref['me'] = self_ref\nloop, self_ref",
  // strings
  "'a long string ' * 12",
  "['multi\\nline', 'tab\\there', 'quote\\'s', \"é ✓ 中文\"]",
  "float('nan'), 1e300 * 10, 0.1 + 0.2, 10 ** 30, -0.0, 3 + 4j, True, None, ...",
  // display rules
  "value = 10\nvalue;",
  "value  # a comment after the expression",
  "print('printed'); 'displayed'",
  "3 + 4\n5 + 6",
  "for i in range(3):\n    i",
  "if True:\n    'not displayed'",
  "_, __, ___",
  "Out[max(Out)] is _",
  "print(type(In).__name__, len(In), In[-1][:5], _i[:5], _ii[:5], _iii[:5], _ih is In, _oh is Out)",
  // IPython's own names in the namespace, in its order
  "print(list(globals())[7:16], exit is quit, callable(exit), type(get_ipython).__name__, open.__name__, open.__wrapped__ is __builtins__.open)",
  // output caching and reference counts
  "cached = [1, 2, 3]\nprint(rc(id(cached)))",
  "cached",
  "print(rc(id(cached)))",
  "rc(id(cached))",
  "rc(id(cached))",
  "rc(id(cached))",
  "rc(id(cached))",
  "print(sorted(k for k, v in globals().items() if v is cached), [k for k, v in Out.items() if v is cached] != [])",
  "a = 1000\nprint(rc(id(a)))\nb, c = 2000, 2000\nprint(b is c, rc(id(b)))",
  "if True:\n    d = 3000\n    print(rc(id(d)))",
  "print(rc(id(a)), rc(id(d)))",
  "s1 = 'hello world'\ns2 = 'hello world'\ns3, s4 = 'hello world', 'hello world'\nprint(s1 is s2, s3 is s4, 'hello' is 'hel' + 'lo')",
  "def make():\n    return 424242\nmade = make()\nprint(rc(id(made)))",
  // exceptions and what they keep alive
  "victim = [1, 2, 3]\ndef boom(arg):\n    raise ValueError('boom')\nboom(victim)",
  "print(rc(id(victim)), sys.last_type.__name__, sys.last_value)",
  "try:\n    1 / 0\nexcept ZeroDivisionError as error:\n    raise RuntimeError('wrapped') from error",
  "class LessonError(Exception):\n    pass\nraise LessonError('custom')",
  "undefined_name + 1",
  "x = (",
  "if True:\nprint('bad indent')",
  "print('before')\nreturn 1",
  "def recurse(n):\n    return recurse(n + 1)\nrecurse(0)",
  "{'unhashable': 1}[[]]",
  // nothing to run
  "",
  "   \n",
  "# only a comment",
  "print('after empty cells', len(In))",
];

/** A run with addresses blanked, and recursion depth, which depends on the machinery's own stack depth. */
function comparable(run: CellRun): unknown {
  const normalise = (text: string): string =>
    withoutAddresses(text).replace(/\[Previous line repeated \d+ more times\]/g, "[Previous line repeated N more times]");
  return {
    status: run.status,
    output: normalise(run.output),
    exception: run.exception && {
      type: run.exception.type,
      message: run.exception.message,
      traceback: normalise(run.exception.traceback),
    },
  };
}

const title = ipythonInterpreter
  ? `emulated kernel vs IPython on CPython ${ipythonInterpreter.version}`
  : "emulated kernel vs IPython: skipped, no interpreter with IPython installed (pip install ipython)";

describe.skipIf(!ipythonInterpreter)(title, () => {
  let ipythonEngine: PythonEngine;
  let ipythonRuns: CellRun[];
  let emulatedRuns: CellRun[];

  beforeAll(async () => {
    ipythonEngine = await engineFor(ipythonInterpreter!.executable, "ipython");
    const emulatedEngine = await engineFor(ipythonInterpreter!.executable, "emulated");
    ipythonRuns = await runAll(ipythonEngine, CELLS);
    emulatedRuns = await runAll(emulatedEngine, CELLS);
  });

  it("uses real IPython when asked", () => {
    expect(ipythonEngine.identity).toMatchObject({ kind: "python", kernel: "ipython" });
  });

  it.each(CELLS.map((cell, index) => [index, cell] as const))("cell %i gives the same result: %j", (index) => {
    expect(comparable(emulatedRuns[index]!)).toEqual(comparable(ipythonRuns[index]!));
  });

  it("reproduces the measured IPython reference counts (FACTS 6.2)", () => {
    const outputs = ipythonRuns.map((run) => run.output);
    const first = CELLS.indexOf("cached = [1, 2, 3]\nprint(rc(id(cached)))");
    expect(outputs.slice(first, first + 7)).toEqual(["1\n", "[1, 2, 3]\n", "8\n", "7\n", "7\n", "7\n", "4\n"]);
    const victim = CELLS.indexOf("print(rc(id(victim)), sys.last_type.__name__, sys.last_value)");
    expect(outputs[victim]).toBe("3 ValueError boom\n");
  });
});

const exitTitle = ipythonInterpreter
  ? `sys.exit() in a cell on CPython ${ipythonInterpreter.version}`
  : "sys.exit() in a cell: skipped, no interpreter with IPython installed";

describe.skipIf(!ipythonInterpreter)(exitTitle, () => {
  it("is a SystemExit exception under both kernels, and only real IPython adds its UserWarning", async () => {
    const cells = ["import sys\nsys.exit(3)", "print('still running')"];
    const [ipythonExit, ipythonAfter] = await runAll(await engineFor(ipythonInterpreter!.executable, "ipython"), cells);
    const [emulatedExit, emulatedAfter] = await runAll(await engineFor(ipythonInterpreter!.executable, "emulated"), cells);
    for (const run of [ipythonExit!, emulatedExit!]) {
      expect([run.status, run.exception?.type, run.exception?.message]).toEqual(["exception", "SystemExit", "3"]);
    }
    expect(ipythonExit!.output).toMatch(/UserWarning: To exit: use 'exit', 'quit', or Ctrl-D\./);
    expect(emulatedExit!.output).toBe("");
    expect([ipythonAfter!.output, emulatedAfter!.output]).toEqual(["still running\n", "still running\n"]);
  });
});

const engineTitle = ipythonInterpreter
  ? `the real IPython kernel on CPython ${ipythonInterpreter.version}: engine failures`
  : "the real IPython kernel: skipped, no interpreter with IPython installed";

describe.skipIf(!ipythonInterpreter)(engineTitle, () => {
  it("stops a runaway cell, keeps what it printed, and restarts", async () => {
    const engine = await engineFor(ipythonInterpreter!.executable, "ipython");
    const test = await openSession(engine, { replay: true });
    try {
      await test.run("kept = 'state'");
      const run = await test.run("print('working')\nwhile True:\n    pass", 1_500);
      expect([run.status, run.output]).toEqual(["timeout", "working\n"]);
      const after = await test.run("kept");
      expect([after.status, after.output]).toEqual(["ok", "'state'\n"]);
      expect(test.session.interpreter?.ready.kernel).toBe("ipython");
    } finally {
      await test.close();
    }
  });

  it("reports a segfault as a crash and caps a huge output", async () => {
    const engine = await engineFor(ipythonInterpreter!.executable, "ipython");
    const test = await openSession(engine);
    try {
      const crash = await test.run("import ctypes\nctypes.string_at(0)");
      expect(crash.status).toBe("crash");
      expect(crash.engineMessage).toMatch(/SIGSEGV/);
      const huge = await test.run("print('y' * 3_000_000)");
      expect(huge.output.endsWith(`[lessonkit: output truncated, ${3_000_001 - (1 << 20)} more bytes not shown]\n`)).toBe(true);
    } finally {
      await test.close();
    }
  });

  it("runs `display: repr` lessons with the plain REPL rules even when IPython is there", async () => {
    const engine = await engineFor(ipythonInterpreter!.executable, "ipython");
    const test = await openSession(engine, { display: "repr" });
    try {
      expect(test.session.interpreter?.ready.kernel).toBe("repl");
      expect((await test.run("class A: pass\nA")).output).toBe("<class '__main__.A'>\n");
    } finally {
      await test.close();
    }
  });
});
