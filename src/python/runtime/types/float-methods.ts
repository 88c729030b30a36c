// The methods and attributes of float: hex/fromhex, as_integer_ratio, is_integer, __round__,
// __trunc__, __floor__/__ceil__ (3.9+), __format__, divmod, real/imag.
import type { PyObject } from "../object.js";
import { decref } from "../object.js";
import { rt } from "../state.js";
import type { MethodDef } from "../method-def.js";
import type { GetSetDef } from "../type-spec.js";
import type { PyType } from "../type.js";
import { PyFloat, newFloat } from "./float.js";
import { newInt, newIntObject } from "./int.js";
import * as value from "./int-value.js";
import { PyStr, newStr } from "./str.js";
import { newTupleStealing } from "./tuple.js";
import { newBool, newNotImplemented } from "../values.js";
import { formatFloat, roundFloat, floatAsIntegerRatio, floatIsInteger, floatHex, FormatError } from "../format/index.js";
import { typeError } from "../errors.js";
import { indexValue } from "../abstract/conversions.js";
import { callPositional, str as strOf } from "../abstract/object-protocol.js";
import { newDescriptor } from "./descriptors.js";
import { numberFeatures } from "./number-features.js";
import { tooManyArgumentsExpected } from "./number-args.js";
import { floatToInt, intFromIntegralDouble } from "./int-new.js";
import { floatFromHex } from "./float-fromhex.js";
import { kernel, floatDivmodPair } from "./float-binary.js";

function floatOf(self: PyObject): number {
  return (self as PyFloat).value;
}

/** float_float: an exact float equal to self (self itself when exact). New reference. */
export function floatSelf(self: PyObject): PyObject {
  if (self.type === rt.types.float) {
    self.refcount++;
    return self;
  }
  return newFloat(floatOf(self));
}

function floatRound(self: PyObject, args: readonly PyObject[]): PyObject {
  if (args.length > 1) {
    if (rt.profile.minor <= 6) throw typeError(`function takes at most 1 argument (${args.length} given)`);
    throw tooManyArgumentsExpected("__round__", 1, args.length);
  }
  const number = floatOf(self);
  const digits = args[0];
  if (digits === undefined || digits === rt.None) return intFromIntegralDouble(roundHalfEven(number));
  return newFloat(kernel(() => roundFloat(number, indexValue(digits))));
}

/** Nearest integer, ties to even (C's round-half-even), NaN and infinities unchanged. */
function roundHalfEven(number: number): number {
  if (!Number.isFinite(number)) return number;
  const rounded = Math.round(number);
  // Math.round sends ties up; a tie that landed on an odd integer goes back down.
  if (rounded - number === 0.5 && rounded % 2 !== 0) return rounded - 1;
  return rounded;
}

function floatFormat(self: PyObject, spec: PyObject): PyObject {
  if (!(spec instanceof PyStr)) throw typeError(`format() argument 2 must be str, not ${spec.type.name}`);
  if (spec.value === "" && self.type !== rt.types.float) return strOf(self);
  return newStr(kernel(() => formatFloat(floatOf(self), spec.value, rt.profile, self.type.name)));
}

function asIntegerRatio(self: PyObject): PyObject {
  const [numerator, denominator] = kernel(() => {
    const number = floatOf(self);
    if (number !== number) throw new FormatError("ValueError", "cannot convert NaN to integer ratio");
    if (!Number.isFinite(number)) throw new FormatError("OverflowError", "cannot convert Infinity to integer ratio");
    return floatAsIntegerRatio(number);
  });
  return newTupleStealing([ratioNumerator(value.normalize(numerator), denominator === 1n), newInt(value.normalize(denominator))]);
}

/**
 * Before 3.9 the numerator came from PyLong_FromDouble (a new object unless 0), except for an
 * even integer, whose factors of two were shifted back in by a cached-small-int-aware shift.
 */
function ratioNumerator(numerator: value.IntValue, integral: boolean): PyObject {
  const shiftedBack = integral && value.isZero(value.bitAnd(numerator, 1));
  if (shiftedBack || value.isZero(numerator) || numberFeatures(rt.profile).smallIntsFromDouble) return newInt(numerator);
  return newIntObject(numerator);
}

/** float.fromhex(string), a classmethod: a subclass gets cls(result). */
function fromHex(cls: PyObject, text: PyObject): PyObject {
  if (!(text instanceof PyStr)) throw typeError(`bad argument type for built-in operation`);
  const result = newFloat(kernel(() => floatFromHex(text.value)));
  if (cls === rt.types.float) return result;
  try {
    return callPositional(cls as PyType, [result]);
  } finally {
    decref(result);
  }
}

function divmodPair(a: PyObject, b: PyObject): PyObject {
  const pair = floatDivmodPair(a, b);
  return pair === null ? newNotImplemented() : newTupleStealing(pair);
}

export const FLOAT_METHODS: readonly MethodDef[] = [
  { name: "is_integer", kind: "noargs", impl: (self) => newBool(floatIsInteger(floatOf(self))) },
  { name: "as_integer_ratio", kind: "noargs", impl: asIntegerRatio },
  { name: "hex", kind: "noargs", impl: (self) => newStr(floatHex(floatOf(self))) },
  { name: "fromhex", kind: "one", impl: fromHex, binding: "class" },
  { name: "conjugate", kind: "noargs", impl: floatSelf },
  { name: "__format__", kind: "one", impl: floatFormat },
  { name: "__round__", kind: "positional", impl: floatRound },
  { name: "__trunc__", kind: "noargs", impl: (self) => newInt(floatToInt(floatOf(self))) },
  { name: "__getnewargs__", kind: "noargs", impl: (self) => newTupleStealing([newFloat(floatOf(self))]) },
  { name: "__divmod__", kind: "one", impl: (self, other) => divmodPair(self, other) },
  { name: "__rdivmod__", kind: "one", impl: (self, other) => divmodPair(other, self) },
];

/** float.__floor__ and __ceil__ exist from 3.9. */
export function versionedFloatMethods(type: PyType): ReadonlyMap<string, PyObject> {
  if (!numberFeatures(rt.profile).floatFloorCeil) return new Map();
  const defs: MethodDef[] = [
    { name: "__floor__", kind: "noargs", impl: (self) => newInt(floatToInt(Math.floor(floatOf(self)))) },
    { name: "__ceil__", kind: "noargs", impl: (self) => newInt(floatToInt(Math.ceil(floatOf(self)))) },
  ];
  return new Map(defs.map((def) => [def.name, newDescriptor("method", type, def.name, def, null)]));
}

export const FLOAT_GETSETS: readonly GetSetDef[] = [
  { name: "real", get: floatSelf },
  { name: "imag", get: () => newFloat(0) },
];
