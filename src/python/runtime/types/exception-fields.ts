// The C struct fields some exception classes add (NameError.name, AttributeError.obj,
// ImportError.msg/name/path, SyntaxError.lineno, …): members of the instance, not __dict__
// entries, set by the class's __init__ or by the interpreter when it raises.
import type { PyObject } from "../object.js";
import { decref } from "../object.js";
import { rt } from "../state.js";
import type { GetSetDef } from "../type-spec.js";
import type { PyType } from "../type.js";
import type { CallArgs } from "../slots.js";
import { splitArgs } from "../spec-helpers.js";
import { typeError, pyError, type PyRaise } from "../errors.js";
import type { PyBaseException } from "./exceptions.js";
import { newTuple, PyTuple } from "./tuple.js";
import { collectItems } from "./sequence-helpers.js";


/** The member names of each class's own struct, in the order its tp_clear drops them. */
function ownFields(name: string, minor: number): readonly string[] | null {
  switch (name) {
    case "NameError":
      return minor >= 10 ? ["name"] : null;
    case "AttributeError":
      return minor >= 10 ? ["obj", "name"] : null;
    case "UnicodeEncodeError":
    case "UnicodeDecodeError":
    case "UnicodeTranslateError":
      return ["encoding", "object", "start", "end", "reason"];
    case "ImportError":
      return minor >= 12 ? ["msg", "name", "path", "name_from"] : ["msg", "name", "path"];
    case "SyntaxError":
      return minor >= 10
        ? ["msg", "filename", "lineno", "offset", "text", "end_lineno", "end_offset", "print_file_and_line"]
        : ["msg", "filename", "lineno", "offset", "text", "print_file_and_line"];
    default:
      return null;
  }
}

/** The struct fields of an exception's class (the nearest built-in class that has some), or null. */
export function structFields(type: PyType): readonly string[] | null {
  for (const candidate of type.mro) {
    if (candidate.heapType) continue;
    const fields = ownFields(candidate.name, rt.profile.minor);
    if (fields !== null) return fields;
  }
  return null;
}

/** The field's value (borrowed), null when unset (reads as None). */
export function fieldValue(exception: PyBaseException, name: string): PyObject | null {
  return exception.fields?.get(name) ?? null;
}

/** Stores a field (value borrowed; null clears it). */
export function setFieldValue(exception: PyBaseException, name: string, value: PyObject | null): void {
  const fields = (exception.fields ??= new Map());
  const old = fields.get(name) ?? null;
  if (value !== null) {
    value.refcount++;
    fields.set(name, value);
  } else {
    fields.delete(name);
  }
  if (old !== null) decref(old);
}

/** The class's members as getsets: unset reads None, `del` unsets. */
export function fieldGetSets(className: string, minor: number): GetSetDef[] {
  return (ownFields(className, minor) ?? []).map((name) => ({
    name,
    get: (self: PyObject) => {
      const value = fieldValue(self as PyBaseException, name) ?? rt.None;
      value.refcount++;
      return value;
    },
    set: (self: PyObject, value: PyObject | null) => setFieldValue(self as PyBaseException, name, value),
  }));
}

/** BaseException_init: args becomes the positional arguments. */
function setArgs(exception: PyBaseException, positional: readonly PyObject[]): void {
  const old = exception.args;
  exception.args = newTuple(positional);
  decref(old);
}

/** _PyArg_NoKeywords: 3.6 worded it "X does not take keyword arguments". */
export function exceptionTakesNoKeywords(name: string): PyRaise {
  return typeError(rt.profile.minor <= 6 ? `${name} does not take keyword arguments` : `${name}() takes no keyword arguments`);
}

/** An __init__ that takes no keywords: the positional arguments become `args` (returned). */
export function initPositionalArgs(self: PyObject, args: CallArgs): readonly PyObject[] {
  const { positional, keywords } = splitArgs(args);
  if (keywords.size > 0) throw exceptionTakesNoKeywords(self.type.name);
  setArgs(self as PyBaseException, positional);
  return positional;
}

/** Keyword arguments a class accepts (`name=`, `obj=`, `path=`); anything else is refused. */
function takeKeywords(className: string, keywords: Map<string, PyObject>, allowed: readonly string[]): void {
  for (const key of keywords.keys()) {
    if (allowed.includes(key)) continue;
    // 3.13's argument parser words it differently.
    if (rt.profile.minor >= 13) throw typeError(`${className}() got an unexpected keyword argument '${key}'`);
    // 3.6's argument parser did not name the function.
    throw typeError(`'${key}' is an invalid keyword argument for ${rt.profile.minor <= 6 ? "this function" : `${className}()`}`);
  }
}

/**
 * The __init__ of NameError, AttributeError and ImportError: args from the positional
 * arguments, each field from its keyword (None when absent), and ImportError's msg from a single
 * positional argument.
 */
function initKeywordFields(self: PyObject, args: CallArgs, className: string, fields: readonly string[], messageField: boolean): void {
  const { positional, keywords } = splitArgs(args);
  const exception = self as PyBaseException;
  takeKeywords(className, keywords, fields);
  setArgs(exception, positional);
  for (const field of fields) setFieldValue(exception, field, keywords.get(field) ?? null);
  if (messageField) setFieldValue(exception, "msg", positional.length === 1 ? positional[0]! : null);
}

/** NameError_init (3.10+): `name=` keyword. */
export function nameErrorInit(self: PyObject, args: CallArgs): void {
  initKeywordFields(self, args, "NameError", ["name"], false);
}

/** AttributeError_init (3.10+): `name=` and `obj=` keywords. */
export function attributeErrorInit(self: PyObject, args: CallArgs): void {
  initKeywordFields(self, args, "AttributeError", ["name", "obj"], false);
}

/** ImportError_init: `name=` and `path=` keywords; msg is the only positional argument, if one. */
export function importErrorInit(self: PyObject, args: CallArgs): void {
  initKeywordFields(self, args, "ImportError", ["name", "path"], true);
}

/** SyntaxError_init: SyntaxError(msg, (filename, lineno, offset, text[, end_lineno, end_offset])). */
export function syntaxErrorInit(self: PyObject, args: CallArgs): void {
  const positional = initPositionalArgs(self, args);
  const exception = self as PyBaseException;
  if (positional.length >= 1) setFieldValue(exception, "msg", positional[0]!);
  if (positional.length !== 2) return;
  const source = positional[1]!;
  const info = source instanceof PyTuple ? source.items : collectItems(source);
  try {
    const minor = rt.profile.minor;
    if (minor < 10) {
      if (info.length !== 4) throw pyError(rt.exc.IndexError, "tuple index out of range");
    } else if (info.length < 4) {
      throw typeError(`function takes at least 4 arguments (${info.length} given)`);
    } else if (info.length > 6) {
      throw typeError(`function takes at most 6 arguments (${info.length} given)`);
    }
    const names = ["filename", "lineno", "offset", "text", "end_lineno", "end_offset"];
    info.forEach((value, index) => setFieldValue(exception, names[index]!, value));
    if (info.length === 5) throw typeError("end_offset must be provided when end_lineno is provided");
  } finally {
    if (!(source instanceof PyTuple)) for (const item of info) decref(item);
  }
}

/** tp_clear / dealloc: drops the fields in the struct's order. */
export function releaseFields(exception: PyBaseException): void {
  const fields = exception.fields;
  if (fields === null) return;
  exception.fields = null;
  const order = structFields(exception.type) ?? [...fields.keys()];
  for (const name of order) {
    const value = fields.get(name);
    if (value !== undefined) decref(value);
  }
}
