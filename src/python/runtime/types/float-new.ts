// float(x=0.0) and the two conversions behind it: PyNumber_Float (float(), keeps an exact float
// as the same object) and PyFloat_AsDouble (what math functions and complex() use).
import { bufferData } from "./bytes-text.js";
import type { PyObject } from "../object.js";
import { decref } from "../object.js";
import { rt } from "../state.js";
import type { PyType } from "../type.js";
import type { CallArgs } from "../slots.js";
import { splitArgs } from "../spec-helpers.js";
import { PyFloat, newFloat, FLOAT_OBJECT_SIZE } from "./float.js";
import { PyInt } from "./int.js";
import * as value from "./int-value.js";
import { PyStr } from "./str.js";
import { PyBytes } from "./bytes.js";
import { adoptSubtype } from "./instance.js";
import { allocateObject, subtypeObjectSize } from "../memory/object-memory.js";
import { parseFloatText, FormatError } from "../format/index.js";
import { typeError, overflowError, pyRaiseFromFormatError, Unsupported } from "../errors.js";
import { indexValue } from "../abstract/conversions.js";
import { reprText } from "../abstract/object-protocol.js";
import { numberFeatures } from "./number-features.js";
import { tooManyArgumentsExpected, noKeywordArguments } from "./number-args.js";

/** float(x=0.0) for `type` (float or a subclass). */
export function floatNew(type: PyType, args: CallArgs): PyObject {
  const { positional, keywords } = splitArgs(args);
  let argument: PyObject | undefined = positional[0];
  if (keywords.size > 0) {
    // 3.6 still accepted float(x=...).
    if (rt.profile.minor > 6 || positional.length > 0 || !keywords.has("x") || keywords.size > 1) throw noKeywordArguments("float");
    argument = keywords.get("x");
  }
  if (positional.length > 1) throw tooManyArgumentsExpected("float", 1, positional.length);
  const result = argument === undefined ? newFloat(0) : floatFromObject(argument);
  if (type === rt.types.float) return result;
  const instance = new PyFloat((result as PyFloat).value);
  decref(result);
  // The class's block: its GC header and the pointers it adds (freed so by floatDealloc).
  instance.type = type;
  allocateObject(instance, subtypeObjectSize(type, FLOAT_OBJECT_SIZE));
  instance.type = rt.types.float;
  adoptSubtype(instance, type);
  return instance;
}

function intAsDouble(integer: PyInt): number {
  const number = integer.value;
  if (typeof number === "number") return number;
  const converted = value.toDouble(number);
  if (converted === undefined) throw overflowError("int too large to convert to float");
  return converted;
}

/** The float a __float__ method returned, as a double (`result` is stolen). */
function floatResult(owner: PyObject, result: PyObject): number {
  if (result.type === rt.types.float) {
    const number = (result as PyFloat).value;
    decref(result);
    return number;
  }
  const isSubclass = result instanceof PyFloat;
  const name = result.type.name;
  decref(result);
  if (isSubclass) throw new Unsupported("the DeprecationWarning of __float__ returning a float subclass");
  throw typeError(`${owner.type.name}.__float__ returned non-float (type ${name})`);
}

function parseText(text: string, source: PyObject): number {
  try {
    return parseFloatText(text, rt.profile, () => reprText(source));
  } catch (error) {
    if (error instanceof FormatError) throw pyRaiseFromFormatError(error);
    throw error;
  }
}

/** Bytes as text for the parser: ASCII as is, other bytes as a character no rule accepts. */
function bytesText(bytes: Uint8Array): string {
  let text = "";
  for (const byte of bytes) text += byte < 0x80 ? String.fromCharCode(byte) : "\uffff";
  return text;
}

/** PyNumber_Float: float(x) for one argument. New reference; an exact float is returned itself. */
export function floatFromObject(argument: PyObject): PyObject {
  if (argument.type === rt.types.float) {
    argument.refcount++;
    return argument;
  }
  if (argument instanceof PyInt) return newFloat(intAsDouble(argument));
  const type = argument.type;
  if (type.float !== null) return newFloat(floatResult(argument, type.float(argument)));
  const features = numberFeatures(rt.profile);
  if (type.index !== null && features.intFallsBackToIndex) return newFloat(indexAsDouble(argument));
  if (argument instanceof PyFloat) return newFloat(argument.value);
  if (argument instanceof PyStr) return newFloat(parseText(argument.value, argument));
  const data = bufferData(argument);
  if (data !== null) return newFloat(parseText(bytesText(data), argument));
  throw typeError(`float() argument must be a string or a ${features.realNumberWording ? "real number" : "number"}, not '${type.name}'`);
}

function indexAsDouble(argument: PyObject): number {
  const integer = indexValue(argument);
  const converted = value.toDouble(value.normalize(integer));
  if (converted === undefined) throw overflowError("int too large to convert to float");
  return converted;
}

/** PyFloat_AsDouble: a real number as a double ("must be real number, not str" otherwise). */
export function convertToDouble(argument: PyObject): number {
  if (argument instanceof PyFloat) return argument.value;
  if (argument instanceof PyInt) return intAsDouble(argument);
  const type = argument.type;
  if (type.float !== null) return floatResult(argument, type.float(argument));
  if (type.index !== null && numberFeatures(rt.profile).intFallsBackToIndex) return indexAsDouble(argument);
  throw typeError(`must be real number, not ${type.name}`);
}
