// Argument errors of the number constructors and methods, worded as each CPython version's
// argument parser words them (getargs.c before Argument Clinic, then Clinic, then 3.13's
// "unexpected keyword argument ... Did you mean").
import { rt } from "../state.js";
import { typeError } from "../errors.js";
import type { PyRaise } from "../errors.js";
import type { PyObject } from "../object.js";
import { closestKeyword } from "../../modules/keyword-suggestions.js";

/** The keyword `keyword` is not a parameter of `functionName` (whose keywords are `allowed`). */
export function unexpectedKeyword(functionName: string, keyword: string, allowed: readonly string[]): PyRaise {
  const minor = rt.profile.minor;
  if (minor <= 6) return typeError(`'${keyword}' is an invalid keyword argument for this function`);
  if (minor <= 12) return typeError(`'${keyword}' is an invalid keyword argument for ${functionName}()`);
  const suggestion = closestKeyword(keyword, allowed);
  return typeError(`${functionName}() got an unexpected keyword argument '${keyword}'${suggestion === null ? "" : `. Did you mean '${suggestion}'?`}`);
}

/** `name(x)` style constructors given too many positional arguments (float, bool). */
export function tooManyArgumentsExpected(functionName: string, maximum: number, given: number): PyRaise {
  const minor = rt.profile.minor;
  if (minor <= 6) return typeError(`${functionName}() takes at most ${maximum} argument${maximum === 1 ? "" : "s"} (${given} given)`);
  // 3.7 always said "arguments".
  const noun = minor === 7 || maximum !== 1 ? "arguments" : "argument";
  return typeError(`${functionName} expected at most ${maximum} ${noun}, got ${given}`);
}

/** Constructors that took keywords before 3.7 refuse them from 3.7 (float, bool). */
export function noKeywordArguments(functionName: string): PyRaise {
  return typeError(`${functionName}() takes no keyword arguments`);
}

/** A parameter of a method bound by name or position. */
export interface Parameter {
  readonly name: string;
  /** Keyword-only (after `*`). */
  readonly keywordOnly?: boolean;
  /** The default is used when absent; required when there is none. */
  readonly optional?: boolean;
}

/**
 * Binds vectorcall arguments to `parameters` as Argument Clinic does, with its errors per
 * version: missing arguments, too many positional ones, unknown or duplicated keywords.
 * Values are borrowed; absent optional parameters are undefined.
 */
export function bindArguments(functionName: string, parameters: readonly Parameter[], args: { values: readonly PyObject[]; kwnames: readonly string[] | null }): (PyObject | undefined)[] {
  const kwnames = args.kwnames ?? [];
  const positionalCount = args.values.length - kwnames.length;
  const positionalParameters = parameters.filter((parameter) => parameter.keywordOnly !== true);
  const minor = rt.profile.minor;
  if (positionalCount > positionalParameters.length) {
    if (minor <= 6) throw typeError(`'${parameters[positionalParameters.length]?.name ?? ""}' is a keyword-only argument`);
    const required = positionalParameters.filter((parameter) => parameter.optional !== true).length;
    const exactly = minor >= 8 && required === positionalParameters.length;
    throw typeError(`${functionName}() takes ${exactly ? "exactly" : "at most"} ${positionalParameters.length} positional argument${positionalParameters.length === 1 ? "" : "s"} (${positionalCount} given)`);
  }
  const bound: (PyObject | undefined)[] = parameters.map((_, index) => (index < positionalCount ? args.values[index] : undefined));
  const names = parameters.map((parameter) => parameter.name);
  kwnames.forEach((keyword, offset) => {
    const index = names.indexOf(keyword);
    if (index < 0) throw unexpectedKeyword(functionName, keyword, names);
    if (bound[index] !== undefined) {
      throw typeError(minor <= 6 ? `Argument given by name ('${keyword}') and position (${index + 1})` : `argument for ${functionName}() given by name ('${keyword}') and position (${index + 1})`);
    }
    bound[index] = args.values[positionalCount + offset];
  });
  parameters.forEach((parameter, index) => {
    if (bound[index] === undefined && parameter.optional !== true) {
      throw typeError(minor <= 6 ? `Required argument '${parameter.name}' (pos ${index + 1}) not found` : `${functionName}() missing required argument '${parameter.name}' (pos ${index + 1})`);
    }
  });
  return bound;
}
