// How dictobject.c turns a requested minimum into a keys-table size, per version.

import type { DictRules } from "./table-rules.js";

/** PyDict_MINSIZE. */
export const DICT_MIN_SIZE = 8;

function bitLength(value: number): number {
  return value <= 0 ? 0 : 32 - Math.clz32(value);
}

/**
 * The table size allocated for a requested minimum (GROWTH_RATE, ESTIMATE_SIZE, presizing).
 * 3.6–3.9: the smallest power of two >= minSize, at least 8 (`dictresize`'s loop). 3.10+
 * (LP64 builds) `calculate_keysize`: `1 << bit_length(((minSize | 8) - 1) | 7)`, which gives
 * 16 for minimums 1–7 and doubles a minimum that is already a power of two >= 16. Resizes to
 * the current size (combining a split table) take the size as it is.
 */
export function keysSizeFor(minSize: number, rules: DictRules): number {
  if (rules.sizeRounding === "bit-length") {
    const rounded = ((minSize | DICT_MIN_SIZE) - 1) | (DICT_MIN_SIZE - 1);
    return 2 ** bitLength(rounded);
  }
  let size = DICT_MIN_SIZE;
  while (size < minSize) size *= 2;
  return size;
}

/** ESTIMATE_SIZE(n) = (n*3 + 1) >> 1: a minimum that holds n entries without a resize. */
export function estimateMinSize(entries: number): number {
  return Math.floor((entries * 3 + 1) / 2);
}

/** GROWTH_RATE(d): the minimum requested when an insert finds no usable entry left. */
export function growthMinSize(used: number, currentSize: number, rules: DictRules): number {
  return rules.growth === "used2-plus-half" ? used * 2 + (currentSize >> 1) : used * 3;
}
