// The dict type and its views: lookups, updates, iteration in insertion order, repr.
import { PyObject } from "../object.js";
import { decref } from "../object.js";
import { rt } from "../state.js";
import type { BuiltinTypeSpec } from "../type-spec.js";
import type { PyType } from "../type.js";
import { CompareOp } from "../slots.js";
import { textSlot, splitArgs } from "../spec-helpers.js";
import {
  PyDict,
  newDict,
  dictGetItem,
  dictSetItem,
  dictDeleteItem,
  dictForEach,
  dictDealloc,
  dictTraverse,
  dictClear,
  dictSize,
  keyHash,
  OBJECT_KEY_OPS,
  newDictWithTable,
} from "./dict.js";
import { newBool, newNone, newNotImplemented } from "../values.js";
import { keyErrorFor, typeError, valueError, pyError } from "../errors.js";
import { newInt } from "./int.js";
import { newList } from "./list.js";
import { newTupleStealing, PyTuple } from "./tuple.js";
import { collectItems, guardedRepr } from "./sequence-helpers.js";
import { reprText } from "../abstract/object-protocol.js";
import { richCompareBool } from "../abstract/compare.js";
import { newSnapshotIterator } from "./iterators.js";
import { getIter, iterNext } from "../abstract/iteration.js";
import { getItem } from "../abstract/items.js";
import { lookupSpecial, callSpecial } from "../slot-table.js";
import { getAttrString, lookupAttr } from "../abstract/attributes.js";
import { internName } from "./str.js";
import { allocateObject, freeObjectMemory } from "../memory/object-memory.js";
import { gcTrack, gcUntrack } from "../gc/tracking.js";
import { adoptSubtype } from "./instance.js";
import { DictTable } from "../tables/index.js";
import { callPositional } from "../abstract/object-protocol.js";
import { setItem } from "../abstract/items.js";

function dictOf(self: PyObject): PyDict {
  return self as PyDict;
}

function pairs(dict: PyDict): [PyObject, PyObject][] {
  const result: [PyObject, PyObject][] = [];
  dictForEach(dict, (key, value) => {
    result.push([key, value]);
  });
  return result;
}

function dictRepr(self: PyObject): string {
  const dict = dictOf(self);
  if (dictSize(dict) === 0) return "{}";
  return guardedRepr(self, "{...}", () => {
    const parts: string[] = [];
    for (const [key, value] of pairs(dict)) {
      key.refcount++;
      value.refcount++;
      try {
        parts.push(`${reprText(key)}: ${reprText(value)}`);
      } finally {
        decref(key);
        decref(value);
      }
    }
    return `{${parts.join(", ")}}`;
  });
}

function dictRichCompare(self: PyObject, other: PyObject, op: CompareOp): PyObject {
  if (!(other instanceof PyDict) || (op !== CompareOp.Eq && op !== CompareOp.Ne)) return newNotImplemented();
  const a = dictOf(self);
  let equal = dictSize(a) === dictSize(other);
  if (equal) {
    for (const [key, value] of pairs(a)) {
      const otherValue = dictGetItem(other, key);
      if (otherValue === null || !richCompareBool(value, otherValue, CompareOp.Eq)) {
        equal = false;
        break;
      }
    }
  }
  return newBool(op === CompareOp.Eq ? equal : !equal);
}

function dictSubscript(self: PyObject, key: PyObject): PyObject {
  const value = dictGetItem(dictOf(self), key);
  if (value !== null) {
    value.refcount++;
    return value;
  }
  if (self.type !== rt.types.dict) {
    const missing = lookupSpecial(self, "__missing__");
    if (missing !== null) return callSpecial(self, missing, [key]);
  }
  throw keyErrorFor(key);
}

function dictAssign(self: PyObject, key: PyObject, value: PyObject | null): void {
  if (value === null) {
    if (!dictDeleteItem(dictOf(self), key)) throw keyErrorFor(key);
    return;
  }
  dictSetItem(dictOf(self), key, value);
}

