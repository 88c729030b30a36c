// A double as text for one presentation code: CPython's PyOS_double_to_string / format_float_short.

import { fixedDigits, shortestDigits, significantDigits, type DecimalDigits } from "./float-digits.js";
import { signBit } from "./float-bits.js";
import { checkTextLength } from "./format-error.js";

/** Presentation codes understood here; 'r' is repr's shortest round-trip form. */
export type FloatCode = "e" | "E" | "f" | "F" | "g" | "G" | "r";

export interface FloatTextOptions {
  /** Write '+' before non-negative values (Py_DTSF_SIGN). */
  readonly alwaysSign?: boolean;
  /** Append ".0" to an integral result written without exponent (Py_DTSF_ADD_DOT_0). */
  readonly addDotZero?: boolean;
  /** The '#' alternate form: keep the decimal point and, for 'g', trailing zeros. */
  readonly alternate?: boolean;
  /** The 'z' option: a result that rounds to zero loses its minus sign. */
  readonly noNegativeZero?: boolean;
}

const NO_OPTIONS: FloatTextOptions = {};

/**
 * Formats x as CPython's PyOS_double_to_string(x, code, precision, flags) does. For 'e' the
 * precision counts digits after the point; for 'g' significant digits (0 means 1); 'r' ignores it.
 */
export function floatToText(
  x: number,
  code: FloatCode,
  precision: number,
  options: FloatTextOptions = NO_OPTIONS,
): string {
  checkTextLength(precision);
  const upper = code === "E" || code === "F" || code === "G";
  const negative = signBit(x);
  if (x !== x || x === Infinity || x === -Infinity) {
    const word = x !== x ? (upper ? "NAN" : "nan") : upper ? "INF" : "inf";
    // The sign of a NaN is never shown.
    if (negative && x === x) return "-" + word;
    return options.alwaysSign ? "+" + word : word;
  }
  const magnitude = negative ? -x : x;
  let decimal: DecimalDigits;
  let layoutPrecision = precision;
  const lowerCode = upper ? (code.toLowerCase() as "e" | "f" | "g") : code;
  switch (lowerCode) {
    case "e":
      layoutPrecision = precision + 1;
      decimal = significantDigits(magnitude, layoutPrecision);
      break;
    case "f":
      decimal = fixedDigits(magnitude, precision);
      break;
    case "g":
      if (layoutPrecision === 0) layoutPrecision = 1;
      decimal = significantDigits(magnitude, layoutPrecision);
      break;
    default:
      decimal = shortestDigits(magnitude);
      break;
  }
  let signText = negative ? "-" : options.alwaysSign ? "+" : "";
  if (negative && options.noNegativeZero && (decimal.digits === "" || decimal.digits === "0")) {
    signText = options.alwaysSign ? "+" : "";
  }
  return signText + layoutDigits(decimal, lowerCode, layoutPrecision, upper, options);
}

const ZEROS = "0".repeat(64);

function zeros(count: number): string {
  if (count <= 0) return "";
  return count <= 64 ? ZEROS.slice(0, count) : "0".repeat(count);
}

/**
 * Lays out digits as format_float_short does: the output is a window onto the digit string padded
 * with zeros on both sides, with one decimal point, an optional exponent, and at least one digit
 * before the point.
 */
function layoutDigits(
  decimal: DecimalDigits,
  code: "e" | "f" | "g" | "r",
  precision: number,
  upper: boolean,
  options: FloatTextOptions,
): string {
  const digits = decimal.digits;
  const digitCount = digits.length;
  let decimalPoint = decimal.decimalPoint;
  const addDotZero = options.addDotZero === true;
  const alternate = options.alternate === true;
  let useExponent = false;
  let windowEnd = digitCount;
  switch (code) {
    case "e":
      useExponent = true;
      windowEnd = precision;
      break;
    case "f":
      windowEnd = decimalPoint + precision;
      break;
    case "g":
      if (decimalPoint <= -4 || decimalPoint > (addDotZero ? precision - 1 : precision)) {
        useExponent = true;
      }
      if (alternate) windowEnd = precision;
      break;
    case "r":
      // Exponent form from 1e16 on, so 2e16+8 is not shown with made-up trailing zeros.
      if (decimalPoint <= -4 || decimalPoint > 16) useExponent = true;
      break;
  }
  let exponent = 0;
  if (useExponent) {
    exponent = decimalPoint - 1;
    decimalPoint = 1;
  }
  const windowStart = decimalPoint <= 0 ? decimalPoint - 1 : 0;
  const minimumEnd = !useExponent && addDotZero ? decimalPoint + 1 : decimalPoint;
  if (windowEnd < minimumEnd) windowEnd = minimumEnd;

  let text: string;
  if (decimalPoint <= 0) {
    text = zeros(decimalPoint - windowStart) + "." + zeros(-decimalPoint) + digits;
  } else if (decimalPoint <= digitCount) {
    text = digits.slice(0, decimalPoint) + "." + digits.slice(decimalPoint);
  } else {
    text = digits;
  }
  if (digitCount < decimalPoint) {
    text += zeros(decimalPoint - digitCount) + "." + zeros(windowEnd - decimalPoint);
  } else {
    text += zeros(windowEnd - digitCount);
  }
  if (!alternate && text.charCodeAt(text.length - 1) === 46) text = text.slice(0, -1);
  if (useExponent) {
    const exponentSign = exponent < 0 ? "-" : "+";
    const exponentDigits = Math.abs(exponent);
    text += (upper ? "E" : "e") + exponentSign + (exponentDigits < 10 ? "0" : "") + exponentDigits;
  }
  return text;
}
