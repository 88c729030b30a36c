// Bitwise operators and shifts on negative and big ints, bool's own & | ^, bit_length and
// bit_count, with the shift-count errors that changed in 3.7.
import { differentialSuite } from "./number-support.js";

const CELLS = [
  "5 & 3, 5 | 3, 5 ^ 3, -5 & 3, -5 | 3, -5 ^ 3, -5 & -3, -5 | -3, -5 ^ -3",
  "2**100 & -1, -2**100 | 1, (2**70 - 1) ^ -2**65, -(2**64) & (2**64 + 5), ~2**100, -(2**31) & 0xFFFFFFFF",
  "1 << 10, 1 << 100, -1 << 100, 5 >> 1, -5 >> 1, -1 >> 100, 2**100 >> 99, -2**100 >> 200, 0 << 1000",
  "x = 3\nx << 52, x << 53, -x << 60, (2**53 + 1) >> 1, -(2**53 + 1) >> 1",
  "1 << -1",
  "1 >> -1",
  "n = 2**70\n1 << n",
  "n = 2**70\n1 >> n, -1 >> n, 5 >> n",
  "n = 2**70\n0 << n",
  "t, f = True, False\nt & 1, t | 2, t ^ t, t & f, f | f, t ^ 1, type(t & f), type(t | f), type(t ^ t), type(t & 1), type(f | 0)",
  "t = True\nt & 1.5",
  "1.5 & 1",
  "1 << 1.0",
  "1 | 2j",
  "(5).bit_length(), (-5).bit_length(), (0).bit_length(), (2**100).bit_length(), (255).bit_length(), True.bit_length(), (-2**64).bit_length()",
  "(5).bit_count(), (-255).bit_count(), (2**100 - 1).bit_count(), (0).bit_count(), True.bit_count()",
  "bin(-5), hex(2**100), oct(-8), bin(0), hex(-255), bin(True)",
  "[x >> 1 for x in range(-4, 5)], [x << 3 for x in range(-3, 4)]",
];

differentialSuite("bitwise operations", CELLS);
