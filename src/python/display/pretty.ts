// IPython's pretty printer (IPython.lib.pretty) for displayed values: types as `str`, functions
// with their module, default object reprs without "object", containers broken at width 79.
import type { PyObject } from "../runtime/object.js";
import { decref } from "../runtime/object.js";
import { rt } from "../runtime/state.js";
import { PyType } from "../runtime/type.js";
import { reprText } from "../runtime/abstract/object-protocol.js";
import { typeLookup } from "../runtime/abstract/attributes.js";
import { PyFunction } from "../runtime/types/function.js";
import { PyList } from "../runtime/types/list.js";
import { PyTuple } from "../runtime/types/tuple.js";
import { PyDict, dictForEach } from "../runtime/types/dict.js";
import { PySet } from "../runtime/types/set.js";
import { PyMethodDescriptor } from "../runtime/types/descriptors.js";
import { PyBuiltinFunction } from "../runtime/types/builtin-function.js";
import { richCompareBool } from "../runtime/abstract/compare.js";
import { CompareOp } from "../runtime/slots.js";
import { PyRaise, discardRaise } from "../runtime/errors.js";
import { addressText } from "../runtime/spec-helpers.js";

const MAX_WIDTH = 79;
const MAX_SEQ_LENGTH = 1000;

// ---- the layout engine (a Wadler-style printer with groups and breakables) -----------------

type Doc =
  | { kind: "text"; text: string }
  | { kind: "breakable"; separator: string }
  | { kind: "group"; indent: number; open: string; close: string; children: Doc[] };

function text(value: string): Doc {
  return { kind: "text", text: value };
}

function breakable(separator = " "): Doc {
  return { kind: "breakable", separator };
}

function group(indent: number, open: string, close: string, children: Doc[]): Doc {
  return { kind: "group", indent, open, close, children };
}

function flatWidth(doc: Doc): number {
  switch (doc.kind) {
    case "text":
      return doc.text.length;
    case "breakable":
      return doc.separator.length;
    case "group":
      return doc.open.length + doc.close.length + doc.children.reduce((sum, child) => sum + flatWidth(child), 0);
  }
}

/**
 * Renders like IPython's RepresentationPrinter: a group that fits on the rest of the line is
 * printed flat; otherwise its breakables become newlines indented to the group's level.
 */
function render(doc: Doc): string {
  let output = "";
  let column = 0;
  const emit = (value: string): void => {
    const lines = value.split("\n");
    output += value;
    column = lines.length > 1 ? lines[lines.length - 1]!.length : column + value.length;
  };
  const walk = (node: Doc, indentation: number, flat: boolean): void => {
    switch (node.kind) {
      case "text":
        emit(node.text);
        return;
      case "breakable":
        if (flat) emit(node.separator);
        else {
          output += "\n" + " ".repeat(indentation);
          column = indentation;
        }
        return;
      case "group": {
        const fits = flat || column + flatWidth(node) <= MAX_WIDTH;
        emit(node.open);
        for (const child of node.children) walk(child, indentation + node.indent, fits);
        emit(node.close);
        return;
      }
    }
  };
  walk(doc, 0, false);
  return output;
}

// ---- what IPython prints for each kind of value --------------------------------------------

function typeName(type: PyType): string {
  if (type.module === "builtins") return type.qualname;
  return `${type.module}.${type.qualname}`;
}

function hasOwnRepr(value: PyObject): boolean {
  const found = typeLookup(value.type, "__repr__");
  return !(found instanceof PyMethodDescriptor && found.owner === rt.types.object);
}

function sortedForPrint(items: PyObject[]): PyObject[] {
  try {
    return [...items].sort((a, b) => (richCompareBool(a, b, CompareOp.Lt) ? -1 : richCompareBool(b, a, CompareOp.Lt) ? 1 : 0));
  } catch (error) {
    if (error instanceof PyRaise) {
      discardRaise(error);
      return items;
    }
    throw error;
  }
}

function sequenceDoc(open: string, close: string, items: readonly PyObject[], trailingComma: boolean, seen: Set<PyObject>): Doc {
  const children: Doc[] = [];
  items.slice(0, MAX_SEQ_LENGTH).forEach((item, index) => {
    if (index > 0) children.push(text(","), breakable());
    children.push(docOf(item, seen));
  });
  if (items.length > MAX_SEQ_LENGTH) children.push(text(","), breakable(), text("..."));
  if (trailingComma) children.push(text(","));
  return group(open.length, open, close, children);
}

