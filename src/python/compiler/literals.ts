// The objects the parser creates for literals, one per occurrence (with CPython's singletons).
import type * as ast from "../ast/nodes.js";
import type { PyObject } from "../runtime/object.js";
import { rt } from "../runtime/state.js";
import { newInt } from "../runtime/types/int.js";
import { normalize } from "../runtime/types/int-value.js";
import { newFloat } from "../runtime/types/float.js";
import { newComplex } from "../runtime/types/complex.js";
import { newStr } from "../runtime/types/str.js";
import { newBytes } from "../runtime/types/bytes.js";
import type { ScalarValue } from "./constants.js";

/** A new reference to a fresh object for a constant value (cached singletons where CPython has them). */
export function newObjectForScalar(value: ScalarValue): PyObject {
  switch (value.kind) {
    case "int":
      return newInt(normalize(value.value));
    case "float":
      return newFloat(value.value);
    case "complex":
      return newComplex(0, value.imag);
    case "complexFull":
      return newComplex(value.real, value.imag);
    case "str":
      return newStr(value.value);
    case "bytes":
      return newBytes(value.value);
    case "bool": {
      const object = value.value ? rt.True : rt.False;
      object.refcount++;
      return object;
    }
    case "None":
      rt.None.refcount++;
      return rt.None;
    case "Ellipsis":
      rt.Ellipsis.refcount++;
      return rt.Ellipsis;
  }
}

/**
 * Walks a parsed tree and creates the object of every Constant node, as CPython's parser does
 * (the parse tree then holds one reference to each). Returns owned references.
 */
export function createLiteralObjects(tree: object): Map<ast.Constant, PyObject> {
  const objects = new Map<ast.Constant, PyObject>();
  for (const constant of constantNodes(tree)) objects.set(constant, newObjectForScalar(constant.value));
  return objects;
}

/** The Constant nodes of a parsed tree (or of some of its statements), in source order. */
export function constantNodes(tree: object): ast.Constant[] {
  const found: ast.Constant[] = [];
  const visit = (node: unknown): void => {
    if (node === null || typeof node !== "object") return;
    if (Array.isArray(node)) {
      for (const child of node) visit(child);
      return;
    }
    const record = node as { type?: unknown };
    if (record.type === "Constant") {
      found.push(node as ast.Constant);
      return;
    }
    if (typeof record.type !== "string") return;
    for (const key in node) {
      if (key === "type" || key === "value" && record.type === "MatchSingleton") continue;
      const child = (node as Record<string, unknown>)[key];
      if (child !== null && typeof child === "object") visit(child);
    }
  };
  visit(tree);
  return found;
}

/** Drops the parse tree's references (when IPython's cell ends, or a script's unit finishes). */
export function releaseLiteralObjects(objects: ReadonlyMap<ast.Constant, PyObject>): void {
  for (const object of objects.values()) {
    if (--object.refcount === 0) object.type.dealloc(object);
  }
}
