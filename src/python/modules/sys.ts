// The sys module: getrefcount, getsizeof, intern, version information coherent with the profile,
// recursion limit, exc_info/exception, stdout/stderr and modules.
import type { PyObject } from "../runtime/object.js";
import { decref } from "../runtime/object.js";
import { rt } from "../runtime/state.js";
import { PyType } from "../runtime/type.js";
import type { CallArgs } from "../runtime/slots.js";
import type { MethodDef } from "../runtime/method-def.js";
import type { ModuleDefinition } from "./module-builder.js";
import { newInt, PyInt } from "../runtime/types/int.js";
import { toBig } from "../runtime/types/int-value.js";
import { PyStr, newStr, intern } from "../runtime/types/str.js";
import { newTupleStealing } from "../runtime/types/tuple.js";
import { newNone, newBool } from "../runtime/values.js";
import { typeError, valueError, pyError, PyRaise, discardRaise } from "../runtime/errors.js";
import { reportedRefcount } from "../runtime/memory/memory-reader.js";
import { lookupSpecial, callSpecial } from "../runtime/slot-table.js";
import { headerBytesOf } from "../runtime/memory/object-memory.js";
import { indexValue } from "../runtime/abstract/conversions.js";
import { newDict } from "../runtime/types/dict.js";
import { newList } from "../runtime/types/list.js";
import { newStreamObject } from "./streams.js";
import { newVersionInfo } from "./version-info.js";
import { newFloatInfo } from "./float-info.js";
import { currentHandled, currentHandledTraceback, tracebackOf } from "../runtime/ops/exception-ops.js";
import { parseClinic, badArgument, cIntArgument } from "./arguments.js";

/** _PySys_GetSizeOf: __sizeof__() plus the GC header (and pre-header) of GC-tracked objects. */
function objectSize(object: PyObject): number {
  const method = lookupSpecial(object, "__sizeof__");
  if (method === null) throw typeError(`Type ${object.type.name} doesn't define __sizeof__`);
  const result = callSpecial(object, method, []);
  let size: bigint;
  try {
    if (!(result instanceof PyInt)) {
      // PyLong_AsSsize_t accepts only ints, with the same words on every version.
      if (!result.type.isSubtypeOf(rt.types.int)) throw typeError("an integer is required");
      size = indexValue(result);
    } else {
      size = toBig(result.value);
    }
  } finally {
    decref(result);
  }
  if (size < 0n) throw valueError("__sizeof__() should return >= 0");
  // Static type objects are not GC-tracked (tp_is_gc says no), so they have no GC header.
  const tracked = object.type.layout.gc && !(object instanceof PyType && !object.heapType);
  return Number(size) + (tracked ? headerBytesOf(object.type) : 0);
}

/** sys.getsizeof(object, default): a TypeError becomes `default` when one is given. */
function getsizeof(_self: PyObject, args: CallArgs): PyObject {
  const [object, fallback] = parseClinic(args, { name: "getsizeof", parameters: ["object", "default"], positionalOnly: 0, required: 1 }) as [PyObject, PyObject | undefined];
  try {
    return newInt(objectSize(object));
  } catch (error) {
    if (fallback === undefined || !(error instanceof PyRaise) || !error.exception.type.isSubtypeOf(rt.exc.TypeError)) throw error;
    discardRaise(error);
    fallback.refcount++;
    return fallback;
  }
}

/** sys.intern(string): exact str only (a subclass "can't intern"). */
function internString(_self: PyObject, args: CallArgs): PyObject {
  const values = args.values;
  const minor = rt.profile.minor;
  if (minor < 8) {
    if (args.kwnames !== null && args.kwnames.length > 0) throw typeError("intern() takes no keyword arguments");
    if (values.length !== 1) throw typeError(`intern() takes exactly 1 argument (${values.length} given)`);
  } else {
    if (args.kwnames !== null && args.kwnames.length > 0) throw typeError(`${minor >= 9 ? "sys." : ""}intern() takes no keyword arguments`);
    if (values.length !== 1) throw typeError(`${minor >= 9 ? "sys." : ""}intern() takes exactly one argument (${values.length} given)`);
  }
  const value = values[0]!;
  if (!value.type.isSubtypeOf(rt.types.str)) throw badArgument("intern", minor < 8 ? 1 : null, "str", value);
  if (value.type !== rt.types.str) throw typeError(`can't intern ${value.type.name}`);
  value.refcount++;
  return intern(value as PyStr, false);
}

