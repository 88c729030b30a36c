// list.sort(): CPython's timsort step for step (same comparisons in the same order, same partial order on errors).
//
// The comparisons a sort makes are visible (a __lt__ that prints, one that raises part-way),
// so this is a port of listobject.c's mergesort: count_run (the 3.13 version extends runs of
// equal keys), binary insertion up to minrun, galloping merges, and the merge policy
// (merge_collapse up to 3.10, powersort from 3.11). Arrays stand in for C pointers: a Run is
// an array with an offset, and keys/values move in lockstep when a key function is used.
import type { PyObject } from "../object.js";
import { decref } from "../object.js";
import { rt } from "../state.js";
import { CompareOp } from "../slots.js";
import { richCompareBool } from "../abstract/compare.js";
import { isTrue } from "../abstract/truth.js";
import { call } from "../abstract/object-protocol.js";
import { callFromRuntime } from "../argument-tuple.js";
import { valueError } from "../errors.js";
import { PyList, releaseBuffer } from "./list.js";
import { type ListSlot, resumePacking } from "./list-packed-ints.js";
import { PyInt } from "./int.js";
import { PyFloat } from "./float.js";
import { PyStr } from "./str.js";
import { PyTuple } from "./tuple.js";
import { compare as compareInts } from "./int-value.js";
import { PrimitiveOrder, primitiveLess } from "./list-sort-primitive.js";

const MIN_GALLOP = 7;
const MERGESTATE_TEMP_SIZE = 256;
const MAX_MINRUN = 64;

/** A position in a keys array (and the values array moving with it, when there is one). */
class Run {
  constructor(
    public keys: PyObject[],
    public values: PyObject[] | null,
    public offset: number,
  ) {}

  clone(): Run {
    return new Run(this.keys, this.values, this.offset);
  }
}

function reverseRange(array: PyObject[], start: number, end: number): void {
  for (let low = start, high = end - 1; low < high; low++, high--) {
    const swap = array[low]!;
    array[low] = array[high]!;
    array[high] = swap;
  }
}

function reverseRun(run: Run, count: number): void {
  reverseRange(run.keys, run.offset, run.offset + count);
  if (run.values !== null) reverseRange(run.values, run.offset, run.offset + count);
}

/** A block of PyMem the sort holds (its key array, its merge space), for address fidelity. */
class Scratch {
  address = 0;
  bytes = 0;
  take(bytes: number): void {
    this.release();
    this.address = rt.allocator.allocate(bytes, 0, this);
    this.bytes = bytes;
  }
  release(): void {
    if (this.address !== 0) rt.allocator.free(this.address, 0, this.bytes);
    this.address = 0;
  }
}

interface PendingRun {
  base: Run;
  length: number;
  power: number;
}

type LessThan = (a: PyObject, b: PyObject) => boolean;

class MergeState {
  minGallop = MIN_GALLOP;
  /** ms->a: merge space (keys and, with a key function, values). */
  temp: Run;
  allocated: number;
  readonly pending: PendingRun[] = [];
  readonly memory = new Scratch();

  constructor(
    readonly lessThan: LessThan,
    readonly listLength: number,
    readonly hasValues: boolean,
    /** The keys as JS primitives (list-sort-primitive.ts) when their comparisons are invisible. */
    readonly primitive: PrimitiveOrder | null = null,
  ) {
    this.allocated = hasValues ? Math.min(Math.floor((listLength + 1) / 2), MERGESTATE_TEMP_SIZE / 2) : MERGESTATE_TEMP_SIZE;
    this.temp = new Run([], hasValues ? [] : null, 0);
  }

  /** merge_getmem: more merge space than the on-stack array (a PyMem block). */
  ensureTemp(need: number): void {
    if (need <= this.allocated) return;
    const multiplier = this.hasValues ? 2 : 1;
    this.memory.take(multiplier * need * 8);
    this.allocated = need;
  }
}

// ---- comparisons ------------------------------------------------------------------------------

