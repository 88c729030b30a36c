// The set iterator: walks the live table slot by slot (setiterobject), failing once the size changes.
import { PyObject } from "../object.js";
import { decref } from "../object.js";
import { rt } from "../state.js";
import type { BuiltinTypeSpec } from "../type-spec.js";
import type { SetTable } from "../tables/index.js";
import { newInt } from "./int.js";
import { runtimeError } from "../errors.js";
import { placeIterator, releaseIterator } from "./iterators.js";

/** What the iterator needs of a set object. */
export interface SetLike extends PyObject {
  table: SetTable<PyObject>;
}

export class PySetIterator extends PyObject {
  constructor(
    public set: SetLike | null,
    /** si_used: -1 once a size change was reported (the error then repeats). */
    public used: number,
    public slot: number,
    public remaining: number,
  ) {
    super(rt.types.set_iterator);
  }
}

const SET_ITERATOR_SIZE = 48;

/** set_iter: iter(s). */
export function newSetIterator(set: SetLike): PyObject {
  const size = set.table.size;
  const iterator = new PySetIterator(set, size, 0, size);
  set.refcount++;
  placeIterator(iterator, SET_ITERATOR_SIZE);
  return iterator;
}

function setIteratorNext(self: PyObject): PyObject | null {
  const iterator = self as PySetIterator;
  const set = iterator.set;
  if (set === null) return null;
  const table = set.table;
  if (iterator.used !== table.size) {
    iterator.used = -1;
    throw runtimeError("Set changed size during iteration");
  }
  const slot = table.nextSlot(iterator.slot);
  if (slot < 0) {
    iterator.slot = table.mask + 2;
    iterator.set = null;
    decref(set);
    return null;
  }
  iterator.slot = slot + 1;
  iterator.remaining--;
  const key = table.keyAt(slot);
  key.refcount++;
  return key;
}

function lengthHint(self: PyObject): PyObject {
  const iterator = self as PySetIterator;
  const set = iterator.set;
  return newInt(set !== null && iterator.used === set.table.size ? iterator.remaining : 0);
}

function setIteratorDealloc(self: PyObject): void {
  const iterator = self as PySetIterator;
  const set = iterator.set;
  iterator.set = null;
  if (set !== null) decref(set);
  releaseIterator(iterator);
}

export function setIteratorSpec(): BuiltinTypeSpec {
  return {
    name: "set_iterator",
    layout: { basicSize: SET_ITERATOR_SIZE, itemSize: 0, gc: true, preHeader: false },
    slots: {
      dealloc: setIteratorDealloc,
      traverse: (self, visit) => {
        const set = (self as PySetIterator).set;
        if (set !== null) visit(set);
      },
      iter: (self) => {
        self.refcount++;
        return self;
      },
      iternext: setIteratorNext,
    },
    methods: [{ name: "__length_hint__", kind: "noargs", impl: lengthHint }],
  };
}
