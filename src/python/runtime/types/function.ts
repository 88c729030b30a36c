// Python function objects (def, lambda): code, globals, defaults, closure.
import { AttributedObject, type PyObject } from "../object.js";
import { rt } from "../state.js";
import { allocateObject, freeObjectMemory } from "../memory/object-memory.js";
import { gcTrack, gcUntrack } from "../gc/tracking.js";
import type { PyCode } from "./code.js";
import { attributesOf, releaseAttributes, traverseAttributes } from "../instance-attributes.js";
import type { PyTuple } from "./tuple.js";
import type { PyStr } from "./str.js";

export class PyFunction extends AttributedObject {
  code: PyCode;
  globals: PyObject;
  builtins: PyObject;
  name: PyStr;
  qualname: PyStr;
  /** __defaults__ (tuple) or null. */
  defaults: PyTuple | null;
  /** __kwdefaults__ (dict) or null. */
  kwdefaults: PyObject | null;
  /** __closure__: tuple of cells, or null. */
  closure: PyTuple | null;
  doc: PyObject;
  module: PyObject;
  annotations: PyObject | null;
  /** 3.14 (PEP 649): the function computing __annotations__ on first use, or null. */
  annotate: PyObject | null = null;

  constructor(code: PyCode, globals: PyObject, builtins: PyObject, name: PyStr, qualname: PyStr, module: PyObject, doc: PyObject) {
    super(rt.types.function);
    this.code = code;
    this.globals = globals;
    this.builtins = builtins;
    this.name = name;
    this.qualname = qualname;
    this.defaults = null;
    this.kwdefaults = null;
    this.closure = null;
    this.doc = doc;
    this.module = module;
    this.annotations = null;
  }
}

/**
 * sizeof(PyFunctionObject) on 64-bit builds (tp_basicsize, without the GC header): 112 up to 3.7,
 * 120 with vectorcall (3.8), 128 with func_builtins (3.10), 136 with func_version (3.11), 144
 * with func_typeparams (3.12).
 */
export function functionObjectSize(minor: number): number {
  if (minor <= 7) return 112;
  if (minor <= 9) return 120;
  if (minor === 10) return 128;
  if (minor === 11) return 136;
  return 144;
}

/** MAKE_FUNCTION. Steals every reference passed in. */
export function newFunction(code: PyCode, globals: PyObject, builtins: PyObject, name: PyStr, qualname: PyStr, module: PyObject, doc: PyObject): PyFunction {
  const func = new PyFunction(code, globals, builtins, name, qualname, module, doc);
  allocateObject(func, functionObjectSize(rt.profile.minor));
  rt.gc.countAllocation();
  gcTrack(func);
  return func;
}

function forEachReference(func: PyFunction, visit: (child: PyObject) => void): void {
  visit(func.code);
  visit(func.globals);
  visit(func.builtins);
  visit(func.name);
  visit(func.qualname);
  if (func.defaults !== null) visit(func.defaults);
  if (func.kwdefaults !== null) visit(func.kwdefaults);
  if (func.closure !== null) visit(func.closure);
  visit(func.doc);
  visit(func.module);
  if (func.annotations !== null) visit(func.annotations);
  if (func.annotate !== null) visit(func.annotate);
}

export function functionTraverse(self: PyObject, visit: (child: PyObject) => void): void {
  forEachReference(self as PyFunction, visit);
  const attributes = attributesOf(self);
  if (attributes !== null) traverseAttributes(attributes, visit);
}

export function functionDealloc(self: PyObject): void {
  const func = self as PyFunction;
  gcUntrack(func);
  rt.clearWeakrefs(func);
  const references: PyObject[] = [];
  forEachReference(func, (child) => references.push(child));
  // The attribute dict is released once, by its storage (not also through the list above).
  releaseAttributes(func);
  freeObjectMemory(func, functionObjectSize(rt.profile.minor));
  rt.gc.countDeallocation();
  for (const child of references) if (--child.refcount === 0) child.type.dealloc(child);
}

/** tp_clear: drop the references that can form cycles (globals, defaults, closure, attributes). */
export function functionClear(self: PyObject): void {
  const func = self as PyFunction;
  const dropped: PyObject[] = [];
  if (func.defaults !== null) dropped.push(func.defaults), (func.defaults = null);
  if (func.kwdefaults !== null) dropped.push(func.kwdefaults), (func.kwdefaults = null);
  if (func.closure !== null) dropped.push(func.closure), (func.closure = null);
  if (func.annotations !== null) dropped.push(func.annotations), (func.annotations = null);
  if (func.annotate !== null) dropped.push(func.annotate), (func.annotate = null);
  releaseAttributes(func, true);
  for (const child of dropped) if (--child.refcount === 0) child.type.dealloc(child);
}
