// callable_iterator: what iter(callable, sentinel) returns. Each step calls the callable; the
// iterator ends (and drops both references) when the result equals the sentinel or the callable
// raises StopIteration.
import { PyObject } from "../runtime/object.js";
import { decref } from "../runtime/object.js";
import { rt } from "../runtime/state.js";
import type { BuiltinTypeSpec } from "../runtime/type-spec.js";
import { CompareOp } from "../runtime/slots.js";
import { allocateObject, freeObjectMemory } from "../runtime/memory/object-memory.js";
import { gcTrack, gcUntrack } from "../runtime/gc/tracking.js";
import { PyRaise, discardRaise } from "../runtime/errors.js";
import { call } from "../runtime/abstract/object-protocol.js";
import { richCompareBool } from "../runtime/abstract/compare.js";

export class PyCallableIterator extends PyObject {
  constructor(
    /** it_callable (owned), null once exhausted. */
    public callable: PyObject | null,
    /** it_sentinel (owned), null once exhausted. */
    public sentinel: PyObject | null,
  ) {
    super(rt.types.callable_iterator);
  }
}

/** calliterobject: the object header and two pointers. */
const CALLABLE_ITERATOR_SIZE = 32;

/** PyCallIter_New: steals nothing; both arguments are borrowed and increfed. */
export function newCallableIterator(callable: PyObject, sentinel: PyObject): PyCallableIterator {
  callable.refcount++;
  sentinel.refcount++;
  const iterator = new PyCallableIterator(callable, sentinel);
  allocateObject(iterator, CALLABLE_ITERATOR_SIZE);
  rt.gc.countAllocation();
  gcTrack(iterator);
  return iterator;
}

function exhaust(iterator: PyCallableIterator): void {
  const callable = iterator.callable;
  const sentinel = iterator.sentinel;
  iterator.callable = null;
  iterator.sentinel = null;
  if (callable !== null) decref(callable);
  if (sentinel !== null) decref(sentinel);
}

function callableIteratorNext(self: PyObject): PyObject | null {
  const iterator = self as PyCallableIterator;
  const callable = iterator.callable;
  if (callable === null) return null;
  let result: PyObject;
  try {
    result = call(callable, { values: [], kwnames: null });
  } catch (error) {
    if (error instanceof PyRaise && error.exception.type.isSubtypeOf(rt.exc.StopIteration)) {
      discardRaise(error);
      exhaust(iterator);
      return null;
    }
    throw error;
  }
  let atSentinel: boolean;
  try {
    atSentinel = richCompareBool(iterator.sentinel!, result, CompareOp.Eq);
  } catch (error) {
    decref(result);
    throw error;
  }
  if (!atSentinel) return result;
  decref(result);
  exhaust(iterator);
  return null;
}

export const CALLABLE_ITERATOR_SPEC: BuiltinTypeSpec = {
  name: "callable_iterator",
  layout: { basicSize: CALLABLE_ITERATOR_SIZE, itemSize: 0, gc: true, preHeader: false },
  slots: {
    dealloc: (self) => {
      const iterator = self as PyCallableIterator;
      gcUntrack(iterator);
      freeObjectMemory(iterator, CALLABLE_ITERATOR_SIZE);
      rt.gc.countDeallocation();
      exhaust(iterator);
    },
    traverse: (self, visit) => {
      const iterator = self as PyCallableIterator;
      if (iterator.callable !== null) visit(iterator.callable);
      if (iterator.sentinel !== null) visit(iterator.sentinel);
    },
    iter: (self) => {
      self.refcount++;
      return self;
    },
    iternext: callableIteratorNext,
  },
};
