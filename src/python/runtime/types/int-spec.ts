// The int type: slots (repr, hash, comparisons, unary operators, conversions) and its spec; the
// arithmetic lives in int-binary.ts, the constructor in int-new.ts, the methods in int-methods.ts.
import type { PyObject } from "../object.js";
import { rt } from "../state.js";
import type { BuiltinTypeSpec } from "../type-spec.js";
import { CompareOp } from "../slots.js";
import { newStr, newDecimalStr } from "./str.js";
import { PyInt, newInt, intDealloc } from "./int.js";
import * as value from "./int-value.js";
import { newFloat } from "./float.js";
import { newNotImplemented, newBool } from "../values.js";
import { hashIntNumber, hashInt } from "../hashing/index.js";
import { intToDecimal, FormatError, parseFloatText } from "../format/index.js";
import { overflowError, pyRaiseFromFormatError } from "../errors.js";
import { applyCompare, compareIntFloat } from "./number-compare.js";
import { INT_BINARY } from "./int-binary.js";
import { intNew, convertToInt } from "./int-new.js";
import { INT_METHODS, INT_GETSETS, versionedIntMethods, intSelf } from "./int-methods.js";
import { intTernaryPow } from "./number-ternary-pow.js";

/** long_to_decimal_string: the digits of an exact value are ASCII, so no storage-kind scan. */
function intRepr(self: PyObject): PyObject {
  const number = (self as PyInt).value;
  if (typeof number === "number") return newDecimalStr(number);
  return newStr(bigIntDecimal(number));
}

function bigIntDecimal(number: bigint): string {
  try {
    return intToDecimal(number, rt.profile, rt.maxStrDigits);
  } catch (error) {
    if (error instanceof FormatError) throw pyRaiseFromFormatError(error);
    throw error;
  }
}

function intHash(self: PyObject): number | bigint {
  const number = (self as PyInt).value;
  if (typeof number === "number") return hashIntNumber(number);
  const hash = hashInt(number);
  return hash >= -9007199254740991n && hash <= 9007199254740991n ? Number(hash) : hash;
}

function intRichCompare(self: PyObject, other: PyObject, op: CompareOp): PyObject {
  if (!(other instanceof PyInt)) return newNotImplemented();
  return newBool(applyCompare(value.compare((self as PyInt).value, other.value), op));
}

function intToFloatSlot(self: PyObject): PyObject {
  const number = value.toDouble((self as PyInt).value);
  if (number === undefined) throw overflowError("int too large to convert to float");
  return newFloat(number);
}

export const INT_SPEC: BuiltinTypeSpec = {
  name: "int",
  layout: { basicSize: 24, itemSize: 4, gc: false, preHeader: false },
  subclassable: true,
  slots: {
    dealloc: intDealloc,
    repr: intRepr,
    hash: intHash,
    richcompare: intRichCompare,
    negative: (self) => newInt(value.negate((self as PyInt).value)),
    positive: intSelf,
    invert: (self) => newInt(value.invert((self as PyInt).value)),
    absolute: (self) => (value.sign((self as PyInt).value) < 0 ? newInt(value.negate((self as PyInt).value)) : intSelf(self)),
    bool: (self) => (self as PyInt).value !== 0,
    int: intSelf,
    index: intSelf,
    float: intToFloatSlot,
    new_: intNew,
  },
  binary: INT_BINARY,
  methods: INT_METHODS,
  getsets: INT_GETSETS,
  attributes: versionedIntMethods,
};

export { BOOL_SPEC } from "./bool-spec.js";
export { compareIntFloat as compareIntWithFloat, applyCompare, parseFloatText, convertToInt, intTernaryPow };
