// The sys module: getrefcount, getsizeof, intern, version information, stdout/stderr, limits.
import type { PyObject } from "../runtime/object.js";
import { decref } from "../runtime/object.js";
import { rt } from "../runtime/state.js";
import type { ModuleDefinition } from "./module-builder.js";
import { newInt, PyInt } from "../runtime/types/int.js";
import { PyStr, newStr, intern } from "../runtime/types/str.js";
import { newTupleStealing } from "../runtime/types/tuple.js";
import { newNone, newBool } from "../runtime/values.js";
import { typeError, valueError, pyError } from "../runtime/errors.js";
import { reportedRefcount } from "../runtime/memory/memory-reader.js";
import { lookupSpecial, callSpecial } from "../runtime/slot-table.js";
import { headerBytesOf } from "../runtime/memory/object-memory.js";
import { indexNumber } from "../runtime/abstract/conversions.js";
import { newDict, dictSetItem } from "../runtime/types/dict.js";
import { internName } from "../runtime/types/str.js";
import { writeOutput } from "./output.js";
import { newList } from "../runtime/types/list.js";
import { newStreamObject } from "./streams.js";
import { newVersionInfo } from "./version-info.js";
import { currentHandled, tracebackOf } from "../runtime/ops/exception-ops.js";

/** sys.getsizeof: __sizeof__() plus the GC header for GC-tracked types. */
function getsizeof(_self: PyObject, args: readonly PyObject[]): PyObject {
  if (args.length < 1 || args.length > 2) throw typeError(`getsizeof() takes at most 2 arguments (${args.length} given)`);
  const object = args[0]!;
  const method = lookupSpecial(object, "__sizeof__");
  if (method === null) {
    if (args[1] !== undefined) {
      args[1].refcount++;
      return args[1];
    }
    throw typeError(`Type ${object.type.name} doesn't define __sizeof__`);
  }
  const result = callSpecial(object, method, []);
  try {
    if (!(result instanceof PyInt)) throw typeError("an integer is required");
    const size = Number(result.value);
    if (size < 0) throw valueError("__sizeof__() should return >= 0");
    return newInt(size + (object.type.layout.gc ? headerBytesOf(object.type) : 0));
  } finally {
    decref(result);
  }
}

function versionString(): string {
  const profile = rt.profile;
  return `${profile.major}.${profile.minor}.${profile.patchVersion} (main, simulated) [lessonkit CPython simulator]`;
}

export const SYS_MODULE: ModuleDefinition = {
  name: "sys",
  functions: [
    { name: "getrefcount", kind: "one", impl: (_self, object) => newInt(reportedRefcount(object)) },
    { name: "getsizeof", kind: "positional", impl: getsizeof },
    {
      name: "intern",
      kind: "one",
      impl: (_self, value) => {
        if (value.type !== rt.types.str) throw typeError(`intern() argument must be str, not ${value.type.name}`);
        value.refcount++;
        return intern(value as PyStr, false);
      },
    },
    { name: "getrecursionlimit", kind: "noargs", impl: () => newInt(rt.recursionLimit) },
    {
      name: "setrecursionlimit",
      kind: "one",
      impl: (_self, value) => {
        const limit = indexNumber(value);
        if (limit < 1) throw valueError("recursion limit must be greater or equal than 1");
        rt.recursionLimit = Math.min(limit, 20_000);
        return newNone();
      },
    },
    { name: "getdefaultencoding", kind: "noargs", impl: () => newStr("utf-8") },
    { name: "get_int_max_str_digits", kind: "noargs", impl: () => newInt(rt.maxStrDigits) },
    {
      name: "set_int_max_str_digits",
      kind: "one",
      impl: (_self, value) => {
        const limit = indexNumber(value);
        if (limit !== 0 && limit < 640) throw valueError("maxdigits must be 0 or larger than 640");
        rt.maxStrDigits = limit;
        return newNone();
      },
    },
    {
      name: "exc_info",
      kind: "noargs",
      impl: () => {
        const handled = currentHandled();
        if (handled === null) return newTupleStealing([newNone(), newNone(), newNone()]);
        handled.type.refcount++;
        handled.refcount++;
        return newTupleStealing([handled.type, handled, tracebackOf(handled)]);
      },
    },
    {
      name: "exception",
      kind: "noargs",
      impl: () => {
        const handled = currentHandled() ?? rt.None;
        handled.refcount++;
        return handled;
      },
    },
    {
      name: "_is_immortal",
      kind: "one",
      impl: (_self, object) => newBool(rt.profile.minor >= 14 && reportedRefcount(object) === (rt.profile.immortality as { reported?: number }).reported),
    },
    {
      name: "exit",
      kind: "positional",
      impl: (_self, args) => {
        throw pyError(rt.exc.SystemExit, args[0] === undefined ? null : null);
      },
    },
  ],
  values: () => {
    const profile = rt.profile;
    const values = new Map<string, PyObject>();
    values.set("version", newStr(versionString()));
    values.set("version_info", newVersionInfo());
    values.set("hexversion", newInt(profile.major * 0x1000000 + profile.minor * 0x10000 + profile.patchVersion * 0x100 + 0xf0));
    values.set("maxsize", newInt(9223372036854775807n));
    values.set("byteorder", newStr("little"));
    values.set("platform", newStr("linux"));
    values.set("implementation_name", newStr("cpython"));
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

export { writeOutput, dictSetItem, internName };