function safeLessThan(a: PyObject, b: PyObject): boolean {
  return richCompareBool(a, b, CompareOp.Lt);
}

function codePointLess(a: string, b: string): boolean {
  const length = Math.min(a.length, b.length);
  for (let i = 0; i < length; i++) {
    const x = a.codePointAt(i)!;
    const y = b.codePointAt(i)!;
    if (x !== y) return x < y;
    if (x > 0xffff) i++;
  }
  return a.length < b.length;
}

/** unsafe_latin_compare and its kin: str order is code point order. */
function strLessByCodePoint(a: PyObject, b: PyObject): boolean {
  return codePointLess((a as PyStr).value, (b as PyStr).value);
}

/** Without surrogates, UTF-16 code unit order (JS's own `<`) is code point order. */
function strLessByCodeUnit(a: PyObject, b: PyObject): boolean {
  return (a as PyStr).value < (b as PyStr).value;
}

const SURROGATE = /[\uD800-\uDFFF]/;

/** True when a str key (or a tuple key's first item) holds a surrogate code unit. */
function anySurrogate(keys: readonly PyObject[], inTuples: boolean): boolean {
  for (const key of keys) {
    const item = inTuples ? (key as PyTuple).items[0]! : key;
    if (SURROGATE.test((item as PyStr).value)) return true;
  }
  return false;
}

/** unsafe_long_compare: exact ints, most of them small enough to be JS numbers. */
function intLess(a: PyObject, b: PyObject): boolean {
  const x = (a as PyInt).value;
  const y = (b as PyInt).value;
  if (typeof x === "number" && typeof y === "number") return x < y;
  return compareInts(x, y) < 0;
}

/** unsafe_float_compare. */
function floatLess(a: PyObject, b: PyObject): boolean {
  return (a as PyFloat).value < (b as PyFloat).value;
}

/**
 * The pre-sort check (3.7+): homogeneous keys of exact str/int/float compare directly (no
 * Python code runs, so the shortcut is invisible); other homogeneous keys call their type's
 * tp_richcompare straight away; tuples compare their first items with the same choice.
 */
function chooseLessThan(keys: readonly PyObject[]): LessThan {
  if (rt.profile.minor === 6 || keys.length < 2) return safeLessThan;
  const first = keys[0]!;
  let inTuples = first.type === rt.types.tuple && (first as PyTuple).items.length > 0;
  const keyType = inTuples ? (first as PyTuple).items[0]!.type : first.type;
  let sameType = true;
  for (const key of keys) {
    if (inTuples && !(key.type === rt.types.tuple && (key as PyTuple).items.length !== 0)) {
      inTuples = false;
      sameType = false;
      break;
    }
    const item = inTuples ? (key as PyTuple).items[0]! : key;
    if (item.type !== keyType) {
      sameType = false;
      if (!inTuples) break;
    }
  }
  let elementLess: LessThan = safeLessThan;
  if (sameType) {
    if (keyType === rt.types.str) elementLess = anySurrogate(keys, inTuples) ? strLessByCodePoint : strLessByCodeUnit;
    else if (keyType === rt.types.int) elementLess = intLess;
    else if (keyType === rt.types.float) elementLess = floatLess;
    else if (keyType.richcompare !== null) {
      const richcompare = keyType.richcompare;
      elementLess = (a, b) => {
        if (a.type.richcompare !== richcompare) return safeLessThan(a, b);
        const result = richcompare(a, b, CompareOp.Lt);
        if (result === rt.NotImplemented) {
          result.refcount--;
          return safeLessThan(a, b);
        }
        try {
          return result === rt.True ? true : result === rt.False ? false : isTrue(result);
        } finally {
          decref(result);
        }
      };
    }
  }
  if (!inTuples) return elementLess;
  const firstLess = keyType === rt.types.tuple ? safeLessThan : elementLess;
  return (a, b) => {
    const left = (a as PyTuple).items;
    const right = (b as PyTuple).items;
    let i = 0;
    for (; i < left.length && i < right.length; i++) {
      if (!richCompareBool(left[i]!, right[i]!, CompareOp.Eq)) break;
    }
    if (i >= left.length || i >= right.length) return left.length < right.length;
    if (i === 0) return firstLess(left[0]!, right[0]!);
    return richCompareBool(left[i]!, right[i]!, CompareOp.Lt);
  };
}

