// Struct sequences of the sys module (version_info, float_info): tuples whose items are also
// named fields, shown as "sys.name(field=value, ...)".
import type { PyObject } from "../runtime/object.js";
import type { BuiltinTypeSpec } from "../runtime/type-spec.js";
import { textSlot } from "../runtime/spec-helpers.js";
import type { PyTuple } from "../runtime/types/tuple.js";
import { reprText } from "../runtime/abstract/object-protocol.js";

/** The type spec of `sys.<name>`, a tuple subclass with one read-only field per item. */
export function sysStructSequenceSpec(name: string, fields: readonly string[]): BuiltinTypeSpec {
  return {
    name,
    qualname: name,
    module: "sys",
    base: "tuple",
    layout: { basicSize: 24, itemSize: 8, gc: true, preHeader: false },
    slots: {
      repr: textSlot((self) => `sys.${name}(${fields.map((field, index) => `${field}=${reprText((self as PyTuple).items[index]!)}`).join(", ")})`),
      new_: null,
    },
    getsets: fields.map((field, index) => ({
      name: field,
      get: (self: PyObject) => {
        const item = (self as PyTuple).items[index]!;
        item.refcount++;
        return item;
      },
    })),
  };
}
