// The str type's slots: repr, hashing, code-point comparison, concatenation, indexing, iteration.
import type { PyObject } from "../object.js";
import { rt } from "../state.js";
import type { BuiltinTypeSpec } from "../type-spec.js";
import type { PyType } from "../type.js";
import { CompareOp } from "../slots.js";
import { textSlot, splitArgs } from "../spec-helpers.js";
import { PyStr, newStr, newStrObject, strHash, strDealloc } from "./str.js";
import { newNotImplemented, newBool } from "../values.js";
import { strRepr } from "../format/index.js";
import { typeError, indexError } from "../errors.js";
import { str as strOf } from "../abstract/object-protocol.js";
import { adoptSubtype } from "./instance.js";
import { indexValue } from "../abstract/conversions.js";
import { newStrIterator } from "./iterators.js";
import { PySlice, sliceIndices } from "./slice.js";
import { STR_METHODS } from "./str-methods.js";
import { strPercentFormat } from "./str-percent.js";
import { BinaryOp } from "../type.js";
import { decodeBytesArgument } from "./bytes-decode.js";
import { memoryError } from "../errors.js";

/** Code points of a str (astral characters as one element). Cached per call site use. */
export function codePoints(str: PyStr): string[] {
  return str.kind === 4 ? Array.from(str.value) : str.value.split("");
}

/** Compares two strings by code points, as CPython does (UTF-16 order differs above U+FFFF). */
export function compareStrings(a: PyStr, b: PyStr): number {
  if (a.kind !== 4 && b.kind !== 4) return a.value < b.value ? -1 : a.value > b.value ? 1 : 0;
  const left = codePoints(a);
  const right = codePoints(b);
  const length = Math.min(left.length, right.length);
  for (let i = 0; i < length; i++) {
    const x = left[i]!.codePointAt(0)!;
    const y = right[i]!.codePointAt(0)!;
    if (x !== y) return x < y ? -1 : 1;
  }
  return left.length - right.length;
}

function strRichCompare(self: PyObject, other: PyObject, op: CompareOp): PyObject {
  if (!(other instanceof PyStr)) return newNotImplemented();
  const a = self as PyStr;
  if (op === CompareOp.Eq) return newBool(a.value === other.value);
  if (op === CompareOp.Ne) return newBool(a.value !== other.value);
  const order = compareStrings(a, other);
  switch (op) {
    case CompareOp.Lt:
      return newBool(order < 0);
    case CompareOp.Le:
      return newBool(order <= 0);
    case CompareOp.Gt:
      return newBool(order > 0);
    default:
      return newBool(order >= 0);
  }
}

function strConcat(self: PyObject, other: PyObject): PyObject {
  if (!(other instanceof PyStr)) throw typeError(`can only concatenate str (not "${other.type.name}") to str`);
  const a = self as PyStr;
  if (other.length === 0 && a.type === rt.types.str) {
    a.refcount++;
    return a;
  }
  if (a.length === 0 && other.type === rt.types.str) {
    other.refcount++;
    return other;
  }
  return newStr(a.value + other.value);
}

function strRepeat(self: PyObject, count: PyObject): PyObject {
  const times = Number(indexValue(count));
  const str = self as PyStr;
  if (times <= 0 || str.length === 0) return newStr("");
  if (times === 1 && str.type === rt.types.str) {
    str.refcount++;
    return str;
  }
  if (str.length * times > 200_000_000) throw memoryError();
  return newStr(str.value.repeat(times));
}

function strContains(self: PyObject, item: PyObject): boolean {
  if (!(item instanceof PyStr)) throw typeError(`'in <string>' requires string as left operand, not ${item.type.name}`);
  return (self as PyStr).value.includes(item.value);
}

/** s[i] and s[a:b:c]. */
function strGetItem(self: PyObject, key: PyObject): PyObject {
  const str = self as PyStr;
  if (key instanceof PySlice) {
    const points = codePoints(str);
    const [start, stop, step, length] = sliceIndices(key, points.length);
    if (step === 1) return newStr(points.slice(start, start + length).join(""));
    const parts: string[] = [];
    for (let i = 0, at = start; i < length; i++, at += step) parts.push(points[at]!);
    return newStr(parts.join(""));
  }
  if (key.type.index === null) throw typeError(`string indices must be integers${rt.profile.minor >= 11 ? `, not '${key.type.name}'` : ""}`);
  let index = Number(indexValue(key));
  if (str.kind !== 4) {
    if (index < 0) index += str.length;
    if (index < 0 || index >= str.length) throw indexError("string index out of range");
    return newStr(str.value[index]!);
  }
  const points = codePoints(str);
  if (index < 0) index += points.length;
  if (index < 0 || index >= points.length) throw indexError("string index out of range");
  return newStr(points[index]!);
}

/** str(object='') / str(bytes, encoding). */
function strNew(type: PyType, args: { values: readonly PyObject[]; kwnames: readonly string[] | null }): PyObject {
  const { positional, keywords } = splitArgs(args);
  if (positional.length > 3) throw typeError(`str() takes at most 3 arguments (${positional.length} given)`);
  const argument = positional[0] ?? keywords.get("object");
  if (positional.length > 1 || keywords.has("encoding")) return decodeBytesArgument(argument);
  const result = argument === undefined ? newStr("") : strOf(argument);
  if (type === rt.types.str) return result;
  const instance = newStrObject(result.value);
  if (--result.refcount === 0) result.type.dealloc(result);
  adoptSubtype(instance, type);
  return instance;
}

export const STR_SPEC: BuiltinTypeSpec = {
  name: "str",
  layout: { basicSize: 48, itemSize: 1, gc: false, preHeader: false },
  subclassable: true,
  slots: {
    dealloc: strDealloc,
    repr: textSlot((self) => strRepr((self as PyStr).value)),
    str: (self) => {
      if (self.type === rt.types.str) {
        self.refcount++;
        return self;
      }
      return newStr((self as PyStr).value);
    },
    hash: strHash,
    richcompare: strRichCompare,
    length: (self) => (self as PyStr).length,
    contains: strContains,
    getitem: strGetItem,
    concat: strConcat,
    repeat: strRepeat,
    iter: (self) => newStrIterator(self as PyStr),
    new_: strNew,
  },
  binary: new Map([[BinaryOp.Mod, strPercentFormat]]),
  methods: STR_METHODS,
};
