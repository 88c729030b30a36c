// The exception classes: one spec for BaseException and the special cases of its subclasses.
import type { PyObject } from "../object.js";
import { decref } from "../object.js";
import { rt } from "../state.js";
import type { BuiltinTypeSpec, GetSetDef } from "../type-spec.js";
import type { MethodDef } from "../method-def.js";
import type { PyType, InstanceLayout } from "../type.js";
import type { Profile } from "../../profiles/profile.js";
import type { CallArgs } from "../slots.js";
import { textSlot, splitArgs } from "../spec-helpers.js";
import {
  PyBaseException,
  newExceptionObject,
  exceptionDealloc,
  exceptionTraverse,
  exceptionClear,
  exceptionStrText,
  exceptionReprText,
  exceptionObjectSize,
} from "./exceptions.js";
import { newTuple, PyTuple } from "./tuple.js";
import { takeArgumentTuple } from "../argument-tuple.js";
import { newStr } from "./str.js";
import { newNone } from "../values.js";
import { typeError } from "../errors.js";
import { PyTraceback } from "./traceback.js";
import { genericGetAttr, genericSetAttr } from "../abstract/attributes.js";
import { addExceptionNote } from "./exceptions.js";
import { newBool } from "../values.js";
import { isTrue } from "../abstract/truth.js";
import { attributesOf, initInstanceAttributes, instanceDictObject, replaceInstanceDict } from "../instance-attributes.js";
import { PyDict } from "./dict.js";
import { UNICODE_ERROR_INITS, UNICODE_ERROR_GETSETS } from "./unicode-errors.js";
import { osErrorSpec, osErrorSubclassSpec, isOSErrorFamily } from "./os-error.js";
import { EXCEPTION_HIERARCHY } from "../builtin-type-registry.js";
import { fieldGetSets, nameErrorInit, attributeErrorInit, importErrorInit, syntaxErrorInit, exceptionTakesNoKeywords } from "./exception-fields.js";

/**
 * Bytes the C struct of an exception class adds to PyBaseExceptionObject (Include/cpython/
 * pyerrors.h), for the classes that have one; subclasses share their base's struct.
 */
function ownFieldBytes(name: string, minor: number): number {
  switch (name) {
    case "StopIteration":
    case "SystemExit":
      return 8; // value, code
    case "ImportError":
      return minor >= 12 ? 32 : 24; // msg, name, path (3.12: name_from)
    case "NameError":
      return minor >= 10 ? 8 : 0; // name (3.10)
    case "AttributeError":
      return minor >= 10 ? 16 : 0; // obj, name (3.10)
    case "SyntaxError":
      return minor >= 10 ? 64 : 48; // msg, filename, lineno, offset, text, print_file_and_line (3.10: end_lineno, end_offset)
    case "UnicodeEncodeError":
    case "UnicodeDecodeError":
    case "UnicodeTranslateError":
      return 40; // encoding, object, start, end, reason (UnicodeError itself has none)
    default:
      return 0;
  }
}

const BASE_OF: ReadonlyMap<string, string | null> = new Map(EXCEPTION_HIERARCHY);

/** The struct bytes of the nearest class on the way to BaseException that has its own struct. */
function fieldBytes(name: string, minor: number): number {
  for (let current: string | null | undefined = name; current; current = BASE_OF.get(current)) {
    const bytes = ownFieldBytes(current, minor);
    if (bytes > 0) return bytes;
  }
  return 0;
}

/** An exception class's instance layout: BaseException's struct plus its own fields. */
function exceptionLayout(name: string): (profile: Profile) => InstanceLayout {
  return (profile) => ({ basicSize: exceptionObjectSize(profile.minor) + fieldBytes(name, profile.minor), itemSize: 0, gc: true, preHeader: false });
}