/** dict.update(other) / dict(other): a mapping (keys() + []), or an iterable of pairs. */
export function dictUpdateFrom(dict: PyDict, source: PyObject): void {
  if (source instanceof PyDict) {
    for (const [key, value] of pairs(source)) dictSetItem(dict, key, value);
    return;
  }
  const keysName = internName("keys");
  const keysMethod = lookupAttr(source, keysName);
  decref(keysName);
  if (keysMethod !== null) {
    const keysIterable = callPositional(keysMethod, []);
    decref(keysMethod);
    try {
      for (const key of collectItems(keysIterable)) {
        try {
          const value = getItem(source, key);
          dictSetItem(dict, key, value);
          decref(value);
        } finally {
          decref(key);
        }
      }
    } finally {
      decref(keysIterable);
    }
    return;
  }
  const iterator = getIter(source);
  try {
    for (let index = 0; ; index++) {
      const item = iterNext(iterator);
      if (item === null) break;
      try {
        const pair = collectItems(item);
        try {
          if (pair.length !== 2) throw valueError(`dictionary update sequence element #${index} has length ${pair.length}; 2 is required`);
          dictSetItem(dict, pair[0]!, pair[1]!);
        } finally {
          for (const part of pair) decref(part);
        }
      } catch (error) {
        if (error instanceof Object && "exception" in (error as object) && (error as { exception: PyObject }).exception.type.isSubtypeOf(rt.exc.TypeError) && item.type.iter === null) {
          throw typeError(`cannot convert dictionary update sequence element #${index} to a sequence`);
        }
        throw error;
      } finally {
        decref(item);
      }
    }
  } finally {
    decref(iterator);
  }
}

function dictNew(type: PyType): PyObject {
  const dict = new PyDict(DictTable.fromTypeCall<PyObject, PyObject>(rt.profile, OBJECT_KEY_OPS));
  if (!rt.freeLists.dict.reuse(dict, 48)) {
    allocateObject(dict, 48);
    rt.gc.countAllocation();
  }
  if (rt.profile.minor >= 14) gcTrack(dict);
  adoptSubtype(dict, type);
  return dict;
}

function dictInit(self: PyObject, args: { values: readonly PyObject[]; kwnames: readonly string[] | null }): void {
  const { positional, keywords } = splitArgs(args);
  if (positional.length > 1) throw typeError(`dict expected at most 1 argument, got ${positional.length}`);
  const dict = dictOf(self);
  if (positional.length === 1) dictUpdateFrom(dict, positional[0]!);
  for (const [name, value] of keywords) {
    const key = internName(name);
    dictSetItem(dict, key, value);
    decref(key);
  }
}

// ---- views ---------------------------------------------------------------------------------

export class PyDictView extends PyObject {
  constructor(
    type: PyType,
    readonly dict: PyDict,
  ) {
    super(type);
  }
}

const VIEW_SIZE = 24;

function newView(type: PyType, dict: PyDict): PyDictView {
  dict.refcount++;
  const view = new PyDictView(type, dict);
  allocateObject(view, VIEW_SIZE);
  rt.gc.countAllocation();
  gcTrack(view);
  return view;
}

type ViewKind = "keys" | "values" | "items";

function viewItems(dict: PyDict, kind: ViewKind): PyObject[] {
  const result: PyObject[] = [];
  for (const [key, value] of pairs(dict)) {
    if (kind === "keys") {
      key.refcount++;
      result.push(key);
    } else if (kind === "values") {
      value.refcount++;
      result.push(value);
    } else {
      key.refcount++;
      value.refcount++;
      result.push(newTupleStealing([key, value]));
    }
  }
  return result;
}

function iteratorType(kind: ViewKind): PyType {
  return kind === "keys" ? rt.types.dict_keyiterator : kind === "values" ? rt.types.dict_valueiterator : rt.types.dict_itemiterator;
}

/** iter(d), iter(d.keys()), …: insertion order, RuntimeError when the size changes. */
export function newDictIterator(dict: PyDict, kind: ViewKind): PyObject {
  const items = viewItems(dict, kind);
  const iterator = newSnapshotIterator(iteratorType(kind), dict, items, () => dictSize(dict), "dictionary changed size during iteration");
  for (const item of items) decref(item);
  return iterator;
}

function viewSpec(name: string, kind: ViewKind): BuiltinTypeSpec {
  return {
    name,
    layout: { basicSize: VIEW_SIZE, itemSize: 0, gc: true, preHeader: false },
    slots: {
      dealloc: (self) => {
        const view = self as PyDictView;
        gcUntrack(view);
        freeObjectMemory(view, VIEW_SIZE);
        rt.gc.countDeallocation();
        decref(view.dict);
      },
      traverse: (self, visit) => visit((self as PyDictView).dict),
      length: (self) => dictSize((self as PyDictView).dict),
      iter: (self) => newDictIterator((self as PyDictView).dict, kind),
      contains: (self, item) => {
        const dict = (self as PyDictView).dict;
        if (kind === "keys") return dictGetItem(dict, item) !== null;
        if (kind === "items") {
          if (!(item instanceof PyTuple) || item.items.length !== 2) return false;
          const value = dictGetItem(dict, item.items[0]!);
          return value !== null && richCompareBool(value, item.items[1]!, CompareOp.Eq);
        }
        for (const [, value] of pairs(dict)) if (richCompareBool(value, item, CompareOp.Eq)) return true;
        return false;
      },
      repr: textSlot((self) => {
        const items = viewItems((self as PyDictView).dict, kind);
        try {
          return guardedRepr(self, "...", () => `${name}([${items.map((item) => reprText(item)).join(", ")}])`);
        } finally {
          for (const item of items) decref(item);
        }
      }),
    },
  };
}

