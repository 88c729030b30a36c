// The math module's functions of real numbers: math_1 wrappers over the simulator's libm,
// the two-argument ones (atan2, copysign, fmod, pow, remainder, ...), floor/ceil/trunc, frexp,
// ldexp, modf and the classification and closeness predicates.
import type { PyObject } from "../runtime/object.js";
import { rt } from "../runtime/state.js";
import type { MethodDef } from "../runtime/method-def.js";
import { typeError, valueError } from "../runtime/errors.js";
import { PyFloat, newFloat } from "../runtime/types/float.js";
import { PyInt, newInt } from "../runtime/types/int.js";
import { newTupleStealing } from "../runtime/types/tuple.js";
import { newBool } from "../runtime/values.js";
import { toBig } from "../runtime/types/int-value.js";
import { floatToInt, intFromIntegralDouble } from "../runtime/types/int-new.js";
import { lookupSpecial, callSpecial } from "../runtime/slot-table.js";
import { indexValue } from "../runtime/abstract/conversions.js";
import { numberFeatures } from "../runtime/types/number-features.js";
import { signBit } from "../runtime/format/float-bits.js";
import * as expLog from "../runtime/types/libm-exp-log.js";
import * as trig from "../runtime/types/libm-trig.js";
import * as inverse from "../runtime/types/libm-inverse-trig.js";
import * as fdlibm from "../runtime/types/libm-fdlibm.js";
import * as misc from "../runtime/types/libm-misc.js";
import { hypot as cHypot } from "../runtime/types/libm-hypot.js";
import { parseClinic } from "./arguments.js";
import { oneArgument, fixedArity, realFunction, real, checkedTwo, domainError, rangeError, type ArityStyle } from "./math-args.js";

const RADIANS_TO_DEGREES = 180.0 / Math.PI;
const DEGREES_TO_RADIANS = Math.PI / 180.0;

/** math.floor / math.ceil: exact floats directly, else __floor__/__ceil__, else the float value. */
function rounding(name: "floor" | "ceil", round: (x: number) => number): MethodDef {
  return oneArgument(name, (argument) => {
    if (argument.type !== rt.types.float) {
      const method = lookupSpecial(argument, `__${name}__`);
      if (method !== null) return callSpecial(argument, method, []);
    }
    return intFromIntegralDouble(round(real(argument)));
  });
}

function trunc(argument: PyObject): PyObject {
  if (argument.type === rt.types.float) return newInt(floatToInt(Math.trunc((argument as PyFloat).value)));
  const method = lookupSpecial(argument, "__trunc__");
  if (method === null) throw typeError(`type ${argument.type.name} doesn't define __trunc__ method`);
  return callSpecial(argument, method, []);
}

function copysign(x: number, y: number): number {
  return signBit(x) === signBit(y) ? x : -x;
}

/** math.pow: IEEE special values handled directly, finite ones by libm, as math_pow_impl. */
function power(x: number, y: number): number {
  if (!Number.isFinite(x) || !Number.isFinite(y)) {
    if (x !== x) return y === 0 ? 1 : x;
    if (y !== y) return x === 1 ? 1 : y;
    if (!Number.isFinite(x)) {
      const odd = Number.isFinite(y) && Math.abs(y) % 2 === 1;
      if (y > 0) return odd ? x : Math.abs(x);
      if (y === 0) return 1;
      return odd ? copysign(0, x) : 0;
    }
    if (Math.abs(x) === 1) return 1;
    if (y > 0 && Math.abs(x) > 1) return y;
    if (y < 0 && Math.abs(x) < 1) {
      if (x === 0 && numberFeatures(rt.profile).mathZeroToNegativeInfinityFails) throw domainError();
      return -y;
    }
    return 0;
  }
  const result = misc.cPow(x, y);
  if (result !== result) throw domainError();
  if (result === Infinity || result === -Infinity) throw x === 0 ? domainError() : rangeError();
  return result;
}

function fmod(x: number, y: number): number {
  // fmod(x, inf) is x for finite x (some libms got it wrong; CPython special-cases it).
  if ((y === Infinity || y === -Infinity) && Number.isFinite(x)) return x;
  const result = misc.fmod(x, y);
  if (result !== result && x === x && y === y) throw domainError();
  return result;
}

