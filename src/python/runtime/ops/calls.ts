// Calls from generated code (arguments owned by the caller's stack) and argument binding.
import type { PyObject } from "../object.js";
import { decref } from "../object.js";
import { rt } from "../state.js";
import { typeError, Unsupported } from "../errors.js";
import { PyFunction } from "../types/function.js";
import { PyCode, CodeFlags } from "../types/code.js";
import { PyTuple, newTupleStealing, tupleFromIterable } from "../types/tuple.js";
import { lengthHint } from "../types/sequence-helpers.js";
import { isStarIterable, starArgumentError, dictMergeKeywords } from "./containers.js";
import { calleeDescription } from "./callee-description.js";
import { PyDict, newDict, dictGetItem, dictSetItem, dictForEach } from "../types/dict.js";
import { PyStr, internName } from "../types/str.js";
import { call as callBorrowed, str as strOf } from "../abstract/object-protocol.js";
import { PyBuiltinFunction, builtinFunctionCall } from "../types/builtin-function.js";
import { PyMethodDescriptor } from "../types/descriptors.js";
import { typeCall, typeCallOne, typeCallPacked, classCallBuildsTuple, constructPlainWithoutArguments } from "../types/type-object.js";
import { slotCall, slotCallPacked, callWithKeywordsFromDict } from "../slot-table.js";
import { offerArgumentTuple, forgetArgumentTuple } from "../argument-tuple.js";
import { takeTpCallMark } from "../types/type-call-route.js";
import type { PyInt } from "../types/int.js";
import { PyMethod } from "../types/method.js";
import { PyType } from "../type.js";

function release(values: readonly PyObject[]): void {
  for (let i = 0; i < values.length; i++) {
    const value = values[i]!;
    if (value !== null && --value.refcount === 0) value.type.dealloc(value);
  }
}

/**
 * CALL from generated code: `args` are the caller's stack references (stolen). A Python
 * function's frame takes them over on 3.11+ (FACTS §1.2) or takes its own and the caller
 * releases its copies after the call on ≤3.10; a built-in borrows them for the call.
 */
export function callStealing(callable: PyObject, args: PyObject[], kwnames: readonly string[] | null, borrowed = 0): PyObject {
  if (rt.profile.minor <= 7 && !(callable instanceof PyBuiltinFunction)) return callHoldingCallable(callable, args, kwnames);
  if (callable instanceof PyFunction) {
    const compiled = callable.code.compiled!;
    // 3.14: arguments pushed by LOAD_FAST_BORROW (bit i of `borrowed`) arrive borrowed in the frame.
    if (rt.profile.frameStealsArguments) return compiled(callable, args, kwnames, true, borrowed);
    try {
      return compiled(callable, args, kwnames, false);
    } finally {
      releaseOwned(args, borrowed);
    }
  }
  if (callable instanceof PyMethod && rt.profile.frameStealsArguments && callable.func instanceof PyFunction) {
    // 3.11+ CALL splits a bound method into its function and self, which the frame takes over
    // with the arguments. A temporary method dies there: the frame takes its reference to self,
    // and the function reference it holds until after the call stands for the frame's.
    const func = callable.func;
    const self = callable.self;
    const temporary = callable.refcount === 1;
    if (temporary) callable.selfTakenByFrame = true;
    else self.refcount++;
    if (!temporary) func.refcount++;
    try {
      return func.code.compiled!(func, [self, ...args], kwnames, true, borrowed << 1);
    } finally {
      if (!temporary) decref(func);
    }
  }
  try {
    // A METH_O built-in (`sys.getrefcount(x)`, `len(x)`) called with one positional argument:
    // what builtinFunctionCall would do, without building the call's argument record.
    if (callable.type.call === builtinFunctionCall && kwnames === null && args.length === 1) {
      const def = (callable as PyBuiltinFunction).def;
      if (def.kind === "one") return def.impl((callable as PyBuiltinFunction).self, args[0]!);
    }
    return callBorrowed(callable, { values: args, kwnames });
  } finally {
    releaseOwned(args, borrowed);
  }
}

