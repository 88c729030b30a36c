// The slot table (typeobject.c's slotdefs): for each slot, the dunder names that reach it, the
// wrapper that exposes a native slot as a method, and the dispatcher heap types use to call
// the dunder methods a class defines.
import type { PyObject } from "./object.js";
import { decref } from "./object.js";
import { rt } from "./state.js";
import { BinaryOp, BINARY_DUNDERS, BINARY_OP_COUNT, PyType, type BinarySlot } from "./type.js";
import type { MethodDef } from "./method-def.js";
import { CompareOp } from "./slots.js";
import type { CallArgs } from "./slots.js";
import { PyRaise, typeError, valueError, pyError, discardRaise } from "./errors.js";
import { typeLookup, genericGetAttr, missingAttribute } from "./abstract/attributes.js";
import { call } from "./abstract/object-protocol.js";
import { isTrue } from "./abstract/truth.js";
import { newInt, PyInt } from "./types/int.js";
import { PyFunction } from "./types/function.js";
import { functionCall } from "./types/callable-specs.js";
import { PyMethodDescriptor } from "./types/descriptors.js";
import { toDouble } from "./types/int-value.js";
import type { PyHash } from "./hashing/hash-value.js";
import { hashInt } from "./hashing/index.js";
import { newNone, newBool, newIntFromHash } from "./values.js";
import { type PyStr, internName } from "./types/str.js";
import { newTuple } from "./types/tuple.js";
import { writeUnraisable } from "./unraisable.js";
import { requestStopIteration, cancelStopIterationRequest, takeStopIterationRequest } from "./types/stop-iteration.js";
import { staticMethodCallable } from "./types/function-wrappers.js";
import { newWrapperOwner } from "./type-factory.js";
import { callThroughArgumentTuple, callFromRuntime } from "./argument-tuple.js";
import { callThroughTpCall } from "./types/type-call-route.js";
import { whileRefcountUnknown } from "./memory/memory-reader.js";

const NO_KEYWORDS = null;

/**
 * 3.7+ call a dunder that is a plain function with `self` first (lookup_maybe_method's
 * "unbound"); 3.6 bound it first, so a bound method holding `self` existed during the call.
 */
function callsUnbound(): boolean {
  return rt.profile.minor >= 7;
}

/** Looks a special method up on the type (never the instance) and calls it with `self` first. */
export function callSpecial(self: PyObject, found: PyObject, values: readonly PyObject[]): PyObject {
  if (found instanceof PyFunction && callsUnbound()) {
    // lookup_maybe_method's reference to the function and, from 3.11, its frame's (what
    // functionCall adds), held for the call; the body is entered directly, as this is how
    // repr() and comparisons recurse.
    const held = rt.profile.minor >= 11 ? 2 : 1;
    found.refcount += held;
    rt.runtimeCallDepth++;
    try {
      return found.code.compiled!(found, [self, ...values], NO_KEYWORDS, false);
    } finally {
      rt.runtimeCallDepth--;
      found.refcount -= held - 1;
      decref(found);
    }
  }
  return callBoundSpecial(self, found, values);
}

/**
 * Calls a dunder found by _PyObject_LookupSpecial (reversed(), bytes(), complex()): it binds the
 * attribute first, so a Python function runs as a bound method that holds `self` during the call.
 */
export function callBoundSpecial(self: PyObject, found: PyObject, values: readonly PyObject[]): PyObject {
  const getter = found.type.descrGet;
  if (getter === null) return call(found, { values, kwnames: NO_KEYWORDS });
  const bound = getter(found, self, self.type);
  try {
    return callFromRuntime(bound, values);
  } finally {
    decref(bound);
  }
}

/**
 * A slot reached through tp_call (its keywords in a dict) calling a Python function with
 * keywords: 3.8+ unpacks the dict into a new kwnames tuple and a stack holding a reference to
 * every argument (_PyStack_UnpackDict); 3.6–3.7 copy the keywords into one (name, value, ...)
 * tuple (_PyFunction_FastCallDict). Those references exist while the function runs.
 */
export function callWithKeywordsFromDict(callable: PyObject, args: CallArgs): PyObject {
  const kwnames = args.kwnames;
  if (kwnames === null || kwnames.length === 0) return call(callable, args);
  const values = args.values;
  const positionalCount = values.length - kwnames.length;
  const keys = kwnames.map((name) => internName(name));
  let unpacked: PyObject;
  if (rt.profile.minor <= 7) {
    unpacked = newTuple(keys.flatMap((key, index) => [key, values[positionalCount + index]!]));
  } else {
    unpacked = newTuple(keys);
    for (const value of values) value.refcount++;
  }
  for (const key of keys) decref(key);
  try {
    return call(callable, args);
  } finally {
    if (rt.profile.minor > 7) for (const value of values) decref(value);
    decref(unpacked);
  }
}

