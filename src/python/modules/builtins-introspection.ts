// Builtins that look at one object: isinstance, issubclass, callable, id, hash, len, repr,
// ascii, format, hex, oct, bin, chr, ord.
import type { PyObject } from "../runtime/object.js";
import { decref } from "../runtime/object.js";
import { rt } from "../runtime/state.js";
import { PyType } from "../runtime/type.js";
import type { CallArgs } from "../runtime/slots.js";
import type { MethodDef } from "../runtime/method-def.js";
import { typeError, valueError, Unsupported, pyRaiseFromFormatError, type PyRaise } from "../runtime/errors.js";
import { newBool, newIntFromHash } from "../runtime/values.js";
import { newInt, PyInt } from "../runtime/types/int.js";
import { toBig } from "../runtime/types/int-value.js";
import { PyStr, newStr } from "../runtime/types/str.js";
import { PyTuple } from "../runtime/types/tuple.js";
import { PyBytes } from "../runtime/types/bytes.js";
import { PyBuiltinFunction } from "../runtime/types/builtin-function.js";
import { repr, hash, callable } from "../runtime/abstract/object-protocol.js";
import { length } from "../runtime/abstract/items.js";
import { indexValue, asciiOf } from "../runtime/abstract/conversions.js";
import { isTrue } from "../runtime/abstract/truth.js";
import { lookupSpecial, callSpecial } from "../runtime/slot-table.js";
import { intToText, FormatError } from "../runtime/format/index.js";
import { formatToStr } from "../runtime/abstract/format.js";
import { checkPositionalCount, rejectKeywords, badArgument, notAnInteger, cIntArgument } from "./arguments.js";
import { refusePartialListing } from "./partial-listings.js";
import { optionalAttribute } from "./optional-attribute.js";

/** Builtins the simulator refuses that CPython has as classes, by function name. */
const REFUSED_CLASSES = new Map<string, string>([
  ["bytearray", "bytearray"],
  ["memoryview", "memoryview"],
]);

/** A refused builtin (bytearray, memoryview) used as a class: refuse the check too. */
function refuseIfPlaceholder(classinfo: PyObject): void {
  if (!(classinfo instanceof PyBuiltinFunction)) return;
  const feature = REFUSED_CLASSES.get(classinfo.def.name);
  if (feature !== undefined && classinfo.self === rt.builtins) throw new Unsupported(feature);
}

function isinstanceMessage(): string {
  return rt.profile.minor >= 10 ? "isinstance() arg 2 must be a type, a tuple of types, or a union" : "isinstance() arg 2 must be a type or tuple of types";
}

function issubclassMessage(): string {
  return rt.profile.minor >= 10 ? "issubclass() arg 2 must be a class, a tuple of classes, or a union" : "issubclass() arg 2 must be a class or tuple of classes";
}

/** A class-like object for check_class: a type, or something whose __bases__ is a tuple. */
function isClassLike(object: PyObject): boolean {
  if (object instanceof PyType) return true;
  const bases = optionalAttribute(object, "__bases__");
  if (bases === null) return false;
  decref(bases);
  if (bases instanceof PyTuple) throw new Unsupported("isinstance/issubclass with classes that are not types (__bases__ protocol)");
  return false;
}

/** object_isinstance: the type check, then a __class__ that claims a subclass. */
function objectIsInstance(object: PyObject, classinfo: PyObject): boolean {
  if (!(classinfo instanceof PyType)) {
    if (!isClassLike(classinfo)) throw typeError(isinstanceMessage());
    return false;
  }
  if (object.type.isSubtypeOf(classinfo)) return true;
  const claimed = optionalAttribute(object, "__class__");
  if (claimed === null) return false;
  try {
    return claimed !== object.type && claimed instanceof PyType && claimed.isSubtypeOf(classinfo);
  } finally {
    decref(claimed);
  }
}

/** A hook a metaclass written in Python defines (__instancecheck__/__subclasscheck__), or null. */
function metaclassHook(classinfo: PyObject, name: string): PyObject | null {
  if (classinfo.type === rt.types.type) return null;
  const hook = lookupSpecial(classinfo, name);
  if (hook === null || !isPythonLevel(classinfo.type, name)) return null;
  return hook;
}

function isPythonLevel(type: PyType, name: string): boolean {
  for (const klass of type.mro) {
    if (klass.namespace.has(name)) return klass.heapType;
  }
  return false;
}

function callHook(classinfo: PyObject, hook: PyObject, argument: PyObject): boolean {
  const result = callSpecial(classinfo, hook, [argument]);
  try {
    return isTrue(result);
  } finally {
    decref(result);
  }
}

/** object_recursive_isinstance. */
export function isInstance(object: PyObject, classinfo: PyObject): boolean {
  if (object.type === classinfo) return true;
  refuseIfPlaceholder(classinfo);
  if (classinfo instanceof PyType && classinfo.type === rt.types.type) return objectIsInstance(object, classinfo);
  if (classinfo instanceof PyTuple) return classinfo.items.some((item) => isInstance(object, item));
  const hook = metaclassHook(classinfo, "__instancecheck__");
  if (hook !== null) return callHook(classinfo, hook, object);
  return objectIsInstance(object, classinfo);
}

