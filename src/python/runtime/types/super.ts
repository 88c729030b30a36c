// super(): attribute lookup that starts after a class in the MRO of an object's type.
import { PyObject } from "../object.js";
import { decref } from "../object.js";
import { rt } from "../state.js";
import { allocateObject, freeObjectMemory } from "../memory/object-memory.js";
import { gcTrack, gcUntrack } from "../gc/tracking.js";
import type { BuiltinTypeSpec } from "../type-spec.js";
import { textSlot } from "../spec-helpers.js";
import { PyType } from "../type.js";
import type { PyStr } from "./str.js";
import { genericGetAttr } from "../abstract/attributes.js";
import { typeError, runtimeError } from "../errors.js";
import { PyCell } from "./cell.js";
import { splitArgs } from "../spec-helpers.js";
import { call } from "../abstract/object-protocol.js";

export class PySuper extends PyObject {
  constructor(
    /** The class to start after (owned). */
    readonly start: PyType,
    /** The bound object or class (owned), or null for unbound super(). */
    readonly object: PyObject | null,
    /** type(object) or object itself when it is a class (owned). */
    readonly objectType: PyType | null,
  ) {
    super(rt.types.super);
  }
}

const SUPER_SIZE = 40;

function superCheck(start: PyType, object: PyObject): PyType {
  if (object instanceof PyType && object.isSubtypeOf(start)) return object;
  if (object.type.isSubtypeOf(start)) return object.type;
  throw typeError("super(type, obj): obj must be an instance or subtype of type");
}

export function newSuper(start: PyType, object: PyObject | null): PySuper {
  const objectType = object === null ? null : superCheck(start, object);
  start.refcount++;
  if (object !== null) object.refcount++;
  if (objectType !== null) objectType.refcount++;
  const instance = new PySuper(start, object, objectType);
  allocateObject(instance, SUPER_SIZE);
  rt.gc.countAllocation();
  gcTrack(instance);
  return instance;
}

/** super() with no arguments inside a method: the __class__ cell and the first argument. */
export function superZeroArgs(superType: PyObject, classCell: PyObject | null, first: PyObject | null): PyObject {
  if (superType !== rt.types.super) return call(superType, { values: [], kwnames: null });
  if (classCell === null || !(classCell instanceof PyCell)) throw runtimeError("super(): __class__ cell not found");
  const start = classCell.contents;
  if (start === null) throw runtimeError("super(): empty __class__ cell");
  if (!(start instanceof PyType)) throw runtimeError("super(): __class__ is not a type (" + start.type.name + ")");
  if (first === null) throw runtimeError("super(): arg[0] deleted");
  return newSuper(start, first);
}

function superGetAttr(self: PyObject, name: PyObject): PyObject | null {
  const instance = self as PySuper;
  const text = (name as PyStr).value;
  const objectType = instance.objectType;
  if (objectType !== null && text !== "__class__") {
    const mro = objectType.mro;
    const at = mro.indexOf(instance.start);
    for (let index = at + 1; index < mro.length; index++) {
      const found = mro[index]!.namespace.get(text);
      if (found === undefined) continue;
      const getter = found.type.descrGet;
      if (getter === null) {
        found.refcount++;
        return found;
      }
      const bound = instance.object === objectType ? null : instance.object;
      return getter(found, bound, objectType);
    }
  }
  return genericGetAttr(self, name);
}

export const SUPER_SPEC: BuiltinTypeSpec = {
  name: "super",
  layout: { basicSize: SUPER_SIZE, itemSize: 0, gc: true, preHeader: false },
  subclassable: true,
  slots: {
    dealloc: (self) => {
      const instance = self as PySuper;
      gcUntrack(instance);
      freeObjectMemory(instance, SUPER_SIZE);
      rt.gc.countDeallocation();
      decref(instance.start);
      if (instance.object !== null) decref(instance.object);
      if (instance.objectType !== null) decref(instance.objectType);
    },
    traverse: (self, visit) => {
      const instance = self as PySuper;
      visit(instance.start);
      if (instance.object !== null) visit(instance.object);
      if (instance.objectType !== null) visit(instance.objectType);
    },
    getattro: superGetAttr,
    repr: textSlot((self) => {
      const instance = self as PySuper;
      const objectType = instance.objectType;
      return objectType === null
        ? `<super: <class '${instance.start.name}'>, NULL>`
        : `<super: <class '${instance.start.name}'>, <${objectType.name} object>>`;
    }),
    new_: (_type, args) => {
      const { positional, keywords } = splitArgs(args);
      if (keywords.size > 0) throw typeError(rt.profile.minor >= 7 ? "super() takes no keyword arguments" : "super does not take keyword arguments");
      if (positional.length > 2) {
        // 3.11 gave super a vectorcall that counts the arguments itself.
        throw typeError(rt.profile.minor >= 11 ? `super() expected at most 2 arguments, got ${positional.length}` : `super() takes at most 2 arguments (${positional.length} given)`);
      }
      if (positional.length === 0) throw runtimeError("super(): no arguments");
      const start = positional[0]!;
      if (!(start instanceof PyType)) throw typeError(`super() argument 1 must be a type, not ${start.type.name}`);
      return newSuper(start, positional[1] ?? null);
    },
  },
};