// ---- runs --------------------------------------------------------------------------------------

/** binarysort: a[start:n] is inserted into the sorted a[0:start] (start >= 1 after adjusting). */
function binarySort(ms: MergeState, run: Run, count: number, sorted: number): void {
  const keys = run.keys;
  const values = run.values;
  const base = run.offset;
  if (sorted === 0) sorted = 1;
  for (; sorted < count; ++sorted) {
    let low = 0;
    let high = sorted;
    const pivot = keys[base + sorted]!;
    do {
      const middle = (low + high) >> 1;
      if (ms.lessThan(pivot, keys[base + middle]!)) high = middle;
      else low = middle + 1;
    } while (low < high);
    for (let m = sorted; m > low; --m) keys[base + m] = keys[base + m - 1]!;
    keys[base + low] = pivot;
    if (values !== null) {
      const valuePivot = values[base + sorted]!;
      for (let m = sorted; m > low; --m) values[base + m] = values[base + m - 1]!;
      values[base + low] = valuePivot;
    }
  }
}

/** count_run up to 3.12: the run's length, and whether it is strictly descending. */
function countRunClassic(ms: MergeState, run: Run, remaining: number): { length: number; descending: boolean } {
  const keys = run.keys;
  const low = run.offset;
  if (remaining === 1) return { length: 1, descending: false };
  let length = 2;
  if (ms.lessThan(keys[low + 1]!, keys[low]!)) {
    for (let i = low + 2; i < low + remaining; ++i, ++length) {
      if (!ms.lessThan(keys[i]!, keys[i - 1]!)) break;
    }
    return { length, descending: true };
  }
  for (let i = low + 2; i < low + remaining; ++i, ++length) {
    if (ms.lessThan(keys[i]!, keys[i - 1]!)) break;
  }
  return { length, descending: false };
}

/**
 * count_run from 3.13: a descending run may contain equal neighbours (reversed in place as
 * they end, so stability survives the final reversal), and an ascending suffix extends it.
 */
function countRunRelaxed(ms: MergeState, run: Run, remaining: number): number {
  const keys = run.keys;
  const lo = run.offset;
  let n = 1;
  for (; n < remaining; ++n) {
    if (ms.lessThan(keys[lo + n]!, keys[lo + n - 1]!)) break;
  }
  if (n === remaining) return n;
  if (n > 1) {
    if (ms.lessThan(keys[lo]!, keys[lo + n - 1]!)) return n;
    reverseRun(run, n);
  }
  ++n;
  let equal = 0;
  const reverseLastEqual = (): void => {
    if (equal === 0) return;
    ++equal;
    const slice = run.clone();
    slice.offset += n - equal;
    reverseRun(slice, equal);
    equal = 0;
  };
  for (; n < remaining; ++n) {
    if (ms.lessThan(keys[lo + n]!, keys[lo + n - 1]!)) {
      reverseLastEqual();
    } else if (ms.lessThan(keys[lo + n - 1]!, keys[lo + n]!)) {
      break;
    } else {
      ++equal;
    }
  }
  reverseLastEqual();
  reverseRun(run, n);
  for (; n < remaining; ++n) {
    if (ms.lessThan(keys[lo + n]!, keys[lo + n - 1]!)) break;
  }
  return n;
}

// ---- galloping -------------------------------------------------------------------------------

