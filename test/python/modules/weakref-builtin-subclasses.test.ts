// Weak references to instances of classes over built-in types that have no weak reference list
// of their own (list, dict, float, ...): the class adds one unless __slots__ leaves it out, with
// CPython's __basicsize__ and sys.getsizeof per version, refcounts, callbacks and collection.
import { describe, expect, it } from "vitest";
import { simulate } from "../../support/differential.js";
import { agreesWithCPython } from "./differential-cases.js";

const SUBCLASS_CELLS = [
  "import sys, weakref, gc\nclass Row(list):\n    pass\nrow = Row([1, 2, 3])\nrow_probe = weakref.ref(row)\nprint(row_probe() is row, row_probe())\nprint(sys.getrefcount(row), weakref.getweakrefcount(row), row.__weakref__ is row_probe)",
  "print(Row.__basicsize__, sys.getsizeof(row), '__weakref__' in Row.__dict__, '__dict__' in Row.__dict__)",
  "del row\nprint(row_probe())",
  "class Table(dict): pass\nclass Ratio(float): pass\nclass Bag(set): pass\ntable, ratio = Table(a=1), Ratio(2.5)\nrt_, rr = weakref.ref(table, lambda r: print('table gone')), weakref.ref(ratio)\nprint(rt_() is table, rr(), sys.getrefcount(table), sys.getrefcount(ratio), Table.__basicsize__, Ratio.__basicsize__, sys.getsizeof(ratio), '__weakref__' in Bag.__dict__)\ndel table, ratio\nprint(rt_(), rr())",
  "class Compact(list):\n    __slots__ = ()\nweakref.ref(Compact())",
  "class WithWeak(list):\n    __slots__ = ('__weakref__',)\nw = WithWeak([1])\nrw = weakref.ref(w)\nprint(rw(), WithWeak.__basicsize__, sys.getsizeof(w), hasattr(w, '__dict__'))",
  "class Deeper(Row): pass\nitem = object()\nbefore = sys.getrefcount(item)\nd = Deeper([item])\nrd = weakref.ref(d, lambda r: print('deeper gone'))\nprint(sys.getrefcount(item) - before, Deeper.__basicsize__, rd() is d)\ndel d\nprint(sys.getrefcount(item) - before, rd())",
  "class Cyclic(list): pass\nc = Cyclic()\nc.append(c)\nrc = weakref.ref(c, lambda r: print('cyclic gone'))\ndel c\ngc.collect()\nprint(rc())",
  "class Finalized(list):\n    def __del__(self):\n        print('del sees its reference alive:', probe() is self)\nx = Finalized()\nprobe = weakref.ref(x)\ndel x\nprint(probe())",
  "class Tup(tuple): pass\nweakref.ref(Tup())",
  "class Num(int): pass\nweakref.ref(Num(3))",
  "class Raw(bytes): pass\nweakref.ref(Raw(b'x'))",
];

describe("weak references to instances of built-in subclasses", () => {
  agreesWithCPython("list, dict, float and set subclasses", SUBCLASS_CELLS);

  it("refuses str subclasses, whose layout the simulator does not model as CPython's", async () => {
    const outputs = await simulate("3.12", ["import weakref\nclass Name(str): pass\nweakref.ref(Name('a'))"]);
    expect(outputs).toEqual(["<unsupported: weak references to instances of 'Name' (a str subclass)>\n"]);
  });
});
