// math.log, log2 and log10 (loghelper): ints too large for a double are split as
// mantissa * 2**e (_PyLong_Frexp) and their log taken as log(mantissa) + e*log(2), so
// math.log(10**400) works; the two-argument log divides two such floats.
import type { PyObject } from "../runtime/object.js";
import { decref } from "../runtime/object.js";
import { rt } from "../runtime/state.js";
import type { CallArgs } from "../runtime/slots.js";
import type { MethodDef } from "../runtime/method-def.js";
import { BinaryOp } from "../runtime/type.js";
import { typeError } from "../runtime/errors.js";
import { PyInt } from "../runtime/types/int.js";
import { newFloat } from "../runtime/types/float.js";
import { toBig, toDouble, sign, bitLength } from "../runtime/types/int-value.js";
import { ratioToFloat } from "../runtime/format/ratio-to-float.js";
import { binaryOp } from "../runtime/abstract/number.js";
import { log, log2, log10 } from "../runtime/types/libm-exp-log.js";
import { checkPositionalCount, rejectKeywords } from "./arguments.js";
import { oneArgument, real, domainError } from "./math-args.js";

/** _PyLong_Frexp for a positive int: [x in [0.5, 1), e] with value ~= x * 2**e, rounded half-even. */
function integerFrexp(value: bigint): [number, number] {
  let exponent = bitLength(value);
  let fraction = ratioToFloat(value, 1n << BigInt(exponent));
  if (fraction === 1) {
    fraction = 0.5;
    exponent += 1;
  }
  return [fraction, exponent];
}

/** A C log function with math_1's domain rules (m_log, m_log2, m_log10 set EDOM at 0 and below). */
function checkedLog(func: (x: number) => number, x: number): number {
  const result = func(x);
  if (result !== result && x === x) throw domainError();
  if ((result === Infinity || result === -Infinity) && Number.isFinite(x)) throw domainError();
  return result;
}

/** loghelper(arg, func): a new float. */
function logOf(argument: PyObject, func: (x: number) => number): PyObject {
  if (argument instanceof PyInt) {
    if (sign(argument.value) <= 0) throw domainError();
    const converted = toDouble(argument.value);
    if (converted !== undefined) return newFloat(func(converted));
    const [fraction, exponent] = integerFrexp(toBig(argument.value));
    return newFloat(func(fraction) + func(2.0) * exponent);
  }
  return newFloat(checkedLog(func, real(argument)));
}

function logFunction(_self: PyObject, args: CallArgs): PyObject {
  rejectKeywords("log", args);
  const values = args.values;
  const minor = rt.profile.minor;
  // 3.7–3.11 parsed log's arguments by hand.
  if ((values.length < 1 || values.length > 2) && minor >= 7 && minor <= 11) throw typeError("math.log requires 1 to 2 arguments");
  checkPositionalCount("log", values.length, 1, 2);
  const numerator = logOf(values[0]!, log);
  if (values.length === 1) return numerator;
  try {
    const denominator = logOf(values[1]!, log);
    try {
      return binaryOp(numerator, denominator, BinaryOp.TrueDiv);
    } finally {
      decref(denominator);
    }
  } finally {
    decref(numerator);
  }
}

export function logFunctions(): MethodDef[] {
  return [
    { name: "log", kind: "keywords", impl: logFunction },
    oneArgument("log2", (argument) => logOf(argument, log2)),
    oneArgument("log10", (argument) => logOf(argument, log10)),
  ];
}
