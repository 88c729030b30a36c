// `tuplehash`: the multiplier loop of 3.6–3.7 and the xxHash-based loop of 3.8+.

import type { PyHash } from "./hash-value.js";
import { hashRules, type HashVersion } from "./hash-rules.js";
import { Uint64 } from "./uint64.js";

const accumulator = new Uint64();
const lane = new Uint64();

// xxHash primes as uint32 halves (_PyHASH_XXPRIME_1, _2, _5 on 64-bit builds).
const PRIME1_HI = 0x9e3779b1, PRIME1_LO = 0x85ebca87; // 11400714785074694791
const PRIME2_HI = 0xc2b2ae3d, PRIME2_LO = 0x27d4eb4f; // 14029467366897019727
const PRIME5_HI = 0x27d4eb2f, PRIME5_LO = 0x165667c5; // 2870177450012600261
/** Returned instead of -1 by the xxHash loop (its own choice, not the usual -2). */
const XXHASH_MINUS_ONE_REPLACEMENT = 1546275796n;

/** hash of a tuple whose items hash to `itemHashes` (each already a valid hash, never -1). */
export function hashTuple(itemHashes: readonly PyHash[], version: HashVersion): bigint {
  return hashRules(version).tupleAlgorithm === "xxhash" ? xxTupleHash(itemHashes) : multiplierTupleHash(itemHashes);
}

function xxTupleHash(itemHashes: readonly PyHash[]): bigint {
  const acc = accumulator.set(PRIME5_HI, PRIME5_LO);
  for (const itemHash of itemHashes) {
    lane.load(itemHash).mul(PRIME2_HI, PRIME2_LO);
    acc.add(lane.hi, lane.lo).rotl(31).mul(PRIME1_HI, PRIME1_LO);
  }
  // acc += len ^ (PRIME_5 ^ 3527539)
  lane.set(PRIME5_HI, PRIME5_LO).xor(0, 3527539);
  const length = itemHashes.length;
  lane.xor(Math.floor(length / 4294967296), length >>> 0);
  acc.add(lane.hi, lane.lo);
  if (acc.isAllOnes()) return XXHASH_MINUS_ONE_REPLACEMENT;
  return acc.toSigned();
}

function multiplierTupleHash(itemHashes: readonly PyHash[]): bigint {
  // x = 0x345678; mult = _PyHASH_MULTIPLIER; for each item (len counting down):
  //   x = (x ^ y) * mult; mult += 82520 + len + len
  const x = accumulator.set(0, 0x345678);
  const multiplier = new Uint64().set(0, 1000003);
  let remaining = itemHashes.length;
  for (const itemHash of itemHashes) {
    remaining--;
    lane.load(itemHash);
    x.xor(lane.hi, lane.lo).mul(multiplier.hi, multiplier.lo);
    multiplier.add(0, 82520 + remaining + remaining);
  }
  x.add(0, 97531);
  if (x.isAllOnes()) return -2n;
  return x.toSigned();
}
