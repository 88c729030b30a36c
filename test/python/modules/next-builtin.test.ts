// next(): a generator's return value reaches the caller as StopIteration.value, a default
// swallows it, and a __next__ that raises StopIteration(value) passes its value on.
import { agreesWithCPython } from "../../support/agreement.js";

const CELLS = [
  "def finished():\n    yield 1\n    return 'done'\nit = finished()\nnext(it)",
  "try:\n    next(it)\nexcept StopIteration as stop:\n    print(repr(stop.value), stop.args)",
  "def plain():\n    yield 1\nit = plain()\nnext(it)\ntry:\n    next(it)\nexcept StopIteration as stop:\n    print(repr(stop.value), stop.args)",
  "it = finished()\nnext(it)\nnext(it, 'default')",
  "class Counter:\n    def __iter__(self): return self\n    def __next__(self): raise StopIteration(5)\ntry:\n    next(Counter())\nexcept StopIteration as stop:\n    print(stop.value)",
  "import sys\nresult = [1000]\ndef gives():\n    yield\n    return result\ng = gives()\nnext(g)\ntry:\n    next(g)\nexcept StopIteration as stop:\n    print(stop.value is result, sys.getrefcount(result))",
];

agreesWithCPython("next() and StopIteration values", CELLS);
