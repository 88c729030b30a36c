// None, NotImplemented and Ellipsis: their types and their immortal (or static) objects.
import { PyObject } from "../object.js";
import type { PyType } from "../type.js";
import type { BuiltinTypeSpec } from "../type-spec.js";
import { textSlot } from "../spec-helpers.js";
import { rt } from "../state.js";
import { hashNone } from "../hashing/index.js";
import { typeError } from "../errors.js";
import { newNone } from "../values.js";

/** Static objects are never freed: their dealloc is a programming error in CPython. */
function neverFreed(self: PyObject): void {
  throw new Error(`simulator bug: the refcount of ${self.type.name} reached zero`);
}

function noArguments(name: string) {
  return (_type: PyType, args: { values: readonly PyObject[] }): PyObject => {
    if (args.values.length > 0) throw typeError(`${name} takes no arguments`);
    const singleton = name === "NotImplementedType" ? rt.NotImplemented : rt.Ellipsis;
    singleton.refcount++;
    return singleton;
  };
}

const NONE_SLOTS: BuiltinTypeSpec["slots"] & object = {
  dealloc: neverFreed,
  repr: textSlot(() => "None"),
  bool: () => false,
  new_: (_type, args) => {
    if (args.values.length > 0) throw typeError("NoneType takes no arguments");
    return newNone();
  },
};

/**
 * 3.12 gave NoneType its own tp_hash (a constant, not the address) and names object's
 * tp_richcompare, so both get wrappers; before, both are inherited from object.
 */
const NONE_SLOTS_SINCE_3_12: BuiltinTypeSpec["slots"] & object = {
  ...NONE_SLOTS,
  hash: (self) => {
    const hash = hashNone(rt.profile, self.address);
    return hash >= -9007199254740991n && hash <= 9007199254740991n ? Number(hash) : hash;
  },
  richcompare: (self, other, op) => rt.types.object.richcompare!(self, other, op),
};

export const NONE_SPEC: BuiltinTypeSpec = {
  name: "NoneType",
  layout: { basicSize: 16, itemSize: 0, gc: false, preHeader: false },
  get slots() {
    return rt.profile.minor >= 12 ? NONE_SLOTS_SINCE_3_12 : NONE_SLOTS;
  },
};

export const NOT_IMPLEMENTED_SPEC: BuiltinTypeSpec = {
  name: "NotImplementedType",
  layout: { basicSize: 16, itemSize: 0, gc: false, preHeader: false },
  slots: { dealloc: neverFreed, repr: textSlot(() => "NotImplemented"), new_: noArguments("NotImplementedType") },
};

export const ELLIPSIS_SPEC: BuiltinTypeSpec = {
  name: "ellipsis",
  layout: { basicSize: 16, itemSize: 0, gc: false, preHeader: false },
  slots: { dealloc: neverFreed, repr: textSlot(() => "Ellipsis"), new_: noArguments("ellipsis") },
};

/** A singleton placed in the static region with the profile's starting refcount. */
export function newStaticSingleton(type: PyType, startingRefcount: number): PyObject {
  const object = new PyObject(type);
  object.address = rt.staticAddress(16);
  object.refcount = startingRefcount;
  return object;
}
