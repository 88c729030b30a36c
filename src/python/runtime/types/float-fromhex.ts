// float.fromhex(text): CPython's hexadecimal float syntax, rounded once (half-even) from the
// exact value, with its ValueError and OverflowError messages.
import { ratioToFloat } from "../format/ratio-to-float.js";
import { bitLength } from "../format/float-bits.js";
import { FormatError } from "../format/index.js";

const HEX_FLOAT = /^([+-]?)(?:0x)?([0-9a-f]*)(?:\.([0-9a-f]*))?(?:p([+-]?[0-9]+))?$/i;
const SPECIAL = /^([+-]?)(inf|infinity|nan)$/i;
/** Python's str.isspace for the characters a float string may be padded with. */
const SPACE = /^[\s\u001c-\u001f\u0085]+|[\s\u001c-\u001f\u0085]+$/g;

function invalid(): FormatError {
  return new FormatError("ValueError", "invalid hexadecimal floating-point string");
}

export function floatFromHex(text: string): number {
  const trimmed = text.replace(SPACE, "");
  const special = SPECIAL.exec(trimmed);
  if (special !== null) {
    const negative = special[1] === "-";
    if (special[2]!.toLowerCase() === "nan") return negative ? -NaN : NaN;
    return negative ? -Infinity : Infinity;
  }
  const match = HEX_FLOAT.exec(trimmed);
  if (match === null) throw invalid();
  const [, sign, whole = "", fraction = "", exponentText] = match;
  if (whole.length + fraction.length === 0) throw invalid();
  const negative = sign === "-";
  const mantissa = BigInt(`0x${whole}${fraction}` === "0x" ? "0" : `0x${whole}${fraction}`);
  const magnitude = mantissa === 0n ? 0 : scaled(mantissa, BigInt(exponentText ?? "0") - BigInt(4 * fraction.length));
  return negative ? -magnitude : magnitude;
}

/** mantissa * 2^exponent rounded to a double; OverflowError past the largest double. */
function scaled(mantissa: bigint, exponent: bigint): number {
  const top = BigInt(bitLength(mantissa)) + exponent;
  if (top > 1025n) throw tooLarge();
  if (top < -1080n) return 0;
  const shift = Number(exponent);
  const result = shift >= 0 ? ratioToFloat(mantissa << BigInt(shift), 1n) : ratioToFloat(mantissa, 1n << BigInt(-shift));
  if (result === Infinity) throw tooLarge();
  return result;
}

function tooLarge(): FormatError {
  return new FormatError("OverflowError", "hexadecimal value too large to represent as a float");
}