/** sys.setrecursionlimit(limit): a C int ≥ 1, and above the current depth. */
function setrecursionlimit(_self: PyObject, value: PyObject): PyObject {
  const limit = cIntArgument(value);
  if (limit < 1n) throw valueError("recursion limit must be greater or equal than 1");
  const depth = rt.callDepth + 1;
  if (Number(limit) <= depth) {
    throw pyError(rt.exc.RecursionError, `cannot set the recursion limit to ${limit} at the recursion depth ${depth}: the limit is too low`);
  }
  // Deeper Python recursion than JavaScript's stack allows ends the cell as a simulator error.
  rt.recursionLimit = Number(limit);
  return newNone();
}

function excInfo(): PyObject {
  const handled = currentHandled();
  if (handled === null) return newTupleStealing([newNone(), newNone(), newNone()]);
  handled.type.refcount++;
  handled.refcount++;
  return newTupleStealing([handled.type, handled, currentHandledTraceback(handled)]);
}

function exit(_self: PyObject, args: CallArgs): PyObject {
  const values = args.values;
  if (args.kwnames !== null && args.kwnames.length > 0) throw typeError(`${rt.profile.minor >= 9 ? "sys." : ""}exit() takes no keyword arguments`);
  if (values.length > 1) throw typeError(`exit expected at most 1 argument${rt.profile.minor < 8 ? "s" : ""}, got ${values.length}`);
  const status = values[0];
  throw new PyRaise(rt.newExceptionWithArgs(rt.exc.SystemExit, status === undefined ? [] : [status]));
}

/** The functions and the first minor version that has them (absent: every version). */
const FUNCTIONS: readonly (readonly [MethodDef, number])[] = [
  [{ name: "getrefcount", kind: "one", impl: (_self, object) => newInt(reportedRefcount(object)) }, 0],
  [{ name: "getsizeof", kind: "keywords", impl: getsizeof }, 0],
  [{ name: "intern", kind: "keywords", impl: internString }, 0],
  [{ name: "getrecursionlimit", kind: "noargs", impl: () => newInt(rt.recursionLimit) }, 0],
  [{ name: "setrecursionlimit", kind: "one", impl: setrecursionlimit }, 0],
  [{ name: "getdefaultencoding", kind: "noargs", impl: () => newStr("utf-8") }, 0],
  [{ name: "get_int_max_str_digits", kind: "noargs", impl: () => newInt(rt.maxStrDigits) }, 7],
  [
    {
      name: "set_int_max_str_digits",
      kind: "keywords",
      impl: (_self, args) => {
        const [value] = parseClinic(args, { name: "set_int_max_str_digits", parameters: ["maxdigits"], positionalOnly: 0, required: 1 }) as [PyObject];
        const limit = Number(indexValue(value));
        if (limit !== 0 && limit < 640) throw valueError("maxdigits must be 0 or larger than 640");
        rt.maxStrDigits = limit;
        return newNone();
      },
    },
    7,
  ],
  [{ name: "exc_info", kind: "noargs", impl: excInfo }, 0],
  [
    {
      name: "exception",
      kind: "noargs",
      impl: () => {
        const handled = currentHandled() ?? rt.None;
        handled.refcount++;
        return handled;
      },
    },
    11,
  ],
  [
    {
      name: "_is_immortal",
      kind: "one",
      impl: (_self, object) => newBool(reportedRefcount(object) === (rt.profile.immortality as { reported?: number }).reported),
    },
    14,
  ],
  [{ name: "exit", kind: "keywords", impl: exit }, 0],
];

function versionString(): string {
  const profile = rt.profile;
  return `${profile.major}.${profile.minor}.${profile.patchVersion} (main, simulated) [lessonkit CPython simulator]`;
}

export const SYS_MODULE: ModuleDefinition = {
  name: "sys",
  get functions() {
    return FUNCTIONS.filter(([, since]) => since <= rt.profile.minor).map(([def]) => def);
  },
  values: () => {
    const profile = rt.profile;
    const values = new Map<string, PyObject>();
    values.set("version", newStr(versionString()));
    values.set("version_info", newVersionInfo());
    values.set("float_info", newFloatInfo());
    values.set("hexversion", newInt(profile.major * 0x1000000 + profile.minor * 0x10000 + profile.patchVersion * 0x100 + 0xf0));
    values.set("maxsize", newInt(9223372036854775807n));
    values.set("maxunicode", newInt(0x10ffff));
    values.set("byteorder", newStr("little"));
    values.set("platform", newStr("linux"));
    values.set("executable", newStr(""));
    values.set("argv", newList([newStr("")]));
    values.set("path", newList([]));
    values.set("stdout", newStreamObject("stdout"));
    values.set("stderr", newStreamObject("stderr"));
    const modules = newDict();
    values.set("modules", modules);
    rt.sysModulesDict = modules;
    return values;
  },
};
