// The bytearray type: construction (bytearray.__init__), repr, comparison, indexing and slice
// assignment, in-place growth, the mutating methods, and the bytes methods returning bytearrays.
import { applyCompare } from "./number-compare.js";
import { unsupportedReduceMethod } from "../method-def.js";
import type { PyObject } from "../object.js";
import { decref } from "../object.js";
import { rt } from "../state.js";
import type { BuiltinTypeSpec } from "../type-spec.js";
import type { PyType } from "../type.js";
import type { CallArgs } from "../slots.js";
import { CompareOp } from "../slots.js";
import { BinaryOp } from "../type.js";
import type { MethodDef } from "../method-def.js";
import { PyByteArray, newByteArray, newEmptyByteArray, byteArrayResize, byteArrayDropFront, byteArrayDealloc, BYTEARRAY_OBJECT_SIZE } from "./bytearray.js";
import { PyBytes } from "./bytes.js";
import { PyStr, newStr } from "./str.js";
import { newInt } from "./int.js";
import { PyList, newList } from "./list.js";
import { PyTuple, newTupleStealing } from "./tuple.js";
import { PySlice, sliceIndices } from "./slice.js";
import { newBool, newNone, newNotImplemented } from "../values.js";
import { typeError, indexError, valueError, overflowError, PyRaise, raisedIs, discardRaise } from "../errors.js";
import { indexValue } from "../abstract/conversions.js";
import { getIter, iterNext } from "../abstract/iteration.js";
import { gcUntrack } from "../gc/tracking.js";
import { adoptSubtype } from "./instance.js";
import { allocateObject, subtypeObjectSize } from "../memory/object-memory.js";
import { parseArguments, type Signature } from "./str-arguments.js";
import { encodeText } from "./str-codecs.js";
import { BYTES_METHOD_SPECS } from "./bytes-methods.js";
import { methodDefs, type MethodSpec } from "./str-method-kit.js";
import { bytesPercentFormat } from "./bytes-percent.js";
import { newBytesIterator } from "./bytes-iterator.js";
import { bufferData, byteValue } from "./bytes-text.js";
import { subscriptIndex, repeatCount, ssizeArgument, checkPositional } from "./container-arguments.js";

function self_(value: PyObject): PyByteArray {
  return value as PyByteArray;
}

/** _getbytevalue: an int (or __index__) in range(0, 256). */
function byteArgument(value: PyObject): number {
  if (value.type.index === null) throw typeError(`'${value.type.name}' object cannot be interpreted as an integer`);
  return byteValue(value);
}

/** bytearray_repr: the class name from 3.7 (subclasses show theirs), ' always escaped. */
function byteArrayRepr(self: PyObject): string {
  const value = self_(self).value;
  const className = rt.profile.minor >= 7 ? self.type.name : "bytearray";
  const quote = value.includes(0x27) && !value.includes(0x22) ? '"' : "'";
  let text = `${className}(b${quote}`;
  for (const byte of value) {
    if (byte === 0x27 || byte === 0x5c) text += `\\${String.fromCharCode(byte)}`;
    else if (byte === 0x09) text += "\\t";
    else if (byte === 0x0a) text += "\\n";
    else if (byte === 0x0d) text += "\\r";
    else if (byte < 0x20 || byte >= 0x7f) text += `\\x${byte.toString(16).padStart(2, "0")}`;
    else text += String.fromCharCode(byte);
  }
  return `${text}${quote})`;
}

function compareData(a: Uint8Array, b: Uint8Array): number {
  const length = Math.min(a.length, b.length);
  for (let i = 0; i < length; i++) if (a[i] !== b[i]) return a[i]! - b[i]!;
  return a.length - b.length;
}

