// Snippets about dicts and sets whose keys have a Python __hash__/__eq__: when keys and values
// are evaluated, hashed and compared (print order), and the references a comparison sees.
import { py, snippet, type Snippet } from "../support/snippet.js";

/** Keys that all hash alike and report each hash and comparison, with the counts they see. */
const TRACED_KEYS = py`
  import sys
  class Key:
      def __init__(self, n):
          self.n = n
      def __hash__(self):
          print('hash', self.n, sys.getrefcount(self))
          return 1
      def __eq__(self, other):
          print('eq', self.n, other.n, sys.getrefcount(self), sys.getrefcount(other))
          return False
      def __repr__(self):
          return 'Key(%d)' % self.n
  def key(n):
      print('key', n)
      return Key(n)
  def value(n):
      print('value', n)
      return n
`;

export const keyComparisonSnippets: readonly Snippet[] = [
  snippet("dict display: all pairs evaluated before the first insert", [
    TRACED_KEYS,
    py`
      def build():
          return {key(1): value(1), key(2): value(2), key(3): value(3)}
      print(build())
    `,
  ]),
  snippet("dict display with ** between runs", [
    TRACED_KEYS,
    py`
      def build():
          return {key(1): value(1), **{key(2): value(2)}, key(3): value(3), key(4): value(4)}
      print(build())
    `,
    py`
      def starting_with_unpacking(mapping):
          return {**mapping, key(5): value(5)}
      print(starting_with_unpacking({Key(6): 6}))
    `,
  ]),
  snippet("dict display of constant keys and a nested display", [
    TRACED_KEYS,
    py`
      def build():
          return {'a': value(1), 'b': {key(2): value(2)}, 'c': value(3)}
      print(build())
    `,
    py`
      def allocation_order():
          spare = {}
          spare_id = id(spare)
          del spare
          outer = {'k': {}}
          return id(outer) == spare_id, id(outer['k']) == spare_id
      print(allocation_order())
    `,
  ]),
  snippet("dict display of 17 and more items", [
    TRACED_KEYS,
    py`
      keys = [Key(n) for n in range(40)]
      table = {keys[0]: 0, keys[1]: 1, keys[2]: 2, keys[3]: 3, keys[4]: 4, keys[5]: 5, keys[6]: 6, keys[7]: 7, keys[8]: 8, keys[9]: 9, keys[10]: 10, keys[11]: 11, keys[12]: 12, keys[13]: 13, keys[14]: 14, keys[15]: 15, keys[16]: 16, keys[17]: value(17), keys[18]: 18}
    `,
    py`
      table = {keys[0]: 0, keys[1]: 1, keys[2]: 2, keys[3]: 3, keys[4]: 4, keys[5]: 5, keys[6]: 6, keys[7]: 7, keys[8]: 8, keys[9]: 9, keys[10]: 10, keys[11]: 11, keys[12]: 12, keys[13]: 13, keys[14]: 14, keys[15]: 15, keys[16]: 16, keys[17]: 17, keys[18]: 18, keys[19]: 19, keys[20]: 20, keys[21]: 21, keys[22]: 22, keys[23]: 23, keys[24]: 24, keys[25]: 25, keys[26]: 26, keys[27]: 27, keys[28]: 28, keys[29]: 29, keys[30]: 30, keys[31]: 31, keys[32]: 32, keys[33]: 33, keys[34]: 34, keys[35]: 35}
    `,
  ]),
  snippet("dict comprehension: key and value order", [
    TRACED_KEYS,
    py`
      def build():
          return {key(n): value(n) for n in range(3)}
      print(build())
    `,
  ]),
  snippet("merging dicts of traced keys", [
    TRACED_KEYS,
    py`
      def merge():
          first = {Key(1): 1, Key(2): 2}
          second = {Key(3): 3, Key(4): 4}
          first.update(second)
          print(len(first))
          print(len(dict(first)), len({**first}))
      merge()
    `,
  ]),
  snippet("** of objects that are not mappings", [
    py`
      class KeysOnly:
          def keys(self):
              return ['a']
      class KeysRaises:
          def keys(self):
              raise AttributeError('from keys')
          def __getitem__(self, name):
              return 1
      def accepts(**named):
          return named
      for operand in [1, [1], 'ab', KeysOnly(), KeysRaises()]:
          for attempt in [lambda: {'a': 1, **operand}, lambda: {**operand}, lambda: accepts(**operand)]:
              try:
                  attempt()
              except Exception as error:
                  print(type(error).__name__, error, error.__context__)
    `,
  ]),
  snippet("set methods: the references a comparison sees", [
    TRACED_KEYS,
    py`
      def probe():
          s = {Key(1)}
          for label, operation in [
              ('add', lambda: s.add(Key(2))),
              ('in', lambda: Key(3) in s),
              ('discard', lambda: s.discard(Key(4))),
              ('update from a list', lambda: s.update([Key(5)])),
              ('issubset of a set', lambda: {Key(6)}.issubset(s)),
              ('difference with a set', lambda: s.difference({Key(7)})),
              ('difference with a dict', lambda: s.difference({Key(8): 0})),
              ('intersection with a set', lambda: s.intersection({Key(9), Key(10)})),
              ('isdisjoint with a set', lambda: s.isdisjoint({Key(11), Key(12)})),
              ('symmetric difference', lambda: s.symmetric_difference([Key(13)])),
              ('equality', lambda: {Key(14)} == {Key(15)}),
          ]:
              print(label)
              operation()
      probe()
    `,
    py`
      def updates():
          s = {Key(1)}
          print('|= a set')
          s |= {Key(2)}
          print('update from a dict')
          s.update({Key(3): 0})
          print('difference_update with a set')
          s.difference_update({Key(4)})
          print('symmetric_difference_update with a set')
          s.symmetric_difference_update({Key(5)})
          print('&= a set')
          s &= {Key(6)}
      updates()
    `,
  ]),
  snippet("issuperset of a list: a set first, or item by item", [
    py`
      class Loud:
          def __init__(self, n):
              self.n = n
          def __hash__(self):
              print('hash', self.n)
              return self.n
          def __eq__(self, other):
              return self is other
      small = {Loud(0)}
      print(small.issuperset([Loud(1), Loud(2), Loud(3)]))
    `,
  ]),
];
