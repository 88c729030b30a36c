// Iterators over dicts and their views, forward and reversed, walking the live table as dictiterobject does.
import { PyObject } from "../object.js";
import { decref } from "../object.js";
import { rt } from "../state.js";
import { gcTrack, isTracked } from "../gc/tracking.js";
import type { PyType } from "../type.js";
import type { BuiltinTypeSpec } from "../type-spec.js";
import type { PyDict } from "./dict.js";
import { PyTuple, newTupleStealing } from "./tuple.js";
import { newInt } from "./int.js";
import { newNone } from "../values.js";
import { runtimeError } from "../errors.js";
import { placeIterator, releaseIterator } from "./iterators.js";
import { lazyType } from "./container-types.js";
import { refusePartialIteration } from "../../modules/partial-listings.js";

export type DictIteratorKind = "keys" | "values" | "items";

/** dictiterobject: the dict, the size it must keep, a position and the items left to give. */
export class PyDictIterator extends PyObject {
  constructor(
    type: PyType,
    public dict: PyDict | null,
    /** di_used: -1 once a size change was reported (the error then repeats). */
    public used: number,
    public position: number,
    public remaining: number,
    readonly kind: DictIteratorKind,
    readonly reverse: boolean,
  ) {
    super(type);
  }
  /** di_result: the (key, value) tuple items iterators hand out again when nobody kept it. */
  result: PyTuple | null = null;
}

const DICT_ITERATOR_SIZE = 56;

function typeName(kind: DictIteratorKind, reverse: boolean): string {
  const base = kind === "keys" ? "key" : kind === "values" ? "value" : "item";
  return reverse ? `dict_reverse${base}iterator` : `dict_${base}iterator`;
}

function iteratorType(kind: DictIteratorKind, reverse: boolean): PyType {
  if (!reverse) return kind === "keys" ? rt.types.dict_keyiterator : kind === "values" ? rt.types.dict_valueiterator : rt.types.dict_itemiterator;
  return lazyType(dictIteratorSpec(typeName(kind, true)));
}

/** dictiter_new: iter(d), iter(d.values()), reversed(d.items()), … */
export function newDictIterator(dict: PyDict, kind: DictIteratorKind, reverse = false): PyObject {
  refusePartialIteration(dict);
  const table = dict.table;
  const start = reverse ? table.positionLimit - 1 : 0;
  const iterator = new PyDictIterator(iteratorType(kind, reverse), dict, table.size, start, table.size, kind, reverse);
  dict.refcount++;
  placeIterator(iterator, DICT_ITERATOR_SIZE);
  if (kind === "items") iterator.result = newTupleStealing([newNone(), newNone()]);
  return iterator;
}

function finish(iterator: PyDictIterator): null {
  const dict = iterator.dict;
  iterator.dict = null;
  if (dict !== null) decref(dict);
  return null;
}

function dictIteratorNext(self: PyObject): PyObject | null {
  const iterator = self as PyDictIterator;
  const dict = iterator.dict;
  if (dict === null) return null;
  const table = dict.table;
  if (iterator.used !== table.size) {
    iterator.used = -1;
    throw runtimeError("dictionary changed size during iteration");
  }
  let position: number;
  if (iterator.reverse) {
    if (iterator.position < 0) return finish(iterator);
    position = table.previousPosition(iterator.position);
    if (position < 0) return finish(iterator);
    iterator.position = position - 1;
  } else {
    position = table.nextPosition(iterator.position);
    if (position < 0) return finish(iterator);
    // 3.8+: an entry past the count it started with means keys were replaced meanwhile.
    if (iterator.remaining === 0 && rt.profile.minor >= 8) {
      finish(iterator);
      throw runtimeError("dictionary keys changed during iteration");
    }
    iterator.position = position + 1;
  }
  iterator.remaining--;
  const key = table.keyAtPosition(position);
  const value = table.valueAtPosition(position);
  if (iterator.kind === "keys") {
    key.refcount++;
    return key;
  }
  if (iterator.kind === "values") {
    value.refcount++;
    return value;
  }
  key.refcount++;
  value.refcount++;
  const result = iterator.result;
  if (result !== null && result.refcount === 1) {
    const oldKey = result.items[0]!;
    const oldValue = result.items[1]!;
    result.items[0] = key;
    result.items[1] = value;
    result.refcount++;
    decref(oldKey);
    decref(oldValue);
    if (!isTracked(result)) gcTrack(result);
    return result;
  }
  return newTupleStealing([key, value]);
}

function lengthHint(self: PyObject): PyObject {
  const iterator = self as PyDictIterator;
  const dict = iterator.dict;
  return newInt(dict !== null && iterator.used === dict.table.size ? iterator.remaining : 0);
}

function dictIteratorDealloc(self: PyObject): void {
  const iterator = self as PyDictIterator;
  const dict = iterator.dict;
  const result = iterator.result;
  iterator.dict = null;
  iterator.result = null;
  if (dict !== null) decref(dict);
  if (result !== null) decref(result);
  releaseIterator(iterator);
}

function dictIteratorTraverse(self: PyObject, visit: (child: PyObject) => void): void {
  const iterator = self as PyDictIterator;
  if (iterator.dict !== null) visit(iterator.dict);
  if (iterator.result !== null) visit(iterator.result);
}

/** The spec of one of the six dict iterator types. */
export function dictIteratorSpec(name: string): BuiltinTypeSpec {
  return {
    name,
    layout: { basicSize: DICT_ITERATOR_SIZE, itemSize: 0, gc: true, preHeader: false },
    slots: {
      dealloc: dictIteratorDealloc,
      traverse: dictIteratorTraverse,
      iter: (self) => {
        self.refcount++;
        return self;
      },
      iternext: dictIteratorNext,
    },
    methods: [{ name: "__length_hint__", kind: "noargs", impl: lengthHint }],
  };
}
