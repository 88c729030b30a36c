// Argument parsing of str and bytes methods with CPython's calling conventions per version.
//
// Each method declares how CPython parses its arguments in each version (METH_NOARGS, METH_O,
// PyArg_ParseTuple under METH_VARARGS, Argument Clinic positional-only or with keywords), and
// this module raises the TypeError that convention raises, word for word. The methods are
// registered as "keywords" MethodDefs so that every check happens here, in CPython's order.
import type { PyObject } from "../object.js";
import { rt } from "../state.js";
import type { CallArgs } from "../slots.js";
import { typeError, overflowError, type PyRaise } from "../errors.js";
import { PyInt } from "./int.js";
import { PyFloat } from "./float.js";
import { toBig } from "./int-value.js";
import { decref } from "../object.js";
import { indexOrNull } from "../abstract/conversions.js";

export type Convention =
  /** METH_VARARGS | METH_KEYWORDS taking anything (str.format): the method reads the call itself. */
  | { readonly kind: "any" }
  /** METH_NOARGS. */
  | { readonly kind: "noargs" }
  /** METH_O. */
  | { readonly kind: "one" }
  /** METH_VARARGS parsed by PyArg_ParseTuple ("O|nn:find"). */
  | { readonly kind: "varargs"; readonly min: number; readonly max: number }
  /** Argument Clinic, positional-only parameters (_PyArg_CheckPositional, 3.7's UnpackStack). */
  | { readonly kind: "positional"; readonly min: number; readonly max: number }
  /**
   * Argument Clinic with keywords: `names` in order, the first `min` required, the first
   * `positionalOnly` not accepted by name.
   */
  | { readonly kind: "keywords"; readonly names: readonly string[]; readonly min: number; readonly positionalOnly?: number };

/** [first minor version, convention] entries in ascending order. */
export type ConventionHistory = readonly (readonly [number, Convention])[];

export interface Signature {
  /** The method's name ("split"). */
  readonly name: string;
  /** The owner type's name ("str"), used by 3.9+ in "str.split()". */
  readonly owner: string;
  readonly history: ConventionHistory;
}

function plural(count: number): string {
  return count === 1 ? "" : "s";
}

function conventionOf(signature: Signature): Convention {
  const minor = rt.profile.minor;
  const history = signature.history;
  let chosen = history[0]![1];
  for (let i = 1; i < history.length; i++) {
    const entry = history[i]!;
    if (entry[0] <= minor) chosen = entry[1];
  }
  return chosen;
}

/** The name CPython's method descriptors use in messages: "split" until 3.8, "str.split" after. */
export function qualifiedName(signature: Signature): string {
  return rt.profile.minor >= 9 ? `${signature.owner}.${signature.name}` : signature.name;
}

const NO_SLOTS: readonly (PyObject | undefined)[] = [];

/**
 * Checks `args` against the method's convention and returns one slot per parameter (positional
 * values first, keyword values placed by name; undefined when not given, and the array may end
 * before the parameters not given). Values are borrowed; the array must not be kept.
 */
export function parseArguments(signature: Signature, args: CallArgs): readonly (PyObject | undefined)[] {
  const convention = conventionOf(signature);
  const kwnames = args.kwnames;
  const keywordCount = kwnames === null ? 0 : kwnames.length;
  const values = args.values;
  const positionalCount = values.length - keywordCount;
  // Without keywords the positional values are the slots themselves: no copy on the common path.
  const positional = keywordCount === 0 ? values : values.slice(0, positionalCount);
  const name = signature.name;
  switch (convention.kind) {
    case "any":
      return NO_SLOTS;
    case "noargs":
      if (keywordCount > 0) throw typeError(`${qualifiedName(signature)}() takes no keyword arguments`);
      if (positionalCount !== 0) throw typeError(`${qualifiedName(signature)}() takes no arguments (${positionalCount} given)`);
      return NO_SLOTS;
    case "one":
      if (keywordCount > 0) throw typeError(`${qualifiedName(signature)}() takes no keyword arguments`);
      if (positionalCount !== 1) throw typeError(`${qualifiedName(signature)}() takes exactly one argument (${positionalCount} given)`);
      return positional;
    case "varargs": {
      if (keywordCount > 0) throw typeError(`${name}() takes no keyword arguments`);
      const { min, max } = convention;
      if (positionalCount < min || positionalCount > max) {
        const bound = positionalCount < min ? min : max;
        const how = min === max ? "exactly" : positionalCount < min ? "at least" : "at most";
        throw typeError(`${name}() takes ${how} ${bound} argument${plural(bound)} (${positionalCount} given)`);
      }
      return positional;
    }
    case "positional": {
      if (keywordCount > 0) throw typeError(`${qualifiedName(signature)}() takes no keyword arguments`);
      checkPositional(name, positionalCount, convention.min, convention.max);
      return positional;
    }
    case "keywords":
      if (keywordCount === 0) return parsePositionalForKeywords(name, convention, positional);
      return parseKeywords(name, convention, positional, kwnames!, values.slice(positionalCount));
  }
}

