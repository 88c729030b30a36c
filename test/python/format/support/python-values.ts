// A tiny model of Python objects for the %-format hooks, built on the kernels under test.

import {
  FormatError,
  complexRepr,
  floatRepr,
  floatToBigint,
  intToDecimal,
  intToFloat,
  strRepr,
  type PercentArgs,
  type PercentHooks,
  type FormatVersion,
} from "../../../../src/python/runtime/format/index.js";
import { floatFromBits, type Encoded } from "./values.js";

export type PyValue =
  | { kind: "int"; value: bigint }
  | { kind: "bool"; value: boolean }
  | { kind: "float"; value: number }
  | { kind: "str"; value: string }
  | { kind: "none" }
  | { kind: "complex"; real: number; imag: number }
  | { kind: "list"; items: PyValue[] }
  | { kind: "tuple"; items: PyValue[] }
  | { kind: "dict"; entries: [string, PyValue][] };

export function decode(encoded: Encoded): PyValue {
  if ("f" in encoded) return { kind: "float", value: floatFromBits(BigInt("0x" + encoded.f)) };
  if ("i" in encoded) return { kind: "int", value: BigInt(encoded.i) };
  if ("s" in encoded) return { kind: "str", value: encoded.s };
  if ("b" in encoded) return { kind: "bool", value: encoded.b };
  if ("n" in encoded) return { kind: "none" };
  if ("c" in encoded) {
    return {
      kind: "complex",
      real: floatFromBits(BigInt("0x" + encoded.c[0])),
      imag: floatFromBits(BigInt("0x" + encoded.c[1])),
    };
  }
  if ("l" in encoded) return { kind: "list", items: encoded.l.map(decode) };
  if ("t" in encoded) return { kind: "tuple", items: encoded.t.map(decode) };
  return { kind: "dict", entries: encoded.d.map(([key, value]) => [key, decode(value)]) };
}

/** An exception the model raises that FormatError cannot name (KeyError, list indexing). */
export class ModelError extends Error {
  constructor(
    readonly pythonType: string,
    message: string,
  ) {
    super(message);
  }
}

function asciiOf(text: string): string {
  let result = "";
  for (const char of text) {
    const code = char.codePointAt(0)!;
    if (code < 128) result += char;
    else if (code <= 0xff) result += "\\x" + code.toString(16).padStart(2, "0");
    else if (code <= 0xffff) result += "\\u" + code.toString(16).padStart(4, "0");
    else result += "\\U" + code.toString(16).padStart(8, "0");
  }
  return result;
}

export function reprOf(value: PyValue): string {
  switch (value.kind) {
    case "str":
      return strRepr(value.value);
    case "list":
      return "[" + value.items.map(reprOf).join(", ") + "]";
    case "tuple":
      return value.items.length === 1 ? `(${reprOf(value.items[0]!)},)` : "(" + value.items.map(reprOf).join(", ") + ")";
    case "dict":
      return "{" + value.entries.map(([key, item]) => `${strRepr(key)}: ${reprOf(item)}`).join(", ") + "}";
    default:
      return strOf(value);
  }
}

export function strOf(value: PyValue): string {
  switch (value.kind) {
    case "int":
      return intToDecimal(value.value);
    case "bool":
      return value.value ? "True" : "False";
    case "float":
      return floatRepr(value.value);
    case "str":
      return value.value;
    case "none":
      return "None";
    case "complex":
      return complexRepr(value.real, value.imag);
    default:
      return reprOf(value);
  }
}

const TYPE_NAMES = new Map<PyValue["kind"], string>([
  ["int", "int"],
  ["bool", "bool"],
  ["float", "float"],
  ["str", "str"],
  ["none", "NoneType"],
  ["complex", "complex"],
  ["list", "list"],
  ["tuple", "tuple"],
  ["dict", "dict"],
]);

export function pythonHooks(version: FormatVersion): PercentHooks<PyValue> {
  const integer = (value: PyValue): bigint | undefined => {
    if (value.kind === "int") return value.value;
    if (value.kind === "bool") return value.value ? 1n : 0n;
    return undefined;
  };
  return {
    str: (value) => (value.kind === "int" ? intToDecimal(value.value, version) : strOf(value)),
    repr: (value) => (value.kind === "int" ? intToDecimal(value.value, version) : reprOf(value)),
    ascii: (value) => asciiOf(value.kind === "int" ? intToDecimal(value.value, version) : reprOf(value)),
    typeName: (value) => TYPE_NAMES.get(value.kind)!,
    intValue: integer,
    strValue: (value) => (value.kind === "str" ? value.value : undefined),
    toInt: (value) => (value.kind === "float" ? floatToBigint(value.value) : integer(value)),
    toIndex: integer,
    toFloat: (value) => {
      if (value.kind === "float") return value.value;
      // complex.__float__ existed (and raised) before 3.10.
      if (value.kind === "complex" && !(version.major === 3 && version.minor >= 10)) {
        throw new FormatError("TypeError", "can't convert complex to float");
      }
      const asInt = integer(value);
      return asInt === undefined ? undefined : intToFloat(asInt);
    },
    getItem: (mapping, key) => {
      if (mapping.kind === "list") {
        throw new ModelError("TypeError", "list indices must be integers or slices, not str");
      }
      if (mapping.kind !== "dict") throw new FormatError("TypeError", "not a mapping");
      const entry = mapping.entries.find(([entryKey]) => entryKey === key);
      if (entry === undefined) throw new ModelError("KeyError", strRepr(key));
      return entry[1];
    },
  };
}

/** The right operand of %: a tuple spreads, anything else is one argument. */
export function percentArgs(value: PyValue): PercentArgs<PyValue> {
  if (value.kind === "tuple") return { kind: "tuple", items: value.items };
  return { kind: "single", value, isMapping: value.kind === "dict" || value.kind === "list" };
}
