// The list operations that work on packed ints where they are held (list-packed-ints.ts): each
// must answer as on the same list with every int an object (values, relative addresses,
// refcounts), and leave the list packed (a regression to unpacking everything fails here).
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { NotebookSession } from "../../../src/python/session/session.js";
import { getProfile } from "../../../src/python/profiles/table.js";
import { namespaceValue } from "../../../src/python/session/namespace.js";
import { rt } from "../../../src/python/runtime/state.js";
import type { PyList } from "../../../src/python/runtime/types/list.js";

/**
 * `xs` and `ys` are filled alike by appends, so both pack their ints; `ys` is then unpacked
 * (every int an object again). `probe(L)` prints what an operation shows on a list: only
 * values, refcounts and addresses relative to `before` (the list's ids beforehand), which
 * agree between the two lists.
 */
const SETUP = `
import sys, gc
def filled(offset=7):
    made = []
    for n in range(200):
        made.append(n * 1000 + offset)
    return made
def ids(L):
    return [id(x) for x in L]
def moved(L, before):
    where = {address: index for index, address in enumerate(before)}
    return [where.get(id(x), -1) for x in L]
xs = filled()
ys = filled()
`;

/**
 * Each case: the operation on `L` (with `before` its ids), printing what it shows; `shares`
 * when it hands L's ints to another list or to Python code for a while, after which they
 * stay objects until a loop over L packs them again.
 */
const CASES: { name: string; body: string; shares?: true }[] = [
  { name: "repr", body: "print(repr(L)[-40:], str(L)[:30], len(repr(L)))" },
  {
    name: "comparisons",
    body: "other = filled()\nprint(L == other, L != other, L < other + [1], L > filled(6), L == other[:-1] + [5], L <= other, [L] == [other], L == L)",
  },
  {
    name: "membership, index and count",
    body: "print(7007 in L, 7008 in L, 7007.0 in L, True in L, 2**70 in L, L.index(50007), L.index(199007, -5), L.count(99007), L.count(3), L.count(99007.0))",
  },
  { name: "remove", body: "L.remove(int('40007'))\nL.remove(40007.0 + 1000)\nprint(len(L), L[38:42], moved(L, before)[35:45], sys.getrefcount(L[45]))" },
  {
    name: "pop and insert",
    body: "last = L.pop()\nmiddle = L.pop(50)\nfirst = L.pop(0)\nL.insert(10, 77777)\nL.insert(-1, last)\nL.insert(0, middle)\nprint(len(L), L[:3], L[8:13], L[-3:], moved(L, before)[:14], moved([last, middle, first], before), sys.getrefcount(L[1]), sys.getrefcount(last))",
  },
  {
    name: "item and slice assignment",
    body: "L[20] = L[21] + 1\nL[-1] = 5\ndel L[30]\ndel L[40:43]\nL[60:62] = [5, 6, 7]\nL[100:100] = [L[0] * 3]\nprint(len(L), L[18:23], L[58:64], L[99:102], moved(L, before), sys.getrefcount(L[20]), sys.getrefcount(L[99]))",
  },
  { name: "reversal", body: "L.reverse()\nprint(L[:3], moved(L, before)[:5], L[::-50], sum(reversed(L)), L.index(7))" },
  {
    name: "iteration",
    body: "t = 0\nfor x in L:\n    t += x\nfor i in range(len(L)):\n    t += L[i]\nprint(t, ids(L) == before, [sys.getrefcount(x) for x in L[:3]], sum(1 for x in reversed(L)), max(L), min(L))",
  },
  {
    name: "indexed updates",
    body: "for i in range(len(L)):\n    L[i] += 1\nafter = ids(L)\nprint(L[:3], sum(a != b for a, b in zip(before, after)), len(set(after)), len(set(before) & set(after)))",
  },
  {
    name: "extend",
    body: "L.extend(range(5000, 5100))\nL += [x * 3 for x in range(400, 470)]\nL.extend(map(int, ['70000', '70001']))\nprint(len(L), sum(L), L[198:203], moved(L, before)[195:202], sys.getrefcount(L[250]))",
  },
  {
    name: "copies",
    body: "print(moved(L[::-3], before)[:5], moved(list(reversed(L)), before)[:5], (L + [1])[-3:], moved(L * 2, before)[198:202], moved(sorted(L), before)[:3], moved(tuple(L), before)[-2:], L[:-1] < L)",
    shares: true,
  },
  // get_referents makes every int again (the list keeps packing).
  {
    name: "gc traversal",
    body: "L.append(L)\nrefs = gc.get_referents(L)\nprint(len(refs), refs[0] is L, moved(refs[1:], before)[:5], any(r is L for r in gc.get_referrers(L[150])), gc.collect() >= 0)\ndel refs\nL.pop()",
    shares: true,
  },
];

function packedSlotCount(list: PyList): number {
  return list.storage.filter((slot) => typeof slot === "number").length;
}

describe("packed int lists answer as unpacked ones", () => {
  let session: NotebookSession;
  const run = (source: string): string => {
    const result = session.runCell(source, { timeoutMs: 10_000, maxSteps: 10_000_000 });
    expect(result.status, result.exception?.lastLine).toBe("ok");
    return result.output;
  };
  const listNamed = (name: string): PyList => namespaceValue(rt.currentGlobals!, name) as PyList;

  beforeEach(() => {
    session = new NotebookSession(getProfile("3.11"), { display: "pretty" });
    run(SETUP);
    // Every int an object again in ys (what any generic use of `items` does).
    void listNamed("ys").items;
  });
  afterEach(() => session.close());

  it.each(CASES)("$name", ({ body, shares }) => {
    expect(packedSlotCount(listNamed("xs"))).toBeGreaterThan(130);
    expect(packedSlotCount(listNamed("ys"))).toBe(0);
    run(`def probe(L, before):\n${body.split("\n").map((line) => `    ${line}`).join("\n")}\n`);
    const packed = run("probe(xs, ids(xs))");
    const unpacked = run("probe(ys, ids(ys))");
    expect(packed).toBe(unpacked);
    expect(listNamed("xs").packedOffsets).not.toBeNull();
    if (shares) run("for x in xs:\n    pass");
    expect(packedSlotCount(listNamed("xs"))).toBeGreaterThan(100);
  });

  it("list(range(n)) and extend by iteration pack the ints only the list holds", () => {
    run("zs = list(range(10_000, 10_300))\nshared = list(zs)\nws = []\nws.extend(x * 2 for x in range(10_000, 10_300))");
    expect(packedSlotCount(listNamed("zs"))).toBe(0);
    expect(packedSlotCount(listNamed("shared"))).toBe(0);
    expect(packedSlotCount(listNamed("ws"))).toBeGreaterThan(200);
    run("del shared\nvs = list(range(20_000, 20_300))");
    expect(packedSlotCount(listNamed("vs"))).toBe(300 - 64);
    expect(run("print(vs[64], id(vs[100]) == id(vs[100]), sys.getrefcount(vs[200]), sum(vs))")).toBe("20064 True 2 6044850\n");
  });
});
