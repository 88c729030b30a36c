// Descriptors of built-in types: method, slot wrapper, classmethod, getset and member descriptors.
import { PyObject } from "../object.js";
import { rt } from "../state.js";
import { gcTrack, gcUntrack } from "../gc/tracking.js";
import { allocateObject, freeObjectMemory } from "../memory/object-memory.js";
import type { PyType } from "../type.js";
import type { MethodDef } from "../method-def.js";
import { callMethodDef, callMethodDefAfterSelf } from "../method-def.js";
import type { CallArgs } from "../slots.js";
import type { GetSetDef } from "../type-spec.js";
import { typeError, attributeError } from "../errors.js";
import { newBuiltinFunction } from "./builtin-function.js";
import { intTernaryPow } from "./number-ternary-pow.js";

export type DescriptorKind = "method" | "slot" | "classmethod" | "static" | "getset" | "member";

/**
 * tp_basicsize of each descriptor kind: PyDescr_COMMON (40 bytes) and the def pointer; method
 * descriptors gained a vectorcall pointer in 3.8; slot wrappers carry the wrapped function too.
 */
export function descriptorSize(kind: DescriptorKind, minor: number): number {
  switch (kind) {
    case "method":
    case "classmethod":
      return minor >= 8 ? 56 : 48;
    case "slot":
      return 56;
    default:
      return 48;
  }
}

export class PyMethodDescriptor extends PyObject {
  constructor(
    type: PyType,
    readonly kind: DescriptorKind,
    readonly owner: PyType,
    readonly name: string,
    readonly def: MethodDef | null,
    readonly getset: GetSetDef | null,
  ) {
    super(type);
  }

  /** For slot wrappers: which native slot this wraps, and its function (see heap-type-slots.ts). */
  slotKey: string | null = null;
  slotFunction: unknown = null;
  /**
   * True for descriptors a class statement made (__dict__, __weakref__, __slots__ members): heap
   * objects, GC-tracked, holding a reference to their class (d_type). Built-in types' own
   * descriptors are static objects that live as long as the runtime.
   */
  heap = false;

  /** "list.append", built once per owner name: argument errors of every call may need it. */
  get qualifiedName(): string {
    const ownerName = this.owner.name;
    if (this.qualifiedOwnerName !== ownerName) {
      this.qualifiedOwnerName = ownerName;
      this.qualifiedNameText = `${ownerName}.${this.name}`;
    }
    return this.qualifiedNameText;
  }
  private qualifiedOwnerName: string | null = null;
  private qualifiedNameText = "";
}

function descriptorType(kind: DescriptorKind): PyType {
  switch (kind) {
    case "method":
      return rt.types.method_descriptor;
    case "slot":
      return rt.types.wrapper_descriptor;
    case "classmethod":
      return rt.types.classmethod_descriptor;
    case "static":
      return rt.types.staticmethod;
    case "getset":
      return rt.types.getset_descriptor;
    case "member":
      return rt.types.member_descriptor;
  }
}

/** Creates a descriptor for a built-in type's namespace (an owned reference to a static object). */
export function newDescriptor(kind: DescriptorKind, owner: PyType, name: string, def: MethodDef | null, getset: GetSetDef | null): PyMethodDescriptor {
  const descriptor = new PyMethodDescriptor(descriptorType(kind), kind, owner, name, def, getset);
  descriptor.address = rt.staticAddress(descriptorSize(kind, rt.profile.minor));
  return descriptor;
}

/**
 * PyDescr_NewGetSet / PyDescr_NewMember for a class being created: a GC-tracked heap object
 * that holds a reference to `owner`. New reference.
 */
export function newHeapDescriptor(kind: "getset" | "member", owner: PyType, name: string, getset: GetSetDef): PyMethodDescriptor {
  const descriptor = new PyMethodDescriptor(descriptorType(kind), kind, owner, name, null, getset);
  descriptor.heap = true;
  owner.refcount++;
  allocateObject(descriptor, descriptorSize(kind, rt.profile.minor));
  rt.gc.countAllocation();
  gcTrack(descriptor);
  return descriptor;
}

