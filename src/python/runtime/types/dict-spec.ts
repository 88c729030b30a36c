// The dict type: lookups, updates, copies, `|` (3.9+), fromkeys, popitem, iteration in insertion order, repr.
import { GENERIC_ALIAS_CLASS_GETITEM } from "../method-def.js";
import type { PyObject } from "../object.js";
import { decref } from "../object.js";
import { rt } from "../state.js";
import type { BuiltinTypeSpec } from "../type-spec.js";
import type { PyType } from "../type.js";
import type { CallArgs } from "../slots.js";
import { CompareOp } from "../slots.js";
import { BinaryOp } from "../type.js";
import { textSlot } from "../spec-helpers.js";
import {
  PyDict,
  newDict,
  newDictFromTypeCall,
  dictGetItem,
  dictSetItem,
  dictSetItemWithHash,
  dictPopItemReference,
  dictDealloc,
  dictTraverse,
  dictClear,
  dictSize,
  dictCopy,
  keyHash,
  asOneLookup,
  reconcile,
} from "./dict.js";
import { isTracked } from "../gc/tracking.js";
import { newBool, newNone, newNotImplemented } from "../values.js";
import { keyErrorFor, pyError } from "../errors.js";
import { newInt } from "./int.js";
import { newTupleStealing } from "./tuple.js";
import { guardedRepr } from "./sequence-helpers.js";
import { reprText, callPositional } from "../abstract/object-protocol.js";
import { richCompareBool } from "../abstract/compare.js";
import { getIter, iterNext } from "../abstract/iteration.js";
import { setItem } from "../abstract/items.js";
import { lookupSpecial, callBoundSpecial } from "../slot-table.js";
import { whileRefcountUnknown } from "../memory/memory-reader.js";
import { getAttrString } from "../abstract/attributes.js";
import { adoptSubtype } from "./instance.js";
import { gcTrack, gcUntrack } from "../gc/tracking.js";
import { refusePartialListing, refusePartialOperands, refuseUnknownMiss } from "../../modules/partial-listings.js";
import { PySet } from "./set.js";
import { newList } from "./list.js";
import { newDictIterator } from "./dict-iterators.js";
import { newDictView } from "./dict-views.js";
import { dictMerge, dictUpdateArg, dictUpdateKeywords, dictMergeFromPairs } from "./dict-update.js";
import { checkUnpacked } from "./container-arguments.js";
import { containerRules } from "./container-rules.js";

function dictOf(self: PyObject): PyDict {
  return self as PyDict;
}

/** dict_repr: items are visited by position, so a repr that mutates the dict is seen as CPython sees it. */
function dictRepr(self: PyObject): string {
  refusePartialListing(self, "the repr");
  const dict = dictOf(self);
  return guardedRepr(self, "{...}", () => {
    if (dict.table.size === 0) return "{}";
    const parts: string[] = [];
    for (let position = dict.table.nextPosition(0); position >= 0; position = dict.table.nextPosition(position + 1)) {
      const key = dict.table.keyAtPosition(position);
      const value = dict.table.valueAtPosition(position);
      key.refcount++;
      value.refcount++;
      try {
        const keyText = reprText(key);
        parts.push(`${keyText}: ${reprText(value)}`);
      } finally {
        decref(key);
        decref(value);
      }
    }
    return `{${parts.join(", ")}}`;
  });
}

/** dict_equal: sizes, then each of a's values against b's value for the same key (stored hash). */
function dictEqual(a: PyDict, b: PyDict): boolean {
  if (a.table.size !== b.table.size) return false;
  for (let position = a.table.nextPosition(0); position >= 0; position = a.table.nextPosition(position + 1)) {
    const key = a.table.keyAtPosition(position);
    const value = a.table.valueAtPosition(position);
    const hash = a.table.hashAtPosition(position);
    key.refcount++;
    value.refcount++;
    try {
      const other = b.table.get(key, hash);
      if (other === undefined) return false;
      // 3.6 compares with b's value borrowed; 3.7+ hold it.
      if (rt.profile.minor <= 6) {
        if (!richCompareBool(value, other, CompareOp.Eq)) return false;
        continue;
      }
      other.refcount++;
      try {
        if (!richCompareBool(value, other, CompareOp.Eq)) return false;
      } finally {
        decref(other);
      }
    } finally {
      decref(key);
      decref(value);
    }
  }
  return true;
}

