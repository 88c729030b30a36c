// `object`: the root type — default repr, identity comparison, generic attributes, __new__/__init__.
import type { PyObject } from "../object.js";
import { rt } from "../state.js";
import type { BuiltinTypeSpec } from "../type-spec.js";
import { textSlot, addressText, splitArgs } from "../spec-helpers.js";
import { genericGetAttr, genericSetAttr, typeLookup } from "../abstract/attributes.js";
import { hashPointer } from "../hashing/index.js";
import { CompareOp } from "../slots.js";
import type { CallArgs } from "../slots.js";
import { typeError, Unsupported } from "../errors.js";
import { instanceDealloc, newInstance, instanceSize } from "./instance.js";
import type { PyType } from "../type.js";
import { PyMethodDescriptor } from "./descriptors.js";
import { newNone, newNotImplemented, newBool } from "../values.js";
import { newInt } from "./int.js";
import { richCompare } from "../abstract/compare.js";
import { isTrue } from "../abstract/truth.js";
import { newList } from "./list.js";
import { internName } from "./str.js";
import { formatObject } from "../abstract/format.js";
import { PyStr } from "./str.js";
import { dirNames } from "../../modules/dir.js";
import { setObjectClass } from "../class-assignment.js";

/** `<__main__.A object at 0x7f…>` (the module is left out for builtins). */
export function defaultReprText(self: PyObject): string {
  const type = self.type;
  const name = type.module === "builtins" ? type.qualname : `${type.module}.${type.qualname}`;
  return `<${name} object at ${addressText(self)}>`;
}

function objectHash(self: PyObject): number | bigint {
  const hash = hashPointer(self.address);
  return hash >= -9007199254740991n && hash <= 9007199254740991n ? Number(hash) : hash;
}

/** object_richcompare: == is identity; != inverts __eq__; orderings are not defined. */
function objectRichCompare(self: PyObject, other: PyObject, op: CompareOp): PyObject {
  if (op === CompareOp.Eq) return self === other ? newBool(true) : newNotImplemented();
  if (op === CompareOp.Ne) {
    const richcompare = self.type.richcompare;
    if (richcompare === null || richcompare === objectRichCompare) return self !== other ? newBool(true) : newBool(false);
    const equal = richcompare(self, other, CompareOp.Eq);
    if (equal === rt.NotImplemented) return equal;
    try {
      return newBool(!isTrue(equal));
    } finally {
      if (--equal.refcount === 0) equal.type.dealloc(equal);
    }
  }
  return newNotImplemented();
}

/** The native __init__ / __new__ of object (to detect overrides in the excess-arguments rule). */
export function isObjectSlot(type: PyType, name: "__init__" | "__new__"): boolean {
  if (type.objectSlotsEpoch !== rt.typeEpoch) {
    type.objectSlotFlags = (lookupIsObjectSlot(type, "__new__") ? 1 : 0) | (lookupIsObjectSlot(type, "__init__") ? 2 : 0);
    type.objectSlotsEpoch = rt.typeEpoch;
  }
  return (type.objectSlotFlags & (name === "__new__" ? 1 : 2)) !== 0;
}

function lookupIsObjectSlot(type: PyType, name: "__init__" | "__new__"): boolean {
  const found = typeLookup(type, name);
  return found instanceof PyMethodDescriptor ? found.owner === rt.types.object : found !== null && found === rt.types.object.namespace.get(name);
}

function hasArguments(args: CallArgs): boolean {
  return args.values.length > 0;
}

function objectNew(type: PyType, args: CallArgs): PyObject {
  if (hasArguments(args)) {
    // 3.6 had one wording for both cases.
    if (rt.profile.minor <= 6 && (!isObjectSlot(type, "__new__") || isObjectSlot(type, "__init__"))) throw typeError("object() takes no parameters");
    if (!isObjectSlot(type, "__new__")) throw typeError("object.__new__() takes exactly one argument (the type to instantiate)");
    if (isObjectSlot(type, "__init__")) throw typeError(`${type.name}() takes no arguments`);
  }
  if (type.abstractMethods !== null) {
    throw typeError(`Can't instantiate abstract class ${type.name} with abstract method${type.abstractMethods.length > 1 ? "s" : ""} ${type.abstractMethods.join(", ")}`);
  }
  return newInstance(type);
}

