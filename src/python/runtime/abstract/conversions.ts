// Conversions every built-in needs: operator.index(), ascii(), and int-valued arguments.
import type { PyObject } from "../object.js";
import { decref } from "../object.js";
import { typeError } from "../errors.js";
import { PyInt } from "../types/int.js";
import { toBig } from "../types/int-value.js";
import { repr, reprText } from "./object-protocol.js";
import { PyStr, newStr } from "../types/str.js";

/** The value of operator.index(value), or null when the type has no __index__. */
export function indexOrNull(value: PyObject): bigint | null {
  if (value instanceof PyInt) return toBig(value.value);
  const slot = value.type.index;
  if (slot === null) return null;
  const result = slot(value);
  try {
    if (!(result instanceof PyInt)) throw typeError(`__index__ returned non-int (type ${result.type.name})`);
    return toBig(result.value);
  } finally {
    decref(result);
  }
}

/** operator.index(value) as a bigint ("'float' object cannot be interpreted as an integer"). */
export function indexValue(value: PyObject): bigint {
  const index = indexOrNull(value);
  if (index === null) throw typeError(`'${value.type.name}' object cannot be interpreted as an integer`);
  return index;
}

/** An index argument as a JS number, clamped like PyNumber_AsSsize_t for sequence indexes. */
export function indexNumber(value: PyObject): number {
  if (value instanceof PyInt && typeof value.value === "number") return value.value;
  return Number(indexValue(value));
}

/** ascii(value): repr with non-ASCII characters escaped. */
export function asciiText(value: PyObject): string {
  return escapeNonAscii(reprText(value));
}

function escapeNonAscii(text: string): string {
  let result = "";
  for (const char of text) {
    const code = char.codePointAt(0)!;
    if (code < 0x80) result += char;
    else if (code < 0x100) result += `\\x${code.toString(16).padStart(2, "0")}`;
    else if (code < 0x10000) result += `\\u${code.toString(16).padStart(4, "0")}`;
    else result += `\\U${code.toString(16).padStart(8, "0")}`;
  }
  return result;
}

/** ascii(value) as an object: the repr itself when it is all ASCII (PyObject_ASCII), else a new str. */
export function asciiOf(value: PyObject): PyStr {
  const result = repr(value);
  if (result.isAscii) return result;
  const text = result.value;
  decref(result);
  return newStr(escapeNonAscii(text));
}
