// builtin_function_or_method: a JavaScript function bound to a module or an instance.
import { PyObject } from "../object.js";
import { rt } from "../state.js";
import { allocateObject, freeObjectMemory } from "../memory/object-memory.js";
import { gcTrack, gcUntrack } from "../gc/tracking.js";
import { callMethodDef, type MethodDef } from "../method-def.js";
import type { CallArgs } from "../slots.js";
import { PyType } from "../type.js";
import { PyModule } from "./module.js";
import { callThroughArgumentTuple } from "../argument-tuple.js";
import { builtinFunctionCallBuildsTuple } from "../../profiles/type-vectorcall.js";

export class PyBuiltinFunction extends PyObject {
  constructor(
    readonly def: MethodDef,
    /** __self__: the module for module functions, the instance for bound methods (owned). */
    readonly self: PyObject,
    /** Shown in reprs and messages: "len" or "list.append". */
    readonly qualifiedName: string,
    readonly isMethod: boolean,
  ) {
    super(rt.types.builtin_function_or_method);
  }
}

/** PyCFunctionObject: def, self, module, weakreflist, and from 3.8 vectorcall. */
function builtinFunctionSize(): number {
  return rt.profile.minor >= 8 ? 56 : 48;
}

/** A new builtin function or bound built-in method; `self` is borrowed (and increfed). */
export function newBuiltinFunction(def: MethodDef, self: PyObject, qualifiedName: string, isMethod: boolean): PyBuiltinFunction {
  self.refcount++;
  const func = new PyBuiltinFunction(def, self, qualifiedName, isMethod);
  allocateObject(func, builtinFunctionSize());
  rt.gc.countAllocation();
  gcTrack(func);
  return func;
}

export function builtinFunctionDealloc(self: PyObject): void {
  const func = self as PyBuiltinFunction;
  gcUntrack(func);
  freeObjectMemory(func, builtinFunctionSize());
  rt.gc.countDeallocation();
  const owner = func.self;
  if (--owner.refcount === 0) owner.type.dealloc(owner);
}

export function builtinFunctionTraverse(self: PyObject, visit: (child: PyObject) => void): void {
  visit((self as PyBuiltinFunction).self);
}

export function builtinFunctionCall(self: PyObject, args: CallArgs): PyObject {
  const func = self as PyBuiltinFunction;
  const kind = func.def.kind;
  if (rt.profile.minor <= 7 && kind !== "one" && kind !== "noargs" && isBuiltinsModuleFunction(func) && builtinFunctionCallBuildsTuple(func.def.name, rt.profile.minor)) {
    const positionalCount = args.values.length - (args.kwnames === null ? 0 : args.kwnames.length);
    return callThroughArgumentTuple(args, positionalCount, () => callMethodDef(func.def, func.self, args, callableName(func)));
  }
  return callMethodDef(func.def, func.self, args, callableName(func));
}

function isBuiltinsModuleFunction(func: PyBuiltinFunction): boolean {
  return !func.isMethod && func.self instanceof PyModule && func.self.name === "builtins";
}

/** How CPython names a built-in in argument errors: "len" or (3.10+) "list.append". */
function callableName(func: PyBuiltinFunction): string {
  if (!func.isMethod || rt.profile.minor >= 10) return func.qualifiedName;
  const dot = func.qualifiedName.lastIndexOf(".");
  return dot < 0 ? func.qualifiedName : func.qualifiedName.slice(dot + 1);
}

/**
 * True when CPython shows the built-in as a method bound to its `__self__`: bound methods, and
 * those a type holds: its `__new__` and its static methods (type_add_method binds them to it).
 */
export function isBoundBuiltin(func: PyBuiltinFunction): boolean {
  return func.isMethod || func.self instanceof PyType;
}

export function builtinFunctionRepr(self: PyObject): string {
  const func = self as PyBuiltinFunction;
  if (!isBoundBuiltin(func)) return `<built-in function ${func.def.name}>`;
  const owner = func.self;
  const typeName = owner.type.name;
  return `<built-in method ${func.def.name} of ${typeName} object at 0x${owner.address.toString(16)}>`;
}
