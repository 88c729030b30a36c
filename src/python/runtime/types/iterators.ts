// Iterators over built-in sequences (list, tuple, str, the old sequence protocol) and enumerate, zip, map, filter, reversed.
import { PyObject } from "../object.js";
import { decref } from "../object.js";
import { rt } from "../state.js";
import { allocateObject, freeObjectMemory } from "../memory/object-memory.js";
import { gcTrack, gcUntrack, isTracked } from "../gc/tracking.js";
import type { PyType } from "../type.js";
import type { BuiltinTypeSpec } from "../type-spec.js";
import type { CallArgs } from "../slots.js";
import type { Profile } from "../../profiles/profile.js";
import { PyList } from "./list.js";
import { PyTuple, newTupleStealing } from "./tuple.js";
import { PyStr, newStr } from "./str.js";
import { PyInt, newInt } from "./int.js";
import { getItem } from "../abstract/items.js";
import { slotItem, repackSlot } from "./list-packed-ints.js";
import { getIter, iterNext } from "../abstract/iteration.js";
import { call } from "../abstract/object-protocol.js";
import { callFromRuntime } from "../argument-tuple.js";
import { isTrue } from "../abstract/truth.js";
import { PyRaise, typeError, valueError, discardRaise } from "../errors.js";
import { lookupSpecial, callBoundSpecial } from "../slot-table.js";
import { codePoints } from "./str-spec.js";
import { add as addInt, type IntValue } from "./int-value.js";
import { indexValue } from "../abstract/conversions.js";
import { newNone } from "../values.js";
import { containerRules, containerRulesFor } from "./container-rules.js";
import { checkUnpacked, checkNoKeywords, unexpectedKeyword } from "./container-arguments.js";
import { lazyType } from "./container-types.js";
import { adoptSubtype } from "./instance.js";
import { dictIteratorSpec } from "./dict-iterators.js";
import { setIteratorSpec } from "./set-iterator.js";
import { refusePartialListing } from "../../modules/partial-listings.js";

/** Allocates an iterator object of `size` bytes (plus the GC header when the type has one) and tracks it. */
export function placeIterator(object: PyObject, size: number): void {
  allocateObject(object, size);
  if (object.type.layout.gc) {
    rt.gc.countAllocation();
    gcTrack(object);
  }
}

/** Frees an iterator's memory (after its references were dropped by the caller). */
export function releaseIterator(object: PyObject): void {
  if (object.type.layout.gc) gcUntrack(object);
  freeObjectMemory(object, object.type.layout.basicSize);
  if (object.type.layout.gc) rt.gc.countDeallocation();
}

/** Places a builtin iterator created as its base type, then gives it `type` (a subclass, maybe). */
function placeTyped<T extends PyObject>(object: T, type: PyType): T {
  const base = object.type;
  object.type = type;
  allocateObject(object, base.layout.basicSize);
  object.type = base;
  rt.gc.countAllocation();
  adoptSubtype(object, type);
  if (!isTracked(object)) gcTrack(object);
  return object;
}

function returnSelf(self: PyObject): PyObject {
  self.refcount++;
  return self;
}

function gcLayout(basicSize: number) {
  return { basicSize, itemSize: 0, gc: true, preHeader: false };
}

// ---- list, tuple, str and sequence iterators ---------------------------------------------------

/** listiterobject / tupleiterobject / unicodeiterobject / seqiterobject: a source and an index. */
export class PySequenceIterator extends PyObject {
  constructor(
    type: PyType,
    /** The sequence (owned), or null once exhausted. */
    public source: PyObject | null,
    public index: number,
  ) {
    super(type);
  }
  /** Code points of an astral str (index counts code points). */
  points: string[] | null = null;
}

const SEQUENCE_ITERATOR_SIZE = 32;

