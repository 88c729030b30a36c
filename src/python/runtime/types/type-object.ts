// `type`: calling a class, attribute lookup on classes (metatype first), class attribute updates.
import type { PyObject } from "../object.js";
import { decref } from "../object.js";
import { rt } from "../state.js";
import { PyType } from "../type.js";
import type { BuiltinTypeSpec } from "../type-spec.js";
import type { CallArgs } from "../slots.js";
import { textSlot } from "../spec-helpers.js";
import { typeLookup, missingAttribute } from "../abstract/attributes.js";
import { typeError, attributeError } from "../errors.js";
import { typeNew, classAttributeChanged, computeMro } from "../class-builder.js";
import { PyStr, newStr } from "./str.js";
import { newTuple } from "./tuple.js";
import { newInt } from "./int.js";
import { newList } from "./list.js";
import { newMappingProxy } from "./mappingproxy.js";
import { newNone } from "../values.js";
import { gcUntrack } from "../gc/tracking.js";
import { freeObjectMemory } from "../memory/object-memory.js";
import { newBool } from "../values.js";
import { newDict } from "./dict.js";

function typeRepr(self: PyObject): string {
  const type = self as PyType;
  if (type.module === "builtins") return `<class '${type.qualname}'>`;
  return `<class '${type.module}.${type.qualname}'>`;
}

/** type_call: `type(x)`, or build with __new__ then __init__ when the result is an instance. */
function typeCall(self: PyObject, args: CallArgs): PyObject {
  const type = self as PyType;
  if (type === rt.types.type && args.values.length === 1 && args.kwnames === null) {
    const result = args.values[0]!.type;
    result.refcount++;
    return result;
  }
  const construct = type.new_;
  if (construct === null) throw typeError(`cannot create '${type.module === "builtins" ? type.name : `${type.module}.${type.name}`}' instances`);
  const object = construct(type, args);
  if (!object.type.isSubtypeOf(type)) return object;
  const init = object.type.init;
  if (init !== null) {
    try {
      init(object, args);
    } catch (error) {
      decref(object);
      throw error;
    }
  }
  return object;
}

/** type_getattro: data descriptors of the metatype, then the class's MRO, then the metatype. */
function typeGetAttr(self: PyObject, name: PyObject): PyObject | null {
  const type = self as PyType;
  const text = (name as PyStr).value;
  const metaType = type.type;
  const metaAttribute = typeLookup(metaType, text);
  let metaGetter: PyType["descrGet"] = null;
  if (metaAttribute !== null) {
    metaGetter = metaAttribute.type.descrGet;
    if (metaGetter !== null && metaAttribute.type.descrSet !== null) return metaGetter(metaAttribute, type, metaType);
  }
  const attribute = typeLookup(type, text);
  if (attribute !== null) {
    const getter = attribute.type.descrGet;
    if (getter !== null) return getter(attribute, null, type);
    attribute.refcount++;
    return attribute;
  }
  if (metaGetter !== null) return metaGetter(metaAttribute!, type, metaType);
  if (metaAttribute !== null) {
    metaAttribute.refcount++;
    return metaAttribute;
  }
  return null;
}

function typeSetAttr(self: PyObject, name: PyObject, value: PyObject | null): void {
  const type = self as PyType;
  const text = (name as PyStr).value;
  if (!type.heapType) {
    if (rt.profile.minor >= 10) throw typeError(`cannot set '${text}' attribute of immutable type '${type.name}'`);
    throw typeError(`can't set attributes of built-in/extension type '${type.name}'`);
  }
  const metaAttribute = typeLookup(type.type, text);
  if (metaAttribute !== null && metaAttribute.type.descrSet !== null) {
    metaAttribute.type.descrSet(metaAttribute, type, value);
    return;
  }
  const old = type.namespace.get(text);
  if (value === null) {
    if (old === undefined) throw missingAttribute(type, text);
    type.namespace.delete(text);
  } else {
    value.refcount++;
    type.namespace.set(text, value);
  }
  classAttributeChanged(type, text);
  if (old !== undefined && --old.refcount === 0) old.type.dealloc(old);
}