/** The dunder on type(self), or null. Borrowed. */
export function lookupSpecial(self: PyObject, name: string): PyObject | null {
  return typeLookup(self.type, name);
}

function callDunder(self: PyObject, name: string, values: readonly PyObject[]): PyObject | null {
  const found = lookupSpecial(self, name);
  if (found === null) return null;
  return callSpecial(self, found, values);
}

function notImplemented(): PyObject {
  rt.NotImplemented.refcount++;
  return rt.NotImplemented;
}

// ---------------------------------------------------------------------------------------------
// Dispatchers: the slot functions of heap types.

const COMPARE_DUNDERS = ["__lt__", "__le__", "__eq__", "__ne__", "__gt__", "__ge__"];

function slotRepr(self: PyObject): PyObject {
  return callDunder(self, "__repr__", [])!;
}

function slotStr(self: PyObject): PyObject {
  return callDunder(self, "__str__", [])!;
}

/** Py_hash_t's range (a 64-bit build). */
const HASH_MAX = 2n ** 63n - 1n;
const HASH_MIN = -(2n ** 63n);

function slotHash(self: PyObject): PyHash {
  const result = callDunder(self, "__hash__", [])!;
  try {
    if (!(result instanceof PyInt)) throw typeError("__hash__ method should return an integer");
    // slot_tp_hash keeps a result that fits in Py_hash_t as it is (so that `return hash(y)`
    // hashes as y does), -1 becoming -2; only a larger one is hashed as an int is.
    const value = result.value;
    if (typeof value === "number") return value === -1 ? -2 : value;
    const hash = value >= HASH_MIN && value <= HASH_MAX ? value : hashInt(value);
    if (hash === -1n) return -2;
    return hash >= -9007199254740991n && hash <= 9007199254740991n ? Number(hash) : hash;
  } finally {
    decref(result);
  }
}

function slotRichCompare(self: PyObject, other: PyObject, op: CompareOp): PyObject {
  const found = lookupSpecial(self, COMPARE_DUNDERS[op]!);
  if (found === null) return notImplemented();
  // 3.6 calls the bound method from C, whose fast call has no bound-method case: method_call
  // gets `other` in a tuple (callBoundSpecial; measured: other's refcount inside __lt__ is one higher).
  return callSpecial(self, found, [other]);
}

/**
 * slot_tp_call reached through tp_call: an instance's type has no vectorcall, so the call
 * packs the arguments into a tuple (and keywords into a dict) first, as _PyObject_MakeTpCall.
 */
export function slotCall(self: PyObject, args: CallArgs): PyObject {
  const positionalCount = args.values.length - (args.kwnames === null ? 0 : args.kwnames.length);
  return callThroughArgumentTuple(args, positionalCount, () => slotCallPacked(self, args));
}

/** slot_tp_call once the arguments are packed (f(*args) hands tp_call the tuple it has). */
export function slotCallPacked(self: PyObject, args: CallArgs): PyObject {
  const found = lookupSpecial(self, "__call__");
  if (found === null) throw typeError(`'${self.type.name}' object is not callable`);
  if (found instanceof PyFunction && callsUnbound()) {
    // lookup_maybe_method's reference to __call__, held for the call.
    found.refcount++;
    try {
      return callWithKeywordsFromDict(found, { values: [self, ...args.values], kwnames: args.kwnames });
    } finally {
      decref(found);
    }
  }
  const bound = found.type.descrGet !== null ? found.type.descrGet(found, self, self.type) : (found.refcount++, found);
  try {
    return callWithKeywordsFromDict(bound, args);
  } finally {
    decref(bound);
  }
}

function slotIter(self: PyObject): PyObject {
  const result = callDunder(self, "__iter__", []);
  if (result === null) throw typeError(`'${self.type.name}' object is not iterable`);
  return result;
}

/** slot_tp_iternext: __next__'s StopIteration is the end, raised on to a caller that asked for it. */
function slotIterNext(self: PyObject): PyObject | null {
  const wantsStop = takeStopIterationRequest(self);
  try {
    return callDunder(self, "__next__", [])!;
  } catch (error) {
    if (!wantsStop && error instanceof PyRaise && error.exception.type.isSubtypeOf(rt.exc.StopIteration)) {
      discardRaise(error);
      return null;
    }
    throw error;
  }
}

/**
 * slot_tp_descr_get. Whoever found the descriptor on a type (attribute lookup, super(), the
 * type's own getattr) holds a reference to it while its __get__ runs: `self` is held here.
 */
function slotDescrGet(self: PyObject, instance: PyObject | null, owner: PyType): PyObject {
  const found = lookupSpecial(self, "__get__")!;
  const values = [instance ?? rt.None, owner];
  self.refcount++;
  try {
    // slot_tp_descr_get calls the __get__ it found as it is, without a reference of its own
    // (3.6 does not bind it either); 3.13 looks it up with one.
    if (found instanceof PyFunction && rt.profile.minor <= 12) return call(found, { values: [self, ...values], kwnames: NO_KEYWORDS });
    return callSpecial(self, found, values);
  } finally {
    decref(self);
  }
}

