// sys.version_info: a tuple with named fields (major, minor, micro, releaselevel, serial).
import type { PyObject } from "../runtime/object.js";
import { rt } from "../runtime/state.js";
import type { BuiltinTypeSpec } from "../runtime/type-spec.js";
import { textSlot } from "../runtime/spec-helpers.js";
import { PyTuple, newTupleStealing } from "../runtime/types/tuple.js";
import { newInt } from "../runtime/types/int.js";
import { newStr } from "../runtime/types/str.js";
import { reprText } from "../runtime/abstract/object-protocol.js";

const FIELDS = ["major", "minor", "micro", "releaselevel", "serial"] as const;

export function newVersionInfo(): PyObject {
  const profile = rt.profile;
  const tuple = newTupleStealing([newInt(profile.major), newInt(profile.minor), newInt(profile.patchVersion), newStr("final"), newInt(0)]);
  tuple.type = rt.types.version_info;
  return tuple;
}

export const VERSION_INFO_SPEC: BuiltinTypeSpec = {
  name: "version_info",
  qualname: "version_info",
  module: "sys",
  base: "tuple",
  layout: { basicSize: 24, itemSize: 8, gc: true, preHeader: false },
  slots: {
    repr: textSlot((self) => `sys.version_info(${FIELDS.map((field, index) => `${field}=${reprText((self as PyTuple).items[index]!)}`).join(", ")})`),
    new_: null,
  },
  getsets: FIELDS.map((field, index) => ({
    name: field,
    get: (self: PyObject) => {
      const item = (self as PyTuple).items[index]!;
      item.refcount++;
      return item;
    },
  })),
};
