// Attribute access: type lookup along the MRO, the generic getattr/setattr, and the public API.
import { type PyObject, decref } from "../object.js";
import type { PyType } from "../type.js";
import { rt } from "../state.js";
import { attributeError, typeError, PyRaise, discardRaise, Unsupported } from "../errors.js";
import { withAttributeErrorContext } from "./attribute-error-context.js";
import type { PyStr } from "../types/str.js";
import { internName } from "../types/str.js";
import { moduleNameInDict, type PyModule } from "../types/module.js";
import { storageOf, storedAttribute, cachedStoredAttribute, setInstanceAttribute, initInstanceAttributes, type KeysEntryCache } from "../instance-attributes.js";

/**
 * _PyType_Lookup: the first value named `name` in the namespaces of `type`'s MRO, or null.
 * Borrowed. Cached per type until any class namespace changes.
 */
export function typeLookup(type: PyType, name: string): PyObject | null {
  if (type.cacheEpoch !== rt.typeEpoch) {
    type.attributeCache.clear();
    type.cacheEpoch = rt.typeEpoch;
  }
  const cached = type.attributeCache.get(name);
  if (cached !== undefined) return cached;
  let found: PyObject | null = null;
  const mro = type.mro;
  for (let i = 0; i < mro.length; i++) {
    const value = mro[i]!.namespace.get(name);
    if (value !== undefined) {
      found = value;
      break;
    }
  }
  type.attributeCache.set(name, found);
  return found;
}

/** Something in a class namespace changed: every attribute cache is stale. */
export function invalidateTypeCaches(): void {
  rt.typeEpoch++;
}

/** True when `descriptor` defines __set__/__delete__ (a data descriptor). */
export function isDataDescriptor(descriptor: PyObject): boolean {
  return descriptor.type.descrSet !== null;
}

/**
 * PyObject_GenericGetAttr without raising: data descriptors on the type, then the instance's
 * attributes, then other descriptors and class attributes. New reference, or null.
 */
export function genericGetAttr(self: PyObject, nameObject: PyObject): PyObject | null {
  return genericGetAttrWith(self, nameObject, typeLookup(self.type, (nameObject as PyStr).value));
}

/**
 * genericGetAttr once `descriptor` = typeLookup(type(self), name) is known; with `cache`, the
 * instance's own attributes are looked up through a load site's cache (cachedStoredAttribute).
 */
export function genericGetAttrWith(self: PyObject, nameObject: PyObject, descriptor: PyObject | null, cache: KeysEntryCache | null = null): PyObject | null {
  const type = self.type;
  let getter: PyType["descrGet"] = null;
  if (descriptor !== null) {
    getter = descriptor.type.descrGet;
    if (getter !== null && isDataDescriptor(descriptor)) return getter(descriptor, self, type);
  }
  const attributes = storageOf(self);
  if (attributes !== null) {
    const value = cache === null ? storedAttribute(attributes, nameObject as PyStr) : cachedStoredAttribute(attributes, nameObject as PyStr, cache);
    if (value !== null) {
      value.refcount++;
      return value;
    }
  }
  if (getter !== null) return getter(descriptor!, self, type);
  if (descriptor !== null) {
    descriptor.refcount++;
    return descriptor;
  }
  return null;
}

/** PyObject_GenericSetAttr (value null deletes). */
export function genericSetAttr(self: PyObject, nameObject: PyObject, value: PyObject | null): void {
  const name = (nameObject as PyStr).value;
  const type = self.type;
  const descriptor = typeLookup(type, name);
  if (descriptor !== null) {
    const setter = descriptor.type.descrSet;
    if (setter !== null) {
      setter(descriptor, self, value);
      return;
    }
  }
  if (!type.instancesHaveDict) {
    if (descriptor === null) {
      // 3.13 says why the attribute cannot be added.
      const why = rt.profile.minor >= 13 ? " and no __dict__ for setting new attributes" : "";
      throw attributeError(`'${type.name}' object has no attribute '${name}'${why}`);
    }
    throw attributeError(`'${type.name}' object attribute '${name}' is read-only`);
  }
  // Built-in objects with a __dict__ slot (functions, exceptions) make their storage on first store.
  if (value !== null && storageOf(self) === null) initInstanceAttributes(self);
  if (!setInstanceAttribute(self, nameObject as PyStr, value)) {
    throw attributeError(`'${type.name}' object has no attribute '${name}'`);
  }
}

/** getattr(obj, name): new reference; raises AttributeError with CPython's message. */
export function getAttr(self: PyObject, name: PyStr): PyObject {
  const getattro = self.type.getattro ?? genericGetAttr;
  let value: PyObject | null;
  try {
    value = getattro(self, name);
  } catch (error) {
    throw withAttributeErrorContext(error, self, name);
  }
  if (value === null) throw withAttributeErrorContext(missingAttribute(self, name.value), self, name);
  return value;
}

/** getattr(obj, name) for a JS string name (interned on the way). */
export function getAttrString(self: PyObject, name: string): PyObject {
  const nameObject = internName(name);
  try {
    return getAttr(self, nameObject);
  } finally {
    decref(nameObject);
  }
}

/** _PyObject_LookupAttr: new reference or null when missing (other errors still raise). */
export function lookupAttr(self: PyObject, name: PyStr): PyObject | null {
  const getattro = self.type.getattro ?? genericGetAttr;
  try {
    return getattro(self, name);
  } catch (error) {
    if (!(error instanceof PyRaise) || !error.exception.type.isSubtypeOf(rt.exc.AttributeError)) throw error;
    discardRaise(error);
    return null;
  }
}

export function setAttr(self: PyObject, name: PyStr, value: PyObject | null): void {
  const setattro = self.type.setattro;
  if (setattro === null) {
    if (value === null) throw typeError(`'${self.type.name}' object has no attributes (del .${name.value})`);
    throw typeError(`'${self.type.name}' object has no attributes (assign to .${name.value})`);
  }
  setattro(self, name, value);
}

/** Attributes every CPython type has that the simulator's types do not: refused, never AttributeError. */
const UNMODELLED_TYPE_ATTRIBUTES = new Set(["__dictoffset__", "__weaklistoffset__", "__flags__", "__text_signature__"]);

/** The AttributeError CPython raises for a missing attribute of `self`. */
export function missingAttribute(self: PyObject, name: string) {
  if (self.type === rt.types.type || self.type.isSubtypeOf(rt.types.type)) {
    if (UNMODELLED_TYPE_ATTRIBUTES.has(name) || (name === "__type_params__" && rt.profile.minor >= 12)) {
      throw new Unsupported(`${(self as PyType).name}.${name} (this attribute of types is not simulated)`);
    }
    return attributeError(`type object '${(self as PyType).name}' has no attribute '${name}'`);
  }
  if (self.type === rt.types.module) {
    // module_getattro names the module by the __name__ in its dict, when that is a str.
    const moduleName = moduleNameInDict(self as PyModule);
    return attributeError(moduleName === null ? `module has no attribute '${name}'` : `module '${moduleName}' has no attribute '${name}'`);
  }
  return attributeError(`'${self.type.name}' object has no attribute '${name}'`);
}

