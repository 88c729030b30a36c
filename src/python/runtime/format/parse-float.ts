// float(str): CPython's PyFloat_FromString (whitespace, underscores, inf/nan, exact messages).

import { FormatError, LATEST_VERSION, atLeast, type FormatVersion } from "./format-error.js";
import { stripAsciiSpace, toAsciiNumericText } from "./numeric-text.js";
import { strRepr } from "./str-repr.js";

const FLOAT_TEXT = /^[+-]?(?:(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?|inf(?:inity)?|nan)$/i;

function conversionError(text: string, reprOf: (text: string) => string): FormatError {
  return new FormatError("ValueError", `could not convert string to float: ${reprOf(text)}`);
}

/** Underscores only between digits, as _Py_string_to_number_with_underscores; undefined if misplaced. */
function removeUnderscores(text: string): string | undefined {
  if (!text.includes("_")) return text;
  let result = "";
  let previous = 0;
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index);
    const previousIsDigit = previous >= 48 && previous <= 57;
    if (code === 95) {
      if (!previousIsDigit) return undefined;
    } else {
      if (previous === 95 && !(code >= 48 && code <= 57)) return undefined;
      result += text[index];
    }
    previous = code;
  }
  return previous === 95 ? undefined : result;
}

/**
 * float(text) for a str argument. `reprOf` writes the text in the error message; it defaults to
 * this module's repr of str, and the runtime may pass its own.
 */
export function parseFloatText(
  text: string,
  version: FormatVersion = LATEST_VERSION,
  reprOf: (text: string) => string = strRepr,
): number {
  const stripped = stripAsciiSpace(toAsciiNumericText(text));
  if (stripped === "") {
    // Older versions named the empty stripped text, or nothing at all.
    if (!atLeast(version, 8)) throw new FormatError("ValueError", "could not convert string to float: ");
    if (!atLeast(version, 10)) throw new FormatError("ValueError", "could not convert string to float: ''");
    throw conversionError(text, reprOf);
  }
  const plain = removeUnderscores(stripped);
  if (plain === undefined || !FLOAT_TEXT.test(plain)) throw conversionError(text, reprOf);
  const lower = plain.toLowerCase();
  const negative = lower.charCodeAt(0) === 45;
  const unsigned = negative || lower.charCodeAt(0) === 43 ? lower.slice(1) : lower;
  // The sign of "-nan" survives: V8 flips the sign bit of a NaN on negation.
  if (unsigned === "nan") return negative ? -NaN : NaN;
  if (unsigned === "inf" || unsigned === "infinity") return negative ? -Infinity : Infinity;
  // Number() parses decimal text correctly rounded, as _Py_dg_strtod does.
  return Number(plain);
}
