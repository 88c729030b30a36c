// The str type's slots: repr, hashing, code-point comparison, concatenation, indexing, iteration.
import { strRules } from "./str-version-rules.js";
import type { PyObject } from "../object.js";
import { rt } from "../state.js";
import { gcUntrack } from "../gc/tracking.js";
import type { BuiltinTypeSpec } from "../type-spec.js";
import type { PyType } from "../type.js";
import type { CallArgs } from "../slots.js";
import { CompareOp } from "../slots.js";
import { PyStr, newStr, strHash, strDealloc, strObjectSize } from "./str.js";
import { strKind } from "../hashing/index.js";
import { allocateObject } from "../memory/object-memory.js";
import { newNotImplemented, newBool } from "../values.js";
import { typeError, indexError, overflowError } from "../errors.js";
import { str as strOf } from "../abstract/object-protocol.js";
import { adoptSubtype } from "./instance.js";
import { indexValue } from "../abstract/conversions.js";
import { newStrIterator } from "./iterators.js";
import { PySlice, sliceIndices } from "./slice.js";
import { strMethods } from "./str-methods.js";
import { strPercentFormat } from "./str-percent.js";
import { BinaryOp } from "../type.js";
import { decodeForStr } from "./bytes-decode.js";
import { parseArguments, type Signature } from "./str-arguments.js";
import { unchangedStr, freshStr, viewOf, codePointsOf, checkResultSize } from "./str-text.js";
import { unicodeDatabase } from "./str-unicode.js";
import { decref } from "../object.js";
import { checkSurrogateJoin, indexOfWhole, refuseJoinedSurrogates } from "./str-surrogates.js";

/** Code points of a str (astral characters as one element). */
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

function hex(code: number, width: number): string {
  return code.toString(16).padStart(width, "0");
}