export const DICT_KEYS_SPEC = viewSpec("dict_keys", "keys");
export const DICT_VALUES_SPEC = viewSpec("dict_values", "values");
export const DICT_ITEMS_SPEC = viewSpec("dict_items", "items");

// ---- the dict type ---------------------------------------------------------------------------

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
    contains: (self, key) => dictGetItem(dictOf(self), key) !== null,
    iter: (self) => newDictIterator(dictOf(self), "keys"),
    new_: dictNew,
    init: dictInit,
  },
  methods: [
    { name: "keys", kind: "noargs", impl: (self) => newView(rt.types.dict_keys, dictOf(self)) },
    { name: "values", kind: "noargs", impl: (self) => newView(rt.types.dict_values, dictOf(self)) },
    { name: "items", kind: "noargs", impl: (self) => newView(rt.types.dict_items, dictOf(self)) },
    {
      name: "get",
      kind: "positional",
      impl: (self, args) => {
        if (args.length < 1 || args.length > 2) throw typeError(`get expected at most 2 arguments, got ${args.length}`);
        const value = dictGetItem(dictOf(self), args[0]!) ?? args[1] ?? rt.None;
        value.refcount++;
        return value;
      },
    },
    {
      name: "setdefault",
      kind: "positional",
      impl: (self, args) => {
        if (args.length < 1 || args.length > 2) throw typeError(`setdefault expected at most 2 arguments, got ${args.length}`);
        const dict = dictOf(self);
        const existing = dictGetItem(dict, args[0]!);
        if (existing !== null) {
          existing.refcount++;
          return existing;
        }
        const fallback = args[1] ?? rt.None;
        dictSetItem(dict, args[0]!, fallback);
        fallback.refcount++;
        return fallback;
      },
    },
    {
      name: "pop",
      kind: "positional",
      impl: (self, args) => {
        if (args.length < 1 || args.length > 2) throw typeError(`pop expected at most 2 arguments, got ${args.length}`);
        const dict = dictOf(self);
        const key = args[0]!;
        const value = dictGetItem(dict, key);
        if (value === null) {
          if (args[1] !== undefined) {
            args[1].refcount++;
            return args[1];
          }
          throw keyErrorFor(key);
        }
        value.refcount++;
        dictDeleteItem(dict, key);
        return value;
      },
    },
    {
      name: "popitem",
      kind: "noargs",
      impl: (self) => {
        const dict = dictOf(self);
        const entry = dict.table.popItem();
        if (entry === undefined) throw pyError(rt.exc.KeyError, "popitem(): dictionary is empty");
        return newTupleStealing([entry[0], entry[1]]);
      },
    },
    {
      name: "update",
      kind: "keywords",
      impl: (self, args) => {
        dictInit(self, args);
        return newNone();
      },
    },
    {
      name: "copy",
      kind: "noargs",
      impl: (self) => {
        const copy = newDictWithTable(dictOf(self).table.copy());
        dictForEach(copy, (key, value) => {
          key.refcount++;
          value.refcount++;
        });
        return copy;
      },
    },
    {
      name: "clear",
      kind: "noargs",
      impl: (self) => {
        dictClear(self);
        return newNone();
      },
    },
    {
      name: "fromkeys",
      kind: "positional",
      binding: "class",
      impl: (cls, args) => {
        if (args.length < 1 || args.length > 2) throw typeError(`fromkeys expected at most 2 arguments, got ${args.length}`);
        const result = callPositional(cls, []);
        const value = args[1] ?? rt.None;
        for (const key of collectItems(args[0]!)) {
          try {
            if (result instanceof PyDict) dictSetItem(result, key, value);
            else setItem(result, key, value);
          } finally {
            decref(key);
          }
        }
        return result;
      },
    },
    { name: "__sizeof__", kind: "noargs", impl: (self) => newInt(dictOf(self).table.sizeof() - rt.profile.sizes.gcHeader) },
    {
      name: "__reversed__",
      kind: "noargs",
      impl: (self) => {
        const items = viewItems(dictOf(self), "keys").reverse();
        const iterator = newSnapshotIterator(rt.types.dict_keyiterator, self, items, () => dictSize(dictOf(self)), "dictionary changed size during iteration");
        for (const item of items) decref(item);
        return iterator;
      },
    },
  ],
};

export { newDict, newList, keyHash, getAttrString };
