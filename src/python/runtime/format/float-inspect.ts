// Float methods and conversions: int(x), as_integer_ratio(), is_integer(), hex().

import { FormatError } from "./format-error.js";
import { binaryParts, signBit } from "./float-bits.js";
import { floatRepr } from "./float-repr.js";

/** int(x) for a float: truncation toward zero. */
export function floatToBigint(x: number): bigint {
  if (x !== x) throw new FormatError("ValueError", "cannot convert float NaN to integer");
  if (x === Infinity || x === -Infinity) {
    throw new FormatError("OverflowError", "cannot convert float infinity to integer");
  }
  return BigInt(Math.trunc(x));
}

/** x.as_integer_ratio(): the exact fraction in lowest terms, positive denominator. */
export function floatAsIntegerRatio(x: number): [bigint, bigint] {
  if (x !== x) throw new FormatError("ValueError", "cannot convert NaN to integer ratio");
  if (x === Infinity || x === -Infinity) {
    throw new FormatError("OverflowError", "cannot convert Infinity to integer ratio");
  }
  const { mantissa, exponent } = binaryParts(x);
  if (mantissa === 0n) return [0n, 1n];
  const signedMantissa = x < 0 ? -mantissa : mantissa;
  // The mantissa is odd, so the fraction is already in lowest terms.
  if (exponent >= 0) return [signedMantissa << BigInt(exponent), 1n];
  return [signedMantissa, 1n << BigInt(-exponent)];
}

/** x.is_integer(). */
export function floatIsInteger(x: number): boolean {
  return Number.isInteger(x);
}

const scratch = new DataView(new ArrayBuffer(8));

/** x.hex(): `0x1.8000000000000p+1`, subnormals as `0x0.…p-1022`, `inf`, `nan`, `-0x0.0p+0`. */
export function floatHex(x: number): string {
  if (x !== x || x === Infinity || x === -Infinity) return floatRepr(x);
  const sign = signBit(x) ? "-" : "";
  if (x === 0) return `${sign}0x0.0p+0`;
  scratch.setFloat64(0, x);
  const high = scratch.getUint32(0);
  const low = scratch.getUint32(4);
  const biasedExponent = (high >>> 20) & 0x7ff;
  const fraction = (high & 0xfffff).toString(16).padStart(5, "0") + low.toString(16).padStart(8, "0");
  const leading = biasedExponent === 0 ? "0" : "1";
  const exponent = biasedExponent === 0 ? -1022 : biasedExponent - 1023;
  return `${sign}0x${leading}.${fraction}p${exponent < 0 ? "-" : "+"}${Math.abs(exponent)}`;
}
