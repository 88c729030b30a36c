// tp_subclasses: a class files each direct subclass as {id(subclass): weakref to it}, as
// CPython's add_subclass / remove_subclass do. The weak reference is why a new class already has
// weakref.getweakrefcount(C) == 1; `type.subclasses` lists the same classes in order.
import { decref } from "./object.js";
import { rt } from "./state.js";
import type { PyType } from "./type.js";
import { call } from "./abstract/object-protocol.js";
import { newDict, dictSetItem, dictDeleteItem, dictSize } from "./types/dict.js";
import { newInt } from "./types/int.js";
import { newStaticDict } from "./type-namespace.js";

/** The registry dict of `base`, made when its first subclass comes (static for built-in types, as CPython's exist from startup). */
function ensureRegistry(base: PyType): void {
  if (base.subclassDict === null) base.subclassDict = base.heapType ? newDict() : newStaticDict();
}

/** add_subclass(base, type): PyLong_FromVoidPtr(type) → PyWeakref_NewRef(type, NULL). */
export function addSubclass(base: PyType, type: PyType): void {
  // ≤3.10 make the dict before the key and the reference; 3.11 moved it after them.
  const dictFirst = rt.profile.minor < 11;
  if (dictFirst) ensureRegistry(base);
  const key = newInt(type.address);
  try {
    const reference = call(rt.types.weakref, { values: [type], kwnames: null });
    try {
      if (!dictFirst) ensureRegistry(base);
      dictSetItem(base.subclassDict!, key, reference);
    } finally {
      decref(reference);
    }
  } finally {
    decref(key);
  }
  base.subclasses.push(type);
}

/**
 * remove_subclass(base, type): deletes the entry through a new key object (which frees the
 * stored key, then the weak reference). From 3.12 a heap base drops its emptied dict.
 */
export function removeSubclass(base: PyType, type: PyType): void {
  const index = base.subclasses.indexOf(type);
  if (index >= 0) base.subclasses.splice(index, 1);
  const registry = base.subclassDict;
  if (registry === null) return;
  const key = newInt(type.address);
  dictDeleteItem(registry, key);
  decref(key);
  if (rt.profile.minor >= 12 && base.heapType && dictSize(registry) === 0) {
    base.subclassDict = null;
    decref(registry);
  }
}
