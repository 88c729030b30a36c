// `obj.__class__ = C` (object_set_class): who may change class, layout compatibility, and the
// instance dict that 3.11+ materialises first because its keys belong to the old class.
import type { PyObject } from "./object.js";
import { decref } from "./object.js";
import { rt } from "./state.js";
import { PyType } from "./type.js";
import { typeError } from "./errors.js";
import { attributesOf, dictModelOf, instanceDictObject } from "./instance-attributes.js";
import { trackDictIfNeeded, dictForEach } from "./types/dict.js";

export function setObjectClass(self: PyObject, value: PyObject | null): void {
  if (value === null) throw typeError("can't delete __class__ attribute");
  if (!(value instanceof PyType)) throw typeError(`__class__ must be set to a class, not '${value.type.name}' object`);
  const oldType = self.type;
  const newType = value;
  const module = rt.types.module;
  const bothModules = newType.isSubtypeOf(module) && oldType.isSubtypeOf(module);
  if (!bothModules && (!newType.heapType || !oldType.heapType)) {
    // 3.10 introduced immutable heap types and reworded the check after them.
    throw typeError(`__class__ assignment only supported for ${rt.profile.minor >= 10 ? "mutable" : "heap"} types or ModuleType subclasses`);
  }
  if (!compatibleForAssignment(oldType, newType)) {
    throw typeError(`__class__ assignment: '${newType.name}' object layout differs from '${oldType.name}'`);
  }
  if (attributesOf(self) !== null && dictModelOf(oldType) !== "dict") detachInlineValues(self);
  newType.refcount++;
  self.type = newType;
  if (--oldType.refcount === 0) oldType.type.dealloc(oldType);
}

/**
 * 3.11+: inline values are laid out by the old class's shared keys, so the instance gets its
 * dict object first; from 3.13 that dict also stops sharing the instance's values and owns them.
 */
function detachInlineValues(self: PyObject): void {
  const attributes = attributesOf(self)!;
  if (attributes.dictObject !== null && !attributes.ownsValues) return;
  const dict = instanceDictObject(self);
  if (dictModelOf(self.type) === "inline-shared" && dict.sharedValuesOwner === self) {
    dict.sharedValuesOwner = null;
    attributes.ownsValues = false;
    dictForEach(dict, (_key, item) => trackDictIfNeeded(dict, item));
  }
  decref(dict);
}

/**
 * compatible_for_assignment: both types must reach, through bases that add nothing to the
 * layout, the same base, or sibling bases that add the same slots.
 */
function compatibleForAssignment(oldType: PyType, newType: PyType): boolean {
  let newBase = newType;
  let oldBase = oldType;
  while (sameLayoutAsBase(newBase)) newBase = newBase.base!;
  while (sameLayoutAsBase(oldBase)) oldBase = oldBase.base!;
  if (newBase !== oldBase && (newBase.base !== oldBase.base || !sameSlotsAdded(newBase, oldBase))) return false;
  return samePreHeader(oldType, newType);
}

/** Py_TPFLAGS_PREHEADER: a managed __dict__ from 3.11, and a managed __weakref__ from 3.12. */
function samePreHeader(a: PyType, b: PyType): boolean {
  const minor = rt.profile.minor;
  if (minor >= 11 && a.instancesHaveDict !== b.instancesHaveDict) return false;
  return minor < 12 || a.instancesHaveWeakrefs === b.instancesHaveWeakrefs;
}

/** compatible_with_tp_base: the class adds nothing to its base's instances. */
function sameLayoutAsBase(type: PyType): boolean {
  const base = type.base;
  return (
    base !== null &&
    type.layout.basicSize === base.layout.basicSize &&
    type.layout.itemSize === base.layout.itemSize &&
    type.layout.gc === base.layout.gc &&
    type.instancesHaveDict === base.instancesHaveDict &&
    type.instancesHaveWeakrefs === base.instancesHaveWeakrefs &&
    type.slotNames.length === 0
  );
}

/**
 * same_slots_added: sibling classes whose own additions (the __slots__ names, in order, then
 * __dict__ and __weakref__ where they live inside the object) make up the same layout.
 */
function sameSlotsAdded(a: PyType, b: PyType): boolean {
  if (a.slotNames.length !== b.slotNames.length || !a.slotNames.every((name, index) => name === b.slotNames[index])) return false;
  let size = a.base!.layout.basicSize;
  if (ownDictOffset(a) === size && ownDictOffset(b) === size) size += POINTER;
  if (ownWeakrefOffset(a) === size && ownWeakrefOffset(b) === size) size += POINTER;
  size += POINTER * a.slotNames.length;
  return size === a.layout.basicSize && size === b.layout.basicSize;
}

const POINTER = 8;

/**
 * tp_dictoffset of a class adding __dict__: after its slots, inside the object up to 3.10;
 * managed (in front of the object) from 3.11. -1 when not inside the object or not its own.
 */
function ownDictOffset(type: PyType): number {
  if (!type.instancesHaveDict || type.base!.instancesHaveDict || rt.profile.instanceDict !== "dict") return -1;
  return type.base!.layout.basicSize + POINTER * type.slotNames.length;
}

/** tp_weaklistoffset of a class adding __weakref__: after its slots and dict up to 3.11, managed from 3.12. */
function ownWeakrefOffset(type: PyType): number {
  if (!type.instancesHaveWeakrefs || type.base!.instancesHaveWeakrefs || rt.profile.minor >= 12) return -1;
  return type.base!.layout.basicSize + POINTER * type.slotNames.length + (ownDictOffset(type) >= 0 ? POINTER : 0);
}
