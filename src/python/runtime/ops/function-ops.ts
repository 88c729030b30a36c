// MAKE_FUNCTION, LOAD_METHOD, __build_class__ and f-string pieces for generated code.
import type { PyObject } from "../object.js";
import { decref } from "../object.js";
import { rt } from "../state.js";
import { newFunction, type PyFunction } from "../types/function.js";
import type { PyCode } from "../types/code.js";
import type { PyTuple } from "../types/tuple.js";
import { PyDict, dictGetItem } from "../types/dict.js";
import { PyStr, newStr, internName } from "../types/str.js";
import { checkSurrogateJoin } from "../types/str-surrogates.js";
import { genericGetAttr, genericGetAttrWith, genericSetAttr, getAttr, setAttr, missingAttribute } from "../abstract/attributes.js";
import { withAttributeErrorContext } from "../abstract/attribute-error-context.js";
import { type NameCache, cachedTypeLookup, cachedDictGet } from "./name-cache.js";
import type { PyModule } from "../types/module.js";
import { moduleGetAttr, moduleAttribute } from "../types/module-spec.js";
import { PyFunction as FunctionClass } from "../types/function.js";
import { PyMethodDescriptor } from "../types/descriptors.js";
import { buildClass as buildClassImpl } from "../class-builder.js";
import { repr, str as strOf } from "../abstract/object-protocol.js";
import { asciiOf } from "../abstract/conversions.js";
import { formatToStr } from "../abstract/format.js";
import { typeError } from "../errors.js";
import { storageOf, cachedStoredAttribute, storeFlatAttributeCached, ownValueFromCache } from "../instance-attributes.js";
import { PyInstance } from "../types/instance.js";

/**
 * MAKE_FUNCTION: steals defaults, kwdefaults, closure and annotations (a dict, or 3.10+'s flat
 * tuple). The name is the code's co_name; the qualname is the code's co_qualname (3.11+) or,
 * up to 3.10, `qualname`: the enclosing code's constant (borrowed).
 */
export function makeFunction(
  code: PyCode,
  globals: PyObject,
  builtins: PyObject,
  defaults: PyObject | null,
  kwdefaults: PyObject | null,
  closure: PyObject | null,
  annotations: PyObject | null = null,
  qualnameConstant: PyObject | null = null,
): PyObject {
  code.refcount++;
  globals.refcount++;
  builtins.refcount++;
  const name = code.name!;
  name.refcount++;
  const qualname = qualnameConstant ?? code.qualname!;
  qualname.refcount++;
  const moduleKey = internName("__name__");
  const module = dictGetItem(globals as PyDict, moduleKey) ?? rt.None;
  decref(moduleKey);
  module.refcount++;
  const docstring = code.info.docstring;
  let doc: PyObject;
  if (docstring !== null) {
    doc = code.consts.items[0]!;
    doc.refcount++;
  } else {
    rt.None.refcount++;
    doc = rt.None;
  }
  const func: PyFunction = newFunction(code, globals, builtins, name, qualname as PyStr, module, doc);
  func.defaults = defaults as PyTuple | null;
  func.kwdefaults = kwdefaults;
  func.closure = closure as PyTuple | null;
  func.annotations = annotations;
  return func;
}

/**
 * LOAD_METHOD: when the attribute is a plain function found on the type (and not shadowed by an
 * instance attribute), push it unbound and pass the object as `self`, without a bound method.
 */
export function loadMethod(object: PyObject, name: PyStr, cache: NameCache): PyObject {
  const type = object.type;
  if (type.getattro === genericGetAttr || type.getattro === null) {
    const found = cachedTypeLookup(type, name, cache);
    if (found !== null && (found instanceof FunctionClass || (found instanceof PyMethodDescriptor && found.kind === "method"))) {
      const attributes = storageOf(object);
      const shadowed = attributes !== null && cachedStoredAttribute(attributes, name, cache) !== null;
      if (!shadowed) {
        rt.ops.methodSelf = true;
        found.refcount++;
        return found;
      }
    }
  }
  rt.ops.methodSelf = false;
  return getAttrCached(object, name, cache);
}