/**
 * `f()`: a class without __new__ or __init__ of its own (`P()`, from 3.8: 3.6–3.7 hold the
 * callable, see callStealing) is made at once (constructPlainWithoutArguments); everything else
 * takes callStealing's way.
 */
export function callNoArgs(callable: PyObject): PyObject {
  if (callable instanceof PyType && rt.profile.minor >= 8) {
    const instance = constructPlainWithoutArguments(callable);
    if (instance !== null) return instance;
  }
  return callStealing(callable, [], null);
}

/**
 * `f(arg)`, one positional argument and no keywords: steals `arg`. A METH_O built-in (`len(x)`)
 * and a class (`str(x)`, `Node(x)`: typeCallOne, or from 3.13 str's vectorcall) are called
 * without the caller's argument array; everything else takes callStealing's way.
 */
export function callOne(callable: PyObject, arg: PyObject): PyObject {
  const type = callable.type;
  if (type.call === builtinFunctionCall) {
    const def = (callable as PyBuiltinFunction).def;
    if (def.kind === "one") {
      try {
        return def.impl((callable as PyBuiltinFunction).self, arg);
      } finally {
        if (--arg.refcount === 0) arg.type.dealloc(arg);
      }
    }
  } else if (type.call === typeCall && rt.profile.minor >= 8) {
    // A class whose metatype keeps type's tp_call (3.6–3.7 hold the callable: callStealing).
    try {
      if (callable === rt.types.str && (!classCallBuildsTuple(callable as PyType, 1, false) || strArgumentTupleUnseen(arg))) return strOf(arg);
      return typeCallOne(callable as PyType, arg);
    } finally {
      if (--arg.refcount === 0) arg.type.dealloc(arg);
    }
  }
  return callStealing(callable, [arg], null);
}

/**
 * Whether `str(arg)`'s argument tuple leaves no trace, so that the call may skip it: the
 * 1-tuple comes off the tuple free list and goes back onto it (the same block, no allocation
 * counted by gc), and turning an exact int (a small one: no digit limit to raise on), float
 * or str into text runs no Python code and allocates nothing gc counts while it is alive.
 * The call's tp_call mark and offered tuple are used up as typeCallOne's would be.
 */
function strArgumentTupleUnseen(arg: PyObject): boolean {
  const argType = arg.type;
  if (argType === rt.types.int) {
    if (typeof (arg as PyInt).value !== "number") return false;
  } else if (argType !== rt.types.float && argType !== rt.types.str) return false;
  const freeLists = rt.freeLists.tuple;
  if (freeLists.length <= 1 || freeLists[1]!.size === 0) return false;
  takeTpCallMark();
  forgetArgumentTuple();
  return true;
}

/**
 * `object.name(arg)` after LOAD_METHOD, with no keywords: steals `self` (null when the
 * attribute came bound) and `arg`. A METH_O method of the object's exact type (`xs.append(x)`)
 * is called straight away, as CPython 3.11's CALL_NO_KW_METHOD_DESCRIPTOR_O does: the same
 * checks pass, the same references are released in the same order, and no argument array or
 * record is built. Everything else takes callStealing's way.
 */
export function callMethodOne(callable: PyObject, self: PyObject | null, arg: PyObject): PyObject {
  if (self !== null) {
    if (callable instanceof PyMethodDescriptor && callable.kind === "method" && self.type === callable.owner) {
      const def = callable.def!;
      if (def.kind === "one") {
        try {
          return def.impl(self, arg);
        } finally {
          if (--self.refcount === 0) self.type.dealloc(self);
          if (--arg.refcount === 0) arg.type.dealloc(arg);
        }
      }
    }
    return callStealing(callable, [self, arg], null);
  }
  return callOne(callable, arg);
}

/** `object.name()` after LOAD_METHOD: callMethodOne for METH_NOARGS methods (`text.upper()`). */
export function callMethodNoArgs(callable: PyObject, self: PyObject | null): PyObject {
  if (self !== null) {
    if (callable instanceof PyMethodDescriptor && callable.kind === "method" && self.type === callable.owner) {
      const def = callable.def!;
      if (def.kind === "noargs") {
        try {
          return def.impl(self);
        } finally {
          if (--self.refcount === 0) self.type.dealloc(self);
        }
      }
    }
    return callStealing(callable, [self], null);
  }
  return callStealing(callable, [], null);
}