/** bytearray_richcompare: against any bytes-like object (bytes == bytearray lands here too). */
function byteArrayRichCompare(self: PyObject, other: PyObject, op: CompareOp): PyObject {
  const a = bufferData(self);
  const b = bufferData(other);
  if (a === null || b === null) return newNotImplemented();
  const order = compareData(a, b);
  return newBool(applyCompare(order, op));
}

/** bytearray_subscript: an int, or a new bytearray for any slice. */
function byteArrayGetItem(self: PyObject, key: PyObject): PyObject {
  const value = self_(self).value;
  if (key instanceof PySlice) {
    const [start, , step, length] = sliceIndices(key, value.length);
    if (length <= 0) return newByteArray(new Uint8Array(0));
    if (step === 1) return newByteArray(value.slice(start, start + length));
    const result = new Uint8Array(length);
    for (let i = 0, at = start; i < length; i++, at += step) result[i] = value[at]!;
    return newByteArray(result);
  }
  if (key.type.index === null) throw typeError(`bytearray indices must be integers or slices, not ${key.type.name}`);
  let index = subscriptIndex(key);
  if (index < 0) index += value.length;
  if (index < 0 || index >= value.length) throw indexError("bytearray index out of range");
  return newInt(value[index]!);
}

/**
 * bytearray_setslice_linear: replaces [lo, hi) with `bytes` (null: deletes). Shrinking at the
 * front advances the logical start; other shrinks move the tail, then resize.
 */
function setSliceLinear(bytearray: PyByteArray, lo: number, hi: number, bytes: Uint8Array | null): void {
  const needed = bytes === null ? 0 : bytes.length;
  const growth = needed - (hi - lo);
  if (growth < 0) {
    if (lo === 0) {
      byteArrayDropFront(bytearray, -growth);
    } else {
      const view = bytearray.value;
      view.copyWithin(lo + needed, hi);
      byteArrayResize(bytearray, bytearray.size + growth);
    }
  } else if (growth > 0) {
    const oldSize = bytearray.size;
    byteArrayResize(bytearray, oldSize + growth);
    const view = bytearray.value;
    view.copyWithin(lo + needed, hi, oldSize);
  }
  if (bytes !== null && needed > 0) bytearray.value.set(bytes, lo);
}

/** bytearray_ass_subscript: item and slice assignment and deletion. */
function byteArraySetItem(self: PyObject, key: PyObject, value: PyObject | null): void {
  const bytearray = self_(self);
  let start: number;
  let stop: number;
  let step: number;
  let length: number;
  if (key.type.index !== null) {
    let index = subscriptIndex(key);
    const byte = value === null ? -1 : byteArgument(value);
    if (index < 0) index += bytearray.size;
    if (index < 0 || index >= bytearray.size) throw indexError("bytearray index out of range");
    if (value !== null) {
      bytearray.value[index] = byte;
      return;
    }
    [start, stop, step, length] = [index, index + 1, 1, 1];
  } else if (key instanceof PySlice) {
    [start, stop, step, length] = sliceIndices(key, bytearray.size);
  } else {
    throw typeError(`bytearray indices must be integers or slices, not ${key.type.name}`);
  }
  let bytes: Uint8Array | null = null;
  if (value !== null) {
    if (value instanceof PyByteArray && value !== self) {
      bytes = value.value.slice();
    } else {
      // PyNumber_Check or a str: refused before any conversion.
      if (value.type.index !== null || value.type.int !== null || value.type.float !== null || value instanceof PyStr) {
        throw typeError("can assign only bytes, buffers, or iterables of ints in range(0, 256)");
      }
      bytes = byteArrayFromObject(value);
    }
  }
  if ((step < 0 && start < stop) || (step > 0 && start > stop)) stop = start;
  if (step === 1) {
    setSliceLinear(bytearray, start, stop, bytes);
    return;
  }
  const needed = bytes === null ? 0 : bytes.length;
  if (needed === 0 && bytes === null) {
    if (length === 0) return;
    const data = bytearray.value;
    const removed = new Set<number>();
    for (let i = 0, at = start; i < length; i++, at += step) removed.add(at);
    const kept = data.filter((_byte, at) => !removed.has(at));
    data.set(kept);
    byteArrayResize(bytearray, bytearray.size - length);
    return;
  }
  if (needed !== length) throw valueError(`attempt to assign bytes of size ${needed} to extended slice of size ${length}`);
  const data = bytearray.value;
  for (let i = 0, at = start; i < length; i++, at += step) data[at] = bytes![i]!;
}

