// float's binary slots: int operands converted exactly (OverflowError past 1e308), CPython's
// floor division, modulo and pow kernels, and a negative base to a fractional power handed to
// complex, as float_pow does. Operands are borrowed; results are new references.
import type { PyObject } from "../object.js";
import { rt } from "../state.js";
import { BinaryOp } from "../type.js";
import { PyFloat, newFloat } from "./float.js";
import { PyInt } from "./int.js";
import * as value from "./int-value.js";
import { newNotImplemented } from "../values.js";
import { floatTrueDiv, floatFloorDiv, floatMod, floatPow, floatDivmod, FormatError, isComplexPowResult } from "../format/index.js";
import { overflowError, pyRaiseFromFormatError } from "../errors.js";
import { complexPowerOf } from "./complex-binary.js";

/** A float operand as a double: floats directly, ints converted; null for other types. */
export function asDouble(object: PyObject): number | null {
  if (object instanceof PyFloat) return object.value;
  if (object instanceof PyInt) {
    const number = object.value;
    if (typeof number === "number") return number;
    const converted = value.toDouble(number);
    if (converted === undefined) throw overflowError("int too large to convert to float");
    return converted;
  }
  return null;
}

export function kernel<T>(run: () => T): T {
  try {
    return run();
  } catch (error) {
    if (error instanceof FormatError) throw pyRaiseFromFormatError(error);
    throw error;
  }
}

function floatBinary(operation: (a: number, b: number) => number): (a: PyObject, b: PyObject) => PyObject {
  return (a, b) => {
    const x = asDouble(a);
    if (x === null) return newNotImplemented();
    const y = asDouble(b);
    if (y === null) return newNotImplemented();
    return newFloat(kernel(() => operation(x, y)));
  };
}

function floatPower(a: PyObject, b: PyObject): PyObject {
  const x = asDouble(a);
  if (x === null) return newNotImplemented();
  const y = asDouble(b);
  if (y === null) return newNotImplemented();
  const result = kernel(() => floatPow(x, y, rt.profile));
  // A negative base to a fractional power: complex's nb_power on the original operands.
  if (isComplexPowResult(result)) return complexPowerOf(a, b)!;
  return newFloat(result);
}

export const FLOAT_BINARY = new Map<number, (a: PyObject, b: PyObject) => PyObject>([
  [BinaryOp.Add, floatBinary((a, b) => a + b)],
  [BinaryOp.Sub, floatBinary((a, b) => a - b)],
  [BinaryOp.Mul, floatBinary((a, b) => a * b)],
  [BinaryOp.TrueDiv, floatBinary((a, b) => floatTrueDiv(a, b, rt.profile))],
  [BinaryOp.FloorDiv, floatBinary((a, b) => floatFloorDiv(a, b, rt.profile))],
  [BinaryOp.Mod, floatBinary((a, b) => floatMod(a, b, rt.profile))],
  [BinaryOp.Pow, floatPower],
]);

/** divmod(a, b) when either is a float: a pair of new floats, or null for NotImplemented. */
export function floatDivmodPair(a: PyObject, b: PyObject): [PyObject, PyObject] | null {
  const x = asDouble(a);
  if (x === null) return null;
  const y = asDouble(b);
  if (y === null) return null;
  const [quotient, remainder] = kernel(() => floatDivmod(x, y, rt.profile));
  return [newFloat(quotient), newFloat(remainder)];
}
