// repr, str, format() and f-strings of every number type, hash() (with PYTHONHASHSEED-independent
// numeric hashing), comparisons across int/float/complex, and the 4300-digit int/str limit.
import { differentialSuite } from "./number-support.js";

const FORMAT = [
  "format(1234567, ','), format(1234567, '_'), format(255, 'x'), format(255, '#X'), format(255, 'b'), format(-255, '#o'), format(65, 'c'), format(12345, 'n')",
  "format(1234.5678, '.2f'), format(1234.5678, 'e'), format(1234.5678, '10.3g'), format(0.25, '%'), format(1e20, ''), format(1.0, ''), format(1.5, 'n')",
  "format(True, ''), format(True, 'd'), format(False, '>5'), format(1+2j, ''), format(1+2j, '.2f'), format(-1.5j, '>10'), format(3, '.2f'), format(3, 'e'), format(3, '%'), format(True, '.1f')",
  "format(-0.0, '+'), format(float('nan'), '+'), format(float('inf'), '010'), format(1.5, '_.3f'), format(12345.5, ',.1f'), format(12345, '08,d'), format(-12, '=+8')",
  "format(1e16, 'g'), format(123456789.0, ''), format(1e-5, ''), format(1e16, ''), format(1.5, '#.0f'), format(2, '#x'), format(2**100, ','), format(-2**70, '_x')",
  "format(1.5, 'z.1f'), format(-0.0, 'z.1f')",
  "format(1.5, 'd')",
  "format(1+2j, '=10')",
  "format(10, 's')",
  "format(1.5, 5)",
  "f'{3.14159:.3}', f'{255:#010b}', f'{1e-7}', f'{-1e22:,.2f}', f'{2j:^8}', f'{10**25:e}', f'{0.1 + 0.2!r}'",
  "'%d %5.2f %x %e %g %r' % (42, 3.14159, 255, 12345.678, 0.0001, 1+1j)",
  "class R(int):\n    def __str__(self): return 'R!'\nformat(R(3), ''), f'{R(3)}', str(R(3)), format(R(3), 'd')",
];

const REPR = [
  "repr(1e16), repr(1e-5), repr(0.1+0.2), repr(1e22), repr(123456789012345678.0), str(-0.0), repr(float('nan')), repr(float('-inf')), repr(5e-324), repr(1.7976931348623157e308)",
  "repr(1+0j), repr(0j), repr(-0j), repr(complex(0, -0.0)), repr(complex(-0.0, 0)), repr(complex(float('nan'), 1)), repr(complex(1, float('inf'))), repr(1e20j), repr(1.5-2.5j)",
  "[1.0, 2.5, -0.0, 1e100], (1j, -1j, 2+0j), {1.5: 2}, {0.1, 0.2}",
  "str(True), str(False), repr(True), -True, True + True, True * 10, True / 2, True ** 2",
  "2**64, -2**63, 10**30 // 7, 3.0 * 10**16",
];

const HASH = [
  "hash(1), hash(-1), hash(2**61), hash(2**61 - 1), hash(-2**61), hash(1.5), hash(-1.0), hash(float('inf')), hash(float('-inf')), hash(0.1)",
  "hash(1+2j), hash(1j), hash(True), hash(10**30), hash(-0.0), hash(1e300), hash(2**64) == hash(2.0**64), hash(0.5) == hash(complex(0.5, 0))",
  "{1: 'a', 1.0: 'b', True: 'c', 1+0j: 'd'}, {2, 2.0, 2+0j}, len({0, 0.0, -0.0, False, 0j})",
];

const COMPARE = [
  "1 == 1.0, 1 < 1.5, 2**53 + 1 == 2.0**53, 2**53 + 1 > 2.0**53, 10**400 > 1e308, 10**400 < float('inf'), -10**400 < float('-inf'), 1 < float('nan')",
  "float('nan') == float('nan'), float('nan') != float('nan'), 1 == 1+0j, 1.5 == 1.5+0j, 1j == 1j, 2**53+1 == complex(2**53, 0), 1j != 1, 0.0 == -0.0",
  "10**400 == 1e308 * 10, 10**308 == 1e308, int(1e308) == 1e308, 2**1024 > float('inf') if False else 0, [1, 2.0, 3j] == [1.0, 2, 3j]",
  "sorted([3, 1.5, True, -2**70, 2.5, 0]), max(1, 1.0), min(1.0, 1), max(2**100, 1e30)",
  "x = float('nan')\nx == x, x is x, [x] == [x], x in [x], x in {x}",
  "1 < 'a'",
  "'a' > 1.5",
  "1.5 <= None",
  "1j >= 1j",
];

const DIGIT_LIMIT = [
  "len(str(10**4299)), len(str(-10**4299))",
  "str(10**4300)",
  "x = int('1' * 4301)",
  "int('1' * 4301, 16) > 0, len(hex(10**5000)), len(bin(10**5000))",
  "f'{10**5000}'",
  "'%d' % 10**5000",
  "import sys\nsys.set_int_max_str_digits(0)\nlen(str(10**5000))",
  "import sys\nsys.set_int_max_str_digits(1000)\nstr(10**1000)",
  "import sys\nsys.set_int_max_str_digits(1000)\nint('1' * 1001)",
];

differentialSuite("number formatting", FORMAT);
differentialSuite("number reprs", REPR);
differentialSuite("number hashes", HASH);
differentialSuite("number comparisons", COMPARE);
differentialSuite("int/str digit limit", DIGIT_LIMIT, { versions: ["3.7", "3.8", "3.9", "3.10", "3.11", "3.12", "3.13"] });