function docOf(value: PyObject, seen: Set<PyObject>): Doc {
  const type = value.type;
  if (value instanceof PyType) return text(typeName(value));
  if (seen.has(value) && (value instanceof PyList || value instanceof PyTuple || value instanceof PyDict || value instanceof PySet)) {
    return text(value instanceof PyList ? "[...]" : value instanceof PyTuple ? "(...)" : value instanceof PyDict ? "{...}" : `${type.name}(...)`);
  }
  if ((type === rt.types.list || type === rt.types.tuple) && !hasOverriddenRepr(value)) {
    seen.add(value);
    try {
      const items = (value as PyList | PyTuple).items;
      if (type === rt.types.tuple) return items.length === 0 ? text("()") : sequenceDoc("(", ")", items, items.length === 1, seen);
      return sequenceDoc("[", "]", items, false, seen);
    } finally {
      seen.delete(value);
    }
  }
  if (type === rt.types.dict && !hasOverriddenRepr(value)) {
    seen.add(value);
    try {
      const children: Doc[] = [];
      let index = 0;
      dictForEach(value as PyDict, (key, item) => {
        if (index > 0) children.push(text(","), breakable());
        children.push(docOf(key, seen), text(": "), docOf(item, seen));
        index++;
      });
      return group(1, "{", "}", children);
    } finally {
      seen.delete(value);
    }
  }
  if ((type === rt.types.set || type === rt.types.frozenset) && !hasOverriddenRepr(value)) {
    const keys = (value as PySet).table.keys();
    if (keys.length === 0) return text(`${type.name}()`);
    seen.add(value);
    try {
      const inner = sequenceDoc("{", "}", sortedForPrint(keys), false, seen);
      return type === rt.types.set ? inner : group(type.name.length + 1, `${type.name}(`, ")", [inner]);
    } finally {
      seen.delete(value);
    }
  }
  if (value instanceof PyFunction) {
    const module = value.module.type === rt.types.str ? reprTextOf(value.module) : null;
    const name = value.qualname.value;
    return text(`<function ${module !== null && module !== "builtins" ? `${module}.` : ""}${name}(${signatureText(value)})>`);
  }
  if (value instanceof PyBuiltinFunction && !value.isMethod) return text(`<function ${value.def.name}>`);
  if (!hasOwnRepr(value) && type.heapType) return text(`<${typeName(type)} at ${addressText(value)}>`);
  return text(reprText(value));
}

function hasOverriddenRepr(value: PyObject): boolean {
  return value.type.heapType && typeLookup(value.type, "__repr__") !== typeLookup(value.type.base ?? value.type, "__repr__");
}

function reprTextOf(value: PyObject): string {
  return (value as unknown as { value: string }).value;
}

/** The parameter list IPython 8 shows in a function's display, from its code object. */
function signatureText(func: PyFunction): string {
  const info = func.code.info;
  const names = info.varnames;
  const parts: string[] = [];
  const defaults = func.defaults?.items ?? [];
  const firstDefault = info.argCount - defaults.length;
  for (let index = 0; index < info.argCount; index++) {
    const name = names[index]!;
    parts.push(index >= firstDefault ? `${name}=${reprText(defaults[index - firstDefault]!)}` : name);
    if (info.positionalOnlyCount > 0 && index === info.positionalOnlyCount - 1) parts.push("/");
  }
  let next = info.argCount + info.keywordOnlyCount;
  if ((info.flags & 0x4) !== 0) parts.push(`*${names[next++]}`);
  else if (info.keywordOnlyCount > 0) parts.push("*");
  for (let index = info.argCount; index < info.argCount + info.keywordOnlyCount; index++) parts.push(names[index]!);
  if ((info.flags & 0x8) !== 0) parts.push(`**${names[next]}`);
  return parts.join(", ");
}

/** The text IPython shows for a displayed value (text/plain). */
export function prettyText(value: PyObject): string {
  return render(docOf(value, new Set()));
}

export { decref };
