// The tuple type: hashing (per version), comparison, indexing, concatenation, count/index.
import type { PyObject } from "../object.js";
import { rt } from "../state.js";
import type { BuiltinTypeSpec } from "../type-spec.js";
import type { PyType } from "../type.js";
import { CompareOp } from "../slots.js";
import { textSlot, splitArgs } from "../spec-helpers.js";
import { PyTuple, newTupleStealing, tupleDealloc, tupleTraverse, tupleObjectSize } from "./tuple.js";
import { newNotImplemented } from "../values.js";
import { typeError, indexError, valueError } from "../errors.js";
import { newInt } from "./int.js";
import { PySlice, sliceIndices } from "./slice.js";
import { indexNumber } from "../abstract/conversions.js";
import { guardedRepr, itemsRepr, compareSequences, collectItems, indexOfItem, countOfItem, containsItem } from "./sequence-helpers.js";
import { newTupleIterator } from "./iterators.js";
import { hash } from "../abstract/object-protocol.js";
import { hashTuple } from "../hashing/index.js";
import { adoptSubtype } from "./instance.js";
import { allocateObject } from "../memory/object-memory.js";
import { gcTrack } from "../gc/tracking.js";
import { memoryError } from "../errors.js";

function items(self: PyObject): PyObject[] {
  return (self as PyTuple).items;
}

function tupleRepr(self: PyObject): string {
  const values = items(self);
  if (values.length === 0) return "()";
  return guardedRepr(self, "(...)", () => (values.length === 1 ? `(${itemsRepr(values)},)` : `(${itemsRepr(values)})`));
}

function tupleGetItem(self: PyObject, key: PyObject): PyObject {
  const tuple = self as PyTuple;
  if (key instanceof PySlice) {
    const [start, , step, length] = sliceIndices(key, tuple.items.length);
    if (step === 1 && start === 0 && length === tuple.items.length && tuple.type === rt.types.tuple) {
      tuple.refcount++;
      return tuple;
    }
    const result: PyObject[] = [];
    for (let i = 0, at = start; i < length; i++, at += step) {
      const item = tuple.items[at]!;
      item.refcount++;
      result.push(item);
    }
    return newTupleStealing(result);
  }
  if (key.type.index === null) throw typeError(`tuple indices must be integers or slices, not ${key.type.name}`);
  let index = indexNumber(key);
  if (index < 0) index += tuple.items.length;
  const item = tuple.items[index];
  if (index < 0 || item === undefined) throw indexError("tuple index out of range");
  item.refcount++;
  return item;
}

function tupleConcat(self: PyObject, other: PyObject): PyObject {
  if (!(other instanceof PyTuple)) throw typeError(`can only concatenate tuple (not "${other.type.name}") to tuple`);
  if (other.items.length === 0 && self.type === rt.types.tuple) {
    self.refcount++;
    return self;
  }
  const result = [...items(self), ...other.items];
  for (const item of result) item.refcount++;
  return newTupleStealing(result);
}

function tupleRepeat(self: PyObject, count: PyObject): PyObject {
  const times = indexNumber(count);
  const source = items(self);
  if (times === 1 && self.type === rt.types.tuple) {
    self.refcount++;
    return self;
  }
  if (times <= 0 || source.length === 0) return newTupleStealing([]);
  if (source.length * times > 50_000_000) throw memoryError();
  const result: PyObject[] = [];
  for (let t = 0; t < times; t++) for (const item of source) {
    item.refcount++;
    result.push(item);
  }
  return newTupleStealing(result);
}

function tupleHash(self: PyObject): number | bigint {
  const hashes = items(self).map((item) => hash(item));
  const result = hashTuple(hashes, rt.profile);
  return result >= -9007199254740991n && result <= 9007199254740991n ? Number(result) : result;
}

function tupleNew(type: PyType, args: { values: readonly PyObject[]; kwnames: readonly string[] | null }): PyObject {
  const { positional, keywords } = splitArgs(args);
  if (keywords.size > 0) throw typeError("tuple() takes no keyword arguments");
  if (positional.length > 1) throw typeError(`tuple expected at most 1 argument, got ${positional.length}`);
  if (positional.length === 0) return newTupleStealing([]);
  const source = positional[0]!;
  if (source.type === rt.types.tuple && type === rt.types.tuple) {
    source.refcount++;
    return source;
  }
  const values = collectItems(source);
  if (type === rt.types.tuple) return newTupleStealing(values);
  const tuple = new PyTuple(values);
  allocateObject(tuple, tupleObjectSize(values.length));
  rt.gc.countAllocation();
  gcTrack(tuple);
  adoptSubtype(tuple, type);
  return tuple;
}

export const TUPLE_SPEC: BuiltinTypeSpec = {
  name: "tuple",
  layout: { basicSize: 24, itemSize: 8, gc: true, preHeader: false },
  subclassable: true,
  slots: {
    dealloc: tupleDealloc,
    traverse: tupleTraverse,
    repr: textSlot(tupleRepr),
    hash: tupleHash,
    richcompare: (self, other, op: CompareOp) => (other instanceof PyTuple ? compareSequences(items(self), other.items, op) : newNotImplemented()),
    length: (self) => items(self).length,
    getitem: tupleGetItem,
    contains: (self, item) => containsItem(items(self), item),
    concat: tupleConcat,
    repeat: tupleRepeat,
    iter: (self) => newTupleIterator(self as PyTuple),
    new_: tupleNew,
  },
  methods: [
    { name: "count", kind: "one", impl: (self, value) => newInt(countOfItem(items(self), value)) },
    {
      name: "index",
      kind: "positional",
      impl: (self, args) => {
        if (args.length < 1) throw typeError("index expected at least 1 argument, got 0");
        const values = items(self);
        const found = indexOfItem(values, args[0]!, 0, values.length);
        if (found < 0) throw valueError(rt.profile.minor >= 13 ? "tuple.index(x): x not in tuple" : "tuple.index(x): x not in tuple");
        return newInt(found);
      },
    },
    { name: "__sizeof__", kind: "noargs", impl: (self) => newInt(tupleObjectSize(items(self).length)) },
  ],
};

