// Decoding bytes to str: str(bytes, encoding, errors) and bytes.decode, through str-codecs.ts.
import type { PyObject } from "../object.js";
import { bufferData } from "./bytes-text.js";
import { PyStr, newStr } from "./str.js";
import { typeError } from "../errors.js";
import { decodeBytes } from "./str-codecs.js";

/** str(object, encoding, errors) once an encoding or errors was given: a new reference. */
export function decodeForStr(object: PyObject, encoding: string | undefined, errors: string | undefined): PyStr {
  if (object instanceof PyStr) throw typeError("decoding str is not supported");
  const data = bufferData(object);
  if (data === null) throw typeError(`decoding to str: need a bytes-like object, ${object.type.name} found`);
  return decodedStr(data, encoding ?? "utf-8", errors ?? "strict");
}

/** Decoded text as a str: '' and one Latin-1 character are the singletons. New reference. */
export function decodedStr(bytes: Uint8Array, encoding: string, errors: string): PyStr {
  return newStr(decodeBytes(bytes, encoding, errors));
}
