// The bytes methods, with their calling conventions per version.
// Bytes-like argument checks, ASCII-only character classes, and results that are the bytes
// itself, singletons or new objects as bytesobject.c chooses.
import { strRules } from "./str-version-rules.js";
import type { PyObject } from "../object.js";
import { decref } from "../object.js";
import { rt } from "../state.js";
import type { MethodDef } from "../method-def.js";
import { typeError, valueError } from "../errors.js";
import { PyBytes, newBytes, freshBytes, unchangedBytes, bytesObjectSize } from "./bytes.js";
import { PyStr, newStr } from "./str.js";
import { newInt } from "./int.js";
import { newList } from "./list.js";
import { newTupleStealing, PyTuple } from "./tuple.js";
import { newBool } from "../values.js";
import { isTrue } from "../abstract/truth.js";
import { callPositional } from "../abstract/object-protocol.js";
import { PyType } from "../type.js";
import { ssizeArgument, intArgument, sliceIndexArgument } from "./str-arguments.js";
import { NOARGS, ONE, varargsThenPositional, keywords, conventions, methodDefs, type MethodSpec } from "./str-method-kit.js";
import { textView, checkResultSize } from "./str-text.js";
import { findText, countText, tailMatches, replaceText } from "./str-search.js";
import { splitWhitespace, rsplitWhitespace, splitSeparator, rsplitSeparator, splitLines, type Piece } from "./str-split.js";
import { itemsOf } from "./str-join.js";
import { decodedStr } from "./bytes-decode.js";
import * as ascii from "./bytes-text.js";

function data(self: PyObject): Uint8Array {
  return (self as PyBytes).value;
}

function text(self: PyObject): string {
  return ascii.latin1Text(data(self));
}

/** Pieces of a split as a new list of bytes; a null piece is the bytes itself. */
function pieceList(self: PyObject, pieces: readonly Piece[]): PyObject {
  return newList(pieces.map((piece) => (piece === null ? unchangedBytes(self) : newBytes(ascii.latin1Bytes(piece)))));
}

function mapBytes(name: string, map: (value: Uint8Array) => Uint8Array): MethodSpec {
  return { name, history: NOARGS, impl: (self) => freshBytes(map(data(self))) };
}

function byteMap(value: Uint8Array, map: (code: number, index: number) => number): Uint8Array {
  const result = new Uint8Array(value.length);
  for (let i = 0; i < value.length; i++) result[i] = map(value[i]!, i);
  return result;
}

const toLower = (code: number): number => (ascii.isByteUpper(code) ? code + 32 : code);
const toUpper = (code: number): number => (ascii.isByteLower(code) ? code - 32 : code);

function titleBytes(value: Uint8Array): Uint8Array {
  let previousCased = false;
  return byteMap(value, (code) => {
    let result = code;
    if (ascii.isByteUpper(code)) {
      if (previousCased) result = toLower(code);
      previousCased = true;
    } else if (ascii.isByteLower(code)) {
      if (!previousCased) result = toUpper(code);
      previousCased = true;
    } else {
      previousCased = false;
    }
    return result;
  });
}

function predicate(name: string, test: (value: Uint8Array) => boolean, since?: number): MethodSpec {
  return { name, history: NOARGS, ...(since === undefined ? {} : { since }), impl: (self) => newBool(test(data(self))) };
}

const every = (test: (code: number) => boolean) => (value: Uint8Array): boolean => value.length > 0 && value.every(test);

function isLowerBytes(value: Uint8Array): boolean {
  let cased = false;
  for (const code of value) {
    if (ascii.isByteUpper(code)) return false;
    if (ascii.isByteLower(code)) cased = true;
  }
  return cased;
}

function isUpperBytes(value: Uint8Array): boolean {
  let cased = false;
  for (const code of value) {
    if (ascii.isByteLower(code)) return false;
    if (ascii.isByteUpper(code)) cased = true;
  }
  return cased;
}

function isTitleBytes(value: Uint8Array): boolean {
  let cased = false;
  let previousCased = false;
  for (const code of value) {
    if (ascii.isByteUpper(code)) {
      if (previousCased) return false;
      previousCased = cased = true;
    } else if (ascii.isByteLower(code)) {
      if (!previousCased) return false;
      previousCased = cased = true;
    } else {
      previousCased = false;
    }
  }
  return cased;
}

