// Argument checking of C-level functions with CPython's exact error wording, per version.
//
// CPython words argument errors differently depending on how a function parses its arguments
// (PyArg_UnpackTuple, Argument Clinic's _PyArg_UnpackKeywords, METH_O) and on the version; the
// wording is collected here so every module function says what the real one says.
import type { PyObject } from "../runtime/object.js";
import { rt } from "../runtime/state.js";
import type { CallArgs } from "../runtime/slots.js";
import { typeError, overflowError, Unsupported, type PyRaise } from "../runtime/errors.js";
import { PyInt } from "../runtime/types/int.js";
import { toBig } from "../runtime/types/int-value.js";
import { indexValue } from "../runtime/abstract/conversions.js";
import { closestKeyword } from "./keyword-suggestions.js";

function plural(count: number): string {
  return count === 1 ? "" : "s";
}

/** "argument" vs "arguments" in PyArg_UnpackTuple messages: always plural before 3.8. */
function unpackPlural(count: number): string {
  return rt.profile.minor < 8 ? "s" : plural(count);
}

/**
 * A keyword the function does not accept. From 3.13 the message suggests the closest of
 * `accepted` (getargs.c), when one is close enough.
 */
export function invalidKeyword(functionName: string, keyword: string, accepted: readonly string[] = []): PyRaise {
  const minor = rt.profile.minor;
  if (minor < 7) return typeError(`'${keyword}' is an invalid keyword argument for this function`);
  if (minor < 13) return typeError(`'${keyword}' is an invalid keyword argument for ${functionName}()`);
  const suggestion = closestKeyword(keyword, accepted);
  const hint = suggestion === null ? "" : `. Did you mean '${suggestion}'?`;
  return typeError(`${functionName}() got an unexpected keyword argument '${keyword}'${hint}`);
}

/** `name() takes no keyword arguments` (functions parsed with PyArg_UnpackTuple). */
export function noKeywords(functionName: string): PyRaise {
  return typeError(`${functionName}() takes no keyword arguments`);
}

/** Rejects keywords for a positional-only function. */
export function rejectKeywords(functionName: string, args: CallArgs): void {
  if (args.kwnames !== null && args.kwnames.length > 0) throw noKeywords(functionName);
}

/**
 * PyArg_UnpackTuple / _PyArg_CheckPositional: "name expected at least 1 argument, got 0".
 * `name` is bare (no parentheses), as CPython prints it.
 */
export function checkPositionalCount(name: string, count: number, min: number, max: number): void {
  if (count < min) {
    throw typeError(`${name} expected ${min === max ? "" : "at least "}${min} argument${unpackPlural(min)}, got ${count}`);
  }
  if (count > max) {
    throw typeError(`${name} expected ${min === max ? "" : "at most "}${max} argument${unpackPlural(max)}, got ${count}`);
  }
}

/** Positional arguments and keywords of one call, keywords by name in call order. */
export interface SplitArguments {
  readonly positional: readonly PyObject[];
  readonly keywords: ReadonlyMap<string, PyObject>;
}

export function splitArguments(args: CallArgs): SplitArguments {
  const kwnames = args.kwnames;
  if (kwnames === null || kwnames.length === 0) return { positional: args.values, keywords: new Map() };
  const count = args.values.length - kwnames.length;
  const keywords = new Map<string, PyObject>();
  kwnames.forEach((name, index) => keywords.set(name, args.values[count + index]!));
  return { positional: args.values.slice(0, count), keywords };
}

/** Checks that only `allowed` keywords were given (keywords-only parsing, e.g. print, min). */
export function checkKeywords(functionName: string, keywords: ReadonlyMap<string, PyObject>, allowed: readonly string[]): void {
  for (const keyword of keywords.keys()) if (!allowed.includes(keyword)) throw invalidKeyword(functionName, keyword, allowed);
}

/** The parameters of an Argument Clinic function. */
export interface ClinicSignature {
  /** Name in messages, without parentheses. */
  readonly name: string;
  /** Positional parameters in order (positional-only ones first). */
  readonly parameters: readonly string[];
  /** How many leading parameters are positional-only (before `/`). */
  readonly positionalOnly: number;
  /** How many leading parameters are required. */
  readonly required: number;
  /** Keyword-only parameters (after `*`), all optional. */
  readonly keywordOnly?: readonly string[];
}

/**
 * _PyArg_UnpackKeywords: the value of every parameter (positional ones then keyword-only ones),
 * undefined when not given. Values are borrowed from `args`.
 */
