// complex(real=0, imag=0): from a string, from numbers (complex parts combined as
// real + imag*1j), or through __complex__, as complex_new does.
import type { PyObject } from "../object.js";
import { decref } from "../object.js";
import { rt } from "../state.js";
import type { PyType } from "../type.js";
import type { CallArgs } from "../slots.js";
import { splitArgs } from "../spec-helpers.js";
import { PyComplex, newComplex, COMPLEX_OBJECT_SIZE } from "./complex.js";
import { PyStr } from "./str.js";
import { adoptSubtype } from "./instance.js";
import { allocateObject, subtypeObjectSize } from "../memory/object-memory.js";
import { FormatError } from "../format/index.js";
import { typeError, pyRaiseFromFormatError, Unsupported } from "../errors.js";
import { reprText } from "../abstract/object-protocol.js";
import { lookupSpecial, callBoundSpecial } from "../slot-table.js";
import { convertToDouble } from "./float-new.js";
import { parseComplexText } from "./complex-parse.js";
import { numberFeatures } from "./number-features.js";
import { unexpectedKeyword } from "./number-args.js";

function ofType(type: PyType, real: number, imag: number): PyObject {
  if (type === rt.types.complex) return newComplex(real, imag);
  const instance = new PyComplex(real, imag);
  // The class's block: its GC header and the pointers it adds (freed so by complexDealloc).
  instance.type = type;
  allocateObject(instance, subtypeObjectSize(type, COMPLEX_OBJECT_SIZE));
  instance.type = rt.types.complex;
  adoptSubtype(instance, type);
  return instance;
}

/** Can the object be taken as a number by complex()? (nb_float, nb_index from 3.8, or complex) */
function isNumberLike(object: PyObject): boolean {
  if (object instanceof PyComplex) return true;
  const type = object.type;
  return type.float !== null || (type.index !== null && numberFeatures(rt.profile).intFallsBackToIndex);
}

/** __complex__(), when the type defines it: an exact complex (new reference), or null. */
function complexFromSpecialMethod(object: PyObject): PyObject | null {
  const method = lookupSpecial(object, "__complex__");
  if (method === null) return null;
  const result = callBoundSpecial(object, method, []);
  if (result.type === rt.types.complex) return result;
  const isSubclass = result instanceof PyComplex;
  const name = result.type.name;
  decref(result);
  if (isSubclass) throw new Unsupported("the DeprecationWarning of __complex__ returning a complex subclass");
  // 3.6 did not name the type.
  throw typeError(rt.profile.minor <= 6 ? "__complex__ should return a complex object" : `__complex__ returned non-complex (type ${name})`);
}

export function complexNew(type: PyType, args: CallArgs): PyObject {
  const { positional, keywords } = splitArgs(args);
  if (positional.length > 2) throw typeError(`complex() takes at most 2 arguments (${positional.length} given)`);
  for (const keyword of keywords.keys()) if (keyword !== "real" && keyword !== "imag") throw unexpectedKeyword("complex", keyword, ["real", "imag"]);
  const imag = positional[1] ?? keywords.get("imag");
  let real = positional[0] ?? keywords.get("real");
  if (real === undefined) {
    if (imag === undefined) return ofType(type, 0, 0);
    const imaginary = imaginaryPart(imag);
    return ofType(type, imaginary.isComplex ? -imaginary.imag : 0, imaginary.real);
  }
  if (real.type === rt.types.complex && imag === undefined && type === rt.types.complex) {
    real.refcount++;
    return real;
  }
  if (real instanceof PyStr) {
    if (imag !== undefined) throw typeError("complex() can't take second arg if first is a string");
    const text = real.value;
    const source = real;
    try {
      const [x, y] = parseComplexText(text, () => reprText(source));
      return ofType(type, x, y);
    } catch (error) {
      if (error instanceof FormatError) throw pyRaiseFromFormatError(error);
      throw error;
    }
  }
  if (imag instanceof PyStr) throw typeError("complex() second arg can't be a string");
  const special = complexFromSpecialMethod(real);
  if (special !== null) real = special;
  try {
    if (!isNumberLike(real)) throw typeError(`complex() first argument must be a string or a number, not '${real.type.name}'`);
    if (imag !== undefined && !isNumberLike(imag)) throw typeError(`complex() second argument must be a number, not '${imag.type.name}'`);
    let realPart: number;
    let realImag = 0;
    const realIsComplex = real instanceof PyComplex;
    if (real instanceof PyComplex) {
      realPart = real.real;
      realImag = real.imag;
    } else {
      realPart = convertToDouble(real);
    }
    const imaginary = imag === undefined ? { real: realImag, imag: 0, isComplex: false } : imaginaryPart(imag);
    if (imaginary.isComplex) realPart -= imaginary.imag;
    let imagPart = imaginary.real;
    if (realIsComplex && imag !== undefined) imagPart += realImag;
    return ofType(type, realPart, imagPart);
  } finally {
    if (special !== null) decref(special);
  }
}

function imaginaryPart(imag: PyObject): { real: number; imag: number; isComplex: boolean } {
  if (imag instanceof PyComplex) return { real: imag.real, imag: imag.imag, isComplex: true };
  if (!isNumberLike(imag)) throw typeError(`complex() second argument must be a number, not '${imag.type.name}'`);
  return { real: convertToDouble(imag), imag: 0, isComplex: false };
}
