// The tuple type: hashing (per version), comparison, indexing, concatenation, count/index, tuple(iterable).
import { GENERIC_ALIAS_CLASS_GETITEM } from "../method-def.js";
import type { PyObject } from "../object.js";
import { decref } from "../object.js";
import { rt } from "../state.js";
import type { BuiltinTypeSpec } from "../type-spec.js";
import type { PyType } from "../type.js";
import type { CallArgs } from "../slots.js";
import { CompareOp } from "../slots.js";
import { textSlot } from "../spec-helpers.js";
import { PyTuple, newTupleStealing, tupleDealloc, tupleTraverse, tupleObjectSize, tupleInstanceSize, tupleFromIterable } from "./tuple.js";
import { newNotImplemented, newBool } from "../values.js";
import { typeError, indexError, valueError, memoryError } from "../errors.js";
import { newInt } from "./int.js";
import { PySlice, sliceIndices } from "./slice.js";
import { guardedRepr, lengthHint } from "./sequence-helpers.js";
import { newTupleIterator } from "./iterators.js";
import { hash, reprText } from "../abstract/object-protocol.js";
import { richCompare, richCompareBool } from "../abstract/compare.js";
import { hashTuple } from "../hashing/index.js";
import { adoptSubtype } from "./instance.js";
import { allocateObject } from "../memory/object-memory.js";
import { gcTrack } from "../gc/tracking.js";
import { containerRules } from "./container-rules.js";
import { checkPositional, checkConstructorArgs, subscriptIndex, repeatCount, sliceIndexArgument } from "./container-arguments.js";

function items(self: PyObject): PyObject[] {
  return (self as PyTuple).items;
}

function tupleRepr(self: PyObject): string {
  const values = items(self);
  if (values.length === 0) return "()";
  return guardedRepr(self, "(...)", () => {
    const parts: string[] = [];
    // tuplerepr formats each item through the tuple's own (borrowed) reference.
    for (const item of values) parts.push(reprText(item));
    return values.length === 1 ? `(${parts[0]},)` : `(${parts.join(", ")})`;
  });
}

/** tuplerichcompare: no length shortcut; == on items until one differs, then `op` on that pair. */
function tupleRichCompare(self: PyObject, other: PyObject, op: CompareOp): PyObject {
  if (!(other instanceof PyTuple)) return newNotImplemented();
  const left = items(self);
  const right = other.items;
  let i = 0;
  for (; i < left.length && i < right.length; i++) {
    if (!richCompareBool(left[i]!, right[i]!, CompareOp.Eq)) break;
  }
  if (i >= left.length || i >= right.length) {
    const a = left.length;
    const b = right.length;
    return newBool([a < b, a <= b, a === b, a !== b, a > b, a >= b][op]!);
  }
  if (op === CompareOp.Eq) return newBool(false);
  if (op === CompareOp.Ne) return newBool(true);
  return richCompare(left[i]!, right[i]!, op);
}

function tupleContains(self: PyObject, value: PyObject): boolean {
  const itemFirst = containerRules().list.containsComparesItemFirst;
  for (const item of items(self)) {
    if (item === value) return true;
    if (itemFirst ? richCompareBool(item, value, CompareOp.Eq) : richCompareBool(value, item, CompareOp.Eq)) return true;
  }
  return false;
}

