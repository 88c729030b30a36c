// 3.13's CALL_ALLOC_AND_ENTER_INIT: from its second run on, a call site that calls a plain Python
// class makes the instance and enters __init__ directly, without the argument tuple type_call
// builds, and the caller's references go to the __init__ frame (so an argument's refcount inside
// __init__ is two lower than on the site's first run).
import type { PyObject } from "../object.js";
import { decref } from "../object.js";
import { rt } from "../state.js";
import { PyType } from "../type.js";
import { typeError } from "../errors.js";
import { typeLookup } from "../abstract/attributes.js";
import { PyFunction } from "../types/function.js";
import { CodeFlags } from "../types/code.js";
import { newInstance } from "../types/instance.js";
import { isObjectSlot } from "../types/object-spec.js";
import { callStealing } from "./calls.js";

/** One call site's state: its runs so far, and the class and __init__ it was specialised for. */
export interface ClassCallSite {
  runs: number;
  type: PyType | null;
  init: PyFunction | null;
  version: number;
}

export function newClassCallSite(): ClassCallSite {
  return { runs: 0, type: null, init: null, version: -1 };
}

/**
 * get_init_for_simple_managed_python_class and the checks of specialize_class_call: a heap class
 * of metatype `type` with object's __new__, inline values (no __slots__, no built-in base but
 * object), and an __init__ that is a Python function with plain positional parameters taking
 * exactly `argumentCount` arguments. Returns that __init__, or null.
 */
function simpleInit(type: PyType, argumentCount: number): PyFunction | null {
  if (type.type !== rt.types.type || type.abstractMethods !== null || !type.instancesHaveDict) return null;
  for (const base of type.mro) if (base !== rt.types.object && (!base.heapType || base.slotNames.length > 0)) return null;
  if (!isObjectSlot(type, "__new__")) return null;
  const init = typeLookup(type, "__init__");
  if (!(init instanceof PyFunction)) return null;
  const info = init.code.info;
  if ((info.flags & (CodeFlags.VarArgs | CodeFlags.VarKeywords)) !== 0 || info.keywordOnlyCount > 0) return null;
  return info.argCount === argumentCount + 1 ? init : null;
}

/** `type(*args)` at a 3.13+ call site without keywords; steals `args`. */
export function callClassAtSite(type: PyType, args: PyObject[], site: ClassCallSite): PyObject {
  // The adaptive CALL's warm-up: the first run is generic; the second specialises the site
  // (for the class as it is then) and runs specialised. A failed attempt is not retried (CPython
  // retries after a backoff; the simulator stays generic).
  if (site.runs < 2) {
    site.runs++;
    if (site.runs === 1) return callStealing(type, args, null);
    const init = simpleInit(type, args.length);
    if (init === null) return callStealing(type, args, null);
    site.type = type;
    site.init = init;
    site.version = type.versionTag;
  }
  // DEOPT_IF: another class, a modified class, or another argument count.
  if (site.type !== type || type.versionTag !== site.version || site.init!.code.info.argCount !== args.length + 1) return callStealing(type, args, null);
  const init = site.init!;
  const self = newInstance(type);
  self.refcount++;
  const withSelf: PyObject[] = [self];
  for (let index = 0; index < args.length; index++) withSelf.push(args[index]!);
  let result: PyObject;
  try {
    result = init.code.compiled!(init, withSelf, null, true);
  } catch (error) {
    decref(self);
    throw error;
  }
  if (result !== rt.None) {
    const name = result.type.name;
    decref(result);
    decref(self);
    throw typeError(`__init__() should return None, not '${name}'`);
  }
  decref(result);
  return self;
}
