// UnicodeEncodeError, UnicodeDecodeError and UnicodeTranslateError: their encoding/object/start/
// end/reason members, their __init__ argument checks and the message their __str__ builds from
// the members (so changing e.start changes str(e), as in CPython).
import { PyByteArray } from "./bytearray.js";
import type { PyObject } from "../object.js";
import { rt } from "../state.js";
import type { GetSetDef } from "../type-spec.js";
import type { CallArgs } from "../slots.js";
import { typeError, PyRaise } from "../errors.js";
import type { PyBaseException } from "./exceptions.js";
import { newExceptionWithArgs } from "./exceptions.js";
import { fieldValue, setFieldValue, initPositionalArgs } from "./exception-fields.js";
import { PyStr, newStr } from "./str.js";
import { PyBytes, newBytes } from "./bytes.js";
import { PyInt, newInt } from "./int.js";
import { indexValue } from "../abstract/conversions.js";
import { normalize } from "./int-value.js";
import { strText } from "../abstract/object-protocol.js";
import { codePointsOf } from "./str-text.js";
import { decref } from "../object.js";

export type UnicodeErrorKind = "UnicodeEncodeError" | "UnicodeDecodeError" | "UnicodeTranslateError";

export const UNICODE_ERROR_NAMES: readonly UnicodeErrorKind[] = ["UnicodeEncodeError", "UnicodeDecodeError", "UnicodeTranslateError"];

/** The members of PyUnicodeErrorObject, in the order tp_clear drops the object ones. */
export const UNICODE_ERROR_FIELDS: readonly string[] = ["encoding", "object", "start", "end", "reason"];

function kindOf(exception: PyBaseException): UnicodeErrorKind | null {
  for (const kind of UNICODE_ERROR_NAMES) if (exception.type.isSubtypeOf(rt.exc[kind])) return kind;
  return null;
}

/** A Py_ssize_t member (start, end): 0 until set. */
function sizeMember(name: "start" | "end"): GetSetDef {
  return {
    name,
    member: true,
    get: (self) => {
      const value = fieldValue(self as PyBaseException, name);
      if (value === null) return newInt(0);
      value.refcount++;
      return value;
    },
    set: (self, value) => {
      if (value === null) throw typeError("can't delete numeric/char attribute");
      const number = newInt(normalize(indexValue(value)));
      setFieldValue(self as PyBaseException, name, number);
      decref(number);
    },
  };
}

/** An object member (encoding, object, reason): None until set. */
function objectMember(name: "encoding" | "object" | "reason"): GetSetDef {
  return {
    name,
    member: true,
    get: (self) => {
      const value = fieldValue(self as PyBaseException, name) ?? rt.None;
      value.refcount++;
      return value;
    },
    set: (self, value) => setFieldValue(self as PyBaseException, name, value === rt.None ? null : value),
  };
}

export const UNICODE_ERROR_GETSETS: readonly GetSetDef[] = [objectMember("encoding"), objectMember("object"), sizeMember("start"), sizeMember("end"), objectMember("reason")];

function requireStrArgument(value: PyObject, position: number): PyObject {
  if (!(value instanceof PyStr)) throw typeError(`argument ${position} must be str, not ${value.type.name}`);
  return value;
}

