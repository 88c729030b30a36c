// The methods and attributes of int (bit_length, to_bytes, __round__, numerator, …), some only
// in the versions that have them (bit_count 3.10+, is_integer 3.12+, as_integer_ratio 3.8+).
import type { PyObject } from "../object.js";
import { rt } from "../state.js";
import type { MethodDef } from "../method-def.js";
import type { GetSetDef } from "../type-spec.js";
import type { PyType } from "../type.js";
import { PyInt, newInt, intObjectSize } from "./int.js";
import * as value from "./int-value.js";
import { PyStr, newStr } from "./str.js";
import { newTupleStealing } from "./tuple.js";
import { newBool, newNotImplemented } from "../values.js";
import { formatInt, intRound, FormatError } from "../format/index.js";
import { typeError, pyRaiseFromFormatError } from "../errors.js";
import { refuseIfJoinedSurrogates } from "./str-surrogates.js";
import { indexValue } from "../abstract/conversions.js";
import { str as strOf } from "../abstract/object-protocol.js";
import { newDescriptor } from "./descriptors.js";
import { numberFeatures } from "./number-features.js";
import { tooManyArgumentsExpected } from "./number-args.js";
import { intToBytes, intFromBytes } from "./int-bytes.js";
import { intDivmod } from "./int-binary.js";

/** long_long: an exact int equal to self (self itself when it is exactly an int). New reference. */
export function intSelf(self: PyObject): PyObject {
  if (self.type === rt.types.int) {
    self.refcount++;
    return self;
  }
  return newInt((self as PyInt).value);
}

function intFormat(self: PyObject, spec: PyObject): PyObject {
  if (!(spec instanceof PyStr)) throw typeError(`format() argument 2 must be str, not ${spec.type.name}`);
  // An empty spec is str(self): a new str even for one digit, "True" for bool, a subclass's own
  // __str__.
  if (spec.value === "") return strOf(self);
  try {
    return newStr(formatInt(value.toBig((self as PyInt).value), spec.value, rt.profile, self.type.name, rt.maxStrDigits));
  } catch (error) {
    if (error instanceof FormatError) throw pyRaiseFromFormatError(error);
    refuseIfJoinedSurrogates(error);
    throw error;
  }
}

/** int.__round__(ndigits): self for ndigits >= 0, else half-even to a multiple of 10**-ndigits. */
function intRoundMethod(self: PyObject, args: readonly PyObject[]): PyObject {
  if (args.length > 1) throw tooManyArgumentsExpected("__round__", 1, args.length);
  if (args.length === 0) return intSelf(self);
  const digits = indexValue(args[0]!);
  if (digits >= 0n) return intSelf(self);
  const number = (self as PyInt).value;
  // Past its number of digits the result is 0 (CPython gets there by computing 10**-ndigits).
  if (-digits > BigInt(Math.ceil(value.bitLength(number) * 0.30103) + 1)) return newInt(0);
  return newInt(value.normalize(intRound(value.toBig((self as PyInt).value), digits)));
}

function divmodPair(a: PyObject, b: PyObject): PyObject {
  const pair = intDivmod(a, b);
  return pair === null ? newNotImplemented() : newTupleStealing(pair);
}

export const INT_METHODS: readonly MethodDef[] = [
  { name: "bit_length", kind: "noargs", impl: (self) => newInt(value.bitLength((self as PyInt).value)) },
  { name: "conjugate", kind: "noargs", impl: intSelf },
  { name: "__format__", kind: "one", impl: intFormat },
  { name: "__trunc__", kind: "noargs", impl: intSelf },
  { name: "__floor__", kind: "noargs", impl: intSelf },
  { name: "__ceil__", kind: "noargs", impl: intSelf },
  { name: "__round__", kind: "positional", impl: intRoundMethod },
  { name: "__sizeof__", kind: "noargs", impl: (self) => newInt(intObjectSize((self as PyInt).value)) },
  { name: "__getnewargs__", kind: "noargs", impl: (self) => newTupleStealing([intSelf(self)]) },
  { name: "__divmod__", kind: "one", impl: (self, other) => divmodPair(self, other) },
  { name: "__rdivmod__", kind: "one", impl: (self, other) => divmodPair(other, self) },
  { name: "to_bytes", kind: "keywords", impl: intToBytes },
  { name: "from_bytes", kind: "keywords", impl: intFromBytes, binding: "class" },
];

/** Methods that exist only in some versions, as descriptors for the type's namespace. */
export function versionedIntMethods(type: PyType): ReadonlyMap<string, PyObject> {
  const features = numberFeatures(rt.profile);
  const defs: MethodDef[] = [];
  if (features.intBitCount) defs.push({ name: "bit_count", kind: "noargs", impl: (self) => newInt(value.bitCount((self as PyInt).value)) });
  if (features.intIsInteger) defs.push({ name: "is_integer", kind: "noargs", impl: () => newBool(true) });
  if (features.intAsIntegerRatio) {
    defs.push({ name: "as_integer_ratio", kind: "noargs", impl: (self) => newTupleStealing([intSelf(self), newInt(1)]) });
  }
  return new Map(defs.map((def) => [def.name, newDescriptor("method", type, def.name, def, null)]));
}

export const INT_GETSETS: readonly GetSetDef[] = [
  { name: "real", get: intSelf },
  { name: "imag", get: () => newInt(0) },
  { name: "numerator", get: intSelf },
  { name: "denominator", get: () => newInt(1) },
];