/** slot_tp_descr_set, with the descriptor held by the attribute store that found it (as __get__). */
function slotDescrSet(self: PyObject, instance: PyObject, value: PyObject | null): void {
  self.refcount++;
  let result: PyObject | null;
  try {
    result = value === null ? callDunder(self, "__delete__", [instance]) : callDunder(self, "__set__", [instance, value]);
  } finally {
    decref(self);
  }
  // slot_tp_descr_set: the method lookup fails with AttributeError naming the missing method.
  if (result === null) throw pyError(rt.exc.AttributeError, value === null ? "__delete__" : "__set__");
  decref(result);
}

function slotInit(self: PyObject, args: CallArgs): void {
  const found = lookupSpecial(self, "__init__")!;
  const kwnames = args.kwnames;
  if (found instanceof PyFunction && callsUnbound() && (kwnames === null || kwnames.length === 0)) {
    callInitFunction(self, found, args.values);
    return;
  }
  let result: PyObject;
  if (found instanceof PyFunction && callsUnbound()) {
    // lookup_maybe_method's reference to __init__, held for the call.
    found.refcount++;
    try {
      result = callWithKeywordsFromDict(found, { values: [self, ...args.values], kwnames });
    } finally {
      decref(found);
    }
  } else {
    const bound = found.type.descrGet !== null ? found.type.descrGet(found, self, self.type) : (found.refcount++, found);
    try {
      result = callWithKeywordsFromDict(bound, args);
    } finally {
      decref(bound);
    }
  }
  checkInitResult(result);
}

/**
 * The argument array of an __init__ call with one argument besides `self`: a compiled body's
 * prologue reads its array before anything else runs and keeps nothing (see
 * compiler/codegen/calls.ts), so one array serves every such call.
 */
const selfAndOne: PyObject[] = [];

/**
 * slot_tp_init (3.7+) once __init__ is known to be the Python function `init` and the call has
 * no keywords: `init` called unbound with `self` before `values` (borrowed), its compiled body
 * entered as callFunctionWith enters it; raises unless it returned None.
 */
export function callInitFunction(self: PyObject, init: PyFunction, values: readonly PyObject[]): void {
  // lookup_maybe_method's reference to __init__ and, from 3.11, its frame's, held for the call
  // (taken and dropped together: nothing runs between the two).
  const held = rt.profile.minor >= 11 ? 2 : 1;
  init.refcount += held;
  rt.runtimeCallDepth++;
  let result: PyObject;
  try {
    // Array literals for the other common sizes, without a spread (this runs once per instance
    // created): exactly as long as needed (a push onto `[self]` would grow its store to 17
    // slots, garbage made once per instance).
    let withSelf: PyObject[];
    if (values.length === 1) {
      withSelf = selfAndOne;
      withSelf[0] = self;
      withSelf[1] = values[0]!;
    } else if (values.length === 0) withSelf = [self];
    else if (values.length === 2) withSelf = [self, values[0]!, values[1]!];
    else {
      withSelf = [self];
      for (let index = 0; index < values.length; index++) withSelf.push(values[index]!);
    }
    result = init.code.compiled!(init, withSelf, NO_KEYWORDS, false);
  } finally {
    rt.runtimeCallDepth--;
    if ((init.refcount -= held) === 0) init.type.dealloc(init);
  }
  checkInitResult(result);
}

/** What __init__ returned (a new reference, released here) must be None. */
function checkInitResult(result: PyObject): void {
  if (result !== rt.None) {
    const name = result.type.name;
    decref(result);
    throw typeError(`__init__() should return None, not '${name}'`);
  }
  decref(result);
}

/** Whether `type`'s tp_init is slot_tp_init (its __init__ is a dunder found on the class). */
export function initIsDunderSlot(type: PyType): boolean {
  return type.init === slotInit;
}

function slotNew(type: PyType, args: CallArgs): PyObject {
  const found = typeLookup(type, "__new__")!;
  // __new__ is a static method: call it with the class as the first argument.
  const callable = found.type === rt.types.staticmethod ? staticMethodCallable(found) : found;
  return callWithKeywordsFromDict(callable, { values: [type, ...args.values], kwnames: args.kwnames });
}

function slotFinalize(self: PyObject): void {
  if (!callsUnbound()) return finalizeThroughBoundMethod(self);
  try {
    const result = callDunder(self, "__del__", []);
    if (result !== null) decref(result);
  } catch (error) {
    // slot_tp_finalize reports the __del__ it called (PyErr_WriteUnraisable(del)).
    if (error instanceof PyRaise) writeUnraisable(error, typeLookup(self.type, "__del__") ?? self);
    else throw error;
  }
}