function gallopLeft(ms: MergeState, key: PyObject, keys: PyObject[], start: number, n: number, hint: number): number {
  const base = start + hint;
  let lastOffset = 0;
  let offset = 1;
  if (ms.lessThan(keys[base]!, key)) {
    const maxOffset = n - hint;
    while (offset < maxOffset) {
      if (ms.lessThan(keys[base + offset]!, key)) {
        lastOffset = offset;
        offset = (offset << 1) + 1;
      } else break;
    }
    if (offset > maxOffset) offset = maxOffset;
    lastOffset += hint;
    offset += hint;
  } else {
    const maxOffset = hint + 1;
    while (offset < maxOffset) {
      if (ms.lessThan(keys[base - offset]!, key)) break;
      lastOffset = offset;
      offset = (offset << 1) + 1;
    }
    if (offset > maxOffset) offset = maxOffset;
    const k = lastOffset;
    lastOffset = hint - offset;
    offset = hint - k;
  }
  ++lastOffset;
  while (lastOffset < offset) {
    const m = lastOffset + ((offset - lastOffset) >> 1);
    if (ms.lessThan(keys[start + m]!, key)) lastOffset = m + 1;
    else offset = m;
  }
  return offset;
}

function gallopRight(ms: MergeState, key: PyObject, keys: PyObject[], start: number, n: number, hint: number): number {
  const base = start + hint;
  let lastOffset = 0;
  let offset = 1;
  if (ms.lessThan(key, keys[base]!)) {
    const maxOffset = hint + 1;
    while (offset < maxOffset) {
      if (ms.lessThan(key, keys[base - offset]!)) {
        lastOffset = offset;
        offset = (offset << 1) + 1;
      } else break;
    }
    if (offset > maxOffset) offset = maxOffset;
    const k = lastOffset;
    lastOffset = hint - offset;
    offset = hint - k;
  } else {
    const maxOffset = n - hint;
    while (offset < maxOffset) {
      if (ms.lessThan(key, keys[base + offset]!)) break;
      lastOffset = offset;
      offset = (offset << 1) + 1;
    }
    if (offset > maxOffset) offset = maxOffset;
    lastOffset += hint;
    offset += hint;
  }
  ++lastOffset;
  while (lastOffset < offset) {
    const m = lastOffset + ((offset - lastOffset) >> 1);
    if (ms.lessThan(key, keys[start + m]!)) offset = m;
    else lastOffset = m + 1;
  }
  return offset;
}

// ---- merging ---------------------------------------------------------------------------------

/**
 * memmove of `count` keys (and values) inside or between arrays: the direction is chosen so
 * that an overlapping move inside one array reads each slot before it is overwritten.
 */
function moveEntries(keys: PyObject[], values: PyObject[] | null, to: number, fromKeys: PyObject[], fromValues: PyObject[] | null, from: number, count: number): void {
  if (count <= 0) return;
  if (keys !== fromKeys || to < from) {
    for (let k = 0; k < count; k++) keys[to + k] = fromKeys[from + k]!;
    if (values !== null) for (let k = 0; k < count; k++) values[to + k] = fromValues![from + k]!;
  } else {
    for (let k = count - 1; k >= 0; k--) keys[to + k] = fromKeys[from + k]!;
    if (values !== null) for (let k = count - 1; k >= 0; k--) values[to + k] = fromValues![from + k]!;
  }
}

/** How a merge loop ended: the rest of one run is copied over afterwards. */
const SUCCEED = 0;
const COPY_OTHER = 1;

/**
 * merge_lo: na <= nb; run A is copied to the merge space first. Written with plain indices
 * (pa into the merge space, pb and pd into the list) because this loop makes most of a sort's
 * comparisons; the comparisons and moves are merge_lo's, one for one.
 */