/** LOAD_ATTR: getAttr, with the type lookup of the generic getattr answered from `cache`. */
export function getAttrCached(object: PyObject, name: PyStr, cache: NameCache): PyObject {
  const type = object.type;
  if (type.getattro === moduleGetAttr) return moduleGetAttrCached(object as PyModule, name, cache);
  if (type.getattro !== genericGetAttr && type.getattro !== null) return getAttr(object, name);
  const descriptor = cachedTypeLookup(type, name, cache);
  // An instance's own attribute, unless a data descriptor of the type claims the name: straight
  // from its values when the cache points at its entry.
  if (object instanceof PyInstance && (descriptor === null || descriptor.type.descrSet === null)) {
    const own = ownValueFromCache(object, cache);
    if (own !== undefined) {
      own.refcount++;
      return own;
    }
  }
  let value: PyObject | null;
  try {
    value = genericGetAttrWith(object, name, descriptor, cache);
  } catch (error) {
    throw withAttributeErrorContext(error, object, name);
  }
  if (value === null) throw withAttributeErrorContext(missingAttribute(object, name.value), object, name);
  return value;
}

/**
 * STORE_ATTR: setAttr, with the generic setattr's type lookup and an instance's flat inline
 * entry answered from `cache` (the name's, shared with its loads).
 */
export function setAttrCached(object: PyObject, name: PyStr, value: PyObject, cache: NameCache): void {
  // Only instances with inline values (3.11+) can keep them flat; the others take setAttr's way at once.
  if (object instanceof PyInstance && object.type.layout.inlineValues === true && object.type.setattro === genericSetAttr) {
    const descriptor = cachedTypeLookup(object.type, name, cache);
    if ((descriptor === null || descriptor.type.descrSet === null) && name.type === rt.types.str && storeFlatAttributeCached(object, name, value, cache)) return;
  }
  setAttr(object, name, value);
}

/** getAttr on a module (`math.sqrt`): moduleAttribute's steps, its type and dict lookups answered from `cache`. */
function moduleGetAttrCached(module: PyModule, name: PyStr, cache: NameCache): PyObject {
  let value: PyObject | null;
  try {
    value = moduleAttribute(module, name, cachedTypeLookup(module.type, name, cache), cachedDictGet(module.dict, name, cache));
  } catch (error) {
    throw withAttributeErrorContext(error, module, name);
  }
  if (value === null) throw withAttributeErrorContext(missingAttribute(module, name.value), module, name);
  return value;
}

/** __build_class__ for a class statement: steals the bases and keyword values arrays' references. */
export function buildClass(body: PyObject, name: PyObject, bases: PyObject[], keywordNames: readonly string[], keywordValues: PyObject[]): PyObject {
  try {
    return buildClassImpl(body, name, bases, keywordNames, keywordValues);
  } finally {
    for (const base of bases) decref(base);
    for (const value of keywordValues) decref(value);
  }
}

/** FORMAT_VALUE: conversion -1 (none), 115 (!s), 114 (!r), 97 (!a). New reference to a str. */
export function formatValue(value: PyObject, conversion: number, spec: PyObject | null): PyObject {
  let converted: PyObject;
  if (conversion === 114) converted = repr(value);
  else if (conversion === 115) converted = strOf(value);
  else if (conversion === 97) converted = asciiOf(value);
  // Without a conversion the value is formatted as it sits on the stack (no reference of its own).
  else return formatToStr(value, spec as PyStr | null);
  try {
    return formatToStr(converted, spec as PyStr | null);
  } finally {
    decref(converted);
  }
}

/** BUILD_STRING: steals the parts. */
export function joinStrings(parts: PyObject[]): PyObject {
  try {
    let text = "";
    for (const part of parts) {
      if (!(part instanceof PyStr)) throw typeError("BUILD_STRING of a non-str");
      checkSurrogateJoin(text, part.value, "an f-string (or a %-format compiled as one)");
      text += part.value;
    }
    return newStr(text);
  } finally {
    for (const part of parts) decref(part);
  }
}
