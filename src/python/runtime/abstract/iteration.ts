// The iterator protocol: iter() and next() without StopIteration on the fast path.
import type { PyObject } from "../object.js";
import { typeError } from "../errors.js";
import { newSequenceIterator } from "../types/iterators.js";

/** iter(value): new reference. */
export function getIter(value: PyObject): PyObject {
  const slot = value.type.iter;
  if (slot !== null) {
    const iterator = slot(value);
    if (iterator.type.iternext === null) {
      const name = iterator.type.name;
      iterator.refcount--;
      throw typeError(`iter() returned non-iterator of type '${name}'`);
    }
    return iterator;
  }
  if (value.type.getitem !== null) return newSequenceIterator(value);
  throw typeError(`'${value.type.name}' object is not iterable`);
}

/** next(iterator): a new reference, or null when exhausted. */
export function iterNext(iterator: PyObject): PyObject | null {
  const slot = iterator.type.iternext;
  if (slot === null) throw typeError(`'${iterator.type.name}' object is not an iterator`);
  return slot(iterator);
}