/** 3.6's slot_tp_finalize: __del__ bound first; an error is reported against the bound method. */
function finalizeThroughBoundMethod(self: PyObject): void {
  const found = lookupSpecial(self, "__del__");
  if (found === null) return;
  const getter = found.type.descrGet;
  const bound = getter === null ? (found.refcount++, found) : getter(found, self, self.type);
  try {
    decref(call(bound, { values: [], kwnames: NO_KEYWORDS }));
  } catch (error) {
    if (error instanceof PyRaise) writeUnraisable(error, bound);
    else throw error;
  } finally {
    decref(bound);
  }
}

function slotBool(self: PyObject): boolean {
  const found = lookupSpecial(self, "__bool__");
  if (found !== null) {
    const result = callSpecial(self, found, []);
    if (result !== rt.True && result !== rt.False) {
      const name = result.type.name;
      decref(result);
      throw typeError(`__bool__ should return bool, returned ${name}`);
    }
    decref(result);
    return result === rt.True;
  }
  const length = lookupSpecial(self, "__len__");
  if (length !== null) return slotLength(self) !== 0;
  return true;
}

function slotLength(self: PyObject): number {
  const result = callDunder(self, "__len__", [])!;
  try {
    if (!(result instanceof PyInt)) throw typeError(`'${result.type.name}' object cannot be interpreted as an integer`);
    const value = toDouble(result.value)!;
    if (value < 0) throw valueError("__len__() should return >= 0");
    return value;
  } finally {
    decref(result);
  }
}

function slotGetItem(self: PyObject, key: PyObject): PyObject {
  return callDunder(self, "__getitem__", [key])!;
}

function slotSetItem(self: PyObject, key: PyObject, value: PyObject | null): void {
  const result = value === null ? callDunder(self, "__delitem__", [key]) : callDunder(self, "__setitem__", [key, value]);
  if (result === null) {
    throw typeError(value === null ? `'${self.type.name}' object doesn't support item deletion` : `'${self.type.name}' object does not support item assignment`);
  }
  decref(result);
}

function slotContains(self: PyObject, item: PyObject): boolean {
  const result = callDunder(self, "__contains__", [item])!;
  try {
    return isTrue(result);
  } finally {
    decref(result);
  }
}

/**
 * slot_tp_getattr_hook: __getattribute__ (or the generic lookup), then __getattr__ when that
 * raised AttributeError. An AttributeError that ends the lookup propagates with its own message
 * (a __getattr__'s "custom" error included); null only means the generic lookup found nothing.
 */
function slotGetAttr(self: PyObject, name: PyObject): PyObject | null {
  const getattribute = lookupSpecial(self, "__getattribute__");
  const getattr = lookupSpecial(self, "__getattr__");
  const customGetattribute = getattribute !== null && !isNativeWrapper(getattribute, "getattro");
  // Without __getattr__, slot_tp_getattro calls __getattribute__ as any other dunder.
  if (getattr === null) return customGetattribute ? callSpecial(self, getattribute!, [name]) : genericGetAttr(self, name);
  // slot_tp_getattr_hook holds its own reference to __getattr__ throughout, and one to
  // __getattribute__ while calling it.
  getattr.refcount++;
  try {
    try {
      if (customGetattribute) {
        getattribute!.refcount++;
        try {
          return callAttribute(self, getattribute!, name);
        } finally {
          decref(getattribute!);
        }
      }
      const value = genericGetAttr(self, name);
      if (value !== null) return value;
    } catch (error) {
      if (!(error instanceof PyRaise) || !error.exception.type.isSubtypeOf(rt.exc.AttributeError)) throw error;
      discardRaise(error);
    }
    return callNameUnknown(() => callAttribute(self, getattr, name), name);
  } finally {
    decref(getattr);
  }
}

/**
 * Runs __getattr__ with its name's count refused up to 3.11: CPython's type attribute cache
 * holds a reference to every name it was asked for (one per type looked in, kept until the
 * entry is reused), which the simulator does not model.
 */
function callNameUnknown(run: () => PyObject, name: PyObject): PyObject {
  if (rt.profile.minor >= 12) return run();
  return whileRefcountUnknown(name, "the reference count of the attribute name inside __getattr__ (3.11 and older: the type attribute cache holds the names it looked up)", run);
}

/** obj.__setattr__(name, v) and obj.__delattr__(name) reach _PyType_Lookup with `name` as given (PyStr.wasLookupName). */
function markIfLookupName(name: PyObject): void {
  if (name.type === rt.types.str) (name as PyStr).markLookupName();
}

/** call_attribute: binds the attribute before calling it until 3.12, which calls a function unbound. */
function callAttribute(self: PyObject, attribute: PyObject, name: PyObject): PyObject {
  if (rt.profile.minor >= 12 && attribute instanceof PyFunction) return call(attribute, { values: [self, name], kwnames: NO_KEYWORDS });
  return callBoundSpecial(self, attribute, [name]);
}

