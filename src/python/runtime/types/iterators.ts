// Iterators over built-in sequences and mappings, plus enumerate, zip, map, filter, reversed.
import { PyObject } from "../object.js";
import { decref } from "../object.js";
import { rt } from "../state.js";
import { allocateObject, freeObjectMemory } from "../memory/object-memory.js";
import { gcTrack, gcUntrack } from "../gc/tracking.js";
import type { PyType } from "../type.js";
import type { BuiltinTypeSpec } from "../type-spec.js";
import { textSlot, addressText, splitArgs } from "../spec-helpers.js";
import type { PyList } from "./list.js";
import type { PyTuple } from "./tuple.js";
import { newTupleStealing } from "./tuple.js";
import { PyStr, newStr } from "./str.js";
import { newInt } from "./int.js";
import { getItem, length } from "../abstract/items.js";
import { getIter, iterNext } from "../abstract/iteration.js";
import { call } from "../abstract/object-protocol.js";
import { isTrue } from "../abstract/truth.js";
import { PyRaise, typeError, discardRaise, runtimeError } from "../errors.js";
import { lookupSpecial, callSpecial } from "../slot-table.js";
import { codePoints } from "./str-spec.js";
import { add as addInt, type IntValue } from "./int-value.js";
import { indexNumber } from "../abstract/conversions.js";

/**
 * One iterator object: what it walks (`source`, owned, or null once exhausted), a position,
 * and how to produce the next item. Subclass-free so every iterator shares one JS shape.
 */
export class PyIterator extends PyObject {
  constructor(
    type: PyType,
    public source: PyObject | null,
    public position: number,
    /** Extra owned references (zip's iterators, map's function…). */
    public extra: PyObject[],
    readonly step: (self: PyIterator) => PyObject | null,
  ) {
    super(type);
  }
  /** Cached code points for str iterators over astral text. */
  points: string[] | null = null;
  /** A running int counter (enumerate). */
  counter: IntValue = 0;
}

const ITERATOR_SIZE = 32;

function newIterator(type: PyType, source: PyObject | null, position: number, extra: PyObject[], step: (self: PyIterator) => PyObject | null): PyIterator {
  if (source !== null) source.refcount++;
  const iterator = new PyIterator(type, source, position, extra, step);
  allocateObject(iterator, ITERATOR_SIZE);
  rt.gc.countAllocation();
  gcTrack(iterator);
  return iterator;
}

/** Drops the source once exhausted, as CPython's iterators do (it_seq = NULL). */
function finish(iterator: PyIterator): null {
  const source = iterator.source;
  iterator.source = null;
  if (source !== null) decref(source);
  return null;
}

function iteratorDealloc(self: PyObject): void {
  const iterator = self as PyIterator;
  gcUntrack(iterator);
  freeObjectMemory(iterator, ITERATOR_SIZE);
  rt.gc.countDeallocation();
  const source = iterator.source;
  iterator.source = null;
  if (source !== null) decref(source);
  const extra = iterator.extra;
  iterator.extra = [];
  for (const item of extra) decref(item);
}

function iteratorTraverse(self: PyObject, visit: (child: PyObject) => void): void {
  const iterator = self as PyIterator;
  if (iterator.source !== null) visit(iterator.source);
  for (const item of iterator.extra) visit(item);
}

function iteratorNext(self: PyObject): PyObject | null {
  const iterator = self as PyIterator;
  if (iterator.source === null && iterator.extra.length === 0) return null;
  return iterator.step(iterator);
}

function returnSelf(self: PyObject): PyObject {
  self.refcount++;
  return self;
}

/** A spec for an iterator type that only differs by name. */
export function iteratorSpec(name: string): BuiltinTypeSpec {
  return {
    name,
    layout: { basicSize: ITERATOR_SIZE, itemSize: 0, gc: true, preHeader: false },
    slots: {
      dealloc: iteratorDealloc,
      traverse: iteratorTraverse,
      iter: returnSelf,
      iternext: iteratorNext,
      repr: textSlot((self) => `<${self.type.name} object at ${addressText(self)}>`),
    },
  };
}

