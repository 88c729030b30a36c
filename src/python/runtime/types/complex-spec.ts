// The complex type: repr, hash, equality with ints (exact) and floats, unary operators and the
// spec. Which slots and methods exist differs before and after 3.10, so parts of the spec are
// read per runtime (getters run while the runtime being built is active).
import type { PyObject } from "../object.js";
import { rt } from "../state.js";
import type { BuiltinTypeSpec, SlotFields } from "../type-spec.js";
import type { MethodDef } from "../method-def.js";
import type { PyType } from "../type.js";
import { CompareOp } from "../slots.js";
import { textSlot } from "../spec-helpers.js";
import { PyComplex, newComplex, complexDealloc } from "./complex.js";
import { PyFloat, newFloat } from "./float.js";
import { PyInt } from "./int.js";
import { complexRepr, formatComplex, FormatError } from "../format/index.js";
import { newBool, newNotImplemented } from "../values.js";
import { hashComplex } from "../hashing/index.js";
import { typeError, overflowError, pyRaiseFromFormatError } from "../errors.js";
import { PyStr, newStr } from "./str.js";
import { newTupleStealing } from "./tuple.js";
import { str as strOf } from "../abstract/object-protocol.js";
import { newDescriptor } from "./descriptors.js";
import { applyCompare, compareIntFloat } from "./number-compare.js";
import { complexAbs } from "./complex-arith.js";
import { COMPLEX_BINARY, COMPLEX_BINARY_WITH_FLOOR } from "./complex-binary.js";
import { complexNew } from "./complex-new.js";
import { numberFeatures } from "./number-features.js";

function parts(self: PyObject): PyComplex {
  return self as PyComplex;
}

function complexRichCompare(self: PyObject, other: PyObject, op: CompareOp): PyObject {
  if (op !== CompareOp.Eq && op !== CompareOp.Ne) return newNotImplemented();
  const { real, imag } = parts(self);
  let equal: boolean;
  if (other instanceof PyInt) {
    // An int is compared exactly against the real part (via float's comparison).
    if (imag !== 0) equal = false;
    else return newBool(applyCompare(-compareIntFloat(other.value, real), op));
  } else if (other instanceof PyFloat) {
    equal = real === other.value && imag === 0;
  } else if (other instanceof PyComplex) {
    equal = real === other.real && imag === other.imag;
  } else {
    return newNotImplemented();
  }
  return newBool(op === CompareOp.Eq ? equal : !equal);
}

function complexSelf(self: PyObject): PyObject {
  if (self.type === rt.types.complex) {
    self.refcount++;
    return self;
  }
  return newComplex(parts(self).real, parts(self).imag);
}

function complexFormat(self: PyObject, spec: PyObject): PyObject {
  if (!(spec instanceof PyStr)) throw typeError(`format() argument 2 must be str, not ${spec.type.name}`);
  if (spec.value === "" && self.type !== rt.types.complex) return strOf(self);
  try {
    return newStr(formatComplex(parts(self).real, parts(self).imag, spec.value, rt.profile));
  } catch (error) {
    if (error instanceof FormatError) throw pyRaiseFromFormatError(error);
    throw error;
  }
}

const SLOTS: Partial<SlotFields> = {
  dealloc: complexDealloc,
  repr: textSlot((self) => complexRepr(parts(self).real, parts(self).imag)),
  hash: (self) => {
    const hash = hashComplex(parts(self).real, parts(self).imag, rt.profile, self.address);
    return hash >= -9007199254740991n && hash <= 9007199254740991n ? Number(hash) : hash;
  },
  richcompare: complexRichCompare,
  negative: (self) => newComplex(-parts(self).real, -parts(self).imag),
  positive: complexSelf,
  absolute: (self) => {
    const { value, overflow } = complexAbs(parts(self));
    if (overflow) throw overflowError("absolute value too large");
    return newFloat(value);
  },
  bool: (self) => parts(self).real !== 0 || parts(self).imag !== 0,
  new_: complexNew,
};

/** ≤3.9: __int__ and __float__ existed to refuse the conversion. */
const SLOTS_WITH_CONVERSIONS: Partial<SlotFields> = {
  ...SLOTS,
  int: () => {
    throw typeError("can't convert complex to int");
  },
  float: () => {
    throw typeError("can't convert complex to float");
  },
};

function versionedComplexMethods(type: PyType): ReadonlyMap<string, PyObject> {
  const features = numberFeatures(rt.profile);
  const defs: MethodDef[] = [];
  if (features.complexFloorMethods) {
    const refuse = (): PyObject => {
      throw typeError("can't take floor or mod of complex number.");
    };
    defs.push({ name: "__divmod__", kind: "one", impl: refuse }, { name: "__rdivmod__", kind: "one", impl: refuse });
  }
  if (features.complexDunderComplex) defs.push({ name: "__complex__", kind: "noargs", impl: complexSelf });
  return new Map(defs.map((def) => [def.name, newDescriptor("method", type, def.name, def, null)]));
}

export const COMPLEX_SPEC: BuiltinTypeSpec = {
  name: "complex",
  layout: { basicSize: 32, itemSize: 0, gc: false, preHeader: false },
  subclassable: true,
  get slots() {
    return numberFeatures(rt.profile).complexConversionSlots ? SLOTS_WITH_CONVERSIONS : SLOTS;
  },
  get binary() {
    return numberFeatures(rt.profile).complexFloorMethods ? COMPLEX_BINARY_WITH_FLOOR : COMPLEX_BINARY;
  },
  methods: [
    { name: "conjugate", kind: "noargs", impl: (self) => newComplex(parts(self).real, -parts(self).imag) },
    { name: "__format__", kind: "one", impl: complexFormat },
    { name: "__getnewargs__", kind: "noargs", impl: (self) => newTupleStealing([newFloat(parts(self).real), newFloat(parts(self).imag)]) },
  ],
  getsets: [
    { name: "real", get: (self) => newFloat(parts(self).real) },
    { name: "imag", get: (self) => newFloat(parts(self).imag) },
  ],
  attributes: versionedComplexMethods,
};
