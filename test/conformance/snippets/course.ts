// Course-style notebooks about Python's memory model (variables as references, reference
// counting, garbage collection, typing, mutability, equality, interning, peephole constants),
// written for this suite in the way such lessons print addresses, counts and identities.
import { py, snippet, type Snippet } from "../support/snippet.js";

const TOOLS = py`
  import sys, ctypes, gc
  def refs_at(address):
      return ctypes.c_long.from_address(address).value
  def object_alive(address):
      return 'alive' if any(id(o) == address for o in gc.get_objects()) else 'gone'
`;

export const courseSnippets: readonly Snippet[] = [
  snippet("variable shows its address in decimal and hex", [
    "level = 42\nprint('level = {0}'.format(level))\nprint('address: {0}'.format(id(level)))\nprint('hex address: {0}'.format(hex(id(level))))",
  ]),
  snippet("two variables one object", ["label = 'course'\nsame = label\nprint(hex(id(label)), hex(id(same)), label is same)"]),
  snippet("reference count walk-through", [
    TOOLS,
    "scores = [90, 80, 70]\nrefs_at(id(scores))",
    "sys.getrefcount(scores)",
    "second_name = scores",
    "print(hex(id(scores)), hex(id(second_name)))\nprint(refs_at(id(scores)))",
    "second_name = None",
    "print(refs_at(id(scores)))",
  ], { fresh: true }),
  snippet("reading a count after the object is gone", [
    TOOLS,
    "scores = [1, 2, 3, 4]\nscores_id = id(scores)\nprint(refs_at(scores_id))\nscores = None",
  ], { fresh: true }),
  snippet("garbage collection of a circular pair", [
    TOOLS,
    py`
      class Owner:
          def __init__(self):
              self.pet = Pet(self)
              print('Owner: self: {0}, pet: {1}'.format(hex(id(self)), hex(id(self.pet))))
      class Pet:
          def __init__(self, owner):
              self.owner = owner
              print('Pet: self: {0}, owner: {1}'.format(hex(id(self)), hex(id(self.owner))))
    `,
    "gc.disable()\nstart = gc.collect()",
    "holder = Owner()",
    "owner_id = id(holder)\npet_id = id(holder.pet)\nprint('owner:', hex(owner_id), 'pet:', hex(pet_id))",
    "print('refcount(owner) = {0}'.format(refs_at(owner_id)))\nprint('refcount(pet) = {0}'.format(refs_at(pet_id)))\nprint('owner: {0}'.format(object_alive(owner_id)))\nprint('pet: {0}'.format(object_alive(pet_id)))",
    "holder = None",
    "print('refcount(owner) = {0}'.format(refs_at(owner_id)))\nprint('refcount(pet) = {0}'.format(refs_at(pet_id)))\nprint('owner: {0}'.format(object_alive(owner_id)))\nprint('pet: {0}'.format(object_alive(pet_id)))",
    "print('collected:', gc.collect(), refs_at(owner_id), refs_at(pet_id))\nprint('owner: {0}'.format(object_alive(owner_id)))\nprint('pet: {0}'.format(object_alive(pet_id)))\ngc.enable()",
  ], { fresh: true }),
  snippet("dynamic typing: one name, many types", ["thing = 'text'\nprint(type(thing))\nthing = 10\nprint(type(thing))\nthing = lambda x: x ** 2\nprint(type(thing))\nthing = 3 + 4j\nprint(type(thing))"]),
  snippet("reassignment creates new objects", ["amount = 10\nprint(hex(id(amount)))\namount = 15\nprint(hex(id(amount)))\namount = amount + 1\nprint(hex(id(amount)))"]),
  snippet("equal small values share an address", ["first = 10\nsecond = 10\nprint(hex(id(first)), hex(id(second)), first is second)"]),
  snippet("mutating a list keeps its address", ["basket = [1, 2, 3]\nprint(hex(id(basket)))\nbasket.append(4)\nprint(hex(id(basket)), basket)\nbasket = basket + [5]\nprint(hex(id(basket)), basket)"]),
  snippet("mutating a dict keeps its address", ["profile = dict(name='Ann', age=30)\nprint(hex(id(profile)))\nprofile['age'] = 31\nprofile['city'] = 'Oslo'\nprint(hex(id(profile)), profile)"]),
  snippet("tuple of lists: container fixed, elements mutable", ["pair = ([1, 2], [3, 4])\nprint(hex(id(pair)), hex(id(pair[0])))\npair[0].append(99)\nprint(hex(id(pair)), hex(id(pair[0])), pair)"]),
  snippet("function argument: str is not changed", [
    "def shout(text):\n    print('initial text = {0}'.format(hex(id(text))))\n    text = text.upper()\n    print('changed text = {0}'.format(hex(id(text))))\n    return text",
    "word = 'quiet'\nprint('word = {0}'.format(hex(id(word))))\nresult = shout(word)\nprint(word, result)",
  ]),
  snippet("function argument: list is changed", [
    "def extend(values):\n    print('inside = {0}'.format(hex(id(values))))\n    values.append(100)",
    "numbers = [1, 2]\nprint('outside = {0}'.format(hex(id(numbers))))\nextend(numbers)\nprint(numbers, hex(id(numbers)))",
  ]),
  snippet("function argument: tuple with a mutable element", [
    "def poke(items):\n    items[0].append('poked')",
    "record = (['a'], 'b')\nprint(hex(id(record)))\npoke(record)\nprint(record, hex(id(record)))",
  ]),
  snippet("shared references to immutable values", ["first = 'hello'\nsecond = first\nprint(hex(id(first)), hex(id(second)))\nsecond = 'hello' + ' there'\nprint(first, second, first is second)"]),
  snippet("shared references to a mutable list", ["first = [1, 2, 3]\nsecond = first\nsecond.append(4)\nprint(first, second, hex(id(first)) == hex(id(second)))"]),
  snippet("separate lists with equal contents", ["first = [1, 2, 3]\nsecond = [1, 2, 3]\nprint(hex(id(first)), hex(id(second)), first == second, first is second)"]),
  snippet("equality versus identity", [
    "left = 10\nright = 10\nprint('left is right', left is right)\nprint('left == right', left == right)",
    "left = [1, 2, 3]\nright = [1, 2, 3]\nprint('left is right', left is right)\nprint('left == right', left == right)",
    "left = 10\nright = 10.0\nprint('left is right', left is right)\nprint('left == right', left == right)",
    "left = 10 + 0j\nright = 10.0\nprint(left == right, type(left), type(right))",
  ]),
  snippet("None is a singleton", ["empty = None\nprint(type(None), hex(id(None)) == hex(id(empty)), empty is None, empty == None)"]),
  snippet("everything is an object", [
    "def square(a):\n    return a ** 2",
    "print(type(square), type(int), type(type), type(3))",
    "alias = square\nprint(id(alias) == id(square), alias is square, alias(4))",
    "def call_it(fn, value):\n    return fn(value)\nprint(call_it(square, 5))",
    "def make_squarer():\n    return square\nprint(make_squarer()(6))",
    "help_text = int.__doc__.splitlines()[0]\nprint(type(help_text).__name__, int('101', base=2), int.__name__)",
  ]),
  snippet("integer interning: small ints", [
    "first = 10\nsecond = 10\nprint(id(first) == id(second))",
    "first = 500\nsecond = 500\nprint(id(first) == id(second))",
    "first = -5\nsecond = -5\nprint(first is second)",
    "first = -6\nsecond = -6\nprint(first is second)",
  ]),
  snippet("string interning: identifier-like strings", [
    "first = 'some_long_string_that_is_an_identifier'\nsecond = 'some_long_string_that_is_an_identifier'\nprint(id(first) == id(second))",
    "first = 'hello world'\nsecond = 'hello world'\nprint(id(first) == id(second), first == second)",
    "first = '_this_is_a_long_string_that_could_be_used_as_an_identifier'\nsecond = '_this_is_a_long_string_that_could_be_used_as_an_identifier'\nprint(first is second)",
  ]),
  snippet("string interning with sys.intern", [
    "import sys\nfirst = sys.intern('the quick brown fox')\nsecond = sys.intern('the quick brown fox')\nprint(first is second, first == second)",
  ]),
  snippet("comparing interned strings in a loop", [
    py`
      import sys
      def compare_by_equality(n):
          a = 'a long string that is not interned' * 20
          b = 'a long string that is not interned' * 20
          return sum(1 for _ in range(n) if a == b)
      def compare_by_identity(n):
          a = sys.intern('a long string that is not interned' * 20)
          b = sys.intern('a long string that is not interned' * 20)
          return sum(1 for _ in range(n) if a is b)
      print(compare_by_equality(100), compare_by_identity(100))
    `,
  ]),
  snippet("peephole: constant expressions are precalculated", [
    py`
      def my_func():
          seconds = 24 * 60 * 60
          pair = (1, 2) * 5
          letters = 'abc' * 3
          long_text = 'the quick brown fox' * 10
          numbers = [1, 2] * 5
    `,
    "my_func.__code__.co_consts",
  ]),
  snippet("peephole: membership tests use constants", [
    py`
      def my_func(e):
          if e in [1, 2, 3]:
              pass
          if e in {4, 5, 6}:
              pass
    `,
    "my_func.__code__.co_consts",
  ]),
  snippet("peephole: list and set membership give the same answers", [
    py`
      import string
      char_list = list(string.ascii_letters)
      char_tuple = tuple(string.ascii_letters)
      char_set = set(string.ascii_letters)
      print(len(char_list), 'z' in char_list, 'z' in char_tuple, 'z' in char_set)
    `,
  ]),
  snippet("function variables and constants", ["def compute():\n    a = 1000\n    b = 'text'\n    return a, b\nprint(compute.__code__.co_consts, compute.__code__.co_varnames, compute.__code__.co_names)"]),
  snippet("object size grows with content", ["import sys\nfor value in (0, 1, 2 ** 30, 2 ** 60, '', 'a', 'ab', [], [1], (), (1,)):\n    print(type(value).__name__, repr(value)[:10], sys.getsizeof(value))"]),
  snippet("mutable default argument surprises a lesson reader", ["def add_item(item, cart=[]):\n    cart.append(item)\n    print(hex(id(cart)), cart)\nadd_item('apple')\nadd_item('pear')\nadd_item('fig', [])"]),
];
