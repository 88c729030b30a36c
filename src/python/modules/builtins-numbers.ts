// Numeric builtins: abs, divmod, pow (with CPython's three-argument dispatch) and round.
import type { PyObject } from "../runtime/object.js";
import { decref } from "../runtime/object.js";
import { rt } from "../runtime/state.js";
import type { PyType } from "../runtime/type.js";
import { BinaryOp } from "../runtime/type.js";
import type { CallArgs } from "../runtime/slots.js";
import type { MethodDef } from "../runtime/method-def.js";
import { typeError, valueError } from "../runtime/errors.js";
import { newTupleStealing } from "../runtime/types/tuple.js";
import { newInt, PyInt } from "../runtime/types/int.js";
import { normalize, toBig } from "../runtime/types/int-value.js";
import { intTernaryPow } from "../runtime/types/int-spec.js";
import { binaryOp, unaryOp } from "../runtime/abstract/number.js";
import { indexValue } from "../runtime/abstract/conversions.js";
import { lookupSpecial, callSpecial, callBoundSpecial } from "../runtime/slot-table.js";
import { checkPositionalCount, parseClinic, rejectKeywords } from "./arguments.js";

function divmod(_self: PyObject, args: CallArgs): PyObject {
  rejectKeywords("divmod", args);
  const values = args.values;
  checkPositionalCount("divmod", values.length, 2, 2);
  const [a, b] = values as [PyObject, PyObject];
  if (a instanceof PyInt && b instanceof PyInt) {
    const quotient = binaryOp(a, b, BinaryOp.FloorDiv);
    try {
      return newTupleStealing([quotient, binaryOp(a, b, BinaryOp.Mod)]);
    } catch (error) {
      decref(quotient);
      throw error;
    }
  }
  const forward = lookupSpecial(a, "__divmod__");
  const reflected = a.type === b.type ? null : lookupSpecial(b, "__rdivmod__");
  // A subclass's reflected method goes first, as binary_op1 tries it.
  const reflectedFirst = reflected !== null && b.type.isSubtypeOf(a.type);
  const attempts: (() => PyObject)[] = [];
  if (reflectedFirst) attempts.push(() => callSpecial(b, reflected, [a]));
  if (forward !== null) attempts.push(() => callSpecial(a, forward, [b]));
  if (reflected !== null && !reflectedFirst) attempts.push(() => callSpecial(b, reflected, [a]));
  for (const attempt of attempts) {
    const result = attempt();
    if (result !== rt.NotImplemented) return result;
    decref(result);
  }
  throw typeError(`unsupported operand type(s) for divmod(): '${a.type.name}' and '${b.type.name}'`);
}

/** What a built-in type's nb_power does with a modulus: compute, refuse, or NotImplemented. */
function builtinTernaryPower(solid: PyType, base: PyObject, exponent: PyObject, modulus: PyObject): PyObject | null {
  const isReal = (value: PyObject): boolean => value.type.isSubtypeOf(rt.types.int) || value.type.isSubtypeOf(rt.types.float);
  if (solid.isSubtypeOf(rt.types.int)) return intTernaryPow(base, exponent, modulus);
  if (solid.isSubtypeOf(rt.types.float)) {
    if (!isReal(base) || !isReal(exponent)) return null;
    throw typeError("pow() 3rd argument not allowed unless all arguments are integers");
  }
  if (solid.isSubtypeOf(rt.types.complex)) {
    const isNumber = (value: PyObject): boolean => isReal(value) || value.type.isSubtypeOf(rt.types.complex);
    if (!isNumber(base) || !isNumber(exponent)) return null;
    throw valueError("complex modulo");
  }
  return null;
}

/** A method a Python class on `type`'s MRO defines (before any built-in class), or null. */
function pythonLevelMethod(type: PyType, name: string): PyObject | null {
  for (const klass of type.mro) {
    if (!klass.heapType) return null;
    const value = klass.namespace.get(name);
    if (value !== undefined) return value;
  }
  return null;
}

/** The first built-in type under a Python class (whose slot it inherits). */
function solidType(type: PyType): PyType {
  let current = type;
  while (current.heapType && current.base !== null) current = current.base;
  return current;
}

