// sys.getsizeof of lists after every kind of growth and shrinking, per version: list_resize's
// over-allocation, exact preallocation, extend's paths, slices, repeats and displays.
import { describe, expect, it } from "vitest";
import { simulate } from "../../support/differential.js";
import { agreesWithCPython } from "../../support/agreement.js";

const CELLS = [
  "import sys\ndef cap(l): return (sys.getsizeof(l) - sys.getsizeof([])) // 8",
  "l = []\nout = []\nfor i in range(40):\n    l.append(i); out.append(cap(l))\nprint(out)",
  "l = []\nout = []\nfor i in range(20):\n    l.insert(0, i); out.append(cap(l))\nprint(out)",
  "print([cap([i for i in range(n)]) for n in range(20)])",
  "print([cap(list(range(n))) for n in range(12)], [cap(list('x' * n)) for n in range(10)])",
  "print([cap(list(x for x in range(n))) for n in range(20)])",
  "print([cap(list(dict.fromkeys(range(n)))) for n in range(10)], [cap(list(set(range(n)))) for n in range(10)])",
  "print([cap([None] * n) for n in range(8)], [cap([1, 2] * n) for n in range(6)])",
  "out = []\nfor n in range(8):\n    l = list(range(n)); l *= 3; out.append(cap(l))\nprint(out)",
  "out = []\nfor n in range(8):\n    l = list(range(n)); l += [1, 2]; out.append(cap(l))\nprint(out)",
  "out = []\nfor n in range(12):\n    l = list(range(n)); l.extend([1]); a = cap(l); l.extend((1, 2, 3)); b = cap(l); l.extend(x for x in range(5)); out.append((a, b, cap(l)))\nprint(out)",
  "out = []\nfor n in range(8):\n    l = list(range(n)); l[1:1] = [7, 8, 9]; a = cap(l); l[:] = []; b = cap(l); l[0:0] = range(5); c = cap(l); l[2:] = 'ab'; out.append((a, b, c, cap(l)))\nprint(out)",
  "out = []\nfor n in range(12):\n    l = list(range(n)); del l[::2]; out.append(cap(l))\nprint(out)",
  "out = []\nfor n in range(8):\n    l = list(range(n)); l[::2] = range(len(l[::2])); out.append(cap(l))\nprint(out)",
  "out = []\nfor n in range(12):\n    l = list(range(12)); l[n:] = []; out.append(cap(l))\nprint(out)",
  "l = list(range(20))\nout = []\nwhile l:\n    del l[-1]; out.append(cap(l))\nprint(out)",
  "l = list(range(20))\nout = []\nwhile l:\n    l.pop(0); out.append(cap(l))\nprint(out)",
  "l = list(range(10))\nout = []\nfor i in range(10):\n    l.pop(); out.append(cap(l))\nprint(out)",
  "l = [1]; l.pop(); l.extend((1, 2, 3)); a = cap(l)\nl = [1]; del l[0]; l.extend((1, 2, 3)); b = cap(l)\nl = [1, 2]; del l[:]; l.extend((1, 2, 3)); c = cap(l)\nl = [1]; l.remove(1); l.extend((1, 2, 3)); print(a, b, c, cap(l))",
  "l = []; l.extend(range(100)); a = cap(l); l = [1]; l.extend(range(100)); print(a, cap(l))",
  "l = []; l.extend({1: 2, 3: 4}); a = cap(l); l = []; l.extend({1, 2, 3}); b = cap(l); l = []; l.extend({1: 2}.items()); c = cap(l); l = [1]; l.extend({1, 2, 3}); print(a, b, c, cap(l))",
  "print(cap([1, 2, 3]), cap([1, 2, 3, 4, 5]), cap([1, 2]), cap(['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i']), cap([(1, 2), (3, 4), (5, 6)]))",
  "a = 1\nprint(cap([a, a, a]), cap([a] * 1), cap([*range(3)]), cap([*range(3), 1]), cap([*[1, 2], *(3, 4)]))",
  "l = [1, 2, 3]; l.extend(l); a = cap(l); l = [1, 2, 3]; l += l; b = cap(l); l = [1, 2, 3]; l[:] = l; print(a, b, cap(l))",
  "l = [1, 2, 3]; l.clear(); a = cap(l); l.append(1); b = cap(l); l = [3, 1, 2]; l.sort(); l.reverse(); print(a, b, cap(l))",
  "out = []\nfor n in range(8):\n    l = list(range(n)); out.append((cap(l + l), cap(l[:]), cap(l[::2]), cap(l.copy()), cap(l * 2)))\nprint(out)",
  "l = list(range(10)); l.remove(3); a = cap(l); l = list(range(100)); del l[10:]; b = cap(l); del l[::2]; print(a, b, cap(l), l)",
  "print([sys.getsizeof(x) for x in ([], [1], [1, 2], (), (1,), (1, 2, 3))], [].__sizeof__(), [1, 2, 3].__sizeof__())",
];

agreesWithCPython("list sizes", CELLS);

describe("list growth without an interpreter (FACTS §5)", () => {
  it("append grows 3.8+ lists as 56, 88×4, 120×4, 184", async () => {
    const [, shown] = await simulate("3.11", ["import sys", "l = []\nout = [sys.getsizeof(l)]\nfor i in range(9):\n    l.append(i); out.append(sys.getsizeof(l))\nprint(out)"]);
    expect(shown).toBe("[56, 88, 88, 88, 88, 120, 120, 120, 120, 184]\n");
  });

  it("append grows 3.6 lists as 72, 104×4, 136×4, 200", async () => {
    const [, shown] = await simulate("3.6", ["import sys", "l = []\nout = [sys.getsizeof(l)]\nfor i in range(9):\n    l.append(i); out.append(sys.getsizeof(l))\nprint(out)"]);
    expect(shown).toBe("[72, 104, 104, 104, 104, 136, 136, 136, 136, 200]\n");
  });

  it("sizes a display of three constants per version (LIST_EXTEND of a constant tuple from 3.9)", async () => {
    const cell = ["import sys", "print(sys.getsizeof([1, 2, 3]), sys.getsizeof(list(range(3))))"];
    expect((await simulate("3.8", cell))[1]).toBe("80 80\n");
    expect((await simulate("3.9", cell))[1]).toBe("120 80\n");
    expect((await simulate("3.10", cell))[1]).toBe("88 88\n");
  });
});