function slotSetAttr(self: PyObject, name: PyObject, value: PyObject | null): void {
  const result = value === null ? callDunder(self, "__delattr__", [name]) : callDunder(self, "__setattr__", [name, value]);
  if (result !== null) decref(result);
}

function makeUnary(dunder: string) {
  return (self: PyObject): PyObject => {
    const result = callDunder(self, dunder, []);
    if (result === null) throw typeError(`bad operand type for ${dunder}: '${self.type.name}'`);
    return result;
  };
}

/**
 * SLOT1BINFULL: the same dispatcher serves `a + b` for the left operand's type and the right
 * one's; it calls __radd__ of a subclass first when the subclass overrides it.
 */
function makeBinaryDispatcher(op: BinaryOp): BinarySlot {
  const [forward, reflected] = BINARY_DUNDERS[op]!;
  const dispatcher: BinarySlot = (self: PyObject, other: PyObject): PyObject => {
    const selfIsOurs = self.type.binary[op] === dispatcher;
    let doOther = self.type !== other.type && other.type.binary[op] === dispatcher;
    if (selfIsOurs) {
      if (doOther && other.type.isSubtypeOf(self.type) && methodIsOverloaded(self.type, other.type, reflected!)) {
        const result = callDunder(other, reflected!, [self]);
        if (result !== null) {
          if (result !== rt.NotImplemented) return result;
          decref(result);
        }
        doOther = false;
      }
      const result = callDunder(self, forward!, [other]);
      if (result !== null && (result !== rt.NotImplemented || self.type === other.type)) return result;
      if (result !== null) decref(result);
    }
    if (doOther) {
      const result = callDunder(other, reflected!, [self]);
      if (result !== null) return result;
    }
    return notImplemented();
  };
  return dispatcher;
}

function methodIsOverloaded(base: PyType, derived: PyType, name: string): boolean {
  const inDerived = typeLookup(derived, name);
  if (inDerived === null) return false;
  return typeLookup(base, name) !== inDerived;
}

function makeInplaceDispatcher(op: BinaryOp): BinarySlot {
  const name = BINARY_DUNDERS[op]![2]!;
  return (self: PyObject, other: PyObject): PyObject => callDunder(self, name, [other]) ?? notImplemented();
}

const binaryDispatchers: BinarySlot[] = [];
const inplaceDispatchers: BinarySlot[] = [];
for (let op = 0; op < BINARY_OP_COUNT; op++) {
  binaryDispatchers.push(makeBinaryDispatcher(op));
  inplaceDispatchers.push(makeInplaceDispatcher(op));
}

// ---------------------------------------------------------------------------------------------
// The table.

type SlotField =
  | "repr"
  | "str"
  | "hash"
  | "richcompare"
  | "getattro"
  | "setattro"
  | "call"
  | "descrGet"
  | "descrSet"
  | "iter"
  | "iternext"
  | "new_"
  | "init"
  | "finalize"
  | "negative"
  | "positive"
  | "invert"
  | "absolute"
  | "bool"
  | "int"
  | "float"
  | "index"
  | "length"
  | "getitem"
  | "setitem"
  | "contains";

export interface SlotDefinition {
  readonly key: string;
  readonly dunders: readonly string[];
  read(type: PyType): unknown;
  write(type: PyType, value: unknown): void;
  readonly dispatcher: unknown;
  /** Methods exposing a native slot function `fn` under its dunder names. */
  wrappers(fn: unknown): readonly MethodDef[];
}

function fieldSlot(key: SlotField, dunders: readonly string[], dispatcher: unknown, wrappers: (fn: never) => readonly MethodDef[]): SlotDefinition {
  return {
    key,
    dunders,
    read: (type) => type[key],
    write: (type, value) => {
      (type as unknown as Record<string, unknown>)[key] = value;
    },
    dispatcher,
    wrappers: wrappers as (fn: unknown) => readonly MethodDef[],
  };
}

