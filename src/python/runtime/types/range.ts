// range objects and their iterators (range_iterator within C longs, longrange_iterator beyond), ints made on demand.
import { unsupportedReduceMethod } from "../method-def.js";
import { PyObject } from "../object.js";
import { decref } from "../object.js";
import { rt } from "../state.js";
import { allocateObject, freeObjectMemory } from "../memory/object-memory.js";
import type { BuiltinTypeSpec } from "../type-spec.js";
import type { Profile } from "../../profiles/profile.js";
import type { CallArgs } from "../slots.js";
import { CompareOp } from "../slots.js";
import { textSlot } from "../spec-helpers.js";
import { PyInt, newInt } from "./int.js";
import { type IntValue, add, subtract, multiply, floorDivide, modulo, compare, sign, toBig, normalize } from "./int-value.js";
import { typeError, valueError, indexError, overflowError } from "../errors.js";
import { indexValue } from "../abstract/conversions.js";
import { hash } from "../abstract/object-protocol.js";
import { richCompareBool } from "../abstract/compare.js";
import { getIter, iterNext } from "../abstract/iteration.js";
import { containsByIteration } from "../abstract/items.js";
import { newBool, newNotImplemented } from "../values.js";
import { hashTuple } from "../hashing/index.js";
import { PySlice, sliceLongIndices } from "./slice.js";
import { containerRulesFor } from "./container-rules.js";
import { checkNoKeywords, expectedArgumentsMessage } from "./container-arguments.js";
import { lazyType } from "./container-types.js";

export class PyRange extends PyObject {
  constructor(
    readonly start: IntValue,
    readonly stop: IntValue,
    readonly step: IntValue,
    readonly length: IntValue,
  ) {
    super(rt.types.range);
  }
}

/** PyRangeObject: start, stop, step, length pointers. */
const RANGE_SIZE = 48;
const LONG_MAX = 2n ** 63n - 1n;
const LONG_MIN = -(2n ** 63n);

/** compute_range_length: max(0, ceil((stop - start) / step)). */
function rangeLength(start: IntValue, stop: IntValue, step: IntValue): IntValue {
  if (typeof start === "number" && typeof stop === "number" && typeof step === "number") {
    if (step > 0) return start >= stop ? 0 : Math.floor((stop - start - 1) / step) + 1;
    return start <= stop ? 0 : Math.floor((start - stop - 1) / -step) + 1;
  }
  const low = toBig(start);
  const high = toBig(stop);
  const stride = toBig(step);
  if (stride > 0n) return low >= high ? 0 : normalize((high - low - 1n) / stride + 1n);
  return low <= high ? 0 : normalize((low - high - 1n) / -stride + 1n);
}

export function newRange(start: IntValue, stop: IntValue, step: IntValue): PyRange {
  const range = new PyRange(start, stop, step, rangeLength(start, stop, step));
  allocateObject(range, RANGE_SIZE);
  return range;
}

function indexArgument(value: PyObject): IntValue {
  if (value instanceof PyInt) return value.value;
  return normalize(indexValue(value));
}

/** range(stop) / range(start, stop[, step]) with each version's argument messages. */
function rangeNew(_type: unknown, args: CallArgs): PyObject {
  checkNoKeywords("range", args);
  const values = args.values;
  const minor = rt.profile.minor;
  if (values.length === 0) {
    throw typeError(minor >= 9 ? "range expected at least 1 argument, got 0" : expectedArgumentsMessage("range", 1, 1, 0));
  }
  if (values.length > 3) throw typeError(expectedArgumentsMessage("range", 2, 3, values.length));
  if (values.length === 1) return newRange(0, indexArgument(values[0]!), 1);
  const start = indexArgument(values[0]!);
  const stop = indexArgument(values[1]!);
  let step: IntValue = 1;
  if (values.length === 3) {
    step = indexArgument(values[2]!);
    if (step === 0) throw valueError("range() arg 3 must not be zero");
  }
  return newRange(start, stop, step);
}

function rangeOf(self: PyObject): PyRange {
  return self as PyRange;
}

function itemAt(range: PyRange, index: IntValue): IntValue {
  return add(range.start, multiply(index, range.step));
}

/** range_contains_long: start <= x < stop (mirrored for negative steps) and on the step. */
function containsInt(range: PyRange, value: IntValue): boolean {
  if (sign(range.step) > 0) {
    if (compare(range.start, value) > 0 || compare(value, range.stop) >= 0) return false;
  } else if (compare(range.stop, value) >= 0 || compare(value, range.start) > 0) {
    return false;
  }
  return sign(modulo(subtract(value, range.start), range.step)) === 0;
}

