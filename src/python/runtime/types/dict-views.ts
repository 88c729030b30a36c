// dict_keys, dict_values and dict_items: live views with set comparisons and set operators (keys, items).
import { PyObject } from "../object.js";
import { decref } from "../object.js";
import { rt } from "../state.js";
import type { BuiltinTypeSpec } from "../type-spec.js";
import type { PyType } from "../type.js";
import { CompareOp } from "../slots.js";
import { BinaryOp } from "../type.js";
import { textSlot } from "../spec-helpers.js";
import { allocateObject, freeObjectMemory } from "../memory/object-memory.js";
import { gcTrack, gcUntrack } from "../gc/tracking.js";
import { newBool, newNotImplemented } from "../values.js";
import { richCompareBool } from "../abstract/compare.js";
import { reprText } from "../abstract/object-protocol.js";
import { contains, length } from "../abstract/items.js";
import { getIter, iterNext } from "../abstract/iteration.js";
import { PyDict, dictGetItem, dictCopy, dictPopItemReference, dictSize } from "./dict.js";
import { PyTuple, newTupleStealing } from "./tuple.js";
import { guardedRepr } from "./sequence-helpers.js";
import { sequenceToList } from "./list-ops.js";
import { newDictIterator, type DictIteratorKind } from "./dict-iterators.js";
import { PySet, makeNewSet, setUpdateInternal, setDifferenceUpdate, setIntersection, setIntersectionUpdate, setSymmetricDifferenceUpdate, setAddKey, allocateSet } from "./set.js";
import { newMappingProxyOf } from "./mappingproxy.js";
import { containerRules } from "./container-rules.js";
import { refusePartialListing, refuseUnknownMiss } from "../../modules/partial-listings.js";

export class PyDictView extends PyObject {
  constructor(
    type: PyType,
    readonly dict: PyDict,
    readonly kind: DictIteratorKind,
  ) {
    super(type);
  }
}

/** _PyDictViewObject: the object header and the dict. */
const VIEW_SIZE = 24;

function viewType(kind: DictIteratorKind): PyType {
  return kind === "keys" ? rt.types.dict_keys : kind === "values" ? rt.types.dict_values : rt.types.dict_items;
}

/** _PyDictView_New: d.keys(), d.values(), d.items(). */
export function newDictView(dict: PyDict, kind: DictIteratorKind): PyObject {
  dict.refcount++;
  const view = new PyDictView(viewType(kind), dict, kind);
  allocateObject(view, VIEW_SIZE);
  rt.gc.countAllocation();
  gcTrack(view);
  return view;
}

function viewOf(self: PyObject): PyDictView {
  return self as PyDictView;
}

function isSetView(object: PyObject): object is PyDictView {
  return object instanceof PyDictView && object.kind !== "values";
}

function viewDealloc(self: PyObject): void {
  const view = viewOf(self);
  gcUntrack(view);
  freeObjectMemory(view, VIEW_SIZE);
  rt.gc.countDeallocation();
  decref(view.dict);
}

/** dictitems_contains: a 2-tuple whose key maps to an equal value. */
function itemsContain(view: PyDictView, item: PyObject): boolean {
  if (!(item instanceof PyTuple) || item.items.length !== 2) return false;
  const found = dictGetItem(view.dict, item.items[0]!);
  if (found === null) {
    refuseUnknownMiss(view.dict, item.items[0]!);
    return false;
  }
  found.refcount++;
  try {
    // 3.9+ compare the dict's value first; up to 3.8 the tuple's (bpo-37648).
    return rt.profile.minor >= 9 ? richCompareBool(found, item.items[1]!, CompareOp.Eq) : richCompareBool(item.items[1]!, found, CompareOp.Eq);
  } finally {
    decref(found);
  }
}

function viewContains(view: PyDictView, item: PyObject): boolean {
  if (view.kind !== "keys") return itemsContain(view, item);
  if (dictGetItem(view.dict, item) !== null) return true;
  refuseUnknownMiss(view.dict, item);
  return false;
}