function splitMethod(name: "split" | "rsplit"): MethodSpec {
  return {
    name,
    history: keywords(["sep", "maxsplit"]),
    impl: (self, [sepObject, maxObject]) => {
      const maxsplit = maxObject === undefined ? -1 : ssizeArgument(maxObject);
      const value = text(self);
      if (sepObject === undefined || sepObject === rt.None) {
        return pieceList(self, name === "split" ? splitWhitespace(value, maxsplit, ascii.isByteSpace) : rsplitWhitespace(value, maxsplit, ascii.isByteSpace));
      }
      const separator = ascii.bytesLike(sepObject);
      if (separator.length === 0) throw valueError("empty separator");
      const sep = ascii.latin1Text(separator);
      return pieceList(self, name === "split" ? splitSeparator(value, sep, maxsplit) : rsplitSeparator(value, sep, maxsplit));
    },
  };
}

function stripMethod(name: string, left: boolean, right: boolean): MethodSpec {
  return {
    name,
    history: conventions([6, { kind: "positional", min: 0, max: 1 }]),
    impl: (self, [charsObject]) => {
      const chars = charsObject === undefined || charsObject === rt.None ? null : new Set(ascii.bytesLike(charsObject));
      const value = data(self);
      const matches = (code: number): boolean => (chars === null ? ascii.isByteSpace(code) : chars.has(code));
      let start = 0;
      let end = value.length;
      if (left) while (start < end && matches(value[start]!)) start++;
      if (right) while (end > start && matches(value[end - 1]!)) end--;
      if (start === 0 && end === value.length) return unchangedBytes(self);
      return newBytes(value.slice(start, end));
    },
  };
}

function searchArguments(args: readonly (PyObject | undefined)[]): { needle: string; start: number | undefined; end: number | undefined } {
  const start = sliceIndexArgument(args[1]);
  const end = sliceIndexArgument(args[2]);
  return { needle: ascii.latin1Text(ascii.subsequenceArgument(args[0]!)), start, end };
}

function findMethod(name: string, reverse: boolean, raise: boolean): MethodSpec {
  return {
    name,
    history: varargsThenPositional(1, 3, 13),
    impl: (self, args) => {
      const { needle, start, end } = searchArguments(args);
      const found = findText(textView(text(self)), textView(needle), start, end, reverse);
      if (found < 0 && raise) throw valueError("subsection not found");
      return newInt(found);
    },
  };
}

function affixMethod(name: "startswith" | "endswith"): MethodSpec {
  return {
    name,
    history: varargsThenPositional(1, 3, 13),
    impl: (self, [affix, startObject, endObject]) => {
      const start = sliceIndexArgument(startObject);
      const end = sliceIndexArgument(endObject);
      const view = textView(text(self));
      const atEnd = name === "endswith";
      if (affix instanceof PyTuple) {
        for (const item of affix.items) {
          if (tailMatches(view, textView(ascii.latin1Text(ascii.bytesLike(item))), start, end, atEnd)) return newBool(true);
        }
        return newBool(false);
      }
      const affixData = ascii.bufferData(affix!);
      if (affixData === null) throw typeError(`${name} first arg must be bytes or a tuple of bytes, not ${affix!.type.name}`);
      return newBool(tailMatches(view, textView(ascii.latin1Text(affixData)), start, end, atEnd));
    },
  };
}

function checkLength(length: number): void {
  checkResultSize(length, "bytes");
}

function padMethod(name: string, pad: (value: Uint8Array, margin: number, fill: number, width: number) => Uint8Array): MethodSpec {
  return {
    name,
    history: varargsThenPositional(1, 2, 8),
    impl: (self, [widthObject, fillObject]) => {
      const width = ssizeArgument(widthObject!);
      let fill = 0x20;
      if (fillObject !== undefined) {
        const fillData = ascii.bufferData(fillObject);
        if (fillData === null || fillData.length !== 1) {
          throw typeError(`${name}() argument 2 must be a byte string of length 1, not ${fillObject.type.name}`);
        }
        fill = fillData[0]!;
      }
      const value = data(self);
      if (value.length >= width) return unchangedBytes(self);
      checkLength(width);
      return freshBytes(pad(value, width - value.length, fill, width));
    },
  };
}

function padded(left: number, value: Uint8Array, right: number, fill: number): Uint8Array {
  const result = new Uint8Array(left + value.length + right).fill(fill);
  result.set(value, left);
  return result;
}