function checkPositional(name: string, count: number, min: number, max: number): void {
  if (count >= min && count <= max) return;
  const tooFew = count < min;
  const bound = tooFew ? min : max;
  const how = min === max ? "" : tooFew ? "at least " : "at most ";
  // 3.7's _PyArg_UnpackStack always said "arguments".
  const noun = rt.profile.minor <= 7 ? "arguments" : `argument${plural(bound)}`;
  throw typeError(`${name} expected ${how}${bound} ${noun}, got ${count}`);
}

type KeywordsConvention = { readonly names: readonly string[]; readonly min: number; readonly positionalOnly?: number };

/**
 * parseKeywords without keyword arguments, in the same order of checks: too many, too few
 * positional-only, then the first required parameter missing. The slots are `positional` itself.
 */
function parsePositionalForKeywords(name: string, convention: KeywordsConvention, positional: readonly PyObject[]): readonly PyObject[] {
  const count = positional.length;
  const positionalOnly = convention.positionalOnly ?? 0;
  if (count > convention.names.length) throw tooManyArguments(name, convention, count, count);
  if (count < positionalOnly) throw tooFewPositional(name, convention, count);
  if (count < convention.min) throw missingArgument(name, convention.names[count]!, count);
  return positional;
}

function tooManyArguments(name: string, convention: KeywordsConvention, positionalCount: number, total: number): PyRaise {
  const names = convention.names;
  const keyword = rt.profile.minor >= 7 && positionalCount === 0 ? "keyword " : "";
  return typeError(`${name}() takes at most ${names.length} ${keyword}argument${plural(names.length)} (${total} given)`);
}

function tooFewPositional(name: string, convention: KeywordsConvention, positionalCount: number): PyRaise {
  const minor = rt.profile.minor;
  const positionalOnly = convention.positionalOnly ?? 0;
  const how = positionalOnly < convention.names.length ? "at least" : "exactly";
  const given = `(${positionalCount} given)`;
  // 3.6 named no function here; 3.7 did not make the noun agree.
  if (minor <= 6) return typeError(`Function takes ${how} ${positionalOnly} positional arguments ${given}`);
  if (minor === 7) return typeError(`${name}() takes ${how} ${positionalOnly} positional arguments ${given}`);
  return typeError(`${name}() takes ${how} ${positionalOnly} positional argument${plural(positionalOnly)} ${given}`);
}

function missingArgument(name: string, parameter: string, index: number): PyRaise {
  return typeError(
    rt.profile.minor >= 7 ? `${name}() missing required argument '${parameter}' (pos ${index + 1})` : `Required argument '${parameter}' (pos ${index + 1}) not found`,
  );
}

