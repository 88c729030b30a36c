// Identity, reference counts and sizes of number objects: which operations return the same
// object (+x, int(x), float(x), x.real), which allocate, the small-int cache for computed
// results, id reuse through the float free list, and sys.getsizeof per digit count.
import { differentialSuite } from "./number-support.js";

const PRELUDE = ["import sys, ctypes\ndef ref_count(address):\n    return ctypes.c_long.from_address(address).value"];

const CELLS = [
  "x = 1000\n+x is x, abs(x) is x, int(x) is x, x.real is x, x.numerator is x, x.conjugate() is x, x.__trunc__() is x, round(x) is x, x.__index__() is x",
  "y = 1.5\n+y is y, float(y) is y, y.real is y, y.conjugate() is y, abs(y) is y, -(-y) is y, y.imag is y",
  "z = 1+2j\n+z is z, complex(z) is z, z.conjugate() is z, z.real is z.real",
  "t, one = True, 1\n+t is t, int(t) is t, t.real is t, abs(t) is one, -(-t) is one",
  "a = 10**20\nb = +a\nc = int(a)\nprint(sys.getrefcount(a), ref_count(id(a)))",
  "f = 2.5\ng = float(f)\nprint(sys.getrefcount(f), ref_count(id(f)))",
  "n, top, bottom = 250, 256, -5\nm = n + 6\nm is top, (n + 7) is (n + 7), (n - 255) is bottom, (n - 256) is (n - 256)",
  "sys.getsizeof(10**20), sys.getsizeof(0), sys.getsizeof(True), sys.getsizeof(1.5), sys.getsizeof(1j), sys.getsizeof(2**30), sys.getsizeof(-1), sys.getsizeof(2**60)",
  "[sys.getsizeof(2**k) for k in (0, 29, 30, 59, 60, 89, 90, 300)]",
  "u = 1.25 * 3\naddress = id(u)\ndel u\nv = 0.5 + 0.25\nid(v) == address",
  "p = 1.0 / 3\nq = p * 3\nr = 10**30 * 2\nsys.getrefcount(p), sys.getrefcount(q), sys.getrefcount(r)",
  "k = 7.0\nk2 = k\nk += 1\nk2 is k, k2, k",
  "big = 2**100\nbig2 = big\nbig += 0\nbig is big2, big == big2",
];

differentialSuite("number identity and memory", CELLS, { prelude: PRELUDE });