function partitionMethod(name: "partition" | "rpartition"): MethodSpec {
  return {
    name,
    history: ONE,
    impl: (self, [separatorObject]) => {
      const separator = ascii.bytesLike(separatorObject!);
      if (separator.length === 0) throw valueError("empty separator");
      const value = text(self);
      const sep = ascii.latin1Text(separator);
      const at = name === "partition" ? value.indexOf(sep) : value.lastIndexOf(sep);
      const empty = (): PyObject => newBytes(new Uint8Array(0));
      if (at < 0) {
        self.refcount++;
        return newTupleStealing(name === "partition" ? [self, empty(), empty()] : [empty(), empty(), self]);
      }
      separatorObject!.refcount++;
      const bytes = data(self);
      return newTupleStealing([newBytes(bytes.slice(0, at)), separatorObject!, newBytes(bytes.slice(at + separator.length))]);
    },
  };
}

function removeAffixMethod(name: "removeprefix" | "removesuffix"): MethodSpec {
  return {
    name,
    history: ONE,
    since: 9,
    impl: (self, [affixObject]) => {
      const affix = ascii.bytesLike(affixObject!);
      const value = data(self);
      const atEnd = name === "removesuffix";
      const matches = affix.length > 0 && affix.length <= value.length && affix.every((byte, i) => value[atEnd ? value.length - affix.length + i : i] === byte);
      if (!matches) return unchangedBytes(self);
      return newBytes(atEnd ? value.slice(0, value.length - affix.length) : value.slice(affix.length));
    },
  };
}

/** bytes.join: one exact bytes item is returned itself; otherwise a new object. */
function joinBytes(self: PyObject, iterable: PyObject): PyObject {
  const items = itemsOf(iterable);
  try {
    if (items.length === 0) return newBytes(new Uint8Array(0));
    if (items.length === 1 && items[0]!.type === rt.types.bytes) {
      items[0]!.refcount++;
      return items[0]!;
    }
    const separator = data(self);
    const parts: Uint8Array[] = [];
    for (const [index, item] of items.entries()) {
      const itemData = ascii.bufferData(item);
      if (itemData === null) throw typeError(`sequence item ${index}: expected a bytes-like object, ${item.type.name} found`);
      parts.push(itemData);
    }
    let total = separator.length * (parts.length - 1);
    for (const part of parts) total += part.length;
    checkLength(total);
    const result = new Uint8Array(total);
    let at = 0;
    parts.forEach((part, index) => {
      if (index > 0) {
        result.set(separator, at);
        at += separator.length;
      }
      result.set(part, at);
      at += part.length;
    });
    return freshBytes(result);
  } finally {
    for (const item of items) decref(item);
  }
}

/** bytes.hex([sep[, bytes_per_sep]]) (the arguments exist from 3.8). */
function hexText(value: Uint8Array, sepObject: PyObject | undefined, perObject: PyObject | undefined): string {
  const digits = Array.from(value, (byte) => byte.toString(16).padStart(2, "0"));
  if (sepObject === undefined) return digits.join("");
  let separator: string;
  if (sepObject instanceof PyStr) {
    if (sepObject.length !== 1) throw valueError("sep must be length 1.");
    if (sepObject.value.charCodeAt(0) > 0x7f) throw valueError("sep must be ASCII.");
    separator = sepObject.value;
  } else if (sepObject instanceof PyBytes) {
    if (sepObject.value.length !== 1) throw valueError("sep must be length 1.");
    if (sepObject.value[0]! > 0x7f) throw valueError("sep must be ASCII.");
    separator = String.fromCharCode(sepObject.value[0]!);
  } else {
    throw typeError(`object of type '${sepObject.type.name}' has no len()`);
  }
  const per = perObject === undefined ? 1 : intArgument(perObject);
  if (per === 0 || digits.length === 0) return digits.join("");
  const size = Math.abs(per);
  const groups: string[] = [];
  if (per > 0) {
    // Groups counted from the right.
    for (let end = digits.length; end > 0; end -= size) groups.unshift(digits.slice(Math.max(0, end - size), end).join(""));
  } else {
    for (let start = 0; start < digits.length; start += size) groups.push(digits.slice(start, start + size).join(""));
  }
  return groups.join(separator);
}

/** bytes.fromhex(string): pairs of hex digits, whitespace allowed between pairs. */
function fromHex(source: string): Uint8Array {
  const skippable = (code: number): boolean => (strRules().fromhexSkipsAllWhitespace ? ascii.isByteSpace(code) : code === 32);
  const result: number[] = [];
  const digit = (at: number): number => {
    const code = source.charCodeAt(at);
    const value = code >= 0x30 && code <= 0x39 ? code - 0x30 : code >= 0x61 && code <= 0x66 ? code - 0x57 : code >= 0x41 && code <= 0x46 ? code - 0x37 : -1;
    if (value < 0) throw valueError(`non-hexadecimal number found in fromhex() arg at position ${at}`);
    return value;
  };
  let at = 0;
  while (at < source.length) {
    if (skippable(source.charCodeAt(at))) {
      at++;
      continue;
    }
    const high = digit(at);
    const low = digit(at + 1);
    result.push(high * 16 + low);
    at += 2;
  }
  return Uint8Array.from(result);
}

