// The int and bool types: arithmetic slots, comparisons with ints and floats, conversions.
import type { PyObject } from "../object.js";
import { rt } from "../state.js";
import type { BuiltinTypeSpec } from "../type-spec.js";
import type { PyType } from "../type.js";
import { BinaryOp } from "../type.js";
import { CompareOp } from "../slots.js";
import { textSlot, splitArgs } from "../spec-helpers.js";
import { PyInt, newInt, intDealloc, intObjectSize } from "./int.js";
import * as value from "./int-value.js";
import { PyFloat, newFloat } from "./float.js";
import { newNotImplemented, newBool } from "../values.js";
import { hashIntNumber, hashInt } from "../hashing/index.js";
import { intToDecimal, intTrueDiv, intPow, intPowMod, intZeroDivisionMessage, parseIntText, parseFloatText, formatInt, FormatError, floatToBigint } from "../format/index.js";
import { zeroDivisionError, typeError, valueError, overflowError, pyRaiseFromFormatError } from "../errors.js";
import { PyStr, newStr } from "./str.js";
import { adoptSubtype } from "./instance.js";
import { indexValue } from "../abstract/conversions.js";
import { reprText } from "../abstract/object-protocol.js";
import { allocateObject } from "../memory/object-memory.js";
import { isTrue } from "../abstract/truth.js";
import { newTupleStealing } from "./tuple.js";
import { memoryError } from "../errors.js";

const toBig = value.toBig;

function intOf(object: PyObject): value.IntValue | null {
  return object instanceof PyInt ? object.value : null;
}