function isExactIntOrBool(value: PyObject): value is PyInt {
  return value.type === rt.types.int || value.type === rt.types.bool;
}

function rangeSubscript(self: PyObject, key: PyObject): PyObject {
  const range = rangeOf(self);
  if (key.type.index !== null) {
    let index = indexArgument(key);
    if (sign(index) < 0) index = add(index, range.length);
    if (sign(index) < 0 || compare(index, range.length) >= 0) throw indexError("range object index out of range");
    return newInt(itemAt(range, index));
  }
  if (key instanceof PySlice) {
    const [start, stop, step] = sliceLongIndices(key, toBig(range.length));
    return newRange(itemAt(range, normalize(start)), itemAt(range, normalize(stop)), multiply(range.step, normalize(step)));
  }
  throw typeError(`range indices must be integers or slices, not ${key.type.name}`);
}

function rangeEquals(a: PyRange, b: PyRange): boolean {
  if (a === b) return true;
  if (compare(a.length, b.length) !== 0) return false;
  if (a.length === 0) return true;
  if (compare(a.start, b.start) !== 0) return false;
  if (a.length === 1) return true;
  return compare(a.step, b.step) === 0;
}

/** range_hash: hash((len, start, step)) with None for what equality ignores. */
function rangeHash(self: PyObject): number | bigint {
  const range = rangeOf(self);
  const parts: PyObject[] = [newInt(range.length)];
  if (range.length === 0) parts.push(rt.None, rt.None);
  else if (range.length === 1) parts.push(newInt(range.start), rt.None);
  else parts.push(newInt(range.start), newInt(range.step));
  try {
    const result = hashTuple(parts.map((part) => hash(part)), rt.profile);
    return result >= -9007199254740991n && result <= 9007199254740991n ? Number(result) : result;
  } finally {
    for (const part of parts) if (part !== rt.None) decref(part);
  }
}

/** range.index(x): arithmetic for ints, iteration for anything else. */
function rangeIndex(self: PyObject, value: PyObject): PyObject {
  const range = rangeOf(self);
  if (!isExactIntOrBool(value)) {
    const iterator = getIter(self);
    try {
      for (let index = 0; ; index++) {
        const item = iterNext(iterator);
        if (item === null) throw valueError("sequence.index(x): x not in sequence");
        const equal = richCompareBool(item, value, CompareOp.Eq);
        decref(item);
        if (equal) return newInt(index);
      }
    } finally {
      decref(iterator);
    }
  }
  if (containsInt(range, value.value)) return newInt(floorDivide(subtract(value.value, range.start), range.step));
  throw valueError(`${value.value} is not in range`);
}

function rangeCount(self: PyObject, value: PyObject): PyObject {
  const range = rangeOf(self);
  if (isExactIntOrBool(value)) return newInt(containsInt(range, value.value) ? 1 : 0);
  let count = 0;
  const iterator = getIter(self);
  try {
    for (;;) {
      const item = iterNext(iterator);
      if (item === null) break;
      const equal = richCompareBool(item, value, CompareOp.Eq);
      decref(item);
      if (equal) count++;
    }
  } finally {
    decref(iterator);
  }
  return newInt(count);
}

// ---- iterators ----------------------------------------------------------------------------------

/** rangeiterobject (values within a C long) and longrangeiterobject: next value, step, items left. */
export class PyRangeIterator extends PyObject {
  constructor(
    type: PyObject["type"],
    public next: IntValue,
    readonly step: IntValue,
    public remaining: IntValue,
  ) {
    super(type);
  }
}

function rangeIteratorSize(profile: Profile): number {
  return containerRulesFor(profile).iterators.rangeIteratorSize;
}

function fitsLong(value: IntValue): boolean {
  const big = toBig(value);
  return big >= LONG_MIN && big <= LONG_MAX;
}

/**
 * range_iter / range_reverse: a range_iterator when start, stop, step, the length and the last
 * value stay within a C long, else a longrange_iterator.
 */
