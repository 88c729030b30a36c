// Assignment targets: names, attributes, subscripts, unpacking; augmented assignment; del.
import type * as ast from "../../ast/nodes.js";
import type { CodeUnit } from "../code-unit.js";
import { compileExpression, inplaceCall, compileSubscriptKey } from "./expressions.js";
import { deleteName, loadName, storeName, attributeNameRef, attributeCacheRef } from "./names.js";
import { UnsupportedSyntax, compilerSyntaxError } from "./unsupported.js";
import { openBorrowedBinary, closeBorrowed } from "./borrowed-operands.js";

/** Stores the value on top of the stack into `target` (consuming it). */
export function storeTarget(unit: CodeUnit, target: ast.Expr): void {
  const emitter = unit.emitter;
  switch (target.type) {
    case "Name":
      storeName(unit, target.id);
      return;
    case "Attribute": {
      compileExpression(unit, target.value);
      const object = emitter.pop();
      const value = emitter.pop();
      emitter.line(`setAttr(${object}, ${attributeNameRef(unit, target.attr)}, ${value}, ${attributeCacheRef(unit, target.attr)}); dec(${value}); ${value} = null; dec(${object}); ${object} = null;`);
      return;
    }
    case "Subscript": {
      compileExpression(unit, target.value);
      compileSubscriptKey(unit, target.slice);
      const key = emitter.pop();
      const container = emitter.pop();
      const value = emitter.pop();
      emitter.line(`setItem(${container}, ${key}, ${value}); dec(${value}); ${value} = null; dec(${container}); ${container} = null; dec(${key}); ${key} = null;`);
      return;
    }
    case "Tuple":
    case "List":
      storeUnpacking(unit, target.elts);
      return;
    case "Starred":
      throw new UnsupportedSyntax("a starred assignment target outside a tuple or list", target.lineno);
    default:
      throw new UnsupportedSyntax(`assignment to ${target.type}`, target.lineno);
  }
}

function storeUnpacking(unit: CodeUnit, targets: readonly ast.Expr[]): void {
  const emitter = unit.emitter;
  const value = emitter.pop();
  const starIndex = targets.findIndex((target) => target.type === "Starred");
  if (targets.filter((target) => target.type === "Starred").length > 1) {
    throw compilerSyntaxError(unit, `${unit.profile.minor >= 9 ? "multiple" : "two"} starred expressions in assignment`, targets[0]!);
  }
  const items = emitter.temporary("items");
  if (starIndex < 0) {
    emitter.line(`const ${items} = unpack(${value}, ${targets.length}); dec(${value}); ${value} = null;`);
  } else {
    const after = targets.length - starIndex - 1;
    emitter.line(`const ${items} = unpackEx(${value}, ${starIndex}, ${after}); dec(${value}); ${value} = null;`);
  }
  // The items are owned by the array until each is moved onto the stack and stored; if a store
  // fails the remaining ones must still be released.
  emitter.open("try {");
  targets.forEach((target, index) => {
    const slot = emitter.push(`${items}[${index}]`);
    emitter.line(`${items}[${index}] = null;`);
    void slot;
    storeTarget(unit, target.type === "Starred" ? target.value : target);
  });
  emitter.middle("} finally {");
  emitter.line(`for (const item of ${items}) if (item !== null) dec(item);`);
  emitter.close();
}

/**
 * `a, b = x, y`: one unpacking target and a display of as many items (1 to 3, none starred, not
 * folded to a constant). CPython's optimiser turns BUILD_TUPLE + UNPACK_SEQUENCE into stack
 * rotations (3.6's peephole also BUILD_LIST + UNPACK_SEQUENCE), so no sequence is made, which
 * gc counts and the tuple free list show. Returns false when the statement takes the general path.
 */
export function storeDisplayByRotation(unit: CodeUnit, target: ast.Expr, value: ast.Expr): boolean {
  if (target.type !== "Tuple" && target.type !== "List") return false;
  if (value.type !== "Tuple" && !(value.type === "List" && unit.profile.minor === 6)) return false;
  const count = target.elts.length;
  if (count > 3 || value.elts.length !== count || count === 0) return false;
  if (target.elts.some((element) => element.type === "Starred") || value.elts.some((element) => element.type === "Starred")) return false;
  if (value.type === "Tuple" && unit.context.folder.fold(value) !== undefined) return false;
  for (const element of value.elts) compileExpression(unit, element);
  if (storesSwapStatically(unit, target.elts)) {
    for (let index = count - 1; index >= 0; index--) storeTarget(unit, target.elts[index]!);
    return true;
  }
  // ROT_TWO, ROT_THREE + ROT_TWO, SWAP: the first item ends on top and is stored first.
  if (count > 1) {
    const emitter = unit.emitter;
    const first = emitter.slot(emitter.depth - count);
    const last = emitter.slot(emitter.depth - 1);
    emitter.line(`{ const rotated = ${first}; ${first} = ${last}; ${last} = rotated; }`);
  }
  for (const element of target.elts) storeTarget(unit, element);
  return true;
}