function newSequenceIteratorOf(type: PyType, source: PyObject, index: number): PySequenceIterator {
  source.refcount++;
  const iterator = new PySequenceIterator(type, source, index);
  placeIterator(iterator, SEQUENCE_ITERATOR_SIZE);
  return iterator;
}

function sequenceIteratorDealloc(self: PyObject): void {
  const iterator = self as PySequenceIterator;
  gcUntrack(iterator);
  const source = iterator.source;
  iterator.source = null;
  if (source !== null) decref(source);
  releaseIterator(iterator);
}

function sequenceIteratorTraverse(self: PyObject, visit: (child: PyObject) => void): void {
  const source = (self as PySequenceIterator).source;
  if (source !== null) visit(source);
}

/** Drops the source once exhausted (it_seq = NULL), as CPython's iterators do. */
function exhaust(iterator: PySequenceIterator): null {
  const source = iterator.source;
  iterator.source = null;
  if (source !== null) decref(source);
  return null;
}

function listNext(self: PyObject): PyObject | null {
  const iterator = self as PySequenceIterator;
  const list = iterator.source as PyList | null;
  if (list === null) return null;
  const index = iterator.index;
  if (index >= list.storage.length) return exhaust(iterator);
  // A packed int (list-packed-ints.ts) is made for this item only, and the item before last,
  // which the caller has dropped by now unless it kept it, packed again.
  const item = slotItem(list, index);
  iterator.index = index + 1;
  item.refcount++;
  repackSlot(list, index - 2);
  return item;
}

function listReverseNext(self: PyObject): PyObject | null {
  const iterator = self as PySequenceIterator;
  const list = iterator.source as PyList | null;
  const index = iterator.index;
  if (list !== null && index >= 0 && index < list.storage.length) {
    iterator.index--;
    const item = slotItem(list, index);
    item.refcount++;
    repackSlot(list, index + 2);
    return item;
  }
  iterator.index = -1;
  return exhaust(iterator);
}

function tupleNext(self: PyObject): PyObject | null {
  const iterator = self as PySequenceIterator;
  const tuple = iterator.source as PyTuple | null;
  if (tuple === null) return null;
  const item = tuple.items[iterator.index];
  if (item === undefined) return exhaust(iterator);
  iterator.index++;
  item.refcount++;
  return item;
}

function strNext(self: PyObject): PyObject | null {
  const iterator = self as PySequenceIterator;
  const str = iterator.source as PyStr | null;
  if (str === null) return null;
  if (str.kind !== 4) {
    if (iterator.index >= str.value.length) return exhaust(iterator);
    return newStr(str.value[iterator.index++]!);
  }
  const points = (iterator.points ??= codePoints(str));
  if (iterator.index >= points.length) return exhaust(iterator);
  return newStr(points[iterator.index++]!);
}

/** The old sequence protocol: obj[0], obj[1], … until IndexError or StopIteration. */
function sequenceNext(self: PyObject): PyObject | null {
  const iterator = self as PySequenceIterator;
  if (iterator.source === null) return null;
  const index = newInt(iterator.index);
  try {
    const item = getItem(iterator.source, index);
    iterator.index++;
    return item;
  } catch (error) {
    if (error instanceof PyRaise && (error.exception.type.isSubtypeOf(rt.exc.IndexError) || error.exception.type.isSubtypeOf(rt.exc.StopIteration))) {
      discardRaise(error);
      return exhaust(iterator);
    }
    throw error;
  } finally {
    decref(index);
  }
}

function remaining(self: PyObject): number {
  const iterator = self as PySequenceIterator;
  const source = iterator.source;
  if (source === null) return 0;
  let size: number;
  if (source.type === rt.types.str || source.type.isSubtypeOf(rt.types.str)) size = (source as PyStr).length;
  else if (source instanceof PyList) size = source.storage.length;
  else size = (source as PyObject & { items: PyObject[] }).items.length;
  return Math.max(0, size - iterator.index);
}

