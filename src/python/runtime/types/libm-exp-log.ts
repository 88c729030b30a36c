// Exponentials and logarithms of the simulator's libm, correctly rounded through double-double
// evaluation (glibc, which CPython calls, is correctly rounded in all but rare near-halfway cases).
// These return IEEE results (inf, nan, -0.0); math-module domain errors are decided by callers.
import { expSmall } from "../format/double-double.js";
import { fractionAndExponent } from "../format/float-bits.js";
import {
  add,
  subtract,
  multiply,
  multiplyByDouble,
  divide,
  divideByInteger,
  scaleByPowerOfTwo,
  sumOfDoubles,
  roundScaled,
  type DoubleDouble,
} from "./libm-dd.js";
import { libmConstants } from "./libm-constants.js";

/** exp(a) as mantissa * 2^exponent with the mantissa in [0.7, 1.42]; |a| below ~1e5. */
export function expScaled(a: DoubleDouble): { value: DoubleDouble; exponent: number } {
  const { ln2 } = libmConstants();
  const k = Math.round(a[0] / ln2[0]);
  const reduced = subtract(a, multiplyByDouble(ln2, k));
  return { value: expSmall(reduced), exponent: k };
}

/** Largest x with exp(x) finite is about 709.78; below -745.2 exp(x) rounds to zero. */
const EXP_OVERFLOW = 709.8;
const EXP_UNDERFLOW = -745.2;

export function exp(x: number): number {
  if (x !== x) return x;
  if (x === 0) return 1;
  if (x > EXP_OVERFLOW) return Infinity;
  if (x < EXP_UNDERFLOW) return 0;
  const { value, exponent } = expScaled([x, 0]);
  return roundScaled(value, exponent);
}

/** 2^x (math.exp2). */
export function exp2(x: number): number {
  if (x !== x) return x;
  if (Number.isInteger(x) && x >= -1074 && x <= 1023) return 2 ** x;
  if (x > 1024) return Infinity;
  if (x < -1080) return 0;
  const whole = Math.round(x);
  const { ln2 } = libmConstants();
  const { value, exponent } = expScaled(multiplyByDouble(ln2, x - whole));
  return roundScaled(value, exponent + whole);
}

/** sum of a^n / n! for n >= 1: exp(a) - 1 without cancellation, for small |a|. */
function expm1Series(a: DoubleDouble): DoubleDouble {
  let term = a;
  let sum = a;
  for (let n = 2; n < 60; n++) {
    term = divideByInteger(multiply(term, a), n);
    sum = add(sum, term);
    if (Math.abs(term[0]) <= Math.abs(sum[0]) * 1e-34) break;
  }
  return sum;
}

/** exp(a) - 1 as a double-double, for |a| up to ~700. */
export function expm1Double(a: DoubleDouble): DoubleDouble {
  if (Math.abs(a[0]) < 0.35) return expm1Series(a);
  const { value, exponent } = expScaled(a);
  return subtract(scaleByPowerOfTwo(value, exponent), [1, 0]);
}

export function expm1(x: number): number {
  if (x !== x || x === 0) return x;
  if (x > EXP_OVERFLOW) return Infinity;
  if (x < -40) return -1;
  if (x > 700) {
    const { value, exponent } = expScaled([x, 0]);
    return roundScaled(value, exponent);
  }
  return expm1Double([x, 0])[0];
}

/** ln(a) for a finite a > 0 given as a double-double. */
export function logDouble(a: DoubleDouble): DoubleDouble {
  const { ln2 } = libmConstants();
  let [, exponent] = fractionAndExponent(a[0]);
  let scaled = scaleByPowerOfTwo(a, -exponent);
  if (scaled[0] < Math.SQRT1_2) {
    scaled = scaleByPowerOfTwo(scaled, 1);
    exponent -= 1;
  }
  // ln(m) = 2 atanh((m - 1) / (m + 1)), |ratio| <= 0.172 for m in [sqrt(1/2), sqrt(2)].
  const ratio = divide(subtract(scaled, [1, 0]), add(scaled, [1, 0]));
  const square = multiply(ratio, ratio);
  let power = ratio;
  let sum = ratio;
  for (let odd = 3; odd < 200; odd += 2) {
    power = multiply(power, square);
    const term = divideByInteger(power, odd);
    sum = add(sum, term);
    if (Math.abs(term[0]) <= Math.abs(sum[0]) * 1e-34) break;
  }
  return add(multiplyByDouble(ln2, exponent), [sum[0] * 2, sum[1] * 2]);
}

/** Natural logarithm with C's results: log(0) = -inf, log(x < 0) = nan. */
export function log(x: number): number {
  if (x !== x || x === Infinity) return x;
  if (x === 0) return -Infinity;
  if (x < 0) return NaN;
  if (x === 1) return 0;
  return logDouble([x, 0])[0];
}

export function log2(x: number): number {
  if (x !== x || x === Infinity) return x;
  if (x === 0) return -Infinity;
  if (x < 0) return NaN;
  return divide(logDouble([x, 0]), libmConstants().ln2)[0];
}

const IVLN10 = 4.34294481903251816668e-1;
const LOG10_2_HIGH = 3.01029995663611771306e-1;
const LOG10_2_LOW = 3.69423907715893078616e-13;
const words = new DataView(new ArrayBuffer(8));

/**
 * glibc's log10 is fdlibm's (not correctly rounded): x = 2^n * m, then
 * n*log10(2)_lo + log(m)/ln(10) + n*log10(2)_hi, with this file's correctly rounded log.
 */
export function log10(input: number): number {
  let x = input;
  if (x !== x || x === Infinity) return x;
  if (x === 0) return -Infinity;
  if (x < 0) return NaN;
  words.setFloat64(0, x);
  let high = words.getInt32(0);
  let k = 0;
  if (high < 0x00100000) {
    k -= 54;
    x *= 18014398509481984.0;
    words.setFloat64(0, x);
    high = words.getInt32(0);
  }
  k += (high >> 20) - 1023;
  const negativeExponent = k < 0 ? 1 : 0;
  high = (high & 0x000fffff) | ((0x3ff - negativeExponent) << 20);
  const y = k + negativeExponent;
  words.setInt32(0, high);
  x = words.getFloat64(0);
  const z = y * LOG10_2_LOW + IVLN10 * log(x);
  return z + y * LOG10_2_HIGH;
}

export function log1p(x: number): number {
  if (x !== x || x === Infinity || x === 0) return x;
  if (x === -1) return -Infinity;
  if (x < -1) return NaN;
  return logDouble(sumOfDoubles(1, x))[0];
}