/** PyByteArray_FromObject's data: bytes-like objects, or an iterable of byte values. */
function byteArrayFromObject(value: PyObject): Uint8Array {
  const temporary = newEmptyByteArray();
  try {
    initFrom(temporary, value);
    return temporary.value.slice();
  } finally {
    decref(temporary);
  }
}

const INIT_SIGNATURE: Signature = {
  name: "bytearray",
  owner: "bytearray",
  history: [[6, { kind: "keywords", names: ["source", "encoding", "errors"], min: 0 }]],
};

/** bytearray.__init__(source, encoding, errors): empties the bytearray, then fills it. */
function byteArrayInit(self: PyObject, args: CallArgs): void {
  const [source, encoding, errors] = parseArguments(INIT_SIGNATURE, args);
  const bytearray = self_(self);
  if (bytearray.size !== 0) byteArrayResize(bytearray, 0);
  const noStringMessage = (): string => {
    if (rt.profile.minor <= 7) return "encoding or errors without a string argument";
    return encoding !== undefined ? "encoding without a string argument" : "errors without a string argument";
  };
  if (source === undefined) {
    if (encoding !== undefined || errors !== undefined) throw typeError(noStringMessage());
    return;
  }
  if (source instanceof PyStr) {
    if (encoding === undefined) throw typeError("string argument without an encoding");
    const codecName = (value: PyObject, position: number, name: string): string => {
      if (value instanceof PyStr) return value.value;
      throw typeError(`bytearray() argument ${rt.profile.minor >= 10 ? `'${name}'` : position} must be str, not ${value.type.name}`);
    };
    const encoded = encodeText(source.value, codecName(encoding, 2, "encoding"), errors === undefined ? "strict" : codecName(errors, 3, "errors"));
    inplaceConcatData(bytearray, encoded);
    return;
  }
  if (encoding !== undefined || errors !== undefined) throw typeError(noStringMessage());
  initFrom(bytearray, source);
}

/** The non-str part of bytearray.__init__: a count, a buffer, a list/tuple (3.11+), an iterable. */
function initFrom(bytearray: PyByteArray, source: PyObject): void {
  if (source.type.index !== null) {
    const count = indexValue(source);
    if (count > 2n ** 63n - 1n || count < -(2n ** 63n)) throw overflowError(`cannot fit '${source.type.name}' into an index-sized integer`);
    if (count < 0n) throw valueError("negative count");
    if (count > 0n) byteArrayResize(bytearray, Number(count));
    return;
  }
  const data = bufferData(source);
  if (data !== null) {
    byteArrayResize(bytearray, data.length);
    bytearray.value.set(data);
    return;
  }
  if (rt.profile.minor >= 11 && (source.type === rt.types.list || source.type === rt.types.tuple)) {
    // 3.11+: sized exactly first; an item that is not exactly an int empties it again and the
    // general iteration below takes over.
    const items = (source as PyList | PyTuple).items;
    byteArrayResize(bytearray, items.length);
    let exact = true;
    for (let i = 0; i < items.length; i++) {
      if (items[i]!.type !== rt.types.int) {
        exact = false;
        byteArrayResize(bytearray, 0);
        break;
      }
      bytearray.value[i] = byteArgument(items[i]!);
    }
    if (exact) return;
  }
  let iterator: PyObject;
  try {
    iterator = getIter(source);
  } catch (error) {
    if (error instanceof PyRaise && raisedIs(error, rt.exc.TypeError)) {
      if (rt.profile.minor <= 7) throw error;
      discardRaise(error);
      throw typeError(`cannot convert '${source.type.name}' object to bytearray`);
    }
    throw error;
  }
  try {
    for (let item = iterNext(iterator); item !== null; item = iterNext(iterator)) {
      let byte: number;
      try {
        byte = byteArgument(item);
      } finally {
        decref(item);
      }
      // Appending while room is left only moves ob_size; otherwise PyByteArray_Resize.
      const size = bytearray.size;
      if (size + 1 < bytearray.alloc && bytearray.start + size + 1 <= bytearray.storage.length) bytearray.size = size + 1;
      else byteArrayResize(bytearray, size + 1);
      bytearray.value[size] = byte;
    }
  } finally {
    decref(iterator);
  }
}