function lengthHintMethod(hint: (self: PyObject) => PyObject) {
  return { name: "__length_hint__", kind: "noargs" as const, impl: hint };
}

function sequenceIteratorSpec(name: string, next: (self: PyObject) => PyObject | null, hint: (self: PyObject) => PyObject): BuiltinTypeSpec {
  return {
    name,
    layout: gcLayout(SEQUENCE_ITERATOR_SIZE),
    slots: { dealloc: sequenceIteratorDealloc, traverse: sequenceIteratorTraverse, iter: returnSelf, iternext: next },
    methods: [lengthHintMethod(hint)],
  };
}

const remainingHint = (self: PyObject): PyObject => newInt(remaining(self));

function listReverseHint(self: PyObject): PyObject {
  const iterator = self as PySequenceIterator;
  const list = iterator.source as PyList | null;
  const length = iterator.index + 1;
  return newInt(list === null || list.storage.length < length ? 0 : length);
}

/** seqiter's hint: len(seq) minus the index when the sequence has a length, else NotImplemented. */
function sequenceHint(self: PyObject): PyObject {
  const iterator = self as PySequenceIterator;
  const source = iterator.source;
  if (source === null) return newInt(0);
  const lengthSlot = source.type.length;
  if (lengthSlot === null) {
    rt.NotImplemented.refcount++;
    return rt.NotImplemented;
  }
  return newInt(Math.max(0, lengthSlot(source) - iterator.index));
}

export function newListIterator(list: PyList): PyObject {
  return newSequenceIteratorOf(rt.types.list_iterator, list, 0);
}

export function newListReverseIterator(list: PyList): PyObject {
  return newSequenceIteratorOf(rt.types.list_reverseiterator, list, list.storage.length - 1);
}

export function newTupleIterator(tuple: PyTuple): PyObject {
  return newSequenceIteratorOf(rt.types.tuple_iterator, tuple, 0);
}

function isAsciiText(str: PyStr): boolean {
  if (str.kind !== 1) return false;
  const value = str.value;
  for (let i = 0; i < value.length; i++) if (value.charCodeAt(i) > 0x7f) return false;
  return true;
}

/** iter(str): a str_ascii_iterator for ASCII text from 3.11, else a str_iterator. */
export function newStrIterator(str: PyStr): PyObject {
  const name = containerRules().iterators.asciiStrIterator && isAsciiText(str) ? "str_ascii_iterator" : "str_iterator";
  const type = rt.types.str_iterator.name === name ? rt.types.str_iterator : lazyType(sequenceIteratorSpec(name, strNext, remainingHint));
  return newSequenceIteratorOf(type, str, 0);
}

export function newSequenceIterator(source: PyObject): PyObject {
  return newSequenceIteratorOf(rt.types.iterator, source, 0);
}

// ---- enumerate ---------------------------------------------------------------------------------

export class PyEnumerate extends PyObject {
  /** en_sit: the underlying iterator (owned). */
  source: PyObject | null = null;
  /** en_index, kept as an IntValue (en_longindex past the C range). */
  index: IntValue = 0;
  /** en_result: the (index, item) tuple handed out again when nobody kept it. */
  result: PyTuple | null = null;
}

function enumerateNext(self: PyObject): PyObject | null {
  const enumerate = self as PyEnumerate;
  const item = iterNext(enumerate.source!);
  if (item === null) return null;
  const index = newInt(enumerate.index);
  enumerate.index = addInt(enumerate.index, 1);
  const result = enumerate.result;
  if (result !== null && result.refcount === 1) {
    result.refcount++;
    const oldIndex = result.items[0]!;
    const oldItem = result.items[1]!;
    result.items[0] = index;
    result.items[1] = item;
    decref(oldIndex);
    decref(oldItem);
    if (!isTracked(result)) gcTrack(result);
    return result;
  }
  return newTupleStealing([index, item]);
}