function mergeLow(ms: MergeState, runA: Run, na: number, runB: Run, nb: number): void {
  ms.ensureTemp(na);
  const lessThan = ms.lessThan;
  const keys = runA.keys;
  const values = runA.values;
  const tempKeys = ms.temp.keys;
  const tempValues = ms.temp.values;
  moveEntries(tempKeys, tempValues, 0, keys, values, runA.offset, na);
  let pa = 0;
  let pb = runB.offset;
  let pd = runA.offset;
  keys[pd] = keys[pb]!;
  if (values !== null) values[pd] = values[pb]!;
  pd++;
  pb++;
  --nb;
  let outcome = SUCCEED;
  try {
    merge: {
      if (nb === 0) break merge;
      if (na === 1) {
        outcome = COPY_OTHER;
        break merge;
      }
      let minGallop = ms.minGallop;
      for (;;) {
        let acount = 0;
        let bcount = 0;
        for (;;) {
          if (lessThan(keys[pb]!, tempKeys[pa]!)) {
            keys[pd] = keys[pb]!;
            if (values !== null) values[pd] = values[pb]!;
            pd++;
            pb++;
            ++bcount;
            acount = 0;
            --nb;
            if (nb === 0) break merge;
            if (bcount >= minGallop) break;
          } else {
            keys[pd] = tempKeys[pa]!;
            if (values !== null) values[pd] = tempValues![pa]!;
            pd++;
            pa++;
            ++acount;
            bcount = 0;
            --na;
            if (na === 1) {
              outcome = COPY_OTHER;
              break merge;
            }
            if (acount >= minGallop) break;
          }
        }
        ++minGallop;
        do {
          minGallop -= minGallop > 1 ? 1 : 0;
          ms.minGallop = minGallop;
          let k = gallopRight(ms, keys[pb]!, tempKeys, pa, na, 0);
          acount = k;
          if (k) {
            moveEntries(keys, values, pd, tempKeys, tempValues, pa, k);
            pd += k;
            pa += k;
            na -= k;
            if (na === 1) {
              outcome = COPY_OTHER;
              break merge;
            }
            if (na === 0) break merge;
          }
          keys[pd] = keys[pb]!;
          if (values !== null) values[pd] = values[pb]!;
          pd++;
          pb++;
          --nb;
          if (nb === 0) break merge;
          k = gallopLeft(ms, tempKeys[pa]!, keys, pb, nb, 0);
          bcount = k;
          if (k) {
            moveEntries(keys, values, pd, keys, values, pb, k);
            pd += k;
            pb += k;
            nb -= k;
            if (nb === 0) break merge;
          }
          keys[pd] = tempKeys[pa]!;
          if (values !== null) values[pd] = tempValues![pa]!;
          pd++;
          pa++;
          --na;
          if (na === 1) {
            outcome = COPY_OTHER;
            break merge;
          }
        } while (acount >= MIN_GALLOP || bcount >= MIN_GALLOP);
        ++minGallop;
        ms.minGallop = minGallop;
      }
    }
  } catch (error) {
    moveEntries(keys, values, pd, tempKeys, tempValues, pa, na);
    throw error;
  }
  if (outcome === SUCCEED) {
    moveEntries(keys, values, pd, tempKeys, tempValues, pa, na);
    return;
  }
  moveEntries(keys, values, pd, keys, values, pb, nb);
  keys[pd + nb] = tempKeys[pa]!;
  if (values !== null) values[pd + nb] = tempValues![pa]!;
}

