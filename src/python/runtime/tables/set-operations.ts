// Set algebra building result tables the way setobject.c does (which side is copied or walked).

import type { PyHash } from "../hashing/hash-value.js";
import { SetTable } from "./set-table.js";

/** A key with its hash, as produced by iterating a non-set iterable (the caller hashes). */
export type HashedKey<K> = readonly [key: K, hash: PyHash];

/** Something membership can be asked of with a known hash (a dict's keys, for instance). */
export interface HashedLookup<K> {
  readonly size: number;
  has(key: K, hash: PyHash): boolean;
}

/** `set_or`: a | b copies a, then merges b. */
export function union<K>(a: SetTable<K>, b: SetTable<K>): SetTable<K> {
  const result = a.copy();
  if (b !== a) result.merge(b);
  return result;
}

/** `set_intersection` with a set: walks the smaller one, probing the larger; adds walked keys. */
export function intersection<K>(a: SetTable<K>, b: SetTable<K>): SetTable<K> {
  if (a === b) return a.copy();
  const result = a.emptyLike();
  let probed = a;
  let walked = b;
  if (b.size > a.size) {
    probed = b;
    walked = a;
  }
  for (let slot = walked.nextSlot(0); slot >= 0; slot = walked.nextSlot(slot + 1)) {
    if (probed.containsEntryFrom(walked, slot)) result.addEntryFrom(walked, slot);
  }
  return result;
}

/**
 * `set_intersection` with any other iterable: keeps the iterable's objects in its order; stops
 * once every key of `a` was found.
 */
export function intersectionWithKeys<K>(a: SetTable<K>, keys: Iterable<HashedKey<K>>): SetTable<K> {
  const result = a.emptyLike();
  for (const [key, hash] of keys) {
    if (!a.contains(key, hash)) continue;
    result.add(key, hash);
    if (result.size >= a.size) break;
  }
  return result;
}

/** `set_intersection_update`: a &= b computes a & b and swaps it into a. */
export function intersectionUpdate<K>(a: SetTable<K>, b: SetTable<K>): void {
  a.swapBodies(intersection(a, b));
}

export function intersectionUpdateWithKeys<K>(a: SetTable<K>, keys: Iterable<HashedKey<K>>): void {
  a.swapBodies(intersectionWithKeys(a, keys));
}

/**
 * `set_difference_update_internal` with a set: discards b's keys from a (walking a & b instead
 * when b is more than 8 times larger), then purges dummies if more than a quarter of a.
 */
export function differenceUpdate<K>(a: SetTable<K>, b: SetTable<K>): void {
  if (a.size === 0 && a.rules.differenceUpdateSkipsEmpty) return;
  if (a === b) {
    a.clear();
    return;
  }
  const walked = b.size >> 3 > a.size ? intersection(a, b) : b;
  for (let slot = walked.nextSlot(0); slot >= 0; slot = walked.nextSlot(slot + 1)) a.discardEntryFrom(walked, slot);
  a.purgeDummiesIfMany();
}

/** `set_difference_update_internal` with any other iterable. */
export function differenceUpdateWithKeys<K>(a: SetTable<K>, keys: Iterable<HashedKey<K>>): void {
  if (a.size === 0 && a.rules.differenceUpdateSkipsEmpty) return;
  for (const [key, hash] of keys) a.discard(key, hash);
  a.purgeDummiesIfMany();
}

/**
 * `set_difference` with a set: when a is more than 4 times larger than b, copy a and discard;
 * otherwise add a's keys missing from b to a new table, in a's slot order.
 */
export function difference<K>(a: SetTable<K>, b: SetTable<K>): SetTable<K> {
  if (a.size >> 2 > b.size) {
    const result = a.copy();
    differenceUpdate(result, b);
    return result;
  }
  const result = a.emptyLike();
  for (let slot = a.nextSlot(0); slot >= 0; slot = a.nextSlot(slot + 1)) {
    if (!b.containsEntryFrom(a, slot)) result.addEntryFrom(a, slot);
  }
  return result;
}

/** `set_difference` with an exact dict: as with a set, probing the dict by the stored hashes. */
export function differenceWithLookup<K>(a: SetTable<K>, b: HashedLookup<K>): SetTable<K> {
  if (a.size >> 2 > b.size) {
    const result = a.copy();
    for (let slot = result.nextSlot(0); slot >= 0; slot = result.nextSlot(slot + 1)) {
      // set_copy_and_difference iterates the dict and discards; the survivors are the same
      // slots, so discarding what the dict holds while walking the copy gives the same table.
      if (b.has(result.keyAt(slot), result.hashAt(slot))) result.discardEntryFrom(result, slot);
    }
    result.purgeDummiesIfMany();
    return result;
  }
  const result = a.emptyLike();
  for (let slot = a.nextSlot(0); slot >= 0; slot = a.nextSlot(slot + 1)) {
    if (!b.has(a.keyAt(slot), a.hashAt(slot))) result.addEntryFrom(a, slot);
  }
  return result;
}

/** `set_copy_and_difference`: a - iterable copies a and discards the iterable's keys. */
export function differenceWithKeys<K>(a: SetTable<K>, keys: Iterable<HashedKey<K>>): SetTable<K> {
  const result = a.copy();
  differenceUpdateWithKeys(result, keys);
  return result;
}

/** `set_symmetric_difference_update` with a set: for each of b's keys, discard or else add. */
export function symmetricDifferenceUpdate<K>(a: SetTable<K>, b: SetTable<K>): void {
  if (a === b) {
    a.clear();
    return;
  }
  for (let slot = b.nextSlot(0); slot >= 0; slot = b.nextSlot(slot + 1)) {
    if (!a.discardEntryFrom(b, slot)) a.addEntryFrom(b, slot);
  }
}

/**
 * `set_symmetric_difference_update` with an exact dict's keys (walked directly) or another
 * iterable (pass `collectFirst`: CPython first builds a set from it, dropping duplicates).
 */
export function symmetricDifferenceUpdateWithKeys<K>(
  a: SetTable<K>,
  keys: Iterable<HashedKey<K>>,
  collectFirst: boolean,
): void {
  if (collectFirst) {
    const collected = a.emptyLike();
    for (const [key, hash] of keys) collected.add(key, hash);
    symmetricDifferenceUpdate(a, collected);
    return;
  }
  for (const [key, hash] of keys) {
    if (!a.discard(key, hash)) a.add(key, hash);
  }
}

/** `set_symmetric_difference`: a ^ b copies b, then applies a to the copy. */
export function symmetricDifference<K>(a: SetTable<K>, b: SetTable<K>): SetTable<K> {
  const result = b.copy();
  symmetricDifferenceUpdate(result, a);
  return result;
}

/** `set_issubset` for a set argument: every key of a is in b (sizes compared first). */
export function isSubset<K>(a: SetTable<K>, b: SetTable<K>): boolean {
  if (a.size > b.size) return false;
  for (let slot = a.nextSlot(0); slot >= 0; slot = a.nextSlot(slot + 1)) {
    if (!b.containsEntryFrom(a, slot)) return false;
  }
  return true;
}

/** `set_isdisjoint` for a set argument: walks the smaller one. */
export function isDisjoint<K>(a: SetTable<K>, b: SetTable<K>): boolean {
  const [walked, probed] = b.size > a.size ? [a, b] : [b, a];
  for (let slot = walked.nextSlot(0); slot >= 0; slot = walked.nextSlot(slot + 1)) {
    if (probed.containsEntryFrom(walked, slot)) return false;
  }
  return true;
}