/**
 * 3.6–3.7's call_function: any callable but a builtin function is held by a reference of its
 * own during the call. A bound method is split: its self replaces it on the stack and its
 * function is held; a temporary method (`obj.m()` on 3.6) is freed by that, which leaves the
 * counts as they were (the simulator frees it after the call instead).
 */
function callHoldingCallable(callable: PyObject, args: PyObject[], kwnames: readonly string[] | null): PyObject {
  const held = callable instanceof PyMethod ? (callable.refcount === 1 ? [] : [callable.self, callable.func]) : [callable];
  for (const object of held) object.refcount++;
  try {
    if (callable instanceof PyFunction) {
      try {
        return callable.code.compiled!(callable, args, kwnames, false);
      } finally {
        release(args);
      }
    }
    try {
      return callBorrowed(callable, { values: args, kwnames });
    } finally {
      release(args);
    }
  } finally {
    for (const object of held) decref(object);
  }
}

/** Releases the caller's stack references, skipping borrowed ones (never counted). */
function releaseOwned(values: readonly PyObject[], borrowed: number): void {
  if (borrowed === 0) return release(values);
  for (let i = 0; i < values.length; i++) {
    const value = values[i]!;
    if ((borrowed & (1 << i)) === 0 && value !== null && --value.refcount === 0) value.type.dealloc(value);
  }
}

/** CALL_FUNCTION_EX: f(*args, **kwargs); steals the tuple and the dict. */
export function callWithStarArgs(callable: PyObject, positional: PyObject, keywords: PyObject | null): PyObject {
  let released = false;
  try {
    if (keywords !== null && rt.profile.minor <= 8) keywords = passedKeywords(callable, keywords);
    if (positional.type !== rt.types.tuple) {
      // f(*x) alone hands x over as it is: CALL_FUNCTION_EX makes the tuple (PySequence_Tuple).
      if (!isStarIterable(positional)) throw starArgumentError(callable, positional);
      const tuple = tupleFromIterable(positional, lengthHint);
      decref(positional);
      positional = tuple;
    }
    const values = [...(positional as PyTuple).items];
    let kwnames: string[] | null = null;
    if (keywords !== null) {
      kwnames = [];
      dictForEach(keywords as PyDict, (key, value) => {
        kwnames!.push((key as PyStr).value);
        values.push(value);
      });
    }
    if (callable instanceof PyFunction && rt.profile.minor >= 12) {
      // 3.12+ push a Python function's frame themselves: the frame takes over the function's
      // stack reference and references of its own to the arguments, and the tuple and dict
      // are released before the body runs.
      for (let index = 0; index < values.length; index++) values[index]!.refcount++;
      released = true;
      decref(positional);
      if (keywords !== null) decref(keywords);
      return callable.code.compiled!(callable, values, kwnames, true, 0);
    }
    // The tuple (and dict) are already built: a class or an instance with __call__ is not given another.
    if (callable.type.call === typeCall) {
      offerArgumentTuple(positional as PyTuple);
      return typeCallPacked(callable as PyType, { values, kwnames });
    }
    if (callable.type.call === slotCall) return slotCallPacked(callable, { values, kwnames });
    // A function or method given a dict of keywords gets them unpacked (PyObject_Call).
    if (kwnames !== null && (callable instanceof PyFunction || callable instanceof PyMethod)) return callWithKeywordsFromDict(callable, { values, kwnames });
    return callBorrowed(callable, { values, kwnames, keywordsInDict: kwnames !== null });
  } finally {
    if (!released) {
      decref(positional);
      if (keywords !== null) decref(keywords);
    }
  }
}

/**
 * The mapping of a lone `**m` as 3.6–3.8's CALL_FUNCTION_EX takes it: an exact dict as it is
 * (its keys checked as the callee would), anything else copied into a new dict that replaces
 * it (`mapping` is released then, and left to the caller on an error).
 */
