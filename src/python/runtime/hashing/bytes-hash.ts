// `_Py_HashBytes`: the hash of bytes, memoryview and (through their code units) str.

import { hashRules, type HashRules, type HashVersion } from "./hash-rules.js";
import { sipHash } from "./siphash.js";
import { Uint64 } from "./uint64.js";

const register = new Uint64();

/**
 * Leaves `_Py_HashBytes(bytes, length)` in `result`: 0 for empty input (CPython's choice, so the
 * empty string does not reveal the secret), -1 replaced by -2 (-1 is the error return).
 * Py_HASH_CUTOFF is 0 in every release build, so small inputs use SipHash too.
 */
export function hashByteRangeInto(bytes: Uint8Array, length: number, rules: HashRules, result: Uint64): Uint64 {
  if (length === 0) return result.set(0, 0);
  sipHash(bytes, length, rules.sipCompressionRounds, rules.sipFinalizationRounds, result);
  if (result.isAllOnes()) result.set(0xffffffff, 0xfffffffe);
  return result;
}

/** hash(b'...') with PYTHONHASHSEED=0. */
export function hashBytes(bytes: Uint8Array, version: HashVersion): bigint {
  return hashByteRangeInto(bytes, bytes.length, hashRules(version), register).toSigned();
}
