// The fast paths of built-in calls agree with CPython at their edges.
// Calls without keywords skip argument copies (str(), str methods, METH_O/METH_NOARGS method
// descriptors), join reads lists in place, int reprs skip kind scans and sum keeps a number
// total: each cell sits at a boundary where a fast path hands over to the general one.
import { agreesWithCPython } from "../../support/agreement.js";

/** Cells written for this test; each shows one value or one exception line. */
const CELLS = [
  "str()",
  "str(12)",
  "str(1, 2, 3, 4)",
  "str(b'abc', 'ascii')",
  "str(b'a', 'ascii', 'strict', 'x')",
  "str(object=5)",
  "str(5, object=5)",
  "str(bad=1)",
  "class S(str): pass",
  "(type(S(5)).__name__, S(5), S())",
  "'a,b'.split(',', 1, 2)",
  "'a,b'.split(sep=',')",
  "'a,b'.split(',', sep=',')",
  "'a,b'.split(',', -1)",
  "'abc'.find()",
  "'abc'.find('b', 0, 3, 4)",
  "'abc'.find('c', 1)",
  "'x'.encode('utf-8', 'strict', 3)",
  "'x'.encode(errors='strict')",
  "'a'.zfill()",
  "','.join(['a', 1])",
  "','.join(('x',)) is ','.join(('x',))",
  "','.join(['a', 'b', 'c'])",
  "','.join(iter(['x', 'y']))",
  "','.join(x for x in 'abc')",
  "','.join(5)",
  "','.join([S('a')]).__class__.__name__",
  "','.join([S('a'), 'b'])",
  "items = ['a b', 'c d']",
  "import sys",
  "before = [sys.getrefcount(x) for x in items]",
  "'-'.join(items), [sys.getrefcount(x) for x in items] == before",
  "[repr(i) for i in (0, 7, -3, 10, -10, 255, 256, 2**53, 2**64, -2**70)]",
  "[sys.getsizeof(str(i)) for i in (12, -345, 2**40, 2**70)]",
  "sum([1, 2**60, 2**60, 2**62])",
  "sum([2**53 - 1, 1, 1, -5])",
  "sum([-2**53 + 1, -1, -1])",
  "sum([2**63 - 10, 5, 5, 1, -3])",
  "sum([2**62, 2**62, 2**62])",
  "sum([1, True, 2.5])",
  "sum([1, 2], 2**70)",
  "sum([1, 2**80, 3])",
  "sum(range(10), start=-3)",
  "sum([1, 'a'])",
];

agreesWithCPython("built-in call fast paths", CELLS);

/** list.append and list.copy arity errors: named "list.append" only from 3.9 in CPython. */
const METHOD_DESCRIPTOR_CELLS = [
  "list.append()",
  "list.append([])",
  "list.append([], 1, 2)",
  "[].append()",
  "[].append(1, 2)",
  "[].append(x=1)",
  "list.append([], x=1)",
  "[].copy(1)",
  "list.copy([], 1)",
  "list.copy([])",
  "list.copy([], x=1)",
  "xs = []",
  "list.append(xs, 1), xs.append(2), xs",
  "dict.fromkeys()",
  "sorted(dict.fromkeys('ab'))",
  "int.from_bytes(b'\\x01', 'big')",
];

agreesWithCPython("method descriptor fast paths", METHOD_DESCRIPTOR_CELLS, ["3.9", "3.10", "3.11", "3.12", "3.13"]);