export const SLOT_DEFINITIONS: readonly SlotDefinition[] = [
  fieldSlot("repr", ["__repr__"], slotRepr, (fn: (self: PyObject) => PyObject) => [{ name: "__repr__", kind: "noargs", impl: (self) => fn(self) }]),
  fieldSlot("str", ["__str__"], slotStr, (fn: (self: PyObject) => PyObject) => [{ name: "__str__", kind: "noargs", impl: (self) => fn(self) }]),
  fieldSlot("hash", ["__hash__"], slotHash, (fn: (self: PyObject) => PyHash) => [{ name: "__hash__", kind: "noargs", impl: (self) => newIntFromHash(fn(self)) }]),
  fieldSlot("richcompare", COMPARE_DUNDERS, slotRichCompare, (fn: (self: PyObject, other: PyObject, op: CompareOp) => PyObject) =>
    COMPARE_DUNDERS.map((name, op): MethodDef => ({ name, kind: "one", impl: (self, other) => fn(self, other, op) })),
  ),
  fieldSlot("getattro", ["__getattribute__", "__getattr__"], slotGetAttr, (fn: (self: PyObject, name: PyObject) => PyObject | null) => [
    {
      name: "__getattribute__",
      kind: "one",
      impl: (self, name) => {
        if (name.type !== rt.types.str) throw typeError(`attribute name must be string, not '${name.type.name}'`);
        let value: PyObject | null;
        try {
          value = fn(self, name);
        } finally {
          (name as PyStr).markLookupName();
        }
        if (value === null) throw missingAttribute(self, (name as PyStr).value);
        return value;
      },
    },
  ]),
  fieldSlot("setattro", ["__setattr__", "__delattr__"], slotSetAttr, (fn: (self: PyObject, name: PyObject, value: PyObject | null) => void) => [
    {
      name: "__setattr__",
      kind: "positional",
      impl: (self, args) => {
        expectArgs("__setattr__", args, 2);
        try {
          fn(self, args[0]!, args[1]!);
        } finally {
          markIfLookupName(args[0]!);
        }
        return newNone();
      },
    },
    {
      name: "__delattr__",
      kind: "one",
      impl: (self, name) => {
        try {
          fn(self, name, null);
        } finally {
          markIfLookupName(name);
        }
        return newNone();
      },
    },
  ]),
  // type.__call__(cls, ...) is type_call itself, without the class's vectorcall in front.
  fieldSlot("call", ["__call__"], slotCall, (fn: (self: PyObject, args: CallArgs) => PyObject) => [
    { name: "__call__", kind: "keywords", impl: (self, args) => (self instanceof PyType ? callThroughTpCall(() => fn(self, args)) : fn(self, args)) },
  ]),
  fieldSlot("descrGet", ["__get__"], slotDescrGet, (fn: (self: PyObject, instance: PyObject | null, owner: PyType) => PyObject) => [
    {
      name: "__get__",
      kind: "positional",
      impl: (self, args) => {
        // wrap_descr_get: PyArg_UnpackTuple(args, "", 1, 2).
        if (args.length < 1) throw typeError(" expected at least 1 argument, got 0");
        if (args.length > 2) throw typeError(` expected at most 2 arguments, got ${args.length}`);
        const instance = args[0] ?? rt.None;
        const owner = (args[1] ?? instance.type) as PyType;
        return fn(self, instance === rt.None ? null : instance, owner);
      },
    },
  ]),
  fieldSlot("descrSet", ["__set__", "__delete__"], slotDescrSet, (fn: (self: PyObject, instance: PyObject, value: PyObject | null) => void) => [
    {
      name: "__set__",
      kind: "positional",
      impl: (self, args) => {
        expectArgs("__set__", args, 2);
        fn(self, args[0]!, args[1]!);
        return newNone();
      },
    },
    {
      name: "__delete__",
      kind: "one",
      impl: (self, instance) => {
        fn(self, instance, null);
        return newNone();
      },
    },
  ]),
  fieldSlot("iter", ["__iter__"], slotIter, (fn: (self: PyObject) => PyObject) => [{ name: "__iter__", kind: "noargs", impl: (self) => fn(self) }]),
  fieldSlot("iternext", ["__next__"], slotIterNext, (fn: (self: PyObject) => PyObject | null) => [
    {
      name: "__next__",
      kind: "noargs",
      impl: (self) => {
        // wrap_next: the iterator's own StopIteration (a generator's return value) when it has one.
        requestStopIteration(self);
        let value: PyObject | null;
        try {
          value = fn(self);
        } finally {
          cancelStopIterationRequest();
        }
        if (value === null) throw pyError(rt.exc.StopIteration, null);
        return value;
      },
    },
  ]),
  fieldSlot("new_", ["__new__"], slotNew, () => []),
  fieldSlot("init", ["__init__"], slotInit, (fn: (self: PyObject, args: CallArgs) => void) => [
    {
      name: "__init__",
      kind: "keywords",
      impl: (self, args) => {
        fn(self, args);
        return newNone();
      },
    },
  ]),
  fieldSlot("finalize", ["__del__"], slotFinalize, () => []),
  fieldSlot("negative", ["__neg__"], makeUnary("__neg__"), (fn: (self: PyObject) => PyObject) => [{ name: "__neg__", kind: "noargs", impl: fn }]),
  fieldSlot("positive", ["__pos__"], makeUnary("__pos__"), (fn: (self: PyObject) => PyObject) => [{ name: "__pos__", kind: "noargs", impl: fn }]),
  fieldSlot("invert", ["__invert__"], makeUnary("__invert__"), (fn: (self: PyObject) => PyObject) => [{ name: "__invert__", kind: "noargs", impl: fn }]),
  fieldSlot("absolute", ["__abs__"], makeUnary("__abs__"), (fn: (self: PyObject) => PyObject) => [{ name: "__abs__", kind: "noargs", impl: fn }]),
  fieldSlot("bool", ["__bool__", "__len__"], slotBool, (fn: (self: PyObject) => boolean) => [{ name: "__bool__", kind: "noargs", impl: (self) => newBool(fn(self)) }]),
  fieldSlot("int", ["__int__"], makeUnary("__int__"), (fn: (self: PyObject) => PyObject) => [{ name: "__int__", kind: "noargs", impl: fn }]),
  fieldSlot("float", ["__float__"], makeUnary("__float__"), (fn: (self: PyObject) => PyObject) => [{ name: "__float__", kind: "noargs", impl: fn }]),
  fieldSlot("index", ["__index__"], makeUnary("__index__"), (fn: (self: PyObject) => PyObject) => [{ name: "__index__", kind: "noargs", impl: fn }]),
  fieldSlot("length", ["__len__"], slotLength, (fn: (self: PyObject) => number) => [{ name: "__len__", kind: "noargs", impl: (self) => newInt(fn(self)) }]),
  fieldSlot("getitem", ["__getitem__"], slotGetItem, (fn: (self: PyObject, key: PyObject) => PyObject) => [{ name: "__getitem__", kind: "one", impl: fn }]),
  fieldSlot("setitem", ["__setitem__", "__delitem__"], slotSetItem, (fn: (self: PyObject, key: PyObject, value: PyObject | null) => void) => [
    {
      name: "__setitem__",
      kind: "positional",
      impl: (self, args) => {
        expectArgs("__setitem__", args, 2);
        fn(self, args[0]!, args[1]!);
        return newNone();
      },
    },
    {
      name: "__delitem__",
      kind: "one",
      impl: (self, key) => {
        fn(self, key, null);
        return newNone();
      },
    },
  ]),
  fieldSlot("contains", ["__contains__"], slotContains, (fn: (self: PyObject, item: PyObject) => boolean) => [
    { name: "__contains__", kind: "one", impl: (self, item) => newBool(fn(self, item)) },
  ]),
  ...binarySlotDefinitions(),
];

