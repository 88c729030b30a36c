// list.sort() and sorted() against CPython 3.6–3.13: the comparisons timsort makes (count_run, binary
// insertion, galloping merges, merge_collapse/powersort), stability, key functions and errors mid-sort.
import { agreesWithCPython } from "../../support/agreement.js";

const CELLS = [
  "class K:\n    log = []\n    def __init__(self, v): self.v = v\n    def __lt__(self, o):\n        K.log.append((self.v, o.v))\n        return self.v < o.v\n    def __repr__(self): return 'K%d' % self.v\ndef lcg(seed, n, mod):\n    out = []\n    for _ in range(n):\n        seed = (seed * 1103515245 + 12345) % 2**31\n        out.append(seed % mod)\n    return out",
  "for n in (5, 20, 63, 64, 65, 100, 130, 257, 600):\n    for mod in (3, 50, 1000):\n        data = lcg(n * 7 + mod, n, mod)\n        K.log = []\n        items = [K(v) for v in data]\n        items.sort()\n        print(n, mod, len(K.log), hash(tuple(K.log)) % 1000003, [k.v for k in items] == sorted(data))",
  "for n in (30, 100, 300):\n    data = lcg(n, n, 40)\n    K.log = []\n    items = [K(v) for v in data]\n    items.sort(reverse=True)\n    print(n, len(K.log), hash(tuple(K.log)) % 1000003)\n    K.log = []\n    items = sorted(data, key=K)\n    print(n, len(K.log), hash(tuple(K.log)) % 1000003, items == sorted(data))",
  "data = list(range(50)) + list(range(100, 0, -1)) + [5] * 30 + list(range(40))\nK.log = []\nitems = [K(v) for v in data]\nitems.sort()\nprint(len(K.log), hash(tuple(K.log)) % 1000003)",
  "class Boom:\n    n = 0\n    def __init__(self, v): self.v = v\n    def __lt__(self, o):\n        Boom.n += 1\n        if Boom.n == 40: raise ValueError('boom')\n        return self.v < o.v\n    def __repr__(self): return str(self.v)\nfor n in (10, 70, 200):\n    Boom.n = 0\n    items = [Boom(v) for v in lcg(n, n, 100)]\n    try:\n        items.sort()\n    except ValueError as e:\n        print(n, e, items[:30])",
  "for n in (10, 70, 200):\n    Boom.n = 0\n    items = lcg(n, n, 100)\n    try:\n        items.sort(key=Boom, reverse=True)\n    except ValueError as e:\n        print(n, e, items[:30])",
  "l = [3, 1, 2]\ndef key(x):\n    l.append(x)\n    return x\ntry:\n    l.sort(key=key)\nexcept ValueError as e:\n    print(e)\nprint(l)",
  "l = [3, 1, 2]\ndef key(x):\n    print(len(l), l)\n    return x\nl.sort(key=key); print(l)",
  "print(sorted([(2, 'b'), (1, 'z'), (2, 'a'), (1, 'a')]), sorted(['b', 'A', 'a', 'B']), sorted([3.5, 1, 2.25, -1]), sorted([10**30, 5, -10**20]))",
  "print(sorted('hello world', reverse=True), sorted([[2, 1], [1, 2], [1]]), sorted(['é', 'e', 'z', '€', '😀', 'a']))",
  "l = [(1, K(3)), (1, K(1)), (0, K(9))]\nK.log = []\nl.sort()\nprint(l, K.log)",
  "l = [1, 'a', 2]\ntry:\n    l.sort()\nexcept TypeError as e:\n    print(e, l)\nl = [2.5, 1, 'x', None]\ntry:\n    l.sort(reverse=True)\nexcept TypeError as e:\n    print(e, l)",
  "import sys\na = object()\nl = [a, a, a]\nprint(sys.getrefcount(a))\nl.sort(key=id); l.sort(key=lambda x: 0, reverse=True)\nprint(sys.getrefcount(a), sys.getsizeof(l))",
  // Equal ints, floats and strs that are distinct objects: the order of their identities is
  // the stable order (the simulator sorts such keys without Python-level comparisons).
  "def positions(before, after):\n    where = {id(x): i for i, x in enumerate(before)}\n    return hash(tuple(where[id(x)] for x in after))\nfor n in (2, 65, 700, 5000):\n    for mod in (3, 1000, 2**60):\n        data = [int(str(v + 300)) - mod // 2 for v in lcg(n + mod % 97, n, mod)]\n        floats = [x / 7 for x in data]\n        strs = [str(x % 50) + 'x' for x in data]\n        print(n, mod, positions(data, sorted(data)), positions(data, sorted(data, reverse=True)), positions(data, sorted(data, key=lambda v: -v)), positions(floats, sorted(floats, reverse=True)), positions(strs, sorted(strs)), positions(strs, sorted(strs, key=len, reverse=True)))",
  "print(sorted([2.0, float('nan'), 1.0, 0.0, -0.0, float('inf'), 3.0, float('nan'), -1.0] * 10)[:12])\nprint(sorted(['b\\ud800', 'b\\U0001f600', 'b\\uffff', 'a', 'b'] * 3), sorted([2**70, 5, -2**65, 3] * 20)[:5])\nx = [1, 2**53, 2**53 + 1, -2**53, 7] * 30\nx.sort(); print(x[:3], x[-3:])",
];

agreesWithCPython("sorting", CELLS);
