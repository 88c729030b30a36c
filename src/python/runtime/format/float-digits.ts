// Decimal digits of a double, correctly rounded half-even on its exact binary value (like dtoa).

import { binaryParts, powerOfTen } from "./float-bits.js";

/**
 * A non-negative decimal `0.<digits> * 10 ** decimalPoint` (David Gay's `decpt` convention).
 * `digits` has no trailing zeros; zero itself is `"0"` with decimalPoint 1, and a value that a
 * fixed-point rounding sent to zero is `""` with decimalPoint `-precision`, as dtoa returns them.
 */
export interface DecimalDigits {
  readonly digits: string;
  readonly decimalPoint: number;
}

const ZERO: DecimalDigits = { digits: "0", decimalPoint: 1 };

/** Splits the output of `toExponential`/`toFixed` style text "d.ddde+N" into digits and point. */
function fromExponentialText(text: string): DecimalDigits {
  const exponentAt = text.indexOf("e");
  const digits = exponentAt > 1 ? text[0]! + text.slice(2, exponentAt) : text[0]!;
  return { digits: stripTrailingZeros(digits), decimalPoint: Number(text.slice(exponentAt + 1)) + 1 };
}

function stripTrailingZeros(digits: string): string {
  let end = digits.length;
  while (end > 1 && digits.charCodeAt(end - 1) === 48) end--;
  return end === digits.length ? digits : digits.slice(0, end);
}

/**
 * Shortest digits that round-trip to x (x >= 0, finite), nearest to x when several are shortest:
 * dtoa mode 0, what `repr(float)` uses. V8's own shortest conversion obeys the same rule.
 */
export function shortestDigits(x: number): DecimalDigits {
  if (x === 0) return ZERO;
  return fromExponentialText(x.toExponential());
}

/**
 * x >= 0 rounded to `precision` digits after the decimal point (negative: to tens, hundreds, ...),
 * ties to even on the exact binary value: dtoa mode 3.
 */
export function fixedDigits(x: number, precision: number): DecimalDigits {
  if (x === 0) return ZERO;
  // toFixed is exact except on ties, where it rounds away from zero: a tie at this precision
  // means x has exactly precision+1 fractional bits, which two exact scalings detect.
  if (precision >= 0 && precision <= 100 && x < 1e21) {
    const isTie = Number.isInteger(x * 2 ** (precision + 1)) && !Number.isInteger(x * 2 ** precision);
    if (!isTie) return fromFixedText(x.toFixed(precision), precision);
  }
  return exactFixedDigits(x, precision);
}

function fromFixedText(text: string, precision: number): DecimalDigits {
  const pointAt = text.indexOf(".");
  const integerPart = pointAt < 0 ? text : text.slice(0, pointAt);
  let all = pointAt < 0 ? text : integerPart + text.slice(pointAt + 1);
  let decimalPoint = integerPart.length;
  let start = 0;
  while (start < all.length && all.charCodeAt(start) === 48) start++;
  if (start === all.length) return { digits: "", decimalPoint: -precision };
  all = all.slice(start);
  decimalPoint -= start;
  return { digits: stripTrailingZeros(all), decimalPoint };
}

/** round-half-even(numerator / denominator) for non-negative bigints. */
function roundHalfEven(numerator: bigint, denominator: bigint): bigint {
  const quotient = numerator / denominator;
  const twiceRemainder = (numerator - quotient * denominator) * 2n;
  if (twiceRemainder > denominator || (twiceRemainder === denominator && (quotient & 1n) === 1n)) {
    return quotient + 1n;
  }
  return quotient;
}

/** x as the exact fraction numerator / denominator, times 10 ** decimalShift. */
function scaledFraction(x: number, decimalShift: number): [bigint, bigint] {
  const { mantissa, exponent } = binaryParts(x);
  let numerator = mantissa;
  let denominator = 1n;
  if (exponent >= 0) numerator <<= BigInt(exponent);
  else denominator <<= BigInt(-exponent);
  if (decimalShift >= 0) numerator *= powerOfTen(decimalShift);
  else denominator *= powerOfTen(-decimalShift);
  return [numerator, denominator];
}

function exactFixedDigits(x: number, precision: number): DecimalDigits {
  const [numerator, denominator] = scaledFraction(x, precision);
  const rounded = roundHalfEven(numerator, denominator);
  if (rounded === 0n) return { digits: "", decimalPoint: -precision };
  const text = rounded.toString();
  return { digits: stripTrailingZeros(text), decimalPoint: text.length - precision };
}

/**
 * x >= 0 rounded to `count` >= 1 significant digits, ties to even on the exact binary value:
 * dtoa mode 2, used by the 'e' and 'g' presentations.
 */
export function significantDigits(x: number, count: number): DecimalDigits {
  if (x === 0) return ZERO;
  if (count <= 100) {
    // toExponential is exact except on ties (away from zero). A tie needs the exact value to
    // have count+1 significant digits ending in 5, which one more digit would then show.
    const longer = x.toExponential(count);
    const lastDigitAt = longer.indexOf("e") - 1;
    if (longer.charCodeAt(lastDigitAt) !== 53) return fromExponentialText(x.toExponential(count - 1));
  }
  return exactSignificantDigits(x, count);
}

function exactSignificantDigits(x: number, count: number): DecimalDigits {
  const upper = powerOfTen(count);
  const lower = powerOfTen(count - 1);
  // The estimate of floor(log10(x)) can be off by one near powers of ten; the loop corrects it.
  let magnitude = Math.floor(Math.log10(x));
  for (;;) {
    const [numerator, denominator] = scaledFraction(x, count - 1 - magnitude);
    const truncated = numerator / denominator;
    if (truncated >= upper) {
      magnitude += 1;
      continue;
    }
    if (truncated < lower) {
      magnitude -= 1;
      continue;
    }
    const rounded = roundHalfEven(numerator, denominator);
    if (rounded === upper) return { digits: "1", decimalPoint: magnitude + 2 };
    return { digits: stripTrailingZeros(rounded.toString()), decimalPoint: magnitude + 1 };
  }
}
