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
  refusedBuiltin("bytearray", "bytearray"),
];

/**
 * Names CPython's builtins module has and the simulator's does not (exceptions it has no class
 * for, site's exit/quit/…, aiter/anext): a cell using one should end as unsupported, not with
 * a NameError the real interpreter would not raise.
 */
export const UNSUPPORTED_BUILTIN_NAMES: ReadonlySet<string> = new Set([
  "BaseExceptionGroup",
  "ExceptionGroup",
  "BlockingIOError",
  "BrokenPipeError",
  "BytesWarning",
  "ChildProcessError",
  "ConnectionAbortedError",
  "ConnectionError",
  "ConnectionRefusedError",
  "ConnectionResetError",
  "EncodingWarning",
  "EnvironmentError",
  "FileExistsError",
  "FileNotFoundError",
  "FutureWarning",
  "IOError",
  "ImportWarning",
  "InterruptedError",
  "IsADirectoryError",
  "NotADirectoryError",
  "PendingDeprecationWarning",
  "PermissionError",
  "ProcessLookupError",
  "PythonFinalizationError",
  "ResourceWarning",
  "StopAsyncIteration",
  "TimeoutError",
  "UnicodeDecodeError",
  "UnicodeEncodeError",
  "UnicodeTranslateError",
  "UnicodeWarning",
  "aiter",
  "anext",
  "copyright",
  "credits",
  "license",
  "exit",
  "quit",
  "__build_class__",
  "__loader__",
  "__spec__",
]);

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
