// The representation of a Python hash value (a signed 64-bit `Py_hash_t`) and CPython's constants.

/**
 * A `Py_hash_t`. Public hash functions return `bigint`; tables also accept a `number` when the
 * value is a safe integer (|h| < 2**53), which is exact and avoids allocating a bigint for the
 * common small-int keys (see `hashIntNumber`).
 */
export type PyHash = bigint | number;

/** `_PyHASH_BITS` on 64-bit builds. */
export const HASH_BITS = 61;
/** `_PyHASH_MODULUS` = 2**61 - 1, a Mersenne prime: numeric hashes are reductions modulo it. */
export const HASH_MODULUS = (1n << 61n) - 1n;
/** `_PyHASH_INF`: hash(float('inf')); -inf hashes to its negation. */
export const HASH_INF = 314159;
/** `_PyHASH_IMAG`: the multiplier of the imaginary part's hash in `complex_hash`. */
export const HASH_IMAG = 1000003;

/** Normalises a hash to a bigint (the form every public hash function returns). */
export function hashToBigInt(hash: PyHash): bigint {
  return typeof hash === "bigint" ? hash : BigInt(hash);
}
