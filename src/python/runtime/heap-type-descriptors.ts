// The descriptors every class statement adds: __dict__, __weakref__ and one per __slots__ name.
import type { PyObject } from "./object.js";
import { rt } from "./state.js";
import type { PyType } from "./type.js";
import { newDescriptor } from "./types/descriptors.js";
import { instanceDictObject, replaceInstanceDict } from "./instance-attributes.js";
import { attributeError, typeError } from "./errors.js";
import { PyInstance } from "./types/instance.js";
import { PyDict } from "./types/dict.js";
import { weakrefListHead } from "./weak-references.js";

export function addInstanceDescriptors(type: PyType): void {
  const base = type.base!;
  if (type.instancesHaveDict && !base.instancesHaveDict && !type.namespace.has("__dict__")) {
    type.namespace.set(
      "__dict__",
      newDescriptor("getset", type, "__dict__", null, {
        name: "__dict__",
        get: (self) => instanceDictObject(self),
        set: (self, value) => {
          if (value === null) throw typeError("cannot delete __dict__");
          if (!(value instanceof PyDict)) throw typeError(`__dict__ must be set to a dictionary, not a '${value.type.name}'`);
          replaceInstanceDict(self, value);
        },
      }),
    );
  }
  if (type.instancesHaveWeakrefs && !base.instancesHaveWeakrefs && !type.namespace.has("__weakref__")) {
    type.namespace.set(
      "__weakref__",
      newDescriptor("getset", type, "__weakref__", null, { name: "__weakref__", get: (self) => weakrefListHead(self) }),
    );
  }
  for (const name of type.slotNames) {
    type.namespace.set(
      name,
      newDescriptor("member", type, name, null, {
        name,
        get: (self) => {
          const value = (self as PyInstance).slotValues?.get(name);
          if (value === undefined) throw attributeError(rt.profile.minor >= 10 ? `'${self.type.name}' object has no attribute '${name}'` : name);
          value.refcount++;
          return value;
        },
        set: (self, value) => setSlot(self as PyInstance, name, value),
      }),
    );
  }
}

function setSlot(instance: PyInstance, name: string, value: PyObject | null): void {
  let slots = instance.slotValues;
  if (slots === null) slots = instance.slotValues = new Map();
  const old = slots.get(name);
  if (value === null) {
    if (old === undefined) throw attributeError(rt.profile.minor >= 10 ? `'${instance.type.name}' object has no attribute '${name}'` : name);
    slots.delete(name);
  } else {
    value.refcount++;
    slots.set(name, value);
  }
  if (old !== undefined && --old.refcount === 0) old.type.dealloc(old);
}
