// The float type: repr, hashing, comparisons (exact against ints), unary operators and its
// spec; arithmetic is in float-binary.ts, the constructor in float-new.ts, methods in
// float-methods.ts.
import type { PyObject } from "../object.js";
import { rt } from "../state.js";
import type { BuiltinTypeSpec } from "../type-spec.js";
import { CompareOp } from "../slots.js";
import { textSlot } from "../spec-helpers.js";
import { PyFloat, newFloat, floatDealloc } from "./float.js";
import { PyInt, newInt } from "./int.js";
import { newNotImplemented, newBool } from "../values.js";
import { hashFloat } from "../hashing/index.js";
import { floatRepr } from "../format/index.js";
import { applyCompare, compareIntFloat, compareFloats } from "./number-compare.js";
import { FLOAT_BINARY } from "./float-binary.js";
import { floatNew, convertToDouble, floatFromObject } from "./float-new.js";
import { FLOAT_METHODS, FLOAT_GETSETS, versionedFloatMethods, floatSelf } from "./float-methods.js";
import { floatToInt } from "./int-new.js";

function floatOf(self: PyObject): number {
  return (self as PyFloat).value;
}

function floatRichCompare(self: PyObject, other: PyObject, op: CompareOp): PyObject {
  const left = floatOf(self);
  if (other instanceof PyFloat) return newBool(applyCompare(compareFloats(left, other.value), op));
  if (other instanceof PyInt) return newBool(applyCompare(-compareIntFloat(other.value, left), op));
  return newNotImplemented();
}

function floatHashSlot(self: PyObject): number | bigint {
  const hash = hashFloat(floatOf(self), rt.profile, self.address);
  return hash >= -9007199254740991n && hash <= 9007199254740991n ? Number(hash) : hash;
}

export const FLOAT_SPEC: BuiltinTypeSpec = {
  name: "float",
  layout: { basicSize: 24, itemSize: 0, gc: false, preHeader: false },
  subclassable: true,
  slots: {
    dealloc: floatDealloc,
    repr: textSlot((self) => floatRepr(floatOf(self))),
    hash: floatHashSlot,
    richcompare: floatRichCompare,
    negative: (self) => newFloat(-floatOf(self)),
    positive: floatSelf,
    absolute: (self) => newFloat(Math.abs(floatOf(self))),
    bool: (self) => floatOf(self) !== 0,
    float: floatSelf,
    int: (self) => newInt(floatToInt(floatOf(self))),
    new_: floatNew,
  },
  binary: FLOAT_BINARY,
  methods: FLOAT_METHODS,
  getsets: FLOAT_GETSETS,
  attributes: versionedFloatMethods,
};

export { convertToDouble, floatFromObject, FLOAT_BINARY };
