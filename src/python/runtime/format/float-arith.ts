// Float arithmetic with CPython's semantics: floor division, modulo, divmod and pow (floatobject.c).

import { FormatError, LATEST_VERSION, atLeast, type FormatVersion } from "./format-error.js";
import { floatZeroDivisionMessage } from "./division-messages.js";
import { binaryParts, bitLength, fractionAndExponent } from "./float-bits.js";
import { ratioToFloat } from "./ratio-to-float.js";
import { LN2, add, expSmall, logNearOne, multiplyByDouble, negate } from "./double-double.js";

/**
 * Returned by floatPow when a negative base meets a fractional exponent: CPython then computes
 * a complex power, which is the runtime's job (it has complex numbers).
 */
export interface ComplexPowResult {
  readonly kind: "complex";
  readonly base: number;
  readonly exponent: number;
}

export function isComplexPowResult(value: unknown): value is ComplexPowResult {
  return typeof value === "object" && value !== null && (value as ComplexPowResult).kind === "complex";
}

/** a / b for floats. */
export function floatTrueDiv(a: number, b: number, version: FormatVersion = LATEST_VERSION): number {
  if (b === 0) throw new FormatError("ZeroDivisionError", floatZeroDivisionMessage("truediv", version));
  return a / b;
}

/** a % b: fmod, then moved into the divisor's sign; a zero result carries the divisor's sign. */
export function floatMod(a: number, b: number, version: FormatVersion = LATEST_VERSION): number {
  if (b === 0) throw new FormatError("ZeroDivisionError", floatZeroDivisionMessage("mod", version));
  let modulo = a % b; // JavaScript's % on numbers is C's fmod: exact.
  if (modulo !== 0) {
    if (b < 0 !== modulo < 0) modulo += b;
  } else {
    modulo = b < 0 ? -0 : 0;
  }
  return modulo;
}

/** divmod without the zero check, as _float_div_mod. */
function divisionAndModulo(a: number, b: number): [number, number] {
  let modulo = a % b;
  // (a - modulo) is exactly divisible by b in real arithmetic, so this division is nearly exact.
  let division = (a - modulo) / b;
  if (modulo !== 0) {
    if (b < 0 !== modulo < 0) {
      modulo += b;
      division -= 1;
    }
  } else {
    modulo = b < 0 ? -0 : 0;
  }
  let floorDivision: number;
  if (division !== 0) {
    floorDivision = Math.floor(division);
    if (division - floorDivision > 0.5) floorDivision += 1;
  } else {
    floorDivision = a / b < 0 || Object.is(a / b, -0) ? -0 : 0;
  }
  return [floorDivision, modulo];
}

/** a // b for floats. */
export function floatFloorDiv(a: number, b: number, version: FormatVersion = LATEST_VERSION): number {
  if (b === 0) throw new FormatError("ZeroDivisionError", floatZeroDivisionMessage("floordiv", version));
  return divisionAndModulo(a, b)[0];
}

/** divmod(a, b) for floats. */
export function floatDivmod(a: number, b: number, version: FormatVersion = LATEST_VERSION): [number, number] {
  if (b === 0) throw new FormatError("ZeroDivisionError", floatZeroDivisionMessage("divmod", version));
  return divisionAndModulo(a, b);
}

function isOddInteger(x: number): boolean {
  return Math.abs(x) % 2 === 1;
}

function zeroToNegativePowerMessage(version: FormatVersion): string {
  return atLeast(version, 14) ? "zero to a negative power" : "0.0 cannot be raised to a negative power";
}

/** The largest mantissa-bits × exponent product computed exactly with bigints. */
const EXACT_POWER_BITS = 20000;

/**
 * base ** exponent for positive finite base != 1 and finite exponent != 0, correctly rounded:
 * exactly with bigints for cheap integral exponents, else through exp(exponent * log(base)) in
 * double-double arithmetic. glibc's pow, which CPython calls, is correctly rounded except in rare
 * near-halfway cases (it errs by at most 0.52 ulp), so this matches it nearly always.
 */
