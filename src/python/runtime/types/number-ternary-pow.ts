// pow(base, exp, mod) between built-in numbers: CPython's ternary_op dispatch over the three
// operands' types, where int computes modular powers, float refuses a modulus with a TypeError
// and complex with "complex modulo". Operands are borrowed; the result is a new reference.
import type { PyObject } from "../object.js";
import { rt } from "../state.js";
import { PyInt, newInt } from "./int.js";
import { PyFloat } from "./float.js";
import { PyComplex } from "./complex.js";
import * as value from "./int-value.js";
import { newNotImplemented } from "../values.js";
import { intPowMod, FormatError } from "../format/index.js";
import { typeError, valueError, pyRaiseFromFormatError } from "../errors.js";

type NumberKind = "int" | "float" | "complex";

function kindOf(object: PyObject): NumberKind | null {
  if (object instanceof PyInt) return "int";
  if (object instanceof PyFloat) return "float";
  if (object instanceof PyComplex) return "complex";
  return null;
}

/** One type's nb_power with a modulus: a result, or null for NotImplemented. */
function ternaryFor(kind: NumberKind, base: PyObject, exponent: PyObject, modulus: PyObject): PyObject | null {
  switch (kind) {
    case "int": {
      if (!(base instanceof PyInt) || !(exponent instanceof PyInt) || !(modulus instanceof PyInt)) return null;
      try {
        return newInt(value.normalize(intPowMod(value.toBig(base.value), value.toBig(exponent.value), value.toBig(modulus.value), rt.profile)));
      } catch (error) {
        if (error instanceof FormatError) throw pyRaiseFromFormatError(error);
        throw error;
      }
    }
    case "float":
      // float_pow refuses a modulus before looking at the other operands.
      throw typeError("pow() 3rd argument not allowed unless all arguments are integers");
    case "complex":
      if (kindOf(base) === null || kindOf(exponent) === null) return null;
      throw valueError("complex modulo");
  }
}

/** pow(base, exponent, modulus) with a modulus other than None, or NotImplemented (new). */
export function intTernaryPow(base: PyObject, exponent: PyObject, modulus: PyObject): PyObject {
  const tried = new Set<NumberKind>();
  for (const operand of [base, exponent, modulus]) {
    const kind = kindOf(operand);
    if (kind === null || tried.has(kind)) continue;
    tried.add(kind);
    const result = ternaryFor(kind, base, exponent, modulus);
    if (result !== null) return result;
  }
  return newNotImplemented();
}
