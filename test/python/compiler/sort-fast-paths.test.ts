// list.sort's merges and its exact-int / exact-str comparisons against real CPython: the same
// results, the same comparisons in the same order, the same partial order when one raises.
import { describe, expect, it } from "vitest";
import { cpython, simulate } from "../../support/differential.js";

const LCG = "def lcg(seed, n, mod):\n    out = []\n    for _ in range(n):\n        seed = (seed * 1103515245 + 12345) % 2**31\n        out.append(seed % mod)\n    return out";

const CELLS = [
  LCG,
  // Large enough for galloping merges in both directions, with runs and duplicates.
  "xs = lcg(1, 5000, 1000) + list(range(3000)) + list(range(2000, 0, -1)) + lcg(2, 3000, 10**12)\nys = sorted(xs)\nys == sorted(xs, key=lambda v: v) and all(ys[i] <= ys[i + 1] for i in range(len(ys) - 1)), sum(ys[::97])",
  "big = [v * 10**30 - 5 for v in lcg(3, 2000, 50)] + lcg(4, 2000, 50)\nbig.sort()\nbig[:3], big[-3:], big[1000:1003]",
  // Strs with astral characters and lone surrogates sort by code point.
  "ss = [chr(0x10000 + v) + 'a' for v in lcg(5, 300, 40)] + [chr(0xE000 + v) for v in lcg(6, 300, 40)] + ['\\ud800x', 'abc', 'ab', '']\nss.sort()\n[hex(ord(s[0])) if s else '' for s in ss[::37]]",
  "ws = [str(v) for v in lcg(7, 4000, 100000)]\nws.sort(reverse=True)\nws[:4], ws[-4:]",
  // Stability with a key function, values moving with keys.
  "pairs = list(zip(lcg(8, 3000, 20), range(3000)))\npairs.sort(key=lambda p: p[0])\npairs[:5], pairs[1500:1505], pairs[-5:]",
  // Every comparison is visible: count and order them, and stop part-way with an exception.
  "class K:\n    log = []\n    def __init__(self, v):\n        self.v = v\n    def __lt__(self, other):\n        K.log.append((self.v, other.v))\n        if len(K.log) == 12000:\n            raise ValueError('stop')\n        return self.v < other.v\nks = [K(v) for v in lcg(9, 1500, 100)]\ntry:\n    ks.sort()\nexcept ValueError as e:\n    print('raised', e)\nprint(len(K.log), K.log[:5], K.log[-5:], hash(tuple(K.log)))\n[k.v for k in ks][:20]",
  "K.log.clear()\nks = [K(v) for v in lcg(10, 600, 1000)]\nks.sort()\nlen(K.log), hash(tuple(K.log)), [k.v for k in ks][:10]",
  // Equal ints that are distinct objects keep their order (stability of the number path).
  "objs = [int(str(v + 1000)) for v in lcg(12, 3000, 40)]\nposition = {id(o): i for i, o in enumerate(objs)}\nforward = [position[id(o)] for o in sorted(objs)]\nbackward = [position[id(o)] for o in sorted(objs, reverse=True)]\nforward == sorted(range(len(objs)), key=lambda i: objs[i]), backward[:8], forward[:8]",
  "mixed = lcg(13, 1000, 100) + [2**70, -2**70]\nmixed.sort()\nmixed[:2], mixed[-2:], sum(mixed[::50])",
  "ts = [(v, -v) for v in lcg(11, 2000, 300)]\nts.sort()\nts[:3], ts[-3:]",
];

for (const version of ["3.8", "3.10", "3.11", "3.13"]) {
  describe(`list.sort merges and fast comparisons, profile ${version}`, async () => {
    const real = await cpython(version, CELLS);
    it.skipIf(real === null)(`match CPython ${version}${real === null ? ` (CPython ${version} not installed)` : ""}`, async () => {
      expect(await simulate(version, CELLS)).toEqual(real);
    });
  });
}
