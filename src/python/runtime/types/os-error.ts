// OSError and its subclasses (Objects/exceptions.c): the errno fields parsed from the arguments,
// and OSError(errno, ...) answering with the subclass that errno maps to (FileNotFoundError, …).
import type { PyObject } from "../object.js";
import { decref } from "../object.js";
import { rt } from "../state.js";
import type { BuiltinTypeSpec, GetSetDef } from "../type-spec.js";
import type { PyType, InstanceLayout } from "../type.js";
import type { Profile } from "../../profiles/profile.js";
import type { CallArgs } from "../slots.js";
import { splitArgs } from "../spec-helpers.js";
import { PyOSError, newOSErrorObject, osErrorObjectSize } from "./exceptions.js";
import { newTuple, type PyTuple } from "./tuple.js";
import { takeArgumentTuple } from "../argument-tuple.js";
import { PyInt, newInt } from "./int.js";
import { pyError, typeError } from "../errors.js";
import { indexValue } from "../abstract/conversions.js";
import { EXCEPTION_HIERARCHY } from "../builtin-type-registry.js";

/** OSError and its subclasses (the family whose constructor maps errno to a subclass). */
const OS_ERROR_FAMILY: ReadonlySet<string> = new Set(osErrorFamily());

function osErrorFamily(): string[] {
  const family = ["OSError"];
  for (const [name, base] of EXCEPTION_HIERARCHY) if (base !== null && family.includes(base)) family.push(name);
  return family;
}

export function isOSErrorFamily(name: string): boolean {
  return OS_ERROR_FAMILY.has(name);
}

/** _PyExc_InitState's errnomap with Linux's errno values. */
const ERRNO_SUBCLASS: ReadonlyMap<number, string> = new Map([
  [11, "BlockingIOError"], // EAGAIN (= EWOULDBLOCK)
  [114, "BlockingIOError"], // EALREADY
  [115, "BlockingIOError"], // EINPROGRESS
  [10, "ChildProcessError"], // ECHILD
  [32, "BrokenPipeError"], // EPIPE
  [108, "BrokenPipeError"], // ESHUTDOWN
  [103, "ConnectionAbortedError"], // ECONNABORTED
  [111, "ConnectionRefusedError"], // ECONNREFUSED
  [104, "ConnectionResetError"], // ECONNRESET
  [17, "FileExistsError"], // EEXIST
  [2, "FileNotFoundError"], // ENOENT
  [21, "IsADirectoryError"], // EISDIR
  [20, "NotADirectoryError"], // ENOTDIR
  [4, "InterruptedError"], // EINTR
  [13, "PermissionError"], // EACCES
  [1, "PermissionError"], // EPERM
  [3, "ProcessLookupError"], // ESRCH
  [110, "TimeoutError"], // ETIMEDOUT
]);

interface ParsedArgs {
  readonly errno: PyObject | null;
  readonly strerror: PyObject | null;
  readonly filename: PyObject | null;
  readonly filename2: PyObject | null;
}

/** oserror_parse_args: with 2 to 5 arguments they are errno, strerror, filename, winerror, filename2. */
function parseArgs(args: PyTuple): ParsedArgs {
  const items = args.items;
  if (items.length < 2 || items.length > 5) return { errno: null, strerror: null, filename: null, filename2: null };
  return { errno: items[0]!, strerror: items[1]!, filename: items[2] ?? null, filename2: items[4] ?? null };
}

/**
 * oserror_use_init: a subclass with its own __init__ (and OSError's __new__) parses the arguments
 * there, not in __new__. A class statement's tp_new is the generic dispatcher, so OSError's
 * __new__ is recognised as the first __new__ on the MRO.
 */
function usesInit(type: PyType): boolean {
  if (type.init === osErrorInit) return false;
  if (type.new_ === osErrorNew) return true;
  return type.mro.find((candidate) => candidate.namespace.has("__new__")) === rt.exc.OSError;
}

