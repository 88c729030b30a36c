// Calling conventions and errors shared by the math module's functions: METH_O arity messages
// ("math.sqrt() takes exactly one argument" from 3.9), real-number arguments (PyFloat_AsDouble)
// and the module's "math domain error" / "math range error".
import type { PyObject } from "../runtime/object.js";
import { rt } from "../runtime/state.js";
import type { CallArgs } from "../runtime/slots.js";
import type { MethodDef } from "../runtime/method-def.js";
import { typeError, valueError, overflowError, type PyRaise } from "../runtime/errors.js";
import { newFloat } from "../runtime/types/float.js";
import { convertToDouble } from "../runtime/types/float-spec.js";
import { numberFeatures } from "../runtime/types/number-features.js";
import { checkPositionalCount, rejectKeywords } from "./arguments.js";

export function domainError(): PyRaise {
  return valueError("math domain error");
}

export function rangeError(): PyRaise {
  return overflowError("math range error");
}

/** How a METH_O function names itself in arity errors: "math.sqrt" from 3.9, "sqrt" before. */
function methOName(name: string): string {
  return numberFeatures(rt.profile).qualifiedMathArityErrors ? `math.${name}` : name;
}

/** A METH_O function: exactly one positional argument, no keywords. */
export function oneArgument(name: string, impl: (argument: PyObject) => PyObject): MethodDef {
  return {
    name,
    kind: "keywords",
    impl: (_self, args) => {
      if (args.kwnames !== null && args.kwnames.length > 0) throw typeError(`${methOName(name)}() takes no keyword arguments`);
      if (args.values.length !== 1) throw typeError(`${methOName(name)}() takes exactly one argument (${args.values.length} given)`);
      return impl(args.values[0]!);
    },
  };
}

/** How a fixed-arity function words a wrong argument count in one version. */
export type ArityStyle = "unpack" | "takes-exactly";

/** "atan2 expected 2 arguments, got 1" (PyArg_UnpackTuple, Clinic) or "pow() takes exactly 2 arguments (1 given)". */
export function checkArity(name: string, args: CallArgs, count: number, style: ArityStyle): readonly PyObject[] {
  rejectKeywords(name, args);
  const given = args.values.length;
  if (style === "takes-exactly") {
    if (given !== count) throw typeError(`${name}() takes exactly ${count} arguments (${given} given)`);
  } else {
    checkPositionalCount(name, given, count, count);
  }
  return args.values;
}

/** A function of fixed arity whose arity message may differ by version. */
export function fixedArity(name: string, count: number, style: () => ArityStyle, impl: (values: readonly PyObject[]) => PyObject): MethodDef {
  return { name, kind: "keywords", impl: (_self, args) => impl(checkArity(name, args, count, style())) };
}

/** PyFloat_AsDouble of an argument. */
export function real(argument: PyObject): number {
  return convertToDouble(argument);
}

/**
 * math_1: x -> f(x) with the module's error rules: a NaN from a non-NaN is a domain error; an
 * infinity from a finite x is a range error when the function can overflow, else a domain error.
 */
export function realFunction(name: string, func: (x: number) => number, canOverflow: boolean): MethodDef {
  return oneArgument(name, (argument) => {
    const x = real(argument);
    const result = func(x);
    if (result !== result && x === x) throw domainError();
    if ((result === Infinity || result === -Infinity) && Number.isFinite(x)) throw canOverflow ? rangeError() : domainError();
    return newFloat(result);
  });
}

/** math_2: (x, y) -> f(x, y) with its NaN/infinity error rules. */
export function checkedTwo(x: number, y: number, result: number): number {
  if (result !== result) {
    if (x === x && y === y) throw domainError();
  } else if (result === Infinity || result === -Infinity) {
    if (Number.isFinite(x) && Number.isFinite(y)) throw rangeError();
  }
  return result;
}