function positivePower(base: number, exponent: number): number {
  const { mantissa, exponent: binaryExponent } = binaryParts(base);
  const count = Math.abs(exponent);
  const estimatedLog2 = Math.log2(base) * exponent;
  if (estimatedLog2 > 1100) return Infinity;
  if (estimatedLog2 < -1200) return 0;
  if (Number.isInteger(exponent) && bitLength(mantissa) * count <= EXACT_POWER_BITS) {
    const power = mantissa ** BigInt(count);
    const shift = binaryExponent * count;
    let numerator = power;
    let denominator = 1n;
    if (shift >= 0) numerator <<= BigInt(shift);
    else denominator <<= BigInt(-shift);
    return exponent > 0 ? ratioToFloat(numerator, denominator) : ratioToFloat(denominator, numerator);
  }
  return doubleDoublePower(base, exponent);
}

function doubleDoublePower(base: number, exponent: number): number {
  // base = m * 2^e with m in [sqrt(1/2), sqrt(2)).
  let [m, binaryExponent] = fractionAndExponent(base);
  if (m < Math.SQRT1_2) {
    m *= 2;
    binaryExponent -= 1;
  }
  const logarithm = add(multiplyByDouble(LN2, binaryExponent), logNearOne(m));
  const product = multiplyByDouble(logarithm, exponent);
  if (product[0] > 710) return Infinity;
  if (product[0] < -746) return 0;
  const twos = Math.round(product[0] / LN2[0]);
  const reduced = add(product, negate(multiplyByDouble(LN2, twos)));
  const [high, low] = expSmall(reduced);
  if (twos > -1020) {
    // Normal result: rounding hi + lo then scaling by a power of two is exact.
    const value = high + low;
    return twos > 1000 ? value * 2 ** 1000 * 2 ** (twos - 1000) : value * 2 ** twos;
  }
  // Subnormal result: round the exact sum hi + lo, scaled, once.
  const highParts = binaryParts(high);
  const lowParts = binaryParts(Math.abs(low));
  const lowest = Math.min(highParts.exponent, lowParts.mantissa === 0n ? highParts.exponent : lowParts.exponent);
  let sum = highParts.mantissa << BigInt(highParts.exponent - lowest);
  const lowTerm = lowParts.mantissa << BigInt(lowParts.exponent - lowest);
  sum = low < 0 ? sum - lowTerm : sum + lowTerm;
  const scale = lowest + twos;
  return scale >= 0 ? ratioToFloat(sum << BigInt(scale), 1n) : ratioToFloat(sum, 1n << BigInt(-scale));
}

/**
 * base ** exponent for floats, with float_pow's special cases: 0.0 to a negative power raises
 * ZeroDivisionError, overflow raises OverflowError, and a negative base with a fractional exponent
 * returns a ComplexPowResult.
 */
export function floatPow(
  base: number,
  exponent: number,
  version: FormatVersion = LATEST_VERSION,
): number | ComplexPowResult {
  if (exponent === 0) return 1;
  if (base !== base) return base;
  if (exponent !== exponent) return base === 1 ? 1 : exponent;
  if (exponent === Infinity || exponent === -Infinity) {
    const magnitude = Math.abs(base);
    if (magnitude === 1) return 1;
    return exponent > 0 === magnitude > 1 ? Infinity : 0;
  }
  if (base === Infinity || base === -Infinity) {
    const odd = isOddInteger(exponent);
    if (exponent > 0) return odd ? base : Infinity;
    return odd ? (base < 0 ? -0 : 0) : 0;
  }
  if (base === 0) {
    if (exponent < 0) throw new FormatError("ZeroDivisionError", zeroToNegativePowerMessage(version));
    return isOddInteger(exponent) ? base : 0;
  }
  let magnitude = base;
  let negateResult = false;
  if (base < 0) {
    if (exponent !== Math.floor(exponent)) return { kind: "complex", base, exponent };
    magnitude = -base;
    negateResult = isOddInteger(exponent);
  }
  if (magnitude === 1) return negateResult ? -1 : 1;
  const result = positivePower(magnitude, exponent);
  if (result === Infinity) {
    throw new FormatError("OverflowError", "(34, 'Numerical result out of range')");
  }
  return negateResult ? -result : result;
}