// ---- sequences -------------------------------------------------------------------------------

function listStep(iterator: PyIterator): PyObject | null {
  const list = iterator.source as PyList;
  const item = list.items[iterator.position];
  if (item === undefined) return finish(iterator);
  iterator.position++;
  item.refcount++;
  return item;
}

export function newListIterator(list: PyList): PyObject {
  return newIterator(rt.types.list_iterator, list, 0, [], listStep);
}

function listReverseStep(iterator: PyIterator): PyObject | null {
  const list = iterator.source as PyList;
  const index = iterator.position;
  if (index < 0 || index >= list.items.length) return finish(iterator);
  iterator.position--;
  const item = list.items[index]!;
  item.refcount++;
  return item;
}

export function newListReverseIterator(list: PyList): PyObject {
  return newIterator(rt.types.list_reverseiterator, list, list.items.length - 1, [], listReverseStep);
}

function tupleStep(iterator: PyIterator): PyObject | null {
  const tuple = iterator.source as PyTuple;
  const item = tuple.items[iterator.position];
  if (item === undefined) return finish(iterator);
  iterator.position++;
  item.refcount++;
  return item;
}

export function newTupleIterator(tuple: PyTuple): PyObject {
  return newIterator(rt.types.tuple_iterator, tuple, 0, [], tupleStep);
}

function strStep(iterator: PyIterator): PyObject | null {
  const str = iterator.source as PyStr;
  if (str.kind !== 4) {
    if (iterator.position >= str.value.length) return finish(iterator);
    return newStr(str.value[iterator.position++]!);
  }
  const points = (iterator.points ??= codePoints(str));
  if (iterator.position >= points.length) return finish(iterator);
  return newStr(points[iterator.position++]!);
}

export function newStrIterator(str: PyStr): PyObject {
  return newIterator(rt.types.str_iterator, str, 0, [], strStep);
}

/** The old sequence protocol: obj[0], obj[1], … until IndexError. */
function sequenceStep(iterator: PyIterator): PyObject | null {
  const index = newInt(iterator.position);
  try {
    const item = getItem(iterator.source!, index);
    iterator.position++;
    return item;
  } catch (error) {
    if (error instanceof PyRaise && (error.exception.type.isSubtypeOf(rt.exc.IndexError) || error.exception.type.isSubtypeOf(rt.exc.StopIteration))) {
      discardRaise(error);
      return finish(iterator);
    }
    throw error;
  } finally {
    decref(index);
  }
}

export function newSequenceIterator(source: PyObject): PyObject {
  return newIterator(rt.types.iterator, source, 0, [], sequenceStep);
}

// ---- builtins: enumerate, zip, map, filter, reversed ------------------------------------------

function enumerateStep(iterator: PyIterator): PyObject | null {
  const item = iterNext(iterator.source!);
  if (item === null) return finish(iterator);
  const index = newInt(iterator.counter);
  iterator.counter = addInt(iterator.counter, 1);
  return newTupleStealing([index, item]);
}

export function enumerateNew(_type: PyType, args: { values: readonly PyObject[]; kwnames: readonly string[] | null }): PyObject {
  const { positional, keywords } = splitArgs(args);
  const iterable = positional[0] ?? keywords.get("iterable");
  if (iterable === undefined) throw typeError("enumerate() missing required argument 'iterable'");
  const startObject = positional[1] ?? keywords.get("start");
  const source = getIter(iterable);
  const iterator = newIterator(rt.types.enumerate, source, 0, [], enumerateStep);
  decref(source);
  if (startObject !== undefined) iterator.counter = indexNumber(startObject);
  return iterator;
}