/** merge_hi: na >= nb; run B is copied to the merge space and the merge runs backwards. */
function mergeHigh(ms: MergeState, runA: Run, na: number, runB: Run, nb: number): void {
  ms.ensureTemp(nb);
  const lessThan = ms.lessThan;
  const keys = runA.keys;
  const values = runA.values;
  const tempKeys = ms.temp.keys;
  const tempValues = ms.temp.values;
  let pd = runB.offset + nb - 1;
  moveEntries(tempKeys, tempValues, 0, keys, values, runB.offset, nb);
  const baseA = runA.offset;
  let pb = nb - 1;
  let pa = runA.offset + na - 1;
  keys[pd] = keys[pa]!;
  if (values !== null) values[pd] = values[pa]!;
  pd--;
  pa--;
  --na;
  let outcome = SUCCEED;
  try {
    merge: {
      if (na === 0) break merge;
      if (nb === 1) {
        outcome = COPY_OTHER;
        break merge;
      }
      let minGallop = ms.minGallop;
      for (;;) {
        let acount = 0;
        let bcount = 0;
        for (;;) {
          if (lessThan(tempKeys[pb]!, keys[pa]!)) {
            keys[pd] = keys[pa]!;
            if (values !== null) values[pd] = values[pa]!;
            pd--;
            pa--;
            ++acount;
            bcount = 0;
            --na;
            if (na === 0) break merge;
            if (acount >= minGallop) break;
          } else {
            keys[pd] = tempKeys[pb]!;
            if (values !== null) values[pd] = tempValues![pb]!;
            pd--;
            pb--;
            ++bcount;
            acount = 0;
            --nb;
            if (nb === 1) {
              outcome = COPY_OTHER;
              break merge;
            }
            if (bcount >= minGallop) break;
          }
        }
        ++minGallop;
        do {
          minGallop -= minGallop > 1 ? 1 : 0;
          ms.minGallop = minGallop;
          let k = gallopRight(ms, tempKeys[pb]!, keys, baseA, na, na - 1);
          k = na - k;
          acount = k;
          if (k) {
            pd -= k;
            pa -= k;
            moveEntries(keys, values, pd + 1, keys, values, pa + 1, k);
            na -= k;
            if (na === 0) break merge;
          }
          keys[pd] = tempKeys[pb]!;
          if (values !== null) values[pd] = tempValues![pb]!;
          pd--;
          pb--;
          --nb;
          if (nb === 1) {
            outcome = COPY_OTHER;
            break merge;
          }
          k = gallopLeft(ms, keys[pa]!, tempKeys, 0, nb, nb - 1);
          k = nb - k;
          bcount = k;
          if (k) {
            pd -= k;
            pb -= k;
            moveEntries(keys, values, pd + 1, tempKeys, tempValues, pb + 1, k);
            nb -= k;
            if (nb === 1) {
              outcome = COPY_OTHER;
              break merge;
            }
            if (nb === 0) break merge;
          }
          keys[pd] = keys[pa]!;
          if (values !== null) values[pd] = values[pa]!;
          pd--;
          pa--;
          --na;
          if (na === 0) break merge;
        } while (acount >= MIN_GALLOP || bcount >= MIN_GALLOP);
        ++minGallop;
        ms.minGallop = minGallop;
      }
    }
  } catch (error) {
    moveEntries(keys, values, pd - (nb - 1), tempKeys, tempValues, 0, nb);
    throw error;
  }
  if (outcome === SUCCEED) {
    moveEntries(keys, values, pd - (nb - 1), tempKeys, tempValues, 0, nb);
    return;
  }
  moveEntries(keys, values, pd + 1 - na, keys, values, pa + 1 - na, na);
  pd -= na;
  pa -= na;
  keys[pd] = tempKeys[pb]!;
  if (values !== null) values[pd] = tempValues![pb]!;
}

/** merge_at: merges pending runs i and i+1. */
function mergeAt(ms: MergeState, i: number): void {
  const pending = ms.pending;
  let runA = pending[i]!.base.clone();
  let na = pending[i]!.length;
  const runB = pending[i + 1]!.base.clone();
  let nb = pending[i + 1]!.length;
  pending[i]!.length = na + nb;
  if (i === pending.length - 3) pending[i + 1] = pending[i + 2]!;
  pending.pop();
  const k = gallopRight(ms, runB.keys[runB.offset]!, runA.keys, runA.offset, na, 0);
  runA = runA.clone();
  runA.offset += k;
  na -= k;
  if (na === 0) return;
  nb = gallopLeft(ms, runA.keys[runA.offset + na - 1]!, runB.keys, runB.offset, nb, nb - 1);
  if (nb <= 0) return;
  if (ms.primitive !== null) {
    ms.ensureTemp(na <= nb ? na : nb);
    ms.primitive.merge(runA.offset, na, nb);
  } else if (na <= nb) mergeLow(ms, runA, na, runB, nb);
  else mergeHigh(ms, runA, na, runB, nb);
}

