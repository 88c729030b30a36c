// range objects and their iterator (ints created on demand, as CPython's rangeiter does).
import { PyObject } from "../object.js";
import { decref } from "../object.js";
import { rt } from "../state.js";
import { allocateObject, freeObjectMemory } from "../memory/object-memory.js";
import type { BuiltinTypeSpec } from "../type-spec.js";
import { textSlot, splitArgs } from "../spec-helpers.js";
import { PyInt, newInt } from "./int.js";
import { type IntValue, add, subtract, multiply, floorDivide, compare, sign, toBig, normalize } from "./int-value.js";
import { typeError, valueError, indexError } from "../errors.js";
import { indexValue } from "../abstract/conversions.js";
import { newBool, newNotImplemented } from "../values.js";
import { CompareOp } from "../slots.js";
import { PySlice, sliceIndices } from "./slice.js";
import { PyFloat } from "./float.js";
import { overflowError, Unsupported } from "../errors.js";
import { containsByIteration } from "../abstract/items.js";

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

function rangeArgument(value: PyObject): IntValue {
  if (value instanceof PyInt) return value.value;
  if (value instanceof PyFloat) throw typeError("'float' object cannot be interpreted as an integer");
  return normalize(indexValue(value));
}

function rangeItem(range: PyRange, index: IntValue): IntValue {
  return add(range.start, multiply(index, range.step));
}

export class PyRangeIterator extends PyObject {
  constructor(
    public next: number,
    readonly step: number,
    public remaining: number,
  ) {
    super(rt.types.range_iterator);
  }
}

const RANGE_ITERATOR_SIZE = 48;

export const RANGE_SPEC: BuiltinTypeSpec = {
  name: "range",
  layout: { basicSize: RANGE_SIZE, itemSize: 0, gc: false, preHeader: false },
  slots: {
    dealloc: (self) => freeObjectMemory(self, RANGE_SIZE),
    repr: textSlot((self) => {
      const range = self as PyRange;
      const step = range.step === 1 ? "" : `, ${range.step}`;
      return `range(${range.start}, ${range.stop}${step})`;
    }),
    length: (self) => {
      const length = (self as PyRange).length;
      if (typeof length !== "number") throw overflowError("Python int too large to convert to C ssize_t");
      return length;
    },
    bool: (self) => (self as PyRange).length !== 0,
    getitem: (self, key) => {
      const range = self as PyRange;
      if (key instanceof PySlice) {
        const [start, stop, step] = sliceIndices(key, Number(range.length));
        return newRange(rangeItem(range, start), rangeItem(range, stop), multiply(range.step, step));
      }
      let index = normalize(indexValue(key));
      if (sign(index) < 0) index = add(index, range.length);
      if (sign(index) < 0 || compare(index, range.length) >= 0) throw indexError("range object index out of range");
      return newInt(rangeItem(range, index));
    },
    contains: (self, item) => {
      const range = self as PyRange;
      if (!(item instanceof PyInt)) return containsByIteration(self, item);
      const offset = subtract(item.value, range.start);
      if (sign(range.step) > 0 ? sign(offset) < 0 || compare(item.value, range.stop) >= 0 : sign(offset) > 0 || compare(item.value, range.stop) <= 0) return false;
      return toBig(offset) % toBig(range.step) === 0n;
    },
    richcompare: (self, other, op) => {
      if (!(other instanceof PyRange) || (op !== CompareOp.Eq && op !== CompareOp.Ne)) return newNotImplemented();
      const a = self as PyRange;
      const same =
        a.length === other.length && (a.length === 0 || (a.start === other.start && (a.length === 1 || a.step === other.step)));
      return newBool(op === CompareOp.Eq ? same : !same);
    },
    iter: (self) => {
      const range = self as PyRange;
      if (typeof range.start !== "number" || typeof range.step !== "number" || typeof range.length !== "number") {
        throw new Unsupported("range() over ints beyond 2**53");
      }
      const iterator = new PyRangeIterator(range.start, range.step, range.length);
      allocateObject(iterator, RANGE_ITERATOR_SIZE);
      return iterator;
    },
    new_: (_type, args) => {
      const { positional, keywords } = splitArgs(args);
      if (keywords.size > 0) throw typeError("range() takes no keyword arguments");
      if (positional.length === 0) throw typeError("range expected at least 1 argument, got 0");
      if (positional.length > 3) throw typeError(`range expected at most 3 arguments, got ${positional.length}`);
      const values = positional.map(rangeArgument);
      const [start, stop, step] = values.length === 1 ? [0, values[0]!, 1] : [values[0]!, values[1]!, values[2] ?? 1];
      if (step === 0) throw valueError("range() arg 3 must not be zero");
      return newRange(start, stop, step);
    },
  },
  getsets: [
    { name: "start", get: (self) => newInt((self as PyRange).start) },
    { name: "stop", get: (self) => newInt((self as PyRange).stop) },
    { name: "step", get: (self) => newInt((self as PyRange).step) },
  ],
};

/** The hot loop of `for i in range(n)`: one new int per step (small ones from the cache). */
function rangeIteratorNext(self: PyObject): PyObject | null {
  const iterator = self as PyRangeIterator;
  if (iterator.remaining <= 0) return null;
  iterator.remaining--;
  const value = iterator.next;
  iterator.next = value + iterator.step;
  return newInt(value);
}

export const RANGE_ITERATOR_SPEC: BuiltinTypeSpec = {
  name: "range_iterator",
  layout: { basicSize: RANGE_ITERATOR_SIZE, itemSize: 0, gc: false, preHeader: false },
  slots: {
    dealloc: (self) => freeObjectMemory(self, RANGE_ITERATOR_SIZE),
    iter: (self) => {
      self.refcount++;
      return self;
    },
    iternext: rangeIteratorNext,
    repr: textSlot((self) => `<range_iterator object at 0x${self.address.toString(16)}>`),
  },
};

export { decref };