function binarySlotDefinitions(): SlotDefinition[] {
  const definitions: SlotDefinition[] = [];
  for (let op = 0; op < BINARY_OP_COUNT; op++) {
    const [forward, reflected, inplace] = BINARY_DUNDERS[op]!;
    definitions.push({
      key: `binary:${op}`,
      dunders: [forward!, reflected!],
      read: (type) => type.binary[op],
      write: (type, value) => {
        type.binary[op] = value as BinarySlot | null;
      },
      dispatcher: binaryDispatchers[op],
      wrappers: (fn) => {
        const slot = fn as BinarySlot;
        return [
          { name: forward!, kind: "one", impl: (self, other) => slot(self, other) },
          { name: reflected!, kind: "one", impl: (self, other) => slot(other, self) },
        ];
      },
    });
    definitions.push({
      key: `inplace:${op}`,
      dunders: [inplace!],
      read: (type) => type.inplace[op],
      write: (type, value) => {
        type.inplace[op] = value as BinarySlot | null;
      },
      dispatcher: inplaceDispatchers[op],
      wrappers: (fn) => [{ name: inplace!, kind: "one", impl: (self, other) => (fn as BinarySlot)(self, other) }],
    });
  }
  return definitions;
}

/**
 * The sequence slots sq_concat / sq_repeat and their in-place forms: no dispatcher of their own
 * (a class's __add__ reaches `+` through nb_add), but a built-in type that defines them exposes
 * them as __add__, __mul__/__rmul__, __iadd__ and __imul__.
 */
export interface SequenceSlotWrapper {
  readonly key: "concat" | "repeat" | "inplaceConcat" | "inplaceRepeat";
  wrappers(fn: unknown): readonly MethodDef[];
}

const SEQUENCE_SLOT_KEYS: ReadonlySet<string> = new Set(["concat", "repeat", "inplaceConcat", "inplaceRepeat"]);

/** wrap_indexargfunc: the count must be an index (PyNumber_AsSsize_t) before the slot sees it. */
function repeatWrapper(name: string, fn: (self: PyObject, count: PyObject) => PyObject): MethodDef {
  return {
    name,
    kind: "one",
    impl: (self, count) => {
      if (count.type.index === null) throw typeError(`'${count.type.name}' object cannot be interpreted as an integer`);
      return fn(self, count);
    },
  };
}