/** BaseException_new: the call's argument tuple becomes args (a new one when the call made none). */
function exceptionNew(type: PyType, args: CallArgs): PyObject {
  const { positional } = splitArgs(args);
  return newExceptionObject(type, takeArgumentTuple(positional) ?? newTuple(positional));
}

/** BaseException_init: args becomes the tuple it is given, which type_call gave __new__ too. */
function exceptionInit(self: PyObject, args: CallArgs): void {
  const { positional, keywords } = splitArgs(args);
  if (keywords.size > 0 && self.type.init === exceptionInit) throw exceptionTakesNoKeywords(self.type.name);
  const exception = self as PyBaseException;
  const old = exception.args;
  const given = takeArgumentTuple(positional);
  if (given === null && sameItems(old, positional)) return;
  exception.args = given ?? newTuple(positional);
  decref(old);
}

function sameItems(tuple: PyTuple, values: readonly PyObject[]): boolean {
  if (tuple.items.length !== values.length) return false;
  for (let i = 0; i < values.length; i++) if (tuple.items[i] !== values[i]) return false;
  return true;
}

function optionalField(read: (exception: PyBaseException) => PyObject | null, write: (exception: PyBaseException, value: PyObject | null) => void, check?: (value: PyObject) => void) {
  return {
    get: (self: PyObject) => {
      const value = read(self as PyBaseException) ?? rt.None;
      value.refcount++;
      return value;
    },
    set: (self: PyObject, value: PyObject | null) => {
      if (value === null) throw typeError("can't delete attribute");
      const exception = self as PyBaseException;
      const next = value === rt.None ? null : value;
      if (next !== null) {
        check?.(next);
        next.refcount++;
      }
      const old = read(exception);
      write(exception, next);
      if (old !== null) decref(old);
    },
  };
}

/** BaseException_set_tb: a traceback object or None. */
function setTraceback(exception: PyBaseException, value: PyObject): void {
  if (value !== rt.None && !(value instanceof PyTraceback)) throw typeError("__traceback__ must be a traceback or None");
  const old = exception.tracebackObject;
  if (value instanceof PyTraceback) {
    value.refcount++;
    exception.tracebackObject = value;
  } else {
    exception.tracebackObject = null;
  }
  if (old !== null) decref(old);
}

export const BASE_EXCEPTION_SPEC: BuiltinTypeSpec = {
  name: "BaseException",
  layout: exceptionLayout("BaseException"),
  subclassable: true,
  slots: {
    dealloc: exceptionDealloc,
    traverse: exceptionTraverse,
    clear: exceptionClear,
    repr: textSlot((self) => exceptionReprText(self as PyBaseException)),
    str: textSlot((self) => exceptionStrText(self as PyBaseException)),
    getattro: genericGetAttr,
    setattro: genericSetAttr,
    new_: exceptionNew,
    init: exceptionInit,
  },
  // add_note arrives with 3.11 (PEP 678); read when the spec is copied for a runtime.
  get methods() {
    return BASE_EXCEPTION_METHODS_LIST.filter((method) => method.name !== "add_note" || rt.profile.minor >= 11);
  },
  get getsets() {
    return BASE_EXCEPTION_GETSETS_LIST;
  },
};

const BASE_EXCEPTION_METHODS_LIST: MethodDef[] = [
  {
    name: "with_traceback",
    kind: "one",
    impl: (self, traceback) => {
      setTraceback(self as PyBaseException, traceback);
      self.refcount++;
      return self;
    },
  },
  {
    name: "add_note",
    kind: "one",
    impl: (self, note) => {
      addExceptionNote(self as PyBaseException, note);
      return newNone();
    },
  },
];

