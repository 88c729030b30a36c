// Correctly rounded conversion of an exact ratio of big integers to the nearest double.

import { bitLength } from "./float-bits.js";

const TWO_POW_53 = 2n ** 53n;

/**
 * The double nearest to numerator / denominator (both non-negative, denominator > 0), ties to
 * even, subnormals included; Infinity when the rounded value reaches 2 ** 1024. This is the
 * rounding CPython's `long_true_divide` and `PyLong_AsDouble` perform.
 */
export function ratioToFloat(numerator: bigint, denominator: bigint): number {
  if (numerator === 0n) return 0;
  // Both operands exact as doubles: IEEE division is itself correctly rounded.
  if (numerator <= TWO_POW_53 && denominator <= TWO_POW_53) {
    return Number(numerator) / Number(denominator);
  }
  const magnitude = bitLength(numerator) - bitLength(denominator);
  // The quotient lies in [2^(magnitude-1), 2^(magnitude+1)).
  if (magnitude - 1 >= 1024) return Infinity;
  if (magnitude + 1 < -1075) return 0;
  // Scale so the integer quotient has 55 or 56 bits: two guard bits beyond the 53 kept.
  const scale = magnitude - 55;
  let quotient: bigint;
  let remainder: bigint;
  if (scale >= 0) {
    const divisor = denominator << BigInt(scale);
    quotient = numerator / divisor;
    remainder = numerator - quotient * divisor;
  } else {
    const dividend = numerator << BigInt(-scale);
    quotient = dividend / denominator;
    remainder = dividend - quotient * denominator;
  }
  let dropped = bitLength(quotient) - 53;
  // Below the normal range the precision shrinks: the last kept bit is worth 2^-1074.
  if (scale + dropped < -1074) dropped = -1074 - scale;
  const droppedBig = BigInt(dropped);
  let mantissa = quotient >> droppedBig;
  const rest = quotient - (mantissa << droppedBig);
  const half = 1n << (droppedBig - 1n);
  if (rest > half || (rest === half && (remainder !== 0n || (mantissa & 1n) === 1n))) {
    mantissa += 1n;
  }
  const exponent = scale + dropped;
  if (exponent + bitLength(mantissa) > 1024) return Infinity;
  // mantissa <= 2^53 and exponent >= -1074, so both factors and the product are exact.
  return Number(mantissa) * 2 ** exponent;
}
