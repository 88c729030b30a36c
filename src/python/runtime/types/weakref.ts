// weakref.ref objects: a reference that does not keep its referent alive.
import { PyObject } from "../object.js";
import { decref } from "../object.js";
import { rt } from "../state.js";
import { allocateObject, freeObjectMemory } from "../memory/object-memory.js";
import { gcTrack, gcUntrack } from "../gc/tracking.js";
import type { BuiltinTypeSpec } from "../type-spec.js";
import { textSlot, addressText, splitArgs } from "../spec-helpers.js";
import { addWeakReference, removeWeakReference } from "../weak-references.js";
import { typeError } from "../errors.js";
import { newNone } from "../values.js";
import { hash } from "../abstract/object-protocol.js";

export class PyWeakref extends PyObject {
  referent: PyObject | null;
  callback: PyObject | null;
  hashCache: number | bigint | null = null;

  constructor(referent: PyObject, callback: PyObject | null) {
    super(rt.types.weakref);
    this.referent = referent;
    this.callback = callback;
  }
}

const WEAKREF_SIZE = 64;

/** Types whose instances cannot be weakly referenced in CPython (no tp_weaklistoffset). */
function supportsWeakrefs(object: PyObject): boolean {
  const type = object.type;
  if (type.heapType) return true;
  return ![rt.types.int, rt.types.str, rt.types.tuple, rt.types.list, rt.types.dict, rt.types.bool, rt.types.float, rt.types.NoneType, rt.types.bytes, rt.types.complex].includes(type);
}

export const WEAKREF_SPEC: BuiltinTypeSpec = {
  name: "weakref",
  qualname: "ReferenceType",
  layout: { basicSize: WEAKREF_SIZE, itemSize: 0, gc: true, preHeader: false },
  subclassable: true,
  slots: {
    new_: (_type, args) => {
      const { positional } = splitArgs(args);
      const referent = positional[0];
      if (referent === undefined) throw typeError("__new__ expected at least 1 argument, got 0");
      if (!supportsWeakrefs(referent)) throw typeError(`cannot create weak reference to '${referent.type.name}' object`);
      const callback = positional[1] === undefined || positional[1] === rt.None ? null : positional[1];
      if (callback !== null) callback.refcount++;
      const reference = new PyWeakref(referent, callback);
      allocateObject(reference, WEAKREF_SIZE);
      rt.gc.countAllocation();
      gcTrack(reference);
      addWeakReference(referent, reference);
      return reference;
    },
    init: () => undefined,
    call: (self, args) => {
      if (args.values.length > 0) throw typeError(`weakref() takes no arguments`);
      const referent = (self as PyWeakref).referent;
      if (referent === null) return newNone();
      referent.refcount++;
      return referent;
    },
    dealloc: (self) => {
      const reference = self as PyWeakref;
      gcUntrack(reference);
      if (reference.referent !== null) removeWeakReference(reference.referent, reference);
      freeObjectMemory(reference, WEAKREF_SIZE);
      rt.gc.countDeallocation();
      if (reference.callback !== null) decref(reference.callback);
    },
    traverse: (self, visit) => {
      const callback = (self as PyWeakref).callback;
      if (callback !== null) visit(callback);
    },
    hash: (self) => {
      const reference = self as PyWeakref;
      if (reference.hashCache !== null) return reference.hashCache;
      if (reference.referent === null) throw typeError("weak object has gone away");
      reference.hashCache = hash(reference.referent);
      return reference.hashCache;
    },
    repr: textSlot((self) => {
      const referent = (self as PyWeakref).referent;
      if (referent === null) return `<weakref at ${addressText(self)}; dead>`;
      return `<weakref at ${addressText(self)}; to '${referent.type.module === "builtins" ? referent.type.name : `${referent.type.module}.${referent.type.qualname}`}' at ${addressText(referent)}>`;
    }),
  },
};
