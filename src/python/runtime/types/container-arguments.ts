// Argument checking for container methods with CPython's per-version messages, and index conversions.
import type { PyObject } from "../object.js";
import { rt } from "../state.js";
import type { CallArgs } from "../slots.js";
import { typeError, indexError, overflowError } from "../errors.js";
import { PyInt } from "./int.js";
import { PyFloat } from "./float.js";
import { indexValue } from "../abstract/conversions.js";

/** Largest and smallest Py_ssize_t on 64-bit builds, as bigints. */
const SSIZE_MAX = 2n ** 63n - 1n;
const SSIZE_MIN = -(2n ** 63n);

function plural(count: number): string {
  return count === 1 ? "" : "s";
}

/**
 * The "range" of a count in messages: "exactly"/"at least"/"at most" words depend on which of
 * min/max the count missed.
 */
function bound(min: number, max: number, got: number): { words: string; count: number } {
  if (min === max) return { words: "", count: min };
  return got < min ? { words: "at least ", count: min } : { words: "at most ", count: max };
}

/**
 * PyArg_UnpackTuple / _PyArg_CheckPositional: "get expected at most 2 arguments, got 3".
 * Up to 3.7 the noun is always plural ("expected at most 1 arguments").
 */
export function expectedArgumentsMessage(name: string, min: number, max: number, got: number): string {
  const { words, count } = bound(min, max, got);
  const noun = rt.profile.minor <= 7 ? "arguments" : `argument${plural(count)}`;
  return `${name} expected ${words}${count} ${noun}, got ${got}`;
}

/** PyArg_ParseTuple's "insert() takes exactly 2 arguments (1 given)". */
export function takesArgumentsMessage(name: string, min: number, max: number, got: number): string {
  const words = min === max ? "exactly" : got < min ? "at least" : "at most";
  const count = got < min ? min : max;
  return `${name}() takes ${words} ${count} argument${plural(count)} (${got} given)`;
}

/** Positional count check of a method that was PyArg_ParseTuple up to 3.7 and clinic from 3.8. */
export function checkPositional(name: string, args: readonly PyObject[], min: number, max: number): void {
  const got = args.length;
  if (got >= min && got <= max) return;
  if (rt.profile.minor <= 7) throw typeError(takesArgumentsMessage(name, min, max, got));
  throw typeError(expectedArgumentsMessage(name, min, max, got));
}

/** Positional count check of a PyArg_UnpackTuple function (every version). */
export function checkUnpacked(name: string, args: readonly PyObject[], min: number, max: number): void {
  const got = args.length;
  if (got < min || got > max) throw typeError(expectedArgumentsMessage(name, min, max, got));
}

/** `list()`/`tuple()` argument checks: keyword and count errors as each version words them. */
export function checkConstructorArgs(name: string, args: CallArgs, max: number): readonly PyObject[] {
  const kwnames = args.kwnames ?? [];
  const positional = args.values.slice(0, args.values.length - kwnames.length);
  if (rt.profile.minor === 6) {
    // PyArg_ParseTupleAndKeywords("|O:list"): counts keywords, and knows no keyword names.
    if (args.values.length > max) throw typeError(`${name}() takes at most ${max} argument${plural(max)} (${args.values.length} given)`);
    if (kwnames.length > 0) throw typeError(`'${kwnames[0]}' is an invalid keyword argument for this function`);
    return positional;
  }
  if (kwnames.length > 0) throw typeError(`${name}() takes no keyword arguments`);
  if (positional.length > max) throw typeError(expectedArgumentsMessage(name, 0, max, positional.length));
  return positional;
}

/** `_PyArg_NoKeywords`: "set() does not take keyword arguments" up to 3.6, "takes no" after. */
export function checkNoKeywords(name: string, args: CallArgs): void {
  if (args.kwnames === null || args.kwnames.length === 0) return;
  throw typeError(rt.profile.minor === 6 ? `${name}() does not take keyword arguments` : `${name}() takes no keyword arguments`);
}