/** ldexp(x, i): i must be an int; huge exponents saturate as PyLong_AsLongAndOverflow does. */
function ldexp(values: readonly PyObject[]): PyObject {
  const x = real(values[0]!);
  const exponentObject = values[1]!;
  if (!(exponentObject instanceof PyInt)) throw typeError("Expected an int as second argument to ldexp.");
  const exponent = toBig(exponentObject.value);
  let result: number;
  if (x === 0 || !Number.isFinite(x)) result = x;
  else if (exponent > 2147483647n) throw rangeError();
  else if (exponent < -2147483648n) result = copysign(0, x);
  else {
    result = misc.ldexp(x, Number(exponent));
    if (!Number.isFinite(result)) throw rangeError();
  }
  return newFloat(result);
}

function frexp(argument: PyObject): PyObject {
  const [fraction, exponent] = misc.frexp(real(argument));
  return newTupleStealing([newFloat(fraction), newInt(exponent)]);
}

function modf(argument: PyObject): PyObject {
  const x = real(argument);
  if (x !== x) return newTupleStealing([newFloat(x), newFloat(x)]);
  if (!Number.isFinite(x)) return newTupleStealing([newFloat(copysign(0, x)), newFloat(x)]);
  const whole = Math.trunc(x);
  return newTupleStealing([newFloat(copysign(x - whole, x)), newFloat(copysign(whole, x))]);
}

function isclose(_self: PyObject, args: { values: readonly PyObject[]; kwnames: readonly string[] | null }): PyObject {
  const minor = rt.profile.minor;
  const positionalCount = args.values.length - (args.kwnames?.length ?? 0);
  if (positionalCount > 2 && minor <= 7) {
    throw typeError(minor <= 6 ? `Function takes at most 2 positional arguments (${positionalCount} given)` : `isclose() takes at most 2 positional arguments (${positionalCount} given)`);
  }
  const [aObject, bObject, relObject, absObject] = parseClinic(args, { name: "isclose", parameters: ["a", "b"], positionalOnly: 0, required: 2, keywordOnly: ["rel_tol", "abs_tol"] });
  const a = real(aObject!);
  const b = real(bObject!);
  const relativeTolerance = relObject === undefined ? 1e-9 : real(relObject);
  const absoluteTolerance = absObject === undefined ? 0 : real(absObject);
  if (relativeTolerance < 0 || absoluteTolerance < 0) throw valueError("tolerances must be non-negative");
  if (a === b) return newBool(true);
  if (!Number.isFinite(a) && a === a) return newBool(false);
  if (!Number.isFinite(b) && b === b) return newBool(false);
  const difference = Math.abs(b - a);
  return newBool(difference <= Math.abs(relativeTolerance * b) || difference <= Math.abs(relativeTolerance * a) || difference <= absoluteTolerance);
}

function nextafter(_self: PyObject, args: { values: readonly PyObject[]; kwnames: readonly string[] | null }): PyObject {
  const withSteps = numberFeatures(rt.profile).math312;
  if (!withSteps) {
    const values = args.values;
    if (args.kwnames !== null && args.kwnames.length > 0) throw typeError("nextafter() takes no keyword arguments");
    if (values.length !== 2) throw typeError(`nextafter expected 2 arguments, got ${values.length}`);
    return newFloat(misc.nextAfter(real(values[0]!), real(values[1]!)));
  }
  const [xObject, yObject, stepsObject] = parseClinic(args, { name: "nextafter", parameters: ["x", "y"], positionalOnly: 2, required: 2, keywordOnly: ["steps"] });
  const x = real(xObject!);
  const y = real(yObject!);
  if (stepsObject === undefined || stepsObject === rt.None) return newFloat(misc.nextAfter(x, y));
  const steps = indexValue(stepsObject);
  if (steps < 0n) throw valueError("steps must be a non-negative integer");
  return newFloat(misc.nextAfterSteps(x, y, steps));
}

function ulp(argument: PyObject): PyObject {
  const x = real(argument);
  if (x !== x) return newFloat(x);
  const magnitude = Math.abs(x);
  if (magnitude === Infinity) return newFloat(magnitude);
  const next = misc.nextAfter(magnitude, Infinity);
  if (next === Infinity) return newFloat(magnitude - misc.nextAfter(magnitude, -Infinity));
  return newFloat(next - magnitude);
}