/** Heap types are freed when their last reference goes (static types never are). */
function typeDealloc(self: PyObject): void {
  const type = self as PyType;
  if (!type.heapType) return;
  gcUntrack(type);
  rt.clearWeakrefs(type);
  const references: PyObject[] = [...type.namespace.values(), ...type.bases, type.type];
  type.namespace.clear();
  for (const base of type.bases) {
    const index = base.subclasses.indexOf(type);
    if (index >= 0) base.subclasses.splice(index, 1);
  }
  freeObjectMemory(type, 904);
  for (const reference of references) if (--reference.refcount === 0) reference.type.dealloc(reference);
}

function typeTraverse(self: PyObject, visit: (child: PyObject) => void): void {
  const type = self as PyType;
  if (!type.heapType) return;
  for (const value of type.namespace.values()) visit(value);
  for (const base of type.bases) visit(base);
  visit(type.type);
}

function typeClear(self: PyObject): void {
  const type = self as PyType;
  if (!type.heapType) return;
  const values = [...type.namespace.values()];
  type.namespace.clear();
  for (const value of values) if (--value.refcount === 0) value.type.dealloc(value);
}

function strAttribute(get: (type: PyType) => string, set?: (type: PyType, value: string) => void) {
  return {
    get: (self: PyObject) => newStr(get(self as PyType)),
    set: (self: PyObject, value: PyObject | null) => {
      const type = self as PyType;
      if (set === undefined || !type.heapType) throw typeError(`cannot set attribute of immutable type '${type.name}'`);
      if (!(value instanceof PyStr)) throw typeError(`can only assign string to ${type.name}.__name__, not '${value?.type.name ?? "NoneType"}'`);
      set(type, value.value);
    },
  };
}

export const TYPE_SPEC: BuiltinTypeSpec = {
  name: "type",
  base: "object",
  layout: { basicSize: 904, itemSize: 40, gc: true, preHeader: false },
  subclassable: true,
  slots: {
    dealloc: typeDealloc,
    traverse: typeTraverse,
    clear: typeClear,
    repr: textSlot(typeRepr),
    call: typeCall,
    getattro: typeGetAttr,
    setattro: typeSetAttr,
    new_: typeNew,
    init: () => undefined,
  },
  methods: [
    {
      name: "mro",
      kind: "noargs",
      impl: (self) => newList(computeMro(self as PyType, (self as PyType).bases).map((type) => (type.refcount++, type))),
    },
    {
      name: "__subclasses__",
      kind: "noargs",
      impl: (self) => newList((self as PyType).subclasses.map((type) => (type.refcount++, type))),
    },
    {
      name: "__instancecheck__",
      kind: "one",
      impl: (self, instance) => newBool(instance.type.isSubtypeOf(self as PyType)),
    },
    {
      name: "__subclasscheck__",
      kind: "one",
      impl: (self, other) => {
        if (!(other instanceof PyType)) throw typeError("issubclass() arg 1 must be a class");
        return newBool(other.isSubtypeOf(self as PyType));
      },
    },
    { name: "__prepare__", kind: "keywords", binding: "class", impl: () => newDict() },
  ],
  getsets: [
    { name: "__name__", ...strAttribute((type) => type.name, (type, value) => (type.name = value)) },
    { name: "__qualname__", ...strAttribute((type) => type.qualname, (type, value) => (type.qualname = value)) },
    {
      name: "__module__",
      get: (self) => {
        const type = self as PyType;
        const stored = type.heapType ? type.namespace.get("__module__") : undefined;
        if (stored !== undefined) {
          stored.refcount++;
          return stored;
        }
        return newStr(type.module);
      },
    },
    { name: "__bases__", get: (self) => newTuple((self as PyType).bases) },
    {
      name: "__base__",
      get: (self) => {
        const base = (self as PyType).base;
        if (base === null) return newNone();
        base.refcount++;
        return base;
      },
    },
    { name: "__mro__", get: (self) => newTuple((self as PyType).mro) },
    { name: "__basicsize__", get: (self) => newInt((self as PyType).layout.basicSize) },
    { name: "__itemsize__", get: (self) => newInt((self as PyType).layout.itemSize) },
    { name: "__dict__", get: (self) => newMappingProxy(self as PyType) },
    {
      name: "__doc__",
      get: (self) => {
        const doc = (self as PyType).namespace.get("__doc__");
        if (doc === undefined) return newNone();
        const getter = doc.type.descrGet;
        if (getter !== null) return getter(doc, null, self as PyType);
        doc.refcount++;
        return doc;
      },
    },
  ],
};

export { attributeError };
