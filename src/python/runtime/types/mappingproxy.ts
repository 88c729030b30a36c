// mappingproxy: a read-only view of a mapping (`C.__dict__`, `d.keys().mapping`), forwarding to it.
import { PyObject } from "../object.js";
import { decref } from "../object.js";
import { rt } from "../state.js";
import { allocateObject, freeObjectMemory } from "../memory/object-memory.js";
import { gcTrack, gcUntrack } from "../gc/tracking.js";
import type { PyType } from "../type.js";
import { BinaryOp } from "../type.js";
import type { CompareOp } from "../slots.js";
import { newDict, dictSetItem, PyDict, dictGetItem } from "./dict.js";
import { internName } from "./str.js";
import type { BuiltinTypeSpec } from "../type-spec.js";
import { textSlot } from "../spec-helpers.js";
import { reprText, strText, callPositional } from "../abstract/object-protocol.js";
import { getItem, length, contains } from "../abstract/items.js";
import { getIter } from "../abstract/iteration.js";
import { richCompare } from "../abstract/compare.js";
import { binaryOp } from "../abstract/number.js";
import { getAttrString } from "../abstract/attributes.js";
import { lookupSpecial, callSpecial } from "../slot-table.js";
import { typeError } from "../errors.js";
import { checkUnpacked } from "./container-arguments.js";

/** mappingproxyobject: the mapping it shows (owned). */
export class PyMappingProxy extends PyObject {
  constructor(readonly mapping: PyObject) {
    super(rt.types.mappingproxy);
  }
}

const PROXY_SIZE = 24;

/** PyDictProxy_New(mapping). New reference. */
export function newMappingProxyOf(mapping: PyObject): PyMappingProxy {
  mapping.refcount++;
  const proxy = new PyMappingProxy(mapping);
  allocateObject(proxy, PROXY_SIZE);
  rt.gc.countAllocation();
  gcTrack(proxy);
  return proxy;
}

/**
 * `C.__dict__`: classes keep their namespace in a Map here, so the proxy shows a dict made from
 * it when asked (a snapshot; later class changes are not reflected in this proxy).
 */
export function newMappingProxy(type: PyType): PyMappingProxy {
  const dict = newDict();
  for (const [name, value] of type.namespace) {
    const key = internName(name);
    dictSetItem(dict, key, value);
    decref(key);
  }
  const proxy = newMappingProxyOf(dict);
  decref(dict);
  return proxy;
}

export function mappingProxyDealloc(self: PyObject): void {
  const proxy = self as PyMappingProxy;
  gcUntrack(proxy);
  freeObjectMemory(proxy, PROXY_SIZE);
  rt.gc.countDeallocation();
  decref(proxy.mapping);
}

function mappingOf(self: PyObject): PyObject {
  return (self as PyMappingProxy).mapping;
}

/** Calls `mapping.<name>()` (keys, values, items, copy). */
function forward(name: string) {
  return (self: PyObject): PyObject => {
    const method = getAttrString(mappingOf(self), name);
    try {
      return callPositional(method, []);
    } finally {
      decref(method);
    }
  };
}

function proxyGet(self: PyObject, args: readonly PyObject[]): PyObject {
  checkUnpacked("get", args, 1, 2);
  const mapping = mappingOf(self);
  if (mapping instanceof PyDict && mapping.type === rt.types.dict) {
    const found = dictGetItem(mapping, args[0]!) ?? args[1] ?? rt.None;
    found.refcount++;
    return found;
  }
  const method = getAttrString(mapping, "get");
  try {
    return callPositional(method, args);
  } finally {
    decref(method);
  }
}

function unwrap(object: PyObject): PyObject {
  return object instanceof PyMappingProxy ? object.mapping : object;
}

export const MAPPINGPROXY_SPEC: BuiltinTypeSpec = {
  name: "mappingproxy",
  layout: { basicSize: PROXY_SIZE, itemSize: 0, gc: true, preHeader: false },
  slots: {
    dealloc: mappingProxyDealloc,
    traverse: (self, visit) => visit(mappingOf(self)),
    repr: textSlot((self) => `mappingproxy(${reprText(mappingOf(self))})`),
    str: textSlot((self) => strText(mappingOf(self))),
    richcompare: (self: PyObject, other: PyObject, op: CompareOp) => richCompare(mappingOf(self), other, op),
    getitem: (self, key) => getItem(mappingOf(self), key),
    length: (self) => length(mappingOf(self)),
    iter: (self) => getIter(mappingOf(self)),
    contains: (self, key) => contains(mappingOf(self), key),
  },
  get binary() {
    return rt.profile.minor >= 9 ? new Map([[BinaryOp.Or, (a: PyObject, b: PyObject) => binaryOp(unwrap(a), unwrap(b), BinaryOp.Or)]]) : undefined;
  },
  get inplace() {
    return rt.profile.minor >= 9
      ? new Map([
          [
            BinaryOp.Or,
            (): PyObject => {
              throw typeError("'|=' is not supported by mappingproxy; use '|' instead");
            },
          ],
        ])
      : undefined;
  },
  get methods() {
    const methods: NonNullable<BuiltinTypeSpec["methods"]>[number][] = [
      { name: "get", kind: "positional", impl: proxyGet },
      { name: "keys", kind: "noargs", impl: forward("keys") },
      { name: "values", kind: "noargs", impl: forward("values") },
      { name: "items", kind: "noargs", impl: forward("items") },
      { name: "copy", kind: "noargs", impl: forward("copy") },
    ];
    if (rt.profile.minor >= 9) {
      methods.push({
        name: "__reversed__",
        kind: "noargs",
        impl: (self) => {
          const mapping = mappingOf(self);
          const method = lookupSpecial(mapping, "__reversed__");
          if (method === null) throw typeError(`'${mapping.type.name}' object is not reversible`);
          return callSpecial(mapping, method, []);
        },
      });
    }
    return methods;
  },
};
