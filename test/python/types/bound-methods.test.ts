// Bound methods compare by function and by the object they are bound to: equality of that
// object up to 3.7, identity from 3.8.
import { agreesWithCPython } from "../../support/agreement.js";

const CELLS = [
  "class A:\n    def m(self): pass\n    def __eq__(self, other): return True\n    __hash__ = object.__hash__\na, b = A(), A()\na.m == a.m, a.m is a.m, a.m != a.m",
  "a.m == b.m, a.m != b.m",
  "a.m == A.m, a.m == 1, [].append == [].append",
  "class B(A): pass\nB().m == a.m",
];

agreesWithCPython("bound method comparison", CELLS);
