// What differs in CPython's hash functions between 3.6 and 3.14, as one record per version.

/** A CPython version as far as hashing cares (structurally a `PythonVersion`). */
export interface HashVersion {
  readonly major: number;
  readonly minor: number;
}

export interface HashRules {
  /** SipHash-c-d rounds: SipHash-2-4 up to 3.10, SipHash-1-3 from 3.11 (Py_HASH_ALGORITHM). */
  readonly sipCompressionRounds: number;
  readonly sipFinalizationRounds: number;
  /** `tuplehash`: the multiplier loop up to 3.7, the xxHash-derived loop from 3.8. */
  readonly tupleAlgorithm: "multiplier" | "xxhash";
  /** `_Py_HashDouble(inst, v)`: a NaN hashes by the float object's address from 3.10, 0 before. */
  readonly nanHashesByIdentity: boolean;
  /** `none_hash`: a constant from 3.12; the object's address before. */
  readonly noneHashIsConstant: boolean;
}

const MIN_MINOR = 6;
const MAX_MINOR = 14;
const rulesByMinor: HashRules[] = [];

for (let minor = MIN_MINOR; minor <= MAX_MINOR; minor++) {
  rulesByMinor[minor] = {
    sipCompressionRounds: minor >= 11 ? 1 : 2,
    sipFinalizationRounds: minor >= 11 ? 3 : 4,
    tupleAlgorithm: minor >= 8 ? "xxhash" : "multiplier",
    nanHashesByIdentity: minor >= 10,
    noneHashIsConstant: minor >= 12,
  };
}

/** The hash rules of a CPython 3.6–3.14 version; other versions are a programming error. */
export function hashRules(version: HashVersion): HashRules {
  const rules = version.major === 3 ? rulesByMinor[version.minor] : undefined;
  if (rules === undefined) {
    throw new RangeError(`no hash rules for Python ${version.major}.${version.minor} (3.6–3.14 known)`);
  }
  return rules;
}
