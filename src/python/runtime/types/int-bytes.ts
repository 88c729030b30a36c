// int.to_bytes and int.from_bytes: two's complement byte strings in either byte order, with the
// 3.11 defaults (length=1, byteorder='big') and each version's errors.
import { bufferData } from "./bytes-text.js";
import type { PyObject } from "../object.js";
import { decref } from "../object.js";
import { rt } from "../state.js";
import type { CallArgs } from "../slots.js";
import type { PyType } from "../type.js";
import { PyInt, newInt, newIntObject } from "./int.js";
import * as value from "./int-value.js";
import { PyStr } from "./str.js";
import { PyBytes, newBytes } from "./bytes.js";
import { typeError, valueError, overflowError } from "../errors.js";
import { indexValue } from "../abstract/conversions.js";
import { isTrue } from "../abstract/truth.js";
import { getIter, iterNext } from "../abstract/iteration.js";
import { callPositional } from "../abstract/object-protocol.js";
import { numberFeatures } from "./number-features.js";
import { bindArguments, type Parameter } from "./number-args.js";
import { checkIntBits } from "./int-limits.js";

function parameters(first: string): Parameter[] {
  const defaults = numberFeatures(rt.profile).bytesConversionDefaults;
  return [
    { name: first, optional: first === "length" && defaults },
    { name: "byteorder", optional: defaults },
    { name: "signed", keywordOnly: true, optional: true },
  ];
}

/** "little" or "big" from the byteorder argument. */
function byteOrder(functionName: string, argument: PyObject | undefined): "little" | "big" {
  if (argument === undefined) return "big";
  if (!(argument instanceof PyStr)) {
    const position = rt.profile.minor <= 7 ? "2" : "'byteorder'";
    throw typeError(`${functionName}() argument ${position} must be str, not ${argument.type.name}`);
  }
  if (argument.value === "little" || argument.value === "big") return argument.value;
  throw valueError("byteorder must be either 'little' or 'big'");
}

/** int.to_bytes(length=1, byteorder='big', *, signed=False) */
export function intToBytes(self: PyObject, args: CallArgs): PyObject {
  const [lengthArgument, orderArgument, signedArgument] = bindArguments("to_bytes", parameters("length"), args);
  const length = lengthArgument === undefined ? 1n : indexValue(lengthArgument);
  if (length < 0n) throw valueError("length argument must be non-negative");
  const order = byteOrder("to_bytes", orderArgument);
  const signed = signedArgument !== undefined && isTrue(signedArgument);
  let number = value.toBig((self as PyInt).value);
  if (number < 0n && !signed) throw overflowError("can't convert negative int to unsigned");
  const bits = BigInt(value.bitLength(value.normalize(number)));
  // Signed values need a sign bit (except -2^(8n-1), which fits exactly).
  const needed = number === 0n ? 0 : signed ? (number < 0n ? value.bitLength(value.normalize(-number - 1n)) + 1 : Number(bits) + 1) : Number(bits);
  if (BigInt(needed) > length * 8n) throw overflowError("int too big to convert");
  checkIntBits(Number(length) * 8);
  const size = Number(length);
  if (number < 0n) number += 1n << (length * 8n);
  const bytes = new Uint8Array(size);
  for (let index = 0; index < size && number > 0n; index++) {
    bytes[order === "little" ? index : size - 1 - index] = Number(number & 0xffn);
    number >>= 8n;
  }
  return newBytes(bytes);
}

/** The bytes of from_bytes' first argument: bytes-like objects or iterables of ints. */
function bytesOf(argument: PyObject): Uint8Array {
  const data = bufferData(argument);
  if (data !== null) return data;
  if (argument instanceof PyStr) throw typeError("cannot convert 'str' object to bytes");
  if (argument.type.iter === null && argument.type.getitem === null) throw typeError(`cannot convert '${argument.type.name}' object to bytes`);
  const iterator = getIter(argument);
  const collected: number[] = [];
  try {
    for (let item = iterNext(iterator); item !== null; item = iterNext(iterator)) {
      try {
        const byte = indexValue(item);
        if (byte < 0n || byte > 255n) throw valueError("bytes must be in range(0, 256)");
        collected.push(Number(byte));
      } finally {
        decref(item);
      }
    }
  } finally {
    decref(iterator);
  }
  return Uint8Array.from(collected);
}

/** int.from_bytes(bytes, byteorder='big', *, signed=False), a classmethod. */
export function intFromBytes(cls: PyObject, args: CallArgs): PyObject {
  const [bytesArgument, orderArgument, signedArgument] = bindArguments("from_bytes", parameters("bytes"), args);
  const bytes = bytesOf(bytesArgument!);
  const order = byteOrder("from_bytes", orderArgument);
  const signed = signedArgument !== undefined && isTrue(signedArgument);
  let number = 0n;
  for (let index = 0; index < bytes.length; index++) {
    const byte = bytes[order === "big" ? index : bytes.length - 1 - index]!;
    number = (number << 8n) | BigInt(byte);
  }
  if (signed && bytes.length > 0 && (bytes[order === "big" ? 0 : bytes.length - 1]! & 0x80) !== 0) number -= 1n << BigInt(bytes.length * 8);
  // Before 3.11 the bytes were converted into a new object without a look at the small-int cache.
  const cached = bytes.length === 0 || numberFeatures(rt.profile).smallIntsFromBytes;
  const result = cached ? newInt(value.normalize(number)) : newIntObject(value.normalize(number));
  if (cls === rt.types.int) return result;
  // A subclass gets type(value), as long_from_bytes does.
  try {
    return callPositional(cls as PyType, [result]);
  } finally {
    decref(result);
  }
}