export const SEQUENCE_SLOT_WRAPPERS: readonly SequenceSlotWrapper[] = [
  { key: "concat", wrappers: (fn) => [{ name: "__add__", kind: "one", impl: fn as BinarySlot }] },
  {
    key: "repeat",
    wrappers: (fn) => [repeatWrapper("__mul__", fn as (self: PyObject, count: PyObject) => PyObject), repeatWrapper("__rmul__", fn as (self: PyObject, count: PyObject) => PyObject)],
  },
  { key: "inplaceConcat", wrappers: (fn) => [{ name: "__iadd__", kind: "one", impl: fn as BinarySlot }] },
  { key: "inplaceRepeat", wrappers: (fn) => [repeatWrapper("__imul__", fn as (self: PyObject, count: PyObject) => PyObject)] },
];

/**
 * The order of typeobject.c's slotdefs table: add_operators fills a built-in type's dict in this
 * order (the first slot to claim a name wins, so nb_add's __add__ comes before sq_concat's).
 */
export const SLOTDEF_NAME_ORDER: readonly string[] = [
  "__repr__", "__hash__", "__call__", "__str__", "__getattribute__", "__setattr__", "__delattr__",
  "__lt__", "__le__", "__eq__", "__ne__", "__gt__", "__ge__", "__iter__", "__next__", "__get__", "__set__", "__delete__",
  "__init__", "__new__", "__del__", "__buffer__", "__release_buffer__", "__await__", "__aiter__", "__anext__",
  "__add__", "__radd__", "__sub__", "__rsub__", "__mul__", "__rmul__", "__mod__", "__rmod__", "__divmod__", "__rdivmod__",
  "__pow__", "__rpow__", "__neg__", "__pos__", "__abs__", "__bool__", "__invert__", "__lshift__", "__rlshift__",
  "__rshift__", "__rrshift__", "__and__", "__rand__", "__xor__", "__rxor__", "__or__", "__ror__", "__int__", "__float__",
  "__iadd__", "__isub__", "__imul__", "__imod__", "__ipow__", "__ilshift__", "__irshift__", "__iand__", "__ixor__", "__ior__",
  "__floordiv__", "__rfloordiv__", "__truediv__", "__rtruediv__", "__ifloordiv__", "__itruediv__", "__index__",
  "__matmul__", "__rmatmul__", "__imatmul__", "__len__", "__getitem__", "__setitem__", "__delitem__", "__contains__",
];

/** PyArg_UnpackTuple(args, "", n, n) of the wrap_* functions: its unnamed message starts with a space. */
function expectArgs(name: string, args: readonly PyObject[], count: number): void {
  if (args.length !== count) throw typeError(` expected ${count} arguments, got ${args.length}`);
  void name;
}

/**
 * fixup_slot_dispatchers / update_slot: recomputes every slot of a heap type from the dunder
 * methods on its MRO. A dunder that is a built-in base's slot wrapper gives back that base's
 * native function; a Python-level dunder installs the generic dispatcher.
 */
export function updateHeapTypeSlots(type: PyType): void {
  for (const definition of SLOT_DEFINITIONS) {
    let chosen: unknown = null;
    for (const dunder of definition.dunders) {
      const found = typeLookup(type, dunder);
      if (found === null) continue;
      if (found instanceof PyMethodDescriptor && found.slotKey === definition.key) {
        if (chosen === null) chosen = found.slotFunction;
        continue;
      }
      // A built-in base's sq_concat / sq_repeat wrapper (list.__add__) leaves the number slot
      // alone: the sequence slots are inherited below.
      if (found instanceof PyMethodDescriptor && found.slotKey !== null && SEQUENCE_SLOT_KEYS.has(found.slotKey)) continue;
      if (found === rt.None && dunder === "__hash__") {
        chosen = "unhashable";
        break;
      }
      // update_one_slot's tp_new_wrapper case: a built-in T.__new__ found on the MRO leaves
      // the inherited tp_new in place instead of the generic dispatcher (type(x)(...) then
      // skips a call through T.__new__). Only where both would reach the same function.
      if (definition.key === "new_" && type.base !== null && newWrapperOwner(found)?.new_ === type.base.new_) break;
      chosen = definition.dispatcher;
      break;
    }
    if (chosen === "unhashable") {
      type.hash = null;
      continue;
    }
    if (chosen === null && type.base !== null) chosen = definition.read(type.base);
    definition.write(type, chosen);
  }
  // A class that defines __eq__ but not __hash__ is unhashable.
  if (type.namespace.has("__eq__") && !type.namespace.has("__hash__")) type.hash = null;
  // sq_concat / sq_repeat and their in-place forms have no dunder of their own here: inherited
  // from the base (a Python __add__ still wins, as the number slots are tried first).
  if (type.base !== null) {
    type.concat = type.base.concat;
    type.repeat = type.base.repeat;
    type.inplaceConcat = type.base.inplaceConcat;
    type.inplaceRepeat = type.base.inplaceRepeat;
  }
}

/** True when `found` is a built-in slot wrapper for `key` (e.g. object.__getattribute__). */
function isNativeWrapper(found: PyObject, key: string): boolean {
  return found instanceof PyMethodDescriptor && found.slotKey === key;
}
