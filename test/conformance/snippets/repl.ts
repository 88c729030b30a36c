// Snippets for lessons with `display: repr` (plain `python -i` rules): echoed values, builtins._,
// and one compiled unit per top-level statement where `;` keeps statements in one unit.
import { snippet, type Snippet } from "../support/snippet.js";

const REPL = { display: "repr" } as const;

export const replSnippets: readonly Snippet[] = [
  snippet("echo uses repr", ["'text'", "[1, 'a']", "None", "3.0"], REPL),
  snippet("echo of an instance uses the plain repr", ["class Shape:\n    pass", "Shape()", "Shape"], REPL),
  snippet("echo of a function", ["def area(w, h=1):\n    pass", "area", "len"], REPL),
  snippet("long lists are not broken in repr mode", ["list(range(40))"], REPL),
  snippet("sets are not sorted in repr mode", ["{'pear', 'apple', 'fig'}", "{10, 3, 100}"], REPL),
  snippet("underscore holds the last echoed value", ["6 * 7", "_ + 1", "None", "_"], { ...REPL, fresh: true }),
  snippet("one line with semicolons is one unit", ["a = 500; b = 500; print(a is b)", "c = 500\nd = 500\nprint(c is d)"], REPL),
  snippet("strings on one line share a constant", ["x = 'hello world'; y = 'hello world'; print(x is y)"], REPL),
  snippet("constant refcount on one line", ["import ctypes\ncount_at = lambda address: ctypes.c_long.from_address(address).value", "big = 1000; print(count_at(id(big)))", "print(count_at(id(big)))"], {
    ...REPL,
    fresh: true,
  }),
  snippet("echoed list gains the underscore reference", [
    "import ctypes\ncount_at = lambda address: ctypes.c_long.from_address(address).value",
    "items = [1, 2]",
    "print(count_at(id(items)))",
    "items",
    "print(count_at(id(items)))",
    "0",
    "print(count_at(id(items)))",
  ], { ...REPL, fresh: true }),
  snippet("exception stops the rest of the cell", ["print('first')\n1 / 0\nprint('never')", "print('next cell')"], REPL),
  snippet("every expression statement is echoed", ["1\n2\n'three'"], REPL),
  snippet("compound statement values are not echoed", ["for n in range(2):\n    n"], REPL),
  snippet("every expression of a semicolon line is echoed", ["1; 'two'; [3]", "x = 4; x; x + 1"], REPL),
  snippet("expressions in ifs, loops and with blocks are echoed", ["if True:\n    'yes'\nelse:\n    'no'", "for c in 'ab':\n    c\n    c.upper()", "try:\n    1 / 0\nexcept ZeroDivisionError:\n    'caught'"], REPL),
  snippet("expressions in function and class bodies are not echoed", ["def f():\n    'inside'\n    return 1", "f()", "class K:\n    'doc'\n    7"], REPL),
  snippet("a line's literals are dropped when its unit has run", [
    "import sys",
    "s = 'a' * 3\nt = 'literal on its own line ' * 1\nprint(sys.getrefcount(t))",
    "u = 1234567; v = 1234567; print(u is v, sys.getrefcount(u))",
  ], { ...REPL, fresh: true }),
  snippet("trailing semicolon still echoes in repr mode", ["7;"], REPL),
  snippet("repr mode shows multi-line reprs as is", ["class Tall:\n    def __repr__(self):\n        return 'a\\nb'", "Tall()"], REPL),
];