/** recursive_issubclass: both types, else the class checks with their messages. */
function recursiveIsSubclass(derived: PyObject, classinfo: PyObject): boolean {
  if (derived instanceof PyType && classinfo instanceof PyType) return derived.isSubtypeOf(classinfo);
  if (!isClassLike(derived)) throw typeError("issubclass() arg 1 must be a class");
  if (!isClassLike(classinfo)) throw typeError(issubclassMessage());
  return false;
}

/** object_issubclass. */
export function isSubclass(derived: PyObject, classinfo: PyObject): boolean {
  refuseIfPlaceholder(classinfo);
  if (classinfo instanceof PyType && classinfo.type === rt.types.type) {
    if (derived === classinfo) return true;
    return recursiveIsSubclass(derived, classinfo);
  }
  if (classinfo instanceof PyTuple) return classinfo.items.some((item) => isSubclass(derived, item));
  const hook = metaclassHook(classinfo, "__subclasscheck__");
  if (hook !== null) return callHook(classinfo, hook, derived);
  return recursiveIsSubclass(derived, classinfo);
}

function twoArguments(name: string, args: CallArgs): [PyObject, PyObject] {
  rejectKeywords(name, args);
  checkPositionalCount(name, args.values.length, 2, 2);
  return [args.values[0]!, args.values[1]!];
}

/** format(value, format_spec='', /): the object's __format__, with the str fast path. */
function format(_self: PyObject, args: CallArgs): PyObject {
  rejectKeywords("format", args);
  const values = args.values;
  if (rt.profile.minor < 8) {
    if (values.length < 1) throw typeError(`format() takes at least 1 argument (${values.length} given)`);
    if (values.length > 2) throw typeError(`format() takes at most 2 arguments (${values.length} given)`);
  } else {
    checkPositionalCount("format", values.length, 1, 2);
  }
  const value = values[0]!;
  const spec = values[1];
  if (spec !== undefined && !spec.type.isSubtypeOf(rt.types.str)) throw badArgument("format", 2, "str", spec);
  return formatToStr(value, (spec as PyStr | undefined) ?? null);
}

function baseConversion(base: 2 | 8 | 16) {
  return (_self: PyObject, value: PyObject): PyObject => {
    try {
      return newStr(intToText(indexValue(value), base, rt.profile, rt.maxStrDigits));
    } catch (error) {
      if (error instanceof FormatError) throw pyRaiseFromFormatError(error);
      throw error;
    }
  };
}

/** chr(i): the argument as a C int (until 3.12) or any int (3.13), then the code point range. */
function chr(_self: PyObject, value: PyObject): PyObject {
  const outOfRange = (): PyRaise => valueError("chr() arg not in range(0x110000)");
  let code: bigint;
  if (rt.profile.minor >= 13) {
    if (!(value instanceof PyInt) && value.type.index === null) throw notAnInteger(value);
    code = value instanceof PyInt ? toBig(value.value) : indexValue(value);
  } else {
    code = cIntArgument(value);
  }
  if (code < 0n || code > 0x10ffffn) throw outOfRange();
  return newStr(String.fromCodePoint(Number(code)));
}

function ord(_self: PyObject, value: PyObject): PyObject {
  if (value instanceof PyStr) {
    if (value.length !== 1) throw typeError(`ord() expected a character, but string of length ${value.length} found`);
    return newInt(value.value.codePointAt(0)!);
  }
  if (value instanceof PyBytes) {
    if (value.value.length !== 1) throw typeError(`ord() expected a character, but string of length ${value.value.length} found`);
    return newInt(value.value[0]!);
  }
  throw typeError(`ord() expected string of length 1, but ${value.type.name} found`);
}

export const INTROSPECTION_BUILTINS: readonly MethodDef[] = [
  {
    name: "isinstance",
    kind: "keywords",
    impl: (_self, args) => {
      const [object, classinfo] = twoArguments("isinstance", args);
      return newBool(isInstance(object, classinfo));
    },
  },
  {
    name: "issubclass",
    kind: "keywords",
    impl: (_self, args) => {
      const [derived, classinfo] = twoArguments("issubclass", args);
      return newBool(isSubclass(derived, classinfo));
    },
  },
  { name: "callable", kind: "one", impl: (_self, value) => newBool(callable(value)) },
  { name: "id", kind: "one", impl: (_self, value) => newInt(value.address) },
  { name: "hash", kind: "one", impl: (_self, value) => newIntFromHash(hash(value)) },
  {
    name: "len",
    kind: "one",
    impl: (_self, value) => {
      refusePartialListing(value, "len()");
      return newInt(length(value));
    },
  },
  {
    name: "repr",
    kind: "one",
    impl: (_self, value) => {
      refusePartialListing(value, "repr()");
      return repr(value);
    },
  },
  { name: "ascii", kind: "one", impl: (_self, value) => asciiOf(value) },
  { name: "format", kind: "keywords", impl: format },
  { name: "hex", kind: "one", impl: baseConversion(16) },
  { name: "oct", kind: "one", impl: baseConversion(8) },
  { name: "bin", kind: "one", impl: baseConversion(2) },
  { name: "chr", kind: "one", impl: chr },
  { name: "ord", kind: "one", impl: ord },
];