/**
 * Built-in types whose object_init accepts the call's arguments (their own __new__ used them).
 * Their __init__ and __new__ can never change, and str(x) or int(x) passes here on every call.
 */
function objectInit(self: PyObject, args: CallArgs): void {
  if (!hasArguments(args)) return;
  const type = self.type;
  if (type.objectInitAcceptsArguments) return;
  if (rt.profile.minor <= 6 && (!isObjectSlot(type, "__init__") || isObjectSlot(type, "__new__"))) throw typeError("object.__init__() takes no parameters");
  if (!isObjectSlot(type, "__init__")) throw typeError("object.__init__() takes exactly one argument (the instance to initialize)");
  if (isObjectSlot(type, "__new__")) throw typeError(`${type.name}() takes no arguments`);
  // Built-in types never change their __init__/__new__, so the answer holds for good.
  if (!type.heapType) type.objectInitAcceptsArguments = true;
}

function objectStr(self: PyObject): PyObject {
  return self.type.repr!(self);
}

export const OBJECT_SPEC: BuiltinTypeSpec = {
  name: "object",
  base: null,
  layout: { basicSize: 16, itemSize: 0, gc: false, preHeader: false },
  subclassable: true,
  slots: {
    dealloc: instanceDealloc,
    repr: textSlot(defaultReprText),
    str: objectStr,
    hash: objectHash,
    richcompare: objectRichCompare,
    getattro: genericGetAttr,
    setattro: genericSetAttr,
    init: objectInit,
    new_: objectNew,
  },
  // In object_methods' order: dir(), vars(object) and help() list them so.
  methods: [
    { name: "__reduce_ex__", kind: "one", impl: () => unsupportedPickling("__reduce_ex__") },
    { name: "__reduce__", kind: "noargs", impl: () => unsupportedPickling("__reduce__") },
    { name: "__getstate__", kind: "noargs", since: 11, impl: () => unsupportedPickling("__getstate__") },
    { name: "__subclasshook__", kind: "positional", binding: "class", impl: () => newNotImplemented() },
    { name: "__init_subclass__", kind: "keywords", binding: "class", impl: (cls, args) => {
      // METH_NOARGS: 3.9+ names the function with its class in the messages.
      const described = rt.profile.minor >= 9 ? `${(cls as PyType).name}.__init_subclass__` : "__init_subclass__";
      const { positional, keywords } = splitArgs(args);
      if (keywords.size > 0) throw typeError(`${described}() takes no keyword arguments`);
      if (positional.length > 0) throw typeError(`${described}() takes no arguments (${positional.length} given)`);
      return newNone();
    } },
    {
      name: "__format__",
      kind: "one",
      impl: (self, spec) => {
        if (!(spec instanceof PyStr)) throw typeError(`__format__() argument must be str, not ${spec.type.name}`);
        if (spec.value !== "") throw typeError(`unsupported format string passed to ${self.type.name}.__format__`);
        return formatObject(self, "str");
      },
    },
    { name: "__sizeof__", kind: "noargs", impl: (self) => newInt(instanceSize(self.type)) },
    {
      name: "__dir__",
      kind: "noargs",
      impl: (self) => dirNames(self),
    },
  ],
  getsets: [
    {
      name: "__class__",
      get: (self) => {
        self.type.refcount++;
        return self.type;
      },
      set: setObjectClass,
    },
  ],
};

/** The pickling protocol (copyreg's reduce functions) is not modelled. */
function unsupportedPickling(name: string): never {
  throw new Unsupported(`object.${name}() (the pickling protocol)`);
}

export { richCompare, newList, internName };
