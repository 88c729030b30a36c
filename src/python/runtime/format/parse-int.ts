// int(str, base): CPython's PyLong_FromString (prefixes, underscores, whitespace, digit limit).

import { FormatError, LATEST_VERSION, atLeast, type FormatVersion } from "./format-error.js";
import { isAsciiSpace, toAsciiNumericText } from "./numeric-text.js";
import { strRepr } from "./str-repr.js";
import { DEFAULT_MAX_STR_DIGITS, hasIntDigitLimit, tooManyDigitsToParse } from "./int-text.js";
import { truncateCodePoints } from "./code-points.js";

/** Value of an ASCII digit or letter in bases up to 36, or 99. */
function digitValue(code: number): number {
  if (code >= 48 && code <= 57) return code - 48;
  if (code >= 97 && code <= 122) return code - 87;
  if (code >= 65 && code <= 90) return code - 55;
  return 99;
}

const PREFIX_BASES = new Map<string, number>([
  ["x", 16],
  ["o", 8],
  ["b", 2],
]);

/** How many digits of `base` fit in a chunk whose value stays below 2 ** 53. */
function chunkLength(base: number): number {
  return Math.floor(53 / Math.log2(base));
}

function digitsToBigint(digits: string, base: number): bigint {
  if (base === 10) return BigInt(digits);
  if (base === 16) return BigInt("0x" + digits);
  if (base === 8) return BigInt("0o" + digits);
  if (base === 2) return BigInt("0b" + digits);
  const size = chunkLength(base);
  let value = 0n;
  for (let start = 0; start < digits.length; start += size) {
    const chunk = digits.slice(start, start + size);
    value = value * BigInt(base) ** BigInt(chunk.length) + BigInt(parseInt(chunk, base));
  }
  return value;
}

export interface ParseIntOptions {
  readonly version?: FormatVersion;
  /** sys.get_int_max_str_digits(); 0 means no limit. */
  readonly maxStrDigits?: number;
  /** Writes the text in the error message (defaults to this module's str repr). */
  readonly reprOf?: (text: string) => string;
}

/** int(text, base) for a str argument; base 0 reads the prefix like a literal. */
export function parseIntText(text: string, base = 10, options: ParseIntOptions = {}): bigint {
  const version = options.version ?? LATEST_VERSION;
  const maxStrDigits = options.maxStrDigits ?? DEFAULT_MAX_STR_DIGITS;
  const reprOf = options.reprOf ?? strRepr;
  if ((base !== 0 && base < 2) || base > 36) {
    throw new FormatError("ValueError", "int() base must be >= 2 and <= 36, or 0");
  }
  const invalid = (): FormatError =>
    new FormatError(
      "ValueError",
      `invalid literal for int() with base ${base}: ${truncateCodePoints(reprOf(text), 200)}`,
    );
  const source = toAsciiNumericText(text);
  let position = 0;
  while (position < source.length && isAsciiSpace(source.charCodeAt(position))) position++;
  let negative = false;
  if (source[position] === "+") position++;
  else if (source[position] === "-") {
    negative = true;
    position++;
  }
  let effectiveBase = base;
  let mustBeZero = false;
  const marker = source[position + 1]?.toLowerCase() ?? "";
  if (base === 0) {
    if (source[position] !== "0") effectiveBase = 10;
    else if (PREFIX_BASES.has(marker)) effectiveBase = PREFIX_BASES.get(marker)!;
    else {
      // "010" is an old-style octal literal: invalid unless the value is zero.
      mustBeZero = true;
      effectiveBase = 10;
    }
  }
  if (source[position] === "0" && PREFIX_BASES.get(marker) === effectiveBase) {
    position += 2;
    if (source[position] === "_") position++;
  }
  if (source[position] === "_") throw invalid();
  let digits = "";
  let previousUnderscore = false;
  for (; position < source.length; position++) {
    const code = source.charCodeAt(position);
    if (code === 95) {
      if (previousUnderscore) throw invalid();
      previousUnderscore = true;
      continue;
    }
    if (digitValue(code) >= effectiveBase) break;
    digits += source[position];
    previousUnderscore = false;
  }
  if (previousUnderscore) throw invalid();
  const limited =
    maxStrDigits > 0 && (effectiveBase & (effectiveBase - 1)) !== 0 && hasIntDigitLimit(version);
  // Before 3.12 the limit was checked before the rest of the text was validated.
  if (limited && !atLeast(version, 12) && digits.length > maxStrDigits) {
    throw tooManyDigitsToParse(version, maxStrDigits, digits.length);
  }
  if (digits === "") throw invalid();
  while (position < source.length && isAsciiSpace(source.charCodeAt(position))) position++;
  if (position !== source.length) throw invalid();
  if (limited && digits.length > maxStrDigits) throw tooManyDigitsToParse(version, maxStrDigits, digits.length);
  const magnitude = digitsToBigint(digits, effectiveBase);
  if (mustBeZero && magnitude !== 0n) throw invalid();
  return negative ? -magnitude : magnitude;
}
