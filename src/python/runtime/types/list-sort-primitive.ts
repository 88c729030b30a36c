// list.sort()'s hot loops for keys whose comparisons run no Python code: exact ints, floats, strs.
//
// When every key is an exact int held as a JS number, a float other than NaN, or a str whose
// code unit order is its code point order, a comparison is JS's own `<` and nothing observes
// it. Timsort is stable, so each sorted run and each merge has exactly one possible outcome:
// these loops produce it without calls or galloping, moving the items' positions (typed-array
// stores) rather than the items. What stays visible (the run boundaries and the merge order,
// which decide the merge space the sort allocates) is still decided by list-sort.ts's port.
import type { PyObject } from "../object.js";
import type { PyType } from "../type.js";
import { PyInt } from "./int.js";
import type { IntValue } from "./int-value.js";
import type { ListSlot } from "./list-packed-ints.js";
import { PyFloat } from "./float.js";
import { PyStr } from "./str.js";

/** Keys held as JS primitives: numbers (no NaN) or strs' text (code unit order). */
type PrimitiveKeys = Float64Array | string[];

/** Any UTF-16 surrogate: where code unit order and code point order part. */
const SURROGATE = /[\uD800-\uDFFF]/;

/**
 * The keys of a sort and the positions moving with them. Int keys whose range allows it are
 * packed with their position into one double, `(key - min) * size + position`: the packed
 * values compare as (key, position), which is the order a stable sort of adjacent runs gives
 * too (all of a run's items come from before the next run's), so only one array moves.
 */
export class PrimitiveOrder {
  private readonly tempKeys: PrimitiveKeys;
  private readonly tempPositions: Uint32Array | null;

  private constructor(
    /** What the sort compares and moves. */
    readonly keys: PrimitiveKeys,
    /** The items' positions before the sort, moving with `keys`; null when packed into them. */
    readonly positions: Uint32Array | null,
  ) {
    const tempSize = (keys.length >> 1) + 1;
    this.tempKeys = keys instanceof Float64Array ? new Float64Array(tempSize) : [];
    this.tempPositions = positions === null ? null : new Uint32Array(tempSize);
  }

  /**
   * The order for `items` when they are all exact ints fitting JS numbers, all floats without
   * NaN, or all strs without surrogates (one pass reads each item's type and value); null
   * otherwise. `mayPack` allows packed int keys (their runs differ only where equal keys
   * meet, which 3.13's run detection looks at).
   */
  static of(items: readonly ListSlot[], types: { int: PyType; float: PyType; str: PyType }, mayPack: boolean): PrimitiveOrder | null {
    const first = items[0]!;
    // A JS number is a packed int (list-packed-ints.ts).
    const keyType = typeof first === "number" ? types.int : first.type;
    if (keyType === types.int) return PrimitiveOrder.ofInts(items, keyType, mayPack);
    if (keyType === types.float) return PrimitiveOrder.ofFloats(items as readonly PyObject[], keyType);
    if (keyType === types.str) return PrimitiveOrder.ofStrs(items as readonly PyObject[], keyType);
    return null;
  }

  private static ofInts(items: readonly ListSlot[], int: PyType, mayPack: boolean): PrimitiveOrder | null {
    const size = items.length;
    const keys = new Float64Array(size);
    let min = Infinity;
    let max = -Infinity;
    for (let i = 0; i < size; i++) {
      const item = items[i]!;
      let value: IntValue;
      if (typeof item === "number") value = item;
      else if (item.type !== int) return null;
      else value = (item as PyInt).value;
      if (typeof value !== "number") return null;
      keys[i] = value;
      if (value < min) min = value;
      if (value > max) max = value;
    }
    // Packed values stay exact doubles while (max - min + 1) * size <= 2**53.
    if (!mayPack || (max - min + 1) * size > 2 ** 53) return new PrimitiveOrder(keys, identityPositions(size));
    for (let i = 0; i < size; i++) keys[i] = (keys[i]! - min) * size + i;
    return new PrimitiveOrder(keys, null);
  }

  private static ofFloats(items: readonly PyObject[], float: PyType): PrimitiveOrder | null {
    const keys = new Float64Array(items.length);
    for (let i = 0; i < items.length; i++) {
      const item = items[i]!;
      if (item.type !== float) return null;
      const value = (item as PyFloat).value;
      if (value !== value) return null;
      keys[i] = value;
    }
    return new PrimitiveOrder(keys, identityPositions(items.length));
  }

  private static ofStrs(items: readonly PyObject[], str: PyType): PrimitiveOrder | null {
    const keys = new Array<string>(items.length);
    for (let i = 0; i < items.length; i++) {
      const item = items[i]!;
      if (item.type !== str) return null;
      const value = (item as PyStr).value;
      if ((item as PyStr).kind !== 1 && SURROGATE.test(value)) return null;
      keys[i] = value;
    }
    return new PrimitiveOrder(keys, identityPositions(items.length));
  }