function dictRichCompare(self: PyObject, other: PyObject, op: CompareOp): PyObject {
  if (!(other instanceof PyDict) || (op !== CompareOp.Eq && op !== CompareOp.Ne)) return newNotImplemented();
  const equal = dictEqual(dictOf(self), other);
  return newBool(op === CompareOp.Eq ? equal : !equal);
}

function dictSubscript(self: PyObject, key: PyObject): PyObject {
  const value = dictGetItem(dictOf(self), key);
  if (value !== null) {
    value.refcount++;
    return value;
  }
  refuseUnknownMiss(self, key);
  if (self.type !== rt.types.dict) {
    // dict_subscript calls __missing__ bound (_PyObject_LookupSpecial); what else holds the
    // dict subclass meanwhile on 3.6-3.7 is not modelled.
    const missing = lookupSpecial(self, "__missing__");
    if (missing !== null) {
      if (rt.profile.minor >= 8) return callBoundSpecial(self, missing, [key]);
      return whileRefcountUnknown(self, "the reference count of a dict subclass inside its __missing__ (3.7 and older)", () => callBoundSpecial(self, missing, [key]));
    }
  }
  throw keyErrorFor(key);
}

function dictAssign(self: PyObject, key: PyObject, value: PyObject | null): void {
  // Python code sees the dict: any display that built it is complete.
  dictOf(self).displayInsertsLeft = 0;
  if (value === null) {
    const removed = dictPopItemReference(dictOf(self), key);
    if (removed === null) {
      refuseUnknownMiss(self, key);
      throw keyErrorFor(key);
    }
    decref(removed);
    return;
  }
  dictSetItem(dictOf(self), key, value);
}

/** dict_new: a fresh object (never the free list); subclasses start tracked. */
function dictNew(type: PyType): PyObject {
  const dict = newDictFromTypeCall(type);
  adoptSubtype(dict, type);
  if (type !== rt.types.dict) {
    if (!isTracked(dict)) gcTrack(dict);
  } else if (rt.profile.minor >= 14) {
    gcTrack(dict);
  } else {
    gcUntrack(dict);
  }
  return dict;
}

/** dict(mapping_or_pairs=(), **kwargs) and dict.update(...). */
function dictUpdateCommon(self: PyObject, args: CallArgs, name: string): void {
  const kwnames = args.kwnames ?? [];
  const positional = args.values.slice(0, args.values.length - kwnames.length);
  checkUnpacked(name, positional, 0, 1);
  const dict = dictOf(self);
  if (positional.length === 1) {
    refusePartialListing(positional[0]!, "a copy");
    dictUpdateArg(dict, positional[0]!);
  }
  dictUpdateKeywords(dict, kwnames, args.values.slice(positional.length));
}

function dictInit(self: PyObject, args: CallArgs): void {
  dictUpdateCommon(self, args, "dict");
}

