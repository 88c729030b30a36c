// Snippets about list, dict, set and tuple operations: methods, slicing, sorting, ordering,
// set algebra and iteration order under PYTHONHASHSEED=0.
import { py, snippet, type Snippet } from "../support/snippet.js";

export const containerSnippets: readonly Snippet[] = [
  snippet("list mutating methods", ["values = [3, 1, 2]\nvalues.append(4)\nvalues.extend([5, 6])\nvalues.insert(0, 0)\nvalues.insert(100, 7)\nvalues.insert(-1, 8)\nprint(values, values.pop(), values.pop(0), values)"]),
  snippet("list remove index count", ["values = [1, 2, 3, 2, 1]\nvalues.remove(2)\nprint(values, values.index(1), values.index(1, 1), values.count(1), values.count(9))"]),
  snippet("list sort with key and reverse", ["words = ['banana', 'Apple', 'cherry', 'date']\nwords.sort()\nprint(words)\nwords.sort(key=len, reverse=True)\nprint(words)\nwords.sort(key=str.lower)\nprint(words)"]),
  snippet("sort stability", ["records = [('b', 2), ('a', 2), ('c', 1), ('d', 1)]\nprint(sorted(records, key=lambda r: r[1]))"]),
  snippet("sort returns None", ["values = [2, 1]\nresult = values.sort()\nprint(result, values)"]),
  snippet("sorting mixed types fails", ["sorted([1, 'a', 2])"]),
  snippet("sort keeps equal items in order", ["data = [int(str(300 + i % 7)) for i in range(100)]\nwhere = {id(x): i for i, x in enumerate(data)}\nprint([where[id(x)] for x in sorted(data)][:20], [where[id(x)] for x in sorted(data, reverse=True)][:20])\nwords = [str(i % 5) * 2 for i in range(40)]\nat = {id(w): i for i, w in enumerate(words)}\nprint([at[id(w)] for w in sorted(words, key=len)][:10], [at[id(w)] for w in sorted(words, reverse=True)][:10])"]),
  snippet("membership tests in lists and sets", ["class S(str):\n    def __eq__(self, other):\n        print('eq', other)\n        return str.__eq__(self, other)\n    __hash__ = str.__hash__\nnan = float('nan')\nitems = ['a', 1, 2.5, 2**70, nan, S('z'), True]\nprint('a' in items, 'b' in items, 1.0 in items, 2.5 in items, 2**70 in items, nan in items, float('nan') in items, 'z' in items, S('q') in items, 1 in [True], 0 in ['0', 0.0])\nletters = set('abcdef')\nprint('c' in letters, S('c') in letters, 'z' in letters, ''.join(['c']) in letters, 3 in {3.0}, frozenset() in {frozenset()}, set() in {frozenset()})"]),
  snippet("dict keys equal but not identical", ["import sys\nd = {int(str(i + 1000)): i for i in range(50)}\nk = int('1020')\nd[k] = 'new'\nprint(d[int('1020')], k in d, sys.getrefcount(k), len(d), d.get(2**70), {2**70: 1}[int(str(2**70))], {1.5: 'f'}[float('1.5')], {''.join(['a', 'b']): 1}['ab'])\nclass E:\n    def __init__(self, v): self.v = v\n    def __hash__(self): return hash(self.v)\n    def __eq__(self, o):\n        print('eq', self.v, o)\n        return self.v == o\nd = {E(5): 'e', 5.0: 'x'}\nprint(d[5], len(d))"]),
  snippet("sort with a failing comparison mid-way", ["values = [3, 1, 2, 'x', 0, 5]\ntry:\n    values.sort()\nexcept TypeError as e:\n    print(e)\nprint(values)"]),
  snippet("reverse copy clear", ["values = [1, 2, 3]\ncopied = values.copy()\nvalues.reverse()\nprint(values, copied)\nvalues.clear()\nprint(values, copied)"]),
  snippet("slice assignment and deletion", ["values = list(range(8))\nvalues[1:3] = ['a', 'b', 'c']\nvalues[::3] = [None] * len(values[::3])\ndel values[-2:]\nprint(values)"]),
  snippet("extended slice assignment wrong size", ["values = list(range(6))\nvalues[::2] = [1]"]),
  snippet("list repetition pitfall", ["grid = [[0] * 3] * 2\ngrid[0][0] = 1\nprint(grid)\nfixed = [[0] * 3 for _ in range(2)]\nfixed[0][0] = 1\nprint(fixed)"]),
  snippet("list comparison", ["print([1, 2] < [1, 3], [1, 2] < [1, 2, 0], [] < [0], [2] > [1, 9], [1, 2] == [1, 2.0])"]),
  snippet("list of lists sorting", ["print(sorted([[2, 'b'], [1, 'z'], [2, 'a']]), max([[1, 2], [1, 3]]))"]),
  snippet("tuple methods and comparisons", ["point = (1, 2, 2, 3)\nprint(point.count(2), point.index(3), point + (4,), point * 2, (1, 2) < (1, 2, 3), len(point))"]),
  snippet("dict access methods", ["table = {'a': 1, 'b': 2}\nprint(table.get('a'), table.get('z'), table.get('z', 0), table.setdefault('c', 3), table.setdefault('a', 9), table)"]),
  snippet("dict pop popitem", ["table = {'a': 1, 'b': 2, 'c': 3}\nprint(table.pop('a'), table.pop('z', 'missing'), table.popitem(), table)"]),
  snippet("popitem from empty dict", ["{}.popitem()"]),
  snippet("dict update forms", ["table = {'a': 1}\ntable.update({'b': 2})\ntable.update([('c', 3)])\ntable.update(d=4)\nprint(table)"]),
  snippet("dict merge operators", ["left = {'a': 1, 'b': 2}\nright = {'b': 3, 'c': 4}\nprint(left | right, right | left)\nleft |= right\nprint(left)"]),
  snippet("dict views are live", ["table = {'a': 1}\nkeys = table.keys()\ntable['b'] = 2\nprint(keys, len(keys), 'b' in keys, list(table.values()), list(table.items()))"]),
  snippet("dict view set operations", ["left = {'a': 1, 'b': 2}\nright = {'b': 0, 'c': 0}\nprint(left.keys() & right.keys(), left.keys() | right.keys(), left.keys() - right.keys())"]),
  snippet("dict fromkeys shared value", ["table = dict.fromkeys(['a', 'b'], [])\ntable['a'].append(1)\nprint(table)"]),
  snippet("dict ordering after delete and reinsert", ["table = {k: i for i, k in enumerate('abcde')}\ndel table['b']\ntable['b'] = 9\ntable['a'] = 0\nprint(list(table))"]),
  snippet("dict equality ignores order", ["print({'a': 1, 'b': 2} == {'b': 2, 'a': 1}, list({'a': 1, 'b': 2}) == list({'b': 2, 'a': 1}))"]),
  snippet("dict keys of mixed numeric types", ["table = {1: 'int', 1.0: 'float', True: 'bool'}\nprint(table, len(table))"]),
  snippet("dict constructor forms", ["print(dict(a=1), dict([('x', 1), ('y', 2)]), dict(zip('ab', range(2))), dict({'k': 'v'}, extra=1))"]),
  snippet("dict iteration order of string keys", ["print(list({'zeta': 1, 'alpha': 2, 'mid': 3}), sorted({'zeta': 1, 'alpha': 2}))"]),
  snippet("set algebra", ["a = {1, 2, 3, 4}\nb = {3, 4, 5}\nprint(a | b, a & b, a - b, b - a, a ^ b, a <= b, {3} < b, a.isdisjoint({9}))"]),
  snippet("set methods", ["s = {1, 2}\ns.add(3)\ns.add(2)\ns.discard(10)\ns.discard(1)\ns.update([7, 8], {9})\nprint(s, s.pop(), len(s), s.union([0]), s.intersection({7, 8, 100}))"]),
  snippet("set remove missing", ["{1}.remove(2)"]),
  snippet("set order of strings", ["print(set(['delta', 'alpha', 'charlie', 'bravo']), {'x', 'y'} | {'a'})"]),
  snippet("str membership in a set, repeated and alternating keys", [
    "letters = set('abcxyz')\nclass Alias(str):\n    def __hash__(self):\n        return hash('a')\nprobes = ['a', 'q', 'a', Alias('q'), Alias('a'), 'z', 'z', str(1), 'a' * 3, 'aaa']\nprint([probe in letters for probe in probes], [probe in letters for probe in probes[::-1]])\nletters.discard('z')\nprint('z' in letters, 'y' in letters, 'z' in letters)",
  ]),
  snippet("set order of ints with collisions", ["print({8, 16, 1, 9, 0}, {100, 36, 4, 68}, set(range(20, 0, -3)))"]),
  snippet("set displays with unpacking merge sets", ["base = {8, 16, 1, 9, 0}\nprint({*base}, {*base, 24}, {*frozenset(base), *[32, 40]})", "print({*range(9, 0, -2), *(16, 32)}, {*{100: 1, 36: 2, 4: 3}})"]),
  snippet("set from string and list with duplicates", ["print(set('mississippi'), set([3, 3, 1, 1, 2]))"]),
  snippet("set comprehension and frozenset keys", ["print({n % 3 for n in range(10)}, {frozenset({1}): 'a'}, frozenset('aab'))"]),
  snippet("set of tuples", ["print({(1, 2), (2, 1), (1, 2)}, sorted({(2, 'b'), (1, 'a')}))"]),
  snippet("membership tests", ["print(3 in [1, 2, 3], 'a' in {'a': 1}, 1 in {'a': 1}.values(), (1, 2) in {(1, 2)}, 'x' not in 'abc')"]),
  snippet("len of containers", ["print(len([1, [2, 3]]), len({}), len({'a': 1, 'b': 2}), len(set('hello')), len(range(0, 100, 7)), len((None,)))"]),
  snippet("nested data structure access", ["data = {'users': [{'name': 'ann', 'tags': ['a', 'b']}, {'name': 'bob', 'tags': []}]}\nprint(data['users'][0]['tags'][-1], [u['name'] for u in data['users'] if u['tags']])"]),
  snippet("copy shallow versus nested", ["original = [[1, 2], [3]]\nshallow = list(original)\nshallow[0].append(99)\nshallow.append([4])\nprint(original, shallow)"]),
  snippet("zip strict and unequal lengths", ["print(list(zip([1, 2, 3], 'ab')), list(zip()), dict(zip(['a', 'b'], [1, 2])))"]),
  snippet("enumerate with start and unpacking", ["for i, (a, b) in enumerate(zip('xy', 'XY'), 10):\n    print(i, a, b)"]),
  snippet("reversed and sorted on dicts", ["table = {'b': 1, 'a': 2, 'c': 0}\nprint(list(reversed(table)), sorted(table), sorted(table.items(), key=lambda kv: kv[1]))"]),
  snippet("list index out of range in slice is fine", ["values = [1, 2, 3]\nprint(values[1:100], values[5:], values[-100:1], values[::-1][:2])"]),
  snippet("string list conversions", ["print(list('abc'), ''.join(['a', 'b']), list(map(int, '123')), [int(c) for c in str(2 ** 10)])"]),
  snippet("counting words with a dict", ["text = 'the cat and the hat and the bat'\ncounts = {}\nfor word in text.split():\n    counts[word] = counts.get(word, 0) + 1\nprint(counts, max(counts, key=counts.get))"]),
  snippet("grouping with setdefault", ["groups = {}\nfor word in ['apple', 'avocado', 'banana', 'blueberry', 'cherry']:\n    groups.setdefault(word[0], []).append(word)\nprint(groups)"]),
  snippet("long lists and dicts grown one item at a time", ["import sys\nxs = []\nsizes = set()\nfor i in range(20000):\n    xs.append(i * 3)\n    if i in (4095, 4096, 8191, 8192, 16384):\n        sizes.add((i, sys.getsizeof(xs)))\nwhile len(xs) > 9000:\n    xs.pop()\nxs.append(-1)\nprint(len(xs), xs[4094:4099], xs[8190:], sum(xs), sorted(sizes), sys.getsizeof(xs))\nd = {}\nfor i in range(30000):\n    d[i] = i\nfor i in range(0, 30000, 3):\n    del d[i]\nprint(len(d), sys.getsizeof(d), list(d)[:4], sum(d.values()), d.get(29999), d.get(3))"]),
  snippet("list as a stack and a queue", ["stack = []\nfor n in range(3):\n    stack.append(n)\nprint(stack.pop(), stack.pop())\nqueue = [1, 2, 3]\nprint(queue.pop(0), queue)"]),
  snippet("bytearray slices and deletion", [
    "data = bytearray(b'0123456789')\ndel data[::3]\nprint(data)\ndata[1:3] = b'XYZW'\nprint(data)\ndata[::2] = bytes(len(data[::2]))\nprint(data)",
    "data[0:1] = 5",
    "data[::2] = b'ab'",
    "data['x']",
    "data[100]",
  ]),
  snippet("bytearray methods", [
    "data = bytearray(b'hello world')\nprint(data.pop(), data.pop(0), data)\ndata.insert(0, 72)\ndata.remove(32)\ndata.reverse()\nprint(data, data.count(b'l'), data.find(b'o'), 108 in data, b'dl' in data)",
    "print(data.upper(), data.split(b'l'), data.partition(b'x'), data.hex(), data.copy() == data, data.copy() is data)",
    "data.append(256)",
    "data.remove(0)",
    "bytearray().pop()",
    "data.extend(5)",
    "copy = data.copy()\ncopy.clear()\nprint(copy, len(data), bytearray.fromhex('de ad be ef'), bytearray(b'-').join([b'a', bytearray(b'b')]))",
  ]),
  snippet("bytearray construction", [
    "print(bytearray(3), bytearray([65, 66]), bytearray('héllo', 'utf-8'), bytearray(range(3)), bytes(bytearray(b'xy')))",
    "bytearray('abc')",
    "bytearray([1, 300])",
    "bytearray(1.5)",
    "hash(bytearray(b'x'))",
    "import gc\nprint(gc.is_tracked(bytearray(b'x')), gc.is_tracked(iter(bytearray())), type(iter(bytearray())).__name__)",
  ]),
  snippet("bytearray operators", [
    "data = bytearray(b'ab')\ndata += b'cd'\ndata *= 2\nprint(data, data + b'!', b'!' + data, type(b'!' + data).__name__, data * 2, data == b'abcdabcd', b'abcdabcd' == data, data < b'b')",
    "bytearray(b'ab') + 'c'",
    "class Buffer(bytearray):\n    pass\nbuf = Buffer(b'hi')\nprint(buf, repr(buf + b'!'), buf.upper())",
  ]),
  snippet("bytearray displayed", ["bytearray(b'abc')", "[bytearray(b'x' * 30)] * 4", "{'k': bytearray(b'v')}"]),
  snippet("bytearray mutation", ["data = bytearray(b'hello')\ndata[0] = 72\ndata.append(33)\ndata.extend(b'??')\nprint(data, len(data), data.decode())"]),
  snippet("sorted, min, max with keys and defaults", ["print(sorted(['b', 'A', 'c'], key=str.lower), min([], default=0), max('abc', key=ord), min(3, 1, 2), max([1, 3], [2]), sorted([3, 1, 2], reverse=True), list(reversed(range(3))))"]),
  snippet("zip, enumerate, map, filter", ["print(list(zip('ab', [1, 2, 3])), list(enumerate('ab', 5)), dict(zip('ab', 'cd')), list(map(pow, [2, 3], [3, 2])), list(filter(None, [0, 1, '', 'a'])), any([]), all([]))"]),
  snippet("dict methods setdefault, pop, fromkeys, union", ["d = {'a': 1}\nd.setdefault('b', []).append(2)\nprint(d, d.get('z', 'no'), d.pop('z', None), dict.fromkeys('ab', 0), {**d, 'a': 9}, d | {'c': 3}, list(d.items())[0])"]),
  snippet("set operators and methods", ["s = {3, 1, 2}; print(s - {1}, s ^ {1, 5}, s & {2, 9}, s <= {1, 2, 3, 4}, frozenset('aa'), set() == frozenset(), {1, 2}.isdisjoint([3]), s.union([7], (8,)))"]),
  snippet("range slicing and membership", ["print(list(range(10, 0, -3)), range(0, 10, 2)[1:3], range(5)[-1], 3 in range(0, 10, 3), range(0, 10, 3).index(9), len(range(-5, 5, 3)), range(3) == range(0, 3, 1), repr(range(1, 5, 2)))"]),
  snippet("slicing and repetition corners", ["print([1, 2, 3][::-1], [1, 2, 3][5:], (1, 2, 3)[-2:], 'abcdef'[1:5:2], 'abc'[::-1], [0] * 3, [[]] * 2, (1,) * 0, 'ab' * -1)"]),
  snippet("list methods returning None", ["x = [3, 1, 2]\nx.sort(key=lambda v: -v)\nprint(x, x.index(1), x.count(3), x.copy() is x, x.insert(-1, 9), x, x.pop(0), x.remove(9), x, x.extend('ab'), x)"]),
  // Lists filled with ints that only they refer to (held packed by the simulator): every int
  // must keep its address, count and memory through appends, reads, sorting and release.
  snippet(
    "appended ints read through memory before anything else touches the list",
    [
      py`
        import ctypes, sys
        built = []
        for n in range(5000, 5100):
            value = n * 7
            if n == 5083:
                where = id(value)
            built.append(value)
        del value
        print(ctypes.c_ssize_t.from_address(where).value, ctypes.c_ssize_t.from_address(where + 8).value == id(int))
        print(ctypes.cast(where, ctypes.py_object).value, id(built[83]) == where, sys.getrefcount(built[83]))
      `,
      "print(sum(built), len(built), built[-1], built[82:85], sys.getrefcount(built[83]), sys.getrefcount(built[84]))",
    ],
    { fresh: true },
  ),
  snippet(
    "appended ints keep their addresses through sorts",
    [
      py`
        import ctypes, sys
        ranks = []
        made = {}
        for n in range(300):
            value = (n * 7919) % 97 + 1000
            made.setdefault(value, []).append(id(value))
            ranks.append(value)
        del value
        ranks.sort()
        print(ctypes.c_ssize_t.from_address(made[1050][-1]).value, ranks[:5], ranks[-3:], sys.getrefcount(ranks[7]))
        print([id(x) for x in ranks] == [address for value in sorted(made) for address in made[value]])
      `,
      py`
        ranks.sort(reverse=True)
        print(ranks[:4], [id(x) for x in ranks] == [address for value in sorted(made, reverse=True) for address in made[value]])
        ranks.sort(key=lambda v: v % 10)
        print(ranks[:4], sorted(id(x) for x in ranks) == sorted(address for value in made for address in made[value]))
      `,
    ],
    { fresh: true },
  ),
  snippet(
    "a list of appended ints frees them when it goes",
    [
      py`
        import ctypes
        held = []
        for n in range(100):
            value = n + 4000
            if n == 80:
                first = id(value)
            held.append(value)
        del value, held
        print(ctypes.c_ssize_t.from_address(first).value != 1)
      `,
      py`
        again = [k * 3 for k in range(9000, 9200)]
        again.clear()
        print(again)
        again.append(5)
        for k in range(100):
            again.append(k * 1000)
        print(again[-3:], sum(again), [x for x in again][70:72], again[68:70])
      `,
    ],
    { fresh: true },
  ),
  // The list operations that read packed ints where they are held (list-packed-ints.ts):
  // each must give the ints' values, addresses and counts as CPython's objects have them.
  snippet(
    "packed ints compared, searched and shown where they are held",
    [
      py`
        import sys
        def filled(offset):
            made = []
            for n in range(100):
                made.append(n * 1000 + offset)
            return made
        xs = filled(7)
        ys = filled(7)
        where = [id(x) for x in xs]
        print(repr(xs)[-32:], str(xs)[:20], xs == ys, xs != ys, xs < ys + [1], xs[:-1] < xs, ys[:50] + [0] < xs, xs > filled(6))
        print(7007 in xs, 7008 in xs, 7007.0 in xs, True in xs, xs.index(50007), xs.count(99007), xs.count(3), xs.index(99007, -5))
        xs.remove(int('40007'))
        print(len(xs), xs[38:41], xs[::-7][:4], [id(x) for x in xs] == where[:40] + where[41:], sys.getrefcount(xs[95]))
      `,
    ],
    { fresh: true },
  ),
  snippet(
    "packed ints popped, inserted, replaced and deleted keep their addresses and counts",
    [
      py`
        import ctypes, sys
        xs = []
        for n in range(100):
            xs.append(n * 1000 + 3)
        where = {x: id(x) for x in xs}
        last = xs.pop()
        middle = xs.pop(50)
        first = xs.pop(0)
        xs.insert(10, 77777)
        xs.insert(-1, last)
        xs[20] = middle
        del xs[30]
        del xs[40:43]
        xs[60:62] = [5, 6, 7]
        print(len(xs), xs[8:12], xs[18:22], xs[-3:], sys.getrefcount(xs[20]), sys.getrefcount(xs[21]))
        print(all(id(x) == where[x] for x in xs if x in where), id(last) == where[99003], ctypes.c_ssize_t.from_address(where[70003]).value)
        gone = where[xs[50]]
        del xs[50]
        again = int('123456')
        print(id(again) == gone)
        xs.reverse()
        print(xs[:3], xs[-3:], [id(x) == where.get(x) for x in xs[:4]], list(reversed(xs))[:4] == xs[-1:-5:-1])
      `,
    ],
    { fresh: true },
  ),
  snippet(
    "ints stored by list(range(n)) and extend keep their addresses and counts",
    [
      py`
        import ctypes, sys
        zs = list(range(1000, 1200))
        at = id(zs[150])
        print(ctypes.c_ssize_t.from_address(at).value, sys.getrefcount(zs[150]), id(zs[150]) == at)
        zs.extend(range(5000, 5100))
        zs.extend(map(int, ['70000', '70001']))
        zs += [x * 3 for x in range(400, 470)]
        ids = [id(z) for z in zs]
        print(len(zs), sum(zs), zs[-3:], zs[198:202], ids == [id(z) for z in zs], ctypes.c_ssize_t.from_address(ids[260]).value)
        zs.sort(reverse=True)
        print(zs[:3], sorted(ids) == sorted(id(z) for z in zs), sys.getrefcount(zs[5]))
      `,
    ],
    { fresh: true },
  ),
  snippet(
    "iterating and indexing packed ints keeps their addresses",
    [
      py`
        xs = [n * 10 + 100000 for n in range(300)]
        before = [id(x) for x in xs]
        print(before == [id(x) for x in xs], before[::-1] == [id(x) for x in reversed(xs)])
        t = 0
        for i in range(len(xs)):
            t += xs[i]
        print(t, before == [id(x) for x in xs])
        for i in range(len(xs)):
            xs[i] += 1
        after = [id(x) for x in xs]
        print(xs[:3], sum(a != b for a, b in zip(before, after)), len(set(before) & set(after)), len(set(after)))
      `,
    ],
    { fresh: true },
  ),
  snippet(
    "a sum over appended ints past 2**53",
    [
      py`
        big = []
        for n in range(100):
            big.append(2 ** 52 + n)
        print(sum(big), sum(big, 0.5), max(big) - min(big))
        big.append(True)
        big.append(3.5)
        print(sum(big), big[-3:])
      `,
    ],
  ),
];
