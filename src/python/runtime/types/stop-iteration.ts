// Which iterator's caller wants its StopIteration: next() and `yield from` read the value a
// generator returned or a __next__ raised, where a for loop only needs to know the end came.
//
// CPython's tp_iternext returns NULL with or without a StopIteration set; the simulator's
// returns null, which keeps loops from raising and catching an exception per iterator. A
// caller that needs the exception names the iterator first; that iterator's next step then
// raises its StopIteration (with its value) instead of returning null.
import type { PyObject } from "../object.js";

let requested: PyObject | null = null;

/** The next iternext of `iterator` should raise its StopIteration instead of returning null. */
export function requestStopIteration(iterator: PyObject): void {
  requested = iterator;
}

/** After the step: a request the iterator did not take (a built-in iterator) ends here. */
export function cancelStopIterationRequest(): void {
  requested = null;
}

/**
 * Called by an iternext as it starts: true when its caller asked for the StopIteration. The
 * request is taken at once, so iterators the step itself uses are not affected.
 */
export function takeStopIterationRequest(iterator: PyObject): boolean {
  if (requested !== iterator) return false;
  requested = null;
  return true;
}