function tupleSubscript(self: PyObject, key: PyObject): PyObject {
  const tuple = self as PyTuple;
  if (key.type.index !== null) {
    let index = subscriptIndex(key);
    if (index < 0) index += tuple.items.length;
    const item = tuple.items[index];
    if (index < 0 || item === undefined) throw indexError("tuple index out of range");
    item.refcount++;
    return item;
  }
  if (key instanceof PySlice) {
    const [start, , step, length] = sliceIndices(key, tuple.items.length);
    if (length <= 0) return newTupleStealing([]);
    if (start === 0 && step === 1 && length === tuple.items.length && tuple.type === rt.types.tuple) {
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
  throw typeError(`tuple indices must be integers or slices, not ${key.type.name}`);
}

function tupleConcat(self: PyObject, other: PyObject): PyObject {
  if (!(other instanceof PyTuple)) throw typeError(`can only concatenate tuple (not "${other.type.name}") to tuple`);
  // 3.7+ return an operand when the other one is empty.
  if (rt.profile.minor >= 7 && items(self).length === 0 && other.type === rt.types.tuple) {
    other.refcount++;
    return other;
  }
  if (rt.profile.minor >= 7 && other.items.length === 0 && self.type === rt.types.tuple) {
    self.refcount++;
    return self;
  }
  const result = [...items(self), ...other.items];
  for (const item of result) item.refcount++;
  return newTupleStealing(result);
}

function tupleRepeat(self: PyObject, countObject: PyObject): PyObject {
  const times = repeatCount(countObject);
  const source = items(self);
  if (source.length === 0 || times === 1) {
    if (self.type === rt.types.tuple) {
      self.refcount++;
      return self;
    }
    if (source.length === 0) return newTupleStealing([]);
  }
  if (times <= 0) return newTupleStealing([]);
  if (source.length > 50_000_000 / times) throw memoryError();
  const result: PyObject[] = [];
  for (let t = 0; t < times; t++) for (const item of source) result.push(item);
  for (const item of source) item.refcount += times;
  return newTupleStealing(result);
}

function tupleHash(self: PyObject): number | bigint {
  const hashes = items(self).map((item) => hash(item));
  const result = hashTuple(hashes, rt.profile);
  return result >= -9007199254740991n && result <= 9007199254740991n ? Number(result) : result;
}

/** tuple(iterable=()): PySequence_Tuple; a subclass copies a temporary exact tuple. */
function tupleNew(type: PyType, args: CallArgs): PyObject {
  const positional = checkConstructorArgs("tuple", args, 1);
  const exact = positional.length === 0 ? newTupleStealing([]) : tupleFromIterable(positional[0]!, lengthHint);
  if (type === rt.types.tuple) return exact;
  try {
    const copy = exact.items.slice();
    for (const item of copy) item.refcount++;
    const tuple = new PyTuple(copy);
    tuple.type = type;
    allocateObject(tuple, tupleInstanceSize(type, copy.length));
    tuple.type = rt.types.tuple;
    rt.gc.countAllocation();
    adoptSubtype(tuple, type);
    gcTrack(tuple);
    return tuple;
  } finally {
    decref(exact);
  }
}

/** tuple.index(value, start=0, stop=sys.maxsize). */
function tupleIndex(self: PyObject, args: readonly PyObject[]): PyObject {
  checkPositional("index", args, 1, 3);
  const values = items(self);
  const value = args[0]!;
  let start = args[1] === undefined ? 0 : sliceIndexArgument(args[1]);
  let stop = args[2] === undefined ? Number.MAX_SAFE_INTEGER : sliceIndexArgument(args[2]);
  if (start < 0) {
    start += values.length;
    if (start < 0) start = 0;
  }
  if (stop < 0) stop += values.length;
  else if (stop > values.length) stop = values.length;
  for (let i = start; i < stop; i++) {
    if (richCompareBool(values[i]!, value, CompareOp.Eq)) return newInt(i);
  }
  throw valueError("tuple.index(x): x not in tuple");
}

function tupleCount(self: PyObject, value: PyObject): PyObject {
  let count = 0;
  for (const item of items(self)) if (richCompareBool(item, value, CompareOp.Eq)) count++;
  return newInt(count);
}

/** tuple_getnewargs: `(t[:],)`, which is `t` itself for an exact tuple. */
function tupleGetNewArgs(self: PyObject): PyObject {
  const tuple = self as PyTuple;
  if (tuple.type === rt.types.tuple) {
    tuple.refcount++;
    return newTupleStealing([tuple]);
  }
  for (const item of tuple.items) item.refcount++;
  return newTupleStealing([newTupleStealing([...tuple.items])]);
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
    richcompare: tupleRichCompare,
    length: (self) => items(self).length,
    getitem: tupleSubscript,
    contains: tupleContains,
    concat: tupleConcat,
    repeat: tupleRepeat,
    iter: (self) => newTupleIterator(self as PyTuple),
    new_: tupleNew,
  },
  methods: [
    { name: "__getnewargs__", kind: "noargs", impl: tupleGetNewArgs },
    { name: "index", kind: "positional", impl: tupleIndex, varargsUntil: 6 },
    { name: "count", kind: "one", impl: tupleCount },
    { name: "__sizeof__", kind: "noargs", impl: (self) => newInt(self.type.layout.basicSize + 8 * items(self).length) },
    GENERIC_ALIAS_CLASS_GETITEM,
  ],
};