function enumerateSize(profile: Profile): number {
  return containerRulesFor(profile).iterators.enumerateSize;
}

/** enumerate(iterable, start=0). */
export function enumerateNew(type: PyType, args: CallArgs): PyObject {
  const kwnames = args.kwnames ?? [];
  const positional = args.values.slice(0, args.values.length - kwnames.length);
  const minor = rt.profile.minor;
  if (args.values.length > 2) throw typeError(`enumerate() takes at most 2 arguments (${args.values.length} given)`);
  let iterable: PyObject | undefined = positional[0];
  let start: PyObject | undefined = positional[1];
  kwnames.forEach((name, index) => {
    const value = args.values[positional.length + index]!;
    if (name === "iterable" && iterable === undefined) iterable = value;
    else if (name === "start" && start === undefined) start = value;
    else if (name === "iterable" || name === "start") throw typeError(`argument for enumerate() given by name ('${name}') and position (${name === "iterable" ? 1 : 2})`);
    else if (minor === 6) throw typeError(`'${name}' is an invalid keyword argument for this function`);
    else throw typeError(`'${name}' is an invalid keyword argument for enumerate()`);
  });
  if (iterable === undefined) {
    if (minor === 6) throw typeError("Required argument 'iterable' (pos 1) not found");
    throw typeError(minor <= 10 ? "enumerate() missing required argument 'iterable' (pos 1)" : "enumerate() missing required argument 'iterable'");
  }
  // The indices enumerate pairs with the items are their positions in the whole container.
  refusePartialListing(iterable, "enumerate()");
  const enumerate = placeTyped(new PyEnumerate(rt.types.enumerate), type);
  try {
    if (start !== undefined) enumerate.index = startIndex(start);
    enumerate.source = getIter(iterable);
    enumerate.result = newTupleStealing([newNone(), newNone()]);
  } catch (error) {
    decref(enumerate);
    throw error;
  }
  return enumerate;
}

function startIndex(start: PyObject): IntValue {
  if (start instanceof PyInt) return start.value;
  const big = indexValue(start);
  return big >= BigInt(Number.MIN_SAFE_INTEGER) && big <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(big) : big;
}

function enumerateDealloc(self: PyObject): void {
  const enumerate = self as PyEnumerate;
  gcUntrack(enumerate);
  const source = enumerate.source;
  const result = enumerate.result;
  enumerate.source = null;
  enumerate.result = null;
  if (source !== null) decref(source);
  if (result !== null) decref(result);
  releaseIterator(enumerate);
}

function enumerateTraverse(self: PyObject, visit: (child: PyObject) => void): void {
  const enumerate = self as PyEnumerate;
  if (enumerate.source !== null) visit(enumerate.source);
  if (enumerate.result !== null) visit(enumerate.result);
}

// ---- zip ---------------------------------------------------------------------------------------

export class PyZip extends PyObject {
  /** ittuple: the iterators (owned tuple). */
  iterators: PyTuple | null = null;
  /** The result tuple reused while nobody else holds it. */
  result: PyTuple | null = null;
  strict = false;
}

function zipNext(self: PyObject): PyObject | null {
  const zip = self as PyZip;
  const iterators = zip.iterators!.items;
  const size = iterators.length;
  if (size === 0) return null;
  const result = zip.result!;
  if (result.refcount === 1) {
    result.refcount++;
    for (let i = 0; i < size; i++) {
      const item = nextOrStrictError(zip, i);
      if (item === null) {
        decref(result);
        return strictEnd(zip, i);
      }
      const old = result.items[i]!;
      result.items[i] = item;
      decref(old);
    }
    if (!isTracked(result)) gcTrack(result);
    return result;
  }
  const fresh = newTupleStealing(new Array<PyObject>(size));
  for (let i = 0; i < size; i++) {
    const item = nextOrStrictError(zip, i);
    if (item === null) {
      decref(fresh);
      return strictEnd(zip, i);
    }
    fresh.items[i] = item;
  }
  return fresh;
}