  /** Stable binary insertion of keys[start+sorted:start+count] into the sorted keys[start:start+sorted]. */
  insertionSort(start: number, count: number, sorted: number): void {
    const keys = this.keys as unknown as number[];
    const positions = this.positions;
    const end = start + count;
    for (let i = start + (sorted === 0 ? 1 : sorted); i < end; i++) {
      const pivot = keys[i]!;
      if (!(pivot < keys[i - 1]!)) continue;
      let low = start;
      let high = i;
      while (low < high) {
        const middle = (low + high) >>> 1;
        if (pivot < keys[middle]!) high = middle;
        else low = middle + 1;
      }
      for (let m = i; m > low; m--) keys[m] = keys[m - 1]!;
      keys[low] = pivot;
      if (positions !== null) {
        const position = positions[i]!;
        positions.copyWithin(low + 1, low, i);
        positions[low] = position;
      }
    }
  }

  /**
   * Stable merge of the adjacent sorted runs a = [startA, startA+na) and b = [startA+na,
   * startA+na+nb): the smaller run is copied aside, and on equal keys a's item comes first.
   */
  merge(startA: number, na: number, nb: number): void {
    const keys = this.keys as unknown as number[];
    const positions = this.positions;
    const tempKeys = this.tempKeys as unknown as number[];
    const tempPositions = this.tempPositions;
    const startB = startA + na;
    if (na <= nb) {
      for (let i = 0; i < na; i++) tempKeys[i] = keys[startA + i]!;
      if (positions !== null) tempPositions!.set(positions.subarray(startA, startB));
      let pa = 0;
      let pb = startB;
      let pd = startA;
      const endB = startB + nb;
      while (pa < na && pb < endB) {
        if (keys[pb]! < tempKeys[pa]!) {
          keys[pd] = keys[pb]!;
          if (positions !== null) positions[pd] = positions[pb]!;
          pd++;
          pb++;
        } else {
          keys[pd] = tempKeys[pa]!;
          if (positions !== null) positions[pd] = tempPositions![pa]!;
          pd++;
          pa++;
        }
      }
      for (; pa < na; pd++, pa++) {
        keys[pd] = tempKeys[pa]!;
        if (positions !== null) positions[pd] = tempPositions![pa]!;
      }
      return;
    }
    for (let i = 0; i < nb; i++) tempKeys[i] = keys[startB + i]!;
    if (positions !== null) tempPositions!.set(positions.subarray(startB, startB + nb));
    let pa = startB - 1;
    let pb = nb - 1;
    let pd = startB + nb - 1;
    while (pb >= 0 && pa >= startA) {
      if (tempKeys[pb]! < keys[pa]!) {
        keys[pd] = keys[pa]!;
        if (positions !== null) positions[pd] = positions[pa]!;
        pd--;
        pa--;
      } else {
        keys[pd] = tempKeys[pb]!;
        if (positions !== null) positions[pd] = tempPositions![pb]!;
        pd--;
        pb--;
      }
    }
    for (; pb >= 0; pd--, pb--) {
      keys[pd] = tempKeys[pb]!;
      if (positions !== null) positions[pd] = tempPositions![pb]!;
    }
  }

  /**
   * Rearranges the first `keys.length` entries of `array` (the items, the key objects, or a
   * packed list's block offsets) into the sorted order.
   */
  apply(array: PyObject[] | Int32Array): void {
    const size = this.keys.length;
    const old = array.slice(0, size) as PyObject[];
    const moved = array as PyObject[];
    const positions = this.positions;
    if (positions !== null) {
      for (let i = 0; i < size; i++) moved[i] = old[positions[i]!]!;
      return;
    }
    const keys = this.keys as Float64Array;
    for (let i = 0; i < size; i++) moved[i] = old[packedPosition(keys[i]!, size)]!;
  }
}

/**
 * `packed % size` without `%`, which V8 runs as a call to C's fmod for doubles (several times
 * slower). The quotient is exact up to one unit of rounding, which the two corrections undo;
 * every product stays below 2**53 because the packing required (max - min + 1) * size <= 2**53.
 */
function packedPosition(packed: number, size: number): number {
  const position = packed - Math.floor(packed / size) * size;
  if (position < 0) return position + size;
  return position >= size ? position - size : position;
}

function identityPositions(size: number): Uint32Array {
  const positions = new Uint32Array(size);
  for (let i = 0; i < size; i++) positions[i] = i;
  return positions;
}

/** JS `<` on primitive keys: what list-sort.ts's run detection and galloping compare with. */
export function primitiveLess(a: PyObject, b: PyObject): boolean {
  return (a as unknown as number) < (b as unknown as number);
}