/** bytearray_iconcat's growth: only ob_size moves while the sum stays below ob_alloc. */
function inplaceConcatData(bytearray: PyByteArray, data: Uint8Array): void {
  const size = bytearray.size;
  growInPlace(bytearray, size + data.length);
  bytearray.value.set(data, size);
}

/** `size < ob_alloc` keeps the block (the data moves to its start if needed), else a resize. */
function growInPlace(bytearray: PyByteArray, size: number): void {
  if (size < bytearray.alloc) {
    if (bytearray.start + size > bytearray.storage.length) {
      const data = bytearray.value.slice();
      bytearray.storage.set(data);
      bytearray.start = 0;
    }
    const old = bytearray.size;
    bytearray.size = size;
    if (size > old) bytearray.value.fill(0, old);
    return;
  }
  byteArrayResize(bytearray, size);
}

function byteArrayInplaceConcat(self: PyObject, other: PyObject): PyObject {
  const data = bufferData(other);
  if (data === null) throw typeError(`can't concat ${other.type.name} to ${self.type.name}`);
  inplaceConcatData(self_(self), data);
  self.refcount++;
  return self;
}

function byteArrayInplaceRepeat(self: PyObject, countObject: PyObject): PyObject {
  const bytearray = self_(self);
  const count = Math.max(0, repeatCount(countObject));
  const data = bytearray.value.slice();
  const size = data.length * count;
  growInPlace(bytearray, size);
  const view = bytearray.value;
  for (let i = 0; i < count; i++) view.set(data, i * data.length);
  self.refcount++;
  return self;
}

/** PyByteArray_Concat: bytearray + any bytes-like object is a new bytearray. */
function byteArrayConcat(self: PyObject, other: PyObject): PyObject {
  const b = bufferData(other);
  if (b === null) throw typeError(`can't concat ${other.type.name} to ${self.type.name}`);
  const a = self_(self).value;
  const result = new Uint8Array(a.length + b.length);
  result.set(a);
  result.set(b, a.length);
  return newByteArray(result);
}

function byteArrayRepeat(self: PyObject, countObject: PyObject): PyObject {
  const count = Math.max(0, repeatCount(countObject));
  const data = self_(self).value;
  const result = new Uint8Array(data.length * count);
  for (let i = 0; i < count; i++) result.set(data, i * data.length);
  return newByteArray(result);
}

function byteArrayContains(self: PyObject, item: PyObject): boolean {
  const value = self_(self).value;
  if (item.type.index !== null) return value.includes(byteValue(item));
  const data = bufferData(item);
  if (data === null) throw typeError(`a bytes-like object is required, not '${item.type.name}'`);
  return Buffer.from(value).includes(Buffer.from(data));
}

function byteArrayNew(type: PyType): PyObject {
  if (type === rt.types.bytearray) return newEmptyByteArray();
  // A subclass instance's block has the subclass's GC header, which its dealloc frees with: a
  // block allocated as an exact bytearray (no header) was freed 16 or 32 bytes early, in the
  // neighbouring block, which a live object may hold.
  const bytearray = new PyByteArray();
  bytearray.type = type;
  allocateObject(bytearray, subtypeObjectSize(type, BYTEARRAY_OBJECT_SIZE));
  bytearray.type = rt.types.bytearray;
  adoptSubtype(bytearray, type);
  return bytearray;
}

