// staticmethod, classmethod and property objects (the descriptors Python code creates).
import { PyObject } from "../object.js";
import { rt } from "../state.js";
import { allocateObject, freeObjectMemory } from "../memory/object-memory.js";
import { gcTrack, gcUntrack } from "../gc/tracking.js";
import type { PyType } from "../type.js";
import { newBoundMethod } from "./method.js";
import { call } from "../abstract/object-protocol.js";
import { attributeError } from "../errors.js";
import { strRepr } from "../format/str-repr.js";
import { PyStr, internName } from "./str.js";
import { lookupAttr, setAttr } from "../abstract/attributes.js";
import { decref } from "../object.js";
import { attributesOf, releaseAttributes, traverseAttributes } from "../instance-attributes.js";

/** staticmethod(f) / classmethod(f): one wrapped callable (owned). */
export class PyCallableWrapper extends PyObject {
  constructor(
    type: PyType,
    public callable: PyObject,
  ) {
    super(type);
  }
}

/** sizeof(staticmethod) and sizeof(classmethod): the head, the callable and the __dict__ pointer. */
const WRAPPER_SIZE = 32;

export function newCallableWrapper(type: PyType, callable: PyObject): PyCallableWrapper {
  callable.refcount++;
  const wrapper = new PyCallableWrapper(type, callable);
  allocateObject(wrapper, WRAPPER_SIZE);
  rt.gc.countAllocation();
  gcTrack(wrapper);
  return wrapper;
}

/** sm_dealloc / cm_dealloc: the callable, then the __dict__, are released before the memory. */
export function callableWrapperDealloc(self: PyObject): void {
  const wrapper = self as PyCallableWrapper;
  gcUntrack(wrapper);
  const callable = wrapper.callable;
  if (--callable.refcount === 0) callable.type.dealloc(callable);
  releaseAttributes(wrapper);
  freeObjectMemory(wrapper, WRAPPER_SIZE);
  rt.gc.countDeallocation();
}

export function callableWrapperTraverse(self: PyObject, visit: (child: PyObject) => void): void {
  visit((self as PyCallableWrapper).callable);
  const attributes = attributesOf(self);
  if (attributes !== null) traverseAttributes(attributes, visit);
}

/** The attributes 3.10+ copy from the wrapped callable into the wrapper's __dict__ (functools_wraps). */
const WRAPPED_ATTRIBUTES = ["__module__", "__name__", "__qualname__", "__doc__", "__annotations__"];

/**
 * sm_init / cm_init: 3.10+ copy the callable's naming attributes into the wrapper's __dict__
 * (made by the first store), skipping those the callable lacks.
 */
export function callableWrapperInit(self: PyObject): void {
  if (rt.profile.minor < 10) return;
  const callable = (self as PyCallableWrapper).callable;
  for (const text of WRAPPED_ATTRIBUTES) {
    const name = internName(text);
    try {
      const value = lookupAttr(callable, name);
      if (value === null) continue;
      try {
        setAttr(self, name, value);
      } finally {
        decref(value);
      }
    } finally {
      decref(name);
    }
  }
}

/** The function a staticmethod wraps (borrowed). */
export function staticMethodCallable(wrapper: PyObject): PyObject {
  return (wrapper as PyCallableWrapper).callable;
}

export function staticMethodGet(self: PyObject): PyObject {
  const callable = (self as PyCallableWrapper).callable;
  callable.refcount++;
  return callable;
}

export function classMethodGet(self: PyObject, instance: PyObject | null, owner: PyType): PyObject {
  const cls = instance === null ? owner : instance.type;
  return newBoundMethod((self as PyCallableWrapper).callable, cls);
}

/** property(fget, fset, fdel, doc). */
export class PyProperty extends PyObject {
  /** prop_name (3.10+): the attribute name __set_name__ recorded (owned), named in error messages. */
  name: PyObject | null = null;
  constructor(
    public getter: PyObject,
    public setter: PyObject,
    public deleter: PyObject,
    public doc: PyObject,
  ) {
    super(rt.types.property);
  }
}

/** 3.10 added prop_name to the object. */
export function propertySize(minor: number): number {
  return minor >= 10 ? 64 : 56;
}

/** Steals the four references. */
export function newProperty(type: PyType, getter: PyObject, setter: PyObject, deleter: PyObject, doc: PyObject): PyProperty {
  const property = new PyProperty(getter, setter, deleter, doc);
  property.type = type;
  allocateObject(property, propertySize(rt.profile.minor));
  rt.gc.countAllocation();
  gcTrack(property);
  return property;
}

export function propertyDealloc(self: PyObject): void {
  const property = self as PyProperty;
  gcUntrack(property);
  freeObjectMemory(property, propertySize(rt.profile.minor));
  rt.gc.countDeallocation();
  for (const child of [property.getter, property.setter, property.deleter, property.doc, property.name]) {
    if (child !== null && --child.refcount === 0) child.type.dealloc(child);
  }
}

export function propertyTraverse(self: PyObject, visit: (child: PyObject) => void): void {
  const property = self as PyProperty;
  visit(property.getter);
  visit(property.setter);
  visit(property.deleter);
  visit(property.doc);
  if (property.name !== null) visit(property.name);
}

/**
 * The name a property's messages use (a new reference, or null): the one __set_name__ recorded
 * (3.10+), else on 3.13+ its getter's __name__.
 */
export function propertyName(property: PyProperty): PyObject | null {
  if (property.name !== null) {
    property.name.refcount++;
    return property.name;
  }
  if (rt.profile.minor >= 13 && property.getter !== rt.None) return lookupAttr(property.getter, internName("__name__"));
  return null;
}

/** The AttributeError of a missing getter, setter or deleter, worded per version. */
function missingAccessor(property: PyProperty, instance: PyObject, accessor: "getter" | "setter" | "deleter") {
  const minor = rt.profile.minor;
  const name = minor >= 10 ? propertyName(property) : null;
  const nameText = name === null ? null : name instanceof PyStr ? strRepr(name.value) : null;
  if (name !== null && --name.refcount === 0) name.type.dealloc(name);
  if (minor >= 11) {
    const owner = strRepr(instance.type.qualname);
    return attributeError(nameText === null ? `property of ${owner} object has no ${accessor}` : `property ${nameText} of ${owner} object has no ${accessor}`);
  }
  const base = accessor === "getter" ? "unreadable attribute" : accessor === "setter" ? "can't set attribute" : "can't delete attribute";
  return attributeError(nameText === null ? base : `${base} ${nameText}`);
}

export function propertyGet(self: PyObject, instance: PyObject | null): PyObject {
  const property = self as PyProperty;
  if (instance === null) {
    self.refcount++;
    return self;
  }
  if (property.getter === rt.None) throw missingAccessor(property, instance, "getter");
  if (rt.profile.minor <= 7) {
    // 3.6–3.7 passed the instance in a 1-tuple the property machinery keeps cached between
    // calls (allocated once, long before a lesson runs): the instance gains one reference.
    instance.refcount++;
    try {
      return call(property.getter, { values: [instance], kwnames: null });
    } finally {
      if (--instance.refcount === 0) instance.type.dealloc(instance);
    }
  }
  return call(property.getter, { values: [instance], kwnames: null });
}

export function propertySet(self: PyObject, instance: PyObject, value: PyObject | null): void {
  const property = self as PyProperty;
  const target = value === null ? property.deleter : property.setter;
  if (target === rt.None) throw missingAccessor(property, instance, value === null ? "deleter" : "setter");
  const result = call(target, { values: value === null ? [instance] : [instance, value], kwnames: null });
  if (--result.refcount === 0) result.type.dealloc(result);
}
