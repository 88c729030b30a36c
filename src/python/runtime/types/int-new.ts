// int(x=0, base=10): conversion from ints, floats, str, bytes and objects with __int__,
// __index__ or __trunc__ (PyNumber_Long), with each version's argument and type errors.
import { bufferData } from "./bytes-text.js";
import type { PyObject } from "../object.js";
import { decref } from "../object.js";
import { rt } from "../state.js";
import type { PyType } from "../type.js";
import type { CallArgs } from "../slots.js";
import { splitArgs } from "../spec-helpers.js";
import { PyInt, newInt, newIntObject, intSubtypeObjectSize } from "./int.js";
import * as value from "./int-value.js";
import { PyFloat } from "./float.js";
import { PyStr } from "./str.js";
import { PyBytes } from "./bytes.js";
import { adoptSubtype } from "./instance.js";
import { allocateObject } from "../memory/object-memory.js";
import { parseIntText, floatToBigint, FormatError } from "../format/index.js";
import { typeError, valueError, overflowError, pyRaiseFromFormatError, Unsupported } from "../errors.js";
import { indexValue } from "../abstract/conversions.js";
import { reprText } from "../abstract/object-protocol.js";
import { lookupSpecial, callSpecial, callBoundSpecial } from "../slot-table.js";
import { numberFeatures } from "./number-features.js";
import { unexpectedKeyword } from "./number-args.js";

/** int(x=0, base=10) for `type` (int or a subclass). */
export function intNew(type: PyType, args: CallArgs): PyObject {
  const { positional, keywords } = splitArgs(args);
  const minor = rt.profile.minor;
  // 3.13's vectorcall of int checks the count before this (type-call-route.ts); subclasses,
  // int.__new__ and type.__call__ reach long_new's own check.
  if (positional.length > 2) throw typeError(`int() takes at most 2 arguments (${positional.length + keywords.size} given)`);
  // 3.6 still accepted x= by keyword.
  const allowed = minor <= 6 ? ["x", "base"] : ["base"];
  for (const keyword of keywords.keys()) if (!allowed.includes(keyword)) throw unexpectedKeyword("int", keyword, allowed);
  const argument = positional[0] ?? keywords.get("x");
  const baseArgument = positional[1] ?? keywords.get("base");
  const result = baseArgument === undefined ? convertToInt(argument) : parseWithBase(argument, baseArgument);
  if (type === rt.types.int) return result;
  const instance = new PyInt(result.value);
  decref(result);
  // The class's block: its GC header, the pointers it adds and the digits (freed so by intDealloc).
  instance.type = type;
  allocateObject(instance, intSubtypeObjectSize(type, instance.value));
  instance.type = rt.types.int;
  adoptSubtype(instance, type);
  return instance;
}

function parseWithBase(argument: PyObject | undefined, baseArgument: PyObject): PyInt {
  if (argument === undefined) throw typeError("int() missing string argument");
  const base = indexValue(baseArgument);
  if (base !== 0n && (base < 2n || base > 36n)) throw valueError("int() base must be >= 2 and <= 36, or 0");
  if (argument instanceof PyStr) return parseText(argument.value, Number(base), argument);
  const data = bufferData(argument);
  if (data !== null) return parseText(bytesText(data), Number(base), argument);
  throw typeError("int() can't convert non-string with explicit base");
}

/** Bytes as text for the parser: ASCII as is, other bytes as a character no rule accepts. */
function bytesText(bytes: Uint8Array): string {
  let text = "";
  for (const byte of bytes) text += byte < 0x80 ? String.fromCharCode(byte) : "\uffff";
  return text;
}

function parseText(text: string, base: number, source: PyObject): PyInt {
  try {
    return newInt(value.normalize(parseIntText(text, base, { version: rt.profile, maxStrDigits: rt.maxStrDigits, reprOf: () => reprText(source) })));
  } catch (error) {
    if (error instanceof FormatError) throw pyRaiseFromFormatError(error);
    throw error;
  }
}

/** int(x) for one argument (PyNumber_Long). New reference; `argument` borrowed. */
export function convertToInt(argument: PyObject | undefined): PyInt {
  if (argument === undefined) return newInt(0);
  if (argument.type === rt.types.int) {
    argument.refcount++;
    return argument as PyInt;
  }
  if (argument instanceof PyInt) return newInt(argument.value);
  if (argument instanceof PyFloat) return newInt(floatToInt(argument.value));
  const features = numberFeatures(rt.profile);
  const type = argument.type;
  if (type.int !== null) return checkedIntResult(type.int(argument), "__int__");
  if (type.index !== null && features.intFallsBackToIndex) return checkedIntResult(type.index(argument), "__index__");
  const trunc = features.intTruncDelegation === "none" ? null : lookupSpecial(argument, "__trunc__");
  if (trunc !== null) {
    if (features.intTruncDelegation === "warns") throw new Unsupported("the DeprecationWarning of int() delegating to __trunc__");
    // 3.7–3.10 call __trunc__ as the bound method _PyObject_LookupSpecial makes (it holds self).
    const result = rt.profile.minor >= 7 ? callBoundSpecial(argument, trunc, []) : callSpecial(argument, trunc, []);
    if (result instanceof PyInt) return checkedIntResult(result, "__trunc__");
    try {
      if (result.type.index === null) throw typeError(`__trunc__ returned non-Integral (type ${result.type.name})`);
      return newInt(value.normalize(indexValue(result)));
    } finally {
      decref(result);
    }
  }
  if (argument instanceof PyStr) return parseText(argument.value, 10, argument);
  const bytesData = bufferData(argument);
  if (bytesData !== null) return parseText(bytesText(bytesData), 10, argument);
  throw typeError(`int() argument must be a string, a bytes-like object or a ${features.realNumberWording ? "real number" : "number"}, not '${type.name}'`);
}

/** int(x) of a double: truncation toward zero. */
export function floatToInt(number: number): value.IntValue {
  if (number !== number) throw valueError("cannot convert float NaN to integer");
  if (number === Infinity || number === -Infinity) throw overflowError("cannot convert float infinity to integer");
  const truncated = Math.trunc(number);
  return Number.isSafeInteger(truncated) ? (truncated === 0 ? 0 : truncated) : value.normalize(floatToBigint(truncated));
}

/**
 * PyLong_FromDouble of an integral double: before 3.9 any nonzero result is a new object, even
 * within the small-int range (round(7.2) is not the cached 7).
 */
export function intFromIntegralDouble(number: number): PyInt {
  const result = floatToInt(number);
  if (result === 0 || numberFeatures(rt.profile).smallIntsFromDouble) return newInt(result);
  return newIntObject(result);
}

/** The result of __int__/__index__/__trunc__ as an exact int (steals `result`). */
function checkedIntResult(result: PyObject, method: "__int__" | "__index__" | "__trunc__"): PyInt {
  if (result.type === rt.types.int) return result as PyInt;
  if (!(result instanceof PyInt)) {
    const name = result.type.name;
    decref(result);
    throw typeError(`${method} returned non-int (type ${name})`);
  }
  // CPython accepts an int subclass from __int__/__index__ with a DeprecationWarning, which the
  // simulator cannot show.
  if (method !== "__trunc__") {
    decref(result);
    throw new Unsupported(`the DeprecationWarning of ${method} returning an int subclass`);
  }
  const copy = newInt(result.value);
  decref(result);
  return copy;
}
