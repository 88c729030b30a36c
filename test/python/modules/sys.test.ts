// sys: version information coherent with the profile, sizes as FACTS §5 measured them, the
// recursion limit, intern, exc_info/exception, stdout/stderr, and refusals by name.
import { describe, expect, it } from "vitest";
import { simulate } from "../../support/differential.js";
import { agreesWithCPython } from "./differential-cases.js";

const MISC_CELLS = [
  "import sys",
  "sys.version_info[:2] == (sys.version_info.major, sys.version_info.minor), sys.version_info >= (3, 6), type(sys.version_info).__name__, sys.version_info.releaselevel",
  "sys.hexversion >> 16 == (sys.version_info[0] << 8) + sys.version_info[1], hex(sys.hexversion)[-2:], sys.version.split()[0] == '%d.%d.%d' % sys.version_info[:3]",
  "sys.version_info[2] == sys.version_info.micro, len(sys.version_info)",
  "sys.maxsize, sys.maxsize == 2**63 - 1, sys.maxunicode, sys.byteorder",
  "sys.setrecursionlimit(2000)\nsys.getrecursionlimit()",
  "sys.setrecursionlimit(0)",
  "sys.setrecursionlimit(-5)",
  "sys.setrecursionlimit('a')",
  "sys.setrecursionlimit(1.5)",
  "sys.setrecursionlimit(2**40)",
  "sys.setrecursionlimit(1000)\nsys.getrecursionlimit(1)",
  "s = 'hello world!'\nt = ''.join(['hello', ' world!'])\nprint(s is t, sys.intern(t) is sys.intern(s), sys.intern(t) == t)",
  "sys.intern(1)",
  "sys.intern()",
  "sys.intern('a', 'b')",
  "class MyStr(str): pass\nsys.intern(MyStr('x'))",
  "sys.getrefcount()",
  "sys.exc_info()",
  "try:\n    {}['k']\nexcept KeyError:\n    info = sys.exc_info()\n    print(info[0], repr(info[1]))",
  "sys.stdout.write('abc\\n')",
  "print('to stderr', file=sys.stderr)\nprint('to stdout', file=sys.stdout, flush=True)",
  "sys.stdout.write(5)",
  "sys.nope",
  "sys.exit('bye')",
  "try:\n    sys.exit(3)\nexcept SystemExit as stop:\n    print('exit code', stop.code)",
];

const EXCEPTION_CELLS = [
  "import sys\nprint(sys.exception())",
  "try:\n    1 / 0\nexcept ZeroDivisionError:\n    print(repr(sys.exception()))",
];

const SIZE_CELLS = [
  "import sys",
  "sys.getsizeof([]), sys.getsizeof(()), sys.getsizeof((1, 2, 3)), sys.getsizeof(0), sys.getsizeof(1), sys.getsizeof(2**30), sys.getsizeof(2**60), sys.getsizeof(-1)",
  "sys.getsizeof(1.5), sys.getsizeof(True), sys.getsizeof(None), sys.getsizeof({}), sys.getsizeof({'a': 1}), sys.getsizeof(set()), sys.getsizeof(frozenset())",
  "sys.getsizeof(object()), sys.getsizeof(b''), sys.getsizeof(range(10)), sys.getsizeof(1j)",
  "grow = []\nsizes = []\nfor i in range(10):\n    sizes.append(sys.getsizeof(grow)); grow.append(i)\nsizes",
  "sys.getsizeof(1, 2), sys.getsizeof(object=5)",
  "sys.getsizeof()",
  "sys.getsizeof(1, 2, 3)",
  "sys.getsizeof(1, object=2)",
  "class Bad:\n    def __sizeof__(self): return -1\nsys.getsizeof(Bad())",
  "class Weird:\n    def __sizeof__(self): return 'x'\nsys.getsizeof(Weird(), 7)",
  "sys.getsizeof(Weird())",
];

agreesWithCPython("sys: versions, limits, intern, exc_info, streams", MISC_CELLS);
agreesWithCPython("sys.exception() (3.11+)", EXCEPTION_CELLS, ["3.11", "3.12", "3.13"]);
agreesWithCPython("sys.getsizeof", SIZE_CELLS);

/** FACTS §5 (64-bit, measured on 3.6.15 … 3.13.0): [], (1,2,3), 0, None, {}, {'a':1}, set(), object(), 1j. */
const FACTS_SIZES = new Map<string, readonly number[]>([
  ["3.6", [72, 80, 24, 16, 248, 248, 232, 16, 32]],
  ["3.7", [72, 80, 24, 16, 248, 248, 232, 16, 32]],
  ["3.8", [56, 64, 24, 16, 64, 232, 216, 16, 32]],
  ["3.9", [56, 64, 24, 16, 64, 232, 216, 16, 32]],
  ["3.10", [56, 64, 24, 16, 64, 232, 216, 16, 32]],
  ["3.11", [56, 64, 28, 16, 64, 184, 216, 16, 32]],
  ["3.12", [56, 64, 28, 16, 64, 184, 216, 16, 32]],
  ["3.13", [56, 64, 28, 16, 64, 184, 216, 16, 32]],
]);

