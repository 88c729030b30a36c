// `frozenset_hash`: an order-independent XOR of shuffled entry hashes (identical in 3.6–3.14).

import type { PyHash } from "./hash-value.js";
import { Uint64 } from "./uint64.js";

const accumulator = new Uint64();
const entry = new Uint64();
const shifted = new Uint64();

/** Accumulates `_shuffle_bits(hash)` = ((h ^ 89869747) ^ (h << 16)) * 3644798167 into `acc`. */
function xorShuffled(acc: Uint64, hash: PyHash): void {
  entry.load(hash);
  shifted.copyFrom(entry).shl(16);
  entry.xor(0, 89869747).xor(shifted.hi, shifted.lo).mul(0, 3644798167);
  acc.xor(entry.hi, entry.lo);
}

/**
 * hash(frozenset(items)) given the items' hashes (one per distinct element). CPython XORs over
 * every table slot and then cancels the NULL and dummy slots, which equals XOR over the active
 * entries alone, so the table layout does not matter.
 */
export function hashFrozenset(itemHashes: Iterable<PyHash>): bigint {
  const acc = accumulator.set(0, 0);
  let count = 0;
  for (const itemHash of itemHashes) {
    xorShuffled(acc, itemHash);
    count++;
  }
  // hash ^= (len + 1) * 1927868237
  entry.set(0, count + 1).mul(0, 1927868237);
  acc.xor(entry.hi, entry.lo);
  // hash ^= (hash >> 11) ^ (hash >> 25)
  entry.copyFrom(acc).shr(11);
  shifted.copyFrom(acc).shr(25);
  acc.xor(entry.hi, entry.lo).xor(shifted.hi, shifted.lo);
  // hash = hash * 69069 + 907133923
  acc.mul(0, 69069).add(0, 907133923);
  if (acc.isAllOnes()) return 590923713n;
  return acc.toSigned();
}