/** dict.fromkeys(iterable, value=None) on `cls`. */
function dictFromKeys(cls: PyObject, args: readonly PyObject[]): PyObject {
  checkUnpacked("fromkeys", args, 1, 2);
  const iterable = args[0]!;
  const value = args[1] ?? rt.None;
  refusePartialListing(iterable, "dict.fromkeys()");
  const result = callPositional(cls, []);
  try {
    if (result.type === rt.types.dict && dictSize(result as PyDict) === 0) {
      const dict = result as PyDict;
      if (iterable.type === rt.types.dict || iterable.type === rt.types.set || iterable.type === rt.types.frozenset) {
        const before = new Map<PyObject, PyObject>();
        asOneLookup(() => {
          if (iterable instanceof PyDict) {
            const kind = iterable.table.kind;
            dict.table.reserveForFromKeys(iterable.table.size, kind === "unicode" || kind === "split" || kind === "empty");
            for (const [key, hash] of iterable.table.entriesWithHashes()) dict.table.set(key, hash, value);
          } else {
            const set = iterable as PySet;
            dict.table.reserveForFromKeys(set.table.size, false);
            for (const [key, hash] of set.table.entries()) dict.table.set(key, hash, value);
          }
        });
        reconcile(dict, before);
        return result;
      }
    }
    const iterator = getIter(iterable);
    try {
      for (;;) {
        const key = iterNext(iterator);
        if (key === null) break;
        try {
          if (result.type === rt.types.dict) dictSetItem(result as PyDict, key, value);
          else setItem(result, key, value);
        } finally {
          decref(key);
        }
      }
    } finally {
      decref(iterator);
    }
    return result;
  } catch (error) {
    decref(result);
    throw error;
  }
}

function dictContains(self: PyObject, key: PyObject): boolean {
  if (dictGetItem(dictOf(self), key) !== null) return true;
  refuseUnknownMiss(self, key);
  return false;
}

function dictGet(self: PyObject, args: readonly PyObject[]): PyObject {
  checkUnpacked("get", args, 1, 2);
  const found = dictGetItem(dictOf(self), args[0]!);
  if (found === null) refuseUnknownMiss(self, args[0]!);
  const value = found ?? args[1] ?? rt.None;
  value.refcount++;
  return value;
}

function dictSetDefault(self: PyObject, args: readonly PyObject[]): PyObject {
  checkUnpacked("setdefault", args, 1, 2);
  const dict = dictOf(self);
  const key = args[0]!;
  const fallback = args[1] ?? rt.None;
  return asOneLookup(() => {
    const hash = keyHash(key);
    const existing = dict.table.get(key, hash);
    if (existing !== undefined) {
      existing.refcount++;
      return existing;
    }
    refuseUnknownMiss(self, key);
    dictSetItemWithHash(dict, key, hash, fallback);
    fallback.refcount++;
    return fallback;
  });
}

function dictPop(self: PyObject, args: readonly PyObject[]): PyObject {
  checkUnpacked("pop", args, 1, 2);
  const dict = dictOf(self);
  const key = args[0]!;
  const fallback = args[1];
  if (dict.table.size === 0) {
    if (fallback !== undefined) {
      fallback.refcount++;
      return fallback;
    }
    throw keyErrorFor(key);
  }
  const removed = dictPopItemReference(dict, key);
  if (removed !== null) return removed;
  refuseUnknownMiss(self, key);
  if (fallback !== undefined) {
    fallback.refcount++;
    return fallback;
  }
  throw keyErrorFor(key);
}

/** dict.popitem(): the result tuple is made before the last item comes out (LIFO). */
function dictPopItem(self: PyObject): PyObject {
  refusePartialListing(self, "popitem()");
  const dict = dictOf(self);
  if (dict.table.size === 0) throw pyError(rt.exc.KeyError, "popitem(): dictionary is empty");
  const result = newTupleStealing(new Array<PyObject>(2));
  const entry = dict.table.popItem()!;
  // The dict's references to the key and the value move into the tuple.
  result.items[0] = entry[0];
  result.items[1] = entry[1];
  return result;
}

/** dict | other (3.9+): a copy updated by the other dict. */
function dictOr(a: PyObject, b: PyObject): PyObject {
  if (!(a instanceof PyDict) || !(b instanceof PyDict)) return newNotImplemented();
  refusePartialOperands(a, b, "the | (a copy)");
  const result = dictCopy(a);
  try {
    dictUpdateArg(result, b);
  } catch (error) {
    decref(result);
    throw error;
  }
  return result;
}