describe("sys.getsizeof on every profile agrees with FACTS §5", () => {
  for (const [profile, expected] of FACTS_SIZES) {
    it(`profile ${profile}`, async () => {
      const [, output] = await simulate(profile, [
        "import sys",
        "print([sys.getsizeof(v) for v in ([], (1, 2, 3), 0, None, {}, {'a': 1}, set(), object(), 1j)])",
      ]);
      expect(output).toBe(`[${expected.join(", ")}]\n`);
    });
  }
  it.skip("profile 3.14: FACTS §5 has only wasm32 (Pyodide) measurements, no 64-bit ones to compare with", () => undefined);
});

describe("sys: what differs from a real kernel on purpose", () => {
  it("says it is the simulator in sys.version, with the profile's version number", async () => {
    const [, version] = await simulate("3.11", ["import sys", "sys.version"]);
    expect(version).toBe("'3.11.7 (main, simulated) [lessonkit CPython simulator]'\n");
  });

  it("refuses sys attributes it does not model instead of raising AttributeError", async () => {
    const [, flags, frame] = await simulate("3.12", ["import sys", "sys.flags", "sys._getframe()"]);
    expect(flags).toBe("<unsupported: sys.flags>\n");
    expect(frame).toBe("<unsupported: sys._getframe>\n");
  });

  it("starts with IPython's recursion limit and ends a recursion the JavaScript stack cannot hold as unsupported", async () => {
    const [, limit, deep] = await simulate("3.12", [
      "import sys",
      "sys.getrecursionlimit()",
      "sys.setrecursionlimit(1_000_000)\ndef down(n):\n    return down(n + 1)\ndown(0)",
    ]);
    expect(limit).toBe("3000\n");
    expect(deep).toMatch(/^<unsupported: recursion this deep: the simulator's JavaScript stack ran out before Python's recursion limit \(1000000\)>/);
  });

  it("keeps CPython's default limit of 1000 under `display: repr` (python -i), where IPython has 3000", async () => {
    const [, limit, deep] = await simulate(
      "3.12",
      ["import sys", "sys.getrecursionlimit()", "def down(n):\n    return down(n + 1)\ndown(0)"],
      "repr",
    );
    expect(limit).toBe("1000\n");
    expect(deep).toBe("RecursionError: maximum recursion depth exceeded\n");
  });

  it("refuses by name to handle a RecursionError from the limit: its depth counts the kernel's frames", async () => {
    const source = (handler: string) => `count = 0\ndef down():\n    global count\n    count += 1\n    down()\ntry:\n    down()\n${handler}`;
    const refusal = /^<unsupported: handling a RecursionError from the recursion limit/;
    const [caught, suppressed, ownError] = await simulate(
      "3.12",
      [
        source("except RecursionError:\n    print(count)"),
        `class Suppress:\n    def __enter__(self):\n        return self\n    def __exit__(self, *exc):\n        return True\nwith Suppress():\n    ${source("finally:\n    pass").replace(/\n/g, "\n    ")}`,
        "try:\n    raise RecursionError('mine')\nexcept RecursionError as e:\n    print(e)",
      ],
      "repr",
    );
    expect(caught).toMatch(refusal);
    expect(suppressed).toMatch(refusal);
    expect(ownError).toBe("mine\n");
  });

  it("refuses by name a recursion through built-in code where CPython's C-level checks stop it (all but 3.11)", async () => {
    const cells = [
      "class Loop:\n    def __repr__(self):\n        return repr(self)\nrepr(Loop())",
      "def down(n):\n    return down(n + 1)\ndown(0)",
      "def pick(x):\n    return down(x)\nsorted([1, 2], key=pick)",
    ];
    for (const version of ["3.6", "3.10", "3.11", "3.12", "3.13"]) {
      const [throughRepr, plain, callbackAtTheBottom] = await simulate(version, cells, "repr");
      if (version === "3.11") expect(throughRepr).toBe("RecursionError: maximum recursion depth exceeded\n");
      else expect(throughRepr, version).toMatch(/^<unsupported: a recursion through built-in code reaching the recursion limit/);
      // A plain recursion, and one with a single callback below it, end as CPython's do.
      expect(plain, version).toBe("RecursionError: maximum recursion depth exceeded\n");
      expect(callbackAtTheBottom, version).toBe("RecursionError: maximum recursion depth exceeded\n");
    }
  });

  it("has no sys.exception before 3.11, as CPython", async () => {
    const [, missing] = await simulate("3.10", ["import sys", "sys.exception()"]);
    expect(missing).toBe("AttributeError: module 'sys' has no attribute 'exception'\n");
  });
});