function intRepr(self: PyObject): string {
  const number = (self as PyInt).value;
  if (typeof number === "number") return String(number);
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

/** Compares an int with a float exactly, as CPython's float_richcompare does. */
export function compareIntFloat(integer: value.IntValue, float: number): number {
  if (Number.isNaN(float)) return NaN;
  if (float === Infinity) return -1;
  if (float === -Infinity) return 1;
  const whole = Math.floor(float);
  const wholeBig = floatToBigint(whole);
  const order = value.compare(integer, value.normalize(wholeBig));
  if (order !== 0) return order;
  return whole === float ? 0 : -1;
}

function applyCompare(order: number, op: CompareOp): boolean {
  if (Number.isNaN(order)) return op === CompareOp.Ne;
  switch (op) {
    case CompareOp.Lt:
      return order < 0;
    case CompareOp.Le:
      return order <= 0;
    case CompareOp.Eq:
      return order === 0;
    case CompareOp.Ne:
      return order !== 0;
    case CompareOp.Gt:
      return order > 0;
    case CompareOp.Ge:
      return order >= 0;
  }
}

function intRichCompare(self: PyObject, other: PyObject, op: CompareOp): PyObject {
  const left = (self as PyInt).value;
  if (other instanceof PyInt) return newBool(applyCompare(value.compare(left, other.value), op));
  return newNotImplemented();
}

type IntOperation = (a: value.IntValue, b: value.IntValue) => PyObject;

function intBinary(operation: IntOperation): (a: PyObject, b: PyObject) => PyObject {
  return (a, b) => {
    const x = intOf(a);
    const y = intOf(b);
    if (x === null || y === null) return newNotImplemented();
    return operation(x, y);
  };
}

function zeroDivision(operation: "floordiv" | "mod" | "truediv" | "divmod"): never {
  throw zeroDivisionError(intZeroDivisionMessage(operation, rt.profile));
}

const INT_BINARY = new Map<number, (a: PyObject, b: PyObject) => PyObject>([
  [BinaryOp.Add, intBinary((a, b) => newInt(value.add(a, b)))],
  [BinaryOp.Sub, intBinary((a, b) => newInt(value.subtract(a, b)))],
  [BinaryOp.Mul, intBinary((a, b) => newInt(value.multiply(a, b)))],
  [
    BinaryOp.TrueDiv,
    intBinary((a, b) => {
      if (b === 0) zeroDivision("truediv");
      if (typeof a === "number" && typeof b === "number" && Math.abs(a) < 2 ** 53 && Math.abs(b) < 2 ** 53) return newFloat(a / b);
      try {
        return newFloat(intTrueDiv(toBig(a), toBig(b), rt.profile));
      } catch (error) {
        if (error instanceof FormatError) throw pyRaiseFromFormatError(error);
        throw error;
      }
    }),
  ],
  [
    BinaryOp.FloorDiv,
    intBinary((a, b) => {
      if (b === 0) zeroDivision("floordiv");
      return newInt(value.floorDivide(a, b));
    }),
  ],
  [
    BinaryOp.Mod,
    intBinary((a, b) => {
      if (b === 0) zeroDivision("mod");
      return newInt(value.modulo(a, b));
    }),
  ],
  [
    BinaryOp.Pow,
    intBinary((a, b) => {
      if (value.sign(b) >= 0) {
        if (value.bitLength(a) * Number(b) > 64_000_000) throw memoryError();
        return newInt(value.power(a, b));
      }
      try {
        const result = intPow(toBig(a), toBig(b), rt.profile);
        if (typeof result === "number") return newFloat(result);
        if (typeof result === "bigint") return newInt(value.normalize(result));
        throw typeError("complex results are not supported by the simulator");
      } catch (error) {
        if (error instanceof FormatError) throw pyRaiseFromFormatError(error);
        throw error;
      }
    }),
  ],
  [
    BinaryOp.LShift,
    intBinary((a, b) => {
      if (value.sign(b) < 0) throw valueError("negative shift count");
      if (Number(b) > 64_000_000) throw overflowError("too many digits in integer");
      return newInt(value.shiftLeft(a, b));
    }),
  ],
  [
    BinaryOp.RShift,
    intBinary((a, b) => {
      if (value.sign(b) < 0) throw valueError("negative shift count");
      return newInt(value.shiftRight(a, b));
    }),
  ],
  [BinaryOp.And, intBinary((a, b) => newInt(value.bitAnd(a, b)))],
  [BinaryOp.Xor, intBinary((a, b) => newInt(value.bitXor(a, b)))],
  [BinaryOp.Or, intBinary((a, b) => newInt(value.bitOr(a, b)))],
]);

/** pow(a, b, m) for ints. */
export function intTernaryPow(a: PyObject, b: PyObject, modulus: PyObject): PyObject {
  const x = intOf(a);
  const y = intOf(b);
  const m = intOf(modulus);
  if (x === null || y === null || m === null) return newNotImplemented();
  try {
    return newInt(value.normalize(intPowMod(toBig(x), toBig(y), toBig(m), rt.profile)));
  } catch (error) {
    if (error instanceof FormatError) throw pyRaiseFromFormatError(error);
    throw error;
  }
}

/** int(x=0, base=10). */
function intNew(type: PyType, args: { values: readonly PyObject[]; kwnames: readonly string[] | null }): PyObject {
  const { positional, keywords } = splitArgs(args);
  if (positional.length > 2) throw typeError(`int() takes at most 2 arguments (${positional.length} given)`);
  const argument = positional[0] ?? keywords.get("x");
  const baseArgument = positional[1] ?? keywords.get("base");
  const result = baseArgument === undefined ? convertToInt(argument) : parseWithBase(argument, baseArgument);
  if (type === rt.types.int) return result;
  const instance = new PyInt(result.value);
  instance.address = 0;
  if (--result.refcount === 0) result.type.dealloc(result);
  allocateObject(instance, intObjectSize(instance.value));
  adoptSubtype(instance, type);
  return instance;
}

function parseWithBase(argument: PyObject | undefined, baseArgument: PyObject): PyInt {
  if (argument === undefined) throw typeError("int() missing string argument");
  const base = Number(indexValue(baseArgument));
  if (!(argument instanceof PyStr)) throw typeError("int() can't convert non-string with explicit base");
  return parseIntObject(argument.value, base);
}

function parseIntObject(text: string, base: number): PyInt {
  try {
    return newInt(value.normalize(parseIntText(text, base, { version: rt.profile, maxStrDigits: rt.maxStrDigits, reprOf: (t) => reprText(newStrTemporary(t)) })));
  } catch (error) {
    if (error instanceof FormatError) throw pyRaiseFromFormatError(error);
    throw error;
  }
}

function newStrTemporary(text: string): PyObject {
  const str = newStr(text);
  str.refcount--;
  return str;
}

/** int(x) for one argument: ints, floats, strings, __int__/__index__/__trunc__. */
export function convertToInt(argument: PyObject | undefined): PyInt {
  if (argument === undefined) return newInt(0);
  if (argument.type === rt.types.int) {
    argument.refcount++;
    return argument as PyInt;
  }
  if (argument instanceof PyInt) return newInt(argument.value);
  if (argument instanceof PyFloat) {
    const number = argument.value;
    if (Number.isNaN(number)) throw valueError("cannot convert float NaN to integer");
    if (!Number.isFinite(number)) throw overflowError("cannot convert float infinity to integer");
    return newInt(value.normalize(floatToBigint(number)));
  }
  if (argument instanceof PyStr) return parseIntObject(argument.value, 10);
  const converter = argument.type.int ?? argument.type.index;
  if (converter !== null) {
    const result = converter(argument);
    if (!(result instanceof PyInt)) {
      const name = result.type.name;
      if (--result.refcount === 0) result.type.dealloc(result);
      throw typeError(`__int__ returned non-int (type ${name})`);
    }
    return result;
  }
  throw typeError(`int() argument must be a string, a bytes-like object or a ${rt.profile.minor >= 10 ? "real number" : "number"}, not '${argument.type.name}'`);
}

function intFormat(self: PyObject, spec: PyObject): PyObject {
  if (!(spec instanceof PyStr)) throw typeError(`format() argument 2 must be str, not ${spec.type.name}`);
  const number = (self as PyInt).value;
  if (spec.value === "" && self.type === rt.types.bool) return newStr(number === 1 ? "True" : "False");
  try {
    return newStr(formatInt(toBig(number), spec.value, rt.profile, self.type.name, rt.maxStrDigits));
  } catch (error) {
    if (error instanceof FormatError) throw pyRaiseFromFormatError(error);
    throw error;
  }
}

function newIntAttribute(get: (self: PyInt) => value.IntValue) {
  return (self: PyObject): PyObject => newInt(get(self as PyInt));
}

export const INT_SPEC: BuiltinTypeSpec = {
  name: "int",
  layout: { basicSize: 24, itemSize: 4, gc: false, preHeader: false },
  subclassable: true,
  slots: {
    dealloc: intDealloc,
    repr: textSlot(intRepr),
    hash: intHash,
    richcompare: intRichCompare,
    negative: (self) => newInt(value.negate((self as PyInt).value)),
    positive: (self) => newInt((self as PyInt).value),
    invert: (self) => newInt(value.invert((self as PyInt).value)),
    absolute: (self) => newInt(value.absolute((self as PyInt).value)),
    bool: (self) => (self as PyInt).value !== 0,
    int: (self) => newInt((self as PyInt).value),
    index: (self) => newInt((self as PyInt).value),
    float: (self) => {
      const number = value.toDouble((self as PyInt).value);
      if (number === undefined) throw overflowError("int too large to convert to float");
      return newFloat(number);
    },
    new_: intNew,
  },
  binary: INT_BINARY,
  methods: [
    { name: "bit_length", kind: "noargs", impl: (self) => newInt(value.bitLength((self as PyInt).value)) },
    { name: "conjugate", kind: "noargs", impl: (self) => newInt((self as PyInt).value) },
    { name: "__format__", kind: "one", impl: intFormat },
    { name: "__trunc__", kind: "noargs", impl: (self) => newInt((self as PyInt).value) },
    { name: "__floor__", kind: "noargs", impl: (self) => newInt((self as PyInt).value) },
    { name: "__ceil__", kind: "noargs", impl: (self) => newInt((self as PyInt).value) },
    { name: "__sizeof__", kind: "noargs", impl: (self) => newInt(intObjectSize((self as PyInt).value)) },
    { name: "is_integer", kind: "noargs", impl: () => newBool(true) },
    {
      name: "as_integer_ratio",
      kind: "noargs",
      impl: (self) => newTupleStealing([newInt((self as PyInt).value), newInt(1)]),
    },
  ],
  getsets: [
    { name: "real", get: newIntAttribute((self) => self.value) },
    { name: "imag", get: newIntAttribute(() => 0) },
    { name: "numerator", get: newIntAttribute((self) => self.value) },
    { name: "denominator", get: newIntAttribute(() => 1) },
  ],
};

function boolBinary(op: "and" | "or" | "xor", fallback: (a: PyObject, b: PyObject) => PyObject) {
  return (a: PyObject, b: PyObject): PyObject => {
    if ((a === rt.True || a === rt.False) && (b === rt.True || b === rt.False)) {
      const x = a === rt.True;
      const y = b === rt.True;
      return newBool(op === "and" ? x && y : op === "or" ? x || y : x !== y);
    }
    return fallback(a, b);
  };
}

export const BOOL_SPEC: BuiltinTypeSpec = {
  name: "bool",
  base: "int",
  layout: { basicSize: 24, itemSize: 4, gc: false, preHeader: false },
  subclassable: false,
  slots: {
    dealloc: (self) => {
      throw new Error(`simulator bug: the refcount of ${self === rt.True ? "True" : "False"} reached zero`);
    },
    repr: textSlot((self) => (self === rt.True ? "True" : "False")),
    new_: (_type, args) => {
      const { positional } = splitArgs(args);
      if (positional.length > 1) throw typeError(`bool expected at most 1 argument, got ${positional.length}`);
      return newBool(positional.length === 1 && isTrue(positional[0]!));
    },
  },
  binary: new Map([
    [BinaryOp.And, boolBinary("and", INT_BINARY.get(BinaryOp.And)!)],
    [BinaryOp.Or, boolBinary("or", INT_BINARY.get(BinaryOp.Or)!)],
    [BinaryOp.Xor, boolBinary("xor", INT_BINARY.get(BinaryOp.Xor)!)],
  ]),
};

export { compareIntFloat as compareIntWithFloat, applyCompare, parseFloatText };