/** Subclass instances are GC-tracked (adoptSubtype); untrack them before the memory goes. */
function byteArraySpecDealloc(self: PyObject): void {
  gcUntrack(self);
  byteArrayDealloc(self);
}

/** The `%` slot: bytes formatting, the result a bytearray. */
function byteArrayPercent(template: PyObject, args: PyObject): PyObject {
  if (!(template instanceof PyByteArray)) return newNotImplemented();
  const result = bytesPercentFormat(template, args);
  if (!(result instanceof PyBytes)) return result;
  const converted = newByteArray(result.value);
  decref(result);
  return converted;
}

// ---- methods ----------------------------------------------------------------------------------

/**
 * A bytes method's result as bytearray's counterpart: bytes become new bytearrays (also inside
 * the list of split and the tuple of partition), and the bytearray itself becomes a copy.
 */
function asByteArrayResult(self: PyObject, result: PyObject): PyObject {
  const convert = (item: PyObject): PyObject => {
    if (item instanceof PyBytes || item === self) {
      const copy = newByteArray((item as PyBytes | PyByteArray).value.slice());
      decref(item);
      return copy;
    }
    return item;
  };
  if (result instanceof PyList && result.items.some((item) => item instanceof PyBytes || item === self)) {
    const items = result.items.map((item) => (item.refcount++, convert(item)));
    decref(result);
    return newList(items);
  }
  if (result instanceof PyTuple && result.items.some((item) => item instanceof PyBytes || item === self)) {
    const items = result.items.map((item) => (item.refcount++, convert(item)));
    decref(result);
    return newTupleStealing(items);
  }
  return convert(result);
}

/** Bytes methods bytearray does not have, or has in its own form. */
const NOT_SHARED = new Set(["__getnewargs__", "__sizeof__", "__bytes__"]);

function sharedMethodSpecs(): MethodSpec[] {
  return BYTES_METHOD_SPECS.filter((spec) => !NOT_SHARED.has(spec.name)).map((spec) =>
    spec.binding === "static" || spec.binding === "class" ? spec : { ...spec, impl: (self, args, call) => asByteArrayResult(self, spec.impl(self, args, call)) },
  );
}

function none(): PyObject {
  return newNone();
}