function parseKeywords(
  name: string,
  convention: KeywordsConvention,
  positional: readonly PyObject[],
  kwnames: readonly string[],
  kwvalues: readonly PyObject[],
): (PyObject | undefined)[] {
  const minor = rt.profile.minor;
  const { names, min } = convention;
  const positionalOnly = convention.positionalOnly ?? 0;
  const total = positional.length + kwnames.length;
  if (total > names.length) throw tooManyArguments(name, convention, positional.length, total);
  if (positional.length < positionalOnly) throw tooFewPositional(name, convention, positional.length);
  const keywords = new Map<string, PyObject>();
  kwnames.forEach((keyword, index) => keywords.set(keyword, kwvalues[index]!));
  const values: (PyObject | undefined)[] = [];
  for (const [index, parameter] of names.entries()) {
    const byName = index >= positionalOnly ? keywords.get(parameter) : undefined;
    if (byName !== undefined) keywords.delete(parameter);
    if (index < positional.length) {
      if (byName !== undefined) {
        throw typeError(
          minor >= 7
            ? `argument for ${name}() given by name ('${parameter}') and position (${index + 1})`
            : `Argument given by name ('${parameter}') and position (${index + 1})`,
        );
      }
      values.push(positional[index]);
      continue;
    }
    if (byName === undefined && index < min) throw missingArgument(name, parameter, index);
    values.push(byName);
  }
  for (const keyword of keywords.keys()) {
    if (minor >= 13) throw typeError(`${name}() got an unexpected keyword argument '${keyword}'`);
    if (minor >= 7) throw typeError(`'${keyword}' is an invalid keyword argument for ${name}()`);
    throw typeError(`'${keyword}' is an invalid keyword argument for this function`);
  }
  return values;
}

const SSIZE_MAX = 2n ** 63n - 1n;
const SSIZE_MIN = -(2n ** 63n);
const INT_MAX = 2n ** 31n - 1n;
const INT_MIN = -(2n ** 31n);

/** The 'n' (Py_ssize_t) converter of PyArg_Parse and Argument Clinic. */
export function ssizeArgument(value: PyObject): number {
  if (value instanceof PyInt && typeof value.value === "number") return value.value;
  if (rt.profile.minor <= 9 && value instanceof PyFloat) throw typeError("integer argument expected, got float");
  const index = indexOrNull(value);
  if (index === null) throw typeError(`'${value.type.name}' object cannot be interpreted as an integer`);
  if (index > SSIZE_MAX || index < SSIZE_MIN) throw overflowError("Python int too large to convert to C ssize_t");
  return Number(index);
}

/** The 'i' (C int) converter: getargs' before 3.8, Clinic's _PyLong_AsInt after. */
export function intArgument(value: PyObject): number {
  const minor = rt.profile.minor;
  if (minor <= 9 && value instanceof PyFloat) throw typeError("integer argument expected, got float");
  let integer = indexOrNull(value);
  if (integer === null && minor <= 9 && value.type.int !== null) {
    const converted = value.type.int(value);
    try {
      if (converted instanceof PyInt) integer = toBig(converted.value);
    } finally {
      decref(converted);
    }
  }
  if (integer === null) {
    throw typeError(minor <= 9 ? `an integer is required (got type ${value.type.name})` : `'${value.type.name}' object cannot be interpreted as an integer`);
  }
  if (minor <= 7) {
    if (integer > SSIZE_MAX || integer < SSIZE_MIN) throw overflowError("Python int too large to convert to C long");
    if (integer > INT_MAX) throw overflowError("signed integer is greater than maximum");
    if (integer < INT_MIN) throw overflowError("signed integer is less than minimum");
  } else if (integer > INT_MAX || integer < INT_MIN) {
    throw overflowError("Python int too large to convert to C int");
  }
  return Number(integer);
}

/**
 * _PyEval_SliceIndex: None gives undefined; anything with __index__ is clamped to Py_ssize_t
 * (as a JS number: only compared with lengths afterwards).
 */
export function sliceIndexArgument(value: PyObject | undefined): number | undefined {
  if (value === undefined || value === rt.None) return undefined;
  if (value instanceof PyInt && typeof value.value === "number") return value.value;
  const index = indexOrNull(value);
  if (index === null) throw typeError("slice indices must be integers or None or have an __index__ method");
  if (index > SSIZE_MAX) return Number.MAX_SAFE_INTEGER;
  if (index < SSIZE_MIN) return Number.MIN_SAFE_INTEGER;
  return Number(index);
}

/**
 * CPython's ADJUST_INDICES: start/end of find-like methods, counted from the end when negative,
 * clamped to [0, length] at the low end and to length at the high end (start may pass length).
 */
export function adjustIndices(start: number | undefined, end: number | undefined, length: number): [number, number] {
  let first = start ?? 0;
  let last = end ?? length;
  if (last > length) last = length;
  else if (last < 0) {
    last += length;
    if (last < 0) last = 0;
  }
  if (first < 0) {
    first += length;
    if (first < 0) first = 0;
  }
  return [first, last];
}
