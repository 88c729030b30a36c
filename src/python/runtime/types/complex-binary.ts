// complex's binary slots: int and float operands widened (TO_COMPLEX), Smith's division and
// complex_pow's two algorithms; ≤3.9 also had //, % and divmod slots that only raised.
import type { PyObject } from "../object.js";
import { rt } from "../state.js";
import { BinaryOp } from "../type.js";
import { PyComplex, newComplex } from "./complex.js";
import { PyFloat } from "./float.js";
import { PyInt } from "./int.js";
import * as value from "./int-value.js";
import { newNotImplemented } from "../values.js";
import { typeError, zeroDivisionError, overflowError } from "../errors.js";
import { complexQuotient, complexPower, complexProduct, type Complex } from "./complex-arith.js";
import { numberFeatures } from "./number-features.js";

/** TO_COMPLEX: a complex operand's parts; null (NotImplemented) for non-numbers. */
export function complexParts(object: PyObject): Complex | null {
  if (object instanceof PyComplex) return { real: object.real, imag: object.imag };
  if (object instanceof PyFloat) return { real: object.value, imag: 0 };
  if (object instanceof PyInt) {
    const number = object.value;
    if (typeof number === "number") return { real: number, imag: 0 };
    const converted = value.toDouble(number);
    if (converted === undefined) throw overflowError("int too large to convert to float");
    return { real: converted, imag: 0 };
  }
  return null;
}

function binary(operation: (a: Complex, b: Complex) => Complex): (a: PyObject, b: PyObject) => PyObject {
  return (a, b) => {
    const x = complexParts(a);
    if (x === null) return newNotImplemented();
    const y = complexParts(b);
    if (y === null) return newNotImplemented();
    const result = operation(x, y);
    return newComplex(result.real, result.imag);
  };
}

function divide(a: Complex, b: Complex): Complex {
  const quotient = complexQuotient(a, b);
  if (quotient.divisionByZero) throw zeroDivisionError(numberFeatures(rt.profile).unifiedZeroDivision ? "division by zero" : "complex division by zero");
  return quotient;
}

/** complex_pow(a, b) without a modulus; null when an operand is not a number. */
export function complexPowerOf(a: PyObject, b: PyObject): PyObject | null {
  const x = complexParts(a);
  if (x === null) return null;
  const y = complexParts(b);
  if (y === null) return null;
  const result = complexPower(x, y);
  if (result.error === "zero-to-negative") throw zeroDivisionError(numberFeatures(rt.profile).unifiedZeroDivision ? "zero to a negative or complex power" : "0.0 to a negative or complex power");
  if (result.error === "overflow") throw overflowError("complex exponentiation");
  return newComplex(result.real, result.imag);
}

const BASE_BINARY: [number, (a: PyObject, b: PyObject) => PyObject][] = [
  [BinaryOp.Add, binary((a, b) => ({ real: a.real + b.real, imag: a.imag + b.imag }))],
  [BinaryOp.Sub, binary((a, b) => ({ real: a.real - b.real, imag: a.imag - b.imag }))],
  [BinaryOp.Mul, binary(complexProduct)],
  [BinaryOp.TrueDiv, binary(divide)],
  [BinaryOp.Pow, (a, b) => complexPowerOf(a, b) ?? newNotImplemented()],
];

/** 3.10+: no floor division or modulo on complex at all. */
export const COMPLEX_BINARY = new Map(BASE_BINARY);

/** ≤3.9: the slots existed and raised, whatever the other operand. */
export const COMPLEX_BINARY_WITH_FLOOR = new Map([
  ...BASE_BINARY,
  [
    BinaryOp.FloorDiv,
    () => {
      throw typeError("can't take floor of complex number.");
    },
  ],
  [
    BinaryOp.Mod,
    () => {
      throw typeError("can't mod complex numbers.");
    },
  ],
]);
