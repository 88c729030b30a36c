// Bound methods: a function and the instance (or class) it is bound to.
import { PyObject } from "../object.js";
import { rt } from "../state.js";
import { allocateObject, freeObjectMemory } from "../memory/object-memory.js";
import { gcTrack, gcUntrack } from "../gc/tracking.js";
import type { CallArgs } from "../slots.js";
import { call } from "../abstract/object-protocol.js";
import { richCompareBool } from "../abstract/compare.js";
import { CompareOp } from "../slots.js";
import { newBool, newNotImplemented } from "../values.js";

export class PyMethod extends PyObject {
  constructor(
    /** __func__ (owned). */
    readonly func: PyObject,
    /** __self__ (owned). */
    readonly self: PyObject,
  ) {
    super(rt.types.method);
  }
  /**
   * 3.11+ CALL unpacks a temporary bound method and the method dies before the frame starts:
   * the frame then holds the method's reference to self, which the method no longer counts
   * (ops/calls.ts callStealing; the simulator frees the method's memory after the call).
   */
  selfTakenByFrame = false;
}

/** PyMethodObject: func, self, weakreflist, and from 3.8 vectorcall. */
export function methodSize(): number {
  return rt.profile.minor >= 8 ? 48 : 40;
}

/** The bound-method free list went in 3.9. */
export function methodsHaveFreeList(): boolean {
  return rt.profile.minor <= 8;
}

/** A bound method; `func` and `self` are borrowed (increfed). */
export function newBoundMethod(func: PyObject, self: PyObject): PyMethod {
  func.refcount++;
  self.refcount++;
  const method = new PyMethod(func, self);
  // ≤3.8 keep freed bound methods in a free list: one taken from it is not a new allocation.
  if (!methodsHaveFreeList() || !rt.freeLists.method.reuse(method, methodSize())) {
    allocateObject(method, methodSize());
    rt.gc.countAllocation();
  }
  gcTrack(method);
  return method;
}

export function methodDealloc(self: PyObject): void {
  const method = self as PyMethod;
  gcUntrack(method);
  if (!methodsHaveFreeList() || !rt.freeLists.method.park(method, methodSize())) {
    freeObjectMemory(method, methodSize());
    rt.gc.countDeallocation();
  }
  const func = method.func;
  const bound = method.self;
  if (--func.refcount === 0) func.type.dealloc(func);
  if (method.selfTakenByFrame) return;
  if (--bound.refcount === 0) bound.type.dealloc(bound);
}

export function methodTraverse(self: PyObject, visit: (child: PyObject) => void): void {
  const method = self as PyMethod;
  visit(method.func);
  if (!method.selfTakenByFrame) visit(method.self);
}

/** Calling a bound method prepends self (method_vectorcall). */
export function methodCall(self: PyObject, args: CallArgs): PyObject {
  const method = self as PyMethod;
  return call(method.func, { values: [method.self, ...args.values], kwnames: args.kwnames });
}

/**
 * method_richcompare: two bound methods are equal when their functions are equal and they are
 * bound to the same object (3.8+), or to equal objects (up to 3.7, where two methods of distinct
 * instances whose class says all instances are equal compared equal).
 */
export function methodRichCompare(self: PyObject, other: PyObject, op: CompareOp): PyObject {
  if (!(other instanceof PyMethod) || (op !== CompareOp.Eq && op !== CompareOp.Ne)) return newNotImplemented();
  const method = self as PyMethod;
  let equal = richCompareBool(method.func, other.func, CompareOp.Eq);
  if (equal) equal = rt.profile.minor >= 8 ? method.self === other.self : richCompareBool(method.self, other.self, CompareOp.Eq);
  return newBool(op === CompareOp.Eq ? equal : !equal);
}