/**
 * ternary_op for pow(base, exp, mod): the slots of type(base), type(exp) (first when it is a
 * subclass), then type(mod), all called as (base, exp, mod). A class's __pow__ only serves its
 * own instances as the base: three-argument power never uses __rpow__.
 */
function ternaryPower(base: PyObject, exponent: PyObject, modulus: PyObject): PyObject {
  const types: PyType[] = [base.type];
  if (exponent.type !== base.type) {
    if (exponent.type.isSubtypeOf(base.type)) types.unshift(exponent.type);
    else types.push(exponent.type);
  }
  if (!types.includes(modulus.type)) types.push(modulus.type);
  const tried = new Set<unknown>();
  for (const type of types) {
    const pythonPow = type === base.type ? pythonLevelMethod(type, "__pow__") : null;
    if (pythonPow !== null) {
      if (tried.has(pythonPow)) continue;
      tried.add(pythonPow);
      const result = callSpecial(base, pythonPow, [exponent, modulus]);
      if (result !== rt.NotImplemented) return result;
      decref(result);
      continue;
    }
    const solid = solidType(type);
    if (tried.has(solid)) continue;
    tried.add(solid);
    const result = builtinTernaryPower(solid, base, exponent, modulus);
    if (result === null) continue;
    if (result !== rt.NotImplemented) return result;
    decref(result);
  }
  const operator = rt.profile.minor >= 10 ? "** or pow()" : "pow()";
  throw typeError(`unsupported operand type(s) for ${operator}: '${base.type.name}', '${exponent.type.name}', '${modulus.type.name}'`);
}

function pow(_self: PyObject, args: CallArgs): PyObject {
  let base: PyObject;
  let exponent: PyObject;
  let modulus: PyObject | undefined;
  if (rt.profile.minor < 8) {
    rejectKeywords("pow", args);
    checkPositionalCount("pow", args.values.length, 2, 3);
    [base, exponent, modulus] = args.values as [PyObject, PyObject, PyObject | undefined];
  } else {
    const values = parseClinic(args, { name: "pow", parameters: ["base", "exp", "mod"], positionalOnly: 0, required: 2 });
    [base, exponent, modulus] = values as [PyObject, PyObject, PyObject | undefined];
  }
  if (modulus === undefined || modulus === rt.None) return binaryOp(base, exponent, BinaryOp.Pow);
  return ternaryPower(base, exponent, modulus);
}

/** int.__round__: ndigits ≥ 0 keeps the value; negative rounds half to even at 10**-ndigits. */
function roundInt(number: PyInt, ndigits: PyObject | undefined): PyObject {
  const value = toBig(number.value);
  if (ndigits !== undefined) {
    const digits = indexValue(ndigits);
    if (digits < 0n) {
      const unit = 10n ** -digits;
      let quotient = value / unit;
      let remainder = value % unit;
      if (remainder < 0n) {
        remainder += unit;
        quotient -= 1n;
      }
      const twice = 2n * remainder;
      if (twice > unit || (twice === unit && quotient % 2n !== 0n)) remainder -= unit;
      return newInt(normalize(value - remainder));
    }
  }
  if (number.type === rt.types.int) {
    number.refcount++;
    return number;
  }
  return newInt(number.value);
}

function round(_self: PyObject, args: CallArgs): PyObject {
  const [number, ndigits] = parseClinic(args, { name: "round", parameters: ["number", "ndigits"], positionalOnly: 0, required: 1 }) as [PyObject, PyObject | undefined];
  const method = lookupSpecial(number, "__round__");
  const digits = ndigits === undefined || ndigits === rt.None ? undefined : ndigits;
  if (method === null) {
    // The simulator's int type has no __round__ method; round() does what it would do.
    if (number instanceof PyInt) return roundInt(number, digits);
    throw typeError(`type ${number.type.name} doesn't define __round__ method`);
  }
  // Found by _PyObject_LookupSpecial: called bound.
  return callBoundSpecial(number, method, digits === undefined ? [] : [digits]);
}

export const NUMBER_BUILTINS: readonly MethodDef[] = [
  { name: "abs", kind: "one", impl: (_self, value) => unaryOp(value, "absolute") },
  { name: "divmod", kind: "keywords", impl: divmod },
  { name: "pow", kind: "keywords", impl: pow },
  { name: "round", kind: "keywords", impl: round },
];

