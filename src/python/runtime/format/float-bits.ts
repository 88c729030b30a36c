// Exact views of IEEE-754 doubles: integer mantissa and binary exponent, powers of ten as bigints.

const scratch = new DataView(new ArrayBuffer(8));

/** A positive finite double as `mantissa * 2 ** exponent`, with `mantissa` odd or zero. */
export interface BinaryParts {
  mantissa: bigint;
  exponent: number;
}

/** Splits |x| (finite) into an odd integer mantissa and a power of two; zero gives mantissa 0. */
export function binaryParts(x: number): BinaryParts {
  scratch.setFloat64(0, x);
  const high = scratch.getUint32(0);
  const low = scratch.getUint32(4);
  const biasedExponent = (high >>> 20) & 0x7ff;
  let mantissaHigh = high & 0xfffff;
  let exponent: number;
  if (biasedExponent === 0) {
    exponent = -1074;
  } else {
    mantissaHigh |= 0x100000;
    exponent = biasedExponent - 1075;
  }
  // mantissaHigh * 2^32 + low fits in 53 bits, so the Number arithmetic below is exact.
  let mantissaNumber = mantissaHigh * 4294967296 + low;
  if (mantissaNumber === 0) return { mantissa: 0n, exponent: 0 };
  while (mantissaNumber % 2 === 0) {
    mantissaNumber /= 2;
    exponent += 1;
  }
  return { mantissa: BigInt(mantissaNumber), exponent };
}

/** True when the sign bit of x is set (so -0.0 and negative NaNs count as negative). */
export function signBit(x: number): boolean {
  return x < 0 || (x === 0 && 1 / x < 0) || (x !== x && signBitOfNaN(x));
}

function signBitOfNaN(x: number): boolean {
  scratch.setFloat64(0, x);
  return (scratch.getUint32(0) & 0x80000000) !== 0;
}

const powersOfTen: bigint[] = [1n];

/** 10n ** n, cached because digit generation asks for the same few powers over and over. */
export function powerOfTen(n: number): bigint {
  if (n < 0) throw new RangeError("negative power of ten");
  if (n < 400) {
    while (powersOfTen.length <= n) powersOfTen.push(powersOfTen[powersOfTen.length - 1]! * 10n);
    return powersOfTen[n]!;
  }
  return 10n ** BigInt(n);
}

/** Number of bits of a non-negative bigint (0 for 0). */
export function bitLength(value: bigint): number {
  if (value === 0n) return 0;
  // toString(16) is linear and avoids a bit-by-bit loop for huge values.
  const hex = value.toString(16);
  return (hex.length - 1) * 4 + (32 - Math.clz32(parseInt(hex[0]!, 16)));
}

/** C's frexp for a positive finite x: [fraction in [0.5, 1), exponent] with x = fraction * 2^exponent. */
export function fractionAndExponent(x: number): [number, number] {
  scratch.setFloat64(0, x);
  const biasedExponent = (scratch.getUint32(0) >>> 20) & 0x7ff;
  if (biasedExponent === 0) {
    // Subnormal: scale into the normal range first (exact).
    const [fraction, exponent] = fractionAndExponent(x * 2 ** 64);
    return [fraction, exponent - 64];
  }
  const exponent = biasedExponent - 1022;
  // Replace the exponent field with the one of 0.5..1 (biased 1022): exact.
  scratch.setUint32(0, (scratch.getUint32(0) & 0x800fffff) | (1022 << 20));
  return [scratch.getFloat64(0), exponent];
}
