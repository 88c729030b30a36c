// Sign, prefix, padding and digit grouping of a formatted number: calc_number_widths + fill_number.

import type { FormatSpec } from "./format-spec.js";
import { checkTextLength } from "./format-error.js";

/** The pieces of a number before layout; all ASCII except possibly `remainder` for 'c'. */
export interface NumberParts {
  readonly negative: boolean;
  /** "0x", "0b", ... or "". */
  readonly prefix: string;
  /** Integer digits, grouped and zero-padded here. Empty for inf/nan and 'c'. */
  readonly digits: string;
  /** Fraction digits after a decimal point (only when `hasDecimal`), which 3.14 may group. */
  readonly fraction: string;
  readonly hasDecimal: boolean;
  /** What follows: exponent, '%', "inf", or the character of 'c'. */
  readonly remainder: string;
  /** Code points in `remainder` (differs from its length for astral characters). */
  readonly remainderLength: number;
}

function repeat(text: string, count: number): string {
  return count > 0 ? text.repeat(count) : "";
}

/**
 * Inserts `separator` every `groupSize` digits from the right and pads with zeros (inside the
 * groups) until the result is at least `minimumWidth` long, as _PyUnicode_InsertThousandsGrouping.
 */
export function groupDigits(digits: string, minimumWidth: number, separator: string, groupSize: number): string {
  if (separator === "") {
    return digits.length >= minimumWidth ? digits : repeat("0", minimumWidth - digits.length) + digits;
  }
  const groups: string[] = [];
  let remaining = digits.length;
  let widthLeft = minimumWidth;
  for (;;) {
    const length = Math.min(groupSize, Math.max(remaining, widthLeft, 1));
    const zeroCount = Math.max(0, length - remaining);
    const charCount = Math.max(0, Math.min(remaining, length));
    groups.push(repeat("0", zeroCount) + digits.slice(remaining - charCount, remaining));
    remaining -= charCount;
    widthLeft -= length;
    if (remaining <= 0 && widthLeft <= 0) break;
    widthLeft -= separator.length;
  }
  return groups.reverse().join(separator);
}

/** Groups fraction digits from the left in threes (3.14's '.3_f'). */
function groupFraction(fraction: string, separator: string): string {
  let leadingDigits = 0;
  while (leadingDigits < fraction.length && isAsciiDigit(fraction.charCodeAt(leadingDigits))) leadingDigits++;
  const groups: string[] = [];
  for (let start = 0; start < leadingDigits; start += 3) {
    groups.push(fraction.slice(start, Math.min(start + 3, leadingDigits)));
  }
  return groups.join(separator) + fraction.slice(leadingDigits);
}

function isAsciiDigit(code: number): boolean {
  return code >= 48 && code <= 57;
}

/** Lays the parts out in spec.width with the spec's fill, alignment, sign and grouping. */
export function layoutNumber(parts: NumberParts, spec: FormatSpec, groupSize: number): string {
  checkTextLength(spec.width);
  let signText = "";
  if (parts.negative) signText = "-";
  else if (spec.sign === "+") signText = "+";
  else if (spec.sign === " ") signText = " ";
  const fraction =
    parts.hasDecimal && spec.fractionGrouping !== "" ? groupFraction(parts.fraction, spec.fractionGrouping) : parts.fraction;
  const decimalText = parts.hasDecimal ? "." : "";
  const tailLength = decimalText.length + fraction.length + parts.remainderLength;
  const nonDigitLength = signText.length + parts.prefix.length + tailLength;
  const minimumWidth = spec.fill === "0" && spec.align === "=" ? spec.width - nonDigitLength : 0;
  const groupedDigits =
    parts.digits.length === 0 ? "" : groupDigits(parts.digits, minimumWidth, spec.grouping, groupSize);
  const padding = spec.width - (nonDigitLength + groupedDigits.length);
  const body = groupedDigits + decimalText + fraction + parts.remainder;
  if (padding <= 0) return signText + parts.prefix + body;
  switch (spec.align) {
    case "<":
      return signText + parts.prefix + body + repeat(spec.fill, padding);
    case "^": {
      const left = padding >> 1;
      return repeat(spec.fill, left) + signText + parts.prefix + body + repeat(spec.fill, padding - left);
    }
    case "=":
      return signText + parts.prefix + repeat(spec.fill, padding) + body;
    default:
      return repeat(spec.fill, padding) + signText + parts.prefix + body;
  }
}

/** Splits formatted float text (no sign) into integer digits, fraction and remainder (parse_number). */
export function splitFloatText(text: string, negative: boolean): NumberParts {
  let digitsEnd = 0;
  while (digitsEnd < text.length && isAsciiDigit(text.charCodeAt(digitsEnd))) digitsEnd++;
  const hasDecimal = text.charCodeAt(digitsEnd) === 46;
  if (!hasDecimal) {
    const remainder = text.slice(digitsEnd);
    return {
      negative,
      prefix: "",
      digits: text.slice(0, digitsEnd),
      fraction: "",
      hasDecimal,
      remainder,
      remainderLength: remainder.length,
    };
  }
  let fractionEnd = digitsEnd + 1;
  while (fractionEnd < text.length && isAsciiDigit(text.charCodeAt(fractionEnd))) fractionEnd++;
  const remainder = text.slice(fractionEnd);
  return {
    negative,
    prefix: "",
    digits: text.slice(0, digitsEnd),
    fraction: text.slice(digitsEnd + 1, fractionEnd),
    hasDecimal,
    remainder,
    remainderLength: remainder.length,
  };
}