/** descr_dealloc: static descriptors are never freed; a class's own drop their class, then their memory. */
export function descriptorDealloc(self: PyObject): void {
  const descriptor = self as PyMethodDescriptor;
  if (!descriptor.heap) return;
  gcUntrack(descriptor);
  const owner = descriptor.owner;
  if (--owner.refcount === 0) owner.type.dealloc(owner);
  freeObjectMemory(descriptor, descriptorSize(descriptor.kind, rt.profile.minor));
  rt.gc.countDeallocation();
}

/** descr_traverse: d_type. */
export function descriptorTraverse(self: PyObject, visit: (child: PyObject) => void): void {
  visit((self as PyMethodDescriptor).owner);
}

/** method_descriptor.__get__: bound to an instance it becomes a built-in method. */
export function methodDescriptorGet(self: PyObject, instance: PyObject | null, owner: PyType): PyObject {
  const descriptor = self as PyMethodDescriptor;
  if (descriptor.kind === "classmethod") {
    return newBuiltinFunction(descriptor.def!, instance === null ? owner : instance.type, descriptor.qualifiedName, true);
  }
  if (instance === null) {
    self.refcount++;
    return self;
  }
  checkSelfType(descriptor, instance);
  if (descriptor.kind === "slot") return newMethodWrapper(descriptor, instance);
  return newBuiltinFunction(descriptor.def!, instance, descriptor.qualifiedName, true);
}

function checkSelfType(descriptor: PyMethodDescriptor, instance: PyObject): void {
  if (!instance.type.isSubtypeOf(descriptor.owner)) {
    // descr_check before 3.8 wrote "to 'int' object", without the article.
    const article = rt.profile.minor >= 8 ? "a " : "";
    throw typeError(
      `descriptor '${descriptor.name}' for '${descriptor.owner.name}' objects doesn't apply to ${article}'${instance.type.name}' object`,
    );
  }
}

/** Before 3.8 a method descriptor call checked its self with the wrapper descriptor's wording. */
function checkCalledSelfType(descriptor: PyMethodDescriptor, instance: PyObject): void {
  if (rt.profile.minor <= 7 && !instance.type.isSubtypeOf(descriptor.owner)) {
    throw typeError(`descriptor '${descriptor.name}' requires a '${descriptor.owner.name}' object but received a '${instance.type.name}'`);
  }
  checkSelfType(descriptor, instance);
}

/** How a descriptor call names the method in argument errors: "append" until 3.8, "list.append" from 3.9. */
function callName(descriptor: PyMethodDescriptor): string {
  return rt.profile.minor >= 9 ? descriptor.qualifiedName : descriptor.name;
}

/** Calling the unbound descriptor: `list.append(xs, 1)`. */
export function methodDescriptorCall(self: PyObject, args: CallArgs): PyObject {
  const descriptor = self as PyMethodDescriptor;
  const values = args.values;
  if (descriptor.kind === "classmethod") {
    const cls = values[0];
    if (cls === undefined) throw typeError(`descriptor '${descriptor.name}' of '${descriptor.owner.name}' object needs an argument`);
    return callMethodDefAfterSelf(descriptor.def!, cls, args, callName(descriptor));
  }
  const positionalCount = values.length - (args.kwnames?.length ?? 0);
  if (descriptor.kind === "slot") {
    // wrapperdescr_call: its own wording for a missing or foreign self.
    if (positionalCount < 1) throw typeError(`descriptor '${descriptor.name}' of '${descriptor.owner.name}' object needs an argument`);
    const instance = values[0]!;
    if (!instance.type.isSubtypeOf(descriptor.owner)) {
      throw typeError(`descriptor '${descriptor.name}' requires a '${descriptor.owner.name}' object but received a '${instance.type.name}'`);
    }
    return callSlotWrapper(descriptor, instance, args, 1);
  }
  if (positionalCount < 1) {
    if (rt.profile.minor <= 8) throw typeError(`descriptor '${descriptor.name}' of '${descriptor.owner.name}' object needs an argument`);
    throw typeError(`unbound method ${descriptor.qualifiedName}() needs an argument`);
  }
  const instance = values[0]!;
  checkCalledSelfType(descriptor, instance);
  return callMethodDefAfterSelf(descriptor.def!, instance, args, callName(descriptor));
}

/**
 * A slot wrapper called with `instance` and the arguments after the first `skip` values: no
 * keywords ("wrapper __add__() takes no keyword arguments"), then the wrap_* function's count
 * check ("expected 1 argument, got 0"); __pow__ takes an optional modulus (wrap_ternaryfunc).
 */
