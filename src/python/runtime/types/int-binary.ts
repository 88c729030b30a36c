// int's binary slots (nb_add … nb_or): exact arithmetic on arbitrary-precision values, with
// CPython's errors and their wording per version. Operands are borrowed; results are new.
import type { PyObject } from "../object.js";
import { rt } from "../state.js";
import { BinaryOp } from "../type.js";
import { PyInt, newInt } from "./int.js";
import * as value from "./int-value.js";
import { newFloat } from "./float.js";
import { newNotImplemented } from "../values.js";
import { intTrueDiv, intPow, intZeroDivisionMessage, FormatError, isComplexPowResult } from "../format/index.js";
import { zeroDivisionError, valueError, overflowError, pyRaiseFromFormatError } from "../errors.js";
import { checkIntBits } from "./int-limits.js";
import { numberFeatures } from "./number-features.js";
import { newIntSum, newIntRemainder } from "./int-result-identity.js";

type IntOperation = (a: value.IntValue, b: value.IntValue) => PyObject;

/** Wraps an operation on two int values: NotImplemented unless both operands are ints. */
function intBinary(operation: IntOperation): (a: PyObject, b: PyObject) => PyObject {
  return (a, b) => {
    if (!(a instanceof PyInt) || !(b instanceof PyInt)) return newNotImplemented();
    return operation(a.value, b.value);
  };
}

function kernel<T>(run: () => T): T {
  try {
    return run();
  } catch (error) {
    if (error instanceof FormatError) throw pyRaiseFromFormatError(error);
    throw error;
  }
}

function zeroDivision(operation: "floordiv" | "mod" | "truediv" | "divmod"): never {
  throw zeroDivisionError(intZeroDivisionMessage(operation, rt.profile));
}

function multiply(a: value.IntValue, b: value.IntValue): PyObject {
  if (typeof a !== "number" || typeof b !== "number") checkIntBits(value.bitLength(a) + value.bitLength(b));
  return newInt(value.multiply(a, b));
}

function trueDivide(a: value.IntValue, b: value.IntValue): PyObject {
  if (b === 0) zeroDivision("truediv");
  // Both exact as doubles: one IEEE division is correctly rounded.
  if (typeof a === "number" && typeof b === "number") return newFloat(a / b);
  return newFloat(kernel(() => intTrueDiv(value.toBig(a), value.toBig(b), rt.profile)));
}

function power(base: value.IntValue, exponent: value.IntValue): PyObject {
  if (value.sign(exponent) >= 0) {
    // 0, 1 and -1 stay small for any exponent.
    if (base === 0 || base === 1) return newInt(exponent === 0 ? 1 : base);
    if (base === -1) return newInt(value.isZero(value.bitAnd(exponent, 1)) ? 1 : -1);
    if (typeof exponent !== "number") checkIntBits(Infinity);
    checkIntBits(value.bitLength(base) * (exponent as number));
    return newInt(value.power(base, exponent));
  }
  // A negative exponent makes it a float power (long_pow hands over to float_pow).
  const result = kernel(() => intPow(value.toBig(base), value.toBig(exponent), rt.profile));
  if (typeof result === "number") return newFloat(result);
  if (isComplexPowResult(result)) throw new Error("simulator bug: an int power produced a complex result");
  return newInt(value.normalize(result));
}

/** `a << count` and `a >> count`, with the shift-count errors of the profile's version. */
function shift(a: value.IntValue, count: value.IntValue, left: boolean): PyObject {
  const features = numberFeatures(rt.profile);
  // 3.6 converted the count to Py_ssize_t before looking at its sign.
  if (features.shiftCountOverflowsSsize && !value.fitsSsize(count)) throw overflowError("Python int too large to convert to C ssize_t");
  if (value.sign(count) < 0) throw valueError("negative shift count");
  if (a === 0) return newInt(0);
  if (!value.fitsSsize(count)) {
    if (left) throw overflowError("too many digits in integer");
    return newInt(value.sign(a) < 0 ? -1 : 0);
  }
  const places = Number(count);
  if (left) {
    checkIntBits(value.bitLength(a) + places);
    if (typeof a === "number" && places < 31 && Math.abs(a) < 2 ** 21) return newInt(a * 2 ** places);
    return newInt(value.shiftLeft(a, places));
  }
  if (places >= value.bitLength(a)) return newInt(value.sign(a) < 0 ? -1 : 0);
  if (typeof a === "number") return newInt(Math.floor(a / 2 ** places));
  return newInt(value.shiftRight(a, places));
}

export const INT_BINARY = new Map<number, (a: PyObject, b: PyObject) => PyObject>([
  [BinaryOp.Add, intBinary((a, b) => newIntSum(value.add(a, b), a, b))],
  [BinaryOp.Sub, intBinary((a, b) => newIntSum(value.subtract(a, b), a, b))],
  [BinaryOp.Mul, intBinary(multiply)],
  [BinaryOp.TrueDiv, intBinary(trueDivide)],
  [
    BinaryOp.FloorDiv,
    intBinary((a, b) => {
      if (b === 0) zeroDivision("floordiv");
      return newInt(value.floorDivide(a, b));
    }),
  ],
  [
    BinaryOp.Mod,
    (a, b) => {
      if (!(a instanceof PyInt) || !(b instanceof PyInt)) return newNotImplemented();
      if (b.value === 0) zeroDivision("mod");
      return newIntRemainder(a, b, value.modulo(a.value, b.value));
    },
  ],
  [BinaryOp.Pow, intBinary(power)],
  [BinaryOp.LShift, intBinary((a, b) => shift(a, b, true))],
  [BinaryOp.RShift, intBinary((a, b) => shift(a, b, false))],
  [BinaryOp.And, intBinary((a, b) => newInt(value.bitAnd(a, b)))],
  [BinaryOp.Xor, intBinary((a, b) => newInt(value.bitXor(a, b)))],
  [BinaryOp.Or, intBinary((a, b) => newInt(value.bitOr(a, b)))],
]);

/** divmod(a, b) for two ints as a (quotient, remainder) pair of new references, or null. */
export function intDivmod(a: PyObject, b: PyObject): [PyObject, PyObject] | null {
  if (!(a instanceof PyInt) || !(b instanceof PyInt)) return null;
  if (b.value === 0) zeroDivision("divmod");
  return [newInt(value.floorDivide(a.value, b.value)), newIntRemainder(a, b, value.modulo(a.value, b.value))];
}