function passedKeywords(callable: PyObject, mapping: PyObject): PyObject {
  if (mapping.type === rt.types.dict) {
    dictForEach(mapping as PyDict, (key) => {
      if (key instanceof PyStr) return;
      // A Python function's argument binding rejects it naming the function; what another
      // callable says (a class's __init__, a built-in without keywords) is not modelled.
      if (callable instanceof PyFunction || callable instanceof PyMethod) throw typeError(`${calleeDescription(callable)} keywords must be strings`);
      throw new Unsupported("a non-string key in a lone ** mapping passed to a class or built-in before 3.9");
    });
    return mapping;
  }
  const dict = newDict();
  try {
    dictMergeKeywords(dict, mapping, callable);
  } catch (error) {
    decref(dict);
    throw error;
  }
  decref(mapping);
  return dict;
}

/** Whose name argument errors use: "f()" before 3.10, the qualified name from 3.10. */
function functionName(func: PyFunction): string {
  return rt.profile.minor >= 10 ? func.qualname.value : func.name.value;
}

function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? "" : "s"}`;
}

function namesList(names: readonly string[]): string {
  const quoted = names.map((name) => `'${name}'`);
  if (quoted.length === 1) return quoted[0]!;
  if (quoted.length === 2) return `${quoted[0]} and ${quoted[1]}`;
  return `${quoted.slice(0, -1).join(", ")}, and ${quoted[quoted.length - 1]}`;
}

/**
 * Binds call arguments to a function's parameters with CPython's rules and messages. Returns
 * the values of co_varnames' parameter slots (owned references), *args and **kwargs included.
 * Consumes `args` as `argsOwned` says (taking the references, or increfing its own).
 */
export function bindArguments(code: PyCode, func: PyFunction, args: readonly PyObject[], kwnames: readonly string[] | null, argsOwned: boolean): PyObject[] {
  const info = code.info;
  const parameterNames = info.varnames;
  const positionalCount = info.argCount;
  const keywordOnlyCount = info.keywordOnlyCount;
  const hasVarargs = (info.flags & CodeFlags.VarArgs) !== 0;
  const hasVarkeywords = (info.flags & CodeFlags.VarKeywords) !== 0;
  const total = positionalCount + keywordOnlyCount + (hasVarargs ? 1 : 0) + (hasVarkeywords ? 1 : 0);
  const slots: (PyObject | null)[] = new Array(total).fill(null);
  const keywordCount = kwnames === null ? 0 : kwnames.length;
  const given = args.length - keywordCount;
  const owned: PyObject[] = [];
  const take = (value: PyObject): PyObject => {
    if (!argsOwned) value.refcount++;
    return value;
  };
  const fail = (error: unknown): never => {
    for (const value of slots) if (value !== null) decref(value);
    if (argsOwned) for (let i = 0; i < args.length; i++) if (!used[i]) decref(args[i]!);
    throw error;
  };
  const used = new Array<boolean>(args.length).fill(false);
  try {
    // Positional arguments.
    const direct = Math.min(given, positionalCount);
    for (let i = 0; i < direct; i++) {
      slots[i] = take(args[i]!);
      used[i] = true;
    }
    const varargsIndex = positionalCount + keywordOnlyCount;
    if (hasVarargs) {
      const extra: PyObject[] = [];
      for (let i = direct; i < given; i++) {
        extra.push(take(args[i]!));
        used[i] = true;
      }
      slots[varargsIndex] = newTupleStealing(extra);
    } else if (given > positionalCount) {
      throw tooManyPositional(func, positionalCount, given, code, kwnames);
    }
    // Keyword arguments.
    let kwargs: PyDict | null = null;
    const kwargsIndex = varargsIndex + (hasVarargs ? 1 : 0);
    if (hasVarkeywords) {
      kwargs = newDict();
      slots[kwargsIndex] = kwargs;
    }
    for (let k = 0; k < keywordCount; k++) {
      const name = kwnames![k]!;
      const value = args[given + k]!;
      let index = parameterNames.indexOf(name);
      if (index >= positionalCount + keywordOnlyCount) index = -1;
      if (index >= 0 && index < info.positionalOnlyCount) index = -1;
      if (index < 0) {
        if (kwargs === null) throw unexpectedKeyword(func, parameterNames, info.positionalOnlyCount, kwnames!, name);
        const key = internName(name);
        dictSetItem(kwargs, key, value);
        decref(key);
        used[given + k] = true;
        if (argsOwned) decref(value);
        continue;
      }
      if (slots[index] !== null) throw typeError(`${functionName(func)}() got multiple values for argument '${name}'`);
      slots[index] = take(value);
      used[given + k] = true;
    }
    // Defaults for missing positional parameters.
    const defaults = func.defaults === null ? [] : func.defaults.items;
    const firstDefault = positionalCount - defaults.length;
    const missing: string[] = [];
    for (let i = 0; i < positionalCount; i++) {
      if (slots[i] !== null) continue;
      if (i >= firstDefault) {
        const value = defaults[i - firstDefault]!;
        value.refcount++;
        slots[i] = value;
      } else {
        missing.push(parameterNames[i]!);
      }
    }
    if (missing.length > 0) {
      throw typeError(`${functionName(func)}() missing ${plural(missing.length, "required positional argument")}: ${namesList(missing)}`);
    }
    const missingKeywordOnly: string[] = [];
    for (let i = positionalCount; i < positionalCount + keywordOnlyCount; i++) {
      if (slots[i] !== null) continue;
      const name = parameterNames[i]!;
      const fallback = func.kwdefaults === null ? null : dictGetItemByName(func.kwdefaults as PyDict, name);
      if (fallback === null) missingKeywordOnly.push(name);
      else {
        fallback.refcount++;
        slots[i] = fallback;
      }
    }
    if (missingKeywordOnly.length > 0) {
      throw typeError(`${functionName(func)}() missing ${plural(missingKeywordOnly.length, "required keyword-only argument")}: ${namesList(missingKeywordOnly)}`);
    }
  } catch (error) {
    fail(error);
  }
  void owned;
  return slots as PyObject[];
}

/**
 * An unknown keyword without **kwargs: CPython first looks for positional-only parameters among
 * all the keywords and names every one of them, in parameter order.
 */
function unexpectedKeyword(func: PyFunction, parameterNames: readonly string[], positionalOnlyCount: number, kwnames: readonly string[], name: string) {
  const positionalOnly = parameterNames.slice(0, positionalOnlyCount).filter((parameter) => kwnames.includes(parameter));
  if (positionalOnly.length > 0) {
    return typeError(`${functionName(func)}() got some positional-only arguments passed as keyword arguments: '${positionalOnly.join(", ")}'`);
  }
  return typeError(`${functionName(func)}() got an unexpected keyword argument '${name}'`);
}

function dictGetItemByName(dict: PyDict, name: string): PyObject | null {
  const key = internName(name);
  try {
    return dictGetItem(dict, key);
  } finally {
    decref(key);
  }
}

function tooManyPositional(func: PyFunction, positionalCount: number, given: number, code: PyCode, kwnames: readonly string[] | null) {
  const defaults = func.defaults === null ? 0 : func.defaults.items.length;
  const keywordOnlyGiven = kwnames === null ? 0 : kwnames.filter((name) => code.info.varnames.indexOf(name) >= positionalCount).length;
  const takes =
    defaults > 0
      ? `from ${positionalCount - defaults} to ${positionalCount} positional arguments`
      : `${plural(positionalCount, "positional argument")}`;
  const keywordText = keywordOnlyGiven > 0 ? ` positional argument${given === 1 ? "" : "s"} (and ${plural(keywordOnlyGiven, "keyword-only argument")})` : "";
  const were = given === 1 ? "was" : "were";
  if (keywordText !== "") return typeError(`${functionName(func)}() takes ${takes} but ${given}${keywordText} ${were} given`);
  return typeError(`${functionName(func)}() takes ${takes} but ${given} ${were} given`);
}