function translateBytes(self: PyObject, tableObject: PyObject, deleteObject: PyObject | undefined): PyObject {
  let table: Uint8Array | null = null;
  if (tableObject !== rt.None) {
    table = ascii.bytesLike(tableObject);
    if (table.length !== 256) throw valueError("translation table must be 256 characters long");
  }
  const deleted = deleteObject === undefined ? null : new Set(ascii.bytesLike(deleteObject));
  const value = data(self);
  const result: number[] = [];
  let changed = false;
  for (const byte of value) {
    if (deleted !== null && deleted.has(byte)) {
      changed = true;
      continue;
    }
    const mapped = table === null ? byte : table[byte]!;
    if (mapped !== byte) changed = true;
    result.push(mapped);
  }
  if (!changed && self.type === rt.types.bytes) return unchangedBytes(self);
  return freshBytes(Uint8Array.from(result));
}

/** decode()'s encoding/errors: numbered in messages until 3.7, named from 3.8. */
function codecArgument(value: PyObject | undefined, fallback: string, position: number, parameter: string): string {
  if (value === undefined) return fallback;
  if (value instanceof PyStr) return value.value;
  const which = rt.profile.minor >= 8 ? `'${parameter}'` : `${position}`;
  throw typeError(`decode() argument ${which} must be str, not ${value.type.name}`);
}

/**
 * bytes.__sizeof__: the type's basic size plus the data. A subclass with a __dict__ appends
 * the dict pointer to its instances until 3.11 (3.12 manages the dict before the object).
 */
function bytesSizeof(self: PyObject): number {
  const size = bytesObjectSize(data(self).length);
  const type = self.type;
  return type !== rt.types.bytes && type.instancesHaveDict && strRules().subclassDictPointerInObject ? size + 8 : size;
}

