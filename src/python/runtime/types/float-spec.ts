// The float type: repr, hashing, comparisons with ints, arithmetic with CPython's kernels.
import type { PyObject } from "../object.js";
import { rt } from "../state.js";
import type { BuiltinTypeSpec } from "../type-spec.js";
import type { PyType } from "../type.js";
import { BinaryOp } from "../type.js";
import { CompareOp } from "../slots.js";
import { textSlot, splitArgs } from "../spec-helpers.js";
import { PyFloat, newFloat, floatDealloc, FLOAT_OBJECT_SIZE } from "./float.js";
import { PyInt, newInt } from "./int.js";
import * as value from "./int-value.js";
import { newNotImplemented, newBool } from "../values.js";
import { hashFloat } from "../hashing/index.js";
import {
  floatRepr,
  floatTrueDiv,
  floatFloorDiv,
  floatMod,
  floatPow,
  floatDivmod,
  formatFloat,
  parseFloatText,
  intToFloat,
  roundFloat,
  roundFloatToInt,
  floatToBigint,
  floatIsInteger,
  floatAsIntegerRatio,
  floatHex,
  FormatError,
  isComplexPowResult,
} from "../format/index.js";
import { compareIntFloat, applyCompare } from "./int-spec.js";
import { typeError, overflowError, valueError, pyRaiseFromFormatError } from "../errors.js";
import { PyStr, newStr } from "./str.js";
import { adoptSubtype } from "./instance.js";
import { newTupleStealing } from "./tuple.js";
import { allocateObject } from "../memory/object-memory.js";
import { newComplex } from "./complex.js";
import { reprText } from "../abstract/object-protocol.js";

/** A float operand as a double: floats directly, ints converted (OverflowError when too big). */
function asDouble(object: PyObject): number | null {
  if (object instanceof PyFloat) return object.value;
  if (object instanceof PyInt) {
    const number = value.toDouble(object.value);
    if (number === undefined) throw overflowError("int too large to convert to float");
    return number;
  }
  return null;
}

function guard<T>(run: () => T): T {
  try {
    return run();
  } catch (error) {
    if (error instanceof FormatError) throw pyRaiseFromFormatError(error);
    throw error;
  }
}

function floatBinary(operation: (a: number, b: number) => PyObject): (a: PyObject, b: PyObject) => PyObject {
  return (a, b) => {
    const x = asDouble(a);
    const y = asDouble(b);
    if (x === null || y === null) return newNotImplemented();
    return guard(() => operation(x, y));
  };
}

export const FLOAT_BINARY = new Map<number, (a: PyObject, b: PyObject) => PyObject>([
  [BinaryOp.Add, floatBinary((a, b) => newFloat(a + b))],
  [BinaryOp.Sub, floatBinary((a, b) => newFloat(a - b))],
  [BinaryOp.Mul, floatBinary((a, b) => newFloat(a * b))],
  [BinaryOp.TrueDiv, floatBinary((a, b) => newFloat(floatTrueDiv(a, b, rt.profile)))],
  [BinaryOp.FloorDiv, floatBinary((a, b) => newFloat(floatFloorDiv(a, b, rt.profile)))],
  [BinaryOp.Mod, floatBinary((a, b) => newFloat(floatMod(a, b, rt.profile)))],
  [
    BinaryOp.Pow,
    floatBinary((a, b) => {
      const result = floatPow(a, b, rt.profile);
      if (isComplexPowResult(result)) {
        // A negative base to a fractional power: the complex result (float_pow returns complex).
        const magnitude = Math.pow(-result.base, result.exponent);
        const angle = Math.PI * result.exponent;
        return newComplex(magnitude * Math.cos(angle), magnitude * Math.sin(angle));
      }
      return newFloat(result);
    }),
  ],
]);

function floatRichCompare(self: PyObject, other: PyObject, op: CompareOp): PyObject {
  const left = (self as PyFloat).value;
  if (other instanceof PyFloat) {
    const right = other.value;
    const order = Number.isNaN(left) || Number.isNaN(right) ? NaN : left < right ? -1 : left > right ? 1 : 0;
    return newBool(applyCompare(order, op));
  }
  if (other instanceof PyInt) return newBool(applyCompare(-compareIntFloat(other.value, left), op));
  return newNotImplemented();
}

function floatHashSlot(self: PyObject): number | bigint {
  const hash = hashFloat((self as PyFloat).value, rt.profile, self.address);
  return hash >= -9007199254740991n && hash <= 9007199254740991n ? Number(hash) : hash;
}

/** float(x=0.0). */
function floatNew(type: PyType, args: { values: readonly PyObject[]; kwnames: readonly string[] | null }): PyObject {
  const { positional } = splitArgs(args);
  if (positional.length > 1) throw typeError(`float expected at most 1 argument, got ${positional.length}`);
  const number = positional.length === 0 ? 0 : convertToDouble(positional[0]!);
  if (type === rt.types.float) return newFloat(number);
  const instance = new PyFloat(number);
  allocateObject(instance, FLOAT_OBJECT_SIZE);
  adoptSubtype(instance, type);
  return instance;
}

