// staticmethod, classmethod and property objects (the descriptors Python code creates).
import { PyObject } from "../object.js";
import { rt } from "../state.js";
import { allocateObject, freeObjectMemory } from "../memory/object-memory.js";
import { gcTrack, gcUntrack } from "../gc/tracking.js";
import type { PyType } from "../type.js";
import { newBoundMethod } from "./method.js";
import { call } from "../abstract/object-protocol.js";
import { attributeError } from "../errors.js";

/** staticmethod(f) / classmethod(f): one wrapped callable (owned). */
export class PyCallableWrapper extends PyObject {
  constructor(
    type: PyType,
    public callable: PyObject,
  ) {
    super(type);
  }
}

const WRAPPER_SIZE = 40;

export function newCallableWrapper(type: PyType, callable: PyObject): PyCallableWrapper {
  callable.refcount++;
  const wrapper = new PyCallableWrapper(type, callable);
  allocateObject(wrapper, WRAPPER_SIZE);
  rt.gc.countAllocation();
  gcTrack(wrapper);
  return wrapper;
}

export function callableWrapperDealloc(self: PyObject): void {
  const wrapper = self as PyCallableWrapper;
  gcUntrack(wrapper);
  freeObjectMemory(wrapper, WRAPPER_SIZE);
  rt.gc.countDeallocation();
  const callable = wrapper.callable;
  if (--callable.refcount === 0) callable.type.dealloc(callable);
}

export function callableWrapperTraverse(self: PyObject, visit: (child: PyObject) => void): void {
  visit((self as PyCallableWrapper).callable);
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
  constructor(
    public getter: PyObject,
    public setter: PyObject,
    public deleter: PyObject,
    public doc: PyObject,
  ) {
    super(rt.types.property);
  }
}

const PROPERTY_SIZE = 64;

/** Steals the four references. */
export function newProperty(type: PyType, getter: PyObject, setter: PyObject, deleter: PyObject, doc: PyObject): PyProperty {
  const property = new PyProperty(getter, setter, deleter, doc);
  property.type = type;
  allocateObject(property, PROPERTY_SIZE);
  rt.gc.countAllocation();
  gcTrack(property);
  return property;
}

export function propertyDealloc(self: PyObject): void {
  const property = self as PyProperty;
  gcUntrack(property);
  freeObjectMemory(property, PROPERTY_SIZE);
  rt.gc.countDeallocation();
  for (const child of [property.getter, property.setter, property.deleter, property.doc]) {
    if (--child.refcount === 0) child.type.dealloc(child);
  }
}

export function propertyTraverse(self: PyObject, visit: (child: PyObject) => void): void {
  const property = self as PyProperty;
  visit(property.getter);
  visit(property.setter);
  visit(property.deleter);
  visit(property.doc);
}

export function propertyGet(self: PyObject, instance: PyObject | null): PyObject {
  const property = self as PyProperty;
  if (instance === null) {
    self.refcount++;
    return self;
  }
  if (property.getter === rt.None) throw attributeError(rt.profile.minor >= 11 ? `property of '${instance.type.name}' object has no getter` : "unreadable attribute");
  return call(property.getter, { values: [instance], kwnames: null });
}

export function propertySet(self: PyObject, instance: PyObject, value: PyObject | null): void {
  const property = self as PyProperty;
  const target = value === null ? property.deleter : property.setter;
  if (target === rt.None) {
    if (rt.profile.minor >= 11) {
      throw attributeError(`property of '${instance.type.name}' object has no ${value === null ? "deleter" : "setter"}`);
    }
    throw attributeError(value === null ? "can't delete attribute" : "can't set attribute");
  }
  const result = call(target, { values: value === null ? [instance] : [instance, value], kwnames: null });
  if (--result.refcount === 0) result.type.dealloc(result);
}