export const BYTES_METHOD_SPECS: readonly MethodSpec[] = [
  { name: "join", history: ONE, impl: (self, [iterable]) => joinBytes(self, iterable!) },
  splitMethod("split"),
  splitMethod("rsplit"),
  {
    name: "splitlines",
    history: keywords(["keepends"]),
    impl: (self, [keependsObject]) => {
      let keepends = false;
      if (keependsObject !== undefined) keepends = strRules().splitlinesKeependsIsBool ? isTrue(keependsObject) : intArgument(keependsObject) !== 0;
      return pieceList(self, splitLines(text(self), keepends, ascii.isByteLineBreak));
    },
  },
  stripMethod("strip", true, true),
  stripMethod("lstrip", true, false),
  stripMethod("rstrip", false, true),
  mapBytes("lower", (value) => byteMap(value, toLower)),
  mapBytes("upper", (value) => byteMap(value, toUpper)),
  mapBytes("swapcase", (value) => byteMap(value, (code) => (ascii.isByteUpper(code) ? code + 32 : ascii.isByteLower(code) ? code - 32 : code))),
  mapBytes("title", titleBytes),
  mapBytes("capitalize", (value) => byteMap(value, (code, index) => (index === 0 ? toUpper(code) : toLower(code)))),
  {
    name: "replace",
    history: varargsThenPositional(2, 3, 8),
    impl: (self, [oldObject, newObject, countObject]) => {
      const old = ascii.bytesLike(oldObject!);
      const replacement = ascii.bytesLike(newObject!);
      const count = countObject === undefined ? -1 : ssizeArgument(countObject);
      const result = replaceText(text(self), ascii.latin1Text(old), ascii.latin1Text(replacement), count);
      if (result === null) return unchangedBytes(self);
      checkLength(result.length);
      return freshBytes(ascii.latin1Bytes(result));
    },
  },
  findMethod("find", false, false),
  findMethod("rfind", true, false),
  findMethod("index", false, true),
  findMethod("rindex", true, true),
  {
    name: "count",
    history: varargsThenPositional(1, 3, 13),
    impl: (self, args) => {
      const { needle, start, end } = searchArguments(args);
      return newInt(countText(textView(text(self)), textView(needle), start, end));
    },
  },
  affixMethod("startswith"),
  affixMethod("endswith"),
  partitionMethod("partition"),
  partitionMethod("rpartition"),
  padMethod("center", (value, margin, fill, width) => {
    const left = Math.floor(margin / 2) + (margin & width & 1);
    return padded(left, value, margin - left, fill);
  }),
  padMethod("ljust", (value, margin, fill) => padded(0, value, margin, fill)),
  padMethod("rjust", (value, margin, fill) => padded(margin, value, 0, fill)),
  {
    name: "zfill",
    history: conventions([6, { kind: "varargs", min: 1, max: 1 }], [8, { kind: "one" }]),
    impl: (self, [widthObject]) => {
      const width = ssizeArgument(widthObject!);
      const value = data(self);
      if (value.length >= width) return unchangedBytes(self);
      checkLength(width);
      const result = padded(width - value.length, value, 0, 0x30);
      const first = value[0];
      if (first === 0x2b || first === 0x2d) {
        result[0] = first;
        result[width - value.length] = 0x30;
      }
      return freshBytes(result);
    },
  },
  {
    name: "expandtabs",
    history: keywords(["tabsize"]),
    impl: (self, [sizeObject]) => {
      const size = sizeObject === undefined ? 8 : intArgument(sizeObject);
      const result: number[] = [];
      let column = 0;
      for (const byte of data(self)) {
        if (byte === 9) {
          if (size > 0) {
            const spaces = size - (column % size);
            checkLength(result.length + spaces);
            for (let i = 0; i < spaces; i++) result.push(0x20);
            column += spaces;
          }
        } else {
          result.push(byte);
          column = byte === 10 || byte === 13 ? 0 : column + 1;
        }
      }
      return freshBytes(Uint8Array.from(result));
    },
  },
  {
    name: "decode",
    history: keywords(["encoding", "errors"]),
    impl: (self, [encodingObject, errorsObject]) => {
      const encoding = codecArgument(encodingObject, "utf-8", 1, "encoding");
      const errors = codecArgument(errorsObject, "strict", 2, "errors");
      return decodedStr(data(self), encoding, errors);
    },
  },
  {
    name: "hex",
    history: conventions([6, { kind: "noargs" }], [8, { kind: "keywords", names: ["sep", "bytes_per_sep"], min: 0 }]),
    impl: (self, [sepObject, perObject]) => newStr(hexText(data(self), sepObject, perObject)),
  },
  {
    name: "fromhex",
    history: ONE,
    binding: "class",
    impl: (cls, [source]) => {
      if (!(source instanceof PyStr)) throw typeError(`fromhex() argument must be str, not ${source!.type.name}`);
      const result = newBytes(fromHex(source.value));
      if (cls === rt.types.bytes || !(cls instanceof PyType)) return result;
      try {
        return callPositional(cls, [result]);
      } finally {
        decref(result);
      }
    },
  },
  {
    name: "maketrans",
    history: varargsThenPositional(2, 2, 8),
    binding: "static",
    impl: (_self, [fromObject, toObject]) => {
      const from = ascii.bytesLike(fromObject!);
      const to = ascii.bytesLike(toObject!);
      if (from.length !== to.length) throw valueError("maketrans arguments must have same length");
      const table = new Uint8Array(256);
      for (let i = 0; i < 256; i++) table[i] = i;
      from.forEach((byte, i) => (table[byte] = to[i]!));
      return newBytes(table);
    },
  },
  {
    name: "translate",
    history: conventions([6, { kind: "keywords", names: ["table", "delete"], min: 1, positionalOnly: 1 }]),
    impl: (self, [table, deleted]) => translateBytes(self, table!, deleted),
  },
  predicate("isalnum", every((code) => ascii.isByteAlpha(code) || ascii.isByteDigit(code))),
  predicate("isalpha", every(ascii.isByteAlpha)),
  predicate("isdigit", every(ascii.isByteDigit)),
  predicate("isspace", every(ascii.isByteSpace)),
  predicate("islower", isLowerBytes),
  predicate("isupper", isUpperBytes),
  predicate("istitle", isTitleBytes),
  predicate("isascii", (value) => value.every((code) => code < 0x80), 7),
  removeAffixMethod("removeprefix"),
  removeAffixMethod("removesuffix"),
  { name: "__getnewargs__", history: NOARGS, impl: (self) => newTupleStealing([newBytes(data(self))]) },
  { name: "__sizeof__", history: NOARGS, impl: (self) => newInt(bytesSizeof(self)) },
  { name: "__bytes__", history: NOARGS, since: 11, impl: (self) => unchangedBytes(self) },
];

/** The bytes methods of the active profile's version. */
export function bytesMethods(): MethodDef[] {
  return methodDefs("bytes", BYTES_METHOD_SPECS);
}