export function parseClinic(args: CallArgs, signature: ClinicSignature): (PyObject | undefined)[] {
  const { positional, keywords } = splitArguments(args);
  const keywordOnly = signature.keywordOnly ?? [];
  const parameters = [...signature.parameters, ...keywordOnly];
  const maxPositional = signature.parameters.length;
  const maxArguments = parameters.length;
  const name = signature.name;
  const given = positional.length + keywords.size;
  const legacy = rt.profile.minor < 7;
  if (given > maxArguments) {
    const keywordWord = positional.length === 0 && !legacy ? "keyword " : "";
    throw typeError(`${name}() takes at most ${maxArguments} ${keywordWord}argument${plural(maxArguments)} (${given} given)`);
  }
  if (positional.length > maxPositional) {
    if (maxPositional === 0) throw typeError(`${name}() takes no positional arguments`);
    const bound = signature.required < maxPositional ? "at most" : "exactly";
    throw typeError(`${name}() takes ${bound} ${maxPositional} positional argument${plural(maxPositional)} (${positional.length} given)`);
  }
  const requiredPositionalOnly = Math.min(signature.positionalOnly, signature.required);
  if (positional.length < requiredPositionalOnly) {
    const bound = requiredPositionalOnly < maxPositional ? "at least" : "exactly";
    throw typeError(`${name}() takes ${bound} ${requiredPositionalOnly} positional argument${plural(requiredPositionalOnly)} (${positional.length} given)`);
  }
  const values: (PyObject | undefined)[] = parameters.map((_parameter, index) => positional[index]);
  let unused = keywords.size;
  for (let index = Math.max(positional.length, signature.positionalOnly); index < maxArguments; index++) {
    const value = keywords.get(parameters[index]!);
    if (value !== undefined) {
      values[index] = value;
      unused--;
    } else if (index < signature.required) {
      if (legacy) throw typeError(`Required argument '${parameters[index]}' (pos ${index + 1}) not found`);
      throw typeError(`${name}() missing required argument '${parameters[index]}' (pos ${index + 1})`);
    }
  }
  if (unused > 0) {
    for (const keyword of keywords.keys()) {
      const index = parameters.indexOf(keyword);
      if (index < 0) throw invalidKeyword(name, keyword, parameters.slice(signature.positionalOnly));
      if (index < signature.positionalOnly) {
        if (rt.profile.minor < 8) throw invalidKeyword(name, keyword);
        throw typeError(`${name}() got some positional-only arguments passed as keyword arguments: '${keyword}'`);
      }
      if (index < positional.length) {
        if (legacy) throw typeError(`Argument given by name ('${keyword}') and position (${index + 1})`);
        throw typeError(`argument for ${name}() given by name ('${keyword}') and position (${index + 1})`);
      }
    }
  }
  return values;
}

/** _PyArg_BadArgument: "name() argument 2 must be str, not int" (the number only with several). */
export function badArgument(functionName: string, position: number | string | null, expected: string, actual: PyObject): PyRaise {
  const which = position === null ? "argument" : typeof position === "number" ? `argument ${position}` : `argument '${position}'`;
  return typeError(`${functionName}() ${which} must be ${expected}, not ${actual.type.name === "NoneType" ? "None" : actual.type.name}`);
}

/**
 * The TypeError of converting a non-integer to a C integer ("i"/"l"/"n" formats):
 * ≤3.9 "an integer is required (got type str)" / "integer argument expected, got float",
 * 3.10+ "'str' object cannot be interpreted as an integer".
 */
export function notAnInteger(value: PyObject): PyRaise {
  if (rt.profile.minor >= 10) return typeError(`'${value.type.name}' object cannot be interpreted as an integer`);
  if (value.type.isSubtypeOf(rt.types.float)) return typeError("integer argument expected, got float");
  return typeError(`an integer is required (got type ${value.type.name})`);
}

const INT_MAX = 2n ** 31n - 1n;
const INT_MIN = -(2n ** 31n);
const LONG_MAX = 2n ** 63n - 1n;
const LONG_MIN = -(2n ** 63n);

/**
 * An argument parsed with the "i" format (a C int), with each version's errors: floats refused
 * ("integer argument expected, got float" until 3.9), __index__ honoured, and overflow worded
 * "signed integer is greater than maximum" (≤3.7, within a C long) or "Python int too large to
 * convert to C int/long".
 */
export function cIntArgument(value: PyObject): bigint {
  const minor = rt.profile.minor;
  if (!(value instanceof PyInt)) {
    if (minor < 10 && value.type.isSubtypeOf(rt.types.float)) throw typeError("integer argument expected, got float");
    // ≤3.7 PyLong_AsLong converted through __int__ (nb_int), not __index__.
    if (minor < 8) return checkCIntRange(intThroughNbInt(value), minor);
    // 3.8–3.9 still fell back to __int__, with a DeprecationWarning the simulator cannot show.
    if (value.type.index === null && value.type.int !== null && minor < 10) throw new Unsupported("the DeprecationWarning of an implicit __int__ conversion");
    if (value.type.index === null) throw notAnInteger(value);
  }
  const number = value instanceof PyInt ? toBig(value.value) : indexValue(value);
  return checkCIntRange(number, minor);
}

/** `int(value)` through its nb_int slot, as PyLong_AsLong did before 3.8. */
function intThroughNbInt(value: PyObject): bigint {
  const slot = value.type.int;
  if (slot === null) throw notAnInteger(value);
  const result = slot(value);
  try {
    if (!(result instanceof PyInt)) throw typeError(`__int__ returned non-int (type ${result.type.name})`);
    return toBig(result.value);
  } finally {
    if (--result.refcount === 0) result.type.dealloc(result);
  }
}

function checkCIntRange(number: bigint, minor: number): bigint {
  if (number <= INT_MAX && number >= INT_MIN) return number;
  if (minor < 8 && number <= LONG_MAX && number >= LONG_MIN) {
    throw overflowError(number > 0n ? "signed integer is greater than maximum" : "signed integer is less than minimum");
  }
  throw overflowError(minor < 8 ? "Python int too large to convert to C long" : "Python int too large to convert to C int");
}