function dictInplaceOr(a: PyObject, b: PyObject): PyObject {
  refusePartialListing(b, "a copy");
  dictUpdateArg(dictOf(a), b);
  a.refcount++;
  return a;
}

function dictMethods() {
  const methods: BuiltinTypeSpec["methods"] & object[] = [
    {
      name: "__sizeof__",
      kind: "noargs",
      // dict_sizeof starts from the type's basic size: a subclass's dict and weakref pointers count.
      impl: (self) => newInt(dictOf(self).table.sizeof() - rt.profile.sizes.gcHeader + self.type.layout.basicSize - rt.types.dict.layout.basicSize),
    },
    { name: "get", kind: "positional", impl: dictGet, varargsUntil: 6 },
    { name: "setdefault", kind: "positional", impl: dictSetDefault, varargsUntil: 6 },
    { name: "pop", kind: "positional", impl: dictPop, varargsUntil: 7 },
    { name: "popitem", kind: "noargs", impl: dictPopItem },
    { name: "keys", kind: "noargs", impl: (self) => newDictView(dictOf(self), "keys") },
    { name: "items", kind: "noargs", impl: (self) => newDictView(dictOf(self), "items") },
    { name: "values", kind: "noargs", impl: (self) => newDictView(dictOf(self), "values") },
    {
      name: "update",
      kind: "keywords",
      impl: (self, args) => {
        dictUpdateCommon(self, args, "update");
        return newNone();
      },
    },
    { name: "fromkeys", kind: "positional", binding: "class", impl: dictFromKeys, varargsUntil: 6 },
    {
      name: "clear",
      kind: "noargs",
      impl: (self) => {
        dictClear(self);
        return newNone();
      },
    },
    {
      name: "copy",
      kind: "noargs",
      impl: (self) => {
        refusePartialListing(self, "a copy");
        return dictCopy(dictOf(self));
      },
    },
  ];
  return methods;
}

function reversedMethod() {
  return { name: "__reversed__", kind: "noargs" as const, impl: (self: PyObject) => newDictIterator(dictOf(self), "keys", true) };
}

export const DICT_SPEC: BuiltinTypeSpec = {
  name: "dict",
  layout: { basicSize: 48, itemSize: 0, gc: true, preHeader: false },
  subclassable: true,
  slots: {
    dealloc: dictDealloc,
    traverse: dictTraverse,
    clear: dictClear,
    repr: textSlot(dictRepr),
    richcompare: dictRichCompare,
    hash: null,
    length: (self) => dictSize(dictOf(self)),
    getitem: dictSubscript,
    setitem: dictAssign,
    contains: dictContains,
    iter: (self) => newDictIterator(dictOf(self), "keys"),
    new_: dictNew,
    init: dictInit,
  },
  // Read at bootstrap, with the runtime's profile active: `|` is 3.9+, reversed(d) 3.8+.
  get binary() {
    return rt.profile.minor >= 9 ? new Map([[BinaryOp.Or, dictOr]]) : undefined;
  },
  get inplace() {
    return rt.profile.minor >= 9 ? new Map([[BinaryOp.Or, dictInplaceOr]]) : undefined;
  },
  get methods() {
    return [...dictMethods(), ...(containerRules().iterators.reversibleDicts ? [reversedMethod()] : []), GENERIC_ALIAS_CLASS_GETITEM];
  },
};

/** PyDict_Update semantics for callers outside (DICT_UPDATE, f(**mapping)): keys() and []. */
export function dictUpdateFrom(dict: PyDict, source: PyObject): void {
  refusePartialListing(source, "a copy");
  dictMerge(dict, source, true);
}

export { DICT_KEYS_SPEC, DICT_VALUES_SPEC, DICT_ITEMS_SPEC, PyDictView } from "./dict-views.js";
export { newDictIterator, dictMergeFromPairs, newDict, newList, keyHash, getAttrString };