/** unicode_repr: quotes, escapes, and printability from the version's Unicode database. */
export function strReprText(text: string): string {
  const quote = text.includes("'") && !text.includes('"') ? '"' : "'";
  const db = unicodeDatabase(rt.profile.minor);
  let result = quote;
  for (const char of text) {
    const code = char.codePointAt(0)!;
    if (char === quote || char === "\\") result += "\\" + char;
    else if (char === "\t") result += "\\t";
    else if (char === "\n") result += "\\n";
    else if (char === "\r") result += "\\r";
    else if (code < 0x20 || code === 0x7f) result += "\\x" + hex(code, 2);
    else if (code < 0x7f || db.isPrintable(code)) result += char;
    else if (code <= 0xff) result += "\\x" + hex(code, 2);
    else if (code <= 0xffff) result += "\\u" + hex(code, 4);
    else result += "\\U" + hex(code, 8);
  }
  return result + quote;
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

/** PyUnicode_Concat: the shortcuts compare with the empty singleton itself. */
function strConcat(self: PyObject, other: PyObject): PyObject {
  if (!(other instanceof PyStr)) {
    throw typeError(rt.profile.minor >= 7 ? `can only concatenate str (not "${other.type.name}") to str` : `must be str, not ${other.type.name}`);
  }
  const left = self as PyStr;
  if (left === rt.emptyStr) return unchangedStr(other);
  if (other === rt.emptyStr) return unchangedStr(left);
  const length = left.length + other.length;
  checkResultSize(length, "str");
  checkSurrogateJoin(left.value, other.value, "str concatenation");
  return freshStr(left.value + other.value);
}

const SSIZE_MAX = 2n ** 63n - 1n;

/** sequence_repeat + unicode_repeat. */
function strRepeat(self: PyObject, countObject: PyObject): PyObject {
  const big = indexValue(countObject);
  if (big > SSIZE_MAX || big < -SSIZE_MAX - 1n) throw overflowError("cannot fit 'int' into an index-sized integer");
  const count = Number(big);
  const str = self as PyStr;
  if (count < 1) return newStr("");
  if (count === 1) return unchangedStr(str);
  if (str.length === 0) return newStr("");
  const total = BigInt(str.length) * big;
  if (total > SSIZE_MAX) throw overflowError("repeated string is too long");
  checkResultSize(total, "str");
  checkSurrogateJoin(str.value, str.value, "str repetition");
  return freshStr(str.value.repeat(count));
}

function strContains(self: PyObject, item: PyObject): boolean {
  if (!(item instanceof PyStr)) throw typeError(`'in <string>' requires string as left operand, not ${item.type.name}`);
  return indexOfWhole((self as PyStr).value, item.value) >= 0;
}

/** s[i] and s[a:b:c] (unicode_subscript). */
function strGetItem(self: PyObject, key: PyObject): PyObject {
  const str = self as PyStr;
  if (key instanceof PySlice) {
    const view = viewOf(str);
    const [start, , step, length] = sliceIndices(key, view.length);
    if (length <= 0) return newStr("");
    if (start === 0 && step === 1 && length === view.length) return unchangedStr(str);
    if (step === 1) return newStr(str.value.slice(view.unitOf(start), view.unitOf(start + length)));
    let text = "";
    for (let i = 0, at = start; i < length; i++, at += step) text += str.value.slice(view.unitOf(at), view.unitOf(at + 1));
    const result = freshStr(text);
    // Only a result holding a pair can have joined two lone surrogates: then it counts fewer
    // code points than it took.
    if (result.kind === 4 && result.length !== length) {
      decref(result);
      refuseJoinedSurrogates("str slicing");
    }
    return result;
  }
  if (key.type.index === null) {
    throw typeError(rt.profile.minor >= 11 ? `string indices must be integers, not '${key.type.name}'` : "string indices must be integers");
  }
  const big = indexValue(key);
  if (big > SSIZE_MAX || big < -SSIZE_MAX - 1n) throw indexError("cannot fit 'int' into an index-sized integer");
  let index = Number(big);
  const length = str.length;
  if (index < 0) index += length;
  if (index < 0 || index >= length) throw indexError("string index out of range");
  if (str.kind !== 4) return newStr(str.value[index]!);
  const view = viewOf(str);
  return newStr(str.value.slice(view.unitOf(index), view.unitOf(index + 1)));
}

const STR_SIGNATURE: Signature = {
  name: "str",
  owner: "str",
  history: [[6, { kind: "keywords", names: ["object", "encoding", "errors"], min: 0 }]],
};

/** str(object='') / str(bytes, encoding='utf-8', errors='strict'). */
function strNew(type: PyType, args: CallArgs): PyObject {
  // str(x), the common call, passes every argument check: straight to PyObject_Str.
  if (type === rt.types.str && args.kwnames === null && args.values.length === 1) return strOf(args.values[0]!);
  // str's own vectorcall counted first (type-call-route.ts); here is unicode_new's check.
  const [object, encoding, errors] = parseArguments(STR_SIGNATURE, args);
  let result: PyStr;
  if (encoding !== undefined || errors !== undefined) {
    const encodingText = codecName(encoding, 2, "encoding");
    const errorsText = codecName(errors, 3, "errors");
    result = object === undefined ? newStr("") : decodeForStr(object, encodingText, errorsText);
  } else {
    result = object === undefined ? newStr("") : strOf(object);
  }
  if (type === rt.types.str) return result;
  const instance = newStrSubtypeInstance(type, result.value);
  decref(result);
  return instance;
}

/**
 * unicode_subtype_new: an instance of a str subclass. The type is set before the memory is
 * allocated, so the allocation includes the subclass's GC header, as its dealloc will free.
 */
function newStrSubtypeInstance(type: PyType, value: string): PyStr {
  const kind = strKind(value);
  const instance = new PyStr(value, kind, kind === 4 ? codePointsOf(value).length : value.length);
  adoptSubtype(instance, type);
  allocateObject(instance, strObjectSize(instance));
  return instance;
}

/** str()'s encoding/errors: numbered in messages until 3.9, named from 3.10. */
function codecName(value: PyObject | undefined, position: number, name: string): string | undefined {
  if (value === undefined) return undefined;
  if (value instanceof PyStr) return value.value;
  throw typeError(`str() argument ${rt.profile.minor >= 10 ? `'${name}'` : position} must be str, not ${value.type.name}`);
}

/**
 * Instances of subclasses are GC-tracked (adoptSubtype) and the subclass's dealloc ends in this
 * slot: untrack them before the memory goes, or the collector would meet a freed object.
 */
function strSpecDealloc(self: PyObject): void {
  // Read here, where every object is a PyStr (gcUntrack's read meets every class of object,
  // which V8 makes a slow lookup): exact strs are never tracked.
  if (self.gcSlot >= 0) gcUntrack(self);
  strDealloc(self);
}

export const STR_SPEC: BuiltinTypeSpec = {
  name: "str",
  layout: { basicSize: 48, itemSize: 1, gc: false, preHeader: false },
  subclassable: true,
  slots: {
    dealloc: strSpecDealloc,
    repr: (self) => newStr(strReprText((self as PyStr).value)),
    str: unchangedStr,
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
  // Built when a runtime creates its types: the methods depend on the profile's version.
  get methods() {
    return strMethods();
  },
};
