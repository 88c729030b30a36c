// The descriptors a class statement adds: one per __slots__ name, __dict__ and __weakref__.
import type { PyObject } from "./object.js";
import { decref } from "./object.js";
import { rt } from "./state.js";
import type { PyType } from "./type.js";
import type { GetSetDef } from "./type-spec.js";
import { newHeapDescriptor } from "./types/descriptors.js";
import { setTypeAttribute } from "./type-namespace.js";
import { instanceDictObject, replaceInstanceDict } from "./instance-attributes.js";
import { attributeError, typeError } from "./errors.js";
import { PyInstance } from "./types/instance.js";
import { PyDict } from "./types/dict.js";
import { weakrefListHead } from "./weak-references.js";

/**
 * type_add_members then type_add_getset for a class being created: a member descriptor per
 * __slots__ name (sorted, as type_new_copy_slots leaves them), then __dict__ and __weakref__ when
 * this class is the one adding them. A name the class body already bound is left alone.
 */
export function addInstanceDescriptors(type: PyType): void {
  const base = type.base!;
  for (const name of [...type.slotNames].sort()) {
    addDescriptor(type, "member", {
      name,
      get: (self) => {
        const value = (self as PyInstance).slotValues?.get(name);
        if (value === undefined) throw attributeError(rt.profile.minor >= 10 ? `'${self.type.name}' object has no attribute '${name}'` : name);
        value.refcount++;
        return value;
      },
      set: (self, value) => setSlot(self as PyInstance, name, value),
    });
  }
  if (type.instancesHaveDict && !base.instancesHaveDict) {
    addDescriptor(type, "getset", {
      name: "__dict__",
      get: (self) => instanceDictObject(self),
      set: (self, value) => {
        if (value === null) throw typeError("cannot delete __dict__");
        if (!(value instanceof PyDict)) throw typeError(`__dict__ must be set to a dictionary, not a '${value.type.name}'`);
        replaceInstanceDict(self, value);
      },
    });
  }
  if (type.instancesHaveWeakrefs && !base.instancesHaveWeakrefs) {
    addDescriptor(type, "getset", { name: "__weakref__", get: (self) => weakrefListHead(self) });
  }
}

function addDescriptor(type: PyType, kind: "getset" | "member", definition: GetSetDef): void {
  if (type.namespace.has(definition.name)) return;
  const descriptor = newHeapDescriptor(kind, type, definition.name, definition);
  setTypeAttribute(type, definition.name, descriptor);
  decref(descriptor);
}

function setSlot(instance: PyInstance, name: string, value: PyObject | null): void {
  let slots = instance.slotValues;
  if (slots === null) slots = instance.slotValues = new Map();
  const old = slots.get(name);
  if (value === null) {
    // PyMember_SetOne names only the slot, in every version (reading it says more from 3.10).
    if (old === undefined) throw attributeError(name);
    slots.delete(name);
  } else {
    value.refcount++;
    slots.set(name, value);
  }
  if (old !== undefined && --old.refcount === 0) old.type.dealloc(old);
}
