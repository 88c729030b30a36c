// Built-in functions and methods written in JavaScript (PyMethodDef), and how they are called.
import type { PyObject } from "./object.js";
import type { CallArgs } from "./slots.js";
import { typeError, Unsupported } from "./errors.js";
import { rt } from "./state.js";
import { callThroughArgumentTuple } from "./argument-tuple.js";

/**
 * The calling conventions of CPython's METH_* flags:
 * noargs (self), one (self, arg), positional (self, args), keywords (self, args incl. kwnames).
 * Arguments are borrowed; the result is a new reference.
 */
export type MethodDef = (
  | { readonly name: string; readonly kind: "noargs"; readonly impl: (self: PyObject) => PyObject; readonly binding?: Binding }
  | { readonly name: string; readonly kind: "one"; readonly impl: (self: PyObject, arg: PyObject) => PyObject; readonly binding?: Binding }
  | {
      readonly name: string;
      readonly kind: "positional";
      readonly impl: (self: PyObject, args: readonly PyObject[]) => PyObject;
      readonly binding?: Binding;
      /**
       * The last 3.x minor version where CPython's method is METH_VARARGS: its arguments arrive
       * in a new tuple, which holds them during the call (seen by a Python __hash__ or __eq__).
       */
      readonly varargsUntil?: number;
    }
  | { readonly name: string; readonly kind: "keywords"; readonly impl: (self: PyObject, args: CallArgs) => PyObject; readonly binding?: Binding }
) & {
  /** The first 3.x minor version whose type has this method (a built-in type's method table). */
  readonly since?: number;
};

/** Where a method def is bound: to instances (default), as a classmethod or a staticmethod. */
export type Binding = "instance" | "class" | "static";

/**
 * Calls a method def with `self` and vectorcall arguments, checking the arity rules the METH_*
 * flag implies. `qualifiedName` is how CPython names the function in its messages.
 */
export function callMethodDef(def: MethodDef, self: PyObject, args: CallArgs, qualifiedName: string): PyObject {
  const values = args.values;
  switch (def.kind) {
    case "noargs":
      if (args.kwnames !== null) throw noKeywords(qualifiedName);
      if (values.length !== 0) throw typeError(`${qualifiedName}() takes no arguments (${values.length} given)`);
      return def.impl(self);
    case "one":
      if (args.kwnames !== null) throw noKeywords(qualifiedName);
      if (values.length !== 1) throw typeError(`${qualifiedName}() takes exactly one argument (${values.length} given)`);
      return def.impl(self, values[0]!);
    case "positional":
      if (args.kwnames !== null) throw noKeywords(qualifiedName);
      if (def.varargsUntil !== undefined && rt.profile.minor <= def.varargsUntil) return callThroughArgumentTuple(args, values.length, () => def.impl(self, values));
      return def.impl(self, values);
    case "keywords":
      return def.impl(self, args);
  }
}

/**
 * callMethodDef for an unbound call (`list.append(xs, 1)`, or `xs.append(1)` through
 * LOAD_METHOD): `self` is `args.values[0]` and the rest are the arguments. METH_NOARGS and
 * METH_O read past the first value instead of copying the arguments; only METH_KEYWORDS needs
 * a new CallArgs.
 */
export function callMethodDefAfterSelf(def: MethodDef, self: PyObject, args: CallArgs, qualifiedName: string): PyObject {
  const values = args.values;
  switch (def.kind) {
    case "noargs":
      if (args.kwnames !== null) throw noKeywords(qualifiedName);
      if (values.length !== 1) throw typeError(`${qualifiedName}() takes no arguments (${values.length - 1} given)`);
      return def.impl(self);
    case "one":
      if (args.kwnames !== null) throw noKeywords(qualifiedName);
      if (values.length !== 2) throw typeError(`${qualifiedName}() takes exactly one argument (${values.length - 1} given)`);
      return def.impl(self, values[1]!);
    case "positional":
      if (args.kwnames !== null) throw noKeywords(qualifiedName);
      return callMethodDef(def, self, { values: values.slice(1), kwnames: null }, qualifiedName);
    case "keywords":
      return callMethodDef(def, self, { values: values.slice(1), kwnames: args.kwnames }, qualifiedName);
  }
}

function noKeywords(qualifiedName: string) {
  return typeError(`${qualifiedName}() takes no keyword arguments`);
}

/**
 * `__class_getitem__` of the built-in generic containers (3.9+, Py_GenericAlias): present in
 * their namespaces, but types.GenericAlias itself is not modelled, so calling it is unsupported.
 */
export const GENERIC_ALIAS_CLASS_GETITEM: MethodDef = {
  name: "__class_getitem__",
  kind: "one",
  binding: "class",
  since: 9,
  impl: (cls) => {
    throw new Unsupported(`generic alias types (${(cls as { name?: string }).name ?? "type"}[...])`);
  },
};

/** A `__reduce__`-family method of a built-in type: listed as in CPython, unsupported when called (pickling is not modelled). */
export function unsupportedReduceMethod(typeName: string, name: "__reduce__" | "__reduce_ex__" = "__reduce__"): MethodDef {
  return {
    name,
    kind: name === "__reduce__" ? "noargs" : "one",
    impl: () => {
      throw new Unsupported(`${typeName}.${name}() (the pickling protocol)`);
    },
  } as MethodDef;
}