/** dictview_repr: `dict_keys([...])` through a list of the view; `...` inside itself. */
function viewRepr(self: PyObject): string {
  refusePartialListing(self, "the repr");
  return guardedRepr(self, "...", () => {
    const list = sequenceToList(self);
    try {
      return `${self.type.name}(${reprText(list)})`;
    } finally {
      decref(list);
    }
  });
}

/** all_contained_in: every item of `self` is `in` other. */
function allContainedIn(self: PyObject, other: PyObject): boolean {
  const iterator = getIter(self);
  try {
    for (;;) {
      const item = iterNext(iterator);
      if (item === null) return true;
      try {
        if (!contains(other, item)) return false;
      } finally {
        decref(item);
      }
    }
  } finally {
    decref(iterator);
  }
}

function viewRichCompare(self: PyObject, other: PyObject, op: CompareOp): PyObject {
  if (!(other instanceof PySet) && !isSetView(other)) return newNotImplemented();
  const sizeSelf = length(self);
  const sizeOther = length(other);
  let ok = false;
  switch (op) {
    case CompareOp.Eq:
    case CompareOp.Ne:
      if (sizeSelf === sizeOther) ok = allContainedIn(self, other);
      if (op === CompareOp.Ne) ok = !ok;
      break;
    case CompareOp.Lt:
      if (sizeSelf < sizeOther) ok = allContainedIn(self, other);
      break;
    case CompareOp.Le:
      if (sizeSelf <= sizeOther) ok = allContainedIn(self, other);
      break;
    case CompareOp.Gt:
      if (sizeSelf > sizeOther) ok = allContainedIn(other, self);
      break;
    case CompareOp.Ge:
      if (sizeSelf >= sizeOther) ok = allContainedIn(other, self);
      break;
  }
  return newBool(ok);
}

/** dictviews_to_set: from 3.10 a keys view of an exact dict is built from the dict itself. */
function toSet(self: PyObject): PySet {
  if (rt.profile.minor >= 10 && self instanceof PyDictView && self.kind === "keys" && self.dict.type === rt.types.dict) return makeNewSet(rt.types.set, self.dict);
  return makeNewSet(rt.types.set, self);
}

function withResult(self: PyObject, update: (result: PySet) => void): PyObject {
  const result = toSet(self);
  try {
    update(result);
  } catch (error) {
    decref(result);
    throw error;
  }
  return result;
}

/** _PyDictView_Intersect (3.8+); before, a set of self updated by intersection_update. */
function viewsAnd(a: PyObject, b: PyObject): PyObject {
  if (rt.profile.minor <= 7) {
    return withResult(a, (result) => setIntersectionUpdate(result, b));
  }
  let self = a;
  let other = b;
  if (!isSetView(self)) [self, other] = [other, self];
  const view = self as PyDictView;
  const sizeSelf = dictSize(view.dict);
  if (other.type === rt.types.set && sizeSelf <= length(other)) return setIntersection(other as PySet, view);
  if (isSetView(other) && dictSize(other.dict) > sizeSelf) [self, other] = [other, self];
  const probed = self as PyDictView;
  const result = allocateSet(rt.types.set);
  try {
    const iterator = getIter(other);
    try {
      for (;;) {
        const key = iterNext(iterator);
        if (key === null) break;
        try {
          if (viewContains(probed, key)) setAddKey(result, key);
        } finally {
          decref(key);
        }
      }
    } finally {
      decref(iterator);
    }
  } catch (error) {
    decref(result);
    throw error;
  }
  return result;
}