function fma(values: readonly PyObject[]): PyObject {
  const [x, y, z] = values.map(real) as [number, number, number];
  const result = misc.fusedMultiplyAdd(x, y, z);
  if (Number.isFinite(result)) return newFloat(result);
  if (result !== result) {
    if (x === x && y === y && z === z) throw valueError("invalid operation in fma");
  } else if (Number.isFinite(x) && Number.isFinite(y) && Number.isFinite(z)) {
    throw rangeError();
  }
  return newFloat(result);
}

function two(name: string, func: (x: number, y: number) => number): MethodDef {
  return fixedArity(name, 2, () => "unpack", (values) => {
    const x = real(values[0]!);
    const y = real(values[1]!);
    return newFloat(checkedTwo(x, y, func(x, y)));
  });
}

/** pow and fmod: "takes exactly 2 arguments" in 3.7 only. */
const powStyle = (): ArityStyle => (rt.profile.minor === 7 ? "takes-exactly" : "unpack");

/** 3.6–3.7 hypot took exactly two arguments and called libm's hypot. */
function twoArgumentHypot(values: readonly PyObject[]): PyObject {
  const x = real(values[0]!);
  const y = real(values[1]!);
  if (!Number.isFinite(x) && x === x) return newFloat(Math.abs(x));
  if (!Number.isFinite(y) && y === y) return newFloat(Math.abs(y));
  return newFloat(checkedTwo(x, y, cHypot(x, y)));
}

/** The real-number functions present in the profile's version. */
export function realFunctions(): MethodDef[] {
  const features = numberFeatures(rt.profile);
  const functions: MethodDef[] = [
    realFunction("acos", inverse.acos, false),
    realFunction("acosh", fdlibm.acosh, false),
    realFunction("asin", inverse.asin, false),
    realFunction("asinh", fdlibm.asinh, false),
    realFunction("atan", inverse.atan, false),
    two("atan2", inverse.atan2),
    realFunction("atanh", fdlibm.atanh, false),
    rounding("ceil", Math.ceil),
    two("copysign", copysign),
    realFunction("cos", trig.cos, false),
    realFunction("cosh", fdlibm.cosh, true),
    oneArgument("degrees", (argument) => newFloat(real(argument) * RADIANS_TO_DEGREES)),
    realFunction("exp", expLog.exp, true),
    realFunction("expm1", fdlibm.expm1, true),
    realFunction("fabs", Math.abs, false),
    rounding("floor", Math.floor),
    fixedArity("fmod", 2, powStyle, (values) => newFloat(fmod(real(values[0]!), real(values[1]!)))),
    oneArgument("frexp", frexp),
    { name: "isclose", kind: "keywords", impl: isclose },
    oneArgument("isfinite", (argument) => newBool(Number.isFinite(real(argument)))),
    oneArgument("isinf", (argument) => {
      const x = real(argument);
      return newBool(x === Infinity || x === -Infinity);
    }),
    oneArgument("isnan", (argument) => {
      const x = real(argument);
      return newBool(x !== x);
    }),
    fixedArity("ldexp", 2, () => (rt.profile.minor <= 7 ? "takes-exactly" : "unpack"), ldexp),
    realFunction("log1p", (x) => (x === 0 ? x : fdlibm.log1p(x)), false),
    oneArgument("modf", modf),
    fixedArity("pow", 2, powStyle, (values) => newFloat(power(real(values[0]!), real(values[1]!)))),
    oneArgument("radians", (argument) => newFloat(real(argument) * DEGREES_TO_RADIANS)),
    realFunction("sin", trig.sin, false),
    realFunction("sinh", fdlibm.sinh, true),
    realFunction("sqrt", Math.sqrt, false),
    realFunction("tan", trig.tan, false),
    realFunction("tanh", fdlibm.tanh, false),
    oneArgument("trunc", trunc),
  ];
  if (!features.math38) functions.push(fixedArity("hypot", 2, () => (rt.profile.minor === 7 ? "takes-exactly" : "unpack"), twoArgumentHypot));
  if (features.mathRemainder) functions.push(two("remainder", misc.remainder));
  if (features.math39) functions.push({ name: "nextafter", kind: "keywords", impl: nextafter }, oneArgument("ulp", ulp));
  if (features.math311) functions.push(realFunction("cbrt", misc.cbrt, false), realFunction("exp2", expLog.exp2, true));
  if (features.math313) functions.push(fixedArity("fma", 3, () => "unpack", fma));
  return functions;
}

