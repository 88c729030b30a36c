// Snippets about numbers: int and float arithmetic, division and modulo signs, rounding,
// conversions, bases, big ints, complex numbers and hashing of numbers.
import { snippet, type Snippet } from "../support/snippet.js";

export const numberSnippets: readonly Snippet[] = [
  snippet("division operators", ["print(7 / 2, 7 // 2, 7 % 2, -7 / 2, -7 // 2, -7 % 2, 7 // -2, 7 % -2)"]),
  snippet("float floor division and modulo", ["print(7.5 // 2, 7.5 % 2, -7.5 // 2, -7.5 % 2, 5 % 2.5, -0.0 % 1)"]),
  snippet("divmod", ["print(divmod(17, 5), divmod(-17, 5), divmod(17.5, 5), divmod(-1, 3))"]),
  snippet("powers", ["print(2 ** 10, 2 ** -1, (-2) ** 3, 2 ** 0.5, 10 ** 20, pow(3, 4, 5), pow(2, -1, 7), 0 ** 0)"]),
  snippet("big int arithmetic", ["a = 2 ** 100\nb = 3 ** 60\nprint(a * b, a // b, a % b, -a // 7, a - b * 1000)"]),
  snippet("int bit operations", ["print(5 & 3, 5 | 3, 5 ^ 3, ~5, 1 << 70, -16 >> 2, (255).bit_length(), (-1).bit_length())"]),
  snippet("int conversions", ["print(int(3.99), int(-3.99), int('ff', 16), int('0b101', 0), int('  -12  '), int(True), int('1_000'))"]),
  snippet("float conversions and methods", ["print(float(3), float('inf'), (2.5).is_integer(), (0.75).as_integer_ratio(), (3.0).hex(), float.fromhex('0x1.8p1'))"]),
  snippet("rounding", ["print(round(3.14159, 3), round(-2.5), round(3.5), round(1234, -2), round(0.125, 2), round(0.375, 2), round(2.5, 0))"]),
  snippet("float precision artifacts", ["print(0.1 + 0.2 == 0.3, 0.1 * 3, 1.1 * 1.1, 1 - 0.9, 100 * 1.1, 3 * 0.1 == 0.3)"]),
  snippet("float special values arithmetic", ["inf = float('inf')\nnan = float('nan')\nprint(inf - inf, inf * 0, inf > 10**300, nan == nan, nan != nan, -inf < 0, 1 / inf)"]),
  snippet("int and float comparisons", ["print(1 == 1.0, 2**53 == 2**53 + 1.0, 2**53 + 1 == float(2**53 + 1), 10**20 < 1e20 * 2, 0.1 == 1/10)"]),
  snippet("bool arithmetic", ["print(True + True, True * 10, False - 1, sum([True, False, True]), True / 2, -True)"]),
  snippet("complex arithmetic", ["z = 3 + 4j\nprint(abs(z), z.real, z.imag, z.conjugate(), z * 1j, z / 2, z ** 2, (1j) ** 2)"]),
  snippet("abs min max sum", ["print(abs(-5), abs(-2.5), max(1, 2.0), min(-1, -1.0), sum(range(101)), sum([0.1, 0.2, 0.3]), sum([1, 2], 10))"]),
  snippet("hash of numbers", ["print(hash(1), hash(1.0), hash(-1), hash(-2), hash(0.5), hash(2**61 - 1), hash(2**61), hash(10**20), hash(True))"]),
  snippet("hash of strings with seed 0", ["print(hash('a'), hash('hello'), hash(''), hash(('a', 1)))"]),
  snippet("hash of tuples and frozensets", ["print(hash((1, 2)), hash(()), hash((1, (2, 3))), hash(frozenset()), hash(frozenset({1, 2})))"]),
  snippet("float formatting via repr in lists", ["print([1/3, 2/3, 10/3, 1e-10, 123.456e5, 1.0e0])"]),
  snippet("integer string conversion limits", ["print(len(str(10 ** 4000)), str(2 ** 64))"]),
  snippet("int from float with huge value", ["print(int(1e30), int(-1e19), int(2.0 ** 70))"]),
  snippet("int() of nan", ["int(float('nan'))"]),
  snippet("int() of inf", ["int(float('inf'))"]),
  snippet("operator precedence", ["print(2 + 3 * 4, (2 + 3) * 4, -2 ** 2, 2 ** 3 ** 2, not 1 == 2, 1 + 2 == 3 and 4 > 3, 7 - 3 - 2)"]),
  snippet("numeric literals", ["print(1_000, 0xFF, 0o777, 0b1111_0000, 1e3, 1E-3, 3.14_15, 1j * 2, .5, 5.)"]),
  snippet("isinstance of numeric types", ["print(isinstance(True, int), isinstance(1, float), type(1 + 1.0).__name__, type(2 ** -1).__name__, type(4 / 2).__name__, type(4 // 2).__name__)"]),
  snippet("counting with integers in loops", ["total = 0\nfor n in range(1, 1001):\n    if n % 3 == 0 or n % 5 == 0:\n        total += n\nprint(total)"]),
  snippet("float sum accumulation", ["total = 0.0\nfor _ in range(10):\n    total += 0.1\nprint(total, total == 1.0, round(total, 10) == 1.0)"]),
  snippet("multiply and modulo operands of every kind", [
    "a, b, z = -6, 3, 0\nprint(z * -5, a % b, a % -4, 7 % a, (2 ** 40) * (2 ** 20), 3 * 2 ** 52, 'ab' * 2, [1] * 3, 2.5 * 2, 7.5 % 2, 'x=%d' % 5, True * 7, 5 % True)\ntry:\n    print(5 % z)\nexcept ZeroDivisionError as e:\n    print(e)",
  ]),
  snippet("fraction-like with divmod and gcd", ["def gcd(a, b):\n    while b:\n        a, b = b, a % b\n    return a\nprint(gcd(48, 180), gcd(17, 5), gcd(0, 9))"]),
  snippet("chr of objects with __int__ or __index__", [
    "class WithInt:\n    def __int__(self):\n        return 66\nclass WithIndex:\n    def __index__(self):\n        return 65",
    "chr(WithInt())",
    "chr(WithIndex())",
    // 3.8–3.9 convert through __int__ with a DeprecationWarning (the simulator refuses it by name).
  ], { versions: ["3.6", "3.7", "3.10", "3.11", "3.12", "3.13"] }),
];