/** oserror_init: stores the fields; with a filename, args keeps only (errno, strerror). Steals `args`. */
function initFields(self: PyOSError, args: PyTuple, parsed: ParsedArgs): void {
  const { filename, filename2 } = parsed;
  if (filename !== null && filename !== rt.None) {
    if (self.type === rt.exc.BlockingIOError && isNumber(filename)) {
      // BlockingIOError's third argument is the number of characters written.
      self.written = Number(indexValue(filename));
    } else {
      filename.refcount++;
      self.filename = filename;
      if (filename2 !== null && filename2 !== rt.None) {
        filename2.refcount++;
        self.filename2 = filename2;
      }
      const count = args.items.length;
      if (count >= 2 && count <= 5) {
        const kept = newTuple(args.items.slice(0, 2));
        decref(args);
        args = kept;
      }
    }
  }
  if (parsed.errno !== null) parsed.errno.refcount++;
  if (parsed.strerror !== null) parsed.strerror.refcount++;
  replace(self, "errno", parsed.errno);
  replace(self, "strerror", parsed.strerror);
  const old = self.args;
  self.args = args;
  decref(old);
}

function isNumber(value: PyObject): boolean {
  return value.type.index !== null || value.type.int !== null || value.type.float !== null;
}

function replace(self: PyOSError, field: "errno" | "strerror" | "filename" | "filename2", value: PyObject | null): void {
  const old = self[field];
  self[field] = value;
  if (old !== null) decref(old);
}

/** OSError_new: maps errno to a subclass when called on OSError itself. */
function osErrorNew(type: PyType, args: CallArgs): PyObject {
  const { positional, keywords } = splitArgs(args);
  const argsTuple = takeArgumentTuple(positional) ?? newTuple(positional);
  if (usesInit(type)) {
    decref(argsTuple);
    rt.emptyTuple.refcount++;
    return newOSErrorObject(type, rt.emptyTuple);
  }
  if (keywords.size > 0) {
    decref(argsTuple);
    throw typeError(`${type.name}() takes no keyword arguments`);
  }
  const parsed = parseArgs(argsTuple);
  let actual = type;
  if (type === rt.exc.OSError && parsed.errno instanceof PyInt) {
    const value = parsed.errno.value;
    const subclass = typeof value === "number" ? ERRNO_SUBCLASS.get(value) : undefined;
    if (subclass !== undefined) actual = (rt.exc as unknown as Record<string, PyType>)[subclass]!;
  }
  rt.emptyTuple.refcount++;
  const self = newOSErrorObject(actual, rt.emptyTuple);
  initFields(self, argsTuple, parsed);
  return self;
}

/** OSError_init: the parsing happens here only for subclasses with their own __init__. */
function osErrorInit(self: PyObject, args: CallArgs): void {
  if (!usesInit(self.type)) return;
  const { positional, keywords } = splitArgs(args);
  if (keywords.size > 0) throw typeError(`${self.type.name}() takes no keyword arguments`);
  const argsTuple = takeArgumentTuple(positional) ?? newTuple(positional);
  initFields(self as PyOSError, argsTuple, parseArgs(argsTuple));
}

/** A T_OBJECT member: NULL reads as None, deleting stores NULL. */
function member(name: string, field: "errno" | "strerror" | "filename" | "filename2"): GetSetDef {
  return {
    name,
    get: (self) => {
      const value = (self as PyOSError)[field] ?? rt.None;
      value.refcount++;
      return value;
    },
    set: (self, value) => {
      if (value !== null) value.refcount++;
      replace(self as PyOSError, field, value);
    },
  };
}

const CHARACTERS_WRITTEN: GetSetDef = {
  name: "characters_written",
  get: (self) => {
    const written = (self as PyOSError).written;
    if (written === -1) throw pyError(rt.exc.AttributeError, "characters_written");
    return newInt(written);
  },
  set: (self, value) => {
    const error = self as PyOSError;
    if (value === null) {
      if (error.written === -1) throw pyError(rt.exc.AttributeError, "characters_written");
      error.written = -1;
      return;
    }
    error.written = Number(indexValue(value));
  },
};

const OS_ERROR_LAYOUT = (profile: Profile): InstanceLayout => ({ basicSize: osErrorObjectSize(profile.minor), itemSize: 0, gc: true, preHeader: false });

/** OSError's spec: its own new/init, the errno members and the larger instance. */
export function osErrorSpec(base: string): BuiltinTypeSpec {
  return {
    name: "OSError",
    base,
    layout: OS_ERROR_LAYOUT,
    subclassable: true,
    slots: { new_: osErrorNew, init: osErrorInit },
    getsets: [member("errno", "errno"), member("strerror", "strerror"), member("filename", "filename"), member("filename2", "filename2"), CHARACTERS_WRITTEN],
  };
}

/** A subclass in the OSError family: the same instance layout. */
export function osErrorSubclassSpec(name: string, base: string): BuiltinTypeSpec {
  return { name, base, layout: OS_ERROR_LAYOUT, subclassable: true };
}
