// Int arithmetic whose results or errors need CPython's exact rules: true division, pow, round.

import { FormatError, LATEST_VERSION, atLeast, type FormatVersion } from "./format-error.js";
import { ratioToFloat } from "./ratio-to-float.js";
import { intZeroDivisionMessage } from "./division-messages.js";
import { floatPow, type ComplexPowResult } from "./float-arith.js";
import { powerOfTen } from "./float-bits.js";

const TWO_POW_53 = 2n ** 53n;

/** float(v) for an int, correctly rounded (half-even), as PyLong_AsDouble. */
export function intToFloat(value: bigint): number {
  if (value <= TWO_POW_53 && value >= -TWO_POW_53) return Number(value);
  const magnitude = ratioToFloat(value < 0n ? -value : value, 1n);
  if (magnitude === Infinity) throw new FormatError("OverflowError", "int too large to convert to float");
  return value < 0n ? -magnitude : magnitude;
}

/** a / b for ints: correctly rounded like long_true_divide, so 10**400 / 10**399 is 10.0. */
export function intTrueDiv(a: bigint, b: bigint, version: FormatVersion = LATEST_VERSION): number {
  if (b === 0n) throw new FormatError("ZeroDivisionError", intZeroDivisionMessage("truediv", version));
  // Both exact as doubles: one IEEE division is correctly rounded (and 0 / -5 is -0.0, as in C).
  if (a <= TWO_POW_53 && a >= -TWO_POW_53 && b <= TWO_POW_53 && b >= -TWO_POW_53) {
    return Number(a) / Number(b);
  }
  const negative = a < 0n !== b < 0n;
  const magnitude = ratioToFloat(a < 0n ? -a : a, b < 0n ? -b : b);
  if (magnitude === Infinity) {
    throw new FormatError("OverflowError", "integer division result too large for a float");
  }
  return negative ? -magnitude : magnitude;
}

function floorDivMod(a: bigint, b: bigint): [bigint, bigint] {
  let quotient = a / b;
  let remainder = a - quotient * b;
  // BigInt division truncates; Python floors, so the remainder takes the divisor's sign.
  if (remainder !== 0n && remainder < 0n !== b < 0n) {
    quotient -= 1n;
    remainder += b;
  }
  return [quotient, remainder];
}

/** a // b for ints. */
export function intFloorDiv(a: bigint, b: bigint, version: FormatVersion = LATEST_VERSION): bigint {
  if (b === 0n) throw new FormatError("ZeroDivisionError", intZeroDivisionMessage("floordiv", version));
  return floorDivMod(a, b)[0];
}

/** a % b for ints (the result has the divisor's sign). */
export function intMod(a: bigint, b: bigint, version: FormatVersion = LATEST_VERSION): bigint {
  if (b === 0n) throw new FormatError("ZeroDivisionError", intZeroDivisionMessage("mod", version));
  return floorDivMod(a, b)[1];
}

/** divmod(a, b) for ints. */
export function intDivmod(a: bigint, b: bigint, version: FormatVersion = LATEST_VERSION): [bigint, bigint] {
  if (b === 0n) throw new FormatError("ZeroDivisionError", intZeroDivisionMessage("divmod", version));
  return floorDivMod(a, b);
}

/**
 * base ** exponent for ints: an int for exponent >= 0, else the float power of both converted
 * to float (so `2 ** -1` is 0.5 and `0 ** -1` raises ZeroDivisionError), as long_pow.
 */
export function intPow(
  base: bigint,
  exponent: bigint,
  version: FormatVersion = LATEST_VERSION,
): bigint | number | ComplexPowResult {
  if (exponent >= 0n) return base ** exponent;
  return floatPow(intToFloat(base), intToFloat(exponent), version);
}

function modularPower(base: bigint, exponent: bigint, modulus: bigint): bigint {
  let result = 1n % modulus;
  let square = base % modulus;
  let remaining = exponent;
  while (remaining > 0n) {
    if ((remaining & 1n) === 1n) result = (result * square) % modulus;
    square = (square * square) % modulus;
    remaining >>= 1n;
  }
  return result;
}

/** The inverse of value modulo modulus (both positive), or undefined when gcd > 1. */
function modularInverse(value: bigint, modulus: bigint): bigint | undefined {
  let [oldRemainder, remainder] = [value % modulus, modulus];
  let [oldCoefficient, coefficient] = [1n, 0n];
  while (remainder !== 0n) {
    const quotient = oldRemainder / remainder;
    [oldRemainder, remainder] = [remainder, oldRemainder - quotient * remainder];
    [oldCoefficient, coefficient] = [coefficient, oldCoefficient - quotient * coefficient];
  }
  if (oldRemainder !== 1n) return undefined;
  return ((oldCoefficient % modulus) + modulus) % modulus;
}

/** pow(base, exponent, modulus) for ints; a negative exponent inverts the base (3.8+). */
export function intPowMod(
  base: bigint,
  exponent: bigint,
  modulus: bigint,
  version: FormatVersion = LATEST_VERSION,
): bigint {
  // Before 3.8 a negative exponent was refused before the modulus was looked at.
  if (exponent < 0n && !atLeast(version, 8)) {
    throw new FormatError("ValueError", "pow() 2nd argument cannot be negative when 3rd argument specified");
  }
  if (modulus === 0n) throw new FormatError("ValueError", "pow() 3rd argument cannot be 0");
  const negativeModulus = modulus < 0n;
  const positiveModulus = negativeModulus ? -modulus : modulus;
  let effectiveBase = ((base % positiveModulus) + positiveModulus) % positiveModulus;
  let effectiveExponent = exponent;
  if (exponent < 0n) {
    const inverse = modularInverse(effectiveBase, positiveModulus);
    if (inverse === undefined) throw new FormatError("ValueError", "base is not invertible for the given modulus");
    effectiveBase = inverse;
    effectiveExponent = -exponent;
  }
  const result = modularPower(effectiveBase, effectiveExponent, positiveModulus);
  return negativeModulus && result !== 0n ? result - positiveModulus : result;
}

/** round(v, ndigits) for an int: half-even to a multiple of 10 ** -ndigits (`round(1250, -2)` is 1200). */
export function intRound(value: bigint, ndigits: bigint): bigint {
  if (ndigits >= 0n) return value;
  const unit = -ndigits < 400n ? powerOfTen(Number(-ndigits)) : 10n ** -ndigits;
  let [quotient, remainder] = floorDivMod(value, unit);
  const twiceRemainder = remainder * 2n;
  if (twiceRemainder > unit || (twiceRemainder === unit && (quotient & 1n) === 1n)) quotient += 1n;
  return quotient * unit;
}
