// The builtins module: the built-in functions (one file per family), the built-in types and
// exceptions by name, the constants, and the builtins the simulator refuses by name.
import type { PyObject } from "../runtime/object.js";
import { rt } from "../runtime/state.js";
import type { MethodDef } from "../runtime/method-def.js";
import { Unsupported } from "../runtime/errors.js";
import type { ModuleDefinition } from "./module-builder.js";
import { print } from "./builtins-print.js";
import { NUMBER_BUILTINS } from "./builtins-numbers.js";
import { REDUCTION_BUILTINS } from "./builtins-reductions.js";
import { ITERATION_BUILTINS } from "./builtins-iteration.js";
import { ATTRIBUTE_BUILTINS } from "./builtins-attributes.js";
import { INTROSPECTION_BUILTINS } from "./builtins-introspection.js";
import { EVAL_BUILTINS } from "./builtins-eval.js";
import { exceptionGroupBuiltins } from "../runtime/types/exception-group.js";

function refusedBuiltin(name: string, what: string): MethodDef {
  return {
    name,
    kind: "keywords",
    impl: () => {
      throw new Unsupported(what);
    },
  };
}

export const BUILTIN_FUNCTIONS: readonly MethodDef[] = [
  { name: "print", kind: "keywords", impl: print },
  ...NUMBER_BUILTINS,
  ...REDUCTION_BUILTINS,
  ...ITERATION_BUILTINS,
  ...ATTRIBUTE_BUILTINS,
  ...INTROSPECTION_BUILTINS,
  refusedBuiltin("input", "input() (lessons cannot read from a keyboard)"),
  refusedBuiltin("open", "open() and files"),
  refusedBuiltin("help", "help() (its text is CPython's documentation)"),
  ...EVAL_BUILTINS,
  refusedBuiltin("compile", "compile()"),
  refusedBuiltin("breakpoint", "breakpoint()"),
  refusedBuiltin("__import__", "__import__()"),
  refusedBuiltin("memoryview", "memoryview"),
];

/**
 * Names CPython's builtins module has (from the given 3.x minor version) that the simulator's
 * may lack (exceptions it has no class for, site's exit/quit/…, aiter/anext): reading one that
 * is missing ends the cell as unsupported, not with a NameError the real interpreter would not
 * raise.
 */
const UNSUPPORTED_BUILTIN_SINCE: ReadonlyMap<string, number> = new Map([
  ["BaseExceptionGroup", 11],
  ["ExceptionGroup", 11],
  ["BlockingIOError", 6],
  ["BrokenPipeError", 6],
  ["BytesWarning", 6],
  ["ChildProcessError", 6],
  ["ConnectionAbortedError", 6],
  ["ConnectionError", 6],
  ["ConnectionRefusedError", 6],
  ["ConnectionResetError", 6],
  ["EncodingWarning", 10],
  ["FileExistsError", 6],
  ["FileNotFoundError", 6],
  ["FutureWarning", 6],
  ["ImportWarning", 6],
  ["InterruptedError", 6],
  ["IsADirectoryError", 6],
  ["NotADirectoryError", 6],
  ["PendingDeprecationWarning", 6],
  ["PermissionError", 6],
  ["ProcessLookupError", 6],
  ["PythonFinalizationError", 13],
  ["ResourceWarning", 6],
  ["StopAsyncIteration", 6],
  ["TimeoutError", 6],
  ["UnicodeWarning", 6],
  ["aiter", 10],
  ["anext", 10],
  ["copyright", 6],
  ["credits", 6],
  ["license", 6],
  ["exit", 6],
  ["quit", 6],
  ["__build_class__", 6],
  ["__loader__", 6],
  ["__spec__", 6],
]);

/** True when `name` is a builtin of the profile's CPython that the simulator does not have. */
export function isMissingBuiltin(name: string): boolean {
  const since = UNSUPPORTED_BUILTIN_SINCE.get(name);
  return since !== undefined && rt.profile.minor >= since;
}

/** Names of built-in types exposed by the builtins module. */
const TYPE_NAMES: readonly string[] = [
  "object",
  "type",
  "int",
  "bool",
  "float",
  "complex",
  "str",
  "bytes",
  "list",
  "tuple",
  "dict",
  "set",
  "frozenset",
  "bytearray",
  "range",
  "slice",
  "staticmethod",
  "classmethod",
  "property",
  "super",
  "enumerate",
  "zip",
  "map",
  "filter",
  "reversed",
];

export const BUILTINS_MODULE: ModuleDefinition = {
  name: "builtins",
  functions: BUILTIN_FUNCTIONS,
  values: () => {
    const values = new Map<string, PyObject>();
    const types = rt.types as unknown as Record<string, PyObject>;
    for (const name of TYPE_NAMES) {
      const type = types[name]!;
      type.refcount++;
      values.set(name, type);
    }
    for (const [name, type] of Object.entries(rt.exc)) {
      type.refcount++;
      values.set(name, type);
    }
    // The old names of OSError (3.3 merged IOError and EnvironmentError into it).
    for (const alias of ["EnvironmentError", "IOError"]) {
      rt.exc.OSError.refcount++;
      values.set(alias, rt.exc.OSError);
    }
    for (const [name, type] of exceptionGroupBuiltins()) values.set(name, type);
    for (const [name, object] of [
      ["None", rt.None],
      ["True", rt.True],
      ["False", rt.False],
      ["Ellipsis", rt.Ellipsis],
      ["NotImplemented", rt.NotImplemented],
      ["__debug__", rt.True],
    ] as const) {
      object.refcount++;
      values.set(name, object);
    }
    return values;
  },
};
