// set_attribute_error_context (Objects/object.c, 3.10+): an AttributeError leaving
// PyObject_GetAttr or a method load records the attribute's name and the object, which the
// "Did you mean" suggestion reads, and which keeps the object alive as long as the exception.
import type { PyObject } from "../object.js";
import { rt } from "../state.js";
import { PyRaise } from "../errors.js";
import { exceptionAttribute, setExceptionAttribute } from "../types/exceptions.js";
import type { PyStr } from "../types/str.js";

/** Records `name` and `self` on `error` when it is an AttributeError; returns `error`. */
export function withAttributeErrorContext<E>(error: E, self: PyObject, name: PyStr): E {
  const minor = rt.profile.minor;
  if (minor < 10 || !(error instanceof PyRaise)) return error;
  const exception = error.exception;
  if (!exception.type.isSubtypeOf(rt.exc.AttributeError)) return error;
  // What an inner level (a property, a __getattr__) already recorded stays.
  if (exceptionAttribute(exception, "name") !== null || exceptionAttribute(exception, "obj") !== null) return error;
  setExceptionAttribute(exception, "name", name);
  setExceptionAttribute(exception, "obj", self);
  return error;
}