/** merge_collapse (≤3.10): restores the run-length invariants after a push. */
function mergeCollapse(ms: MergeState): void {
  const p = ms.pending;
  while (p.length > 1) {
    let n = p.length - 2;
    if ((n > 0 && p[n - 1]!.length <= p[n]!.length + p[n + 1]!.length) || (n > 1 && p[n - 2]!.length <= p[n - 1]!.length + p[n]!.length)) {
      if (p[n - 1]!.length < p[n + 1]!.length) --n;
      mergeAt(ms, n);
    } else if (p[n]!.length <= p[n + 1]!.length) {
      mergeAt(ms, n);
    } else break;
  }
}

/** powerloop (3.11+): the depth of the node between two adjacent runs. */
function powerLoop(s1: number, n1: number, n2: number, n: number): number {
  let result = 0;
  let a = 2 * s1 + n1;
  let b = a + n1 + n2;
  for (;;) {
    ++result;
    if (a >= n) {
      a -= n;
      b -= n;
    } else if (b >= n) {
      break;
    }
    a *= 2;
    b *= 2;
  }
  return result;
}

/** found_new_run (3.11+): powersort merges runs deeper than the new boundary. */
function foundNewRun(ms: MergeState, n2: number): void {
  const p = ms.pending;
  if (p.length === 0) return;
  const top = p[p.length - 1]!;
  const s1 = top.base.offset;
  const power = powerLoop(s1, top.length, n2, ms.listLength);
  while (p.length > 1 && p[p.length - 2]!.power > power) mergeAt(ms, p.length - 2);
  p[p.length - 1]!.power = power;
}

function mergeForceCollapse(ms: MergeState): void {
  const p = ms.pending;
  while (p.length > 1) {
    let n = p.length - 2;
    if (n > 0 && p[n - 1]!.length < p[n + 1]!.length) --n;
    mergeAt(ms, n);
  }
}

function computeMinRun(n: number): number {
  let r = 0;
  while (n >= MAX_MINRUN) {
    r |= n & 1;
    n >>= 1;
  }
  return n + r;
}

/** The mergesort proper over keys (and values moving with them). Throws what a comparison throws. */
function mergeSort(ms: MergeState, keys: PyObject[], values: PyObject[] | null): void {
  let remaining = keys.length;
  if (remaining < 2) return;
  const powersort = rt.profile.minor >= 11;
  const relaxedRuns = rt.profile.minor >= 13;
  const lo = new Run(keys, values, 0);
  const minRun = computeMinRun(remaining);
  do {
    let n: number;
    if (relaxedRuns) {
      n = countRunRelaxed(ms, lo, remaining);
    } else {
      const run = countRunClassic(ms, lo, remaining);
      n = run.length;
      if (run.descending) reverseRun(lo, n);
    }
    if (n < minRun) {
      const force = remaining <= minRun ? remaining : minRun;
      if (ms.primitive !== null) ms.primitive.insertionSort(lo.offset, force, n);
      else binarySort(ms, lo, force, n);
      n = force;
    }
    if (powersort) foundNewRun(ms, n);
    ms.pending.push({ base: lo.clone(), length: n, power: 0 });
    if (!powersort) mergeCollapse(ms);
    lo.offset += n;
    remaining -= n;
  } while (remaining);
  mergeForceCollapse(ms);
}

/** Every slot a packed int or an exact int whose value is a JS number. */
function allJsNumberInts(storage: readonly ListSlot[]): boolean {
  const int = rt.types.int;
  for (let i = 0; i < storage.length; i++) {
    const slot = storage[i]!;
    if (typeof slot !== "number" && (slot.type !== int || typeof (slot as PyInt).value !== "number")) return false;
  }
  return true;
}

/**
 * list_sort_impl: the list is emptied while it sorts (mutation is detected afterwards), keys
 * are computed first when a key function is given, and the items come back even on failure.
 */