/** An unexpected keyword of a clinic function: worded per version. */
export function unexpectedKeyword(functionName: string, keyword: string): never {
  if (rt.profile.minor === 6) throw typeError(`'${keyword}' is an invalid keyword argument for this function`);
  if (rt.profile.minor >= 13) throw typeError(`${functionName}() got an unexpected keyword argument '${keyword}'`);
  throw typeError(`'${keyword}' is an invalid keyword argument for ${functionName}()`);
}

/** The value of an int-like object as a bigint (operator.index). */
function indexBig(value: PyObject): bigint {
  if (value instanceof PyInt) return typeof value.value === "number" ? BigInt(value.value) : (value.value as bigint);
  return indexValue(value);
}

/**
 * PyNumber_AsSsize_t(value, IndexError) for subscripts: an int that does not fit a Py_ssize_t
 * is "cannot fit 'int' into an index-sized integer".
 */
export function subscriptIndex(value: PyObject): number {
  if (value instanceof PyInt && typeof value.value === "number") return value.value;
  const big = indexBig(value);
  if (big > SSIZE_MAX || big < SSIZE_MIN) throw indexError(`cannot fit '${value.type.name}' into an index-sized integer`);
  return Number(big);
}

/** PyNumber_AsSsize_t(value, OverflowError): repeat counts (`[1] * n`). */
export function repeatCount(value: PyObject): number {
  if (value instanceof PyInt && typeof value.value === "number") return value.value;
  const big = indexBig(value);
  if (big > SSIZE_MAX || big < SSIZE_MIN) throw overflowError(`cannot fit '${value.type.name}' into an index-sized integer`);
  return Number(big);
}

/**
 * A clinic `Py_ssize_t` argument (list.pop, list.insert): OverflowError past 64 bits; floats
 * were "integer argument expected, got float" until 3.9.
 */
export function ssizeArgument(value: PyObject): number {
  if (value instanceof PyInt && typeof value.value === "number") return value.value;
  if (value instanceof PyFloat && rt.profile.minor <= 9) throw typeError("integer argument expected, got float");
  const big = indexBig(value);
  if (big > SSIZE_MAX || big < SSIZE_MIN) throw overflowError("Python int too large to convert to C ssize_t");
  return Number(big);
}

/**
 * `_PyEval_SliceIndexNotNone` (list.index/tuple.index start and stop): huge values clamp to
 * the Py_ssize_t range.
 */
export function sliceIndexArgument(value: PyObject): number {
  if (value instanceof PyInt && typeof value.value === "number") return value.value;
  if (value.type.index === null) throw typeError("slice indices must be integers or have an __index__ method");
  const big = indexBig(value);
  if (big > SSIZE_MAX) return Number(SSIZE_MAX);
  if (big < SSIZE_MIN) return Number(SSIZE_MIN);
  return Number(big);
}

/**
 * A C `int` flag argument parsed with "i" (3.6–3.9: PyLong_AsLong messages), `_PyLong_AsInt`
 * (3.10/3.11), or the bool converter (3.12+, any object's truth).
 */
export function intFlagArgument(value: PyObject, truth: (value: PyObject) => boolean): boolean {
  const minor = rt.profile.minor;
  if (minor >= 12) return truth(value);
  if (value instanceof PyInt) return typeof value.value === "number" ? value.value !== 0 : value.value !== 0n;
  if (minor <= 9) {
    if (value instanceof PyFloat) throw typeError("integer argument expected, got float");
    if (value.type.index === null && value.type.int === null) throw typeError(`an integer is required (got type ${value.type.name})`);
  }
  return indexBig(value) !== 0n;
}

/** "'float' object cannot be interpreted as an integer" style errors for non-index values. */
export function requireIndex(value: PyObject): void {
  if (value.type.index === null && !(value instanceof PyInt)) throw typeError(`'${value.type.name}' object cannot be interpreted as an integer`);
}