function nextOrStrictError(zip: PyZip, i: number): PyObject | null {
  return iterNext(zip.iterators!.items[i]!);
}

/** strict=True: the argument that ran out first must be the only one, or ValueError. */
function strictEnd(zip: PyZip, exhausted: number): null {
  if (!zip.strict) return null;
  const plural = (i: number): string => (i === 1 ? " " : "s 1-");
  if (exhausted > 0) throw valueError(`zip() argument ${exhausted + 1} is shorter than argument${plural(exhausted)}${exhausted}`);
  const iterators = zip.iterators!.items;
  for (let i = 1; i < iterators.length; i++) {
    const item = nextOrStrictError(zip, i);
    if (item !== null) {
      decref(item);
      throw valueError(`zip() argument ${i + 1} is longer than argument${plural(i)}${i}`);
    }
  }
  return null;
}

/** zip(*iterables, strict=False). */
export function zipNew(type: PyType, args: CallArgs): PyObject {
  const kwnames = args.kwnames ?? [];
  const positional = args.values.slice(0, args.values.length - kwnames.length);
  let strict = false;
  if (kwnames.length > 0) {
    const rules = containerRules().iterators;
    if (!rules.zipStrict) checkNoKeywords("zip", args);
    kwnames.forEach((name, index) => {
      if (name !== "strict") unexpectedKeyword("zip", name);
      strict = isTrue(args.values[positional.length + index]!);
    });
  }
  const holder = newTupleStealing(new Array<PyObject>(positional.length));
  try {
    positional.forEach((iterable, i) => {
      try {
        holder.items[i] = getIter(iterable);
      } catch (error) {
        if (rt.profile.minor <= 7 && error instanceof PyRaise && error.exception.type.isSubtypeOf(rt.exc.TypeError)) {
          discardRaise(error);
          throw typeError(`zip argument #${i + 1} must support iteration`);
        }
        throw error;
      }
    });
  } catch (error) {
    decref(holder);
    throw error;
  }
  const result = newTupleStealing(positional.map(() => newNone()));
  const zip = placeTyped(new PyZip(rt.types.zip), type);
  zip.iterators = holder;
  zip.result = result;
  zip.strict = strict;
  return zip;
}

function zipDealloc(self: PyObject): void {
  const zip = self as PyZip;
  gcUntrack(zip);
  const iterators = zip.iterators;
  const result = zip.result;
  zip.iterators = null;
  zip.result = null;
  if (iterators !== null) decref(iterators);
  if (result !== null) decref(result);
  releaseIterator(zip);
}

function zipTraverse(self: PyObject, visit: (child: PyObject) => void): void {
  const zip = self as PyZip;
  if (zip.iterators !== null) visit(zip.iterators);
  if (zip.result !== null) visit(zip.result);
}

// ---- map and filter ------------------------------------------------------------------------------

export class PyMap extends PyObject {
  iterators: PyTuple | null = null;
  func: PyObject | null = null;
}

function mapNext(self: PyObject): PyObject | null {
  const map = self as PyMap;
  const iterators = map.iterators!.items;
  if (rt.profile.minor <= 7) {
    // 3.6/3.7 build an argument tuple for every call, before fetching the arguments.
    const argumentTuple = newTupleStealing(new Array<PyObject>(iterators.length));
    try {
      for (let i = 0; i < iterators.length; i++) {
        const value = iterNext(iterators[i]!);
        if (value === null) return null;
        argumentTuple.items[i] = value;
      }
      return callFromRuntime(map.func!, argumentTuple.items.slice());
    } finally {
      decref(argumentTuple);
    }
  }
  const values: PyObject[] = [];
  for (const iterator of iterators) {
    const value = iterNext(iterator);
    if (value === null) {
      for (const taken of values) decref(taken);
      return null;
    }
    values.push(value);
  }
  try {
    return call(map.func!, { values, kwnames: null });
  } finally {
    for (const value of values) decref(value);
  }
}