export function sortList(list: PyList, keyFunction: PyObject | null, reverse: boolean): void {
  // Packed ints (list-packed-ints.ts) sort as they are held, their block offsets moving with
  // them, when there is no key function and every item is an int held as a JS number; the
  // comparisons of such a sort run no code, so nothing can read the list meanwhile.
  let packedOffsets = list.packedOffsets;
  if (packedOffsets !== null && (keyFunction !== null || !allJsNumberInts(list.storage))) {
    list.unpackAll();
    packedOffsets = null;
  }
  const savedItems = list.storage as PyObject[];
  const savedAllocated = list.allocated;
  const savedAddress = list.bufferAddress;
  const savedBytes = list.bufferBytes;
  const size = savedItems.length;
  list.items = [];
  list.allocated = -1;
  list.bufferAddress = 0;
  list.bufferBytes = 0;
  let failure: unknown = null;
  let keys: PyObject[] | null = null;
  const keyMemory = new Scratch();
  const restore = (): void => {
    const finalItems = list.items;
    const finalAddress = list.bufferAddress;
    const finalBytes = list.bufferBytes;
    list.items = savedItems;
    if (packedOffsets !== null) resumePacking(list, packedOffsets);
    list.allocated = savedAllocated;
    list.bufferAddress = savedAddress;
    list.bufferBytes = savedBytes;
    // Whatever the comparisons put into the list meanwhile is dropped, then its buffer.
    for (let i = finalItems.length - 1; i >= 0; i--) decref(finalItems[i]!);
    releaseBuffer(finalAddress, finalBytes);
  };
  if (keyFunction !== null) {
    if (size >= MERGESTATE_TEMP_SIZE / 2) keyMemory.take(size * 8);
    keys = [];
    try {
      for (let i = 0; i < size; i++) keys.push(callFromRuntime(keyFunction, [savedItems[i]!]));
    } catch (error) {
      for (let i = keys.length - 1; i >= 0; i--) decref(keys[i]!);
      keyMemory.release();
      restore();
      throw error;
    }
  }
  const sortKeys = keys ?? savedItems;
  const values = keys === null ? null : savedItems;
  if (reverse && size > 1) {
    if (keys !== null) reverseRange(keys, 0, size);
    reverseRange(savedItems, 0, size);
    if (packedOffsets !== null) packedOffsets.subarray(0, size).reverse();
  }
  // Primitive keys sort as JS values with the items moving alongside; the merge space is
  // still accounted as CPython allocates it (with values only when there is a key function).
  // Such comparisons run no code in any version, with or without the pre-sort check.
  const primitive = size > 1 ? PrimitiveOrder.of(sortKeys, rt.types, rt.profile.minor < 13) : null;
  const lessThan = size > 1 && primitive === null ? chooseLessThan(sortKeys) : safeLessThan;
  const ms =
    primitive === null
      ? new MergeState(lessThan, size, values !== null)
      : new MergeState(primitiveLess, size, values !== null, primitive);
  try {
    if (primitive === null) mergeSort(ms, sortKeys, values);
    else {
      mergeSort(ms, primitive.keys as unknown as PyObject[], primitive.positions as unknown as PyObject[] | null);
      // The key objects too: they are released in sorted order, as CPython's keys array is.
      primitive.apply(savedItems);
      if (packedOffsets !== null) primitive.apply(packedOffsets);
      if (keys !== null) primitive.apply(keys);
    }
  } catch (error) {
    failure = error;
  }
  if (keys !== null) {
    for (let i = 0; i < size; i++) decref(keys[i]!);
    keyMemory.release();
  }
  if (failure === null && list.allocated !== -1) failure = valueError("list modified during sort");
  if (reverse && size > 1) {
    reverseRange(savedItems, 0, size);
    if (packedOffsets !== null) packedOffsets.subarray(0, size).reverse();
  }
  ms.memory.release();
  restore();
  if (failure !== null) throw failure;
}
