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

/**
 * Names an IPython shell adds to builtins (besides `display`, which the simulator has): refused
 * by name in notebook sessions, absent under `python -i` rules.
 */
const IPYTHON_ONLY_BUILTINS: readonly string[] = ["get_ipython", "__IPYTHON__"];

/** The runtimes of notebook (IPython) sessions. */
const ipythonRuntimes = new WeakSet<object>();

/** Whether the running runtime is a notebook (IPython) session's. */
export function isIPythonSession(): boolean {
  return ipythonRuntimes.has(rt);
}

/** Marks the running runtime as an IPython session's (its builtins gain IPython's names). */
export function markIPythonBuiltins(): void {
  ipythonRuntimes.add(rt);
}

/**
 * Names IPython puts in the notebook namespace that the simulator's lacks: `_dh` (the kernel's
 * working directories), `exit`, `quit` and `get_ipython` (refused as builtins), and from IPython
 * 8, which needs 3.8 or later, `open` (a wrapper of the builtin; the simulator finds the builtin).
 */
export function ipythonNamespaceNames(): readonly string[] {
  if (!isIPythonSession()) return [];
  return rt.profile.minor >= 8 ? IPYTHON_NAMESPACE_NAMES : IPYTHON_7_NAMESPACE_NAMES;
}

/** Every name ipythonNamespaceNames() gives on some version, in IPython's order. */
export const IPYTHON_NAMESPACE_NAMES: readonly string[] = ["_dh", "exit", "quit", "get_ipython", "open"];
const IPYTHON_7_NAMESPACE_NAMES = IPYTHON_NAMESPACE_NAMES.filter((name) => name !== "open");

/** True when `name` is in IPython's namespace with a value the simulator lacks (`_dh`): refused, not NameError. */
export function isUnsimulatedIPythonName(name: string): boolean {
  return name === "_dh" && ipythonRuntimes.has(rt);
}

/** True when `name` is a builtin of the profile's CPython (or of IPython) that the simulator does not have. */
export function isMissingBuiltin(name: string): boolean {
  const since = UNSUPPORTED_BUILTIN_SINCE.get(name);
  if (since !== undefined) return rt.profile.minor >= since;
  return ipythonRuntimes.has(rt) && IPYTHON_ONLY_BUILTINS.includes(name);
}

/** Every name isMissingBuiltin refuses in the running runtime (dir(builtins) lists them). */
export function missingBuiltinNames(): string[] {
  const names = [...UNSUPPORTED_BUILTIN_SINCE].filter(([, since]) => rt.profile.minor >= since).map(([name]) => name);
  if (ipythonRuntimes.has(rt)) names.push(...IPYTHON_ONLY_BUILTINS);
  return names;
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
  get functions() {
    // breakpoint() is new in 3.7.
    return rt.profile.minor >= 7 ? BUILTIN_FUNCTIONS : BUILTIN_FUNCTIONS.filter((def) => def.name !== "breakpoint");
  },
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