/** dictitems_xor (3.10+): pairs in one items view but not the other, without hashing values. */
function itemsXor(self: PyDictView, other: PyDictView): PyObject {
  const remaining = dictCopy(self.dict);
  const result = allocateSet(rt.types.set);
  try {
    const table = other.dict.table;
    for (let position = table.nextPosition(0); position >= 0; position = table.nextPosition(position + 1)) {
      const key = table.keyAtPosition(position);
      const value = table.valueAtPosition(position);
      const hash = table.hashAtPosition(position);
      key.refcount++;
      value.refcount++;
      try {
        const mine = remaining.table.get(key, hash);
        let drop = false;
        if (mine !== undefined) {
          mine.refcount++;
          try {
            drop = richCompareBool(mine, value, CompareOp.Eq);
          } finally {
            decref(mine);
          }
        }
        if (drop) {
          const removed = dictPopItemReference(remaining, key, hash);
          if (removed !== null) decref(removed);
        } else {
          key.refcount++;
          value.refcount++;
          const pair = newTupleStealing([key, value]);
          try {
            setAddKey(result, pair);
          } finally {
            decref(pair);
          }
        }
      } finally {
        decref(key);
        decref(value);
      }
    }
    const pairs = newDictView(remaining, "items");
    try {
      setUpdateInternal(result, pairs);
    } finally {
      decref(pairs);
    }
  } catch (error) {
    decref(result);
    throw error;
  } finally {
    decref(remaining);
  }
  return result;
}

const VIEW_BINARY = new Map<number, (a: PyObject, b: PyObject) => PyObject>([
  [BinaryOp.Sub, (a, b) => withResult(a, (result) => setDifferenceUpdate(result, b))],
  [BinaryOp.And, viewsAnd],
  [BinaryOp.Or, (a, b) => withResult(a, (result) => setUpdateInternal(result, b))],
  [
    BinaryOp.Xor,
    (a, b) => {
      if (rt.profile.minor >= 10 && a instanceof PyDictView && a.kind === "items" && b instanceof PyDictView && b.kind === "items") return itemsXor(a, b);
      return withResult(a, (result) => setSymmetricDifferenceUpdate(result, b));
    },
  ],
]);

/** dictviews_isdisjoint: iterates the shorter side when both are sets or set-like views. */
function isDisjoint(self: PyObject, other: PyObject): PyObject {
  if (self === other) return newBool(length(self) === 0);
  let walked = other;
  let probed = self;
  if (other instanceof PySet || isSetView(other)) {
    if (length(other) > length(self)) {
      walked = self;
      probed = other;
    }
  }
  const iterator = getIter(walked);
  try {
    for (;;) {
      const item = iterNext(iterator);
      if (item === null) return newBool(true);
      try {
        if (contains(probed, item)) return newBool(false);
      } finally {
        decref(item);
      }
    }
  } finally {
    decref(iterator);
  }
}

/** len(view): refused for a view of a container the simulator fills in part (sys.modules, the notebook's namespace). */
function viewLength(self: PyObject): number {
  refusePartialListing(self, "the length");
  return dictSize(viewOf(self).dict);
}

function viewSpec(name: string, kind: DictIteratorKind): BuiltinTypeSpec {
  const setLike = kind !== "values";
  const slots: BuiltinTypeSpec["slots"] = {
    dealloc: viewDealloc,
    traverse: (self, visit) => visit(viewOf(self).dict),
    length: viewLength,
    iter: (self) => newDictIterator(viewOf(self).dict, kind),
    repr: textSlot(viewRepr),
    ...(setLike ? { contains: (self: PyObject, item: PyObject) => viewContains(viewOf(self), item), richcompare: viewRichCompare, hash: null } : {}),
  };
  return {
    name,
    layout: { basicSize: VIEW_SIZE, itemSize: 0, gc: true, preHeader: false },
    slots,
    binary: setLike ? VIEW_BINARY : undefined,
    get methods() {
      const methods: NonNullable<BuiltinTypeSpec["methods"]>[number][] = [];
      if (setLike) methods.push({ name: "isdisjoint", kind: "one", impl: isDisjoint });
      if (containerRules().iterators.reversibleDicts) methods.push({ name: "__reversed__", kind: "noargs", impl: (self) => newDictIterator(viewOf(self).dict, kind, true) });
      return methods;
    },
    get getsets() {
      return rt.profile.minor >= 10 ? [{ name: "mapping", get: (self: PyObject) => newMappingProxyOf(viewOf(self).dict) }] : [];
    },
  };
}

export const DICT_KEYS_SPEC = viewSpec("dict_keys", "keys");
export const DICT_VALUES_SPEC = viewSpec("dict_values", "values");
export const DICT_ITEMS_SPEC = viewSpec("dict_items", "items");
