// eval() and exec() of source strings against real CPython: a new '<string>' unit per call
// (interning of name-like constants, merging inside one unit), globals and '__builtins__',
// argument errors, SyntaxErrors and runtime errors from '<string>', and what stays refused.
import { describe, expect, it } from "vitest";
import { simulate } from "../../support/differential.js";
import { agreesWithCPython } from "./differential-cases.js";

const UNIT_CELLS = [
  "def shared_across_units(text):\n    first = eval(repr(text))\n    second = eval(repr(text))\n    return first is second\nfor text in ['hello', 'hello_world', '_private', 'abc123', 'hello world', 'hello!', 'a-b', 'Straße']:\n    print(repr(text), shared_across_units(text))",
  "s1 = 'hello world'; s2 = 'hello world'; print(s1 is s2)\nscript = {}\nexec('s1 = \"hello world\"\\ns2 = \"hello world\"\\n', script)\nprint(script['s1'] is script['s2'], sorted(script), type(script['__builtins__']).__name__)",
  "v = eval(\"'hello_' + 'world'\"); w = eval(\"'hello_world'\"); print(v is w, eval(\"'hello_world'\") is w)",
  "import sys\nbig = eval('10 ** 6')\nprint(sys.getrefcount(big), eval('(1, 2, 3)') is eval('(1, 2, 3)'))",
  "x = 1000\nprint(eval('x + 1'), eval('[x, x]'), eval('  x'), eval('\\tx'))\nexec('y = x * 2')\nprint(y)",
  "ns = {'a': 3}\nexec('b = a + 1\\nc = [b] * 2', ns)\nprint(ns['b'], ns['c'], eval('a * b', ns), eval('a', None, None))\nbefore = sys.getrefcount(ns)\neval('0', ns)\nprint(sys.getrefcount(ns) - before)",
  "exec('def double(a):\\n    return a * 2\\n')\nprint(double(21), double.__code__.co_filename, double.__globals__ is globals())",
  "exec('print(__name__)'); exec('print(__name__ if \"__name__\" in globals() else \"none\")', {})",
  "exec('\"\"\"module doc\"\"\"\\nq = 1', space := {})\nprint(space['__doc__'], space['q'])",
  "def local_literals():\n    return eval('1 + 2'), eval('\"abc\"'), eval('[None, True]')\nlocal_literals()",
  "eval('lambda: 0', {})()",
  "exec('1 is 1')\nexec('1 is 1')\nprint(eval('\"a\" is \"a\"'))",
  "exec('pattern = \"\\\\d\"')\nprint(pattern)",
];

const ERROR_CELLS = [
  "eval(1)",
  "exec(1)",
  "eval('1', [])",
  "exec('1', [])",
  "eval('1', {}, 3)",
  "exec('1', {}, 3)",
  "eval()",
  "exec()",
  "eval('1', {}, {}, {})",
  "eval('1 +')",
  "exec('x = (')",
  "eval('x = 1')",
  "eval('')",
  "exec('return 1')",
  "eval('a\\0')",
  "try:\n    eval('1 +')\nexcept SyntaxError as error:\n    print(error.filename, error.lineno, str(error))",
  "try:\n    exec('return 1')\nexcept SyntaxError as error:\n    print(error.filename, error.lineno, error.msg)",
  "exec('1/0')",
  "eval('undefined_name')",
  "exec('print(1)', {'__builtins__': {}})",
];

describe("eval and exec", () => {
  agreesWithCPython("one new unit per call", UNIT_CELLS);
  agreesWithCPython("errors", ERROR_CELLS);

  it("refuses what it cannot model instead of answering", async () => {
    const outputs = await simulate("3.12", [
      "def f(v):\n    return eval('v')\nf(1)",
      "exec('z = 1', {}, {})",
      "eval(compile('1', '<s>', 'eval'))",
    ]);
    expect(outputs).toEqual([
      "<unsupported: eval() of code using names inside a function (its locals are the namespace)>\n",
      "<unsupported: exec() with a locals mapping other than its globals>\n",
      "<unsupported: compile()>\n",
    ]);
  });
});
