// Docstrings of built-in types, functions and modules: the simulator does not carry CPython's
// documentation text, so reading one ends the cell as unsupported, by name, instead of showing
// None. The few built-in types whose docstring really is None keep None.
import { PyObject } from "./object.js";
import { IMMORTAL_MARK } from "./object.js";
import { PyType } from "./type.js";
import type { Runtime } from "./runtime.js";
import { rt } from "./state.js";
import { Unsupported } from "./errors.js";
import { newNone } from "./values.js";

/**
 * Built-in types whose `__doc__` is None, measured on CPython 3.6–3.13 (tp_doc is NULL, or the
 * class is defined in Python without a docstring), with the versions that say so: `[from, until)`
 * as minor versions (until = Infinity while it still holds). Only the types the simulator has;
 * the classes of module ctypes are all docstring-less (see builtinTypeDoc).
 */
const TYPES_WITHOUT_DOCSTRING: ReadonlyMap<string, readonly [number, number]> = new Map([
  ["NoneType", [6, 13]],
  ["NotImplementedType", [6, 13]],
  ["ellipsis", [6, 13]],
  ["mappingproxy", [6, 13]],
  ["cell", [6, 8]],
  ["weakref", [6, Infinity]],
  ["weakproxy", [6, 10]],
  ["weakcallableproxy", [6, 10]],
  ["frame", [6, Infinity]],
  ["generator", [6, Infinity]],
  ["coroutine", [6, Infinity]],
  ["traceback", [6, 7]],
  ["iterator", [6, Infinity]],
  ["callable_iterator", [6, Infinity]],
  ["list_iterator", [6, Infinity]],
  ["list_reverseiterator", [6, Infinity]],
  ["tuple_iterator", [6, Infinity]],
  ["range_iterator", [6, Infinity]],
  ["longrange_iterator", [6, Infinity]],
  ["str_iterator", [6, Infinity]],
  ["str_ascii_iterator", [11, Infinity]],
  ["bytes_iterator", [6, Infinity]],
  ["bytearray_iterator", [6, Infinity]],
  ["set_iterator", [6, Infinity]],
  ["dict_keyiterator", [6, Infinity]],
  ["dict_valueiterator", [6, Infinity]],
  ["dict_itemiterator", [6, Infinity]],
  ["dict_reversekeyiterator", [8, Infinity]],
  ["dict_reversevalueiterator", [8, Infinity]],
  ["dict_reverseitemiterator", [8, Infinity]],
  ["dict_keys", [6, Infinity]],
  ["dict_values", [6, Infinity]],
  ["dict_items", [6, Infinity]],
  ["builtin_method", [9, Infinity]],
  // Defined in Python (a heap type) without a docstring.
  ["ExceptionGroup", [11, Infinity]],
]);

/** The docstring-less types of the running profile, by the name the type shows. */
function hasNoDocstring(typeName: string): boolean {
  const range = TYPES_WITHOUT_DOCSTRING.get(typeName);
  return range !== undefined && rt.profile.minor >= range[0] && rt.profile.minor < range[1];
}

/** Whose docstring the message names: `int`, `len`, `list.append`, `sys`, `an int object`. */
function docOwnerLabel(instance: PyObject | null, owner: PyType): string {
  if (instance === null) return owner.name;
  if (instance instanceof PyType) return instance.name;
  const named = instance as { qualifiedName?: unknown; name?: unknown };
  if (typeof named.qualifiedName === "string") return named.qualifiedName;
  if (typeof named.name === "string") return named.name;
  return `${/^[aeiou]/.test(owner.name) ? "an" : "a"} ${owner.name} object`;
}

export function missingDocstring(what: string): Unsupported {
  return new Unsupported(`the docstring of ${what} (the simulator does not carry CPython's documentation text)`);
}

/**
 * The stand-in stored as a built-in namespace's `__doc__`: a descriptor whose every read
 * refuses. It is no type's subclass and has no address: nothing lists it.
 */
const placeholders = new WeakMap<Runtime, PyObject>();

export function docstringPlaceholder(): PyObject {
  let placeholder = placeholders.get(rt);
  if (placeholder === undefined) {
    const type = new PyType(rt.types.type, "docstring");
    type.refcount = IMMORTAL_MARK;
    type.descrGet = (_self, instance, owner) => {
      throw missingDocstring(docOwnerLabel(instance, owner));
    };
    type.repr = () => {
      throw missingDocstring("a built-in");
    };
    type.dealloc = () => {};
    placeholder = new PyObject(type);
    placeholder.refcount = IMMORTAL_MARK;
    placeholders.set(rt, placeholder);
  }
  return placeholder;
}

export function isDocstringPlaceholder(value: PyObject): boolean {
  return placeholders.get(rt) === value;
}

/**
 * The `__doc__` entry of a built-in type's namespace (new reference). `module` is the spec's:
 * the classes of module ctypes (c_long, py_object, ...) are written in Python without docstrings.
 */
export function builtinTypeDoc(typeName: string, module: string | undefined): PyObject {
  if (module === "ctypes" || hasNoDocstring(typeName)) return newNone();
  return docstringPlaceholder();
}
