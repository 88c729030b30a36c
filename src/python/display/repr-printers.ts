// IPython's `_repr_pprint` (the object's repr, its lines joined by forced breaks) and
// `_default_pprint` (`<module.Class at 0x…>` for objects whose class keeps object.__repr__).
import type { PyObject } from "../runtime/object.js";
import { decref } from "../runtime/object.js";
import { rt } from "../runtime/state.js";
import { reprText } from "../runtime/abstract/object-protocol.js";
import type { RepresentationPrinter } from "./representation-printer.js";
import { classOf } from "./representation-printer.js";
import { safeAttribute } from "./python-access.js";

/** Python's str.splitlines() without keepends. */
export function splitLines(text: string): string[] {
  const lines: string[] = [];
  let start = 0;
  let index = 0;
  while (index < text.length) {
    const unit = text[index]!;
    if (isLineBoundary(unit)) {
      lines.push(text.slice(start, index));
      index += unit === "\r" && text[index + 1] === "\n" ? 2 : 1;
      start = index;
    } else {
      index++;
    }
  }
  if (start < text.length) lines.push(text.slice(start));
  return lines;
}

function isLineBoundary(unit: string): boolean {
  switch (unit) {
    case "\n":
    case "\r":
    case "\u000b":
    case "\u000c":
    case "\u001c":
    case "\u001d":
    case "\u001e":
    case "\u0085":
    case "\u2028":
    case "\u2029":
      return true;
    default:
      return false;
  }
}

/** `_repr_pprint`: repr(obj), each line after the first on a forced new line, in one group. */
export function printRepr(value: PyObject, printer: RepresentationPrinter, _cycle: boolean): void {
  const lines = splitLines(reprText(value));
  printer.beginGroup();
  try {
    lines.forEach((line, index) => {
      if (index > 0) printer.forceBreak();
      printer.text(line);
    });
  } finally {
    printer.endGroup();
  }
}

/** `_default_pprint`: `<Class at 0xADDRESS>` unless the class's `__repr__` is not object's. */
export function printDefault(value: PyObject, printer: RepresentationPrinter, cycle: boolean): void {
  const klass = classOf(value);
  try {
    const classRepr = safeAttribute(klass, "__repr__");
    const isObjectRepr = classRepr === rt.types.object.namespace.get("__repr__");
    if (classRepr !== null) decref(classRepr);
    if (!isObjectRepr) {
      printRepr(value, printer, cycle);
      return;
    }
    printer.beginGroup(1, "<");
    printer.pretty(klass);
    printer.text(` at 0x${value.address.toString(16)}`);
    if (cycle) printer.text(" ...");
    printer.endGroup(1, ">");
  } finally {
    decref(klass);
  }
}
