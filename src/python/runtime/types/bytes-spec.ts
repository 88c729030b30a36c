// The bytes type: repr, comparison, hashing, indexing, concatenation, decode.
import type { PyObject } from "../object.js";
import { rt } from "../state.js";
import type { BuiltinTypeSpec } from "../type-spec.js";
import { CompareOp } from "../slots.js";
import { textSlot, splitArgs } from "../spec-helpers.js";
import { PyBytes, newBytes, bytesDealloc } from "./bytes.js";
import { newInt, PyInt } from "./int.js";
import { newStr, PyStr } from "./str.js";
import { newBool, newNotImplemented } from "../values.js";
import { hashBytes } from "../hashing/index.js";
import { typeError, indexError, valueError } from "../errors.js";
import { PySlice, sliceIndices } from "./slice.js";
import { indexNumber } from "../abstract/conversions.js";
import { collectItems } from "./sequence-helpers.js";
import { toDouble } from "./int-value.js";
import { decref } from "../object.js";
import { memoryError } from "../errors.js";
import { pyError } from "../errors.js";

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

export const BYTES_SPEC: BuiltinTypeSpec = {
  name: "bytes",
  layout: { basicSize: 33, itemSize: 1, gc: false, preHeader: false },
  subclassable: true,
  slots: {
    dealloc: bytesDealloc,
    repr: textSlot((self) => bytesRepr((self as PyBytes).value)),
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
      const results = [order < 0, order <= 0, order === 0, order !== 0, order > 0, order >= 0];
      return newBool(results[op as CompareOp]!);
    },
    length: (self) => (self as PyBytes).value.length,
    getitem: (self, key) => {
      const value = (self as PyBytes).value;
      if (key instanceof PySlice) {
        const [start, , step, length] = sliceIndices(key, value.length);
        const result = new Uint8Array(length);
        for (let i = 0, at = start; i < length; i++, at += step) result[i] = value[at]!;
        return newBytes(result);
      }
      let index = indexNumber(key);
      if (index < 0) index += value.length;
      if (index < 0 || index >= value.length) throw indexError("index out of range");
      return newInt(value[index]!);
    },
    contains: (self, item) => {
      const value = (self as PyBytes).value;
      if (item instanceof PyInt) return value.includes(Number(toDouble(item.value)));
      if (item instanceof PyBytes) return Buffer.from(value).includes(Buffer.from(item.value));
      throw typeError(`a bytes-like object is required, not '${item.type.name}'`);
    },
    concat: (self, other) => {
      if (!(other instanceof PyBytes)) throw typeError(`can't concat ${other.type.name} to bytes`);
      const a = (self as PyBytes).value;
      const result = new Uint8Array(a.length + other.value.length);
      result.set(a);
      result.set(other.value, a.length);
      return newBytes(result);
    },
    repeat: (self, count) => {
      const times = Math.max(0, indexNumber(count));
      const value = (self as PyBytes).value;
      if (value.length * times > 200_000_000) throw memoryError();
      const result = new Uint8Array(value.length * times);
      for (let i = 0; i < times; i++) result.set(value, i * value.length);
      return newBytes(result);
    },
    new_: (_type, args) => {
      const { positional } = splitArgs(args);
      const source = positional[0];
      if (source === undefined) return newBytes(new Uint8Array(0));
      if (source instanceof PyInt) {
        const size = indexNumber(source);
        if (size < 0) throw valueError("negative count");
        if (size > 200_000_000) throw memoryError();
        return newBytes(new Uint8Array(size));
      }
      if (source instanceof PyStr) {
        if (positional[1] === undefined) throw typeError("string argument without an encoding");
        return newBytes(new TextEncoder().encode(source.value));
      }
      if (source instanceof PyBytes) return newBytes(source.value);
      const items = collectItems(source);
      try {
        return newBytes(Uint8Array.from(items.map((item) => indexNumber(item))));
      } finally {
        for (const item of items) decref(item);
      }
    },
  },
  methods: [
    {
      name: "decode",
      kind: "keywords",
      impl: (self) => {
        try {
          return newStr(new TextDecoder("utf-8", { fatal: true }).decode((self as PyBytes).value));
        } catch {
          throw pyError(rt.exc.UnicodeError, "'utf-8' codec can't decode bytes");
        }
      },
    },
    { name: "hex", kind: "noargs", impl: (self) => newStr(Buffer.from((self as PyBytes).value).toString("hex")) },
  ],
};
