// The bytes type: repr, comparison, hashing, indexing, concatenation, repetition, construction.
import { applyCompare } from "./number-compare.js";
import { strRules } from "./str-version-rules.js";
import type { PyObject } from "../object.js";
import { decref } from "../object.js";
import { rt } from "../state.js";
import { gcUntrack } from "../gc/tracking.js";
import type { BuiltinTypeSpec } from "../type-spec.js";
import type { PyType } from "../type.js";
import type { CallArgs } from "../slots.js";
import { BinaryOp } from "../type.js";
import { PyBytes, newBytes, newBytesObject, freshBytes, unchangedBytes, bytesDealloc, bytesObjectSize } from "./bytes.js";
import { checkResultSize } from "./str-text.js";
import { allocateObject } from "../memory/object-memory.js";
import { newInt } from "./int.js";
import { PyStr, newStr } from "./str.js";
import { newBool, newNotImplemented } from "../values.js";
import { hashBytes } from "../hashing/index.js";
import { typeError, indexError, valueError, overflowError, PyRaise, raisedIs, discardRaise } from "../errors.js";
import { PySlice, sliceIndices } from "./slice.js";
import { indexValue } from "../abstract/conversions.js";
import { collectItems } from "./sequence-helpers.js";
import { lookupSpecial, callBoundSpecial } from "../slot-table.js";
import { getIter } from "../abstract/iteration.js";
import { adoptSubtype } from "./instance.js";
import { parseArguments, type Signature } from "./str-arguments.js";
import { encodeText } from "./str-codecs.js";
import { bytesMethods } from "./bytes-methods.js";
import { bytesPercentFormat } from "./bytes-percent.js";
import { newBytesIterator } from "./bytes-iterator.js";
import { byteValue, bufferData } from "./bytes-text.js";
import { PyByteArray } from "./bytearray.js";
import { PyList } from "./list.js";
import { PyTuple } from "./tuple.js";

/** bytes_repr: single quotes unless the data has ' and no ", \xNN outside printable ASCII. */
export function bytesRepr(value: Uint8Array): string {
  const hasSingle = value.includes(0x27);
  const hasDouble = value.includes(0x22);
  const quote = hasSingle && !hasDouble ? '"' : "'";
  let text = `b${quote}`;
  for (const byte of value) {
    if (byte === 0x5c) text += "\\\\";
    else if (byte === 0x27 && quote === "'") text += "\\'";
    else if (byte === 0x09) text += "\\t";
    else if (byte === 0x0a) text += "\\n";
    else if (byte === 0x0d) text += "\\r";
    else if (byte < 0x20 || byte >= 0x7f) text += `\\x${byte.toString(16).padStart(2, "0")}`;
    else text += String.fromCharCode(byte);
  }
  return text + quote;
}

function compareBytes(a: Uint8Array, b: Uint8Array): number {
  const length = Math.min(a.length, b.length);
  for (let i = 0; i < length; i++) if (a[i] !== b[i]) return a[i]! - b[i]!;
  return a.length - b.length;
}

const SSIZE_MAX = 2n ** 63n - 1n;

/** b[i] (an int) and b[a:b:c]. */
function bytesGetItem(self: PyObject, key: PyObject): PyObject {
  const value = (self as PyBytes).value;
  if (key instanceof PySlice) {
    const [start, , step, length] = sliceIndices(key, value.length);
    if (length <= 0) return newBytes(new Uint8Array(0));
    if (start === 0 && step === 1 && length === value.length) return unchangedBytes(self);
    if (step === 1) return newBytes(value.slice(start, start + length));
    const result = new Uint8Array(length);
    for (let i = 0, at = start; i < length; i++, at += step) result[i] = value[at]!;
    return freshBytes(result);
  }
  if (key.type.index === null) throw typeError(`byte indices must be integers or slices, not ${key.type.name}`);
  const big = indexValue(key);
  if (big > SSIZE_MAX || big < -SSIZE_MAX - 1n) throw indexError("cannot fit 'int' into an index-sized integer");
  let index = Number(big);
  if (index < 0) index += value.length;
  if (index < 0 || index >= value.length) throw indexError("index out of range");
  return newInt(value[index]!);
}