/** map(func, *iterables). */
export function mapNew(type: PyType, args: CallArgs): PyObject {
  checkNoKeywords("map", args);
  const positional = args.values;
  if (positional.length < 2) throw typeError("map() must have at least two arguments.");
  const holder = newTupleStealing(new Array<PyObject>(positional.length - 1));
  try {
    for (let i = 1; i < positional.length; i++) holder.items[i - 1] = getIter(positional[i]!);
  } catch (error) {
    decref(holder);
    throw error;
  }
  const map = placeTyped(new PyMap(rt.types.map), type);
  map.iterators = holder;
  positional[0]!.refcount++;
  map.func = positional[0]!;
  return map;
}

function mapDealloc(self: PyObject): void {
  const map = self as PyMap;
  gcUntrack(map);
  const iterators = map.iterators;
  const func = map.func;
  map.iterators = null;
  map.func = null;
  if (iterators !== null) decref(iterators);
  if (func !== null) decref(func);
  releaseIterator(map);
}

function mapTraverse(self: PyObject, visit: (child: PyObject) => void): void {
  const map = self as PyMap;
  if (map.iterators !== null) visit(map.iterators);
  if (map.func !== null) visit(map.func);
}

export class PyFilter extends PyObject {
  func: PyObject | null = null;
  source: PyObject | null = null;
}

function filterNext(self: PyObject): PyObject | null {
  const filter = self as PyFilter;
  const func = filter.func!;
  const checkTruth = func === rt.None || func === rt.types.bool;
  for (;;) {
    const item = iterNext(filter.source!);
    if (item === null) return null;
    let keep: boolean;
    try {
      if (checkTruth) {
        keep = isTrue(item);
      } else {
        const verdict = callFromRuntime(func, [item]);
        try {
          keep = isTrue(verdict);
        } finally {
          decref(verdict);
        }
      }
    } catch (error) {
      decref(item);
      throw error;
    }
    if (keep) return item;
    decref(item);
  }
}

/** filter(function or None, iterable). */
export function filterNew(type: PyType, args: CallArgs): PyObject {
  checkNoKeywords("filter", args);
  checkUnpacked("filter", args.values, 2, 2);
  const source = getIter(args.values[1]!);
  const filter = placeTyped(new PyFilter(rt.types.filter), type);
  args.values[0]!.refcount++;
  filter.func = args.values[0]!;
  filter.source = source;
  return filter;
}

function filterDealloc(self: PyObject): void {
  const filter = self as PyFilter;
  gcUntrack(filter);
  const func = filter.func;
  const source = filter.source;
  filter.func = null;
  filter.source = null;
  if (func !== null) decref(func);
  if (source !== null) decref(source);
  releaseIterator(filter);
}

function filterTraverse(self: PyObject, visit: (child: PyObject) => void): void {
  const filter = self as PyFilter;
  if (filter.source !== null) visit(filter.source);
  if (filter.func !== null) visit(filter.func);
}

// ---- reversed ----------------------------------------------------------------------------------

function reversedNext(self: PyObject): PyObject | null {
  const iterator = self as PySequenceIterator;
  const index = iterator.index;
  if (index >= 0 && iterator.source !== null) {
    const key = newInt(index);
    try {
      const item = getItem(iterator.source, key);
      iterator.index--;
      return item;
    } catch (error) {
      if (!(error instanceof PyRaise) || !(error.exception.type.isSubtypeOf(rt.exc.IndexError) || error.exception.type.isSubtypeOf(rt.exc.StopIteration))) throw error;
      discardRaise(error);
    } finally {
      decref(key);
    }
  }
  iterator.index = -1;
  return exhaust(iterator);
}

