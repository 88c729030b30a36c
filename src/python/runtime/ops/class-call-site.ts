// 3.13's adaptive CALL at a site that may call a class. CALL_ALLOC_AND_ENTER_INIT makes the
// instance of a plain Python class and enters __init__ directly, without the argument tuple
// type_call builds, and the caller's references go to the __init__ frame (so an argument's
// refcount inside __init__ is two lower than in a generic call). Whether a run is specialised
// follows the site's adaptive counter: warm-up, exponential backoff after a failed attempt, and
// 52 misses of a specialisation before the site specialises again (measured on 3.13.0).
import type { PyObject } from "../object.js";
import { decref } from "../object.js";
import { rt } from "../state.js";
import { PyType } from "../type.js";
import { typeError, Unsupported } from "../errors.js";
import { typeLookup } from "../abstract/attributes.js";
import { PyFunction } from "../types/function.js";
import { PyMethod } from "../types/method.js";
import { CodeFlags, type PyCode } from "../types/code.js";
import { newInstance } from "../types/instance.js";
import { isObjectSlot } from "../types/object-spec.js";
import { callNoArgs, callStealing } from "./calls.js";

/** What the site's CALL is specialised for. */
const enum SiteKind {
  /** The adaptive CALL itself. */
  Adaptive,
  /** CALL_ALLOC_AND_ENTER_INIT for one class version. */
  Init,
  /** CALL_PY_EXACT_ARGS / CALL_PY_GENERAL: a Python function of one version (its code here). */
  Function,
  /** CALL_BOUND_METHOD_*: a bound method whose function has that version. */
  BoundMethod,
  /** CALL_NON_PY_GENERAL: anything but a function or bound method, called generically. */
  NonPython,
}

/** The CALL's inline cache: its specialisation, its guard, and the adaptive counter. */
export interface ClassCallSite {
  kind: SiteKind;
  /** Runs (or misses) left before the next specialisation attempt. */
  counter: number;
  /** The exponent of the backoff after failed attempts. */
  backoff: number;
  type: PyType | null;
  init: PyFunction | null;
  version: number;
  /** The code of the function a Function or BoundMethod site is specialised for. */
  code: PyCode | null;
  /** Set once the site called a built-in callable: how that specialised is not modelled. */
  untracked: boolean;
}

/** adaptive_counter_warmup: the first run is generic, the second specialises. */
const WARMUP = { counter: 1, backoff: 1 };
/** adaptive_counter_cooldown: after a specialisation, 52 misses run generic before the next attempt. */
const COOLDOWN = 52;
const MAX_BACKOFF = 12;

export function newClassCallSite(): ClassCallSite {
  return { kind: SiteKind.Adaptive, counter: WARMUP.counter, backoff: WARMUP.backoff, type: null, init: null, version: -1, code: null, untracked: false };
}

/**
 * A run of the site that its specialisation does not cover (adaptive, or a deopt): the counter
 * either says to try again, where `attempt` specialises (true) or fails (false, backoff), or
 * counts down. Returns true when this run goes through the new specialisation.
 */
function missOrAdapt(site: ClassCallSite, attempt: () => boolean): boolean {
  if (site.counter > 0) {
    site.counter--;
    return false;
  }
  if (attempt()) {
    site.counter = COOLDOWN;
    site.backoff = 0;
    return true;
  }
  site.kind = SiteKind.Adaptive;
  site.backoff = Math.min(site.backoff + 1, MAX_BACKOFF);
  // The failed attempt re-runs the adaptive CALL, which counts this run down already.
  site.counter = (1 << site.backoff) - 2;
  return false;
}

/** A Python function called at the site (a bound method's when `bound`). */
export function noteFunctionAtSite(site: ClassCallSite, func: PyFunction, bound = false): void {
  const kind = bound ? SiteKind.BoundMethod : SiteKind.Function;
  if (site.kind === kind && site.code === func.code) return;
  missOrAdapt(site, () => {
    site.kind = kind;
    site.code = func.code;
    return true;
  });
}

/** Any other callable called at the site (not a heap class, not a Python function). */
export function noteOtherAtSite(site: ClassCallSite, callable: PyObject): void {
  if (callable instanceof PyMethod && callable.func instanceof PyFunction) {
    noteFunctionAtSite(site, callable.func, true);
    return;
  }
  site.untracked = true;
}

/**
 * get_init_for_simple_managed_python_class and the checks of specialize_class_call: a heap class
 * of metatype `type` with object's __new__, inline values (no __slots__, no built-in base but
 * object), and an __init__ that is a Python function with plain positional parameters. Returns
 * that __init__, or null.
 */
function simpleInit(type: PyType): PyFunction | null {
  if (type.type !== rt.types.type || type.abstractMethods !== null || !type.instancesHaveDict) return null;
  for (const base of type.mro) if (base !== rt.types.object && (!base.heapType || base.slotNames.length > 0)) return null;
  if (!isObjectSlot(type, "__new__")) return null;
  const init = typeLookup(type, "__init__");
  if (!(init instanceof PyFunction)) return null;
  const info = init.code.info;
  if ((info.flags & (CodeFlags.VarArgs | CodeFlags.VarKeywords)) !== 0 || info.keywordOnlyCount > 0) return null;
  return init;
}

/** How _Py_Specialize_Call takes `type`: CALL_ALLOC_AND_ENTER_INIT, CALL_NON_PY_GENERAL, or a failure. */
function specialiseClass(site: ClassCallSite, type: PyType, argumentCount: number): boolean {
  const init = simpleInit(type);
  if (init === null) {
    site.kind = SiteKind.NonPython;
    return true;
  }
  // A plain __init__ with another number of parameters fails (measured: one with a default).
  if (init.code.info.argCount !== argumentCount + 1) return false;
  site.kind = SiteKind.Init;
  site.type = type;
  site.init = init;
  site.version = type.versionTag;
  return true;
}

/** `type(*args)` at a 3.13+ call site without keywords; steals `args`. */
export function callClassAtSite(type: PyType, args: PyObject[], site: ClassCallSite): PyObject {
  let specialised: boolean;
  if (site.untracked) {
    // Whatever the site's state, a class it cannot enter directly runs generic; one it could
    // depends on how the built-in callable before it specialised, which is not modelled.
    if (simpleInit(type) !== null) throw new Unsupported("the 3.13 specialisation of a call site that called a plain class after a built-in callable");
    specialised = false;
  } else if (site.kind === SiteKind.NonPython) {
    specialised = false;
  } else if (site.kind === SiteKind.Init && site.type === type && type.versionTag === site.version && site.init!.code.info.argCount === args.length + 1) {
    specialised = true;
  } else {
    specialised = missOrAdapt(site, () => specialiseClass(site, type, args.length)) && site.kind === SiteKind.Init;
  }
  if (!specialised) return args.length === 0 ? callNoArgs(type) : callStealing(type, args, null);
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
