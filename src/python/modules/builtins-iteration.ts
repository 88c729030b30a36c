// iter(object[, sentinel]) and next(iterator[, default]).
import type { PyObject } from "../runtime/object.js";
import { rt } from "../runtime/state.js";
import type { CallArgs } from "../runtime/slots.js";
import type { MethodDef } from "../runtime/method-def.js";
import { typeError, pyError, PyRaise, discardRaise } from "../runtime/errors.js";
import { callable } from "../runtime/abstract/object-protocol.js";
import { getIter } from "../runtime/abstract/iteration.js";
import { checkPositionalCount, rejectKeywords } from "./arguments.js";
import { newCallableIterator } from "./callable-iterator.js";
import { requestStopIteration, cancelStopIterationRequest } from "../runtime/types/stop-iteration.js";

function iter(_self: PyObject, args: CallArgs): PyObject {
  rejectKeywords("iter", args);
  const values = args.values;
  checkPositionalCount("iter", values.length, 1, 2);
  if (values.length === 1) return getIter(values[0]!);
  const source = values[0]!;
  if (!callable(source)) {
    throw typeError(rt.profile.minor === 12 ? "iter(object, sentinel): object must be callable" : "iter(v, w): v must be callable");
  }
  return newCallableIterator(source, values[1]!);
}

function next(_self: PyObject, args: CallArgs): PyObject {
  rejectKeywords("next", args);
  const values = args.values;
  checkPositionalCount("next", values.length, 1, 2);
  const iterator = values[0]!;
  const step = iterator.type.iternext;
  if (step === null) throw typeError(`'${iterator.type.name}' object is not an iterator`);
  const fallback = values[1];
  let item: PyObject | null;
  // Without a default, the StopIteration reaches the caller: a generator's return value rides
  // on it (StopIteration.value), as gen_iternext sets it for next().
  if (fallback === undefined) requestStopIteration(iterator);
  try {
    item = step(iterator);
  } catch (error) {
    // With a default, a StopIteration raised by __next__ means "exhausted" too.
    if (fallback === undefined || !(error instanceof PyRaise) || !error.exception.type.isSubtypeOf(rt.exc.StopIteration)) throw error;
    discardRaise(error);
    item = null;
  } finally {
    cancelStopIterationRequest();
  }
  if (item !== null) return item;
  if (fallback !== undefined) {
    fallback.refcount++;
    return fallback;
  }
  throw pyError(rt.exc.StopIteration, null);
}

export const ITERATION_BUILTINS: readonly MethodDef[] = [
  { name: "iter", kind: "keywords", impl: iter },
  { name: "next", kind: "keywords", impl: next },
];
