// Helpers of the bytes methods: Latin-1 views, ASCII character classes, argument checks.
// Bytes are viewed as Latin-1 text so str's search and split code serves both types.
import { PyByteArray } from "./bytearray.js";
import type { PyObject } from "../object.js";
import { rt } from "../state.js";
import { typeError, valueError } from "../errors.js";
import { PyBytes } from "./bytes.js";
import { PyInt } from "./int.js";
import { toBig } from "./int-value.js";
import { indexValue } from "../abstract/conversions.js";

/** bytes → Latin-1 text: one UTF-16 unit per byte, lossless both ways. */
export function latin1Text(bytes: Uint8Array): string {
  let text = "";
  for (let i = 0; i < bytes.length; i += 8192) text += String.fromCharCode(...bytes.subarray(i, i + 8192));
  return text;
}

export function latin1Bytes(text: string): Uint8Array {
  const bytes = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i++) bytes[i] = text.charCodeAt(i);
  return bytes;
}

/** Py_ISSPACE: space, \t, \n, \v, \f, \r. */
export const isByteSpace = (code: number): boolean => code === 32 || (code >= 9 && code <= 13);
/** Line boundaries of bytes.splitlines: \n and \r (\r\n as one). */
export const isByteLineBreak = (code: number): boolean => code === 10 || code === 13;
export const isByteLower = (code: number): boolean => code >= 0x61 && code <= 0x7a;
export const isByteUpper = (code: number): boolean => code >= 0x41 && code <= 0x5a;
export const isByteAlpha = (code: number): boolean => isByteLower(code) || isByteUpper(code);
export const isByteDigit = (code: number): boolean => code >= 0x30 && code <= 0x39;

/**
 * The data of a bytes-like object (bytes or bytearray; a bytearray's as a copy, since running
 * code may resize it), or null for anything else.
 */
export function bufferData(value: PyObject): Uint8Array | null {
  if (value instanceof PyBytes) return value.value;
  if (value instanceof PyByteArray) return value.value.slice();
  return null;
}

/** A bytes-like argument's data, or "a bytes-like object is required, not 'str'". */
export function bytesLike(value: PyObject): Uint8Array {
  const data = bufferData(value);
  if (data !== null) return data;
  throw typeError(`a bytes-like object is required, not '${value.type.name}'`);
}

/** A byte value given as an int (find(98), 98 in b'abc'): 0..255 or ValueError. */
export function byteValue(value: PyObject): number {
  const big = value instanceof PyInt ? toBig(value.value) : indexValue(value);
  if (big < 0n || big > 255n) throw valueError("byte must be in range(0, 256)");
  return Number(big);
}

/** The `sub` argument of bytes.find and friends: bytes-like or an int byte value. */
export function subsequenceArgument(value: PyObject): Uint8Array {
  const data = bufferData(value);
  if (data !== null) return data;
  if (value.type.index !== null) return Uint8Array.of(byteValue(value));
  throw typeError(
    rt.profile.minor >= 7 ? `argument should be integer or bytes-like object, not '${value.type.name}'` : `a bytes-like object is required, not '${value.type.name}'`,
  );
}
