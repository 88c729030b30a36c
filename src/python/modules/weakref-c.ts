// The _weakref module (C in CPython): the ref type, getweakrefcount and getweakrefs.
import type { PyObject } from "../runtime/object.js";
import { rt } from "../runtime/state.js";
import { newInt } from "../runtime/types/int.js";
import { newList } from "../runtime/types/list.js";
import { PyWeakref } from "../runtime/types/weakref.js";
import { newProxy } from "../runtime/types/weakref-proxy.js";
import type { ModuleDefinition } from "./module-builder.js";
import { weakReferencesOf } from "../runtime/weak-references.js";

/** The weak references to `object` in CPython's list order (borrowed). */
function referencesInCPythonOrder(object: PyObject): PyObject[] {
  const stored = weakReferencesOf(object);
  // Stored: the basic reference first (if any), then the others oldest first. CPython inserts
  // each non-basic reference right after the basic one, so its list holds them newest first.
  const basic = stored.filter((reference) => reference.type === rt.types.weakref && (reference as PyWeakref).callback === null && reference === stored[0]);
  const others = stored.filter((reference) => !basic.includes(reference)).reverse();
  return [...basic, ...others];
}

export const WEAKREF_C_MODULE: ModuleDefinition = {
  name: "_weakref",
  functions: [
    { name: "proxy", kind: "keywords", impl: (_self, args) => newProxy(args) },
    { name: "getweakrefcount", kind: "one", impl: (_self, object) => newInt(weakReferencesOf(object).length) },
    {
      name: "getweakrefs",
      kind: "one",
      impl: (_self, object) => {
        const references = referencesInCPythonOrder(object);
        for (const reference of references) reference.refcount++;
        return newList(references);
      },
    },
  ],
  values: () => {
    const values = new Map<string, PyObject>();
    for (const name of ["ref", "ReferenceType"]) {
      rt.types.weakref.refcount++;
      values.set(name, rt.types.weakref);
    }
    for (const [name, type] of [
      ["ProxyType", rt.types.weakproxy],
      ["CallableProxyType", rt.types.weakcallableproxy],
    ] as const) {
      type.refcount++;
      values.set(name, type);
    }
    return values;
  },
};