const MUTATING_METHODS: readonly MethodDef[] = [
  {
    name: "append",
    kind: "one",
    impl: (self, item) => {
      const byte = byteArgument(item);
      const bytearray = self_(self);
      const size = bytearray.size;
      byteArrayResize(bytearray, size + 1);
      bytearray.value[size] = byte;
      return none();
    },
  },
  {
    name: "extend",
    kind: "one",
    impl: (self, iterable) => {
      const bytearray = self_(self);
      const data = bufferData(iterable);
      if (data !== null) {
        setSliceLinear(bytearray, bytearray.size, bytearray.size, data);
        return none();
      }
      if (iterable instanceof PyStr && rt.profile.minor >= 13) throw typeError("expected iterable of integers; got: 'str'");
      let iterator: PyObject;
      try {
        iterator = getIter(iterable);
      } catch (error) {
        if (rt.profile.minor >= 8 && error instanceof PyRaise && raisedIs(error, rt.exc.TypeError)) {
          discardRaise(error);
          throw typeError(`can't extend bytearray with ${iterable.type.name}`);
        }
        throw error;
      }
      const collected: number[] = [];
      try {
        for (let item = iterNext(iterator); item !== null; item = iterNext(iterator)) {
          try {
            collected.push(byteArgument(item));
          } finally {
            decref(item);
          }
        }
      } finally {
        decref(iterator);
      }
      setSliceLinear(bytearray, bytearray.size, bytearray.size, Uint8Array.from(collected));
      return none();
    },
  },
  {
    name: "insert",
    kind: "positional",
    impl: (self, args) => {
      checkPositional("insert", args, 2, 2);
      let index = ssizeArgument(args[0]!);
      const byte = byteArgument(args[1]!);
      const bytearray = self_(self);
      const size = bytearray.size;
      byteArrayResize(bytearray, size + 1);
      if (index < 0) index = Math.max(0, index + size);
      if (index > size) index = size;
      const view = bytearray.value;
      view.copyWithin(index + 1, index, size);
      view[index] = byte;
      return none();
    },
  },
  {
    name: "pop",
    kind: "positional",
    impl: (self, args) => {
      checkPositional("pop", args, 0, 1);
      const bytearray = self_(self);
      const size = bytearray.size;
      let index = args.length === 0 ? -1 : ssizeArgument(args[0]!);
      if (size === 0) throw indexError("pop from empty bytearray");
      if (index < 0) index += size;
      if (index < 0 || index >= size) throw indexError("pop index out of range");
      const view = bytearray.value;
      const byte = view[index]!;
      view.copyWithin(index, index + 1);
      byteArrayResize(bytearray, size - 1);
      return newInt(byte);
    },
  },
  {
    name: "remove",
    kind: "one",
    impl: (self, item) => {
      const byte = byteArgument(item);
      const bytearray = self_(self);
      const view = bytearray.value;
      const index = view.indexOf(byte);
      if (index < 0) throw valueError("value not found in bytearray");
      view.copyWithin(index, index + 1);
      byteArrayResize(bytearray, bytearray.size - 1);
      return none();
    },
  },
  {
    name: "clear",
    kind: "noargs",
    impl: (self) => {
      byteArrayResize(self_(self), 0);
      return none();
    },
  },
  { name: "copy", kind: "noargs", impl: (self) => newByteArray(self_(self).value.slice()) },
  {
    name: "reverse",
    kind: "noargs",
    impl: (self) => {
      self_(self).value.reverse();
      return none();
    },
  },
  { name: "__alloc__", kind: "noargs", impl: (self) => newInt(self_(self).alloc) },
  unsupportedReduceMethod("bytearray"),
  unsupportedReduceMethod("bytearray", "__reduce_ex__"),
  { name: "__sizeof__", kind: "noargs", impl: (self) => newInt(self.type.layout.basicSize + self_(self).alloc) },
];

function byteArrayMethods(): MethodDef[] {
  return [...MUTATING_METHODS, ...methodDefs("bytearray", sharedMethodSpecs())];
}

export const BYTEARRAY_SPEC: BuiltinTypeSpec = {
  name: "bytearray",
  layout: { basicSize: BYTEARRAY_OBJECT_SIZE, itemSize: 0, gc: false, preHeader: false },
  subclassable: true,
  slots: {
    dealloc: byteArraySpecDealloc,
    repr: (self) => newStr(byteArrayRepr(self)),
    str: (self) => newStr(byteArrayRepr(self)),
    hash: null,
    richcompare: byteArrayRichCompare,
    length: (self) => self_(self).size,
    getitem: byteArrayGetItem,
    setitem: byteArraySetItem,
    contains: byteArrayContains,
    concat: byteArrayConcat,
    repeat: byteArrayRepeat,
    inplaceConcat: byteArrayInplaceConcat,
    inplaceRepeat: byteArrayInplaceRepeat,
    iter: (self) => newBytesIterator(self_(self), rt.types.bytearray_iterator),
    new_: byteArrayNew,
    init: byteArrayInit,
  },
  binary: new Map([[BinaryOp.Mod, byteArrayPercent]]),
  // Built when a runtime creates its types: the shared bytes methods depend on the version.
  get methods() {
    return byteArrayMethods();
  },
};