/** The wrap_* count checks wrote "1 arguments" before 3.8. */
function argumentNoun(count: number): string {
  return count === 1 && rt.profile.minor >= 8 ? "argument" : "arguments";
}

function callSlotWrapper(descriptor: PyMethodDescriptor, instance: PyObject, args: CallArgs, skip: number): PyObject {
  const def = descriptor.def!;
  const keywordCount = args.kwnames?.length ?? 0;
  if (keywordCount > 0 && def.kind !== "keywords") {
    throw typeError(rt.profile.minor <= 6 ? `wrapper ${descriptor.name} doesn't take keyword arguments` : `wrapper ${descriptor.name}() takes no keyword arguments`);
  }
  const values = args.values;
  const count = values.length - skip;
  if (def.kind === "one" && (descriptor.name === "__pow__" || descriptor.name === "__rpow__")) {
    if (count < 1) throw typeError(` expected at least 1 ${argumentNoun(1)}, got 0`);
    if (count > 2) throw typeError(` expected at most 2 arguments, got ${count}`);
    const other = values[skip]!;
    const modulus = values[skip + 1];
    if (modulus === undefined || modulus === rt.None) return def.impl(instance, other);
    return descriptor.name === "__pow__" ? intTernaryPow(instance, other, modulus) : intTernaryPow(other, instance, modulus);
  }
  if (def.kind === "noargs") {
    if (count !== 0) throw typeError(`expected 0 arguments, got ${count}`);
    return def.impl(instance);
  }
  if (def.kind === "one") {
    if (count !== 1) throw typeError(`expected 1 ${argumentNoun(1)}, got ${count}`);
    return def.impl(instance, values[skip]!);
  }
  return skip === 0 ? callMethodDef(def, instance, args, callName(descriptor)) : callMethodDefAfterSelf(def, instance, args, callName(descriptor));
}

export function getsetDescriptorGet(self: PyObject, instance: PyObject | null, _owner: PyType): PyObject {
  const descriptor = self as PyMethodDescriptor;
  if (instance === null) {
    self.refcount++;
    return self;
  }
  checkSelfType(descriptor, instance);
  return descriptor.getset!.get(instance);
}

export function getsetDescriptorSet(self: PyObject, instance: PyObject, value: PyObject | null): void {
  const descriptor = self as PyMethodDescriptor;
  const setter = descriptor.getset!.set;
  if (setter === undefined) {
    throw attributeError(`attribute '${descriptor.name}' of '${descriptor.owner.name}' objects is not writable`);
  }
  checkSelfType(descriptor, instance);
  setter(instance, value);
}

/** method-wrapper: a slot wrapper bound to an instance (`(1).__add__`). */
export class PyMethodWrapper extends PyObject {
  constructor(
    readonly descriptor: PyMethodDescriptor,
    readonly self: PyObject,
  ) {
    super(rt.types.method_wrapper);
  }
}

const METHOD_WRAPPER_SIZE = 32;

function newMethodWrapper(descriptor: PyMethodDescriptor, instance: PyObject): PyMethodWrapper {
  instance.refcount++;
  const wrapper = new PyMethodWrapper(descriptor, instance);
  allocateObject(wrapper, METHOD_WRAPPER_SIZE);
  rt.gc.countAllocation();
  gcTrack(wrapper);
  return wrapper;
}

export function methodWrapperDealloc(self: PyObject): void {
  const wrapper = self as PyMethodWrapper;
  gcUntrack(wrapper);
  freeObjectMemory(wrapper, METHOD_WRAPPER_SIZE);
  rt.gc.countDeallocation();
  const instance = wrapper.self;
  if (--instance.refcount === 0) instance.type.dealloc(instance);
}

export function methodWrapperCall(self: PyObject, args: CallArgs): PyObject {
  const wrapper = self as PyMethodWrapper;
  return callSlotWrapper(wrapper.descriptor, wrapper.self, args, 0);
}

export function methodWrapperTraverse(self: PyObject, visit: (child: PyObject) => void): void {
  visit((self as PyMethodWrapper).self);
}

/** Descriptors are static objects: they are never freed while their type lives. */
export function staticDealloc(self: PyObject): void {
  void self;
}