function reversedHint(self: PyObject): PyObject {
  const iterator = self as PySequenceIterator;
  if (iterator.source === null) return newInt(0);
  const lengthSlot = iterator.source.type.length;
  if (lengthSlot === null) throw typeError(`object of type '${iterator.source.type.name}' has no len()`);
  const size = lengthSlot(iterator.source);
  const position = iterator.index + 1;
  return newInt(size < position ? 0 : position);
}

/** reversed(sequence): its __reversed__(), or an index walking down from len(seq) - 1. */
export function reversedNew(type: PyType, args: CallArgs): PyObject {
  if (type === rt.types.reversed) checkNoKeywords("reversed", args);
  checkUnpacked("reversed", args.values, 1, 1);
  const sequence = args.values[0]!;
  const method = lookupSpecial(sequence, "__reversed__");
  if (method === rt.None) throw typeError(`'${sequence.type.name}' object is not reversible`);
  if (method !== null) return callBoundSpecial(sequence, method, []);
  const isSequence = sequence.type.getitem !== null && !sequence.type.isSubtypeOf(rt.types.dict);
  if (!isSequence) throw typeError(`'${sequence.type.name}' object is not reversible`);
  const lengthSlot = sequence.type.length;
  if (lengthSlot === null) throw typeError(`object of type '${sequence.type.name}' has no len()`);
  const size = lengthSlot(sequence);
  const iterator = placeTyped(new PySequenceIterator(rt.types.reversed, sequence, size - 1), type);
  sequence.refcount++;
  return iterator;
}

// ---- the specs -------------------------------------------------------------------------------------

/** The spec of each iterator type the bootstrap registers by name (layouts per version). */
export function iteratorSpec(name: string): BuiltinTypeSpec {
  switch (name) {
    case "list_iterator":
      return sequenceIteratorSpec(name, listNext, remainingHint);
    case "list_reverseiterator":
      return sequenceIteratorSpec(name, listReverseNext, listReverseHint);
    case "tuple_iterator":
      return sequenceIteratorSpec(name, tupleNext, remainingHint);
    case "str_iterator":
    case "str_ascii_iterator":
      return sequenceIteratorSpec(name, strNext, remainingHint);
    case "iterator":
      return sequenceIteratorSpec(name, sequenceNext, sequenceHint);
    case "enumerate":
      return {
        name,
        layout: (profile: Profile) => gcLayout(enumerateSize(profile)),
        subclassable: true,
        slots: { dealloc: enumerateDealloc, traverse: enumerateTraverse, iter: returnSelf, iternext: enumerateNext, new_: enumerateNew },
      };
    case "zip":
      return {
        name,
        layout: (profile: Profile) => gcLayout(containerRulesFor(profile).iterators.zipSize),
        subclassable: true,
        slots: { dealloc: zipDealloc, traverse: zipTraverse, iter: returnSelf, iternext: zipNext, new_: zipNew },
      };
    case "map":
      return {
        name,
        layout: gcLayout(32),
        subclassable: true,
        slots: { dealloc: mapDealloc, traverse: mapTraverse, iter: returnSelf, iternext: mapNext, new_: mapNew },
      };
    case "filter":
      return {
        name,
        layout: gcLayout(32),
        subclassable: true,
        slots: { dealloc: filterDealloc, traverse: filterTraverse, iter: returnSelf, iternext: filterNext, new_: filterNew },
      };
    case "reversed":
      return {
        name,
        layout: gcLayout(32),
        subclassable: true,
        slots: { dealloc: sequenceIteratorDealloc, traverse: sequenceIteratorTraverse, iter: returnSelf, iternext: reversedNext, new_: reversedNew },
        methods: [lengthHintMethod(reversedHint)],
      };
    case "set_iterator":
      return setIteratorSpec();
    case "dict_keyiterator":
    case "dict_valueiterator":
    case "dict_itemiterator":
      return dictIteratorSpec(name);
    default:
      throw new Error(`simulator bug: no iterator spec named ${name}`);
  }
}

