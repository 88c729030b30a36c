// slice objects and PySlice_GetIndicesEx (start, stop, step, length for a sequence length).
import { PyObject } from "../object.js";
import { rt } from "../state.js";
import { allocateObject, freeObjectMemory } from "../memory/object-memory.js";
import type { BuiltinTypeSpec } from "../type-spec.js";
import { textSlot } from "../spec-helpers.js";
import { reprText } from "../abstract/object-protocol.js";
import { valueError, typeError } from "../errors.js";
import { indexValue } from "../abstract/conversions.js";
import { newTupleStealing } from "./tuple.js";
import { newInt } from "./int.js";
import { gcTrack, gcUntrack } from "../gc/tracking.js";

export class PySlice extends PyObject {
  constructor(
    readonly start: PyObject,
    readonly stop: PyObject,
    readonly step: PyObject,
  ) {
    super(rt.types.slice);
  }
}

const SLICE_SIZE = 40;

/** BUILD_SLICE: steals the three references. */
export function newSliceStealing(start: PyObject, stop: PyObject, step: PyObject): PySlice {
  const slice = new PySlice(start, stop, step);
  allocateObject(slice, SLICE_SIZE);
  if (rt.profile.minor >= 12) {
    rt.gc.countAllocation();
    gcTrack(slice);
  }
  return slice;
}

function sliceDealloc(self: PyObject): void {
  const slice = self as PySlice;
  gcUntrack(slice);
  freeObjectMemory(slice, SLICE_SIZE);
  if (rt.profile.minor >= 12) rt.gc.countDeallocation();
  for (const part of [slice.start, slice.stop, slice.step]) if (--part.refcount === 0) part.type.dealloc(part);
}

/** [start, stop, step, slicelength] clipped to a sequence of `length` items. */
export function sliceIndices(slice: PySlice, length: number): [number, number, number, number] {
  const none = rt.None;
  let step = 1;
  if (slice.step !== none) {
    if (slice.step.type.index === null) throw typeError("slice indices must be integers or None or have an __index__ method");
    step = Number(indexValue(slice.step));
    if (step === 0) throw valueError("slice step cannot be zero");
  }
  const bound = (value: PyObject, fallback: number, low: number, high: number): number => {
    if (value === none) return fallback;
    if (value.type.index === null) throw typeError("slice indices must be integers or None or have an __index__ method");
    let index = Number(indexValue(value));
    if (index < 0) {
      index += length;
      if (index < low) index = low;
    } else if (index > high) {
      index = high;
    }
    return index;
  };
  let start: number;
  let stop: number;
  if (step > 0) {
    start = bound(slice.start, 0, 0, length);
    stop = bound(slice.stop, length, 0, length);
  } else {
    start = bound(slice.start, length - 1, -1, length - 1);
    stop = bound(slice.stop, -1, -1, length - 1);
  }
  let count = 0;
  if (step > 0 && start < stop) count = Math.floor((stop - start - 1) / step) + 1;
  else if (step < 0 && stop < start) count = Math.floor((start - stop - 1) / -step) + 1;
  return [start, stop, step, count];
}

export const SLICE_SPEC: BuiltinTypeSpec = {
  name: "slice",
  layout: { basicSize: 40, itemSize: 0, gc: true, preHeader: false },
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
    new_: (_type, args) => {
      const values = args.values;
      if (values.length < 1 || values.length > 3) throw typeError(`slice expected at least 1 argument, got ${values.length}`);
      const none = rt.None;
      const [start, stop, step] = values.length === 1 ? [none, values[0]!, none] : [values[0]!, values[1]!, values[2] ?? none];
      start.refcount++;
      stop.refcount++;
      step.refcount++;
      return newSliceStealing(start, stop, step);
    },
  },
  methods: [
    {
      name: "indices",
      kind: "one",
      impl: (self, lengthObject) => {
        const [start, stop, step] = sliceIndices(self as PySlice, Number(indexValue(lengthObject)));
        return newTupleStealing([newInt(start), newInt(stop), newInt(step)]);
      },
    },
  ],
  getsets: [
    { name: "start", get: (self) => ((self as PySlice).start.refcount++, (self as PySlice).start) },
    { name: "stop", get: (self) => ((self as PySlice).stop.refcount++, (self as PySlice).stop) },
    { name: "step", get: (self) => ((self as PySlice).step.refcount++, (self as PySlice).step) },
  ],
};
