// round(float) and round(float, n): CPython's float.__round__ and double_round.

import { FormatError } from "./format-error.js";
import { fixedDigits } from "./float-digits.js";
import { signBit } from "./float-bits.js";

/** round(x) for a float: nearest integer, ties to even, as an int. */
export function roundFloatToInt(x: number): bigint {
  if (x !== x) throw new FormatError("ValueError", "cannot convert float NaN to integer");
  if (x === Infinity || x === -Infinity) {
    throw new FormatError("OverflowError", "cannot convert float infinity to integer");
  }
  let rounded = Math.round(x); // rounds ties up; fix them to even below
  if (Math.abs(x - Math.trunc(x)) === 0.5) rounded = 2 * Math.round(x / 2);
  // Math.round(-2.5) is -2 and Math.round(-0.4) is -0: both fine once made a bigint.
  return BigInt(rounded);
}

/** Past this many digits every double is already exact: (53 - DBL_MIN_EXP) * log10(2). */
const MAX_DIGITS = 323;
/** Below this every double rounds to zero: -(DBL_MAX_EXP + 1) * log10(2). */
const MIN_DIGITS = -308;

/**
 * round(x, ndigits) for a float: correctly rounded half-even on the exact binary value (so
 * round(2.675, 2) is 2.67), via decimal digits and back like double_round. `ndigits` is clamped
 * as PyNumber_AsSsize_t clamps it, so any bigint is accepted.
 */
export function roundFloat(x: number, ndigits: bigint): number {
  if (x !== x || x === Infinity || x === -Infinity) return x;
  if (ndigits > BigInt(MAX_DIGITS)) return x;
  if (ndigits < BigInt(MIN_DIGITS)) return 0 * x;
  const precision = Number(ndigits);
  const negative = signBit(x);
  const { digits, decimalPoint } = fixedDigits(negative ? -x : x, precision);
  const text = `${negative ? "-" : ""}0${digits}e${decimalPoint - digits.length}`;
  const rounded = Number(text);
  if (!Number.isFinite(rounded)) {
    throw new FormatError("OverflowError", "rounded value too large to represent");
  }
  return rounded;
}
