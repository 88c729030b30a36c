// CPython-exact hash functions (PYTHONHASHSEED=0) for the simulator, per version 3.6–3.14.

export { type HashVersion, type HashRules, hashRules } from "./hash-rules.js";
export { type PyHash, HASH_BITS, HASH_MODULUS, HASH_INF, HASH_IMAG, hashToBigInt } from "./hash-value.js";
export { Uint64, signedFromHalves } from "./uint64.js";
export { type SipKey, sipHash } from "./siphash.js";
export { hashBytes, hashByteRangeInto } from "./bytes-hash.js";
export { type StrKind, strKind, hashStr, hashStrInto } from "./str-hash.js";
export { hashInt, hashIntNumber, hashBool, hashFloat, hashComplex } from "./number-hash.js";
export { hashTuple } from "./tuple-hash.js";
export { hashFrozenset } from "./frozenset-hash.js";
export { NONE_HASH, hashPointer, hashPointerInto, hashNone } from "./pointer-hash.js";