function bytesContains(self: PyObject, item: PyObject): boolean {
  const value = (self as PyBytes).value;
  if (item.type.index !== null) return value.includes(byteValue(item));
  const itemData = bufferData(item);
  if (itemData !== null) return Buffer.from(value.buffer, value.byteOffset, value.length).includes(Buffer.from(itemData));
  throw typeError(`a bytes-like object is required, not '${item.type.name}'`);
}

/** bytes_concat: an empty side returns the other (when exactly bytes). */
function bytesConcat(self: PyObject, other: PyObject): PyObject {
  const b = bufferData(other);
  if (b === null) throw typeError(`can't concat ${other.type.name} to ${self.type.name}`);
  const a = (self as PyBytes).value;
  if (a.length === 0 && other.type === rt.types.bytes) return unchangedBytes(other);
  if (b.length === 0 && self.type === rt.types.bytes) return unchangedBytes(self);
  const total = a.length + b.length;
  checkResultSize(total, "bytes");
  const result = new Uint8Array(total);
  result.set(a);
  result.set(b, a.length);
  return freshBytes(result);
}

/** bytes_repeat: a result as long as the operand is the operand itself. */
function bytesRepeat(self: PyObject, countObject: PyObject): PyObject {
  const big = indexValue(countObject);
  if (big > SSIZE_MAX || big < -SSIZE_MAX - 1n) throw overflowError("cannot fit 'int' into an index-sized integer");
  const value = (self as PyBytes).value;
  const count = big < 0n ? 0n : big;
  const total = BigInt(value.length) * count;
  if (total > SSIZE_MAX) throw overflowError("repeated bytes are too long");
  if (total === BigInt(value.length) && self.type === rt.types.bytes) return unchangedBytes(self);
  if (total === 0n) return strRules().emptyBytesRepeatIsNewObject ? newBytesObject(new Uint8Array(0)) : newBytes(new Uint8Array(0));
  checkResultSize(total, "bytes");
  const times = Number(count);
  const result = new Uint8Array(value.length * times);
  for (let i = 0; i < times; i++) result.set(value, i * value.length);
  return freshBytes(result);
}

const BYTES_SIGNATURE: Signature = {
  name: "bytes",
  owner: "bytes",
  history: [[6, { kind: "keywords", names: ["source", "encoding", "errors"], min: 0 }]],
};

/** PyBytes_FromObject for lists, tuples and iterables of ints. */
function bytesFromIterable(source: PyObject): PyBytes {
  let iterable = source;
  if (!(source instanceof PyList) && !(source instanceof PyTuple)) {
    try {
      iterable = getIter(source);
    } catch (error) {
      if (error instanceof PyRaise && raisedIs(error, rt.exc.TypeError)) {
        discardRaise(error);
        throw typeError(`cannot convert '${source.type.name}' object to bytes`);
      }
      throw error;
    }
  } else {
    iterable.refcount++;
  }
  let items: PyObject[];
  try {
    items = collectItems(iterable);
  } finally {
    decref(iterable);
  }
  try {
    checkResultSize(items.length, "bytes");
    const result = new Uint8Array(items.length);
    items.forEach((item, i) => {
      if (item.type.index === null) throw typeError(`'${item.type.name}' object cannot be interpreted as an integer`);
      const value = indexValue(item);
      if (value < 0n || value > 255n) throw valueError("bytes must be in range(0, 256)");
      result[i] = Number(value);
    });
    return newBytes(result);
  } finally {
    for (const item of items) decref(item);
  }
}