/**
 * 3.11+ (apply_static_swaps): a SWAP followed by STORE_FASTs on one line to distinct variables is
 * done by exchanging the stores instead, so the last target is stored first and the values it
 * replaces are released in that order.
 */
function storesSwapStatically(unit: CodeUnit, targets: readonly ast.Expr[]): boolean {
  if (unit.profile.minor < 11 || targets.length < 2) return false;
  const names = new Set<string>();
  for (const target of targets) {
    if (target.type !== "Name" || target.lineno !== targets[0]!.lineno) return false;
    const name = unit.scope.mangle(target.id);
    if (unit.scope.lookup(name) !== "fast") return false;
    names.add(name);
  }
  return names.size === targets.length;
}

/** `target OP= value`. */
export function compileAugAssign(unit: CodeUnit, node: ast.AugAssign): void {
  const emitter = unit.emitter;
  const target = node.target;
  switch (target.type) {
    case "Name": {
      const borrowed = openBorrowedBinary(unit, node.op, target, node.value);
      loadName(unit, target.id);
      compileExpression(unit, node.value);
      const value = emitter.pop();
      const current = emitter.pop();
      emitter.line(`{ const r = ${inplaceCall(node.op, current, value)}; dec(${value}); ${value} = null; dec(${current}); ${current} = r; }`);
      if (borrowed) closeBorrowed(unit);
      emitter.reserve();
      storeName(unit, target.id);
      return;
    }
    case "Attribute": {
      compileExpression(unit, target.value);
      const object = emitter.slot(emitter.depth - 1);
      const current = emitter.push(`getAttr(${object}, ${attributeNameRef(unit, target.attr)}, ${attributeCacheRef(unit, target.attr)})`);
      compileExpression(unit, node.value);
      const value = emitter.pop();
      emitter.pop();
      emitter.line(`{ const r = ${inplaceCall(node.op, current, value)}; dec(${value}); ${value} = null; dec(${current}); ${current} = r; }`);
      emitter.pop();
      emitter.line(`setAttr(${object}, ${attributeNameRef(unit, target.attr)}, ${current}, ${attributeCacheRef(unit, target.attr)}); dec(${current}); ${current} = null; dec(${object}); ${object} = null;`);
      return;
    }
    case "Subscript": {
      compileExpression(unit, target.value);
      compileSubscriptKey(unit, target.slice);
      const key = emitter.slot(emitter.depth - 1);
      const container = emitter.slot(emitter.depth - 2);
      const current = emitter.push(`getItem(${container}, ${key})`);
      compileExpression(unit, node.value);
      const value = emitter.pop();
      emitter.pop();
      emitter.line(`{ const r = ${inplaceCall(node.op, current, value)}; dec(${value}); ${value} = null; dec(${current}); ${current} = r; }`);
      emitter.pop();
      emitter.pop();
      emitter.line(
        `setItem(${container}, ${key}, ${current}); dec(${current}); ${current} = null; dec(${container}); ${container} = null; dec(${key}); ${key} = null;`,
      );
      return;
    }
  }
}

/** `del target`. */
export function deleteTarget(unit: CodeUnit, target: ast.Expr): void {
  const emitter = unit.emitter;
  switch (target.type) {
    case "Name":
      deleteName(unit, target.id);
      return;
    case "Attribute": {
      compileExpression(unit, target.value);
      const object = emitter.pop();
      emitter.line(`deleteAttr(${object}, ${attributeNameRef(unit, target.attr)}); dec(${object}); ${object} = null;`);
      return;
    }
    case "Subscript": {
      compileExpression(unit, target.value);
      compileSubscriptKey(unit, target.slice);
      const key = emitter.pop();
      const container = emitter.pop();
      emitter.line(`deleteItem(${container}, ${key}); dec(${container}); ${container} = null; dec(${key}); ${key} = null;`);
      return;
    }
    case "Tuple":
    case "List":
      for (const element of target.elts) deleteTarget(unit, element);
      return;
    default:
      throw new UnsupportedSyntax(`del of ${target.type}`, target.lineno);
  }
}
