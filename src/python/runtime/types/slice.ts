// slice objects (with their one-object cache), PySlice_Unpack/AdjustIndices and the arbitrary-size slice.indices().
import { unsupportedReduceMethod } from "../method-def.js";
import { PyObject } from "../object.js";
import { decref } from "../object.js";
import { rt } from "../state.js";
import type { Runtime } from "../runtime.js";
import { allocateObject, freeObjectMemory, FreeList } from "../memory/object-memory.js";
import type { BuiltinTypeSpec } from "../type-spec.js";
import { CompareOp } from "../slots.js";
import { textSlot } from "../spec-helpers.js";
import { reprText, hash } from "../abstract/object-protocol.js";
import { richCompare } from "../abstract/compare.js";
import { valueError, typeError } from "../errors.js";
import { indexValue } from "../abstract/conversions.js";
import { newTuple, newTupleStealing } from "./tuple.js";
import { newInt, PyInt } from "./int.js";
import { gcTrack, gcUntrack } from "../gc/tracking.js";
import { newNotImplemented, newBool } from "../values.js";
import { normalize, toBig } from "./int-value.js";
import { checkNoKeywords, checkUnpacked } from "./container-arguments.js";
import { containerRules } from "./container-rules.js";

export class PySlice extends PyObject {
  constructor(
    public start: PyObject,
    public stop: PyObject,
    public step: PyObject,
  ) {
    super(rt.types.slice);
  }
}

const SLICE_SIZE = 40;
const SSIZE_MAX = 2n ** 63n - 1n;
const SSIZE_MIN = -(2n ** 63n);

/** PySlice_New's single cached slice object (slice_cache), per runtime. */
const sliceCaches = new WeakMap<Runtime, FreeList>();

function sliceCache(): FreeList {
  let cache = sliceCaches.get(rt);
  if (cache === undefined) {
    cache = new FreeList("slice", 1);
    sliceCaches.set(rt, cache);
  }
  return cache;
}

/** BUILD_SLICE / PySlice_New: steals the three references; the slice is GC-tracked. */
export function newSliceStealing(start: PyObject, stop: PyObject, step: PyObject): PySlice {
  const slice = new PySlice(start, stop, step);
  if (!sliceCache().reuse(slice, SLICE_SIZE)) {
    allocateObject(slice, SLICE_SIZE);
    rt.gc.countAllocation();
  }
  gcTrack(slice);
  return slice;
}

/** slice_dealloc: the parts go first, then the object is cached (or freed when the cache is full). */
function sliceDealloc(self: PyObject): void {
  const slice = self as PySlice;
  gcUntrack(slice);
  decref(slice.step);
  decref(slice.start);
  decref(slice.stop);
  if (!sliceCache().park(slice, SLICE_SIZE)) {
    freeObjectMemory(slice, SLICE_SIZE);
    rt.gc.countDeallocation();
  }
}

/** _PyEval_SliceIndex: an index clamped to the Py_ssize_t range. */
function clampedIndex(value: PyObject): number {
  if (value instanceof PyInt && typeof value.value === "number") return value.value;
  if (value.type.index === null) throw typeError("slice indices must be integers or None or have an __index__ method");
  const big = indexValue(value);
  if (big > SSIZE_MAX) return Number(SSIZE_MAX);
  if (big < SSIZE_MIN) return Number(SSIZE_MIN);
  return Number(big);
}

/** PySlice_Unpack: [start, stop, step] with None filled in (step first, as CPython evaluates). */
export function sliceUnpack(slice: PySlice): [number, number, number] {
  const none = rt.None;
  let step = 1;
  if (slice.step !== none) {
    step = clampedIndex(slice.step);
    if (step === 0) throw valueError("slice step cannot be zero");
    if (step < -Number(SSIZE_MAX)) step = -Number(SSIZE_MAX);
  }
  const start = slice.start === none ? (step < 0 ? Number(SSIZE_MAX) : 0) : clampedIndex(slice.start);
  const stop = slice.stop === none ? (step < 0 ? Number(SSIZE_MIN) : Number(SSIZE_MAX)) : clampedIndex(slice.stop);
  return [start, stop, step];
}

/** PySlice_AdjustIndices: [start, stop, slicelength] for a sequence of `length`. */
export function adjustIndices(length: number, start: number, stop: number, step: number): [number, number, number] {
  if (start < 0) {
    start += length;
    if (start < 0) start = step < 0 ? -1 : 0;
  } else if (start >= length) {
    start = step < 0 ? length - 1 : length;
  }
  if (stop < 0) {
    stop += length;
    if (stop < 0) stop = step < 0 ? -1 : 0;
  } else if (stop >= length) {
    stop = step < 0 ? length - 1 : length;
  }
  let count = 0;
  if (step < 0) {
    if (stop < start) count = Math.floor((start - stop - 1) / -step) + 1;
  } else if (start < stop) {
    count = Math.floor((stop - start - 1) / step) + 1;
  }
  return [start, stop, count];
}

/** [start, stop, step, slicelength] clipped to a sequence of `length` items. */
export function sliceIndices(slice: PySlice, length: number): [number, number, number, number] {
  const [rawStart, rawStop, step] = sliceUnpack(slice);
  const [start, stop, count] = adjustIndices(length, rawStart, rawStop, step);
  return [start, stop, step, count];
}

