// The complex type: repr, equality with numbers, basic arithmetic.
import type { PyObject } from "../object.js";
import { rt } from "../state.js";
import type { BuiltinTypeSpec } from "../type-spec.js";
import { BinaryOp } from "../type.js";
import { CompareOp } from "../slots.js";
import { textSlot, splitArgs } from "../spec-helpers.js";
import { PyComplex, newComplex, complexDealloc } from "./complex.js";
import { PyFloat, newFloat } from "./float.js";
import { PyInt } from "./int.js";
import { toDouble } from "./int-value.js";
import { complexRepr, formatComplex, FormatError } from "../format/index.js";
import { newBool, newNotImplemented } from "../values.js";
import { hashComplex } from "../hashing/index.js";
import { typeError, zeroDivisionError, pyRaiseFromFormatError } from "../errors.js";
import { convertToDouble } from "./float-spec.js";
import { PyStr, newStr } from "./str.js";

function parts(object: PyObject): [number, number] | null {
  if (object instanceof PyComplex) return [object.real, object.imag];
  if (object instanceof PyFloat) return [object.value, 0];
  if (object instanceof PyInt) return [toDouble(object.value) ?? Infinity, 0];
  return null;
}

function binary(operation: (a: [number, number], b: [number, number]) => [number, number]) {
  return (a: PyObject, b: PyObject): PyObject => {
    const x = parts(a);
    const y = parts(b);
    if (x === null || y === null) return newNotImplemented();
    const [real, imag] = operation(x, y);
    return newComplex(real, imag);
  };
}

export const COMPLEX_SPEC: BuiltinTypeSpec = {
  name: "complex",
  layout: { basicSize: 32, itemSize: 0, gc: false, preHeader: false },
  subclassable: true,
  slots: {
    dealloc: complexDealloc,
    repr: textSlot((self) => complexRepr((self as PyComplex).real, (self as PyComplex).imag)),
    hash: (self) => {
      const hash = hashComplex((self as PyComplex).real, (self as PyComplex).imag, rt.profile, self.address);
      return hash >= -9007199254740991n && hash <= 9007199254740991n ? Number(hash) : hash;
    },
    richcompare: (self, other, op) => {
      const y = parts(other);
      if (y === null || (op !== CompareOp.Eq && op !== CompareOp.Ne)) return newNotImplemented();
      const x = parts(self)!;
      const equal = x[0] === y[0] && x[1] === y[1];
      return newBool(op === CompareOp.Eq ? equal : !equal);
    },
    negative: (self) => newComplex(-(self as PyComplex).real, -(self as PyComplex).imag),
    positive: (self) => newComplex((self as PyComplex).real, (self as PyComplex).imag),
    absolute: (self) => newFloat(Math.hypot((self as PyComplex).real, (self as PyComplex).imag)),
    bool: (self) => (self as PyComplex).real !== 0 || (self as PyComplex).imag !== 0,
    new_: (_type, args) => {
      const { positional, keywords } = splitArgs(args);
      const realObject = positional[0] ?? keywords.get("real");
      const imagObject = positional[1] ?? keywords.get("imag");
      if (realObject instanceof PyComplex && imagObject === undefined) return newComplex(realObject.real, realObject.imag);
      if (realObject instanceof PyStr) throw typeError("complex() from a string is not supported by the simulator");
      const real = realObject === undefined ? 0 : convertToDouble(realObject);
      const imag = imagObject === undefined ? 0 : convertToDouble(imagObject);
      return newComplex(real, imag);
    },
  },
  binary: new Map([
    [BinaryOp.Add, binary(([a, b], [c, d]) => [a + c, b + d])],
    [BinaryOp.Sub, binary(([a, b], [c, d]) => [a - c, b - d])],
    [BinaryOp.Mul, binary(([a, b], [c, d]) => [a * c - b * d, a * d + b * c])],
    [
      BinaryOp.TrueDiv,
      binary(([a, b], [c, d]) => {
        if (c === 0 && d === 0) throw zeroDivisionError(rt.profile.minor >= 14 ? "division by zero" : "complex division by zero");
        const denominator = c * c + d * d;
        return [(a * c + b * d) / denominator, (b * c - a * d) / denominator];
      }),
    ],
  ]),
  methods: [
    { name: "conjugate", kind: "noargs", impl: (self) => newComplex((self as PyComplex).real, -(self as PyComplex).imag) },
    {
      name: "__format__",
      kind: "one",
      impl: (self, spec) => {
        if (!(spec instanceof PyStr)) throw typeError(`format() argument 2 must be str, not ${spec.type.name}`);
        try {
          return newStr(formatComplex((self as PyComplex).real, (self as PyComplex).imag, spec.value, rt.profile));
        } catch (error) {
          if (error instanceof FormatError) throw pyRaiseFromFormatError(error);
          throw error;
        }
      },
    },
  ],
  getsets: [
    { name: "real", get: (self) => newFloat((self as PyComplex).real) },
    { name: "imag", get: (self) => newFloat((self as PyComplex).imag) },
  ],
};
