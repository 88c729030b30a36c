// mappingproxy: the read-only view of a class namespace that `C.__dict__` returns.
import { PyObject } from "../object.js";
import { rt } from "../state.js";
import { allocateObject, freeObjectMemory } from "../memory/object-memory.js";
import type { PyType } from "../type.js";
import { newDict, dictSetItem, type PyDict } from "./dict.js";
import { internName } from "./str.js";
import type { BuiltinTypeSpec } from "../type-spec.js";
import { textSlot } from "../spec-helpers.js";
import { reprText } from "../abstract/object-protocol.js";
import { getItem, length, contains } from "../abstract/items.js";
import { getIter } from "../abstract/iteration.js";

/**
 * A snapshot dict of the namespace wrapped as a mappingproxy. CPython's proxy reads the live
 * class dict; classes keep their namespace in a Map here, so the proxy copies it on creation.
 */
export class PyMappingProxy extends PyObject {
  constructor(readonly mapping: PyDict) {
    super(rt.types.mappingproxy);
  }
}

const PROXY_SIZE = 24;

export function newMappingProxy(type: PyType): PyMappingProxy {
  const dict = newDict();
  for (const [name, value] of type.namespace) {
    const key = internName(name);
    dictSetItem(dict, key, value);
    key.refcount--;
  }
  const proxy = new PyMappingProxy(dict);
  allocateObject(proxy, PROXY_SIZE);
  return proxy;
}

export function mappingProxyDealloc(self: PyObject): void {
  const proxy = self as PyMappingProxy;
  freeObjectMemory(proxy, PROXY_SIZE);
  const mapping = proxy.mapping;
  if (--mapping.refcount === 0) mapping.type.dealloc(mapping);
}

export const MAPPINGPROXY_SPEC: BuiltinTypeSpec = {
  name: "mappingproxy",
  layout: { basicSize: PROXY_SIZE, itemSize: 0, gc: false, preHeader: false },
  slots: {
    dealloc: mappingProxyDealloc,
    repr: textSlot((self) => `mappingproxy(${reprText((self as PyMappingProxy).mapping)})`),
    getitem: (self, key) => getItem((self as PyMappingProxy).mapping, key),
    length: (self) => length((self as PyMappingProxy).mapping),
    iter: (self) => getIter((self as PyMappingProxy).mapping),
    contains: (self, key) => contains((self as PyMappingProxy).mapping, key),
  },
};