export function convertToDouble(argument: PyObject): number {
  if (argument instanceof PyFloat) return argument.value;
  if (argument instanceof PyInt) {
    const number = value.toDouble(argument.value);
    if (number === undefined) throw overflowError("int too large to convert to float");
    return number;
  }
  if (argument instanceof PyStr) return guard(() => parseFloatText(argument.value, rt.profile, (text) => reprText(newStrTemporary(text))));
  const converter = argument.type.float;
  if (converter !== null) {
    const result = converter(argument);
    try {
      if (!(result instanceof PyFloat)) throw typeError(`${argument.type.name}.__float__ returned non-float (type ${result.type.name})`);
      return result.value;
    } finally {
      if (--result.refcount === 0) result.type.dealloc(result);
    }
  }
  if (argument.type.index !== null) {
    const index = argument.type.index(argument) as PyInt;
    try {
      return guard(() => intToFloat(value.toBig(index.value)));
    } finally {
      if (--index.refcount === 0) index.type.dealloc(index);
    }
  }
  throw typeError(`float() argument must be a string or a ${rt.profile.minor >= 10 ? "real number" : "number"}, not '${argument.type.name}'`);
}

function newStrTemporary(text: string): PyObject {
  const str = newStr(text);
  str.refcount--;
  return str;
}

function floatOf(self: PyObject): number {
  return (self as PyFloat).value;
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
    positive: (self) => newFloat(floatOf(self)),
    absolute: (self) => newFloat(Math.abs(floatOf(self))),
    bool: (self) => floatOf(self) !== 0,
    float: (self) => newFloat(floatOf(self)),
    int: (self) => {
      const number = floatOf(self);
      if (Number.isNaN(number)) throw valueError("cannot convert float NaN to integer");
      if (!Number.isFinite(number)) throw overflowError("cannot convert float infinity to integer");
      return newInt(value.normalize(floatToBigint(number)));
    },
    new_: floatNew,
  },
  binary: FLOAT_BINARY,
  methods: [
    { name: "is_integer", kind: "noargs", impl: (self) => newBool(floatIsInteger(floatOf(self))) },
    {
      name: "as_integer_ratio",
      kind: "noargs",
      impl: (self) =>
        guard(() => {
          const number = floatOf(self);
          if (Number.isNaN(number)) throw new FormatError("ValueError", "cannot convert NaN to integer ratio");
          if (!Number.isFinite(number)) throw new FormatError("OverflowError", "cannot convert Infinity to integer ratio");
          const [numerator, denominator] = floatAsIntegerRatio(number);
          return newTupleStealing([newInt(value.normalize(numerator)), newInt(value.normalize(denominator))]);
        }),
    },
    { name: "hex", kind: "noargs", impl: (self) => newStr(floatHex(floatOf(self))) },
    { name: "conjugate", kind: "noargs", impl: (self) => newFloat(floatOf(self)) },
    {
      name: "__format__",
      kind: "one",
      impl: (self, spec) => {
        if (!(spec instanceof PyStr)) throw typeError(`format() argument 2 must be str, not ${spec.type.name}`);
        return newStr(guard(() => formatFloat(floatOf(self), spec.value, rt.profile, self.type.name)));
      },
    },
    {
      name: "__round__",
      kind: "positional",
      impl: (self, args) =>
        guard(() => {
          const number = floatOf(self);
          const digits = args[0];
          if (digits === undefined || digits === rt.None) {
            if (Number.isNaN(number)) throw new FormatError("ValueError", "cannot convert float NaN to integer");
            if (!Number.isFinite(number)) throw new FormatError("OverflowError", "cannot convert float infinity to integer");
            return newInt(value.normalize(roundFloatToInt(number)));
          }
          if (!(digits instanceof PyInt)) throw typeError(`'${digits.type.name}' object cannot be interpreted as an integer`);
          return newFloat(roundFloat(number, value.toBig(digits.value)));
        }),
    },
    { name: "__trunc__", kind: "noargs", impl: (self) => FLOAT_SPEC.slots!.int!(self) },
    {
      name: "__divmod__",
      kind: "one",
      impl: (self, other) => {
        const b = asDouble(other);
        if (b === null) return newNotImplemented();
        const [quotient, remainder] = guard(() => floatDivmod(floatOf(self), b, rt.profile));
        return newTupleStealing([newFloat(quotient), newFloat(remainder)]);
      },
    },
  ],
  getsets: [
    { name: "real", get: (self) => newFloat(floatOf(self)) },
    { name: "imag", get: () => newFloat(0) },
  ],
};
