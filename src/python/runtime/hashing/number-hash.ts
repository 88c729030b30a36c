// Numeric hashes (`long_hash`, `_Py_HashDouble`, `complex_hash`): reductions modulo 2**61 - 1.

import { HASH_BITS, HASH_IMAG, HASH_INF, HASH_MODULUS } from "./hash-value.js";
import { hashRules, type HashVersion } from "./hash-rules.js";
import { hashPointer } from "./pointer-hash.js";
import { Uint64 } from "./uint64.js";

const TWO_POW_53 = 9007199254740992;
const scratchView = new DataView(new ArrayBuffer(8));
const realRegister = new Uint64();

/**
 * hash(n) for a safe integer n, as a number: |n| < 2**53 < 2**61 - 1, so the reduction is n
 * itself, except that -1 (the C error return) becomes -2. The allocation-free fast path.
 */
export function hashIntNumber(value: number): number {
  if (!Number.isSafeInteger(value)) throw new RangeError(`hashIntNumber needs a safe integer, got ${value}`);
  return value === -1 ? -2 : value;
}

/** hash(n) for any int: sign(n) * (|n| mod (2**61 - 1)), with -1 replaced by -2. */
export function hashInt(value: bigint | number): bigint {
  if (typeof value === "number") {
    if (Number.isSafeInteger(value)) return BigInt(hashIntNumber(value));
    if (!Number.isInteger(value)) throw new RangeError(`hashInt needs an integer, got ${value}`);
    value = BigInt(value);
  }
  const negative = value < 0n;
  const reduced = (negative ? -value : value) % HASH_MODULUS;
  const hash = negative ? -reduced : reduced;
  return hash === -1n ? -2n : hash;
}

/** hash(True) / hash(False): bool is an int subclass. */
export function hashBool(value: boolean): bigint {
  return value ? 1n : 0n;
}

/**
 * hash(x) for a float. A finite float is a rational m * 2**e, hashed exactly like an equal int
 * or Fraction: m * 2**(e mod 61) mod (2**61 - 1), i.e. a 61-bit rotation of m. ±inf hash to
 * ±314159; NaN to 0 up to 3.9 and by the float object's identity from 3.10 (pass `address`).
 */
export function hashFloat(value: number, version: HashVersion, address?: bigint | number): bigint {
  if (Number.isNaN(value)) {
    if (!hashRules(version).nanHashesByIdentity) return 0n;
    if (address === undefined) throw new TypeError("hash of a NaN needs the float object's address from 3.10 on");
    return hashPointer(address);
  }
  if (value === Infinity) return BigInt(HASH_INF);
  if (value === -Infinity) return BigInt(-HASH_INF);
  if (Number.isInteger(value) && Math.abs(value) < TWO_POW_53) return BigInt(hashIntNumber(value));

  scratchView.setFloat64(0, value);
  const high = scratchView.getUint32(0);
  const low = scratchView.getUint32(4);
  const negative = high >>> 31 === 1;
  const biasedExponent = (high >>> 20) & 0x7ff;
  let mantissa = BigInt(high & 0xfffff) * 4294967296n + BigInt(low);
  let exponent: number;
  if (biasedExponent === 0) {
    exponent = -1074;
  } else {
    mantissa += 1n << 52n;
    exponent = biasedExponent - 1075;
  }
  // mantissa < 2**53 < 2**61 - 1 is already reduced; multiplying by 2**e is a rotation
  // within 61 bits because 2**61 = 1 modulo the Mersenne prime.
  const shift = BigInt(((exponent % HASH_BITS) + HASH_BITS) % HASH_BITS);
  const rotated = shift === 0n ? mantissa : ((mantissa << shift) & HASH_MODULUS) | (mantissa >> (61n - shift));
  const hash = negative ? -rotated : rotated;
  return hash === -1n ? -2n : hash;
}

/**
 * hash(complex(real, imag)): hash(real) + 1000003 * hash(imag) in unsigned 64-bit arithmetic.
 * From 3.10 a NaN part hashes by the complex object's identity (pass `address`).
 */
export function hashComplex(real: number, imag: number, version: HashVersion, address?: bigint | number): bigint {
  const realHash = hashFloat(real, version, address);
  const imagHash = hashFloat(imag, version, address);
  const combined = realRegister.load(imagHash).mul(0, HASH_IMAG);
  const realParts = new Uint64().load(realHash);
  combined.add(realParts.hi, realParts.lo);
  if (combined.isAllOnes()) return -2n;
  return combined.toSigned();
}
