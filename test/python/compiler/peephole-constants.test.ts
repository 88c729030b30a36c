// 3.6's peephole optimiser folds bottom-up over bytecode: every operand and every intermediate
// result stays in co_consts, and folded tuples are built from the merged constants already there.
import { agreesWithCPython } from "../../support/agreement.js";

const CELLS = [
  "def day(): return 24 * 60 * 60\nday.__code__.co_consts",
  "def f():\n    a = 'a' * 21\n    return x in [1, 2, 3], x in {4, 5, 6}, (1, 2, 3), 24 * 60\nf.__code__.co_consts",
  "def g():\n    t = ((1, 2), 3)\n    return t[0] is (1, 2)\ng(), g.__code__.co_consts",
  "def h(): return -(1 + 2) * 3, (1, (2, 3)), 2 ** 10 * 2\nh.__code__.co_consts",
  "def k():\n    e, f = 257, 257\n    return e is f\nk(), k.__code__.co_consts",
  "e, f = 257, 257\ne is f",
  "def loop():\n    for step in [10, 20, 30]:\n        pass\nloop.__code__.co_consts",
];

// 3.6 is the version whose folding differs; 3.7 and 3.8 show the AST optimiser on the same cells.
agreesWithCPython("constants left by constant folding", CELLS, ["3.6", "3.7", "3.8"]);
