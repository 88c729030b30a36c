// The remaining C math functions CPython's math module calls: pow with C99's special values,
// fmod, remainder, nextafter, cbrt, exact fma, frexp and ldexp.
import { floatPow, isComplexPowResult, FormatError } from "../format/index.js";
import { fractionAndExponent, binaryParts, signBit } from "../format/float-bits.js";
import { ratioToFloat } from "../format/ratio-to-float.js";
import { roundScaled, productOfDoubles, sumOfDoubles } from "./libm-dd.js";

/** C's pow(x, y) for finite x and y: NaN for a negative base to a fraction, ±inf at poles. */
export function cPow(x: number, y: number): number {
  const odd = Number.isInteger(y) && Math.abs(y) % 2 === 1;
  try {
    const result = floatPow(x, y);
    return isComplexPowResult(result) ? NaN : result;
  } catch (error) {
    if (!(error instanceof FormatError)) throw error;
    // 0 to a negative power is a pole; anything else thrown is overflow.
    if (x === 0) return odd && signBit(x) ? -Infinity : Infinity;
    return x < 0 && odd ? -Infinity : Infinity;
  }
}

/** C's fmod: exact, with the sign of x. */
export function fmod(x: number, y: number): number {
  return x % y;
}

/** IEEE 754 remainder: x - n*y with n the integer nearest x/y (ties to even), as m_remainder. */
export function remainder(x: number, y: number): number {
  if (Number.isFinite(x) && Number.isFinite(y)) {
    if (y === 0) return NaN;
    const absX = Math.abs(x);
    const absY = Math.abs(y);
    const modulo = absX % absY;
    const complement = absY - modulo;
    let result: number;
    if (modulo < complement) result = modulo;
    else if (modulo > complement) result = -complement;
    else result = modulo - 2.0 * ((0.5 * (absX - modulo)) % absY);
    return (signBit(x) ? -1 : 1) * result;
  }
  if (x !== x) return x;
  if (y !== y) return y;
  if (!Number.isFinite(x)) return NaN;
  return x;
}

const bits = new DataView(new ArrayBuffer(8));

/** The double next to x in the direction of y (C's nextafter). */
export function nextAfter(x: number, y: number): number {
  if (x !== x || y !== y) return x + y;
  if (x === y) return y;
  if (x === 0) return y > 0 ? 5e-324 : -5e-324;
  bits.setFloat64(0, x);
  let word = bits.getBigUint64(0);
  const away = (y > x) === (x > 0);
  word = away ? word + 1n : word - 1n;
  bits.setBigUint64(0, word);
  return bits.getFloat64(0);
}

/** x moved `steps` doubles toward y, stopping at y (math.nextafter's steps, 3.12+). */
export function nextAfterSteps(x: number, y: number, steps: bigint): number {
  if (x !== x) return x;
  if (y !== y) return y;
  if (steps === 0n) return x;
  const ordered = (value: number): bigint => {
    bits.setFloat64(0, value);
    const word = bits.getBigInt64(0);
    return word < 0n ? -(word & 0x7fffffffffffffffn) : word;
  };
  const from = ordered(x);
  const to = ordered(y);
  if (from === to) return y;
  const distance = from < to ? to - from : from - to;
  if (steps >= distance) return y;
  const target = from < to ? from + steps : from - steps;
  bits.setBigInt64(0, target < 0n ? -target | -0x8000000000000000n : target);
  return bits.getFloat64(0);
}

const CUBE_ROOT_TWO = 1.2599210498948731648;
const CUBE_ROOT_TWO_SQUARED = 1.5874010519681994748;
const CUBE_ROOT_FACTORS = [1.0 / CUBE_ROOT_TWO_SQUARED, 1.0 / CUBE_ROOT_TWO, 1.0, CUBE_ROOT_TWO, CUBE_ROOT_TWO_SQUARED];

/**
 * glibc's cbrt: a polynomial guess refined by one Halley step. It is not correctly rounded
 * (cbrt(27.0) is 3.0000000000000004), so only the same operations give CPython's results.
 */
export function cbrt(x: number): number {
  if (x === 0 || !Number.isFinite(x)) return x + x;
  const [fraction, exponent] = fractionAndExponent(Math.abs(x));
  const m = fraction;
  const u =
    0.354895765043919860 +
    (1.50819193781584896 + (-2.11499494167371287 + (2.44693122563534430 + (-1.83469277483613086 + (0.784932344976639262 - 0.145263899385486377 * m) * m) * m) * m) * m) * m;
  const cube = u * u * u;
  const root = ((u * (cube + 2.0 * m)) / (2.0 * cube + m)) * CUBE_ROOT_FACTORS[2 + (exponent % 3)]!;
  return ldexp(x > 0.0 ? root : -root, Math.trunc(exponent / 3));
}

/** x * y + z rounded once (C's fma). */
export function fusedMultiplyAdd(x: number, y: number, z: number): number {
  if (!Number.isFinite(x) || !Number.isFinite(y) || !Number.isFinite(z)) return x * y + z;
  if (x === 0 || y === 0) return x * y + z;
  if (z === 0) return x * y;
  // Fast path: x*y = p + e exactly and z + p = s + t exactly; when t + e is exact too, one
  // rounding of s + (t + e) is the rounding of the exact sum.
  const productSize = Math.abs(x * y);
  if (productSize < 1e300 && productSize > 1e-290 && Math.abs(z) < 1e300 && Math.abs(z) > 1e-290) {
    const [product, productError] = productOfDoubles(x, y);
    const [sum, sumError] = sumOfDoubles(product, z);
    const [tail, tailError] = sumOfDoubles(sumError, productError);
    if (tailError === 0) return sum + tail;
  }
  const xp = binaryParts(Math.abs(x));
  const yp = binaryParts(Math.abs(y));
  const zp = binaryParts(Math.abs(z));
  const productSign = (x < 0) !== (y < 0) ? -1n : 1n;
  const productExponent = xp.exponent + yp.exponent;
  const low = Math.min(productExponent, zp.exponent);
  const sum = productSign * (xp.mantissa * yp.mantissa << BigInt(productExponent - low)) + (z < 0 ? -1n : 1n) * (zp.mantissa << BigInt(zp.exponent - low));
  if (sum === 0n) return 0;
  const magnitude = sum < 0n ? -sum : sum;
  const value = low >= 0 ? ratioToFloat(magnitude << BigInt(low), 1n) : ratioToFloat(magnitude, 1n << BigInt(-low));
  return sum < 0n ? -value : value;
}

/** C's frexp: [fraction in [0.5, 1), exponent]; zeros, infinities and NaN unchanged with 0. */
export function frexp(x: number): [number, number] {
  if (x === 0 || !Number.isFinite(x)) return [x, 0];
  const [fraction, exponent] = fractionAndExponent(Math.abs(x));
  return [x < 0 ? -fraction : fraction, exponent];
}

/** C's ldexp, rounded once (subnormal results too), ±inf on overflow. */
export function ldexp(x: number, exponent: number): number {
  if (x === 0 || !Number.isFinite(x)) return x;
  return roundScaled([x, 0], exponent);
}
