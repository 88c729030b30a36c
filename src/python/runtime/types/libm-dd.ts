// Double-double helpers for the simulator's libm: exact sums and products of doubles, square
// roots, conversions from big fixed-point values, and rounding a scaled result once (subnormals).
//
// A DoubleDouble [hi, lo] here is always normalised: hi === hi + lo in double arithmetic, so hi
// is the double nearest to the pair's exact value. That makes `hi` the correctly rounded result
// whenever the pair approximates the true value to ~2^-104 and no subnormal scaling follows.
import { add, multiply, multiplyByDouble, divide, negate, twoSum, twoProduct, type DoubleDouble } from "../format/double-double.js";
import { binaryParts } from "../format/float-bits.js";
import { ratioToFloat } from "../format/ratio-to-float.js";

export { add, multiply, multiplyByDouble, divide, negate, type DoubleDouble };
// Exact sums and products of two doubles, under the names the libm code reads best with.
export { twoSum as sumOfDoubles, twoProduct as productOfDoubles };

export function subtract(a: DoubleDouble, b: DoubleDouble): DoubleDouble {
  return add(a, negate(b));
}

export function fromNumber(x: number): DoubleDouble {
  return [x, 0];
}

/** a / n for a small integer n (exact enough: one double-double division). */
export function divideByInteger(a: DoubleDouble, n: number): DoubleDouble {
  return divide(a, [n, 0]);
}

/** Multiplies by 2^k exactly as long as neither part over- or underflows. */
export function scaleByPowerOfTwo(a: DoubleDouble, k: number): DoubleDouble {
  if (k <= 1000 && k >= -1000) {
    const factor = 2 ** k;
    return [a[0] * factor, a[1] * factor];
  }
  // 2^k itself would not be a double: scale in two exact steps.
  const half = Math.trunc(k / 2);
  const first = 2 ** half;
  const second = 2 ** (k - half);
  return [a[0] * first * second, a[1] * first * second];
}

/** sqrt(a) for a >= 0, one Newton correction on the double square root. */
export function squareRoot(a: DoubleDouble): DoubleDouble {
  if (a[0] <= 0) return [Math.sqrt(a[0]), 0];
  const root = Math.sqrt(a[0]);
  const residual = subtract(a, twoProduct(root, root));
  return normalise(root, residual[0] / (2 * root));
}

function normalise(a: number, b: number): DoubleDouble {
  const sum = a + b;
  return [sum, b - (sum - a)];
}

/** value * 2^k, exact while the result stays normal. */
export function scaleDouble(value: number, k: number): number {
  if (k <= 1000 && k >= -1000) return value * 2 ** k;
  const half = Math.trunc(k / 2);
  return value * 2 ** half * 2 ** (k - half);
}

export function absolute(a: DoubleDouble): DoubleDouble {
  return a[0] < 0 || (a[0] === 0 && a[1] < 0) ? negate(a) : a;
}

/** The double-double nearest to numerator / 2^fractionBits (a signed fixed-point bigint). */
export function fromFixedPoint(numerator: bigint, fractionBits: number): DoubleDouble {
  const negative = numerator < 0n;
  const magnitude = negative ? -numerator : numerator;
  const denominator = 1n << BigInt(fractionBits);
  const high = ratioToFloat(magnitude, denominator);
  const highExact = exactFixed(high, fractionBits);
  const rest = magnitude - highExact;
  const low = rest < 0n ? -ratioToFloat(-rest, denominator) : ratioToFloat(rest, denominator);
  const pair = normalise(high, low);
  return negative ? negate(pair) : pair;
}

/** A non-negative double as an integer multiple of 2^-fractionBits (exact when representable). */
function exactFixed(x: number, fractionBits: number): bigint {
  const { mantissa, exponent } = binaryParts(x);
  const shift = exponent + fractionBits;
  return shift >= 0 ? mantissa << BigInt(shift) : mantissa >> BigInt(-shift);
}

/**
 * The double nearest to (hi + lo) * 2^k, rounded once even when the result is subnormal or
 * overflows (Infinity). Exact arithmetic on the two doubles decides the last bit.
 */
export function roundScaled(a: DoubleDouble, k: number): number {
  const [high, low] = a;
  if (high === 0 || !Number.isFinite(high)) return high;
  const magnitude = Math.abs(high);
  const exponentEstimate = Math.floor(Math.log2(magnitude)) + k;
  if (exponentEstimate > -1020 && exponentEstimate < 1023) {
    // Normal result: hi is already the rounded pair, and scaling by a power of two is exact.
    if (k <= 1000 && k >= -1000) return high * 2 ** k;
    const half = Math.trunc(k / 2);
    return high * 2 ** half * 2 ** (k - half);
  }
  const negative = high < 0;
  const highParts = binaryParts(Math.abs(high));
  const lowParts = binaryParts(Math.abs(low));
  const lowest = lowParts.mantissa === 0n ? highParts.exponent : Math.min(highParts.exponent, lowParts.exponent);
  let sum = highParts.mantissa << BigInt(highParts.exponent - lowest);
  const lowTerm = lowParts.mantissa === 0n ? 0n : lowParts.mantissa << BigInt(lowParts.exponent - lowest);
  sum = (low < 0) === negative ? sum + lowTerm : sum - lowTerm;
  const scale = lowest + k;
  const result = scale >= 0 ? ratioToFloat(sum << BigInt(scale), 1n) : ratioToFloat(sum, 1n << BigInt(-scale));
  return negative ? -result : result;
}
