// getattr(object, name) that answers null instead of raising AttributeError
// (_PyObject_LookupAttr), for builtins that probe attributes such as __class__ or __dict__.
import type { PyObject } from "../runtime/object.js";
import { decref } from "../runtime/object.js";
import { rt } from "../runtime/state.js";
import { PyRaise, discardRaise } from "../runtime/errors.js";
import { internName } from "../runtime/types/str.js";
import { lookupAttr } from "../runtime/abstract/attributes.js";

/** The attribute (new reference), or null when it is missing; other errors propagate. */
export function optionalAttribute(object: PyObject, name: string): PyObject | null {
  const key = internName(name);
  try {
    return lookupAttr(object, key);
  } catch (error) {
    if (error instanceof PyRaise && error.exception.type.isSubtypeOf(rt.exc.AttributeError)) {
      discardRaise(error);
      return null;
    }
    throw error;
  } finally {
    decref(key);
  }
}