function zipStep(iterator: PyIterator): PyObject | null {
  if (iterator.extra.length === 0) return null;
  const items: PyObject[] = [];
  for (const source of iterator.extra) {
    const item = iterNext(source);
    if (item === null) {
      for (const taken of items) decref(taken);
      const extra = iterator.extra;
      iterator.extra = [];
      for (const each of extra) decref(each);
      return null;
    }
    items.push(item);
  }
  return newTupleStealing(items);
}

export function zipNew(_type: PyType, args: { values: readonly PyObject[]; kwnames: readonly string[] | null }): PyObject {
  const { positional } = splitArgs(args);
  const sources = positional.map((iterable) => getIter(iterable));
  return newIterator(rt.types.zip, null, 0, sources, zipStep);
}

function mapStep(iterator: PyIterator): PyObject | null {
  const [func, ...sources] = iterator.extra;
  const values: PyObject[] = [];
  for (const source of sources) {
    const item = iterNext(source!);
    if (item === null) {
      for (const taken of values) decref(taken);
      return null;
    }
    values.push(item);
  }
  try {
    return call(func!, { values, kwnames: null });
  } finally {
    for (const value of values) decref(value);
  }
}

export function mapNew(_type: PyType, args: { values: readonly PyObject[]; kwnames: readonly string[] | null }): PyObject {
  const { positional } = splitArgs(args);
  if (positional.length < 2) throw typeError("map() must have at least two arguments.");
  const func = positional[0]!;
  func.refcount++;
  const sources = positional.slice(1).map((iterable) => getIter(iterable));
  return newIterator(rt.types.map, null, 0, [func, ...sources], mapStep);
}

function filterStep(iterator: PyIterator): PyObject | null {
  const [func, source] = iterator.extra as [PyObject, PyObject];
  for (;;) {
    const item = iterNext(source);
    if (item === null) return null;
    let keep: boolean;
    if (func === rt.None) {
      keep = isTrue(item);
    } else {
      const result = call(func, { values: [item], kwnames: null });
      keep = isTrue(result);
      decref(result);
    }
    if (keep) return item;
    decref(item);
  }
}

export function filterNew(_type: PyType, args: { values: readonly PyObject[]; kwnames: readonly string[] | null }): PyObject {
  const { positional } = splitArgs(args);
  if (positional.length !== 2) throw typeError(`filter expected 2 arguments, got ${positional.length}`);
  const func = positional[0]!;
  func.refcount++;
  return newIterator(rt.types.filter, null, 0, [func, getIter(positional[1]!)], filterStep);
}

function reversedStep(iterator: PyIterator): PyObject | null {
  if (iterator.position < 0) return finish(iterator);
  const index = newInt(iterator.position--);
  try {
    return getItem(iterator.source!, index);
  } finally {
    decref(index);
  }
}

export function reversedNew(_type: PyType, args: { values: readonly PyObject[]; kwnames: readonly string[] | null }): PyObject {
  const { positional } = splitArgs(args);
  if (positional.length !== 1) throw typeError(`reversed expected 1 argument, got ${positional.length}`);
  const sequence = positional[0]!;
  const method = lookupSpecial(sequence, "__reversed__");
  if (method !== null) return callSpecial(sequence, method, []);
  if (sequence.type.getitem === null || sequence.type.length === null) throw typeError(`'${sequence.type.name}' object is not reversible`);
  return newIterator(rt.types.reversed, sequence, length(sequence) - 1, [], reversedStep);
}

/** An iterator over a snapshot of items (dict views, sets) that also checks for size changes. */
export function newSnapshotIterator(type: PyType, owner: PyObject, items: readonly PyObject[], sizeOf: () => number, changedMessage: string): PyObject {
  const snapshot = items.slice();
  for (const item of snapshot) item.refcount++;
  const expected = sizeOf();
  return newIterator(type, owner, 0, snapshot, (self) => {
    if (self.source === null) return null;
    if (sizeOf() !== expected) {
      finish(self);
      throw runtimeError(changedMessage);
    }
    const item = self.extra[self.position];
    if (item === undefined) return finish(self);
    self.position++;
    item.refcount++;
    return item;
  });
}
