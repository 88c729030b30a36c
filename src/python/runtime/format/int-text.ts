// Python ints as text: str(), bin(), oct(), hex(), with the 4300-digit limit of 3.11 (and backports).

import { FormatError, LATEST_VERSION, atLeast, type FormatVersion } from "./format-error.js";

/** sys.get_int_max_str_digits() of a fresh interpreter. */
export const DEFAULT_MAX_STR_DIGITS = 4300;

/**
 * Whether `version` limits decimal int<->str conversion (CVE-2020-10735): 3.11+, and the security
 * releases 3.10.7, 3.9.14, 3.8.14, 3.7.14. A version given without patch is taken as its latest
 * release, which has the limit from 3.7 on.
 */
export function hasIntDigitLimit(version: FormatVersion): boolean {
  if (atLeast(version, 11)) return true;
  if (!atLeast(version, 7)) return false;
  if (version.patch === undefined) return true;
  return version.patch >= (version.minor === 10 ? 7 : 14);
}

function limitText(version: FormatVersion, maxStrDigits: number): string {
  return atLeast(version, 11) ? `${maxStrDigits} digits` : `${maxStrDigits}`;
}

/** The ValueError of int(text) when the text has more digits than the limit. */
export function tooManyDigitsToParse(version: FormatVersion, maxStrDigits: number, digitCount: number): FormatError {
  return new FormatError(
    "ValueError",
    `Exceeds the limit (${limitText(version, maxStrDigits)}) for integer string conversion: ` +
      `value has ${digitCount} digits; use sys.set_int_max_str_digits() to increase the limit`,
  );
}

function tooManyDigitsToPrint(version: FormatVersion, maxStrDigits: number): FormatError {
  return new FormatError(
    "ValueError",
    `Exceeds the limit (${limitText(version, maxStrDigits)}) for integer string conversion; ` +
      "use sys.set_int_max_str_digits() to increase the limit",
  );
}

/** Below this many decimal digits no limit can apply (sys.set_int_max_str_digits' minimum is 640). */
const SAFE_DIGITS = 10n ** 640n;

/**
 * str(v) for an int. `maxStrDigits` is sys.get_int_max_str_digits() (0: unlimited); exceeding it
 * raises CPython's ValueError in versions that have the limit.
 */
export function intToDecimal(
  value: bigint,
  version: FormatVersion = LATEST_VERSION,
  maxStrDigits: number = DEFAULT_MAX_STR_DIGITS,
): string {
  // Fast path: small ints are most of what gets printed.
  if (value < SAFE_DIGITS && value > -SAFE_DIGITS) return value.toString();
  const text = value.toString();
  if (maxStrDigits > 0 && hasIntDigitLimit(version)) {
    const digitCount = value < 0n ? text.length - 1 : text.length;
    if (digitCount > maxStrDigits) throw tooManyDigitsToPrint(version, maxStrDigits);
  }
  return text;
}

const PREFIXES = new Map<number, string>([
  [2, "0b"],
  [8, "0o"],
  [16, "0x"],
]);

/**
 * bin(v), oct(v), hex(v) (base 2, 8, 16: with prefix, sign first: "-0x1f") and str(v) (base 10).
 */
export function intToText(
  value: bigint,
  base: 2 | 8 | 10 | 16,
  version: FormatVersion = LATEST_VERSION,
  maxStrDigits: number = DEFAULT_MAX_STR_DIGITS,
): string {
  if (base === 10) return intToDecimal(value, version, maxStrDigits);
  const prefix = PREFIXES.get(base)!;
  return value < 0n ? "-" + prefix + (-value).toString(base) : prefix + value.toString(base);
}