/** The __init__ of the three classes: PyArg_ParseTuple "UUnnU" / "UOnnU" (object made bytes) / "UnnU". */
function unicodeErrorInit(kind: UnicodeErrorKind) {
  return (self: PyObject, args: CallArgs): void => {
    const positional = initPositionalArgs(self, args);
    const exception = self as PyBaseException;
    const translate = kind === "UnicodeTranslateError";
    const expected = translate ? 4 : 5;
    if (positional.length !== expected) throw typeError(`function takes exactly ${expected} arguments (${positional.length} given)`);
    const offset = translate ? 0 : 1;
    const encoding = translate ? null : requireStrArgument(positional[0]!, 1);
    let object = positional[offset]!;
    if (kind === "UnicodeDecodeError") {
      if (!(object instanceof PyBytes) && !(object instanceof PyByteArray)) throw typeError(`a bytes-like object is required, not '${object.type.name}'`);
    } else {
      requireStrArgument(object, offset + 1);
    }
    const start = newInt(normalize(indexValue(positional[offset + 1]!)));
    const end = newInt(normalize(indexValue(positional[offset + 2]!)));
    const reason = requireStrArgument(positional[offset + 3]!, offset + 4);
    if (kind === "UnicodeDecodeError" && object.type !== rt.types.bytes) object = newBytes((object as PyBytes | PyByteArray).value.slice());
    else object.refcount++;
    setFieldValue(exception, "encoding", encoding);
    setFieldValue(exception, "object", object);
    setFieldValue(exception, "start", start);
    setFieldValue(exception, "end", end);
    setFieldValue(exception, "reason", reason);
    decref(object);
    decref(start);
    decref(end);
  };
}

export const UNICODE_ERROR_INITS: ReadonlyMap<string, (self: PyObject, args: CallArgs) => void> = new Map(UNICODE_ERROR_NAMES.map((kind) => [kind, unicodeErrorInit(kind)]));

function sizeField(exception: PyBaseException, name: "start" | "end"): number {
  const value = fieldValue(exception, name);
  return value instanceof PyInt ? Number(value.value) : 0;
}

/** '\xe9', '\u20ac' or '\U0001f600': how the messages show one character. */
export function characterEscape(code: number): string {
  if (code <= 0xff) return `\\x${code.toString(16).padStart(2, "0")}`;
  if (code <= 0xffff) return `\\u${code.toString(16).padStart(4, "0")}`;
  return `\\U${code.toString(16).padStart(8, "0")}`;
}

/** str() of a unicode error from its members; null when it is not one (or has no object yet: ""). */
export function unicodeErrorStrText(exception: PyBaseException): string | null {
  const kind = kindOf(exception);
  if (kind === null) return null;
  const object = fieldValue(exception, "object");
  if (object === null) return "";
  const start = sizeField(exception, "start");
  const end = sizeField(exception, "end");
  const reason = strText(fieldValue(exception, "reason") ?? rt.None);
  const codec = kind === "UnicodeTranslateError" ? "" : `'${strText(fieldValue(exception, "encoding") ?? rt.None)}' codec `;
  const verb = kind === "UnicodeEncodeError" ? "encode" : kind === "UnicodeDecodeError" ? "decode" : "translate";
  if (kind === "UnicodeDecodeError") {
    const bytes = (object as PyBytes).value;
    if (start < bytes.length && end === start + 1) {
      return `${codec}can't decode byte 0x${bytes[start]!.toString(16).padStart(2, "0")} in position ${start}: ${reason}`;
    }
  } else {
    const points = codePointsOf((object as PyStr).value);
    if (start < points.length && end === start + 1) {
      return `${codec}can't ${verb} character '${characterEscape(points[start]!)}' in position ${start}: ${reason}`;
    }
  }
  const noun = kind === "UnicodeDecodeError" ? "bytes" : "characters";
  return `${codec}can't ${verb} ${noun} in position ${start}-${end - 1}: ${reason}`;
}

/**
 * The exception a codec raises: args (encoding, object, start, end, reason) and the same members,
 * as PyUnicodeEncodeError_Create / PyUnicodeDecodeError_Create build it.
 */
export function codecError(kind: "UnicodeEncodeError" | "UnicodeDecodeError", encoding: string, object: string | Uint8Array, start: number, end: number, reason: string): PyRaise {
  const parts = [newStr(encoding), typeof object === "string" ? newStr(object) : newBytes(object), newInt(start), newInt(end), newStr(reason)];
  const exception = newExceptionWithArgs(rt.exc[kind], parts);
  UNICODE_ERROR_FIELDS.forEach((name, index) => setFieldValue(exception, name, parts[index]!));
  for (const part of parts) decref(part);
  return new PyRaise(exception);
}