const BASE_EXCEPTION_GETSETS_LIST: GetSetDef[] = [
  {
    name: "args",
    get: (self) => {
      const args = (self as PyBaseException).args;
      args.refcount++;
      return args;
    },
    set: (self, value) => {
      if (value === null) throw typeError("args may not be deleted");
      const exception = self as PyBaseException;
      const old = exception.args;
      exception.args = value instanceof PyTuple ? (value.refcount++, value) : newTuple([value]);
      decref(old);
    },
  },
  {
    name: "__traceback__",
    get: (self) => {
      const traceback = (self as PyBaseException).tracebackObject ?? rt.None;
      traceback.refcount++;
      return traceback;
    },
    set: (self, value) => {
      if (value === null) throw typeError("__traceback__ may not be deleted");
      setTraceback(self as PyBaseException, value);
    },
  },
  {
    name: "__cause__",
    ...optionalField(
      (exception) => exception.cause,
      (exception, value) => {
        exception.cause = value;
        exception.suppressContext = true;
      },
      (value) => {
        if (!(value instanceof PyBaseException)) throw typeError("exception cause must be None or derive from BaseException");
      },
    ),
  },
  {
    name: "__context__",
    ...optionalField(
      (exception) => exception.context,
      (exception, value) => {
        exception.context = value;
      },
    ),
  },
  {
    // PyObject_GenericGetDict / GenericSetDict over BaseException's dict member.
    name: "__dict__",
    get: (self) => {
      if (attributesOf(self) === null) initInstanceAttributes(self);
      return instanceDictObject(self);
    },
    set: (self, value) => {
      if (value === null) throw typeError("cannot delete __dict__");
      if (!(value instanceof PyDict)) throw typeError(`__dict__ must be set to a dictionary, not a '${value.type.name}'`);
      if (attributesOf(self) === null) initInstanceAttributes(self);
      replaceInstanceDict(self, value);
    },
  },
  {
    name: "__suppress_context__",
    get: (self) => newBool((self as PyBaseException).suppressContext),
    set: (self, value) => {
      (self as PyBaseException).suppressContext = value !== null && isTrue(value);
    },
  },
];

/** The first argument, or None (SystemExit.code, which CPython also keeps in a field). */
function firstArgument(self: PyObject): PyObject {
  const value = (self as PyBaseException).args.items[0] ?? rt.None;
  value.refcount++;
  return value;
}

/** StopIteration.value: the exception's own reference, set from the first argument. */
export const STOP_ITERATION_GETSETS = [
  {
    name: "value",
    get: (self: PyObject) => {
      const value = (self as PyBaseException).stopValue ?? rt.None;
      value.refcount++;
      return value;
    },
  },
];

/** The classes whose __init__ fills their struct members (from the version they have them). */
const FIELD_INITS: ReadonlyMap<string, { readonly init: (self: PyObject, args: CallArgs) => void; readonly since?: number }> = new Map([
  ["NameError", { init: nameErrorInit, since: 10 }],
  ["AttributeError", { init: attributeErrorInit, since: 10 }],
  ["ImportError", { init: importErrorInit }],
  ["SyntaxError", { init: syntaxErrorInit }],
]);

/** A spec for a plain subclass of another exception class (OSError's family has its own layout). */
export function exceptionSubclassSpec(name: string, base: string): BuiltinTypeSpec {
  if (name === "OSError") return osErrorSpec(base);
  if (isOSErrorFamily(name)) return osErrorSubclassSpec(name, base);
  const minor = rt.profile.minor;
  const init = FIELD_INITS.get(name);
  const ownInit = init !== undefined && (init.since === undefined || minor >= init.since) ? init.init : UNICODE_ERROR_INITS.get(name);
  const fieldGets = UNICODE_ERROR_INITS.has(name) ? [...UNICODE_ERROR_GETSETS] : fieldGetSets(name, minor);
  return {
    name,
    base,
    layout: exceptionLayout(name),
    subclassable: true,
    ...(ownInit !== undefined ? { slots: { init: ownInit } } : {}),
    getsets:
      name === "StopIteration" ? STOP_ITERATION_GETSETS : name === "SystemExit" ? [{ name: "code", get: firstArgument }] : fieldGets.length > 0 ? fieldGets : undefined,
  };
}

export { newStr };