function newRangeIterator(start: IntValue, stop: IntValue, step: IntValue, length: IntValue): PyObject {
  const fast = fitsLong(start) && fitsLong(stop) && fitsLong(step) && fitsLong(length) && fitsLong(add(stop, step));
  const type = fast ? rt.types.range_iterator : lazyType(LONGRANGE_ITERATOR_SPEC);
  const iterator = new PyRangeIterator(type, start, step, length);
  allocateObject(iterator, type.layout.basicSize);
  return iterator;
}

function rangeIter(self: PyObject): PyObject {
  const range = rangeOf(self);
  return newRangeIterator(range.start, range.stop, range.step, range.length);
}

/** reversed(range(start, stop, step)) is range(start + (n-1)*step, start - step, -step). */
function rangeReversed(self: PyObject): PyObject {
  const range = rangeOf(self);
  const length = range.length;
  const last = length === 0 ? range.start : add(range.start, multiply(subtract(length, 1), range.step));
  return newRangeIterator(last, subtract(range.start, range.step), multiply(range.step, -1), length);
}

function rangeIteratorNext(self: PyObject): PyObject | null {
  const iterator = self as PyRangeIterator;
  const remaining = iterator.remaining;
  const current = iterator.next;
  const step = iterator.step;
  if (typeof remaining === "number" && typeof current === "number" && typeof step === "number") {
    // The hot loop of `for i in range(n)`: plain numbers while the values stay exact.
    if (remaining <= 0) return null;
    iterator.remaining = remaining - 1;
    const following = current + step;
    iterator.next = Number.isSafeInteger(following) ? following : add(current, step);
    return newInt(current);
  }
  if (sign(iterator.remaining) <= 0) return null;
  iterator.remaining = subtract(iterator.remaining, 1);
  const value = iterator.next;
  iterator.next = add(value, iterator.step);
  return newInt(value);
}

function rangeIteratorSpec(name: string): BuiltinTypeSpec {
  return {
    name,
    layout: (profile: Profile) => ({ basicSize: rangeIteratorSize(profile), itemSize: 0, gc: false, preHeader: false }),
    slots: {
      dealloc: (self) => freeObjectMemory(self, self.type.layout.basicSize),
      iter: (self) => {
        self.refcount++;
        return self;
      },
      iternext: rangeIteratorNext,
    },
    methods: [{ name: "__length_hint__", kind: "noargs", impl: (self) => newInt(sign((self as PyRangeIterator).remaining) > 0 ? (self as PyRangeIterator).remaining : 0) }],
  };
}

export const RANGE_ITERATOR_SPEC: BuiltinTypeSpec = rangeIteratorSpec("range_iterator");
const LONGRANGE_ITERATOR_SPEC: BuiltinTypeSpec = rangeIteratorSpec("longrange_iterator");

export const RANGE_SPEC: BuiltinTypeSpec = {
  name: "range",
  layout: { basicSize: RANGE_SIZE, itemSize: 0, gc: false, preHeader: false },
  slots: {
    dealloc: (self) => freeObjectMemory(self, RANGE_SIZE),
    repr: textSlot((self) => {
      const range = rangeOf(self);
      return range.step === 1 ? `range(${range.start}, ${range.stop})` : `range(${range.start}, ${range.stop}, ${range.step})`;
    }),
    length: (self) => {
      const length = rangeOf(self).length;
      if (typeof length !== "number" || length > Number.MAX_SAFE_INTEGER) throw overflowError("Python int too large to convert to C ssize_t");
      return length;
    },
    bool: (self) => rangeOf(self).length !== 0,
    getitem: rangeSubscript,
    contains: (self, item) => (isExactIntOrBool(item) ? containsInt(rangeOf(self), item.value) : containsByIteration(self, item)),
    richcompare: (self, other, op) => {
      if (!(other instanceof PyRange) || (op !== CompareOp.Eq && op !== CompareOp.Ne)) return newNotImplemented();
      const equal = rangeEquals(rangeOf(self), other);
      return newBool(op === CompareOp.Eq ? equal : !equal);
    },
    hash: rangeHash,
    iter: rangeIter,
    new_: rangeNew,
  },
  methods: [
    { name: "__reversed__", kind: "noargs", impl: rangeReversed },
    unsupportedReduceMethod("range"),
    { name: "count", kind: "one", impl: rangeCount },
    { name: "index", kind: "one", impl: rangeIndex },
  ],
  getsets: [
    { name: "start", get: (self) => newInt(rangeOf(self).start) },
    { name: "stop", get: (self) => newInt(rangeOf(self).stop) },
    { name: "step", get: (self) => newInt(rangeOf(self).step) },
  ],
};