/** evaluate_slice_index: an int or an __index__ result, any size. */
function bigIndex(value: PyObject): bigint {
  if (value instanceof PyInt) return toBig(value.value);
  if (value.type.index === null) throw typeError("slice indices must be integers or None or have an __index__ method");
  return indexValue(value);
}

/** _PySlice_GetLongIndices: start, stop, step for a length, in arbitrary precision. */
export function sliceLongIndices(slice: PySlice, length: bigint): [bigint, bigint, bigint] {
  const none = rt.None;
  let step = 1n;
  if (slice.step !== none) {
    step = bigIndex(slice.step);
    if (step === 0n) throw valueError("slice step cannot be zero");
  }
  const negative = step < 0n;
  const lower = negative ? -1n : 0n;
  const upper = negative ? length + lower : length;
  const bound = (value: PyObject, fallback: bigint): bigint => {
    if (value === none) return fallback;
    let index = bigIndex(value);
    if (index < 0n) {
      index += length;
      if (index < lower) index = lower;
    } else if (index > upper) {
      index = upper;
    }
    return index;
  };
  const start = bound(slice.start, negative ? upper : lower);
  const stop = bound(slice.stop, negative ? lower : upper);
  return [start, stop, step];
}

const MASK64 = 2n ** 64n - 1n;
const XXPRIME_1 = 11400714785074694791n;
const XXPRIME_2 = 14029467366897019727n;
const XXPRIME_5 = 2870177450012600261n;

/** slice_hash (3.12+): the tuple hash's xxHash lanes over (start, stop, step) without the length step. */
function sliceHash(lanes: readonly (number | bigint)[]): bigint {
  let accumulator = XXPRIME_5;
  for (const lane of lanes) {
    accumulator = (accumulator + (BigInt(lane) & MASK64) * XXPRIME_2) & MASK64;
    accumulator = ((accumulator << 31n) | (accumulator >> 33n)) & MASK64;
    accumulator = (accumulator * XXPRIME_1) & MASK64;
  }
  if (accumulator === MASK64) return 1546275796n;
  return BigInt.asIntN(64, accumulator);
}

function sliceParts(slice: PySlice): PyObject[] {
  return [slice.start, slice.stop, slice.step];
}

/** slice_richcompare: slices compare as (start, stop, step) tuples. */
function sliceRichCompare(self: PyObject, other: PyObject, op: CompareOp): PyObject {
  if (!(other instanceof PySlice)) return newNotImplemented();
  if (self === other) return newBool(op === CompareOp.Eq || op === CompareOp.Le || op === CompareOp.Ge);
  const left = newTuple(sliceParts(self as PySlice));
  const right = newTuple(sliceParts(other));
  try {
    return richCompare(left, right, op);
  } finally {
    decref(left);
    decref(right);
  }
}

/** slice(stop) / slice(start, stop[, step]). */
function sliceNew(_type: unknown, args: { values: readonly PyObject[]; kwnames: readonly string[] | null }): PyObject {
  checkNoKeywords("slice", args);
  const values = args.values;
  checkUnpacked("slice", values, 1, 3);
  const none = rt.None;
  const [start, stop, step] = values.length === 1 ? [none, values[0]!, none] : [values[0]!, values[1]!, values[2] ?? none];
  start.refcount++;
  stop.refcount++;
  step.refcount++;
  return newSliceStealing(start, stop, step);
}

export const SLICE_SPEC: BuiltinTypeSpec = {
  name: "slice",
  layout: { basicSize: SLICE_SIZE, itemSize: 0, gc: true, preHeader: false },
  slots: {
    dealloc: sliceDealloc,
    traverse: (self, visit) => {
      const slice = self as PySlice;
      visit(slice.start);
      visit(slice.stop);
      visit(slice.step);
    },
    repr: textSlot((self) => {
      const slice = self as PySlice;
      return `slice(${reprText(slice.start)}, ${reprText(slice.stop)}, ${reprText(slice.step)})`;
    }),
    richcompare: sliceRichCompare,
    get hash() {
      if (!containerRules().messages.hashableSlices) return null;
      return (self: PyObject) => {
        const result = sliceHash(sliceParts(self as PySlice).map((part) => hash(part)));
        return result >= -9007199254740991n && result <= 9007199254740991n ? Number(result) : result;
      };
    },
    new_: sliceNew,
  },
  methods: [
    {
      name: "indices",
      kind: "one",
      impl: (self, lengthObject) => {
        const length = indexValue(lengthObject);
        if (length < 0n) throw valueError("length should not be negative");
        const parts = sliceLongIndices(self as PySlice, length);
        return newTupleStealing(parts.map((part) => newInt(normalize(part))));
      },
    },
    unsupportedReduceMethod("slice"),
  ],
  getsets: [
    { name: "start", get: (self) => ((self as PySlice).start.refcount++, (self as PySlice).start) },
    { name: "stop", get: (self) => ((self as PySlice).stop.refcount++, (self as PySlice).stop) },
    { name: "step", get: (self) => ((self as PySlice).step.refcount++, (self as PySlice).step) },
  ],
};