/** bytes(source=b'', encoding, errors) as bytes_new_impl decides. */
function bytesFromArguments(source: PyObject | undefined, encoding: PyObject | undefined, errors: PyObject | undefined): PyBytes {
  const codecName = (value: PyObject, position: number, name: string): string => {
    if (value instanceof PyStr) return value.value;
    throw typeError(`bytes() argument ${rt.profile.minor >= 10 ? `'${name}'` : position} must be str, not ${value.type.name}`);
  };
  if (source === undefined) {
    if (encoding !== undefined || errors !== undefined) {
      throw typeError(encoding !== undefined ? "encoding without a string argument" : "errors without a string argument");
    }
    return newBytes(new Uint8Array(0));
  }
  if (encoding !== undefined) {
    const encodingText = codecName(encoding, 2, "encoding");
    const errorsText = errors === undefined ? "strict" : codecName(errors, 3, "errors");
    if (!(source instanceof PyStr)) throw typeError("encoding without a string argument");
    return newBytes(encodeText(source.value, encodingText, errorsText));
  }
  if (errors !== undefined) {
    throw typeError(source instanceof PyStr ? "string argument without an encoding" : "errors without a string argument");
  }
  const special = lookupSpecial(source, "__bytes__");
  if (special !== null) {
    const result = callBoundSpecial(source, special, []);
    if (!(result instanceof PyBytes)) {
      const name = result.type.name;
      decref(result);
      throw typeError(`__bytes__ returned non-bytes (type ${name})`);
    }
    return result;
  }
  if (source instanceof PyStr) throw typeError("string argument without an encoding");
  if (source.type.index !== null) {
    const size = indexValue(source);
    if (size > SSIZE_MAX || size < -SSIZE_MAX - 1n) throw overflowError("cannot fit 'int' into an index-sized integer");
    if (size < 0n) throw valueError("negative count");
    checkResultSize(size, "bytes");
    // _PyBytes_FromSize: a new object even for one byte.
    return freshBytes(new Uint8Array(Number(size)));
  }
  if (source.type === rt.types.bytes) return unchangedBytes(source);
  if (source instanceof PyBytes) return newBytes(source.value);
  // _PyBytes_FromBuffer: PyBytes_FromStringAndSize(NULL, n) then a copy (one byte is a new object).
  if (source instanceof PyByteArray) return freshBytes(source.value.slice());
  return bytesFromIterable(source);
}

function bytesNew(type: PyType, args: CallArgs): PyObject {
  const [source, encoding, errors] = parseArguments(BYTES_SIGNATURE, args);
  const result = bytesFromArguments(source, encoding, errors);
  if (type === rt.types.bytes) return result;
  // bytes_subtype_new; the type is set first so the allocation includes the subclass's GC header.
  const instance = new PyBytes(result.value);
  decref(result);
  adoptSubtype(instance, type);
  allocateObject(instance, bytesObjectSize(instance.value.length));
  return instance;
}

/**
 * Instances of subclasses are GC-tracked (adoptSubtype) and the subclass's dealloc ends in this
 * slot: untrack them before the memory goes, or the collector would meet a freed object.
 */
function bytesSpecDealloc(self: PyObject): void {
  gcUntrack(self);
  bytesDealloc(self);
}

export const BYTES_SPEC: BuiltinTypeSpec = {
  name: "bytes",
  layout: { basicSize: 33, itemSize: 1, gc: false, preHeader: false },
  subclassable: true,
  slots: {
    dealloc: bytesSpecDealloc,
    repr: (self) => newStr(bytesRepr((self as PyBytes).value)),
    str: (self) => newStr(bytesRepr((self as PyBytes).value)),
    hash: (self) => {
      const bytes = self as PyBytes;
      if (bytes.hashCache === null) {
        const hash = hashBytes(bytes.value, rt.profile);
        bytes.hashCache = hash >= -9007199254740991n && hash <= 9007199254740991n ? Number(hash) : hash;
      }
      return bytes.hashCache;
    },
    richcompare: (self, other, op) => {
      if (!(other instanceof PyBytes)) return newNotImplemented();
      const order = compareBytes((self as PyBytes).value, other.value);
      return newBool(applyCompare(order, op));
    },
    length: (self) => (self as PyBytes).value.length,
    getitem: bytesGetItem,
    contains: bytesContains,
    concat: bytesConcat,
    repeat: bytesRepeat,
    iter: (self) => newBytesIterator(self as PyBytes),
    new_: bytesNew,
  },
  binary: new Map([[BinaryOp.Mod, bytesPercentFormat]]),
  // Built when a runtime creates its types: the methods depend on the profile's version.
  get methods() {
    return bytesMethods();
  },
};
